import type { Browser, Page } from "@playwright/test";
import { answeredContext, BLANK, card, emptyCork, expect, makeShareLink, openPanel, screenshot, test, universe, waitForSave } from "./helpers";

// The first paint: the board before the first episode is in index.html itself, drawn where the
// app will draw it, and gives way to the app's own board without a jump.

type Box = { x: number; y: number; width: number; height: number };

const premise = (universe.entities as { id: string; premise?: boolean; first_episode?: number | null }[])
  .filter((e) => e.premise && e.first_episode == null)
  .map((e) => e.id)
  .sort();

/** Holds the app's code back until the returned function is called, so that the first paint
 * can be looked at alone. */
async function holdTheApp(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The boxes of the cards in the first paint's picture on screen, by card id. */
function paintedBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll("#first-paint .first-paint-board")].find(
      (picture) => getComputedStyle(picture).display !== "none",
    );
    const cards = shown ? [...shown.querySelectorAll("g[data-card]")] : [];
    return Object.fromEntries(
      cards.map((g) => {
        const { x, y, width, height } = g.querySelector("rect.paper")!.getBoundingClientRect();
        return [g.getAttribute("data-card")!, { x, y, width, height }];
      }),
    );
  });
}

/** The boxes of the app's cards, by card id. */
function drawnBoxes(page: Page): Promise<Record<string, Box>> {
  return page.locator("[data-card-id]").evaluateAll((cards) =>
    Object.fromEntries(
      cards.map((card) => {
        const { x, y, width, height } = card.getBoundingClientRect();
        return [card.getAttribute("data-card-id")!, { x, y, width, height }];
      }),
    ),
  );
}

