import type { Page } from "@playwright/test";
import { box, card, expect, openBoard, openCentredOn, openPanel, screenshot, STORAGE_KEY, test, waitForSave, worldPosition, zoom } from "./helpers";

const fanCards = (page: Page) => page.locator("[data-card-id].fan");

async function centreOf(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Ties a string by dragging from one card's pin to another card, as a mouse would. */
async function tie(page: Page, from: string, to: string) {
  const start = await centreOf(page, `[data-card-id="${from}"] .pin`);
  const end = await box(page, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(start.x + ((end.x + end.width / 2 - start.x) * i) / 8, start.y + ((end.y + end.height * 0.6 - start.y) * i) / 8);
  }
  await expect(page.locator(".rubber-band")).toHaveCount(1);
  await page.mouse.up();
}

test("a note is added, typed in, kept as text, undone, redone and still there after a reload", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 1);
  const undo = page.getByRole("button", { name: "Undo" });
  const redo = page.getByRole("button", { name: "Redo" });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await page.getByRole("button", { name: "Add note" }).click();
  const editor = page.getByRole("textbox", { name: "Note text" });
  await expect(editor).toBeFocused();
  await page.keyboard.type("Billets <b>knew</b> all along");
  await expect(page.locator(".card-editor .counter")).toHaveText("29 / 20000");
  await page.keyboard.press("Control+Enter");
  const note = fanCards(page).first();
  await expect(note).toContainText("Billets <b>knew</b> all along");
  await expect(note.locator("b")).toHaveCount(0);
  await expect(note).toHaveAttribute("aria-label", /^Billets <b>knew<\/b> all along, your note/);

  await expect(undo).toBeEnabled();
  await undo.click(); // the text
  await expect(fanCards(page).first()).toContainText("Empty note");
  await undo.click(); // the note itself
  await expect(fanCards(page)).toHaveCount(0);
  await expect(undo).toBeDisabled();
  await page.keyboard.press("Control+Shift+Z");
  await page.keyboard.press("Control+y");
  await expect(fanCards(page).first()).toContainText("Billets <b>knew</b> all along");
  await expect(redo).toBeDisabled();

  await waitForSave(page, "all along");
  await page.reload();
  await expect(fanCards(page)).toHaveCount(1);
  await expect(fanCards(page).first()).toContainText("Billets <b>knew</b> all along");
});

test("notes added one after another from the toolbar never hide each other, nor the card in the middle", async ({ page }) => {
  await openCentredOn(page, "episode-5", 1);
  for (const text of ["first", "second", "third"]) {
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("textbox", { name: "Note text" })).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press("Control+Enter");
  }
  await expect(fanCards(page)).toHaveCount(3);
  const boxes = await fanCards(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      expect(Math.hypot(a.x - b.x, a.y - b.y), "two notes share a spot").toBeGreaterThan(20);
    }
  }
  // Where the ticket is on screen now (the view may have moved to show a note).
  const middle = (await card(page, "episode-5").boundingBox())!;
  // each one's words can be read: none is covered at its centre-left by the next
  for (const text of ["first", "second", "third"]) {
    const note = fanCards(page).filter({ hasText: text });
    const box = (await note.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest("[data-card-id]")?.textContent ?? "", [box.x + 12, box.y + 20]);
    expect(hit).toContain(text);
    // Nor do they land on the card the view was centred on.
    expect(box.x >= middle.x + middle.width || box.x + box.width <= middle.x || box.y >= middle.y + middle.height || box.y + box.height <= middle.y, `${text} covers the card`).toBe(true);
  }
});

