import { card, expect, openBoard, STORAGE_KEY, test, waitForSave, worldPosition } from "./helpers";

test("two tabs on one board: a move shows up in the other, and changes to different cards are both kept", async ({ page, context }) => {
  await openBoard(page);
  const other = await context.newPage();
  await openBoard(other);

  const start = await worldPosition(page, "harry-bosch");
  await card(page, "harry-bosch").focus();
  await page.keyboard.press("Shift+ArrowRight");
  await waitForSave(page, "harry-bosch");
  await expect.poll(() => worldPosition(other, "harry-bosch")).toEqual({ x: start.x + 50, y: start.y });

  // Both tabs change a different card before either has saved.
  const billets = await worldPosition(page, "grace-billets");
  const evans = await worldPosition(page, "tara-evans");
  await card(page, "grace-billets").focus();
  await page.keyboard.press("Shift+ArrowDown");
  await card(other, "tara-evans").focus();
  await other.keyboard.press("Shift+ArrowUp");
  for (const tab of [page, other]) {
    await expect.poll(() => worldPosition(tab, "grace-billets")).toEqual({ x: billets.x, y: billets.y + 50 });
    await expect.poll(() => worldPosition(tab, "tara-evans")).toEqual({ x: evans.x, y: evans.y - 50 });
  }
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}"), STORAGE_KEY);
  expect(Object.keys(stored.board.positions).sort()).toEqual(["grace-billets", "harry-bosch", "tara-evans"]);
});

test("when two tabs change the same card, the later save wins and the other tab says so", async ({ page, context }) => {
  await openBoard(page);
  const other = await context.newPage();
  await openBoard(other);
  const start = await worldPosition(page, "eli-carter");
  await card(page, "eli-carter").focus();
  await page.keyboard.press("Shift+ArrowLeft");
  await card(other, "eli-carter").focus();
  await other.keyboard.press("Shift+ArrowRight");
  // One of the two saves lands last; both tabs end with the same place for the card.
  await expect.poll(async () => (await worldPosition(page, "eli-carter")).x === (await worldPosition(other, "eli-carter")).x).toBe(true);
  const final = (await worldPosition(page, "eli-carter")).x;
  expect([start.x - 50, start.x + 50]).toContain(final);
  const notices = [page, other].map((tab) => tab.getByRole("status").filter({ hasText: "Another tab changed" }));
  await expect.poll(async () => (await notices[0].count()) + (await notices[1].count())).toBeGreaterThan(0);
});
