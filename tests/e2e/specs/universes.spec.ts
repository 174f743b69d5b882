import type { Page } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { expect, openBoard, openPanel, test } from "./helpers";

// A universe import that would replace one stored in this browser says which boards use it and
// asks first; the same universe again replaces nothing and asks nothing.

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "data", "example-universe.json"), "utf8"));
const STORED = "caseboard.universe.harbour-files";

async function importUniverse(page: Page, name: string, universe: object) {
  const buffer = Buffer.from(JSON.stringify(universe));
  await page.locator('input[type="file"]:not([accept*=".canvas"])').setInputFiles({ name, mimeType: "application/json", buffer });
}

const boardRows = (page: Page) => page.getByRole("region", { name: "Boards" }).locator(".board-row");
const storedVersion = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").version, STORED);

test("a universe import that would replace a stored one names the boards that use it and asks first", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  await importUniverse(page, "harbour.json", EXAMPLE);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await expect(boardRows(page)).toHaveCount(2);

  // The same universe again, laid out differently: nothing to replace, so nothing is asked.
  await openPanel(page);
  await page.locator('input[type="file"]:not([accept*=".canvas"])').setInputFiles({
    name: "harbour-again.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(EXAMPLE, null, 2)),
  });
  await expect(page.getByRole("status").filter({ hasText: "\"harbour-again.json\" was imported as a new board" })).toBeVisible();
  await expect(boardRows(page)).toHaveCount(3);

  const changed = { ...EXAMPLE, version: 2, entities: EXAMPLE.entities.slice().reverse() };
  await openPanel(page);
  await importUniverse(page, "harbour-2.json", changed);
  const question = page.getByRole("status").filter({ hasText: "would replace the universe 'harbour-files'" });
  await expect(question).toBeVisible();
  await expect(question).toContainText("version 1; the file holds version 2");
  await expect(question).toContainText("\"The Harbour Files board\"");
  await expect(question).toContainText("\"The Harbour Files board (2)\"");
  // Nothing changed yet: the stored universe and the list are as they were.
  expect(await storedVersion(page)).toBe(1);
  await expect(boardRows(page)).toHaveCount(3);

  await question.getByRole("button", { name: "Replace universe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "replaced the universe 'harbour-files'" })).toBeVisible();
  expect(await storedVersion(page)).toBe(2);
  await openPanel(page);
  await expect(boardRows(page)).toHaveCount(4);
});

test("a replacing universe import that is dismissed replaces nothing", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  await importUniverse(page, "harbour.json", EXAMPLE);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await openPanel(page);
  await importUniverse(page, "harbour-2.json", { ...EXAMPLE, version: 2, title: "The Harbour Files, revised" });
  const question = page.getByRole("status").filter({ hasText: "would replace the universe" });
  await question.getByRole("button", { name: "Dismiss notice" }).click();
  await expect(question).toHaveCount(0);
  expect(await storedVersion(page)).toBe(1);
  await page.reload();
  await expect(page.locator(".brand-universe")).toHaveText("The Harbour Files");
});
