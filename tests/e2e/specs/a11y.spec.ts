import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { card, expect, openBoard, openPanel, test } from "./helpers";

// axe-core's WCAG 2.2 A and AA rules, on every state a fan meets: no serious or critical
// violation anywhere. Each violation found is printed with the elements it is on.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function expectAccessible(page: Page, what: string) {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const found = grave.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(found, `${what}: serious or critical violations`).toEqual([]);
  // The rules that ran are many: a run that checked nothing would prove nothing.
  expect(passes.length, `${what}: rules that passed`).toBeGreaterThan(10);
}

async function openTwoTheories(page: Page) {
  await openPanel(page);
  const theories = page.getByRole("region", { name: "Theories" });
  await theories.getByRole("button", { name: "New theory" }).click();
  await theories.getByRole("button", { name: "New theory" }).click();
  await expect(theories.locator("li")).toHaveCount(2);
}

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["phone", { width: 375, height: 667 }],
] as const) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test("the fresh board, a card selected, and the theory panel with two theories", async ({ page }) => {
      // Three full axe runs on a shared two-core machine.
      test.slow();
      await openBoard(page);
      await expectAccessible(page, "fresh board");
      await card(page, "harry-bosch").click();
      await expect(page.getByRole("region", { name: "Inspector" })).toBeVisible();
      await expectAccessible(page, "card selected");
      await page.keyboard.press("Escape");
      await openTwoTheories(page);
      await expectAccessible(page, "two theories");
    });

    for (const [button, role] of [
      ["Add card", "dialog"],
      ["Share", "dialog"],
      ["Help", "dialog"],
      ["Reset board", "alertdialog"],
    ] as const) {
      test(`the ${button} dialog`, async ({ page }) => {
        await openBoard(page);
        await page.getByRole("button", { name: button, exact: true }).click();
        await expect(page.getByRole(role)).toBeVisible();
        await expectAccessible(page, `${button} dialog`);
        if (button === "Share") {
          await page.getByRole("button", { name: "Share link" }).click();
          await expect(page.getByRole("textbox", { name: "Share link URL" })).toHaveValue(/#board=/);
          await expectAccessible(page, "share dialog with its link");
        }
      });
    }
  });
}

test.describe("a first visit", () => {
  test.use({ firstVisit: true });

  test("the dialog asking how far the fan has watched", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("dialog", { name: "How far have you watched?" })).toBeVisible();
    await expectAccessible(page, "first-visit dialog");
  });
});
