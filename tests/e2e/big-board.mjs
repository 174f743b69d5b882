// A board of `n` fan notes in a loose grid beside the canon, each tied to the next two, in the
// save format: the benchmark's boards, and the big board the culling tests open.
export function bigBoard(n) {
  const columns = Math.ceil(Math.sqrt(n));
  const cards = [];
  const positions = {};
  for (let i = 0; i < n; i++) {
    const id = `n-${i}`;
    cards.push({ id, kind: "note", text: `Note ${i}: a clue the fan pinned up`, theory: "t" });
    positions[id] = { x: 2600 + (i % columns) * 260, y: Math.floor(i / columns) * 230 };
  }
  const strings = [];
  for (let i = 0; i < n; i++) {
    for (const step of [1, 2]) {
      const j = (i + step) % n;
      if (j !== i) strings.push({ id: `s-${i}-${step}`, from: `n-${i}`, to: `n-${j}`, label: "", theory: "t", confidence: "suspected" });
    }
  }
  return {
    format: "caseboard", version: 2, name: `Bench ${n}`, universe: { id: "ballard", version: 1 },
    board: { positions, cards, strings, theories: [{ id: "t", name: "Bench", colour: "#2a7de1" }],
             viewport: { x: -2400 * 0.5 + 40, y: 120, zoom: 0.5 } },
  };
}
