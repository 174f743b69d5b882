// The cold-open benchmark (issue 16): how fast the release build opens on a phone with nothing
// cached, on Lighthouse's mobile profile, served by scripts/static-server.mjs as a static host
// would (brotli or gzip). For the default board and for a share link of a board with 50 theory
// strings, each run in a fresh browser context: the cold visit, a repeat visit in the same
// context (its HTTP cache warm) and a visit with the network offline; the same three visits of a
// reference page (bench/reference: one card's title and a caching service worker, no app), for
// what the browser and this harness cost by themselves. Prints the medians of three runs with
// their range; writes every run's figures to bench/cold-results.json. Figures only: nothing here
// fails on time. Run by scripts/bench-cold.sh, which starts the servers.
//
//   BENCH_COLD_SERVERS="br=http://127.0.0.1:4175,gzip=http://127.0.0.1:4176" \
//   BENCH_COLD_REFERENCE=http://127.0.0.1:4177 BENCH_RUNS=3 node bench/cold.mjs
import { chromium } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** label=base URL of one server each; every run visits them in turn, so load falls on all alike. */
const SERVERS = (process.env.BENCH_COLD_SERVERS ?? "br=http://127.0.0.1:4175")
  .split(",")
  .map((s) => s.trim().split("="))
  .map(([label, base]) => ({ label, base }));
/** Base URL of the reference page's server, if one is given. */
const REFERENCE = process.env.BENCH_COLD_REFERENCE;
/** How long one visit may take before it counts as never interactive. */
const VISIT_TIMEOUT_MS = 60_000;

// Lighthouse's mobile profile ("Slow 4G", Moto G Power): 150 ms round trip, 1,638.4 kbit/s down,
// 750 kbit/s up, 4× CPU slowdown, a 412 × 823 screen at 2.625 device pixels per CSS pixel.
// Applied here as DevTools throttling: the latency is added to every request.
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };
// The same Chromium and flags as the browser tests (playwright.config.ts).
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs in every page before the app: marks the moments of the open in `window.__cold`, each as
 * performance.now(), which counts from the navigation's start.
 *
 * Storage is preset as the browser tests' helpers do (helpers.ts: `answeredContext` and the
 * dismissed hint): the friend has said how far they watched, so no first-visit question covers
 * the board. The question would add the friend's own thinking time to "interactive", which no
 * benchmark can measure, and behind it the app's start-up is the same.
 *
 * With `firstVisit`, nothing is preset: the page's own first paint (the premise drawn into
 * index.html) counts as the first card, and the app's question is timed instead of a drag.
 */
