import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page, TestInfo } from "@playwright/test";
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

/** Adds a note saying `text`, waits for its save and reloads: the note is on the board again. */
async function noteSurvivesAReload(page: Page, text: string) {
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Control+Enter");
  await waitForSave(page, text);
  await page.reload();
  await expect(page.locator("[data-card-id].fan")).toContainText(text);
}

test("after one visit the app opens with no network, and a board edited offline survives a reload", async ({ page, context }) => {
  await openBoard(page);
  await kept(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("[data-card-id]")).toHaveCount(37);
  await noteSurvivesAReload(page, "Written on the train");
  await screenshot(page, "offline-second-visit");
  // pages of the site other than the app's are not the worker's to answer
  const other = await page.goto("/no-app-here").catch(() => null);
  expect(other?.ok() ?? false).toBe(false);
});

/** A port for a test's own host: one per worker (its tests run one after another, each stopping
 * its host), beside the port of the run's own server (E2E_PORT, so two runs can share a machine). */
const ownPort = (info: TestInfo) => Number(process.env.E2E_PORT ?? 4173) + 20 + info.parallelIndex;

type OwnHost = { page: Page; copy: string; url: string; restart: () => Promise<void> };

/** Runs `body` with a host of its own over a copy of the build, which the test may change
 * (`restart` serves the changed copy), and a fan's page on it with service workers allowed. */
async function onAHostOfItsOwn(browser: Browser, port: number, body: (host: OwnHost) => Promise<void>) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "caseboard-build-"));
  fs.cpSync(DIST, copy, { recursive: true });
  let server = await host(copy, port);
  const context = await answeredContext(browser, { serviceWorkers: "allow" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const restart = async () => {
    await stop(server);
    server = await host(copy, port);
  };
  try {
    await body({ page, copy, url: `http://127.0.0.1:${port}/`, restart });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await stop(server);
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** Changes the copy's worker (as the next build's would differ); its compressed copies go. */
function changeWorker(copy: string, change: (text: string) => string) {
  const worker = path.join(copy, "sw.js");
  const text = fs.readFileSync(worker, "utf8");
  const changed = change(text);
  expect(changed, "the worker is written as this test expects").not.toBe(text);
  fs.writeFileSync(worker, changed);
  for (const f of ["sw.js.br", "sw.js.gz"]) fs.rmSync(path.join(copy, f), { force: true });
}

const nextBuild = (text: string) => text.replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "next-build"');
/** A worker that lists a file the host does not have, as after a deploy that lost one: it can
 * never keep the build whole. */
const losingAFile = (text: string) => text.replace("const FILES = [", 'const FILES = [\n  "./a-file-the-host-lost.js",');

/** Whether the page's registration has a worker in any state (a failed first install leaves none). */
function hasAWorker(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration ? !!(registration.installing || registration.waiting || registration.active) : false;
  });
}

/** Opens the app at `url` and waits until its worker has kept the build and serves the page. */
async function visitAndKeep(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  await kept(page);
}

const updateNotice = (page: Page) => page.getByRole("status").filter({ hasText: "A new version of Caseboard is ready" });

test("a new build is said and waits for Reload; then it serves the page and the old build's files go", async ({ browser }, info) => {
  await onAHostOfItsOwn(browser, ownPort(info), async ({ page, copy, url, restart }) => {
    await visitAndKeep(page, url);
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);

    // The next build: a worker of another version.
    changeWorker(copy, nextBuild);
    await restart();

    await page.evaluate(() => ((window as any).stillThisPage = true));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    const notice = updateNotice(page);
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await screenshot(page, "offline-update-ready");
    // said, not swapped: the page is the same one, still served by the old build
    expect(await page.evaluate(() => (window as any).stillThisPage)).toBe(true);

    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    expect(await page.evaluate(() => (window as any).stillThisPage)).toBeUndefined();
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(["caseboard-next-build"]);
    await expect(notice).toHaveCount(0);
  });
});

test("a worker that cannot keep the whole build is not installed, and the app works from the network", async ({ browser }, info) => {
  await onAHostOfItsOwn(browser, ownPort(info), async ({ page, copy, url, restart }) => {
    changeWorker(copy, losingAFile);
    await restart();
    await page.goto(url);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    // The install ran (it opened its cache) and failed whole: nothing kept, no worker left.
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toHaveLength(1);
    await expect.poll(() => hasAWorker(page)).toBe(false);
    expect(await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).length)).toBe(0);

    // The app goes on from the network, edits and all, and says nothing alarming.
    await noteSurvivesAReload(page, "Saved without a worker");
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(updateNotice(page)).toHaveCount(0);
  });
});

test("a next build the worker cannot keep whole leaves the working one, and is said once the host has it all", async ({ browser }, info) => {
  await onAHostOfItsOwn(browser, ownPort(info), async ({ page, copy, url, restart }) => {
    await visitAndKeep(page, url);
    expect(await page.evaluate(() => caches.keys())).toHaveLength(1);

    // A deploy that lost a file: the next build's worker fails to install, and the old one
    // goes on serving the page, with no notice of a build that cannot be had.
    changeWorker(copy, (text) => losingAFile(nextBuild(text)));
    await restart();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update().catch(() => {})));
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toContain("caseboard-next-build");
    await expect
      .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.installing))
      .toBe(false);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
    await expect(updateNotice(page)).toHaveCount(0);
    await page.reload();
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    // The host has the whole build again (the lost file is back, the worker as deployed): the
    // next check finds it and says so.
    fs.writeFileSync(path.join(copy, "a-file-the-host-lost.js"), "// found again\n");
    await restart();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await expect(updateNotice(page)).toBeVisible({ timeout: 15_000 });
    await Promise.all([page.waitForEvent("load"), updateNotice(page).getByRole("button", { name: "Reload" }).click()]);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    // The old build's cache is gone with the old worker; the next build's, which the failed
    // attempt had opened, is now whole.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(["caseboard-next-build"]);
    expect(await page.evaluate(async () => (await (await caches.open("caseboard-next-build")).keys()).length)).toBeGreaterThan(1);
  });
});
