import type { BrowserContext, Page } from "@playwright/test";
import * as fs from "node:fs";
import { card, expect, openBoard, openPanel, STORAGE_KEY, test, waitForSave, worldPosition } from "./helpers";

/** The board open in `page` and in a second tab of the same browser, which is returned. */
async function twoTabs(page: Page, context: BrowserContext): Promise<Page> {
  await openBoard(page);
  const other = await context.newPage();
  await openBoard(other);
  return other;
}

test("two tabs on one board: a move shows up in the other, and changes to different cards are both kept", async ({ page, context }) => {
  const other = await twoTabs(page, context);

  const start = await worldPosition(page, "harry-bosch");
  await card(page, "harry-bosch").focus();
  await page.keyboard.press("Shift+ArrowRight");
  await waitForSave(page, "harry-bosch");
  await expect.poll(() => worldPosition(other, "harry-bosch")).toEqual({ x: start.x + 50, y: start.y });

  // Both tabs change a different card before either has saved.
  const billets = await worldPosition(page, "grace-billets");
  const evans = await worldPosition(page, "tara-evans");
  await card(page, "grace-billets").focus();
  await page.keyboard.press("Shift+ArrowDown");
  await card(other, "tara-evans").focus();
  await other.keyboard.press("Shift+ArrowUp");
  for (const tab of [page, other]) {
    await expect.poll(() => worldPosition(tab, "grace-billets")).toEqual({ x: billets.x, y: billets.y + 50 });
    await expect.poll(() => worldPosition(tab, "tara-evans")).toEqual({ x: evans.x, y: evans.y - 50 });
  }
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}"), STORAGE_KEY);
  expect(Object.keys(stored.board.positions).sort()).toEqual(["grace-billets", "harry-bosch", "tara-evans"]);
});

test("when two tabs change the same card at once, both end with the same place for it, and a tab whose change gave way says so", async ({ page, context }) => {
  const other = await twoTabs(page, context);
  const start = await worldPosition(page, "eli-carter");
  await card(page, "eli-carter").focus();
  await page.keyboard.press("Shift+ArrowLeft");
  await card(other, "eli-carter").focus();
  await other.keyboard.press("Shift+ArrowRight");
  // Whichever way the two saves cross, the tabs agree, and storage holds what they show.
  await expect.poll(async () => (await worldPosition(page, "eli-carter")).x === (await worldPosition(other, "eli-carter")).x).toBe(true);
  const final = (await worldPosition(page, "eli-carter")).x;
  // (A card back at its place in the default layout is stored as no place at all.)
  const storedX = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").board.positions["eli-carter"]?.x ?? null, STORAGE_KEY);
  await expect.poll(storedX).toBe(final === start.x ? null : final);
  // The second step was made on top of the first (back to the start) or beside it, and then one
  // of them gave way, with a notice.
  expect([start.x - 50, start.x, start.x + 50]).toContain(final);
  if (final !== start.x) {
    const notices = [page, other].map((tab) => tab.getByRole("status").filter({ hasText: "Another tab changed" }));
    await expect.poll(async () => (await notices[0].count()) + (await notices[1].count())).toBeGreaterThan(0);
  }
});

test("a change made on top of another tab's change wins in both tabs", async ({ page, context }) => {
  const other = await twoTabs(page, context);
  const start = await worldPosition(page, "eli-carter");
  await card(page, "eli-carter").focus();
  await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(async () => (await worldPosition(other, "eli-carter")).x).toBe(start.x - 50);
  await card(other, "eli-carter").focus();
  await other.keyboard.press("Shift+ArrowRight");
  await other.keyboard.press("Shift+ArrowRight");
  // Each tab had saved before the other's change came in: neither may keep its own older place.
  for (const tab of [page, other]) await expect.poll(async () => (await worldPosition(tab, "eli-carter")).x).toBe(start.x + 50);
  await page.waitForTimeout(1_000);
  for (const tab of [page, other]) expect((await worldPosition(tab, "eli-carter")).x).toBe(start.x + 50);
  expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").board.positions["eli-carter"].x, STORAGE_KEY)).toBe(start.x + 50);
});

