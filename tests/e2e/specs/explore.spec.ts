import * as fs from "node:fs";
import { BLANK, box, card, expect, openBoard, openPanel, screenshot, STORAGE_KEY, test, universe, worldPosition } from "./helpers";

test("the inspector lists a card's connections, and choosing one selects that card", async ({ page }) => {
  await openBoard(page);
  await card(page, "harry-bosch").click();
  const inspector = page.getByRole("region", { name: "Inspector" });
  const links = inspector.locator(".connection-list button");
  await expect(links).toHaveCount(3);
  await expect(inspector).toContainText("occasional ally → Renée Ballard");
  await expect(inspector).toContainText("Lt. Grace Billets — was his boss → this card");
  await inspector.getByRole("button", { name: "occasional ally → Renée Ballard" }).click();
  await expect(card(page, "renee-ballard")).toHaveAttribute("data-selected", "true");
  await expect(card(page, "harry-bosch")).toHaveAttribute("data-selected", "false");
  await expect(inspector.getByRole("heading", { name: "Renée Ballard" })).toBeVisible();
});

test("the minimap shows only while part of the board is out of view; clicking it moves the view there", async ({ page }) => {
  await openBoard(page);
  // (the side panel starts closed on a screen this size)
  await expect(page.locator(".dock")).toHaveCount(0);
  const minimap = page.getByRole("region", { name: "Minimap" });
  // The whole board in view, as it opens: the map would only cover cards.
  await expect(minimap).toBeHidden();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(minimap).toBeVisible();
  const target = await box(page, "harry-bosch");
  // Where Bosch's centre is on the minimap, from its viewBox (the map keeps the board's aspect).
  const spot = await page.evaluate(([cx, cy]) => {
    const svg = document.querySelector(".minimap svg") as SVGSVGElement;
    const [vx, vy, vw, vh] = svg.getAttribute("viewBox")!.split(" ").map(Number);
    const world = document.querySelector(".world") as HTMLElement;
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(world.style.transform)!;
    const [tx, ty, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const board = document.querySelector(".board")!.getBoundingClientRect();
    const wx = (cx - board.left - tx) / zoom;
    const wy = (cy - board.top - ty) / zoom;
    const r = svg.getBoundingClientRect();
    const scale = Math.min(r.width / vw, r.height / vh);
    return { x: r.left + (r.width - vw * scale) / 2 + (wx - vx) * scale, y: r.top + (r.height - vh * scale) / 2 + (wy - vy) * scale };
  }, [target.x + target.width / 2, target.y + target.height / 2]);
  await page.mouse.click(spot.x, spot.y);
  const toolbar = await page.locator(".bar-row").boundingBox();
  const viewport = page.viewportSize()!;
  const centre = { x: viewport.width / 2, y: toolbar!.y + toolbar!.height + (viewport.height - toolbar!.y - toolbar!.height) / 2 };
  await expect
    .poll(async () => {
      const b = await box(page, "harry-bosch");
      return Math.hypot(b.x + b.width / 2 - centre.x, b.y + b.height / 2 - centre.y);
    })
    // Within about a pixel of the map, which is some twelve board pixels here.
    .toBeLessThan(14);
  await screenshot(page, "minimap");
});

test("a kind filter hides those cards (and their strings), says so with a chip, and is saved", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  const filters = page.getByRole("region", { name: "Filters" });
  await expect(filters).toBeVisible();
  await filters.getByRole("checkbox", { name: "Episodes" }).uncheck();
  await expect(card(page, "episode-1")).toHaveCount(0);
  await expect(card(page, "harry-bosch")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Filters on" })).toBeVisible();
  await filters.getByRole("checkbox", { name: "Canon strings" }).uncheck();
  await expect(page.locator("[data-canon]")).toHaveCount(0);
  await page.reload();
  await expect(card(page, "harry-bosch")).toBeVisible();
  await expect(card(page, "episode-1")).toHaveCount(0);
  await page.getByRole("button", { name: "Show all" }).click();
  await expect(card(page, "episode-1")).toBeVisible();
  await expect(page.locator("[data-canon]").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Filters on" })).toHaveCount(0);
});

test("search: typing 'bosch' lists Harry Bosch first; Enter flies to his card and selects it", async ({ page }) => {
  await openBoard(page);
  const search = page.getByRole("combobox", { name: "Search" });
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("bosch");
  const results = page.getByRole("listbox", { name: "Search results" }).getByRole("option");
  await expect(results.first()).toContainText("Harry Bosch");
  await expect(results.nth(1)).toContainText("Maddie Bosch");
  await page.keyboard.press("Enter");
  await expect(card(page, "harry-bosch")).toHaveAttribute("data-selected", "true");
  const toolbar = (await page.locator(".bar-row").boundingBox())!;
  const dock = (await page.locator(".dock").boundingBox())!;
  const viewport = page.viewportSize()!;
  const centre = { x: dock.x / 2, y: toolbar.y + toolbar.height + (viewport.height - toolbar.y - toolbar.height) / 2 };
  await expect
    .poll(async () => {
      const b = await box(page, "harry-bosch");
      return Math.hypot(b.x + b.width / 2 - centre.x, b.y + b.height / 2 - centre.y);
    })
    .toBeLessThan(4);
  // Accents and case are ignored; any text is fine.
  await search.fill("RENEE");
  await expect(results.first()).toContainText("Renée Ballard");
  for (const odd of ["<>&\"'%$#@!", "x".repeat(5000), "🕵️‍♀️", "   "]) {
    await search.fill(odd);
    await expect(page.getByRole("listbox", { name: "Search results" })).toHaveCount(0);
  }
});

test("focus dims everything beyond one string, widens to two, and Escape leaves it", async ({ page }) => {
  await openBoard(page);
  await card(page, "harry-bosch").click();
  await page.getByRole("region", { name: "Inspector" }).getByRole("button", { name: "Focus" }).click();
  await expect(card(page, "grace-billets")).not.toHaveClass(/dimmed/);
  await expect(card(page, "renee-ballard")).not.toHaveClass(/dimmed/);
  await expect(card(page, "case-1995-runaway")).toHaveClass(/dimmed/);
  await expect(card(page, "eli-carter")).toHaveClass(/dimmed/);
  await screenshot(page, "focus");
  await page.getByRole("button", { name: "Two strings away" }).click();
  await expect(card(page, "eli-carter")).not.toHaveClass(/dimmed/);
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-card-id].dimmed")).toHaveCount(0);
  await card(page, "harry-bosch").focus();
  await page.keyboard.press("f");
  await expect(page.locator("[data-card-id].dimmed").first()).toBeVisible();
});

test("watched up to episode 1: later cards and strings are gone from the board and from search, after a reload too", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Episode 1" });
  await expect(card(page, "victims-mother")).toHaveCount(0);
  await expect(card(page, "episode-2")).toHaveCount(0);
  await expect(card(page, "case-police-conspiracy")).toHaveCount(0);
  await expect(card(page, "case-1995-runaway")).toBeVisible();
  await expect(card(page, "renee-ballard")).toBeVisible();
  await expect(page.locator('[data-link-id="ballard-visits-mother"]')).toHaveCount(0);
  await page.getByRole("combobox", { name: "Search" }).fill("mother");
  await expect(page.getByRole("status").filter({ hasText: "No card on the board matches" })).toBeVisible();
  await page.getByRole("combobox", { name: "Search" }).fill("");
  // Fit shows every card, and so no minimap over them.
  await page.getByRole("button", { name: "Fit to view" }).click();
  await expect(page.locator(".minimap")).toBeHidden();
  await screenshot(page, "horizon-episode-1");
  await page.reload();
  await expect(card(page, "renee-ballard")).toBeVisible();
  await expect(card(page, "victims-mother")).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Watched up to" })).toHaveValue("1");
  // The whole season watched: what the article places in no episode is there, the spinoff is not.
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Episode 10" });
  await expect(card(page, "case-police-conspiracy")).toHaveCount(1);
  await expect(card(page, "case-1980s-serial-killer")).toHaveCount(1);
  await expect(card(page, "maddie-bosch")).toHaveCount(0);
  await expect(page.locator("[data-card-id]")).toHaveCount(universe.entities.length - 1);
  // Nothing watched: only the premise, what the show says of itself before its first episode.
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Nothing yet" });
  await expect(card(page, "renee-ballard")).toBeVisible();
  await expect(card(page, "runaway-victim")).toHaveCount(0);
  await expect(card(page, "episode-1")).toHaveCount(0);
  await screenshot(page, "horizon-nothing");
  // Every kind of the show's filtered out: an empty cork that says why, and lets a note through
  // where it speaks.
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Everything" });
  await openPanel(page);
  const filters = page.getByRole("region", { name: "Filters" });
  for (const kind of ["Characters", "Cases", "Episodes", "Places", "Evidence"]) {
    await filters.getByRole("checkbox", { name: kind }).uncheck();
  }
  const empty = page.getByRole("status").filter({ hasText: "Nothing is on the board" });
  await expect(empty).toBeVisible();
  const middle = (await empty.boundingBox())!;
  await page.mouse.dblclick(middle.x + middle.width / 2, middle.y + middle.height / 2);
  await expect(page.locator("[data-card-id].fan")).toHaveCount(1);
  await expect(empty).toHaveCount(0);
});

