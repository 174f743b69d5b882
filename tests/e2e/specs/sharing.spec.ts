import type { Browser, Page } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { BLANK, card, expect, openBoard, openPanel, screenshot, STORAGE_KEY, test, universe, worldPosition, zoom, answeredContext, dropFile } from "./helpers";

/** Opens the app on whatever board storage holds and waits for its cards. */
async function openApp(page: Page) {
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
}

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");

/** A board with a moved canon card, a hidden one, two notes, a theory and a string. */
function theoryBoard(name: string) {
  return {
    format: "caseboard",
    version: 2,
    name,
    universe: { id: "ballard", version: 1 },
    board: {
      positions: { "harry-bosch": { x: 2200, y: -300 }, "n-1": { x: 1200, y: 600 }, "n-2": { x: 1500, y: 640 } },
      hidden: ["maddie-bosch"],
      cards: [
        { id: "n-1", kind: "note", text: "Billets knew <b>all along</b>", theory: "t-1" },
        { id: "n-2", kind: "note", text: "The mole leaks to the press" },
      ],
      theories: [{ id: "t-1", name: "Billets is the mole", colour: "#2a7de1" }],
      strings: [{ id: "s-1", from: "n-1", to: "grace-billets", label: "covered up", theory: "t-1", confidence: "likely" }],
    },
  };
}

async function storeBoard(page: Page, board: object) {
  await page.goto(BLANK);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, JSON.stringify(board)]);
}

async function shareLink(page: Page) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Share link URL" });
  await expect(field).toHaveValue(/#board=1\./);
  return field.inputValue();
}

