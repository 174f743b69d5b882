import type { Page } from "@playwright/test";
import { answeredContext, BLANK, card, expect, openBoard, openPanel, STORAGE_KEY, test, makeShareLink } from "./helpers";

// Nothing beyond the fan's horizon leaks: not through a count, not through a shared preview's
// reveal, and every canon quote says whose words it is.

/** The fan's own board, stored watched up to `horizon`, with a theory tying a note to `to`. */
async function storeTheory(page: Page, horizon: number, to: string) {
  await page.goto(BLANK);
  const board = {
    format: "caseboard",
    version: 2,
    name: "My board",
    universe: { id: "ballard", version: 1 },
    board: {
      horizon,
      positions: { "n-1": { x: 1200, y: 600 } },
      cards: [{ id: "n-1", kind: "note", text: "She knew the runaway" }],
      theories: [{ id: "t-1", name: "The mother knows", colour: "#2a7de1" }],
      strings: [{ id: "s-1", from: "n-1", to, label: "knew", theory: "t-1", confidence: "likely" }],
    },
  };
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, JSON.stringify(board)]);
}

const watchedUpTo = (page: Page) => page.getByRole("combobox", { name: "Watched up to" }).locator("option:checked");

test("a theory whose strings all lie beyond the horizon does not count them as shown", async ({ page }) => {
  await storeTheory(page, 1, "victims-mother");
  await page.goto("/");
  await openPanel(page);
  const theories = page.getByRole("region", { name: "Theories" });
  await expect(theories).toContainText("0 strings shown, 1 beyond episode 1");
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Episode 3" });
  await expect(theories).toContainText("1 string · 0 notes");
  await expect(theories).not.toContainText("beyond");
});

test("what a shared preview reveals stays in the preview: the saved board keeps the fan's own horizon", async ({ page, browser }) => {
  const sender = await (await answeredContext(browser)).newPage();
  await sender.goto("/");
  const url = await makeShareLink(sender);

  await storeTheory(page, 1, "grace-billets");
  await page.goto(url);
  await expect(page.getByRole("region", { name: "Shared board" })).toBeVisible();
  await expect(card(page, "victims-mother")).toHaveCount(0);
  await page.getByRole("button", { name: "Show what the sender saw" }).click();
  await expect(card(page, "victims-mother")).toHaveCount(1);
  await page.getByRole("button", { name: "Save as new board" }).click();
  await expect(page.getByRole("status").filter({ hasText: "opens at what you have watched (up to episode 1)" })).toBeVisible();
  await expect(watchedUpTo(page)).toHaveText("Episode 1");
  await expect(card(page, "victims-mother")).toHaveCount(0);
  const own = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).board.horizon, STORAGE_KEY);
  expect(own, "the fan's own board keeps its horizon").toBe(1);
});

test("canon quotes name their source, and card texts speak of the source", async ({ page }) => {
  await openBoard(page);
  expect(await page.locator(".world").textContent()).not.toContain("article");
  await card(page, "harry-bosch").click();
  const inspector = page.getByRole("complementary", { name: "Board panel" });
  await expect(inspector).toContainText("The source says he is in five episodes");
  await expect(inspector.locator(".source-name")).toHaveText(
    "Source: Prime Video’s Latest Detective Thriller: Maggie Q Joins Forces with Titus Welliver in Ballard, press article, 2025",
  );
  await expect(inspector.locator("cite")).toHaveText(/^Prime Video’s Latest Detective Thriller/);
});
