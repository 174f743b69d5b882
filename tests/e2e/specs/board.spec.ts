import { box, card, emptyCork, expect, openAt, openBoard, openCentredOn, screenshot, test, universe, waitForSave, worldPosition, zoom } from "./helpers";

test("the board shows every card and every canon string of the universe", async ({ page }) => {
  await openBoard(page);
  await expect(page.getByRole("application", { name: "Case board" })).toBeVisible();
  for (const entity of universe.entities) {
    const el = card(page, entity.id);
    await expect(el).toHaveCount(1);
    expect(await el.getAttribute("aria-label")).toMatch(new RegExp(`^${entity.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    if (entity.actor) await expect(el).toContainText(entity.actor);
  }
  const names = Object.fromEntries(universe.entities.map((e) => [e.id, e.name]));
  await expect(page.locator("[data-link-id]")).toHaveCount(universe.links.length);
  for (const link of universe.links) {
    const el = page.locator(`[data-link-id="${link.id}"]`);
    await expect(el).toHaveAttribute("data-from", link.from);
    await expect(el).toHaveAttribute("data-to", link.to);
    await expect(el).toHaveAttribute("aria-label", `${names[link.from]} — ${link.label} — ${names[link.to]}`);
    await expect(el).toContainText(link.label);
  }
  for (const name of ["Zoom in", "Zoom out", "Fit to view", "Reset board"]) {
    await expect(page.getByRole("button", { name })).toBeVisible();
  }
  // The first visit fits the whole board into the window.
  for (const entity of universe.entities) {
    const b = await box(page, entity.id);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
    expect(b.y + b.height).toBeLessThanOrEqual(800);
  }
  await screenshot(page, "desktop-board");
});

for (const z of [1, 0.5]) {
  test(`a card dragged with the mouse follows it exactly at zoom ${z}, and stays after a reload`, async ({ page }) => {
    const id = "renee-ballard";
    await openCentredOn(page, id, z);
    const before = await box(page, id);
    const world = await worldPosition(page, id);
    const start = { x: before.x + before.width / 2, y: before.y + before.height * 0.7 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 13 * i, start.y + 7 * i);
    await page.mouse.up();
    const after = await box(page, id);
    expect(Math.abs(after.x - before.x - 130)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.y - before.y - 70)).toBeLessThanOrEqual(1);
    const moved = await worldPosition(page, id);
    expect(Math.abs(moved.x - world.x - 130 / z)).toBeLessThanOrEqual(1);
    expect(Math.abs(moved.y - world.y - 70 / z)).toBeLessThanOrEqual(1);

    await waitForSave(page, id);
    await page.reload();
    await expect(card(page, id)).toBeVisible();
    expect(await worldPosition(page, id)).toEqual(moved);
    const reloaded = await box(page, id);
    expect(Math.abs(reloaded.x - after.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(reloaded.y - after.y)).toBeLessThanOrEqual(1);
  });
}

test("dragging empty cork pans the view, and the view is restored after a reload", async ({ page }) => {
  await openAt(page, { x: 640, y: 400, zoom: 0.6 });
  const before = await box(page, "harry-bosch");
  const from = await emptyCork(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x - 20 * i, from.y + 10 * i);
  await page.mouse.up();
  const after = await box(page, "harry-bosch");
  expect(Math.abs(after.x - before.x + 160)).toBeLessThanOrEqual(1);
  expect(Math.abs(after.y - before.y - 80)).toBeLessThanOrEqual(1);
  await waitForSave(page, '"x":480');
  await page.reload();
  await expect(card(page, "harry-bosch")).toBeVisible();
  const reloaded = await box(page, "harry-bosch");
  expect(Math.abs(reloaded.x - after.x)).toBeLessThanOrEqual(1);
});

test("the wheel zooms around the cursor; the buttons zoom and fit", async ({ page }) => {
  await openAt(page, { x: 640, y: 400, zoom: 0.5 });
  const target = await box(page, "case-1995-runaway");
  const anchor = { x: target.x + 10, y: target.y + 10 };
  await page.mouse.move(anchor.x, anchor.y);
  // The board takes the wheel: the page neither scrolls nor zooms with it.
  await page.evaluate(() => {
    (window as unknown as { prevented: boolean[] }).prevented = [];
    addEventListener("wheel", (e) => (window as unknown as { prevented: boolean[] }).prevented.push(e.defaultPrevented), { passive: true });
  });
  await page.mouse.wheel(0, -300);
  await expect.poll(() => zoom(page)).toBeGreaterThan(0.7);
  expect(await page.evaluate(() => (window as unknown as { prevented: boolean[] }).prevented)).toEqual([true]);
  const zoomed = await box(page, "case-1995-runaway");
  const scale = (await zoom(page)) / 0.5;
  expect(Math.abs(zoomed.width / target.width - scale)).toBeLessThan(0.02);
  // the world point under the cursor stayed under it
  expect(Math.abs(zoomed.x + 10 * scale - anchor.x)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(zoomed.y + 10 * scale - anchor.y)).toBeLessThanOrEqual(1.5);

  const z0 = await zoom(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  expect(await zoom(page)).toBeCloseTo(z0 * 1.25, 3);
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  expect(await zoom(page)).toBeCloseTo(z0 / 1.25, 3);

  await page.getByRole("button", { name: "Fit to view" }).click();
  for (const entity of universe.entities) {
    const b = await box(page, entity.id);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(800);
  }
});

test("arrow keys move the focused card; Shift takes bigger steps; presses in a row undo as one", async ({ page }) => {
  await page.clock.install();
  await openAt(page, { x: 640, y: 400, zoom: 0.5 });
  // Tab reaches the cards after the toolbar's buttons, search and the timeline.
  let focused = "";
  for (let i = 0; i < 30 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.getAttribute("data-card-id") ?? "");
  }
  expect(focused).not.toBe("");
  // a card reached by the keyboard is brought into view, and the board itself never scrolls
  await card(page, "episode-10").focus();
  const shown = await box(page, "episode-10");
  expect(shown.x).toBeGreaterThanOrEqual(0);
  expect(shown.x + shown.width).toBeLessThanOrEqual(1280);
  expect(shown.y + shown.height).toBeLessThanOrEqual(800);
  expect(await page.locator(".board").evaluate((el) => el.scrollLeft + el.scrollTop)).toBe(0);
  await card(page, focused).focus();
  // the focused card is ringed in the focus colour
  await expect(card(page, focused).locator(".card-body")).toHaveCSS("box-shadow", /rgb\(255, 207, 63\) 0px 0px 0px 4px/);
  const start = await worldPosition(page, focused);
  // The clock stands still, so the presses below are "in a row" however slow the machine is.
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  expect(await worldPosition(page, focused)).toEqual({ x: start.x + 20, y: start.y + 50 });
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Shift+ArrowUp");
  expect(await worldPosition(page, focused)).toEqual({ x: start.x + 10, y: start.y });
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+z");
  await expect.poll(() => worldPosition(page, focused)).toEqual(start);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => worldPosition(page, focused)).toEqual({ x: start.x + 20, y: start.y });
  // After a pause the next press is a step of its own.
  await page.clock.fastForward(2_000);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Control+z");
  await expect.poll(() => worldPosition(page, focused)).toEqual({ x: start.x + 20, y: start.y });
  await page.clock.resume();
  // Tab walks through every card, each brought into view, even those too far away to be drawn
  await page.keyboard.press("Escape");
  const order = await page.evaluate(() => [...document.querySelectorAll("[data-card-id]")].map((e) => e.getAttribute("data-card-id")));
  await card(page, order[0]!).focus();
  const reached = new Set<string>();
  const active = () => page.evaluate(() => document.activeElement?.getAttribute("data-card-id") ?? "");
  let id = order[0]!;
  reached.add(id);
  for (let i = 1; i < universe.entities.length; i++) {
    await page.keyboard.press("Tab");
    const before = id;
    // (the card Tab left may be taken off the board before the next is focused)
    await expect.poll(async () => [before, ""].includes(await active())).toBe(false);
    id = await active();
    reached.add(id);
    const b = await box(page, id);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
  }
  expect(reached.size).toBe(universe.entities.length);
});

test("Reset board asks first, then puts every card back", async ({ page }) => {
  await openAt(page, { x: 640, y: 400, zoom: 0.5 });
  const home = await worldPosition(page, "harry-bosch");
  await card(page, "harry-bosch").focus();
  await page.keyboard.press("Shift+ArrowRight");
  await waitForSave(page, "harry-bosch");
  await page.getByRole("button", { name: "Reset board" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await worldPosition(page, "harry-bosch")).x).toBe(home.x + 50);
  await page.getByRole("button", { name: "Reset board" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset board" }).click();
  expect(await worldPosition(page, "harry-bosch")).toEqual(home);
  await expect(page.getByRole("status").filter({ hasText: "default layout" })).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem("caseboard.board.ballard") ?? "")).not.toContain("harry-bosch");
});

test("at 50% zoom every card title is still at least 9 px on screen", async ({ page }) => {
  await openCentredOn(page, "case-1995-runaway", 0.5);
  const smallest = await page.locator("[data-card-id] .title, [data-card-id] .ticket-number").evaluateAll((els) =>
    Math.min(...els.map((el) => parseFloat(getComputedStyle(el).fontSize))),
  );
  expect(smallest * 0.5).toBeGreaterThanOrEqual(9);
  const label = await page.locator(".string-label").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(label * 0.5).toBeGreaterThanOrEqual(8);
  await screenshot(page, "desktop-50-percent");
});