const stored = (page: Page, key = STORAGE_KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const backups = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("caseboard.backup."))
      .map((k) => localStorage.getItem(k)),
  );

test("a board a newer Caseboard saved meanwhile is never written over: this tab stops saving, says so, and offers its board", async ({ page }) => {
  await openBoard(page);
  await card(page, "renee-ballard").focus();
  await page.keyboard.press("ArrowDown");
  await waitForSave(page, "renee-ballard");
  // A newer Caseboard writes the board, unseen by this tab (no storage event reaches the tab that writes).
  const newer = '{"format":"caseboard","version":7,"universe":{"id":"ballard","version":1},"future":true}';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, newer]);
  await card(page, "grace-billets").focus();
  await page.keyboard.press("ArrowUp");
  const alert = page.getByRole("alert").filter({ hasText: "A newer Caseboard saved this board in another tab" });
  await expect(alert).toContainText("this tab no longer saves it");
  await expect(alert).toContainText("Reload to use the newer version");
  // More changes, and the page going away, still write nothing over it.
  await page.keyboard.press("ArrowUp");
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  expect(await stored(page)).toBe(newer);
  expect(await backups(page)).toEqual([]);
  // The change made here is kept as a file.
  const [file] = await Promise.all([page.waitForEvent("download"), alert.getByRole("button", { name: "Download this tab's board" }).click()]);
  const kept = JSON.parse(fs.readFileSync((await file.path())!, "utf8"));
  expect(Object.keys(kept.board.positions)).toEqual(expect.arrayContaining(["grace-billets", "renee-ballard"]));
  // Leaving the board keeps it as a file too, and its offer goes with it.
  await openPanel(page);
  const [left] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("region", { name: "Boards" }).getByRole("button", { name: "New board" }).click(),
  ]);
  expect(fs.readFileSync((await left.path())!, "utf8")).toContain("grace-billets");
  await expect(page.getByRole("alert").filter({ hasText: "downloaded as a board file" })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(await stored(page)).toBe(newer);
});

test("damaged text another tab wrote over the open board is backed up before this tab saves, with a notice", async ({ page, context }) => {
  await openBoard(page);
  await card(page, "renee-ballard").focus();
  await page.keyboard.press("ArrowDown");
  await waitForSave(page, "renee-ballard");
  const other = await context.newPage();
  await other.goto("/no-app-here");
  const damaged = '{"format":"caseboard","version":2,"board":{"positions":{"renee-b';
  await other.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, damaged]);
  const alert = page.getByRole("alert").filter({ hasText: "Another tab stored something this tab cannot read" });
  await expect(alert).toContainText("caseboard.backup.");
  await expect(alert).toContainText("not valid JSON");
  expect(await backups(page)).toEqual([damaged]);
  // This tab's board is saved in its place, and saving goes on.
  await expect.poll(() => stored(page)).not.toBe(damaged);
  expect(JSON.parse((await stored(page))!).board.positions).toHaveProperty("renee-ballard");
  await card(page, "grace-billets").focus();
  await page.keyboard.press("ArrowUp");
  await waitForSave(page, "grace-billets");
  expect(await backups(page)).toEqual([damaged]);
});

test("a board list a newer Caseboard wrote in another tab is backed up before this tab writes its own", async ({ page, context }) => {
  await openBoard(page);
  const other = await context.newPage();
  await other.goto("/no-app-here");
  const newer = '{"format":"caseboard-boards","version":9,"boards":[],"shelves":[]}';
  await other.evaluate((value) => localStorage.setItem("caseboard.boards", value), newer);
  const alert = page.getByRole("alert").filter({ hasText: "list of your boards could not be read" });
  await expect(alert).toContainText("newer Caseboard");
  await expect(alert).toContainText("caseboard.backup.");
  expect(await backups(page)).toEqual([newer]);
  // This tab keeps its list and its board, and saves the list in the other's place.
  const index = async () => JSON.parse((await stored(page, "caseboard.boards")) ?? "{}");
  await expect.poll(async () => (await index()).version).toBe(1);
  await openPanel(page);
  await page.getByRole("region", { name: "Boards" }).getByRole("button", { name: "New board" }).click();
  await expect.poll(async () => (await index()).boards?.length).toBe(2);
  expect(await backups(page)).toEqual([newer]);
});