test("the timeline replays the season episode by episode without changing the horizon", async ({ page }) => {
  await openBoard(page);
  await openPanel(page);
  const next = page.getByRole("button", { name: "Next episode" });
  const previous = page.getByRole("button", { name: "Previous episode" });
  await next.click();
  await expect(page.getByRole("status").filter({ hasText: "known after episode 1" })).toBeVisible();
  await expect(card(page, "episode-2")).toHaveCount(0);
  await expect(card(page, "case-1995-runaway")).toHaveClass(/introduced/);
  await next.click();
  await next.click();
  await expect(card(page, "victims-mother")).toBeVisible();
  await expect(card(page, "victims-mother")).toHaveClass(/introduced/);
  await previous.click();
  await expect(card(page, "victims-mother")).toHaveCount(0);
  // The replay's bar stays clear of the panel beside the board.
  const end = (await page.getByRole("button", { name: "End replay" }).boundingBox())!;
  const dock = (await page.locator(".dock").boundingBox())!;
  expect(end.x + end.width).toBeLessThanOrEqual(dock.x);
  await screenshot(page, "timeline-replay");
  await page.getByRole("button", { name: "End replay" }).click();
  await expect(page.locator("[data-card-id]")).toHaveCount(37);
  await expect(page.getByRole("combobox", { name: "Watched up to" })).toHaveValue("11");
});

