import type { Page } from "@playwright/test";
import { BLANK, expect, openBoard, openPanel, test } from "./helpers";

// Names the app gives pass its own checks after a reload, an imported name is never cut or
// numbered unsaid, and board files with one id twice are refused with the id.

const LONG = "A very long board name that fills all eighty characters a board name may hold..."; // 80

function boardFile(name: string, board: object = {}) {
  return JSON.stringify({ format: "caseboard", version: 2, name, universe: { id: "ballard", version: 1 }, board });
}

async function importBoard(page: Page, fileName: string, content: string) {
  await openPanel(page);
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles({
    name: fileName,
    mimeType: "application/json",
    buffer: Buffer.from(content),
  });
}

test("ten boards of one 80-character name all read back after a reload, the numbers said", async ({ page }) => {
  expect(LONG.length).toBe(80);
  await openBoard(page);
  await importBoard(page, "long.caseboard.json", boardFile(LONG));
  await expect(page.getByRole("status").filter({ hasText: "\"long.caseboard.json\" was imported as a new board." })).toBeVisible();
  for (let n = 2; n <= 10; n++) {
    await importBoard(page, "long.caseboard.json", boardFile(LONG));
    const given = `${LONG.slice(0, 80 - ` (${n})`.length).trimEnd()} (${n})`;
    await expect(page.getByRole("status").filter({ hasText: `"${given}": another board is called` })).toBeVisible();
  }
  await page.reload();
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toHaveCount(0);
  await openPanel(page);
  // The open board's name is a field; every other board is a button named after it.
  const boards = page.getByRole("region", { name: "Boards" });
  const open = await boards.getByRole("textbox", { name: "Board name" }).inputValue();
  const others = await boards.getByRole("button", { name: /^Open board / }).evaluateAll((buttons) =>
    buttons.map((b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").replace(/^Open board /, "")),
  );
  const names = [open, ...others];
  expect(names.length).toBe(11);
  expect(names).toContain(LONG);
  expect(names.every((name) => name.length <= 80)).toBe(true);
  expect(new Set(names).size).toBe(names.length);
});

test("a board file with two cards of one id, or a card with a canon id, is refused with the id", async ({ page }) => {
  await openBoard(page);
  const note = (text: string) => ({ id: "note-1", kind: "note", text });
  const twice = boardFile("Twice", { positions: { "note-1": { x: 0, y: 0 } }, cards: [note("first"), note("second")] });
  await importBoard(page, "twice.caseboard.json", twice);
  await expect(page.getByRole("alert").filter({ hasText: "two cards have the id 'note-1'" })).toBeVisible();
  const canon = boardFile("Canon", {
    positions: { "harry-bosch": { x: 0, y: 0 } },
    cards: [{ id: "harry-bosch", kind: "note", text: "not Bosch" }],
  });
  await importBoard(page, "canon.caseboard.json", canon);
  await expect(page.getByRole("alert").filter({ hasText: "card 'harry-bosch' has the id of a canon card" })).toBeVisible();
  await openPanel(page);
  await expect(page.getByRole("region", { name: "Boards" }).locator(".board-row")).toHaveCount(1);
});

test("a board an earlier Caseboard named past 80 characters opens, its name fitted with a notice", async ({ page }) => {
  const old = `${LONG.slice(0, 76)} (10)`; // 81 characters, as an earlier Caseboard numbered it
  await page.goto(BLANK);
  await page.evaluate(
    ([name, board]) => {
      localStorage.setItem("caseboard.boards", JSON.stringify({ format: "caseboard-boards", version: 1, current: "b-old", boards: [{ id: "b-old", name, universe: "ballard" }] }));
      localStorage.setItem("caseboard.board.b-old", board);
    },
    [old, boardFile(old, { hidden: ["harry-bosch"] })],
  );
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  const fitted = `${LONG.slice(0, 75).trimEnd()} (10)`;
  await expect(page.getByRole("status").filter({ hasText: `shortened to fit: "${fitted}"` })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toHaveCount(0);
  await expect(page.locator('[data-card-id="harry-bosch"]')).toHaveCount(0);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("caseboard.backup.")));
  expect(backups).toEqual([]);
});
