import type { CDPSession, Page } from "@playwright/test";
import { box, card, emptyCork, expect, openBoard, openCentredOn, screenshot, test, universe, waitForSave, worldPosition, zoom } from "./helpers";

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

type Touch = { x: number; y: number; id: number };

async function touch(cdp: CDPSession, type: "touchStart" | "touchMove" | "touchEnd", points: Touch[]) {
  await cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((p) => ({ ...p, radiusX: 4, radiusY: 4, force: 1 })) });
}

async function cdpFor(page: Page) {
  return page.context().newCDPSession(page);
}

test("on a 375 px phone the whole toolbar fits and the board is fitted to the screen", async ({ page }) => {
  await openBoard(page);
  for (const name of ["Zoom in", "Zoom out", "Fit to view", "Reset board"]) {
    const b = await page.getByRole("button", { name }).boundingBox();
    expect(b).not.toBeNull();
    expect(b!.x + b!.width).toBeLessThanOrEqual(375);
    expect(b!.height).toBeGreaterThanOrEqual(40);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  await screenshot(page, "phone-board");
});

test("a finger drags a card", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  const id = "case-1995-runaway";
  const before = await box(page, id);
  const world = await worldPosition(page, id);
  const z = await zoom(page);
  const cdp = await cdpFor(page);
  const start = { x: before.x + before.width / 2, y: before.y + before.height / 2, id: 1 };
  await touch(cdp, "touchStart", [start]);
  for (let i = 1; i <= 6; i++) await touch(cdp, "touchMove", [{ ...start, x: start.x + 8 * i, y: start.y + 5 * i }]);
  await touch(cdp, "touchEnd", []);
  const moved = await worldPosition(page, id);
  expect(Math.abs(moved.x - world.x - 48 / z)).toBeLessThanOrEqual(1);
  expect(Math.abs(moved.y - world.y - 30 / z)).toBeLessThanOrEqual(1);
  await waitForSave(page, id);
  await screenshot(page, "phone-zoomed-after-drag");
});

for (const where of ["on empty cork", "with a finger on a card"]) {
test(`two fingers pinch to zoom ${where}`, async ({ page }) => {
  await openBoard(page);
  // Zoomed out a step, the fitted board leaves bare cork around it for two fingers.
  if (where === "on empty cork") await page.getByRole("button", { name: "Zoom out" }).tap();
  const z0 = await zoom(page);
  const onCard = await box(page, "case-police-conspiracy");
  const c = where === "on empty cork" ? await emptyCork(page, { x: 187, y: 330 }) : { x: onCard.x + onCard.width / 2 + 20, y: onCard.y + onCard.height / 2 };
  const positions = await Promise.all(universe.entities.map((e) => worldPosition(page, e.id)));
  const cdp = await cdpFor(page);
  const a = { x: c.x - 20, y: c.y, id: 1 };
  const b = { x: c.x + 20, y: c.y, id: 2 };
  await touch(cdp, "touchStart", [a]);
  await touch(cdp, "touchStart", [a, b]);
  for (let i = 1; i <= 8; i++) {
    await touch(cdp, "touchMove", [
      { ...a, x: a.x - 5 * i },
      { ...b, x: b.x + 5 * i },
    ]);
  }
  await touch(cdp, "touchEnd", [b]);
  await touch(cdp, "touchEnd", []);
  // the fingers went from 40 px apart to 120 px apart: three times the zoom
  await expect.poll(() => zoom(page)).toBeGreaterThan(z0 * 2.9);
  expect(await zoom(page)).toBeLessThan(z0 * 3.1);
  // a pinch moves the view, never a card
  // (zoomed in, only the cards near the view are drawn: each of those is where it was)
  const drawn = await page.locator("[data-card-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-card-id")!));
  expect(drawn.length).toBeGreaterThan(0);
  for (const id of drawn) expect(await worldPosition(page, id)).toEqual(positions[universe.entities.findIndex((e) => e.id === id)]);
});
}

test("a tap on a pin starts a string; its hint sits above the bottom bar and says how to cancel; a tap on the cork does", async ({ page }) => {
  await openCentredOn(page, "harry-bosch", 1);
  await page.locator('[data-card-id="harry-bosch"] .pin').tap();
  const hint = page.getByRole("status").filter({ hasText: "now tap the card to tie it to" });
  await expect(hint).toContainText("a tap on the cork");
  const bar = (await page.locator(".edit-tools").boundingBox())!;
  const shown = (await hint.boundingBox())!;
  expect(shown.y + shown.height).toBeLessThanOrEqual(bar.y);
  await expect(page.locator(".board.connecting")).toHaveCount(1);
  await screenshot(page, "phone-tying-hint");
  const cork = await emptyCork(page, { x: 80, y: 300 });
  await page.touchscreen.tap(cork.x, cork.y);
  await expect(page.locator(".board.connecting")).toHaveCount(0);
});

test("with a card selected, the panel button shows the theories, not only the card's inspector", async ({ page }) => {
  await openCentredOn(page, "harry-bosch", 1);
  await card(page, "harry-bosch").tap();
  await expect(page.getByRole("region", { name: "Inspector" })).toBeVisible();
  await page.getByRole("button", { name: "Theories" }).tap();
  const heading = page.getByRole("region", { name: "Theories" }).getByRole("heading", { name: "Theories" });
  await expect(heading).toBeInViewport();
  const sheet = (await page.locator(".dock").boundingBox())!;
  const shown = (await heading.boundingBox())!;
  expect(shown.y).toBeGreaterThanOrEqual(sheet.y);
  expect(shown.y + shown.height).toBeLessThanOrEqual(sheet.y + sheet.height);
  await screenshot(page, "phone-panel-with-selection");
});

test("a card found by search is centred above the inspector sheet that selecting it opens", async ({ page }) => {
  await openBoard(page);
  await page.locator("#search").fill("bosch");
  await page.locator("#search").press("Enter");
  const bosch = card(page, "harry-bosch");
  await expect(bosch).toBeFocused();
  const sheet = (await page.locator(".dock").boundingBox())!;
  const found = (await bosch.boundingBox())!;
  await screenshot(page, "phone-search-found");
  expect(sheet.y).toBeGreaterThan(200);
  expect(found.y + found.height / 2).toBeLessThan(sheet.y);
  expect(found.y + found.height / 2).toBeGreaterThan(0);
});
