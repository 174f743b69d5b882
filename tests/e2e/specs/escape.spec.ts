import { card, expect, openBoard, openPanel, test, waitForSave } from "./helpers";

// Escape finishes what the fan types and keeps it; one Escape ends one mode, whatever has focus.

test("Escape in a new note keeps what was typed, as one step that Undo takes back", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("textbox", { name: "Note text" })).toBeFocused();
  await page.keyboard.type("Billets knew in 1995");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("textbox", { name: "Note text" })).toHaveCount(0);
  const note = page.locator("[data-card-id]").filter({ hasText: "Billets knew in 1995" });
  await expect(note).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(note).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(note).toHaveCount(1);
  await waitForSave(page, "Billets knew in 1995");
  await page.reload();
  await expect(note).toHaveCount(1);
});

test("Escape in a theory's name keeps it and leaves the field", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("first words");
  await page.keyboard.press("Control+Enter");
  await openPanel(page);
  const theories = page.getByRole("region", { name: "Theories" });
  await theories.getByRole("button", { name: "New theory" }).click();
  // Named by its theory's name, which changes as it is typed.
  const name = theories.getByRole("textbox", { name: /^Name of / }).first();
  await name.fill("The mole is in the unit");
  await name.press("Escape");
  await expect(name).not.toBeFocused();
  await expect(name).toHaveValue("The mole is in the unit");
  await waitForSave(page, "The mole is in the unit");
  await page.reload();
  await openPanel(page);
  await expect(page.getByRole("region", { name: "Theories" }).getByRole("textbox", { name: /^Name of / }).first()).toHaveValue(
    "The mole is in the unit",
  );
});

test("one Escape ends focus mode after a mouse click on Focus, though the button has focus", async ({ page }) => {
  await openBoard(page);
  await card(page, "harry-bosch").click();
  const focus = page.getByRole("region", { name: "Inspector" }).getByRole("button", { name: "Focus" });
  await focus.click();
  await expect(page.locator("[data-card-id].dimmed").first()).toBeAttached();
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-card-id].dimmed")).toHaveCount(0);
  // The selection stays: the next Escape clears it.
  await expect(card(page, "harry-bosch")).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Escape");
  await expect(card(page, "harry-bosch")).toHaveAttribute("data-selected", "false");
});

test("one Escape leaves select mode, the next clears the selection", async ({ page }) => {
  await openBoard(page);
  await card(page, "harry-bosch").click();
  const select = page.getByRole("button", { name: "Select", exact: true });
  await select.click();
  await expect(select).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(select).toHaveAttribute("aria-pressed", "false");
});

test("Escape in the Add card dialog keeps what was typed for next time; only Cancel throws it away", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Add card" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a card of your own" });
  await dialog.getByLabel("Kind").selectOption("place");
  await dialog.getByLabel("Title").fill("The pier");
  await dialog.getByLabel("Description").fill("Where Billets met the informant");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(dialog.getByLabel("Title")).toHaveValue("The pier");
  await expect(dialog.getByLabel("Description")).toHaveValue("Where Billets met the informant");
  await expect(dialog.getByLabel("Kind")).toHaveValue("place");
  await expect(dialog).toContainText("What you typed last time is here");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(dialog.getByLabel("Title")).toHaveValue("");
  await expect(dialog).not.toContainText("What you typed last time");
});
