import type { Page } from "@playwright/test";
import * as path from "node:path";
import { ARTIFACTS, emptyCork, expect, openAt, openCentredOn, screenshot, test, waitForSave, worldPosition } from "./helpers";

// A board a fan can read at every zoom: every drawn title at least 12 CSS px on screen, no two
// drawn titles overlapping, no string label on a title (or, drawn in full, on a card), and at the
// opening view and after Fit no card under the bars, the minimap or the panel.

type Box = { x: number; y: number; w: number; h: number; name: string };

/** What the board draws on screen now: titles (with their size on screen), labels, cards, overlays. */
function words(page: Page) {
  return page.evaluate(() => {
    const m = /scale\(([-\d.]+)\)/.exec((document.querySelector(".world") as HTMLElement).style.transform);
    const zoom = Number(m![1]);
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
    };
    const box = (el: Element, name: string) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, name };
    };
    const titles = [...document.querySelectorAll('[data-card-id] [data-role="title"]')].filter(shown).map((el) => ({
      ...box(el, el.closest("[data-card-id]")!.getAttribute("data-card-id")!),
      px: parseFloat(getComputedStyle(el).fontSize) * zoom,
    }));
    const labels = [...document.querySelectorAll('[data-link-id] [data-role="label"]')]
      .filter(shown)
      .map((el) => box(el, el.closest("[data-link-id]")!.getAttribute("data-link-id")!));
    const cards = [...document.querySelectorAll("[data-card-id]")].map((el) => box(el, el.getAttribute("data-card-id")!));
    const overlays = [".toolbar", ".bar-row", ".first-hint", ".minimap", ".dock"]
      .map((q) => document.querySelector(q))
      .filter((el): el is Element => !!el && shown(el))
      .map((el, i) => box(el, [".toolbar", ".bar-row", ".first-hint", ".minimap", ".dock"][i]));
    return { zoom, titles, labels, cards, overlays };
  });
}

/** Overlap of more than a pixel (axis-aligned boxes of slightly tilted cards touch at their corners). */
const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;

