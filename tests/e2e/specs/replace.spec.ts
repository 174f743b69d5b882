import type { Page } from "@playwright/test";
import { card, dropFile, expect, makeShareLink, openBoard, openPanel, STORAGE_KEY, test } from "./helpers";

// Replacing the board on screen while the fan is busy with it: nothing typed is lost, and nothing
// breaks (the `test` of ./helpers fails on any panic).

/** A share link of the board on screen, made with the Share dialog, which is then closed. */
async function makeLink(page: Page) {
  const url = await makeShareLink(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  return url;
}

const fileBoard = { format: "caseboard", version: 2, name: "Dropped board", universe: { id: "ballard", version: 1 }, board: {} };

test("a note being typed when a board file is dropped on the page is kept in its board", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByRole("textbox", { name: "Note text" }).fill("Billets knew in 1995");
  await dropFile(page, "dropped.caseboard.json", JSON.stringify(fileBoard));
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await expect(page.getByRole("alertdialog", { name: "Caseboard stopped" })).toHaveCount(0);
  const stored = await page.evaluate((key) => localStorage.getItem(key) ?? "", STORAGE_KEY);
  expect(stored, "the note went into the board it was typed on").toContain("Billets knew in 1995");
  await page.reload();
  await openPanel(page);
  await page.getByRole("button", { name: "Open board Ballard board" }).click();
  await expect(page.locator("[data-card-id^='note']")).toContainText("Billets knew in 1995");
});

test("a share link pasted into the address while a card has focus opens as a preview", async ({ page }) => {
  await openBoard(page);
  const url = await makeLink(page);
  await card(page, "harry-bosch").click();
  await expect(card(page, "harry-bosch")).toBeFocused();
  await page.evaluate((hash) => (location.hash = hash), new URL(url).hash);
  await expect(page.getByRole("region", { name: "Shared board" })).toBeVisible();
  await expect(page.getByRole("alertdialog", { name: "Caseboard stopped" })).toHaveCount(0);
});

test("the Share dialog closed the moment a link is asked for goes quietly", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByRole("button", { name: "Share link" })).toBeFocused();
  // Both in one task: the link is still being made when the dialog goes.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement).click();
    document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  });
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // The link is made (and copied) a moment later; the board goes on working meanwhile and after.
  await page.waitForTimeout(500);
  await card(page, "harry-bosch").click();
  await expect(page.getByRole("complementary", { name: "Board panel" })).toContainText("Harry Bosch");
});