/** A first visit in a browser that has never seen Caseboard: nothing in storage at all. */
async function neverVisited(browser: Browser, viewport: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.text().includes("panicked")) errors.push(m.text());
  });
  return { page, errors };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page itself shows the board's cards and says what it needs", async ({ page }) => {
    await page.goto("/");
    // The words drawn, a title wrapped over two lines read whole again.
    const words = (await page.locator(".first-paint-board:visible text").allTextContents()).join(" ");
    for (const id of premise) {
      const { name } = universe.entities.find((e) => e.id === id)!;
      expect(words, name).toContain(name);
    }
    await expect(page.locator(".first-paint-noscript")).toBeVisible();
    // (Playwright's text locators do not look inside <noscript>: its words are read from it.)
    expect(await page.locator("noscript").textContent()).toContain("Caseboard needs JavaScript and WebAssembly to open it.");
    await expect(page.locator(".first-paint-board:visible g[data-card]")).toHaveCount(premise.length);
    await screenshot(page, "first-paint-no-javascript");
  });
});

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["phone", { width: 375, height: 667 }],
  ["desktop", { width: 1280, height: 800 }],
] as const) {
  test(`the first paint shows the premise where the app then draws it, within 2 px (${name})`, async ({ browser }) => {
    const { page, errors } = await neverVisited(browser, viewport);
    // The world layer's transform in the first frame without the first paint: the fitted one
    // already, or the fan would see the board jump.
    await page.addInitScript(() => {
      let seen = false;
      const watch = () => {
        const here = document.getElementById("first-paint") !== null;
        seen ||= here;
        if (seen && !here) {
          (window as any).worldWhenFirstPaintWent = document.querySelector(".world")?.getAttribute("style");
          return;
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const release = await holdTheApp(page);
    await page.goto("/", { waitUntil: "domcontentloaded" });
    await expect(page.getByRole("status").filter({ hasText: "Opening the board…" })).toBeVisible();
    await expect(page.locator("[data-card-id]")).toHaveCount(0);
    const painted = await paintedBoxes(page);
    expect(Object.keys(painted).sort()).toEqual(premise);
    await screenshot(page, `first-paint-${name}`);

    release();
    await expect(page.getByRole("dialog", { name: "How far have you watched?" })).toBeVisible();
    await expect(page.locator("#first-paint")).toHaveCount(0);
    await expect(page.locator("[data-card-id]")).toHaveCount(premise.length);
    const drawn = await drawnBoxes(page);
    let furthest = 0;
    for (const id of premise) {
      for (const side of ["x", "y", "width", "height"] as const) {
        const apart = Math.abs(drawn[id][side] - painted[id][side]);
        furthest = Math.max(furthest, apart);
        expect(apart, `${id} ${side}: app ${drawn[id][side]}, first paint ${painted[id][side]}`).toBeLessThanOrEqual(2);
      }
    }
    console.log(`${name} ${viewport.width}×${viewport.height}: card boxes at most ${furthest.toFixed(2)} px apart`);
    const world = await page.locator(".world").getAttribute("style");
    expect(await page.evaluate(() => (window as any).worldWhenFirstPaintWent)).toBe(world);
    await screenshot(page, `first-paint-${name}-app`);
    expect(errors, "the app crashed").toEqual([]);
    await page.context().close();
  });
}

test("the first paint is a picture: no pointer, no drag, no focus, and gone once the app is up", async ({ browser }) => {
  const { page, errors } = await neverVisited(browser, { width: 1280, height: 800 });
  const release = await holdTheApp(page);
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const painted = await paintedBoxes(page);
  const bosch = painted["harry-bosch"];
  const firstPaint = page.locator("#first-paint");
  expect(await firstPaint.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe("none");
  expect(await firstPaint.evaluate((el) => el.querySelectorAll("a, button, input, [tabindex]").length)).toBe(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.getElementById("first-paint")!.contains(document.activeElement))).toBe(false);
  // A drag over the picture takes hold of nothing and selects no words.
  await page.mouse.move(bosch.x + bosch.width / 2, bosch.y + bosch.height / 2);
  await page.mouse.down();
  await page.mouse.move(bosch.x + 200, bosch.y + 120, { steps: 5 });
  await page.mouse.up();
  expect(await page.evaluate(() => getSelection()?.toString() ?? "")).toBe("");
  const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("#first-paint") ?? null, {
    x: bosch.x + 10,
    y: bosch.y + 10,
  });
  expect(under, "the pointer goes through the picture").toBeNull();

  release();
  await expect(page.locator("[data-card-id]")).toHaveCount(premise.length);
  await expect(firstPaint).toHaveCount(0);
  expect(errors, "the app crashed").toEqual([]);
  await page.context().close();
});

test("a share link shows a plain cork saying a shared board is opening, never the default board", async ({ page, browser }) => {
  const sender = await (await answeredContext(browser)).newPage();
  await sender.goto("/");
  const url = await makeShareLink(sender);

  const release = await holdTheApp(page);
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("status").filter({ hasText: "Opening a shared board…" })).toBeVisible();
  await expect(page.locator(".first-paint-board:visible")).toHaveCount(0);
  await expect(page.locator("[data-card-id]")).toHaveCount(0);
  await screenshot(page, "first-paint-shared-link");

  release();
  await expect(page.getByRole("region", { name: "Shared board" })).toBeVisible();
  await expect(page.locator("#first-paint")).toHaveCount(0);
});

test("a fan who has been here before sees a plain cork saying their board is opening", async ({ page }) => {
  const release = await holdTheApp(page);
  // The test's page has the fan's answer to the first-visit question stored already.
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("status").filter({ hasText: "Opening your board…" })).toBeVisible();
  await expect(page.locator(".first-paint-board:visible")).toHaveCount(0);

  release();
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  await expect(page.locator("#first-paint")).toHaveCount(0);
});

// A returning fan's own board as they left it (formats::snapshot): kept when the page is left,
// shown by the page itself on the next visit until the app draws the same board in its place.

/** The boxes of the cards in the page's picture of the fan's board, by card id. */
function snapshotBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("#first-paint [data-snapshot-card-id]")].map((card) => {
        const { x, y, width, height } = card.getBoundingClientRect();
        return [card.getAttribute("data-snapshot-card-id")!, { x, y, width, height }];
      }),
    ),
  );
}