async function expectReadable(page: Page, what: string, { clearOfOverlays = false } = {}) {
  const w = await words(page);
  expect(w.titles.length, `${what}: some titles are drawn`).toBeGreaterThan(0);
  for (const t of w.titles) expect(t.px, `${what}: ${t.name}'s title on screen`).toBeGreaterThanOrEqual(12);
  for (const [i, a] of w.titles.entries()) {
    for (const b of w.titles.slice(i + 1)) expect(overlap(a, b), `${what}: titles of ${a.name} and ${b.name} overlap`).toBe(false);
    for (const l of w.labels) expect(overlap(a, l), `${what}: label ${l.name} on ${a.name}'s title`).toBe(false);
  }
  if (clearOfOverlays) {
    for (const c of w.cards) {
      for (const o of w.overlays) expect(overlap(c, o), `${what}: ${c.name} under ${o.name}`).toBe(false);
    }
  }
  return w;
}

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["phone", { width: 375, height: 667 }],
] as const) {
  test(`the board reads at the opening view, after Fit and at 10, 25 and 50 % (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await expect(page.locator("[data-card-id]").first()).toBeAttached();
    await expect.poll(async () => (await words(page)).titles.length).toBeGreaterThan(5);
    await expectReadable(page, "opening view", { clearOfOverlays: true });
    await screenshot(page, `reading-open-${name}`);
    await page.getByRole("button", { name: "Fit to view" }).click();
    await expectReadable(page, "after Fit", { clearOfOverlays: true });
    const at = await worldPosition(page, "renee-ballard");
    for (const zoom of [0.1, 0.25, 0.5]) {
      // Renée Ballard's card in the middle of the window.
      await openAt(page, { x: viewport.width / 2 - (at.x + 86) * zoom, y: viewport.height / 2 - (at.y + 112) * zoom, zoom });
      await expectReadable(page, `at ${zoom * 100} %`);
      await screenshot(page, `reading-${zoom * 100}-percent-${name}`);
    }
  });
}

test("drawn in full, string labels sit clear of every card, before and after Tidy", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openCentredOn(page, "case-1995-runaway", 0.8);
  const labelsClear = async (what: string) => {
    const w = await expectReadable(page, what);
    expect(w.labels.length, `${what}: some labels are drawn`).toBeGreaterThan(0);
    for (const l of w.labels) for (const c of w.cards) expect(overlap(l, c), `${what}: label ${l.name} on ${c.name}`).toBe(false);
  };
  await labelsClear("at 80 %");
  await screenshot(page, "reading-labels-80-percent");
  await page.getByRole("button", { name: "Tidy" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toBeEnabled();
  await labelsClear("after Tidy");
  await screenshot(page, "reading-labels-after-tidy");
});

test("a label with no clear spot waits, and shows when its string's card is selected", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openCentredOn(page, "renee-ballard", 0.3);
  // Zoomed out to titles, labels wait to be asked for.
  expect((await words(page)).labels).toEqual([]);
  await page.locator('[data-card-id="renee-ballard"]').click();
  await expect.poll(async () => (await words(page)).labels.length).toBeGreaterThan(0);
});

test("a laptop opens the whole board at full faces, the panel closed until a card is picked, which stays clear of it", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/");
  await expect(page.locator("[data-card-id]")).toHaveCount(37);
  await expect.poll(async () => (await words(page)).zoom).toBeGreaterThanOrEqual(0.7);
  await expect(page.locator(".board.titles-only")).toHaveCount(0);
  await expect(page.locator(".dock")).toHaveCount(0);
  const w = await expectReadable(page, "laptop opening view", { clearOfOverlays: true });
  for (const c of w.cards) {
    expect(c.x >= 0 && c.y >= 0 && c.x + c.w <= 1366 && c.y + c.h <= 768, `${c.name} in the window`).toBe(true);
  }
  await screenshot(page, "reading-laptop-full-faces");
  // a card at the right edge, picked: the inspector comes beside it, and the board makes room
  const right = w.cards.reduce((a, b) => (a.x + a.w > b.x + b.w ? a : b));
  await page.locator(`[data-card-id="${right.name}"]`).click({ position: { x: 20, y: right.h - 20 } });
  const dock = page.locator(".dock");
  await expect(dock).toBeVisible();
  await expect.poll(async () => {
    const [d, c] = await Promise.all([dock.boundingBox(), page.locator(`[data-card-id="${right.name}"]`).boundingBox()]);
    return c!.x + c!.width <= d!.x;
  }).toBe(true);
  await screenshot(page, "reading-laptop-card-picked");
  await dock.getByRole("button", { name: "Close the panel" }).click();
  await expect(dock).toHaveCount(0);
});

test("a note without a title shows its words once, and goes by them only zoomed out", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("Who moved the case file?");
  await page.keyboard.press("Control+Enter");
  await waitForSave(page, "Who moved the case file?");
  const note = page.locator("[data-card-id].fan");
  const title = note.locator('[data-role="title"]');
  /** Zooms with the toolbar's button until the board shows full faces (`readable`) or titles only. */
  const zoomUntil = async (button: string, readable: boolean) => {
    const titlesOnly = () => page.locator(".board.titles-only").count().then((n) => n > 0);
    await expect(async () => {
      if ((await titlesOnly()) === readable) await page.getByRole("button", { name: button }).click();
      expect(await titlesOnly()).toBe(!readable);
    }).toPass();
  };
  await zoomUntil("Zoom in", true);
  await expect(note.locator(".fan-text")).toHaveText("Who moved the case file?");
  await expect(note.locator(".fan-text")).toBeVisible();
  await expect(title, "the words are not shown twice").toBeHidden();
  // In sight below the bars, for the picture.
  const cork = await emptyCork(page, { x: 640, y: 450 });
  await page.mouse.move(cork.x, cork.y);
  await page.mouse.down();
  await page.mouse.move(cork.x, cork.y + 250, { steps: 5 });
  await page.mouse.up();
  await note.screenshot({ path: path.join(ARTIFACTS, "reading-note-at-full-face.png") });
  // Zoomed out past reading faces, its words are its title.
  await zoomUntil("Zoom out", false);
  await expect(note).not.toHaveClass(/title-hidden/);
  await expect(title).toBeVisible();
  await expect(title).toHaveText("Who moved the case file?");
  await expect(note.locator(".fan-text")).toBeHidden();
});