function coldMarks(firstVisit) {
  if (!firstVisit) {
    try {
      localStorage.setItem("caseboard.watched-asked", "1");
      localStorage.setItem("caseboard.hint-dismissed", "1");
    } catch {}
  }
  const marks = (window.__cold = { firstCard: null, instantiated: null, started: null, moved: null, asked: null });
  // wasm-bindgen's init compiles and instantiates through one of these; its promise settling is
  // the moment the module is ready, before the app's main runs and renders.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        marks.instantiated ??= performance.now();
        return result;
      });
    };
  }
  // trunk's loader fires this once init (and with it the app's first render) has returned.
  addEventListener("TrunkApplicationStarted", () => (marks.started ??= performance.now()));
  // The drag taking effect: the first change of a card's transform once a finger is down (cards
  // do not move by themselves). Timed here rather than when the attempt ends, because under the
  // 4× slowdown the attempt's own touch events take about a second to be delivered, one a frame.
  const probe = document.createElement("div");
  const moved = new MutationObserver((records) => {
    for (const r of records) {
      if (!r.target.hasAttribute("data-card-id")) continue;
      probe.style.cssText = r.oldValue ?? "";
      if (probe.style.transform === r.target.style.transform) continue;
      marks.moved = performance.now();
      moved.disconnect();
      return;
    }
  });
  const watch = () => {
    removeEventListener("pointerdown", watch, true);
    moved.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["style"], attributeOldValue: true });
  };
  addEventListener("pointerdown", watch, true);
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  // The first frame with a card's title on screen (the app's, the first paint's while it is the
  // board that opens, or the page's picture of the fan's own board as they left it), and the
  // first with the app's question: checked before every frame.
  const cards = '[data-card-id] [data-role="title"], html[data-opening="board"] #first-paint [data-card], #first-paint [data-snapshot-card-id] [data-role="title"]';
  const poll = () => {
    if (marks.firstCard === null && [...document.querySelectorAll(cards)].some(onScreen)) marks.firstCard = performance.now();
    if (marks.asked === null && document.querySelector(".watched-dialog")) marks.asked = performance.now();
    if (marks.firstCard === null || (firstVisit && marks.asked === null)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** A card the finger can reach: its lower middle on screen and not covered (the pin at its top
 * would start a string instead). Null while the board has none. */
function grabbableCard() {
  for (const card of document.querySelectorAll("[data-card-id]")) {
    const r = card.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height * 0.7;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    if (document.elementFromPoint(x, y)?.closest("[data-card-id]") !== card) continue;
    return { id: card.getAttribute("data-card-id"), x, y };
  }
  return null;
}

async function touch(cdp, type, points) {
  await cdp.send("Input.dispatchTouchEvent", {
    type,
    touchPoints: points.map((p) => ({ ...p, id: 1, radiusX: 4, radiusY: 4, force: 1 })),
  });
}

/**
 * Board interactive: tries a short finger drag on a card, again and again, until one moves it;
 * returns when the card first moved (`window.__cold.moved`). The first try waits for the first
 * card's frame, so that no touch handling delays that frame and the figure before it; null if
 * no card ever shows or moves.
 */
async function firstDrag(page, cdp) {
  const deadline = Date.now() + VISIT_TIMEOUT_MS;
  // Waited for in the page, frame by frame: polling from here would take the main thread from
  // the app while it starts.
  const painted = await page
    .waitForFunction(() => window.__cold.firstCard !== null, null, { polling: "raf", timeout: VISIT_TIMEOUT_MS })
    .then(() => true, () => false);
  while (painted && Date.now() < deadline) {
    const card = await page.evaluate(grabbableCard).catch(() => null); // null while navigating
    if (!card) {
      await sleep(30);
      continue;
    }
    await touch(cdp, "touchStart", [{ x: card.x, y: card.y }]);
    for (let i = 1; i <= 5; i++) await touch(cdp, "touchMove", [{ x: card.x + 6 * i, y: card.y + 4 * i }]);
    await touch(cdp, "touchEnd", []);
    const moved = await page.evaluate(() => window.__cold.moved);
    if (moved !== null) return moved;
  }
  return null;
}

/** Counts what the page's requests cost on the wire (headers and bodies, as received). */
function wireMeter(cdp) {
  const meter = { bytes: 0, requests: 0, inFlight: new Set(), lastEvent: Date.now(), encodings: {} };
  cdp.on("Network.requestWillBeSent", (e) => {
    meter.inFlight.add(e.requestId);
    meter.lastEvent = Date.now();
  });
  cdp.on("Network.responseReceived", (e) => {
    const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1];
    if (e.response.url.endsWith(".wasm")) meter.encodings.wasm = enc ?? "identity";
  });
  const done = (e) => {
    meter.inFlight.delete(e.requestId);
    meter.lastEvent = Date.now();
  };
  cdp.on("Network.loadingFinished", (e) => {
    meter.bytes += e.encodedDataLength;
    meter.requests += 1;
    done(e);
  });
  cdp.on("Network.loadingFailed", done);
  return meter;
}

/** Waits until no request has been in flight for half a second (at most 10 s). */
async function networkQuiet(meter) {
  const until = Date.now() + 10_000;
  while (Date.now() < until && (meter.inFlight.size > 0 || Date.now() - meter.lastEvent < 500)) await sleep(50);
}

/** The page's main-thread time so far (taken once the first drag has ended), by Chromium's own
 * accounting (CDP Performance metrics), in milliseconds of the throttled thread. */
async function mainThreadTime(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value * 1000]));
  return { task: m.TaskDuration, script: m.ScriptDuration, compile: m.V8CompileDuration, style: m.RecalcStyleDuration, layout: m.LayoutDuration };
}

/** One visit of `url` in `context` on the phone profile: the figures of the open. It lasts
 * `until` a finger's drag moved a card ("drag"), the app asked its first-visit question
 * ("question"), or a card's title was on screen and the page's service worker ready ("card",
 * for the reference page, which has nothing to drag). */
