import type { CDPSession, Page } from "@playwright/test";
import { box, card, expect, openBoard, screenshot, test, waitForSave, worldPosition, zoom } from "./helpers";

// A phone in the hand: pins a finger can hit at the zoom the board opens at, a long press and the
// inspector's button that tie a string at any zoom, and a sheet that keeps out of the way.

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

type Touch = { x: number; y: number };

/** A finger, through Chromium's own touch input (CDP), as a phone's screen sends it. */
async function finger(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const send = (type: "touchStart" | "touchMove" | "touchEnd", at?: Touch) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: at ? [{ x: at.x, y: at.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] : [],
    });
  return {
    down: (at: Touch) => send("touchStart", at),
    move: (at: Touch) => send("touchMove", at),
    up: () => send("touchEnd"),
    /** Presses at `from`, slides to `to` in steps, lifts. */
    async slide(from: Touch, to: Touch, steps = 10) {
      await send("touchStart", from);
      for (let i = 1; i <= steps; i++) {
        await send("touchMove", { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
      }
      await send("touchEnd");
    },
  };
}

async function pinCentre(page: Page, id: string) {
  const b = await page.locator(`[data-card-id="${id}"] .pin`).boundingBox();
  if (!b) throw new Error(`${id}'s pin is not drawn`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function centre(page: Page, id: string) {
  const b = await box(page, id);
  return { x: b.x + b.width / 2, y: b.y + b.height * 0.65 };
}

const theoryStrings = (page: Page) => page.locator(".string.theory");

/** What is under a screen point: "pin" (a pin's target), a card's id, or something else. */
function hitAt(page: Page, at: Touch) {
  return page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    if (el?.closest(".pin")) return "pin";
    return el?.closest("[data-card-id]")?.getAttribute("data-card-id") ?? el?.className ?? "nothing";
  }, at);
}

test("at the zoom the phone opens at, a pin's target is at least 24 px on screen and the rest of the card still drags", async ({ page }) => {
  await openBoard(page);
  const z = await zoom(page);
  expect(z).toBeLessThan(0.45);
  const pin = await pinCentre(page, "renee-ballard");
  // The target as a finger finds it: every point around the pin that reaches the pin's button.
  const hits = await page.evaluate(({ x, y }) => {
    const found: { x: number; y: number }[] = [];
    for (let dx = -40; dx <= 40; dx++) {
      for (let dy = -40; dy <= 40; dy++) {
        if (document.elementFromPoint(x + dx, y + dy)?.closest('[data-card-id="renee-ballard"] .pin')) found.push({ x: dx, y: dy });
      }
    }
    return found;
  }, pin);
  const width = Math.max(...hits.map((h) => h.x)) - Math.min(...hits.map((h) => h.x)) + 1;
  const height = Math.max(...hits.map((h) => h.y)) - Math.min(...hits.map((h) => h.y)) + 1;
  expect(width, "the pin's target is 24 px wide on screen").toBeGreaterThanOrEqual(24);
  expect(height, "the pin's target is 24 px high on screen").toBeGreaterThanOrEqual(23);
  // a solid target, not a ring: its middle all reaches the pin
  const cx = (Math.max(...hits.map((h) => h.x)) + Math.min(...hits.map((h) => h.x))) / 2;
  const cy = (Math.max(...hits.map((h) => h.y)) + Math.min(...hits.map((h) => h.y))) / 2;
  // (the card's slight tilt shaves the box's corners)
  const inner = hits.filter((h) => Math.abs(h.x - cx) <= 6 && Math.abs(h.y - cy) <= 6).length;
  expect(inner).toBeGreaterThanOrEqual(13 * 13 - 2);
  const b = await box(page, "renee-ballard");
  expect(await hitAt(page, { x: b.x + b.width / 2, y: b.y + b.height * 0.75 })).toBe("renee-ballard");
  // a finger on the card's lower half drags the card, and ties nothing
  const world = await worldPosition(page, "renee-ballard");
  const start = { x: b.x + b.width / 2, y: b.y + b.height * 0.75 };
  await (await finger(page)).slide(start, { x: start.x + 30, y: start.y + 20 }, 6);
  const moved = await worldPosition(page, "renee-ballard");
  expect(Math.abs(moved.x - world.x - 30 / z)).toBeLessThanOrEqual(1.5);
  await expect(theoryStrings(page)).toHaveCount(0);
  // a drag never opens the sheet
  await expect(page.locator(".dock")).toHaveCount(0);
  await screenshot(page, "hands-phone-after-drag");
});

test("at the zoom the phone opens at, a finger ties two cards from the pin on the first try", async ({ page }) => {
  await openBoard(page);
  const from = await pinCentre(page, "renee-ballard");
  const to = await centre(page, "rookie-cop");
  await (await finger(page)).slide(from, to, 12);
  await expect(theoryStrings(page)).toHaveCount(1);
  await waitForSave(page, "rookie-cop");
  await screenshot(page, "hands-phone-tied-from-pin");
});

test("a long press on a card starts a string, and a tap on another card ties it", async ({ page }) => {
  await openBoard(page);
  const f = await finger(page);
  const at = await centre(page, "harry-bosch");
  const before = await worldPosition(page, "harry-bosch");
  await f.down(at);
  // held long enough, the card says so; lifting the finger starts the string
  await expect(card(page, "harry-bosch")).toHaveClass(/\bheld\b/);
  await screenshot(page, "hands-phone-held");
  await f.up();
  await expect(page.locator(".board.connecting")).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "now tap the card to tie it to" })).toBeVisible();
  // the press did not move the card
  expect(await worldPosition(page, "harry-bosch")).toEqual(before);
  await screenshot(page, "hands-phone-long-press");
  const target = await centre(page, "renee-ballard");
  await page.touchscreen.tap(target.x, target.y);
  await expect(theoryStrings(page)).toHaveCount(1);
  await expect(page.locator(".board.connecting")).toHaveCount(0);
});