async function freshPage(browser: Browser) {
  const context = await answeredContext(browser, { viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

const boardsRegion = (page: Page) => page.getByRole("region", { name: "Boards" });


test("a share link opens the same board in a fresh browser, as a preview saved only on request", async ({ page, browser }) => {
  await storeBoard(page, theoryBoard("My mole theory"));
  await openApp(page);
  const url = await shareLink(page);
  console.log(`share link for a board with 2 notes and 1 theory string: ${url.length} characters`);

  const friend = await freshPage(browser);
  await friend.goto(url);
  await expect(friend.getByRole("region", { name: "Shared board" })).toContainText("My mole theory");
  await expect(friend.locator("[data-card-id]")).toHaveCount(universe.entities.length - 1 + 2);
  expect(await worldPosition(friend, "harry-bosch")).toEqual({ x: 2200, y: -300 });
  expect(await worldPosition(friend, "n-1")).toEqual({ x: 1200, y: 600 });
  await expect(card(friend, "maddie-bosch")).toHaveCount(0);
  await expect(card(friend, "n-1")).toContainText("Billets knew <b>all along</b>");
  await expect(friend.locator('[data-link-id="s-1"]')).toHaveCount(1);
  await screenshot(friend, "shared-preview");
  // Nothing is stored until the friend asks.
  expect(await friend.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("caseboard.board.")))).toEqual([]);

  await friend.getByRole("button", { name: "Save as new board" }).click();
  await expect(friend.getByRole("region", { name: "Shared board" })).toHaveCount(0);
  await openPanel(friend);
  await expect(boardsRegion(friend).getByRole("textbox", { name: "Board name" })).toHaveValue("My mole theory");
  await expect(boardsRegion(friend).getByRole("button", { name: /^Open board/ })).toHaveCount(1);
  expect(new URL(friend.url()).hash).toBe("");
  await friend.reload();
  await expect(card(friend, "n-1")).toContainText("Billets knew");
  expect(await worldPosition(friend, "harry-bosch")).toEqual({ x: 2200, y: -300 });
  await friend.context().close();
});

test("saving a shared board as new leaves the receiver's own boards untouched", async ({ page, browser }) => {
  await storeBoard(page, theoryBoard("Sender's board"));
  await openApp(page);
  const url = await shareLink(page);

  const friend = await freshPage(browser);
  const own = theoryBoard("My own board");
  own.board.positions["harry-bosch"] = { x: -500, y: -500 };
  await storeBoard(friend, own);
  const before = await friend.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  await friend.goto(url);
  await expect(friend.getByRole("region", { name: "Shared board" })).toBeVisible();
  expect(await worldPosition(friend, "harry-bosch")).toEqual({ x: 2200, y: -300 });
  await friend.getByRole("button", { name: "Save as new board" }).click();
  await openPanel(friend);
  await expect(boardsRegion(friend).locator(".board-row")).toHaveCount(2);
  expect(await friend.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(before);
  await boardsRegion(friend).getByRole("button", { name: "Open board My own board" }).click();
  await expect.poll(() => worldPosition(friend, "harry-bosch")).toEqual({ x: -500, y: -500 });
  await friend.context().close();
});

test("link lengths: the default board with every card moved fits in 2,000 characters", async ({ page }) => {
  const moved = Object.fromEntries(universe.entities.map((e, i) => [e.id, { x: 137.25 * i - 2000, y: 91.5 * ((i * 7) % 23) }]));
  await storeBoard(page, { format: "caseboard", version: 2, universe: { id: "ballard", version: 1 }, board: { positions: moved } });
  await openBoard(page);
  const url = await shareLink(page);
  const fragment = new URL(url).hash.length - 1;
  console.log(`share link, default board with all ${universe.entities.length} cards moved: ${fragment} characters of fragment`);
  expect(fragment).toBeLessThanOrEqual(2000);

  const ids = universe.entities.map((e) => e.id);
  const strings = Array.from({ length: 50 }, (_, i) => ({
    id: `s-${i}`, from: ids[i % ids.length], to: ids[(i + 1 + Math.floor(i / ids.length)) % ids.length],
    label: `clue ${i}`, theory: "t", confidence: "suspected",
  }));
  await storeBoard(page, {
    format: "caseboard", version: 2, universe: { id: "ballard", version: 1 },
    board: { theories: [{ id: "t", name: "Fifty strings", colour: "#2a7de1" }], strings },
  });
  await openBoard(page);
  const long = await shareLink(page);
  console.log(`share link, board with ${strings.length} theory strings: ${new URL(long).hash.length - 1} characters of fragment`);

  // Text that does not compress makes a board too large for a link: the file is offered.
  let seed = 7;
  const noise = () => Array.from({ length: 2000 }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000))).join("");
  const notes = Array.from({ length: 30 }, (_, i) => ({ id: `n-${i}`, kind: "note", text: noise() }));
  await storeBoard(page, {
    format: "caseboard", version: 2, universe: { id: "ballard", version: 1 },
    board: { cards: notes, positions: Object.fromEntries(notes.map((n, i) => [n.id, { x: i * 220, y: 3000 }])) },
  });
  await openApp(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("dialog")).toContainText("too large for a link");
  await expect(page.getByRole("dialog")).toContainText("Export board");
  await expect(page.getByRole("textbox", { name: "Share link URL" })).toHaveValue("");
});

test("a board file dropped onto the page is imported as a new board", async ({ page }) => {
  await openBoard(page);
  const text = JSON.stringify(theoryBoard("Dropped board"));
  await dropFile(page, "dropped.caseboard.json", text);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await expect(card(page, "n-1")).toContainText("Billets knew");
  await openPanel(page);
  await expect(boardsRegion(page).getByRole("textbox", { name: "Board name" })).toHaveValue("Dropped board");
});

