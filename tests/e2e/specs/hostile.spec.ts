import type { Page } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BLANK, card, expect, openPanel, STORAGE_KEY, test, answeredContext } from "./helpers";

// Each payload, if it ever ran, would set window.pwned or open a dialog.
const IMG = `<img src=x onerror="window.pwned=1;alert(1)">`;
const SCRIPT = `</script><script>window.pwned=1</script>`;
const JS_URL = "javascript:window.pwned=1";

/** Fails the test if any payload ran: a dialog opened or the flag was set. */
async function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return async () => {
    expect(dialogs, "no dialog opens").toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator("img, iframe").count()).toBe(0);
    expect(await page.locator("script").evaluateAll((all) => all.filter((s) => s.textContent?.includes("pwned")).length)).toBe(0);
  };
}

function hostileBoard() {
  return {
    format: "caseboard",
    version: 2,
    name: `${IMG} board`,
    universe: { id: "ballard", version: 1 },
    board: {
      positions: { "n-1": { x: 0, y: 0 }, "n-2": { x: 300, y: 0 } },
      cards: [
        { id: "n-1", kind: "note", text: IMG, theory: "t" },
        { id: "n-2", kind: "character", title: SCRIPT, text: JS_URL },
      ],
      theories: [{ id: "t", name: IMG, colour: "#2a7de1" }],
      strings: [{ id: "s", from: "n-1", to: "renee-ballard", label: SCRIPT, theory: "t", confidence: "likely" }],
    },
  };
}

async function openHostile(page: Page) {
  await page.goto(BLANK);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, JSON.stringify(hostileBoard())]);
  await page.goto("/");
  await expect(card(page, "n-1")).toBeVisible();
}

test("markup in notes, titles, labels, theory and board names shows as typed and never runs", async ({ page }) => {
  const check = await guard(page);
  await openHostile(page);
  await expect(card(page, "n-1")).toContainText(IMG);
  await expect(card(page, "n-2")).toContainText(SCRIPT);
  await expect(card(page, "n-2")).toContainText(JS_URL);
  await expect(page.locator(".brand-board")).toHaveText(`${IMG} board`);
  await openPanel(page);
  await expect(page.getByRole("region", { name: "Theories" }).locator(".theory-name")).toHaveValue(IMG);
  await expect(page.getByRole("region", { name: "Boards" }).getByRole("textbox", { name: "Board name" })).toHaveValue(`${IMG} board`);
  await expect(page.locator("a[href^='javascript']")).toHaveCount(0);
  await check();
});

test("a hostile board survives a share link into a fresh browser as text", async ({ page, browser }) => {
  const check = await guard(page);
  await openHostile(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Share link URL" });
  await expect(field).toHaveValue(/#board=1\./);
  const url = await field.inputValue();
  await check();

  const friend = await (await answeredContext(browser)).newPage();
  const friendCheck = await guard(friend);
  await friend.goto(url);
  await expect(friend.getByRole("region", { name: "Shared board" })).toContainText(`${IMG} board`);
  await expect(card(friend, "n-1")).toContainText(IMG);
  await friendCheck();
  // A link whose fragment is markup is refused, and runs nothing.
  await friend.goto(`/#board=1.${encodeURIComponent(SCRIPT)}`);
  await expect(friend.getByRole("alert")).toContainText("could not be opened");
  await friendCheck();
  await friend.context().close();
});

test("hostile canvases and board files import as text, with only web addresses clickable", async ({ page }) => {
  const check = await guard(page);
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-"));
  const canvasFile = path.join(dir, `${IMG}.canvas`.replace(/[/"<>]/g, "_"));
  fs.writeFileSync(canvasFile, JSON.stringify({
    nodes: [
      { id: "a", type: "text", x: 0, y: 0, width: 200, height: 100, text: `# ${IMG}\n${SCRIPT}` },
      { id: "b", type: "link", x: 300, y: 0, width: 200, height: 100, url: JS_URL },
      { id: "c", type: "link", x: 600, y: 0, width: 200, height: 100, url: "https://example.org/?q=<b>" },
      { id: "d", type: "file", x: 900, y: 0, width: 200, height: 100, file: SCRIPT },
      { id: "g", type: "group", x: -50, y: -50, width: 1200, height: 300, label: IMG },
    ],
    edges: [{ id: "e", fromNode: "a", toNode: "c", label: SCRIPT, color: "#ff0000" }],
  }));
  await openPanel(page);
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(canvasFile);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await expect(page.locator("[data-card-id].fan").filter({ hasText: SCRIPT }).first()).toBeVisible();
  await expect(page.locator("a[href^='javascript']")).toHaveCount(0);
  await expect(page.locator("a.card-link")).toHaveAttribute("href", "https://example.org/?q=<b>");

  const boardFile = path.join(dir, "hostile.caseboard.json");
  fs.writeFileSync(boardFile, JSON.stringify(hostileBoard()));
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(boardFile);
  await expect(page.getByRole("status").filter({ hasText: "imported as a new board" })).toBeVisible();
  await expect(card(page, "n-1")).toContainText(IMG);

  // A board file carrying a javascript: address is refused whole, naming the card.
  const bad = hostileBoard();
  (bad.board.cards[0] as Record<string, unknown>).url = JS_URL;
  fs.writeFileSync(boardFile, JSON.stringify(bad));
  await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(boardFile);
  await expect(page.getByRole("alert")).toContainText("'n-1'");
  await check();
});

test("oversized and malformed files are refused with a message and change nothing", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeVisible();
  await openPanel(page);
  const rows = page.getByRole("region", { name: "Boards" }).locator(".board-row");
  await expect(rows).toHaveCount(1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-"));
  const cases: [string, string, string][] = [
    ["huge.canvas", `{"nodes":[],"pad":"${"x".repeat(6 * 1024 * 1024)}"}`, "MB"],
    ["broken.caseboard.json", '{"format":"caseboard","version":2,"board":{', "cannot be opened"],
    ["deep.canvas", `{"nodes":${"[".repeat(5000)}${"]".repeat(5000)}}`, "cannot be opened"],
    ["notes.txt", "just some words", "not a Caseboard board"],
    ["nan.canvas", '{"nodes":[{"id":"a","type":"text","x":1e400,"y":0,"width":10,"height":10,"text":"t"}]}', "cannot be opened"],
  ];
  for (const [name, text, message] of cases) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    await page.locator('input[type="file"][accept*=".canvas"]').setInputFiles(file);
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText(message);
    await expect(rows).toHaveCount(1);
  }
});
