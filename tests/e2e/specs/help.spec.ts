import { card, expect, openBoard, screenshot, test } from "./helpers";

test("a first visit shows a dismissible hint; Help lists every gesture and shortcut", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/");
  // A first visit asks how far the fan has watched first; the hint comes after.
  await page.getByRole("dialog", { name: "How far have you watched?" }).getByRole("button", { name: "Everything" }).click();
  const hint = page.getByRole("complementary", { name: "Getting started" });
  await expect(hint).toContainText("Drag cards to move them");
  await screenshot(page, "first-hint");
  await hint.getByRole("button", { name: "Got it" }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Getting started" })).toHaveCount(0);

  await page.getByRole("button", { name: "Help" }).click();
  const help = page.getByRole("dialog", { name: "Gestures and shortcuts" });
  await expect(help).toContainText("Tie a string");
  await expect(help).toContainText("Ctrl+Z");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await page.context().close();
});

test("the ? key opens help, but not while typing", async ({ page }) => {
  await openBoard(page);
  await card(page, "renee-ballard").focus();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Gestures and shortcuts" })).toBeVisible();
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("why?");
  await expect(page.getByRole("dialog", { name: "Gestures and shortcuts" })).toHaveCount(0);
});

test("on a phone, help opens at its title, with Close focused", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openBoard(page);
  await page.getByRole("button", { name: "Help" }).click();
  const help = page.getByRole("dialog", { name: "Gestures and shortcuts" });
  await expect(help.getByRole("button", { name: "Close", exact: true })).toBeFocused();
  await expect(help.getByRole("heading", { name: "Gestures and shortcuts" })).toBeInViewport();
  await screenshot(page, "phone-help");
});

test("help and the first hint speak of the wheel with a mouse", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Help" }).click();
  const help = page.getByRole("dialog", { name: "Gestures and shortcuts" });
  await expect(help.getByRole("columnheader", { name: "Mouse" })).toBeVisible();
  await expect(help).toContainText("Wheel");
  await expect(help).not.toContainText("Pinch");
});

test.describe("on a touch screen", () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  test("help and the first hint speak of taps and pinches, not the wheel or double-clicks", async ({ page }) => {
    await openBoard(page);
    await page.getByRole("button", { name: "Help" }).tap();
    const help = page.getByRole("dialog", { name: "Gestures and shortcuts" });
    await expect(help.getByRole("columnheader", { name: "Touch" })).toBeVisible();
    await expect(help).toContainText("Pinch");
    await expect(help).not.toContainText("Wheel");
    await expect(help).not.toContainText("double-click");
    await screenshot(page, "help-touch");
  });
});
