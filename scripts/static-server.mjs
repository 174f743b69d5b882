// A static host for a built `dist/`, as scripts/serve.sh, the browser tests and the cold-open
// benchmark (tests/e2e/bench/cold.mjs) use it: the
// right content types (application/wasm above all, which streaming compilation requires),
// brotli or gzip by the request's Accept-Encoding, and a host's cache headers (hashed files
// immutable, everything else revalidated with an ETag). Precompressed `.br`/`.gz` files beside
// the built ones are sent when present; otherwise the file is compressed once with node:zlib and
// kept in memory.
//
//   node scripts/static-server.mjs --dir dist --port 4175 [--encodings br,gzip] [--host 127.0.0.1]
//
// `--encodings` lists what this host is willing to send, best first (`gzip` alone is a host
// without brotli; `identity` alone sends nothing compressed). It prints "listening on <url>"
// once every compressed form is ready, so no request pays for compressing.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import * as zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};
/** Types worth compressing; images other than SVG are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt", ".map"]);
/** The precompressed file's suffix for each encoding. */
const SUFFIX = { br: ".br", gzip: ".gz" };
/** A trunk-hashed name (`caseboard-c13b7963292c2fc3_bg.wasm`) or a folder of one
 * (`snippets/caseboard-18837a606a865c20/inline0.js`): its content never changes under that name. */
const HASHED = /-[0-9a-f]{16}(?:[_./]|$)/;

/** Compressed once at the highest level, as a build that precompresses would: the cache makes
 * the cost a one-off, and the benchmark measures the bytes a well-configured host sends. */
function compress(encoding, data) {
  if (encoding === "br") {
    return zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
  }
  return zlib.gzipSync(data, { level: 9 });
}

/** The encodings the client accepts (q > 0), lower-cased; `*` stands for any. */
function accepted(header = "") {
  const out = new Set();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/** A served file: its bytes and, lazily, each compressed form. */
class Entry {
  constructor(file) {
    this.file = file;
    this.ext = path.extname(file).toLowerCase();
    this.body = fs.readFileSync(file);
    this.etag = `"${crypto.createHash("sha1").update(this.body).digest("base64url").slice(0, 20)}"`;
    this.forms = new Map();
  }

  /** The body in `encoding`: the precompressed file beside it if there is one, else made here. */
  encoded(encoding) {
    if (!this.forms.has(encoding)) {
      const beside = this.file + SUFFIX[encoding];
      this.forms.set(encoding, fs.existsSync(beside) ? fs.readFileSync(beside) : compress(encoding, this.body));
    }
    return this.forms.get(encoding);
  }
}

export function createStaticServer({ dir, encodings = ["br", "gzip"] }) {
  const root = path.resolve(dir);
  const entries = new Map();

  /** The file a URL path names inside `root`, or null (outside it, missing, a folder). */
  function lookup(urlPath) {
    let rel;
    try {
      rel = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    if (!entries.has(file)) {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
      entries.set(file, new Entry(file));
    }
    return entries.get(file);
  }

  /** Reads and compresses every file up front, so that no timed request waits for zlib. */
  function warm(folder = root) {
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (fs.statSync(file).isDirectory()) warm(file);
      else if (!name.endsWith(".br") && !name.endsWith(".gz")) {
        const entry = lookup("/" + path.relative(root, file).split(path.sep).join("/"));
        if (entry && COMPRESSIBLE.has(entry.ext)) for (const e of encodings) if (SUFFIX[e]) entry.encoded(e);
      }
    }
  }

  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const urlPath = new URL(req.url, "http://host").pathname;
    const entry = lookup(urlPath);
    if (!entry) {
      // A plain 404 page, as a host without a single-page fallback sends; still an origin page
      // on which storage can be prepared.
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : "<!DOCTYPE html><title>Not found</title><p>Not found</p>");
      return;
    }
    const headers = {
      "Content-Type": TYPES[entry.ext] ?? "application/octet-stream",
      "Cache-Control": HASHED.test(urlPath) ? "public, max-age=31536000, immutable" : "no-cache",
      ETag: entry.etag,
      "X-Content-Type-Options": "nosniff",
    };
    const compressible = COMPRESSIBLE.has(entry.ext);
    if (compressible) headers.Vary = "Accept-Encoding";
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = entry.body;
    if (compressible) {
      const wanted = accepted(req.headers["accept-encoding"]);
      const encoding = encodings.find((e) => SUFFIX[e] && (wanted.has(e) || wanted.has("*")));
      if (encoding) {
        body = entry.encoded(encoding);
        headers["Content-Encoding"] = encoding;
      }
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return { server, warm };
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = option("dir", "dist");
  const port = Number(option("port", 4175));
  const host = option("host", "127.0.0.1");
  const encodings = option("encodings", "br,gzip").split(",").map((e) => e.trim()).filter(Boolean);
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    console.error(`static-server: no index.html in ${dir}: build the app first`);
    process.exit(1);
  }
  const { server, warm } = createStaticServer({ dir, encodings });
  warm();
  server.listen(port, host, () => console.log(`listening on http://${host}:${port} (${encodings.join(", ")})`));
}