/** Leaves the app for another page of the site, as a fan closing the tab does: the page hides. */
async function leave(page: Page) {
  await page.goto(BLANK);
  const stored = await page.evaluate(() => localStorage.getItem("caseboard.snapshot"));
  expect(stored, "a picture is kept as the page is left").not.toBeNull();
  return JSON.parse(stored!);
}

/** Opens the app and moves the view so that the board keeps a view of its own. */
async function visitAndPan(page: Page) {
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  const cork = await emptyCork(page, { x: 300, y: 400 });
  await page.mouse.move(cork.x, cork.y);
  await page.mouse.down();
  await page.mouse.move(cork.x + 40, cork.y + 30, { steps: 4 });
  await page.mouse.up();
  await waitForSave(page, "\"viewport\"");
}

/** Opens the app, moves the view so that the board keeps a view of its own, and leaves. */
async function visitAndLeave(page: Page) {
  await visitAndPan(page);
  const drawn = await drawnBoxes(page);
  return { drawn, snapshot: await leave(page) };
}

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["phone", { width: 375, height: 667 }],
] as const) {
  test(`a returning fan sees their board as they left it, where the app then draws it, within 2 px (${name})`, async ({ browser }) => {
    const page = await (await answeredContext(browser, { viewport })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const { drawn: left } = await visitAndLeave(page);

    const release = await holdTheApp(page);
    await page.goto("/", { waitUntil: "domcontentloaded" });
    await expect(page.getByRole("status").filter({ hasText: "Opening your board…" })).toBeVisible();
    await expect(page.locator("#first-paint[data-snapshot]")).toHaveCount(1);
    await expect(page.locator("[data-card-id]")).toHaveCount(0);
    const pictured = await snapshotBoxes(page);
    expect(Object.keys(pictured).length, "the picture holds the cards that were drawn").toBe(Object.keys(left).length);
    await screenshot(page, `snapshot-${name}`);

    release();
    await expect(page.locator("#first-paint")).toHaveCount(0);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();
    const drawn = await drawnBoxes(page);
    let furthest = 0;
    for (const [id, b] of Object.entries(pictured)) {
      expect(drawn[id], `${id} is drawn by the app`).toBeDefined();
      for (const side of ["x", "y", "width", "height"] as const) {
        const apart = Math.abs(drawn[id][side] - b[side]);
        furthest = Math.max(furthest, apart);
        expect(apart, `${id} ${side}: app ${drawn[id][side]}, picture ${b[side]}`).toBeLessThanOrEqual(2);
      }
    }
    console.log(`${name}: the picture's card boxes at most ${furthest.toFixed(2)} px from the app's`);
    await screenshot(page, `snapshot-${name}-app`);
    expect(errors, "the app crashed").toEqual([]);
    await page.context().close();
  });
}

test("the picture is only of this build and of the board that opens, never under a share link", async ({ page }) => {
  const { snapshot } = await visitAndLeave(page);
  const release = await holdTheApp(page);
  const pictured = async () => {
    await page.goto("/", { waitUntil: "domcontentloaded" });
    await expect(page.getByRole("status").filter({ hasText: "Opening your board…" })).toBeVisible();
    return page.locator("#first-paint[data-snapshot]").count();
  };
  const store = async (value: string) => {
    await page.goto(BLANK);
    await page.evaluate((v) => localStorage.setItem("caseboard.snapshot", v), value);
  };
  expect(await pictured(), "the same build, the same board").toBe(1);
  await store(JSON.stringify({ ...snapshot, build: "/caseboard-0000_bg.wasm" }));
  expect(await pictured(), "another build's markup").toBe(0);
  await store(JSON.stringify({ ...snapshot, board: "another-board" }));
  expect(await pictured(), "a picture of another board").toBe(0);
  await store("{ not a picture");
  expect(await pictured(), "unreadable").toBe(0);
  await store(JSON.stringify(snapshot));
  await page.goto("/#board=1.not-a-real-link", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("status").filter({ hasText: "Opening a shared board…" })).toBeVisible();
  await expect(page.locator("#first-paint [data-snapshot-card-id]")).toHaveCount(0);
  release();
  await expect(page.getByRole("button", { name: "Share", exact: true })).toBeVisible();
});

test("the picture is of the board as it opens: no pick or focus of the moment, no minimap, and none of a replay", async ({ page }) => {
  await visitAndPan(page);
  await card(page, "harry-bosch").click();
  await page.getByRole("region", { name: "Inspector" }).getByRole("button", { name: "Focus" }).click();
  await expect(card(page, "eli-carter")).toHaveClass(/dimmed/);
  const { markup } = await leave(page);
  expect(markup, "the page was left with a card picked and others dimmed").toMatch(/class="[^"]*\bselected\b/);
  expect(markup).toMatch(/class="[^"]*\bdimmed\b/);
  expect(markup).toContain('class="minimap');

  const release = await holdTheApp(page);
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const picture = page.locator("#first-paint[data-snapshot] .first-paint-snapshot");
  await expect(picture).toHaveCount(1);
  expect(await picture.locator("[data-snapshot-card-id]").count()).toBeGreaterThan(0);
  expect(await picture.locator(".selected, .dimmed").count(), "the moment's look is not in the picture").toBe(0);
  expect(await picture.locator(".minimap").count(), "nor the minimap, chrome as the toolbar is").toBe(0);
  await screenshot(page, "snapshot-without-the-moment");
  release();
  await expect(page.locator("#first-paint")).toHaveCount(0);
  await expect(card(page, "harry-bosch")).toBeVisible();
  // The app brings neither back either: the picture was the board as it opened.
  await expect(page.locator(".selected, .dimmed")).toHaveCount(0);

  // Left in the middle of a replay, the board would next open with other cards than the replay
  // shows: no picture is kept, and the next visit shows the plain cork.
  await openPanel(page);
  await page.getByRole("button", { name: "Next episode" }).click();
  await expect(page.getByRole("status").filter({ hasText: "known after episode 1" })).toBeVisible();
  await page.goto(BLANK);
  expect(await page.evaluate(() => localStorage.getItem("caseboard.snapshot"))).toBeNull();
});

