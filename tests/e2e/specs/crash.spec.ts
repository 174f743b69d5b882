import { expect, test, type Page } from "@playwright/test";
import * as fs from "node:fs";
import { card, openCentredOn, waitForSave } from "./helpers";

/** A browser call the app relies on starts failing, with markup in its message, as a string is tied. */
async function breakWhileTying(page: Page) {
  await page.evaluate(() => {
    Document.prototype.elementFromPoint = () => {
      throw new Error("<img src=x onerror=window.pwned=1> broke");
    };
  });
  const pin = await page.locator('[data-card-id="harry-bosch"] .pin').boundingBox();
  await page.mouse.move(pin!.x + pin!.width / 2, pin!.y + pin!.height / 2);
  await page.mouse.down();
  await page.mouse.move(pin!.x + 200, pin!.y + 60, { steps: 3 });
  await page.mouse.up();
  const overlay = page.getByRole("alertdialog", { name: "Caseboard stopped" });
  await expect(overlay).toBeVisible();
  return overlay;
}

// These tests break the app on purpose, so it uses Playwright's own `test` (without the panic guard).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("caseboard.watched-asked", "1"));
});
test("when the app breaks, an overlay offers the saved board and a reload instead of a dead page", async ({ page }) => {
  await openCentredOn(page, "harry-bosch", 1);
  await card(page, "harry-bosch").focus();
  await page.keyboard.press("ArrowDown");
  await waitForSave(page, "harry-bosch");
  const overlay = await breakWhileTying(page);
  await expect(overlay).toContainText("download that copy");
  await expect(overlay.locator("pre")).toContainText("<img src=x onerror=window.pwned=1> broke");
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  const [file] = await Promise.all([page.waitForEvent("download"), overlay.getByRole("link", { name: "Download the saved board" }).click()]);
  expect(file.suggestedFilename()).toBe("Ballard board.caseboard.json");
  expect(JSON.parse(fs.readFileSync(await file.path(), "utf8")).board.positions["harry-bosch"]).toBeDefined();
  await overlay.getByRole("link", { name: "Reload" }).click();
  await expect(page.getByRole("alertdialog", { name: "Caseboard stopped" })).toHaveCount(0);
  await expect(card(page, "harry-bosch")).toBeVisible();
});

test("when a board that was never saved breaks, the overlay offers only a reload, and says why", async ({ page }) => {
  await openCentredOn(page, "harry-bosch", 1);
  // As if the board had never been saved (it opened here with a saved view, to show the pins).
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("caseboard.board.")).forEach((k) => localStorage.removeItem(k)));
  const overlay = await breakWhileTying(page);
  await expect(overlay).toContainText("Nothing of this board was saved yet");
  await expect(overlay.getByRole("link", { name: "Download the saved board" })).toHaveCount(0);
  await expect(overlay.getByRole("link", { name: "Reload" })).toBeVisible();
});

test("the overlay's Reload reloads even when the address holds a shared board", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Share link URL" });
  await expect(field).toHaveValue(/#board=1\./);
  await page.goto(await field.inputValue());
  await expect(page.getByRole("region", { name: "Shared board" })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { beforeReload: boolean }).beforeReload = true;
    window.dispatchEvent(new ErrorEvent("error", { message: "broke on purpose" }));
  });
  const overlay = page.getByRole("alertdialog", { name: "Caseboard stopped" });
  await expect(overlay).toBeVisible();
  await overlay.getByRole("link", { name: "Reload" }).click();
  await expect(overlay).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBeUndefined();
  await expect(page.getByRole("region", { name: "Shared board" })).toBeVisible();
});
