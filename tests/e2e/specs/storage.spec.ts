import type { Page } from "@playwright/test";
import { BLANK, card, expect, openBoard, STORAGE_KEY, test, waitForSave } from "./helpers";

async function storeRaw(page: Page, text: string) {
  await page.goto(BLANK);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, text]);
  await openBoard(page);
}

async function backups(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("caseboard.backup."))
      .map((k) => localStorage.getItem(k)),
  );
}

const unreadable = [
  { what: "corrupt JSON", text: '{"format":"caseboard","version":1,"board":{"moved":{"renee-b', notice: "not valid JSON" },
  { what: "a foreign format", text: '{"todos":[{"title":"milk"}]}', notice: "not a Caseboard board" },
  { what: "a newer version", text: '{"format":"caseboard","version":7,"future":true}', notice: "newer Caseboard" },
];

for (const { what, text, notice } of unreadable) {
  test(`${what} in storage gives a notice, is backed up, and the default board opens`, async ({ page }) => {
    await storeRaw(page, text);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("could not be read");
    await expect(alert).toContainText(notice);
    await expect(alert).toContainText("caseboard.backup.");
    expect(await backups(page)).toEqual([text]);
    await expect(page.locator("[data-card-id]").first()).toBeVisible();

    // A change saves a fresh board; the backup stays as it was.
    await card(page, "renee-ballard").focus();
    await page.keyboard.press("ArrowDown");
    await waitForSave(page, "renee-ballard");
    expect(await backups(page)).toEqual([text]);
  });
}

test("a pending save is flushed when the page is hidden", async ({ page }) => {
  await openBoard(page);
  await card(page, "grace-billets").focus();
  await page.keyboard.press("ArrowUp");
  // Hide the page at once, before the debounce delay has passed.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const stored = await page.evaluate((key) => localStorage.getItem(key) ?? "", STORAGE_KEY);
  expect(stored).toContain("grace-billets");
});
