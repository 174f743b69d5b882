// Keyboard focus: a dialog holds it until it closes and then gives it back; it never falls to
// the page when the thing that had it goes (a deleted card, a search that found its card).
import type { Page } from "@playwright/test";
import { card, expect, openBoard, test, zoom } from "./helpers";

/** Whether focus is inside the open dialog's backdrop (the dialog or the backdrop itself). */
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest(".dialog-backdrop"));

const dialogs = [
  { opener: "Help", role: "dialog" },
  { opener: "Reset board", role: "alertdialog" },
  { opener: "Add card", role: "dialog" },
  { opener: "Share", role: "dialog" },
] as const;

for (const { opener, role } of dialogs) {
  test(`the ${opener} dialog keeps Tab inside, closes on Escape and gives focus back`, async ({ page }) => {
    await openBoard(page);
    // A card selected behind the dialog, for the Delete below to aim at.
    await card(page, "renee-ballard").click();
    await expect(card(page, "renee-ballard")).toHaveAttribute("data-selected", "true");
    const button = page.getByRole("button", { name: opener, exact: true });
    await button.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole(role);
    await expect(dialog).toBeVisible();
    expect(await focusInDialog(page)).toBe(true);
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog(page), `after Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusInDialog(page), `after Shift+Tab ${i + 1}`).toBe(true);
    }
    // A click on the backdrop, or on the dialog's words, leaves focus in the dialog.
    await page.mouse.click(5, 300);
    expect(await focusInDialog(page)).toBe(true);
    await dialog.getByRole("heading").first().or(dialog.locator("p").first()).first().click();
    expect(await focusInDialog(page)).toBe(true);
    // The board's keys do not reach through: Delete hides nothing behind the dialog.
    await page.keyboard.press("Delete");
    await expect(card(page, "renee-ballard")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });
}

test("deleting the focused card moves focus to the next card", async ({ page }) => {
  await openBoard(page);
  const ids = await page.locator("[data-card-id]").evaluateAll((els) => els.map((el) => el.getAttribute("data-card-id")!));
  await card(page, ids[1]).focus();
  await page.keyboard.press("Delete");
  await expect(card(page, ids[1])).toHaveCount(0);
  await expect(card(page, ids[2])).toBeFocused();
  // The last one hands focus back to the one before it.
  const last = ids[ids.length - 1];
  await card(page, last).focus();
  await page.keyboard.press("Delete");
  await expect(card(page, ids[ids.length - 2])).toBeFocused();
});

test("Enter on a search result flies to the card and gives it focus", async ({ page }) => {
  await openBoard(page);
  await page.keyboard.press("/");
  await page.keyboard.type("bosch");
  await page.keyboard.press("Enter");
  const bosch = card(page, "harry-bosch");
  await expect(bosch).toBeFocused();
  await expect(bosch).toHaveAttribute("data-selected", "true");
  // The arrows now move the card found.
  const before = await bosch.boundingBox();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await bosch.boundingBox())!.x).toBeGreaterThan(before!.x);
});

test("zoomed out to the whole board, a focused card's ring stays a few pixels wide on screen", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  await expect.poll(() => zoom(page)).toBeLessThan(0.45);
  await page.getByRole("button", { name: "Fit to view" }).focus();
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.hasAttribute("data-card-id"))); i++) {
    await page.keyboard.press("Tab");
  }
  // The ring is the card body's first box-shadow (or, on an episode ticket, its outline): its
  // width in board pixels, scaled by the zoom; polled, as the shadow eases in.
  const ring = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!.querySelector(".card-body")!);
      const spread = /(?:-?[\d.]+px\s+){3}([\d.]+)px/.exec(style.boxShadow);
      return Math.max(spread ? Number(spread[1]) : 0, parseFloat(style.outlineWidth) || 0);
    });
  const scale = await zoom(page);
  await expect.poll(async () => (await ring()) * scale).toBeGreaterThanOrEqual(2.5);
});

test("Tab goes from the toolbar to search and the timeline before the cards", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Help" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.locator("#search")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest(".board-bars"))).toBe(true);
});

test("i on a card takes focus to its inspector, and Escape there brings it back", async ({ page }) => {
  await openBoard(page);
  const ballard = card(page, "renee-ballard");
  await ballard.focus();
  await page.keyboard.press("i");
  await expect(ballard).toHaveAttribute("data-selected", "true");
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest(".dock"))).toBe(true);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest(".dock"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(ballard).toBeFocused();
  await expect(ballard).toHaveAttribute("data-selected", "true");
});

test("the row of episodes is one Tab stop, walked with the arrows", async ({ page }) => {
  await openBoard(page);
  const chips = page.locator(".episode-chip");
  await expect(page.locator('.episode-chip[tabindex="0"]')).toHaveCount(1);
  await page.getByRole("button", { name: "Replay to episode 1", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("button", { name: "Replay to episode 2" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("button", { name: "Replay to episode 1", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  // Tab leaves the row for the next control, not the next episode; back in, the row's stop is
  // where the arrows left it.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Next episode" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Replay to episode 3" })).toBeFocused();
  await expect(chips).toHaveCount(10);
});