test("a tap opens the sheet at a peek, over no part of the card; the handle raises and lowers it; a swipe or the close button closes it", async ({ page }) => {
  await openBoard(page);
  // a card low on the screen, where the sheet comes up
  const low = "episode-5";
  const c = await centre(page, low);
  await page.touchscreen.tap(c.x, c.y - 4);
  const sheet = page.locator(".dock");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Tie a string from here" })).toBeInViewport();
  const peek = (await sheet.boundingBox())!;
  expect(peek.height).toBeLessThanOrEqual(240);
  // the board has moved so the picked card is wholly above the sheet
  await expect.poll(async () => {
    const b = await box(page, low);
    return b.y + b.height <= peek.y && b.y >= 0;
  }).toBe(true);
  await screenshot(page, "hands-phone-sheet-peek");
  // the tap that opened the sheet pressed nothing on it (the browser's click after a tap)
  await expect(page.locator(".focus-bar")).toHaveCount(0);

  const handle = page.getByRole("button", { name: "Raise the panel" });
  await handle.tap();
  await expect(page.getByRole("button", { name: "Lower the panel" })).toBeVisible();
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(peek.height + 60);
  await screenshot(page, "hands-phone-sheet-raised");
  // the card stays in sight above the raised sheet too
  await expect.poll(async () => {
    const b = await box(page, low);
    return b.y + b.height <= (await sheet.boundingBox())!.y;
  }).toBe(true);

  // swipe down on the handle: lowered to the peek, then away
  const f = await finger(page);
  const grip = async () => {
    const b = (await page.locator(".sheet-handle").boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  let g = await grip();
  await f.slide(g, { x: g.x, y: g.y + 80 }, 5);
  await expect(page.getByRole("button", { name: "Raise the panel" })).toBeVisible();
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeLessThanOrEqual(peek.height + 1);
  g = await grip();
  await f.slide(g, { x: g.x, y: g.y + 80 }, 5);
  await expect(sheet).toHaveCount(0);
  expect(await card(page, low).getAttribute("data-selected")).toBe("false");

  // the close button closes it as well
  const again = await centre(page, low);
  await screenshot(page, "hands-phone-sheet-closed");
  await page.touchscreen.tap(again.x, again.y - 4);
  await expect(sheet).toBeVisible();
  await sheet.getByRole("button", { name: "Close the panel" }).tap();
  await expect(sheet).toHaveCount(0);
});

test("the inspector's “Tie a string from here”, then a tap on a card, ties a string at any zoom", async ({ page }) => {
  await openBoard(page);
  // zoom out past where pins are drawn at all
  await page.getByRole("button", { name: "Zoom out" }).tap();
  await page.getByRole("button", { name: "Zoom out" }).tap();
  await expect.poll(() => zoom(page)).toBeLessThan(0.25);
  await expect(page.locator(".pin:visible")).toHaveCount(0);
  const from = await centre(page, "grace-billets");
  await page.touchscreen.tap(from.x, from.y);
  await page.locator(".dock").getByRole("button", { name: "Tie a string from here" }).tap();
  await expect(page.locator(".board.connecting")).toHaveCount(1);
  const to = await centre(page, "case-police-conspiracy");
  await page.touchscreen.tap(to.x, to.y);
  await expect(theoryStrings(page)).toHaveCount(1);
  await screenshot(page, "hands-phone-tied-from-inspector");
});