test("a damaged or newer link says so and changes nothing", async ({ page }) => {
  await storeBoard(page, theoryBoard("Mine"));
  const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  for (const [hash, message] of [
    // In the fan's words, not the browser's ("invalid distance too far back").
    ["#board=1.AAAA_not-deflate", "the link is damaged: part of it is missing or was changed on the way"],
    ["#board=9.AAAA", "newer Caseboard"],
    ["#board=1.<img src=x onerror=alert(1)>", "does not belong"],
  ]) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole("alert")).toContainText("could not be opened");
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(card(page, "n-1")).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(before);
  }
  // A fragment that is not a board link is none of the app's business: no alert, and the
  // address keeps it (a link that fails is taken out of the address before the board opens).
  await page.goto("/?fresh#top"); // a new page, not a hash change on the last one
  await expect(card(page, "n-1")).toBeVisible();
  expect(new URL(page.url()).hash).toBe("#top");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("boards: new, rename, switch, duplicate and delete, each saved on its own", async ({ page }) => {
  await storeBoard(page, theoryBoard("Season 1 as aired"));
  await openApp(page);
  await openPanel(page);
  const boards = boardsRegion(page);
  await expect(boards.getByRole("textbox", { name: "Board name" })).toHaveValue("Season 1 as aired");

  await boards.getByRole("button", { name: "New board" }).click();
  await expect(card(page, "n-1")).toHaveCount(0);
  await expect(boards.locator(".board-row")).toHaveCount(2);
  // Not saved until it changes: it says so in a word, leaving its name room.
  await expect(boards.locator(".board-row").filter({ has: page.locator('[aria-current="true"]') }).locator(".counts")).toHaveText("new");
  const field = boards.getByRole("textbox", { name: "Board name" });
  expect(await field.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const name = boards.getByRole("textbox", { name: "Board name" });
  // A blank name is not kept: the field shows the name the board gets instead.
  await name.fill("   ");
  await name.press("Enter");
  await expect(name).toHaveValue("Untitled board");
  await name.fill("   ");
  await name.press("Enter");
  await expect(name).toHaveValue("Untitled board");
  await name.fill("My mole theory");
  await name.press("Enter");
  await expect(page.locator(".brand-board")).toHaveText("My mole theory");
  await card(page, "grace-billets").focus();
  await page.keyboard.press("ArrowDown");
  const moved = await worldPosition(page, "grace-billets");

  await boards.getByRole("button", { name: "Open board Season 1 as aired" }).click();
  await expect(card(page, "n-1")).toBeVisible();
  await page.reload();
  await expect(card(page, "n-1")).toBeVisible(); // the last open board reopens
  await openPanel(page);
  await boards.getByRole("button", { name: "Open board My mole theory" }).click();
  expect(await worldPosition(page, "grace-billets")).toEqual(moved);

  await boards.getByRole("button", { name: "Duplicate board My mole theory" }).click();
  await expect(boards.locator(".board-row")).toHaveCount(3);
  await expect(boards.getByRole("textbox", { name: "Board name" })).toHaveValue("My mole theory copy");
  expect(await worldPosition(page, "grace-billets")).toEqual(moved);
  await screenshot(page, "boards-panel");

  await boards.getByRole("button", { name: "Delete board My mole theory copy" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Delete the board “My mole theory copy” for good?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete board" }).click();
  await expect(boards.locator(".board-row")).toHaveCount(2);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("caseboard.board.")));
  expect(keys).toHaveLength(2);
});

test("after a switch of boards the wheel zooms the board on screen, with no crash", async ({ page }) => {
  await storeBoard(page, theoryBoard("Season 1 as aired"));
  await openApp(page);
  await openPanel(page);
  const boards = boardsRegion(page);
  const wheelZoomsIn = async () => {
    const before = await zoom(page);
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, -200);
    await expect.poll(() => zoom(page)).toBeGreaterThan(before);
  };
  await boards.getByRole("button", { name: "New board" }).click();
  await expect(card(page, "n-1")).toHaveCount(0);
  await wheelZoomsIn();
  await boards.getByRole("button", { name: "Open board Season 1 as aired" }).click();
  await expect(card(page, "n-1")).toBeVisible();
  await wheelZoomsIn();
  await boards.getByRole("button", { name: /^Open board Ballard board/ }).click();
  await expect(card(page, "n-1")).toHaveCount(0);
  await wheelZoomsIn();
});

