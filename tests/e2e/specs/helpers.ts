import { Browser, BrowserContextOptions, expect, Page, test as base } from "@playwright/test";

/** Every test fails if the app panics (a Rust panic is logged to the console) or throws. */
export const test = base.extend<{ firstVisit: boolean; noPanics: void }>({
  /** A first visit: the app asks how far the fan has watched. Elsewhere the fan has answered. */
  firstVisit: [false, { option: true }],
  noPanics: [
    async ({ page, firstVisit }, use) => {
      const crashes: string[] = [];
      page.on("console", (m) => {
        if (m.text().includes("panicked")) crashes.push(m.text());
      });
      page.on("pageerror", (e) => crashes.push(e.message));
      // The first-visit hint is tested on its own (help.spec.ts); elsewhere it is dismissed.
      await page.addInitScript((asked) => {
        try {
          localStorage.setItem("caseboard.hint-dismissed", "1");
          if (asked) localStorage.setItem("caseboard.watched-asked", "1");
        } catch {}
      }, !firstVisit);
      await use();
      expect(crashes, "the app crashed").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** A new browser context (a friend's browser, say) whose fan has already said how far they watched. */
export async function answeredContext(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => localStorage.setItem("caseboard.watched-asked", "1"));
  return context;
}
import * as fs from "node:fs";
import * as path from "node:path";

export const STORAGE_KEY = "caseboard.board.ballard";
export const ARTIFACTS = path.join(__dirname, "..", "artifacts");

export type Entity = { id: string; kind: string; name: string; actor?: string };
export type Link = { id: string; from: string; to: string; label: string };
export const universe: { entities: Entity[]; links: Link[] } = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "..", "data", "ballard.json"), "utf8"),
);

/** A page of the app's origin without the app, to prepare storage before the app reads it. */
export const BLANK = "/no-app-here";

export function card(page: Page, id: string) {
  return page.locator(`[data-card-id="${id}"]`);
}

/** Opens the app on a fresh board, which fits the window, and waits until every card is drawn. */
export async function openBoard(page: Page) {
  await page.goto("/");
  await expect(page.locator("[data-card-id]")).toHaveCount(universe.entities.length);
}

/** Opens the app on a saved view and waits until the board is drawn: the cards near the view. */
async function openSavedView(page: Page) {
  await page.goto("/");
  await expect(page.locator("[data-card-id]").first()).toBeAttached();
}

export async function box(page: Page, id: string) {
  const b = await card(page, id).boundingBox();
  if (!b) throw new Error(`card ${id} has no box`);
  return b;
}

/** The world position of a card, read from its transform. */
export async function worldPosition(page: Page, id: string) {
  const transform = await card(page, id).evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no translate in ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

export async function zoom(page: Page) {
  const transform = await page.locator(".world").evaluate((el) => (el as HTMLElement).style.transform);
  const m = /scale\(([-\d.]+)\)/.exec(transform);
  if (!m) throw new Error(`no scale in ${transform}`);
  return Number(m[1]);
}

/** A point of bare cork (no card, no toolbar) near the given screen point. */
export async function emptyCork(page: Page, near = { x: 640, y: 420 }) {
  const found = await page.evaluate(({ x, y }) => {
    for (let r = 0; r < 600; r += 12) {
      for (let a = 0; a < 16; a++) {
        const px = x + r * Math.cos((a / 16) * 2 * Math.PI);
        const py = y + r * Math.sin((a / 16) * 2 * Math.PI);
        const el = document.elementFromPoint(px, py);
        if (el && el.classList.contains("board")) {
          // the spot must stay bare cork for a little drag around it
          const clear = [-60, -40, -20, 20, 40, 60].every(
            (d) =>
              document.elementFromPoint(px + d, py)?.classList.contains("board") &&
              document.elementFromPoint(px, py + d / 2)?.classList.contains("board"),
          );
          if (clear) return { x: px, y: py };
        }
      }
    }
    return null;
  }, near);
  if (!found) throw new Error("no empty cork found");
  return found;
}

/** Waits until the stored board mentions `text` (the debounced save has run). */
export async function waitForSave(page: Page, text: string) {
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", STORAGE_KEY))
    .toContain(text);
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Puts a viewport into storage so the board opens at a known pan and zoom. */
export async function openAt(page: Page, viewport: { x: number; y: number; zoom: number }) {
  await page.goto(BLANK);
  await page.evaluate(
    ([key, v]) =>
      localStorage.setItem(
        key as string,
        JSON.stringify({
          format: "caseboard",
          version: 1,
          universe: { id: "ballard", version: 1 },
          // Laid out for this screen, as a board made on it is (tall on a portrait phone).
          board: { moved: {}, viewport: v, ...(innerHeight > innerWidth * 1.2 ? { arrangement: "tall" } : {}) },
        }),
      ),
    [STORAGE_KEY, viewport] as const,
  );
  await openSavedView(page);
}

/** Opens the board at `zoom` with the card `id` in the middle of the window. */
export async function openCentredOn(page: Page, id: string, zoom: number) {
  await openBoard(page);
  const at = await worldPosition(page, id);
  const size = await card(page, id).evaluate((el) => ({ w: (el as HTMLElement).offsetWidth, h: (el as HTMLElement).offsetHeight }));
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  // the centre of what the panel beside the board leaves visible
  const dockLeft = await page.evaluate(() => document.querySelector(".dock")?.getBoundingClientRect().left ?? innerWidth);
  const width = dockLeft > viewport.width / 2 ? dockLeft : viewport.width;
  await openAt(page, {
    x: width / 2 - (at.x + size.w / 2) * zoom,
    y: viewport.height / 2 - (at.y + size.h / 2) * zoom,
    zoom,
  });
}

/** Opens the side panel (boards, theories, ...) unless it is open already. */
export async function openPanel(page: Page) {
  const toggle = page.getByRole("button", { name: "Theories" });
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
  await expect(page.getByRole("region", { name: "Boards" })).toBeVisible();
}

/** A share link of the board on screen, made with the Share dialog (left open). */
export async function makeShareLink(page: Page) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Share link URL" });
  await expect(field).toHaveValue(/#board=1\./);
  return field.inputValue();
}

/** Drops a file with `content` onto the board, as a fan dragging it from their desktop would. */
export async function dropFile(page: Page, name: string, content: string) {
  await page.evaluate(
    ([name, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type: "application/json" }));
      const target = document.querySelector(".board")!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, content],
  );
}