test("a string is tied pin to card, labelled, recoloured with its theory, and undone step by step", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 1);
  await tie(page, "case-1995-runaway", "case-police-conspiracy");
  const strings = page.locator("[data-theory]");
  await expect(strings).toHaveCount(1);
  const string = strings.first();
  await expect(string).toHaveAttribute("data-from", "case-1995-runaway");
  await expect(string).toHaveAttribute("data-to", "case-police-conspiracy");
  // the label is typed at once
  const label = page.getByRole("region", { name: "Inspector" }).getByRole("textbox", { name: "Label" });
  await expect(label).toBeFocused();
  await page.keyboard.type("covered up");
  await page.keyboard.press("Enter");
  await expect(string).toHaveAttribute("aria-label", "The 1995 runaway murder — covered up — The police conspiracy");
  await expect(page.locator("[data-canon]").first()).toBeVisible();

  await openPanel(page);
  const theories = page.getByRole("region", { name: "Theories" });
  await expect(theories).toContainText("1 string");
  const colour = theories.getByLabel(/^Colour of/);
  const before = await string.locator(".string-line").evaluate((el) => getComputedStyle(el).stroke);
  await colour.evaluate((el: HTMLInputElement) => {
    el.value = "#00aa55";
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await expect.poll(() => string.locator(".string-line").evaluate((el) => getComputedStyle(el).stroke)).toBe("rgb(0, 170, 85)");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => string.locator(".string-line").evaluate((el) => getComputedStyle(el).stroke)).toBe(before);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(string).toHaveAttribute("aria-label", /— unlabelled —/);
  // An unlabelled string says so on the board only while it is selected.
  await page.keyboard.press("Escape");
  await expect(string).toHaveAttribute("aria-pressed", "false");
  await expect(string.locator(".string-label")).toHaveText("");
  await string.focus();
  await page.keyboard.press("Enter");
  await expect(string).toHaveAttribute("aria-pressed", "true");
  await expect(string.locator(".string-label")).toHaveText("unlabelled");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(strings).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(strings).toHaveCount(1);

  // the same two cards are not tied twice in one theory
  await page.keyboard.press("Escape");
  await tie(page, "case-police-conspiracy", "case-1995-runaway");
  await expect(strings).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "already tied" })).toBeVisible();
});

test("three cards selected with a rectangle move together; delete and undo", async ({ page }) => {
  await openCentredOn(page, "case-police-conspiracy", 1);
  const ids = ["case-1995-runaway", "case-police-conspiracy", "case-1980s-serial-killer"];
  const boxes = await Promise.all(ids.map((id) => box(page, id)));
  const before = await Promise.all(ids.map((id) => worldPosition(page, id)));
  // from bare cork just above and left of the first card, to inside the third
  const start = { x: boxes[0].x - 12, y: Math.min(...boxes.map((b) => b.y)) - 18 };
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.classList.contains("board"), [start.x, start.y])).toBe(true);
  const end = { x: boxes[2].x + 10, y: boxes[1].y + boxes[1].height / 2 };
  await page.keyboard.down("Shift");
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await expect(page.locator(".marquee")).toHaveCount(1);
  await page.mouse.up();
  await page.keyboard.up("Shift");
  for (const id of ids) await expect(card(page, id)).toHaveAttribute("data-selected", "true");
  await expect(card(page, "case-tech-cover-up")).toHaveAttribute("data-selected", "false");

  const grip = await box(page, ids[1]);
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height * 0.7);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 60, grip.y + grip.height * 0.7 + 40, { steps: 6 });
  await page.mouse.up();
  const after = await Promise.all(ids.map((id) => worldPosition(page, id)));
  after.forEach((p, i) => {
    // At 100 %, a screen pixel is a board pixel.
    expect(Math.abs(p.x - before[i].x - 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(p.y - before[i].y - 40)).toBeLessThanOrEqual(1);
  });
  await page.getByRole("button", { name: "Undo" }).click();
  expect(await Promise.all(ids.map((id) => worldPosition(page, id)))).toEqual(before);

  // Delete hides canon cards (listed under Hidden cards); undo brings them back.
  await page.keyboard.press("Delete");
  for (const id of ids) await expect(card(page, id)).toHaveCount(0);
  await openPanel(page);
  const hidden = page.getByRole("region", { name: "Hidden cards" });
  await expect(hidden).toContainText("The police conspiracy");
  await page.keyboard.press("Control+z");
  for (const id of ids) await expect(card(page, id)).toHaveCount(1);
  // one comes back from the list, too
  await card(page, "case-police-conspiracy").click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await hidden.getByRole("button", { name: "Bring back The police conspiracy" }).click();
  await expect(card(page, "case-police-conspiracy")).toHaveCount(1);
});

