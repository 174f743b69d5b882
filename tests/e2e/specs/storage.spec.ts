import type { Page } from "@playwright/test";
import * as fs from "node:fs";
import { BLANK, card, expect, openBoard, openPanel, STORAGE_KEY, test, universe, waitForSave, worldPosition } from "./helpers";

async function storeRaw(page: Page, text: string) {
  await page.goto(BLANK);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, text]);
  await openBoard(page);
}

/** Fills this origin's storage to the brim with other data, before the app opens. */
async function fillStorage(page: Page) {
  await page.goto(BLANK);
  await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    for (let i = 0; chunk.length > 16; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
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

test("a board saved by a newer Caseboard is left untouched and this session never saves over it", async ({ page }) => {
  const newer = '{"format":"caseboard","version":7,"universe":{"id":"ballard","version":1},"future":true}';
  await storeRaw(page, newer);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("newer Caseboard");
  await expect(alert).toContainText("left untouched");
  await card(page, "renee-ballard").focus();
  await page.keyboard.press("ArrowDown");
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(newer);
  expect(await backups(page)).toEqual([]);
});

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

test("a backup can be downloaded and removed from Saved data; the board can be exported from Share", async ({ page }) => {
  const corrupt = '{"format":"caseboard","version":2,"board":{"positions":{"x": broken';
  await storeRaw(page, corrupt);
  await expect(page.getByRole("alert")).toContainText("could not be read");
  await openPanel(page);
  const saved = page.getByRole("region", { name: "Saved data" });
  await expect(saved).toContainText("Backups of boards that could not be read");
  await expect(page.getByRole("region", { name: "Boards" })).toContainText("this browser gives the site");
  const [backup] = await Promise.all([page.waitForEvent("download"), saved.getByRole("button", { name: /^Download backup/ }).click()]);
  expect(fs.readFileSync(await backup.path(), "utf8")).toBe(corrupt);

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export board" }).click()]);
  await page.getByRole("button", { name: "Close", exact: true }).click();
  expect(exported.suggestedFilename()).toBe("Ballard board.caseboard.json");
  const file = JSON.parse(fs.readFileSync(await exported.path(), "utf8"));
  expect(file.format).toBe("caseboard");
  expect(file.universe.id).toBe("ballard");

  await saved.getByRole("button", { name: /^Remove backup/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove backup" }).click();
  expect(await backups(page)).toEqual([]);
  await expect(saved).toHaveCount(0);
});

test("when storage is full the board says so, keeps working, and offers the board as a file", async ({ page }) => {
  await fillStorage(page);
  await openBoard(page);
  await card(page, "harry-bosch").focus();
  await page.keyboard.press("ArrowRight");
  const alert = page.getByRole("alert").filter({ hasText: "not saved" });
  await expect(alert).toBeVisible();
  const before = await worldPosition(page, "harry-bosch");
  await page.keyboard.press("ArrowRight");
  expect((await worldPosition(page, "harry-bosch")).x).toBe(before.x + 10);
  const [file] = await Promise.all([page.waitForEvent("download"), alert.getByRole("button", { name: "Export board" }).click()]);
  const board = JSON.parse(fs.readFileSync(await file.path(), "utf8"));
  expect(board.board.positions["harry-bosch"].x).toBeCloseTo(before.x + 10, 0);
});

test("leaving a board storage refused downloads it first, and its stale offer goes with it", async ({ page }) => {
  await fillStorage(page);
  await openBoard(page);
  // A card from episode 3 moved, then the horizon set before it: the copy kept is still whole.
  await card(page, "victims-mother").focus();
  const mother = await worldPosition(page, "victims-mother");
  await page.keyboard.press("ArrowDown");
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Episode 1" });
  await card(page, "harry-bosch").focus();
  const before = await worldPosition(page, "harry-bosch");
  await page.keyboard.press("ArrowRight");
  const notSaved = page.getByRole("alert").filter({ hasText: "not saved" });
  // Said plainly, with what to do about it.
  await expect(notSaved).toContainText("the storage this browser gives the site is full");
  await expect(notSaved).toContainText("make room by deleting boards or backups");

  await openPanel(page);
  // The panel's count is Caseboard's own; it says when the browser finds the space full anyway.
  await expect(page.getByRole("region", { name: "Boards" })).toContainText("The browser refused the last save all the same");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("region", { name: "Boards" }).getByRole("button", { name: "New board" }).click(),
  ]);
  const board = JSON.parse(fs.readFileSync(await file.path(), "utf8"));
  expect(board.board.positions["harry-bosch"].x).toBeCloseTo(before.x + 10, 0);
  expect(board.board.positions["victims-mother"].y).toBeCloseTo(mother.y + 10, 0);
  await expect(page.getByRole("alert").filter({ hasText: "downloaded as a board file" })).toBeVisible();
  // The offer to export the board that closed is gone with it (clicking it crashed the app).
  await expect(notSaved.getByRole("button", { name: "Export board" })).toHaveCount(0);
});

test("when localStorage throws on every access, the board still runs in memory with a notice", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto("/");
  // With nothing it can read, the app asks how far the fan has watched (it cannot remember).
  await page.getByRole("dialog", { name: "How far have you watched?" }).getByRole("button", { name: "Everything" }).click();
  await expect(page.locator("[data-card-id]")).toHaveCount(universe.entities.length);
  await expect(page.getByRole("alert").first()).toContainText("won't let Caseboard store anything");
  await card(page, "renee-ballard").focus();
  const before = await worldPosition(page, "renee-ballard");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => worldPosition(page, "renee-ballard")).toEqual({ x: before.x, y: before.y + 10 });
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("kept in memory");
  await page.keyboard.press("Control+Enter");
  await expect(page.locator("[data-card-id].fan")).toContainText("kept in memory");
});