test("markup in the picture that could run or load is taken out before it is shown", async ({ page }) => {
  const { snapshot } = await visitAndLeave(page);
  const hostile =
    '<img src="x" onerror="window.__ran = 1"><script>window.__ran = 2</script><iframe src="/no-app-here"></iframe>' +
    '<div class="board" onmouseover="window.__ran = 3"><a href="javascript:window.__ran = 4">here</a></div>';
  await page.evaluate((v) => localStorage.setItem("caseboard.snapshot", v), JSON.stringify({ ...snapshot, markup: hostile }));
  const release = await holdTheApp(page);
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const picture = page.locator("#first-paint[data-snapshot] .first-paint-snapshot");
  await expect(picture).toHaveCount(1);
  expect(await picture.evaluate((el) => el.querySelectorAll("img, script, iframe, [onerror], [onmouseover], [href]").length)).toBe(0);
  expect(await picture.getAttribute("inert")).toBe("");
  expect(requested.filter((p) => p === "/x" || p === "/no-app-here")).toEqual([]);
  release();
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).__ran ?? null)).toBeNull();
});

test("when storage is full, the picture gives way to the fan's board", async ({ page }) => {
  await visitAndLeave(page);
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  // Storage filled to the last character the browser takes, the picture still in it.
  const filled = await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    let n = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler.${n}`, chunk);
        n += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return { pieces: n, picture: localStorage.getItem("caseboard.snapshot")?.length ?? 0 };
  });
  expect(filled.picture, "the picture is still kept").toBeGreaterThan(0);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("Written with the storage full");
  await page.keyboard.press("Control+Enter");
  await waitForSave(page, "Written with the storage full");
  expect(await page.evaluate(() => localStorage.getItem("caseboard.snapshot"))).toBeNull();
  await expect(page.getByText(/Your board is not saved/)).toHaveCount(0);
});