test("everything can be done from the keyboard: connect, label, duplicate, delete", async ({ page }) => {
  await openCentredOn(page, "case-police-conspiracy", 1);
  await card(page, "case-police-conspiracy").focus();
  await page.keyboard.press("c");
  await expect(page.getByRole("status").filter({ hasText: "Tying a string" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(card(page, "case-1980s-serial-killer")).toBeFocused();
  await page.keyboard.press("Enter");
  const label = page.getByRole("textbox", { name: "Label" });
  await expect(label).toBeFocused();
  await page.keyboard.type("same killer?");
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-theory]")).toHaveAttribute("aria-label", "The police conspiracy — same killer? — The 1980s serial killer");
  // Enter keeps the label and hands the keyboard back to the board, at the card tied from.
  await expect(card(page, "case-police-conspiracy")).toBeFocused();

  await page.getByRole("button", { name: "Add card" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Kind").selectOption("evidence");
  await dialog.getByLabel("Title").fill("Burner phone");
  await dialog.getByLabel("Description").fill("Found in the warehouse");
  await dialog.getByRole("button", { name: "Create card" }).click();
  const phone = fanCards(page).filter({ hasText: "Burner phone" });
  await expect(phone).toHaveCount(1);
  await expect(phone).toHaveAttribute("aria-label", /^Burner phone, your evidence/);
  // a new card is selected; Space on a focused card adds it to the selection or takes it out
  await expect(phone).toHaveAttribute("data-selected", "true");
  // The new card has focus, so the keys that act on a card act on it at once.
  await expect(phone).toBeFocused();
  await page.keyboard.press(" ");
  await expect(phone).toHaveAttribute("data-selected", "false");
  await page.keyboard.press(" ");
  await expect(phone).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Control+d");
  await expect(fanCards(page).filter({ hasText: "Burner phone" })).toHaveCount(2);
  await page.keyboard.press("Delete");
  await expect(fanCards(page).filter({ hasText: "Burner phone" })).toHaveCount(1);
  // Shortcuts do not fire while typing in a field.
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("zz");
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("textbox", { name: "Note text" })).toBeVisible();
});

test("Delete on a card reached with Tab removes it though nothing was selected; Undo brings it back", async ({ page }) => {
  await openCentredOn(page, "harry-bosch", 1);
  await card(page, "harry-bosch").focus();
  await expect(page.locator('[data-card-id][data-selected="true"]')).toHaveCount(0);
  await page.keyboard.press("Delete");
  await expect(card(page, "harry-bosch")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(card(page, "harry-bosch")).toBeVisible();
});

test("a card of the fan's with the longest title keeps it inside the card", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 1);
  await page.getByRole("button", { name: "Add card" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Kind").selectOption("character");
  await dialog.getByLabel("Title").fill("Mysterious stranger ".repeat(6));
  // The field says where its limit is.
  await expect(dialog.locator(".counter").first()).toHaveText("120 / 120");
  await dialog.getByRole("button", { name: "Create card" }).click();
  const stranger = fanCards(page).filter({ hasText: "Mysterious stranger" });
  const body = (await stranger.locator(".card-body").boundingBox())!;
  const title = (await stranger.locator(".title").boundingBox())!;
  expect(title.y + title.height).toBeLessThanOrEqual(body.y + body.height);
  await screenshot(page, "long-title-card");
});

test("after editing a note in place from the keyboard, focus is back on the note", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 1);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("Billets knew");
  await page.keyboard.press("Control+Enter");
  const note = fanCards(page).first();
  await expect(note).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Note text" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(note).toBeFocused();
  await expect(note).toContainText("Billets knew");
});

test("a note added with the whole board in view is brought near enough to read as it is typed, and shown in the inspector", async ({ page }) => {
  await openBoard(page);
  // Zoomed out from the full faces a laptop opens at.
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  expect(await zoom(page)).toBeLessThan(0.6);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("textbox", { name: "Note text" })).toBeFocused();
  await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(0.8);
  await page.keyboard.type("Readable");
  await expect(page.getByRole("region", { name: "Inspector" })).toContainText("Your note");
  const editor = (await page.getByRole("textbox", { name: "Note text" }).boundingBox())!;
  expect(editor.x).toBeGreaterThanOrEqual(0);
  expect(editor.x + editor.width).toBeLessThanOrEqual(1280);
  await screenshot(page, "note-typed-from-fit");
});

test("a board with two theories survives a reload and looks right on desktop and phone", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 0.6);
  await tie(page, "case-1995-runaway", "case-police-conspiracy");
  await page.keyboard.type("covered up");
  await page.keyboard.press("Enter");
  await openPanel(page);
  const theories = page.getByRole("region", { name: "Theories" });
  await theories.getByRole("button", { name: "New theory" }).click();
  await theories.getByLabel("Name of Theory 2").fill("Billets is the mole");
  await theories.getByLabel("Name of Theory 2").press("Enter");
  // The panel closed again, and the string let go, so the next card is not under it.
  await page.getByRole("button", { name: "Theories" }).click();
  await page.keyboard.press("Escape");
  await expect(page.locator(".dock")).toHaveCount(0);
  await tie(page, "case-police-conspiracy", "case-1980s-serial-killer");
  await page.keyboard.type("paid for");
  await page.keyboard.press("Enter");
  await page.getByRole("region", { name: "Inspector" }).getByLabel("Confidence").selectOption("confirmed");
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("Who tampered with the scene?");
  await page.keyboard.press("Control+Enter");
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-theory]")).toHaveCount(2);
  await waitForSave(page, "Who tampered");
  await screenshot(page, "desktop-two-theories");

  await page.reload();
  await expect(page.locator("[data-theory]")).toHaveCount(2);
  await openPanel(page);
  await expect(page.getByRole("region", { name: "Theories" }).getByLabel("Name of Billets is the mole")).toHaveValue("Billets is the mole");
  await expect(fanCards(page).filter({ hasText: "Who tampered" })).toHaveCount(1);
  // hiding a theory hides its strings and notes; showing brings them back
  const show = page.getByRole("region", { name: "Theories" }).getByLabel("Show Billets is the mole");
  await show.uncheck();
  await expect(page.locator("[data-theory]")).toHaveCount(1);
  await expect(fanCards(page).filter({ hasText: "Who tampered" })).toHaveCount(0);
  await show.check();
  await expect(page.locator("[data-theory]")).toHaveCount(2);
  await expect(fanCards(page).filter({ hasText: "Who tampered" })).toHaveCount(1);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}"), STORAGE_KEY);
  expect(stored.version).toBe(2);
  expect(stored.board.strings.map((s: { confidence: string }) => s.confidence).sort()).toEqual(["confirmed", "suspected"]);

  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByRole("button", { name: "Fit to view" }).click();
  await screenshot(page, "phone-two-theories");
  for (const name of ["Add note", "Add card", "Undo", "Redo", "Delete", "Share"]) {
    const b = await page.getByRole("button", { name, exact: true }).boundingBox();
    expect(b && b.x >= 0 && b.x + b.width <= 375 && b.y + b.height <= 667).toBeTruthy();
  }
});

test("new work never vanishes into a hidden theory; a stray release does not tie a string", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 0.6);
  await openPanel(page);
  const theories = page.getByRole("region", { name: "Theories" });
  await theories.getByRole("button", { name: "New theory" }).click();
  const show = theories.getByLabel("Show Theory 1");
  await show.uncheck();
  await page.getByRole("button", { name: "Add note" }).click();
  await page.keyboard.type("Still here");
  await page.keyboard.press("Control+Enter");
  await expect(fanCards(page).filter({ hasText: "Still here" })).toBeVisible();
  await expect(show).toBeChecked();

  // Escape while dragging from a pin: releasing on a card ties nothing.
  const start = await centreOf(page, '[data-card-id="case-1995-runaway"] .pin');
  const end = await box(page, "case-police-conspiracy");
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 5 });
  await page.keyboard.press("Escape");
  await page.mouse.up();
  await expect(page.locator("[data-theory]")).toHaveCount(0);
  await expect(page.locator(".rubber-band")).toHaveCount(0);
});
