// Boards and a universe with very long lists, in the formats the app reads: the long-list
// benchmark (bench/long-lists.mjs) and the browser tests of "Show more" (long-lists.spec.ts).

const envelope = (name, board) => ({ format: "caseboard", version: 2, name, universe: { id: "ballard", version: 1 }, board });

/** A board of `n` empty theories and nothing else. */
export function manyTheories(n) {
  const theories = [];
  for (let i = 0; i < n; i++) {
    theories.push({ id: `t-${String(i).padStart(5, "0")}`, name: `Theory ${i + 1}`, colour: "#2a7de1" });
  }
  return envelope(`${n} theories`, { theories });
}

/** One fan note with `n` strings from it, spread over the canon cards `ends`. */
export function hubStrings(n, ends) {
  const strings = [];
  for (let i = 0; i < n; i++) {
    strings.push({ id: `s-${i}`, from: "hub", to: ends[i % ends.length], label: `lead ${i + 1}`, theory: "t", confidence: "suspected" });
  }
  return envelope(`${n} strings from one card`, {
    cards: [{ id: "hub", kind: "note", text: "Everything leads here", theory: "t" }],
    positions: { hub: { x: 40, y: 40 } },
    strings,
    theories: [{ id: "t", name: "Hub", colour: "#2a7de1" }],
  });
}

/** A universe of `entities` cards and twice as many strings, a tenth of them episodes. */
export function bigUniverse(entities) {
  const kinds = ["character", "case", "place", "evidence", "character", "character", "place", "case", "evidence"];
  const episodes = Math.floor(entities / 10);
  const id = (i) => `entity-${String(i).padStart(5, "0")}`;
  const list = [];
  for (let i = 0; i < entities; i++) {
    const e = { id: id(i), kind: kinds[i % kinds.length], name: `Card ${i}`, description: "A card of a long show.", source: "The show." };
    if (i < episodes) Object.assign(e, { kind: "episode", number: i + 1 });
    else if (i % 3 === 0) e.first_episode = (i % episodes) + 1;
    list.push(e);
  }
  const links = [];
  for (let n = 0; n < entities * 2; n++) {
    const from = (n * 7919) % entities;
    const to = (from + 1 + ((n * 104_729) % (entities - 1))) % entities;
    links.push({ id: `string-${String(n).padStart(5, "0")}`, from: id(from), to: id(to), label: "knows", source: "The show." });
  }
  return { id: "long-show", version: 1, title: "A long show", episodes, source: "invented for a test", entities: list, links };
}
