import * as fs from "node:fs";
import * as path from "node:path";
import { test, expect, BLANK, STORAGE_KEY, card, box, screenshot, worldPosition, zoom } from "./helpers";
// @ts-ignore: plain ES module shared with the benchmark
import { bigBoard } from "../big-board.mjs";

const N = 2000;
const drawnCards = (page) => page.locator("[data-card-id]");

/** Every card's outline lies on the part of the screen the board shows. */
async function expectWholeBoardShown(page) {
  await expect
    .poll(async () => {
      const stage = (await page.locator("main.stage").boundingBox())!;
      const whole = (await page.locator(".overview-cards").boundingBox())!;
      return whole.x >= stage.x && whole.y >= stage.y
        && whole.x + whole.width <= stage.x + stage.width && whole.y + whole.height <= stage.y + stage.height;
    })
    .toBe(true);
}

async function openBig(page) {
  await page.goto(BLANK);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, JSON.stringify(bigBoard(N))]);
  await page.goto("/");
  await expect(card(page, "n-0")).toBeVisible();
}

test("a big board draws only the cards near the view; the rest come as the view reaches them", async ({ page }) => {
  await openBig(page);
  const drawn = await drawnCards(page).count();
  expect(drawn).toBeGreaterThan(30);
  expect(drawn).toBeLessThan(400);
  await expect(card(page, `n-${N - 1}`)).toHaveCount(0);
  await screenshot(page, "big-board");

  // A bigger window shows more of the board: the cards it uncovers are drawn.
  await expect(card(page, "n-14")).toHaveCount(0);
  await page.setViewportSize({ width: 2560, height: 1000 });
  await expect(card(page, "n-14")).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });

  // Search flies to a card far away: it is drawn there, and the first card is no longer drawn.
  await page.keyboard.press("/");
  await page.keyboard.type(`Note ${N - 1}:`);
  await page.keyboard.press("Enter");
  await expect(card(page, `n-${N - 1}`)).toHaveAttribute("data-selected", "true");
  await expect
    .poll(async () => {
      const b = await box(page, `n-${N - 1}`);
      return b.x > 0 && b.y > 0 && b.x + b.width < 1280 && b.y + b.height < 800;
    })
    .toBe(true);
  await expect(card(page, "n-0")).toHaveCount(0);

  // Tab walks on through cards that were not drawn, bringing each into view.
  const active = () => page.evaluate(() => document.activeElement?.getAttribute("data-card-id"));
  const far = await box(page, `n-${N - 1}`);
  await page.mouse.move(far.x + far.width / 2, far.y + far.height / 2);
  await page.mouse.wheel(0, 400);
  await card(page, `n-${N - 1}`).focus();
  await page.keyboard.press("Shift+Tab");
  await expect.poll(active).toBe(`n-${N - 2}`);

  // The focused card stays drawn, and focused, when the wheel takes the view far away from it.
  await page.mouse.move(10, 600);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  await expect.poll(() => zoom(page)).toBeGreaterThan(3.9);
  const away = await box(page, `n-${N - 2}`);
  expect(away.x > 1280 * 2 || away.y + away.height < -800, "far outside the drawn window").toBe(true);
  expect(await active()).toBe(`n-${N - 2}`);
  await page.keyboard.press("Tab");
  await expect.poll(active).toBe(`n-${N - 1}`);
  await page.keyboard.press("Shift+Tab");
  await expect.poll(active).toBe(`n-${N - 2}`);

  // A card dragged far from where it was is drawn where it lands, and saved there.
  const b = await box(page, `n-${N - 2}`);
  const before = await worldPosition(page, `n-${N - 2}`);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + b.width / 2 - 30 * i, b.y + b.height * 0.7 + 10 * i);
  await page.mouse.up();
  const after = await worldPosition(page, `n-${N - 2}`);
  expect(after.x).toBeCloseTo(before.x - 300 / (await zoom(page)), 0);
  await expect
    .poll(() => page.evaluate(([key, id]) => JSON.parse(localStorage.getItem(key) ?? "{}").board.positions[id]?.x, [STORAGE_KEY, `n-${N - 2}`]))
    .toBeCloseTo(after.x, 0);
});

