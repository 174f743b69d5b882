import type { Page } from "@playwright/test";
import { bigUniverse, hubStrings, manyTheories } from "../long-lists.mjs";
import { BLANK, card, expect, openBoard, openPanel, screenshot, STORAGE_KEY, test, universe } from "./helpers";

// Long lists show a page at a time, with "Show more": a board of 50,000 theories opens and its
// panel opens at once; a card with many strings lists the first of them; a long board list keeps
// the open board in view. What each costs is printed by the benchmark (bench/long-lists.mjs).

async function openStored(page: Page, key: string, value: object) {
  await page.goto(BLANK);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [key, JSON.stringify(value)]);
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeAttached({ timeout: 20_000 });
}

const premise = universe.entities
  .filter((e) => e.kind !== "episode" && !(e as { first_episode?: number }).first_episode)
  .map((e) => e.id);

test("50,000 theories: the Theories panel shows fifty, and more a page at a time from the keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  await openStored(page, STORAGE_KEY, manyTheories(50_000));
  await openPanel(page);
  const region = page.getByRole("region", { name: "Theories" });
  const rows = region.locator(".theory-row");
  // Fifty, and the active theory (the newest) wherever it falls.
  await expect(rows).toHaveCount(51);
  await expect(region.getByText("Showing the first 50 of 50,000 theories.")).toBeVisible();
  const more = region.getByRole("button", { name: "Show 50 more theories" });
  await more.click();
  await expect(rows).toHaveCount(101);
  await expect(region.getByText("Showing the first 100 of 50,000 theories.")).toBeVisible();
  // The button is the same element after each page: the keyboard stays on it.
  await expect(more).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(151);

  // A new theory is made active, so its row shows (in place of the last active one's), wherever its id sorts.
  await region.getByRole("button", { name: "New theory" }).click();
  await expect(rows).toHaveCount(151);
  await expect(region.getByRole("radio", { name: "Make Theory 50001 the active theory" })).toBeChecked();

  // The filters list every theory too, a page at a time.
  const filters = page.getByRole("region", { name: "Filters" });
  await expect(filters.locator(".theory-filter")).toHaveCount(50);
  await expect(filters.getByRole("button", { name: "Show 50 more theories" })).toBeVisible();
  await screenshot(page, "long-lists-theories");
});

test("a card with 120 strings lists its connections fifty at a time, then all", async ({ page }) => {
  await openStored(page, STORAGE_KEY, hubStrings(120, premise));
  await card(page, "hub").click();
  const rows = page.locator(".connection-list li");
  await expect(rows).toHaveCount(50);
  await expect(page.getByText("Showing the first 50 of 120 connections.")).toBeVisible();
  await page.getByRole("button", { name: "Show 50 more connections" }).click();
  await expect(rows).toHaveCount(100);
  await page.getByRole("button", { name: "Show 20 more connections" }).click();
  await expect(rows).toHaveCount(120);
  await expect(page.getByRole("button", { name: /^Show \d+ more connections$/ })).toHaveCount(0);
  // Each row still leads to the card at its other end.
  const last = rows.nth(119).getByRole("button");
  const lead = Number(/^lead (\d+) →/.exec((await last.textContent()) ?? "")?.[1]);
  await last.click();
  await expect(card(page, premise[(lead - 1) % premise.length])).toHaveAttribute("data-selected", "true");
});

test("60 boards: the list shows fifty and the open board, and the rest on asking", async ({ page }) => {
  const boards = Array.from({ length: 60 }, (_, i) => ({ id: `b-${i}`, name: `Board ${i + 1}`, universe: "ballard" }));
  await openStored(page, "caseboard.boards", { format: "caseboard-boards", version: 1, current: "b-59", boards });
  await openPanel(page);
  const region = page.getByRole("region", { name: "Boards" });
  const rows = region.locator(".board-row");
  await expect(rows).toHaveCount(51);
  await expect(region.getByRole("textbox", { name: "Board name" })).toHaveValue("Board 60");
  await expect(region.getByText("Showing the first 50 of 60 boards.")).toBeVisible();
  await region.getByRole("button", { name: "Show 10 more boards" }).click();
  await expect(rows).toHaveCount(60);
  await region.getByRole("button", { name: "Open board Board 55" }).click();
  await expect(region.getByRole("textbox", { name: "Board name" })).toHaveValue("Board 55");
});

test("a card with 3,000 strings is picked: each of its strings shows its label, and picking one string marks that string alone", async ({ page }) => {
  await openStored(page, STORAGE_KEY, hubStrings(3_000, premise));
  const shownLabels = () =>
    page.locator('[data-link-id] [data-role="label"]').evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== "none").length);
  const before = await shownLabels();
  // Labels with no clear spot wait until asked for: far fewer than the strings show at first.
  expect(before).toBeLessThan(3_000);
  await card(page, "hub").click({ timeout: 20_000 });
  await expect(card(page, "hub")).toHaveAttribute("data-selected", "true", { timeout: 20_000 });
  await expect.poll(shownLabels, { timeout: 20_000 }).toBe(3_000);
  await screenshot(page, "long-lists-hub-picked");
  // Picking one string: it alone is pressed, and the card's other labels wait again.
  await page.locator('[data-link-id="s-7"]').focus();
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-link-id][aria-pressed="true"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('[data-link-id="s-7"]')).toHaveAttribute("aria-pressed", "true");
  await expect.poll(shownLabels, { timeout: 20_000 }).toBeLessThan(3_000);
});

test("a show of 100 episodes draws 16 episode chips around the fan's, and the arrows walk on past the row's end", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  const show = JSON.stringify(bigUniverse(1_000));
  await page.locator('input[type="file"]:not([accept*=".canvas"])').setInputFiles({ name: "long-show.json", mimeType: "application/json", buffer: Buffer.from(show) });
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible({ timeout: 20_000 });
  const chips = page.locator(".episode-chip");
  await expect(chips).toHaveCount(16);
  await page.getByRole("button", { name: "Replay to episode 1", exact: true }).focus();
  for (let i = 0; i < 16; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("button", { name: "Replay to episode 17", exact: true })).toBeFocused();
  await expect(chips).toHaveCount(16);
  await page.keyboard.press("Enter");
  await expect(page.getByText("The board as known after episode 17")).toBeVisible();
  await screenshot(page, "long-lists-hundred-episodes");
});
