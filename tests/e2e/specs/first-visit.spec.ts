import type { Page } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { answeredContext, expect, screenshot, test, makeShareLink } from "./helpers";

// A fan's first visit: nothing beyond the premise is shown until they say how far they watched.
test.use({ firstVisit: true });

type Known = { id: string; first_episode?: number | null; premise?: boolean };
const entities: Known[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "..", "data", "ballard.json"), "utf8"),
).entities;
/** What is known after `episode` (0: the premise alone). */
const knownBy = (episode: number) =>
  new Set(entities.filter((e) => e.premise || (e.first_episode != null && e.first_episode <= episode)).map((e) => e.id));

const drawnCards = (page: Page) =>
  page.locator("[data-card-id]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-card-id")!));

const watchedUpTo = (page: Page) => page.getByRole("combobox", { name: "Watched up to" }).locator("option:checked");

const ANSWERS = ["Nothing yet", ...Array.from({ length: 10 }, (_, i) => `Episode ${i + 1}`), "Everything"];

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["phone", { width: 375, height: 667 }],
] as const) {
  test(`a first visit asks how far the fan has watched, showing only the premise until then (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    const dialog = page.getByRole("dialog", { name: "How far have you watched?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button")).toHaveText(ANSWERS);
    await expect(dialog.getByRole("button", { name: "Nothing yet" })).toBeFocused();
    await expect(page.locator("[data-card-id]").first()).toBeAttached();
    const premise = knownBy(0);
    for (const id of await drawnCards(page)) expect(premise, `${id} is not in the premise`).toContain(id);
    await screenshot(page, `first-visit-question-${name}`);

    await dialog.getByRole("button", { name: "Episode 3" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(watchedUpTo(page)).toHaveText("Episode 3");
    const byThree = knownBy(3);
    await expect.poll(async () => (await drawnCards(page)).some((id) => !premise.has(id))).toBe(true);
    for (const id of await drawnCards(page)) expect(byThree, `${id} comes after episode 3`).toContain(id);

    await page.reload();
    await expect(page.locator("[data-card-id]").first()).toBeAttached();
    await expect(page.getByRole("dialog", { name: "How far have you watched?" })).toHaveCount(0);
    await expect(watchedUpTo(page)).toHaveText("Episode 3");
  });
}

test("a share link opened on a first visit asks too, and shows the board cut to the answer", async ({ page, browser }) => {
  const sender = await (await answeredContext(browser)).newPage();
  await sender.goto("/");
  const url = await makeShareLink(sender);

  await page.goto(url);
  const dialog = page.getByRole("dialog", { name: "How far have you watched?" });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("region", { name: "Shared board" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Episode 1", exact: true }).click();
  await expect(page.getByRole("region", { name: "Shared board" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The sender has watched further than you" })).toBeVisible();
  const byOne = knownBy(1);
  for (const id of await drawnCards(page)) expect(byOne, `${id} comes after episode 1`).toContain(id);
});