test("a board file is exported with the board's name and imported back as a new board", async ({ page }) => {
  await storeBoard(page, theoryBoard("My mole theory"));
  await openApp(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export board" }).click()]);
  expect(download.suggestedFilename()).toBe("My mole theory.caseboard.json");
  const file = await download.path();
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain('\n  "format": "caseboard"');
  await page.getByRole("button", { name: "Close", exact: true }).click();

  await openPanel(page);
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  const boards = boardsRegion(page);
  await expect(boards.locator(".board-row")).toHaveCount(2);
  await expect(boards.getByRole("textbox", { name: "Board name" })).toHaveValue("My mole theory (2)");
  expect(await worldPosition(page, "n-1")).toEqual({ x: 1200, y: 600 });
  await expect(page.locator('[data-link-id="s-1"]')).toHaveCount(1);

  // A broken file changes nothing and says why.
  const broken = path.join(path.dirname(file), "broken.caseboard.json");
  fs.writeFileSync(broken, text.replace('"grace-billets"', '"nobody-at-all"'));
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(broken);
  await expect(page.getByRole("alert")).toContainText("nobody-at-all");
  await expect(boards.locator(".board-row")).toHaveCount(2);
});

test("a JSON Canvas file becomes a board of notes and strings", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  const fixture = path.join(FIXTURES, "every-node.canvas");
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(fixture);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await expect(boardsRegion(page).getByRole("textbox", { name: "Board name" })).toHaveValue("every-node");
  await expect(page.locator("[data-card-id].fan")).not.toHaveCount(0);
  await expect(page.locator("[data-theory]")).not.toHaveCount(0);
  // A node's heading and a group's label are titles: shown on the note, and editable.
  const billets = page.locator("[data-card-id].fan", { hasText: "Billets knew" });
  await expect(billets.locator(".title")).toHaveText("Billets knew");
  const group = page.locator("[data-card-id].fan", { has: page.locator(".title", { hasText: "Suspects" }) });
  await expect(group).toBeVisible();
  await expect(group).not.toContainText("Empty note");
  // The group's note sits above the group, not over the note inside it.
  const [g, b] = [(await group.boundingBox())!, (await billets.boundingBox())!];
  expect(g.y + g.height <= b.y || b.y + b.height <= g.y || g.x + g.width <= b.x || b.x + b.width <= g.x).toBe(true);
  await billets.focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Title")).toHaveValue("Billets knew");
  await screenshot(page, "canvas-import");
});

test("the board exported as SVG holds every visible card's title, and as PNG is an image", async ({ page }) => {
  await storeBoard(page, theoryBoard("Picture board"));
  await openApp(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  // The picture's two choices are named apart: its format and its area.
  await expect(page.getByRole("radiogroup", { name: "Format" }).getByRole("radio")).toHaveCount(2);
  await expect(page.getByRole("radiogroup", { name: "Area" }).getByRole("radio", { name: "Current view" })).toBeVisible();
  await screenshot(page, "share-dialog");
  await page.getByRole("radio", { name: "SVG" }).check();
  const [svgFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export image" }).click()]);
  expect(svgFile.suggestedFilename()).toBe("Picture board.svg");
  const svg = fs.readFileSync(await svgFile.path(), "utf8");
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'").replace(/&amp;/g, "&");
  const text = unescape(svg);
  for (const e of universe.entities.filter((e) => e.id !== "maddie-bosch")) expect(text).toContain(e.name);
  expect(text).toContain("Billets knew <b>all along</b>");
  expect(svg).not.toContain("<b>");
  // the band over the picture says what it shows
  for (const said of ["Picture board", "Ballard · Watched up to: everything", "The show's strings", "Theory: "]) expect(text).toContain(said);
  fs.copyFileSync(await svgFile.path(), path.join(__dirname, "..", "artifacts", "board.svg"));

  await page.getByRole("radio", { name: "PNG" }).check();
  const [pngFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export image" }).click()]);
  const png = fs.readFileSync(await pngFile.path());
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  // Ready to post: at most 4,096 px on its longest side and under 5 MB, yet sharper than the
  // board at its own size.
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(Math.max(width, height)).toBeLessThanOrEqual(4096);
  expect(width * height).toBeLessThanOrEqual(4_500_000 + width + height);
  expect(width).toBeGreaterThan(1900);
  expect(png.length).toBeLessThan(5_000_000);
  console.log(`the whole board as PNG: ${width} × ${height} px, ${(png.length / 1e6).toFixed(2)} MB`);
  fs.copyFileSync(await pngFile.path(), path.join(__dirname, "..", "artifacts", "board-export.png"));
});

test("a universe file of another show makes a board of that show, remembered across reloads", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  const example = path.join(__dirname, "..", "..", "..", "data", "example-universe.json");
  await page.locator('input[type="file"]:not([accept*=".canvas"])').setInputFiles(example);
  await expect(card(page, "insp-mara-quell")).toBeVisible();
  await expect(page.locator("[data-card-id]")).toHaveCount(8);
  await expect(page.locator(".brand-universe")).toHaveText("The Harbour Files");
  await expect(boardsRegion(page).locator(".board-row")).toHaveCount(2);
  await page.reload();
  await expect(card(page, "insp-mara-quell")).toBeVisible();
  await openPanel(page);
  await boardsRegion(page).getByRole("button", { name: /^Open board Ballard/ }).click();
  await expect(page.locator("[data-card-id]")).toHaveCount(universe.entities.length);
});

test("a universe with a long title is named in the toolbar without covering its buttons", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  const example = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "data", "example-universe.json"), "utf8"));
  const title = "The Lincoln Lawyer: Season Three Extended, with every case of the books besides";
  const buffer = Buffer.from(JSON.stringify({ ...example, title }));
  await page.locator('input[type="file"]:not([accept*=".canvas"])').setInputFiles({ name: "long.json", mimeType: "application/json", buffer });
  const badge = page.locator(".brand-universe");
  await expect(badge).toHaveAttribute("title", title);
  const [name, note] = [(await badge.boundingBox())!, (await page.getByRole("button", { name: "Add note" }).boundingBox())!];
  expect(name.x + name.width).toBeLessThanOrEqual(note.x);
});