test("Tidy lays the board out again around a pinned card, and one Undo puts every card back", async ({ page }) => {
  await openBoard(page);
  const ids = await page.locator("[data-card-id]").evaluateAll((all) => all.map((el) => el.getAttribute("data-card-id")!));
  const positions = async () => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await worldPosition(page, id)])));
  await card(page, "harry-bosch").click();
  const pin = page.getByRole("region", { name: "Inspector" }).getByRole("button", { name: "Pin in place" });
  const unpressed = await pin.evaluate((el) => getComputedStyle(el).backgroundColor);
  await pin.click();
  await expect(card(page, "harry-bosch")).toHaveClass(/pinned/);
  // The button shows it is on.
  await expect(pin).toHaveAttribute("aria-pressed", "true");
  expect(await pin.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(unpressed);
  await screenshot(page, "pinned-card-inspector");
  const before = await positions();

  await page.getByRole("button", { name: "Tidy" }).click();
  // The cards glide for a moment; wait until they have moved and come to rest.
  await expect
    .poll(async () => {
      const first = JSON.stringify(await positions());
      await page.waitForTimeout(150);
      const second = JSON.stringify(await positions());
      return first === second && second !== JSON.stringify(before);
    })
    .toBe(true);
  const after = await positions();
  expect(after["harry-bosch"]).toEqual(before["harry-bosch"]);
  const boxes = await page.locator("[data-card-id]").evaluateAll((all) => all.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      expect(overlap, `${ids[i]} and ${ids[j]} overlap`).toBe(false);
    }
  }
  await page.getByRole("button", { name: "Fit to view" }).click();
  await screenshot(page, "tidy");

  await page.getByRole("button", { name: "Undo" }).click();
  expect(await positions()).toEqual(before);
  await expect(card(page, "harry-bosch")).toHaveClass(/pinned/);
});

test("a board exported under a horizon names nothing beyond it, and says which strings it leaves out", async ({ page }) => {
  // A theory string of the fan's to a card from episode 3.
  const board = {
    format: "caseboard", version: 2, name: "Mine", universe: { id: "ballard", version: 1 },
    board: {
      positions: { "n-1": { x: 0, y: 0 } },
      cards: [{ id: "n-1", kind: "note", text: "She lied", theory: "t-1" }],
      theories: [{ id: "t-1", name: "The mother lied", colour: "#2a7de1" }],
      strings: [{ id: "s-1", from: "n-1", to: "victims-mother", label: "lied", theory: "t-1", confidence: "likely" }],
    },
  };
  await page.goto(BLANK);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, JSON.stringify(board)]);
  await page.goto("/");
  await card(page, "victims-mother").focus();
  await page.keyboard.press("ArrowDown"); // a moved card from episode 3
  await page.getByRole("combobox", { name: "Watched up to" }).selectOption({ label: "Episode 1" });
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export board" }).click()]);
  const text = fs.readFileSync(await file.path(), "utf8");
  expect(JSON.parse(text).board.horizon).toBe(1);
  expect(text).not.toContain("victims-mother");
  expect(JSON.parse(text).board.strings).toEqual([]);
  // Left out, but not unsaid: the notice shows over the dialog.
  const notice = page.getByRole("status").filter({ hasText: "beyond what you have watched (Episode 1)" });
  await expect(notice).toContainText("1 of your strings ties a card");
  await expect(notice).toContainText('choose "Everything" under Watched up to');
  const at = (await notice.boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest(".notice"), [at.x + at.width / 2, at.y + at.height / 2]);
  expect(onTop, "the notice is not under the dialog").toBe(true);
});
