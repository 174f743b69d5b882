// The last step of every build (a trunk post_build hook, see Trunk.toml): writes the service
// worker with the build's file list and a version drawn from their contents, then puts a brotli
// (.br) and a gzip (.gz) copy beside every file worth compressing, at the highest settings, for a
// static host that sends precompressed files (scripts/serve.sh's does; see docs/deploy in the
// README). Runs on the build's staging folder, which trunk names in TRUNK_STAGING_DIR.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

const root = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!root) throw new Error("finish-build: no build folder (TRUNK_STAGING_DIR, or a path argument)");
const here = path.dirname(new URL(import.meta.url).pathname);
const COMPRESSIBLE = /\.(html|js|css|wasm|svg|webmanifest|json)$/;
const PRECOMPRESSED = /\.(br|gz)$/;

/** Every file of the build, as paths relative to its root, in a stable order. */
function files(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const built = files(root).filter((f) => !PRECOMPRESSED.test(f) && f !== "sw.js");
const hash = crypto.createHash("sha256");
for (const f of built) hash.update(f).update(fs.readFileSync(path.join(root, f)));
const version = hash.digest("hex").slice(0, 16);
// The page itself is kept as "./", the address every visit asks for.
const kept = built.map((f) => (f === "index.html" ? "./" : f));
const template = fs.readFileSync(path.join(here, "..", "static", "sw.template.js"), "utf8");
fs.writeFileSync(
  path.join(root, "sw.js"),
  template.replace("__VERSION__", version).replace("__FILES__", JSON.stringify(kept, null, 2)),
);

for (const f of [...built, "sw.js"].filter((f) => COMPRESSIBLE.test(f))) {
  const file = path.join(root, f);
  const data = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  fs.writeFileSync(`${file}.br`, brotli);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
}
console.log(`finish-build: service worker ${version} keeps ${kept.length} files; .br and .gz written`);