test("on a 375 px phone the share dialog and the board list fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await storeBoard(page, theoryBoard("My mole theory"));
  await openApp(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("textbox", { name: "Share link URL" })).toHaveValue(/#board=1\./);
  for (const name of ["Share link", "Export board", "Export for Obsidian", "Export image", "Close"]) {
    const b = await page.getByRole("button", { name, exact: true }).boundingBox();
    expect(b && b.x >= 0 && b.x + b.width <= 375 && b.y + b.height <= 667, name).toBeTruthy();
  }
  // An option that wraps lines up under the other options, not under the choice's name.
  const whole = (await page.getByRole("radio", { name: "Whole board" }).boundingBox())!;
  const current = (await page.getByRole("radio", { name: "Current view" }).boundingBox())!;
  expect(current.x).toBeGreaterThanOrEqual(whole.x - 1);
  await screenshot(page, "phone-share");
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await openPanel(page);
  const row = boardsRegion(page).locator(".board-row").first();
  const b = await row.boundingBox();
  expect(b && b.x >= 0 && b.x + b.width <= 375).toBeTruthy();
  await screenshot(page, "phone-boards");
});

test("a link carries the sender's horizon; a receiver who has watched less is asked first", async ({ page, browser }) => {
  const sender = theoryBoard("Up to episode 4");
  (sender.board as Record<string, unknown>).horizon = 4;
  await storeBoard(page, sender);
  await openApp(page);
  await expect(card(page, "victims-mother")).toBeVisible();
  await expect(card(page, "episode-5")).toHaveCount(0);
  const url = await shareLink(page);

  const friend = await freshPage(browser);
  const own = theoryBoard("Mine, up to episode 1");
  (own.board as Record<string, unknown>).horizon = 1;
  await storeBoard(friend, own);
  await friend.goto(url);
  await expect(friend.getByRole("region", { name: "Shared board" })).toBeVisible();
  await expect(card(friend, "case-1995-runaway")).toBeVisible();
  await expect(card(friend, "victims-mother")).toHaveCount(0);
  const ask = friend.getByRole("status").filter({ hasText: "watched further than you" });
  await expect(ask).toContainText("up to episode 4");
  await ask.getByRole("button", { name: "Show what the sender saw" }).click();
  await expect(card(friend, "victims-mother")).toBeVisible();
  await expect(card(friend, "episode-5")).toHaveCount(0);
  await friend.context().close();
});