async function visit(context, url, { offline = false, until = "drag" } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // Offline, Playwright's own emulation holds the network; throttling it again would lift that.
  if (!offline) await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Performance.enable");
  const meter = wireMeter(cdp);
  try {
    await page.goto(url, { waitUntil: "commit", timeout: VISIT_TIMEOUT_MS });
  } catch (e) {
    await page.close();
    return { opens: false, why: e.message.split("\n")[0] };
  }
  const waitFor = (predicate) =>
    page.waitForFunction(predicate, null, { polling: "raf", timeout: VISIT_TIMEOUT_MS }).then(() => null, () => null);
  let interactiveMs = null;
  if (until === "drag") interactiveMs = await firstDrag(page, cdp);
  else if (until === "question") await waitFor(() => window.__cold.asked !== null);
  else {
    await waitFor(() => window.__cold.firstCard !== null);
    // Its worker keeps the page for the repeat visit; an offline visit has it already.
    await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => {});
  }
  const mainThread = await mainThreadTime(cdp);
  await networkQuiet(meter);
  const marks = await page.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
    const nav = performance.getEntriesByType("navigation")[0];
    // What opened, to tell a shared board from the default one: its theory strings, its bar.
    const shown = {
      cards: document.querySelectorAll("[data-card-id]").length,
      theoryStrings: document.querySelectorAll("[data-theory]").length,
      sharedPreview: document.querySelector('[aria-label="Shared board"]') !== null,
    };
    return { ...window.__cold, shown, htmlMs: nav?.responseEnd ?? null, wasmMs: wasm?.responseEnd ?? null };
  });
  // Left as a fan leaves it (the page hides, and the app keeps what it keeps then), not closed
  // from outside, which skips the page's own leaving.
  await page.goto("about:blank").catch(() => {});
  await page.close();
  return {
    opens: marks.firstCard !== null,
    bytes: meter.bytes,
    requests: meter.requests,
    wasmEncoding: meter.encodings.wasm ?? null,
    firstCardMs: marks.firstCard,
    interactiveMs,
    askedMs: marks.asked,
    htmlMs: marks.htmlMs,
    wasmMs: marks.wasmMs,
    instantiatedMs: marks.instantiated,
    startedMs: marks.started,
    shown: marks.shown,
    mainThread,
  };
}

/** A board of 50 theory strings between canon cards, in two theories, each pair tied once. */
function fiftyStringBoard() {
  const universe = JSON.parse(fs.readFileSync(path.join(here, "..", "..", "..", "data", "ballard.json"), "utf8"));
  const ids = universe.entities.map((e) => e.id);
  const confidences = ["confirmed", "likely", "suspected", "debunked"];
  const strings = [];
  // Neighbours one apart around the list, then two apart, ...: distinct pairs while the step is
  // under half the list.
  for (let step = 1; strings.length < 50; step++) {
    for (let a = 0; a < ids.length && strings.length < 50; a++) {
      const n = strings.length;
      strings.push({
        id: `lead-${n}`,
        from: ids[a],
        to: ids[(a + step) % ids.length],
        label: `lead ${n + 1}`,
        theory: n % 2 ? "t-mole" : "t-frame",
        confidence: confidences[n % confidences.length],
      });
    }
  }
  return {
    format: "caseboard",
    version: 2,
    name: "Fifty leads",
    universe: { id: "ballard", version: universe.version ?? 1 },
    board: {
      theories: [
        { id: "t-frame", name: "Someone framed Ballard", colour: "#c0392b" },
        { id: "t-mole", name: "There is a mole", colour: "#2a7de1" },
      ],
      strings,
    },
  };
}

/** The share link's fragment for the 50-string board, made by the app's own Share button on a
 * laptop-sized page, unthrottled (making it is not what is measured). */
