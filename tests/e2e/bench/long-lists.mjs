// The long-list benchmark (issue 18): what a fan waits for when a board or a universe holds very
// long lists: a board of 50,000 theories opening and its Theories panel, a card with 20,000
// strings picked, and a universe of 10,000 entities imported and opened again. Medians of a few
// runs in headless Chromium, printed, never asserted. Run by scripts/bench.sh.
import { chromium } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { bigUniverse, hubStrings, manyTheories } from "../long-lists.mjs";

const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:4174";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KEY = "caseboard.board.ballard";
const here = path.dirname(new URL(import.meta.url).pathname);
const ballard = JSON.parse(fs.readFileSync(path.join(here, "..", "..", "..", "data", "ballard.json"), "utf8"));
const premise = ballard.entities.filter((e) => e.kind !== "episode" && !e.first_episode).map((e) => e.id);

/** Milliseconds from now until `ready` holds in the page (checked every frame). */
async function until(page, ready, arg) {
  const started = Date.now();
  await page.waitForFunction(ready, arg, { timeout: 300_000, polling: "raf" });
  return Date.now() - started;
}

async function fresh(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    localStorage.setItem("caseboard.hint-dismissed", "1");
    localStorage.setItem("caseboard.watched-asked", "1");
  });
  const page = await context.newPage();
  return { context, page };
}

/** Opens the app on a stored board; the milliseconds from navigation to its first card drawn. */
async function openStored(page, board) {
  await page.goto(`${BASE}/no-app-here`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(board)]);
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => document.querySelector("[data-card-id] .card-body"), null, { timeout: 300_000, polling: "raf" });
  return page.evaluate(() => performance.now());
}

async function theories(browser) {
  const { context, page } = await fresh(browser);
  const open = await openStored(page, manyTheories(50_000));
  await page.getByRole("button", { name: "Theories" }).click();
  const panel = await until(page, () => document.querySelector(".theory-list .theory-row") && document.querySelector(".theories .show-more"));
  const rows = await page.locator(".theory-list .theory-row").count();
  await page.locator(".theories .show-more button").click();
  const more = await until(page, (n) => document.querySelectorAll(".theory-list .theory-row").length > n, rows);
  await context.close();
  return { open, panel, more, rows };
}

async function hub(browser) {
  const { context, page } = await fresh(browser);
  const open = await openStored(page, hubStrings(20_000, premise));
  // Known slow (every string's view wakes when one of its cards is picked): given a minute.
  let picked = null;
  try {
    const started = Date.now();
    await page.locator('[data-card-id="hub"]').click({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector(".connection-list li"), null, { timeout: 60_000, polling: "raf" });
    picked = Date.now() - started;
  } catch {}
  await context.close();
  return { open, picked };
}

async function universe(browser, text) {
  const { context, page } = await fresh(browser);
  await page.goto(`${BASE}/`);
  await page.waitForSelector("[data-card-id]");
  await page.getByRole("button", { name: "Theories" }).click();
  const started = Date.now();
  await page.locator('input[type="file"]:not([accept*=".canvas"])').setInputFiles({ name: "long-show.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByRole("status").filter({ hasText: "imported as a new board" }).waitFor({ timeout: 300_000 });
  const imported = Date.now() - started;
  await page.reload();
  // So many cards open as outlines (the overview), with none drawn in full.
  await page.waitForFunction(() => document.querySelector("[data-card-id] .card-body, svg.overview"), null, { timeout: 300_000, polling: "raf" });
  const reopened = await page.evaluate(() => performance.now());
  await context.close();
  return { imported, reopened };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const universeText = JSON.stringify(bigUniverse(10_000));
const runs = { theories: [], hub: [], universe: [] };
for (let run = 1; run <= RUNS; run++) {
  console.error(`long lists, run ${run} of ${RUNS}…`);
  runs.theories.push(await theories(browser));
  runs.hub.push(await hub(browser));
  runs.universe.push(await universe(browser, universeText));
}
await browser.close();

const m = (list, key) => (list.some((r) => r[key] == null) ? "over 60,000" : Math.round(median(list.map((r) => r[key]))));
const each = (list, key) => list.map((r) => (r[key] == null ? "over 60,000" : Math.round(r[key]))).join(", ");
console.log("\n| long list | what the fan waits for | median (ms) | each run (ms) |");
console.log("| --- | --- | ---: | --- |");
const row = (what, wait, list, key) => console.log(`| ${what} | ${wait} | ${m(list, key)} | ${each(list, key)} |`);
row("50,000 theories", "reload → board drawn", runs.theories, "open");
row("50,000 theories", `Theories panel opened (${runs.theories[0].rows} rows drawn)`, runs.theories, "panel");
row("50,000 theories", "Show more", runs.theories, "more");
row("20,000 strings from one card", "reload → board drawn", runs.hub, "open");
row("20,000 strings from one card", "card picked → its connections listed", runs.hub, "picked");
row(`universe of 10,000 entities (${Math.round(universeText.length / 1024)} KB)`, "file chosen → imported as a new board", runs.universe, "imported");
row("universe of 10,000 entities", "reload → board drawn", runs.universe, "reopened");
console.log(`(medians of ${RUNS} runs, 1280×800, headless Chromium)`);
fs.writeFileSync(path.join(here, "long-lists.json"), JSON.stringify({ date: new Date().toISOString(), runs }, null, 2));