test("zoomed out over a big board, cards become outlines; a click zooms in and draws them again", async ({ page }) => {
  await openBig(page);
  await card(page, "n-0").click();
  await page.getByRole("button", { name: "Fit to view" }).click();
  const overview = page.locator("svg.overview");
  await expect(overview).toBeVisible();
  await expect(overview).toHaveAttribute("aria-label", new RegExp(`^${N + 37} cards`));
  // only the selected card is drawn in full over the outlines
  await expect(drawnCards(page)).toHaveCount(1);
  await expect(card(page, "n-0")).toHaveAttribute("data-selected", "true");
  const outlines = await page.locator(".overview-cards").getAttribute("d");
  expect(outlines!.match(/M/g)!.length).toBe(N + 37);
  await expectWholeBoardShown(page);
  // The titles that fit without overlapping are drawn over the outlines, at a size one can read
  // (polled: they are worked out once the outlines are up).
  await expect.poll(() => page.locator(".overview-titles text").count()).toBeGreaterThan(5);
  const titles = await page.locator(".overview-titles text").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const m = /scale\(([-\d.]+)\)/.exec((document.querySelector(".world") as HTMLElement).style.transform)!;
      return { x: r.x, y: r.y, w: r.width, h: r.height, px: parseFloat(getComputedStyle(el).fontSize) * Number(m[1]) };
    }),
  );
  expect(titles.length).toBeGreaterThan(5);
  expect(titles.length).toBeLessThanOrEqual(200);
  for (const [i, a] of titles.entries()) {
    expect(a.px).toBeGreaterThanOrEqual(12);
    for (const b of titles.slice(i + 1)) {
      const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
      expect(overlap, "two titles over the outlines overlap").toBe(false);
    }
  }
  await screenshot(page, "big-board-overview");

  // On a phone too, Fit shows the whole board.
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByRole("button", { name: "Fit to view" }).click();
  await expectWholeBoardShown(page);
  await screenshot(page, "big-board-overview-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Fit to view" }).click();

  const shown = (await page.locator(".overview-cards").boundingBox())!;
  // A double-click zooms in twice, and adds no note.
  const notes = () => page.evaluate(([key]) => JSON.parse(localStorage.getItem(key) ?? "{}").board.cards.length, [STORAGE_KEY]);
  const before = await notes();
  await page.mouse.dblclick(shown.x + shown.width * 0.5, shown.y + shown.height * 0.5);
  await page.waitForTimeout(600);
  expect(await notes()).toBe(before);
  await expect(overview).toHaveCount(0);
  expect(await drawnCards(page).count()).toBeGreaterThan(0);
  expect(await drawnCards(page).count()).toBeLessThan(400);
});

test("Tidy draws the cards that glide into view while they are still gliding", async ({ page }) => {
  // A fake clock, paused, stops the glide partway whatever the machine's speed.
  await page.clock.install();
  await openBig(page);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const drawnBefore = new Set(await drawnCards(page).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.cardId)));
  await page.getByRole("button", { name: "Tidy" }).click();
  await page.clock.runFor(150);
  const halfway = await page.evaluate(() => {
    const number = /([-\d.]+)px, ([-\d.]+)px\)(?: scale\(([-\d.]+)\))?/;
    const [, x, y, scale] = number.exec((document.querySelector(".world") as HTMLElement).style.transform)!.map(Number);
    const board = document.querySelector(".board")!.getBoundingClientRect();
    const cards: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>("[data-card-id]")) {
      const [, cx, cy] = number.exec(el.style.transform)!.map(Number);
      cards[el.dataset.cardId!] = { x: cx, y: cy, width: el.offsetWidth, height: el.offsetHeight };
    }
    return { view: { x: -x / scale, y: -y / scale, width: board.width / scale, height: board.height / scale }, cards };
  });
  await screenshot(page, "big-board-tidy-halfway");
  await page.clock.runFor(3000);
  const targets = await page.evaluate(([key]) => JSON.parse(localStorage.getItem(key)!).board.positions, [STORAGE_KEY]);
  const starts = bigBoard(N).board.positions;

  // How far the glide had gone, read off a drawn card that travels far.
  const travelling = Object.keys(halfway.cards).find((id) => id in starts && Math.abs(targets[id].x - starts[id].x) > 200)!;
  const done = (halfway.cards[travelling].x - starts[travelling].x) / (targets[travelling].x - starts[travelling].x);
  expect(done).toBeGreaterThan(0.05);
  expect(done).toBeLessThan(0.95);

  // Every note then well inside the view is drawn, the ones that glided in among them.
  const size = halfway.cards[travelling];
  const inside = (id: string) => {
    const x = starts[id].x + (targets[id].x - starts[id].x) * done;
    const y = starts[id].y + (targets[id].y - starts[id].y) * done;
    const v = halfway.view;
    return x > v.x + 10 && y > v.y + 10 && x + size.width < v.x + v.width - 10 && y + size.height < v.y + v.height - 10;
  };
  const inView = Object.keys(starts).filter(inside);
  const glidedIn = inView.filter((id) => !drawnBefore.has(id));
  expect(glidedIn.length).toBeGreaterThan(0);
  expect(inView.filter((id) => !(id in halfway.cards))).toEqual([]);
});

test("the 5,000-card board as a PNG is ready to post: at most 4,096 px a side, under 5 MB", async ({ page }) => {
  // Drawing 5,000 cards into a picture takes a while on a shared machine.
  test.slow();
  await page.goto(BLANK);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, JSON.stringify(bigBoard(5000))]);
  await page.goto("/");
  await expect(card(page, "n-0")).toBeVisible();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("radio", { name: "PNG" }).check();
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: "Export image" }).click(),
  ]);
  const png = fs.readFileSync(await file.path());
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  console.log(`the 5,000-card board as PNG: ${width} × ${height} px, ${(png.length / 1e6).toFixed(2)} MB`);
  expect(Math.max(width, height)).toBeLessThanOrEqual(4096);
  expect(png.length).toBeLessThan(5_000_000);
  fs.copyFileSync(await file.path(), path.join(__dirname, "..", "artifacts", "big-board-export.png"));
});