async function shareFragment(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(coldMarks, false);
  const page = await context.newPage();
  await page.goto(`${base}/no-app-here`); // the origin's storage, without the app
  await page.evaluate((text) => localStorage.setItem("caseboard.board.ballard", text), JSON.stringify(fiftyStringBoard()));
  await page.goto(`${base}/`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Share link URL" });
  await page.waitForFunction(() => /#board=1\./.test(document.querySelector(".share-url")?.value ?? ""), null, { timeout: 30_000 });
  const url = await field.inputValue();
  await context.close();
  return { fragment: new URL(url).hash };
}

/** The cold visit, a repeat visit and an offline one, in one fresh context, each lasting `until`
 * (see visit); a first visit alone (nothing stored, so the app asks how far the friend watched
 * before any drag). */
async function oneCase(browser, url, { firstVisit = false, until = "drag" } = {}) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(coldMarks, firstVisit);
  if (firstVisit) {
    const cold = await visit(context, url, { until: "question" });
    await context.close();
    return { cold };
  }
  const cold = await visit(context, url, { until });
  const repeat = await visit(context, url, { until });
  await context.setOffline(true);
  const offline = await visit(context, url, { offline: true, until });
  await context.close();
  return { cold, repeat, offline };
}

function median(values) {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const FIGURES = ["bytes", "firstCardMs", "interactiveMs", "askedMs", "htmlMs", "wasmMs", "instantiatedMs", "startedMs"];
const MAIN_THREAD = ["script", "style", "layout"];
function summary(visits) {
  const out = { opens: `${visits.filter((v) => v.opens).length} of ${visits.length}` };
  const spreadOf = (values) => (values.length ? { median: median(values), min: Math.min(...values), max: Math.max(...values) } : null);
  for (const key of FIGURES) out[key] = spreadOf(visits.map((v) => v[key]).filter((v) => typeof v === "number"));
  out.mainThread = Object.fromEntries(MAIN_THREAD.map((key) => [key, spreadOf(visits.map((v) => v.mainThread?.[key]).filter((v) => typeof v === "number"))]));
  out.wasmEncoding = visits.find((v) => v.wasmEncoding)?.wasmEncoding ?? null;
  return out;
}

const browser = await chromium.launch(LAUNCH);
const results = { date: new Date().toISOString(), runs: RUNS, profile: { network: NETWORK, cpuSlowdown: CPU_SLOWDOWN, ...PHONE }, servers: {} };
const link = await shareFragment(browser, SERVERS[0].base);
results.shareFragmentChars = link.fragment.length - 1;
console.error(`share link of the 50-string board: ${results.shareFragmentChars} characters of fragment`);

const CASES = [
  { name: "first visit, nothing stored", path: "/", firstVisit: true },
  { name: "default board", path: "/" },
  { name: "share link, 50 theory strings", path: `/${link.fragment}` },
];
const REFERENCE_CASE = "reference: one card, no app";
const each = {}; // label → case → [run results]
const referenceRuns = [];
for (let run = 1; run <= RUNS; run++) {
  for (const { label, base } of SERVERS) {
    for (const c of CASES) {
      console.error(`run ${run} of ${RUNS}: ${label}, ${c.name}…`);
      ((each[label] ??= {})[c.name] ??= []).push(await oneCase(browser, base + c.path, { firstVisit: c.firstVisit }));
    }
  }
  if (REFERENCE) {
    console.error(`run ${run} of ${RUNS}: ${REFERENCE_CASE}…`);
    referenceRuns.push(await oneCase(browser, `${REFERENCE}/`, { until: "card" }));
  }
}
await browser.close();
const VISITS = ["cold", "repeat", "offline"];
if (REFERENCE) {
  results.reference = Object.fromEntries(VISITS.map((kind) => [kind, summary(referenceRuns.map((r) => r[kind]))]));
  results.reference.runs = referenceRuns;
}

for (const { label } of SERVERS) {
  results.servers[label] = {};
  for (const c of CASES) {
    const runs = each[label][c.name];
    results.servers[label][c.name] = {
      cold: summary(runs.map((r) => r.cold)),
      ...(c.firstVisit ? {} : { repeat: summary(runs.map((r) => r.repeat)), offline: summary(runs.map((r) => r.offline)) }),
      runs,
    };
  }
}

const kb = (v) => (v == null ? "—" : v < 10_000 ? `${(v / 1000).toFixed(1)} KB` : `${Math.round(v / 1000)} KB`);
const sec = (v) => (v == null ? "—" : `${(v / 1000).toFixed(2)} s`);
const spread = (s, fmt) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : "—");
const visitName = (kind) => (kind === "offline" ? "offline after one visit" : kind);
/** One row of the table: a visit's medians (`s`, see summary), its interactive cell given. */
function row(label, name, kind, s, interactive) {
  const received = s.htmlMs ? `${sec(s.htmlMs.median)} / ${s.wasmMs ? sec(s.wasmMs.median) : "—"}` : "—";
  console.log(
    `| ${label} | ${name} | ${visitName(kind)} | ${spread(s.bytes, kb)} | ${spread(s.firstCardMs, sec)} | ${interactive} | ${received} | ${sec(s.instantiatedMs?.median)} | ${sec(s.startedMs?.median)} |`,
  );
}
console.log(`\nCold open on a phone (Lighthouse mobile: 150 ms RTT, 1.6 Mbit/s down, 4× CPU, 412×823); medians of ${RUNS} runs, (min–max)\n`);
console.log("| served | case | visit | on the wire | first card painted | board interactive | html / wasm received | wasm ready | app started |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const { label } of SERVERS) {
  for (const c of CASES) {
    for (const kind of c.firstVisit ? ["cold"] : VISITS) {
      const s = results.servers[label][c.name][kind];
      const neverOpened = s.opens.startsWith("0 of");
      if (kind === "offline" && neverOpened) {
        console.log(`| ${label} | ${c.name} | offline after one visit | — | fails (${s.opens} open) | fails | — | — | — |`);
        continue;
      }
      row(label, c.name, kind, s, c.firstVisit ? `question at ${spread(s.askedMs, sec)}` : spread(s.interactiveMs, sec));
    }
  }
}
// The reference page is served with brotli (scripts/bench-cold.sh) and has nothing to drag.
if (REFERENCE) for (const kind of VISITS) row("br", REFERENCE_CASE, kind, results.reference[kind], "—");
// Issue 16's budgets on the first server's medians (brotli in scripts/bench-cold.sh): printed, never asserted.
const [first] = SERVERS;
const of = (caseName, kind) => results.servers[first.label][caseName][kind];
const budgets = [];
const budget = (what, figures, limit, fmt) => {
  const shown = figures.map(([name, s]) => `${name} ${s ? fmt(s.median) : "—"}`).join(", ");
  budgets.push({ what, met: figures.every(([, s]) => s && s.median <= limit), shown });
};
const firstVisitCase = CASES.find((c) => c.firstVisit).name;
const ownBoard = CASES.find((c) => !c.firstVisit && c.path === "/").name;
const sharedBoard = CASES.find((c) => c.path.startsWith("/#")).name;
budget(
  "first card painted ≤ 1.0 s",
  [["first visit", of(firstVisitCase, "cold").firstCardMs], ["stored, no picture", of(ownBoard, "cold").firstCardMs], ["link", of(sharedBoard, "cold").firstCardMs]],
  1000,
  sec,
);
budget("first drag takes effect ≤ 2.5 s", [["default board", of(ownBoard, "cold").interactiveMs], ["link", of(sharedBoard, "cold").interactiveMs]], 2500, sec);
budget("on the wire ≤ 300 KB", [["cold", of(ownBoard, "cold").bytes]], 300_000, kb);
budget("repeat visit painted ≤ 0.5 s", [["default board", of(ownBoard, "repeat").firstCardMs], ["link", of(sharedBoard, "repeat").firstCardMs]], 500, sec);
const offlineCases = CASES.filter((c) => !c.firstVisit);
budgets.push({
  what: "opens offline after the first visit",
  met: offlineCases.every((c) => each[first.label][c.name].every((r) => r.offline.opens)),
  shown: offlineCases.map((c) => of(c.name, "offline").opens).join(", "),
});
results.budgets = budgets;
console.log(`\nbudgets (${first.label}, medians):`);
for (const b of budgets) console.log(`  ${b.met ? "met   " : "MISSED"}  ${b.what}  (${b.shown})`);
if (REFERENCE) console.log(`  (the reference page, no app: first card ${sec(results.reference.cold.firstCardMs?.median)} cold, ${sec(results.reference.repeat.firstCardMs?.median)} repeat)`);
console.log("\n(on the wire: CDP encodedDataLength of every request, headers included; first card painted: the first frame with a card title on screen, on a first visit the page's own picture;");
console.log(" board interactive: when a finger drag first moved a card; wasm ready: compiled and instantiated; app started: init and the first render returned)");
console.log("\nmain thread from navigation to the end of the first drag, cold (CDP Performance metrics, medians, throttled ms):");
for (const { label } of SERVERS) {
  for (const c of CASES) {
    const m = results.servers[label][c.name].cold.mainThread;
    console.log(`  ${label}, ${c.name}: ${MAIN_THREAD.map((k) => `${k} ${m[k] ? Math.round(m[k].median) : "—"}`).join(", ")} ms`);
  }
}
const why = Object.values(each).flatMap((cases) => Object.values(cases).flat()).map((r) => r.offline?.why).find(Boolean);
if (why) console.log(`offline: ${why}`);
fs.writeFileSync(path.join(here, "cold-results.json"), JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${path.join(here, "cold-results.json")}`);