test("a board deleted in one tab is never saved back by the other, which says so and keeps a copy on request", async ({ page, context }) => {
  await openBoard(page);
  await openPanel(page);
  const boards = page.getByRole("region", { name: "Boards" });
  await boards.getByRole("button", { name: "New board" }).click();
  await expect(boards.locator(".board-row")).toHaveCount(2);
  const index = async (tab: Page) => JSON.parse((await stored(tab, "caseboard.boards")) ?? "{}");
  const deletedId: string = (await index(page)).current;
  const deletedKey = `caseboard.board.${deletedId}`;
  await card(page, "renee-ballard").focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => stored(page, deletedKey)).toContain("renee-ballard");

  // The other tab shows the same board, and is changing it as the first deletes it.
  const other = await context.newPage();
  await openBoard(other);
  const start = await worldPosition(other, "grace-billets");
  const moved = { x: start.x, y: start.y - 50 };
  await card(other, "grace-billets").focus();
  await other.keyboard.press("Shift+ArrowUp");
  await boards.getByRole("button", { name: "Delete board Ballard board (2)" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete board" }).click();

  const notice = other.getByRole("status").filter({ hasText: "This board was deleted in another tab" });
  await expect(notice).toBeVisible();
  // Its pending save did not bring the board back.
  await other.waitForTimeout(600);
  expect(await stored(page, deletedKey)).toBeNull();
  expect((await index(page)).boards.map((b: { id: string }) => b.id)).not.toContain(deletedId);

  // Keeping a copy saves what the other tab had, the change it was making included, as a new board.
  await notice.getByRole("button", { name: "Keep a copy" }).click();
  await expect(other.getByRole("status").filter({ hasText: "The deleted board is kept as" })).toBeVisible();
  await expect.poll(() => worldPosition(other, "grace-billets")).toEqual(moved);
  const after = await index(other);
  expect(after.boards).toHaveLength(2);
  expect(after.boards.map((b: { id: string }) => b.id)).not.toContain(deletedId);
  expect(after.deleted).toContain(deletedId);

  // After a reload the first tab lists the copy, never the deleted board.
  await page.reload();
  await openPanel(page);
  await expect(boards.locator(".board-row")).toHaveCount(2);
  expect(await stored(page, deletedKey)).toBeNull();
});

test("when another tab changes what this tab's last step changed, that step can no longer be undone here, and the tab says so", async ({ page, context }) => {
  const other = await twoTabs(page, context);
  const start = await worldPosition(page, "grace-billets");
  await card(page, "grace-billets").focus();
  await page.keyboard.press("Shift+ArrowDown");
  await waitForSave(page, "grace-billets");
  await expect.poll(() => worldPosition(other, "grace-billets")).toEqual({ x: start.x, y: start.y + 50 });
  await card(other, "grace-billets").focus();
  await other.keyboard.press("Shift+ArrowRight");
  const theirs = { x: start.x + 50, y: start.y + 50 };
  await expect.poll(() => worldPosition(page, "grace-billets")).toEqual(theirs);
  await expect(page.getByRole("status").filter({ hasText: "can no longer be undone here" })).toBeVisible();
  // Undo here would put back the other tab's move; it has nothing to take back.
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();
  expect(await worldPosition(page, "grace-billets")).toEqual(theirs);
  await expect(other.getByRole("button", { name: "Undo", exact: true })).toBeEnabled();
});