test("a damaged board list is backed up and rebuilt from the boards, adopting one no list named", async ({ page }) => {
  await page.goto(BLANK);
  await page.evaluate((key) => {
    const board = (name: string) =>
      JSON.stringify({ format: "caseboard", version: 2, name, universe: { id: "ballard", version: 1 }, board: {} });
    localStorage.setItem(key, board("First"));
    localStorage.setItem("caseboard.board.b-orphan", board("Left by a closed tab"));
    localStorage.setItem("caseboard.boards", '{"format":"caseboard-boards","version":1,"boards":[{"id":');
  }, STORAGE_KEY);
  await openBoard(page);
  await expect(page.getByRole("alert")).toContainText("list of your boards could not be read");
  const boards = page.getByRole("region", { name: "Boards" });
  if (!(await boards.isVisible())) await page.getByRole("button", { name: "Theories" }).click();
  await expect(boards.locator(".board-row")).toHaveCount(2);
  const names = await boards.locator(".board-row").evaluateAll((rows) =>
    rows.map((r) => (r.querySelector("input") as HTMLInputElement | null)?.value ?? r.querySelector("button")?.textContent),
  );
  expect(names.sort()).toEqual(["First", "Left by a closed tab"]);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("caseboard.backup.")).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"format":"caseboard-boards","version":1,"boards":[{"id":']);
});

test("undo takes back a step made before a reload", async ({ page }) => {
  await openBoard(page);
  const start = await worldPosition(page, "grace-billets");
  await card(page, "grace-billets").focus();
  await page.keyboard.press("Shift+ArrowDown");
  await waitForSave(page, "grace-billets");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("caseboard.history.ballard") ?? "")).toContain("grace-billets");
  await page.reload();
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  const undo = page.getByRole("button", { name: "Undo", exact: true });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect.poll(() => worldPosition(page, "grace-billets")).toEqual(start);
  await page.getByRole("button", { name: "Redo", exact: true }).click();
  await expect.poll(() => worldPosition(page, "grace-billets")).toEqual({ x: start.x, y: start.y + 50 });
});

test("a saved undo history the board no longer fits is dropped with a notice", async ({ page }) => {
  await openBoard(page);
  await card(page, "grace-billets").focus();
  await page.keyboard.press("Shift+ArrowDown");
  await waitForSave(page, "grace-billets");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("caseboard.history.ballard") ?? "")).toContain("grace-billets");
  // Another tab moved the same card since, and saved the board without this tab's history.
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key)!);
    stored.board.positions["grace-billets"] = { x: 11, y: 22 };
    stored.revision += 1;
    localStorage.setItem(key, JSON.stringify(stored));
  }, STORAGE_KEY);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "The steps made before the reload cannot be undone" })).toContainText("no longer apply");
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();
  expect(await worldPosition(page, "grace-billets")).toEqual({ x: 11, y: 22 });
});
