import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { answeredContext, expect, openBoard, screenshot, test, waitForSave } from "./helpers";
import { spawn, type ChildProcess } from "node:child_process";

// The service worker: the app opens with no network after one visit, and a new build is said,
// never swapped in under the fan's hands. (Elsewhere the tests block service workers.)
test.use({ serviceWorkers: "allow" });

const ROOT = path.join(__dirname, "..", "..", "..");
const DIST = path.join(ROOT, "dist");

/** The static host the app is served with (scripts/serve.sh), over `dir`, once it listens. */
function host(dir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const server = spawn("node", [path.join(ROOT, "scripts", "static-server.mjs"), "--dir", dir, "--port", String(port)]);
    server.stdout!.on("data", (line) => String(line).includes("listening") && resolve(server));
    server.on("exit", (code) => reject(new Error(`the static server stopped (${code})`)));
  });
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    server.removeAllListeners("exit");
    server.on("exit", () => resolve());
    server.kill();
  });
}

/** Waits until the service worker has kept the app and serves this page. */
async function kept(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test("after one visit the app opens with no network, and a board edited offline survives a reload", async ({ page, context }) => {
  await openBoard(page);
  await kept(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("[data-card-id]")).toHaveCount(37);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("Written on the train");
  await page.keyboard.press("Control+Enter");
  await waitForSave(page, "Written on the train");
  await page.reload();
  await expect(page.locator("[data-card-id].fan")).toContainText("Written on the train");
  await screenshot(page, "offline-second-visit");
  // pages of the site other than the app's are not the worker's to answer
  const other = await page.goto("/no-app-here").catch(() => null);
  expect(other?.ok() ?? false).toBe(false);
});

test("a new build is said and waits for Reload; then it serves the page and the old build's files go", async ({ browser }, info) => {
  // A host of our own, over a copy of the build that this test can change.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "caseboard-build-"));
  fs.cpSync(DIST, copy, { recursive: true });
  const port = 4190 + info.workerIndex;
  let server = await host(copy, port);
  const context = await answeredContext(browser, { serviceWorkers: "allow" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    await kept(page);
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);

    // The next build: a worker of another version.
    const worker = path.join(copy, "sw.js");
    fs.writeFileSync(worker, fs.readFileSync(worker, "utf8").replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "next-build"'));
    for (const f of ["sw.js.br", "sw.js.gz"]) fs.rmSync(path.join(copy, f), { force: true });
    await stop(server);
    server = await host(copy, port);

    await page.evaluate(() => ((window as any).stillThisPage = true));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    const notice = page.getByRole("status").filter({ hasText: "A new version of Caseboard is ready" });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await screenshot(page, "offline-update-ready");
    // said, not swapped: the page is the same one, still served by the old build
    expect(await page.evaluate(() => (window as any).stillThisPage)).toBe(true);

    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    expect(await page.evaluate(() => (window as any).stillThisPage)).toBeUndefined();
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(["caseboard-next-build"]);
    await expect(notice).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await stop(server);
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
