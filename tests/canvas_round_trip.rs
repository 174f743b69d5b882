//! A canvas read and written back is the canvas it was, up to key order and whole-pixel places:
//! every node and edge, parallel edges included, with their ids, labels, colours, sides, ends and
//! the fields Caseboard does not use, through a saved board and a board file too.

mod support;

use caseboard::formats::canvas::{import, import_beside_canon};
use caseboard::formats::envelope;
use caseboard::formats::link::{self, Shared};
use caseboard::model::board::Board;
use proptest::prelude::*;
use serde_json::{json, Value};
use support::{ballard, exported, Rng};

/// Every fixture a canvas app could write that Caseboard reads (the refused ones are in
/// `tests/canvas.rs`).
const FIXTURES: [(&str, &str); 5] = [
    ("every-node", include_str!("fixtures/every-node.canvas")),
    ("spec-shapes", include_str!("fixtures/spec-shapes.canvas")),
    ("obsidian-vault", include_str!("fixtures/obsidian-vault.canvas")),
    ("unknown-type", include_str!("fixtures/unknown-type.canvas")),
    ("javascript-url", include_str!("fixtures/javascript-url.canvas")),
];

/// A canvas as compared: both lists present (either may be left out), places in whole pixels.
fn normalised(text: &str) -> Value {
    let mut document: Value = serde_json::from_str(text).unwrap();
    let fields = document.as_object_mut().unwrap();
    for list in ["nodes", "edges"] {
        fields.entry(list).or_insert(json!([]));
    }
    for node in fields["nodes"].as_array_mut().unwrap() {
        for place in ["x", "y"] {
            node[place] = json!(node[place].as_f64().unwrap().round() as i64);
        }
    }
    document
}

/// The board and the boards it becomes when saved and written to a file, each exported.
fn exports_of(board: &Board) -> Vec<(&'static str, Value)> {
    let saved = envelope::decode(&envelope::encode(board, 7), "ballard").unwrap();
    let file = envelope::decode(&envelope::encode_file(board), "ballard").unwrap();
    assert_eq!((&saved, &file), (board, board), "saving keeps everything the canvas left");
    [("imported", board), ("saved", &saved), ("from a file", &file)]
        .map(|(how, board)| (how, normalised(&exported(board))))
        .into()
}

fn assert_comes_back(name: &str, text: &str) {
    let expected = normalised(text);
    for board in [import(text, name, ballard()).unwrap(), import_beside_canon(text, name, ballard()).unwrap()]
    {
        for (how, back) in exports_of(&board) {
            assert!(back == expected, "{name} ({how}) came back as\n{back:#}\ninstead of\n{expected:#}");
        }
    }
}

#[test]
fn every_fixture_comes_back_as_it_went_in() {
    for (name, text) in FIXTURES {
        assert_comes_back(name, text);
    }
}

#[test]
fn an_obsidian_canvas_keeps_its_parallel_edges_loops_and_plugin_fields() {
    let (_, text) = FIXTURES[2];
    let board = import(text, "vault", ballard()).unwrap();
    assert_eq!((board.cards.len(), board.strings.len()), (9, 8), "every node and every edge");
    let tied: Vec<(&str, &str)> = board.strings.values().map(|s| (s.from.as_str(), s.to.as_str())).collect();
    assert_eq!(tied[..3], [("canvas-6", "canvas-7"), ("canvas-6", "canvas-7"), ("canvas-7", "canvas-6")]);
    assert_eq!(tied[4], ("canvas-3", "canvas-3"), "a loop is a string too");
    let vault = board.canvas.as_ref().unwrap();
    assert_eq!(vault.fields["metadata"]["version"], "1.0-1.0");
    assert_eq!(board.cards["canvas-2"].title, "Fälle/Renée Ballard – Überblick.md");
    assert_eq!(board.cards["canvas-5"].title, "Archiv/Café 🎞 notes.md#^blockref-9f2");
    let back: Value = serde_json::from_str(&exported(&board)).unwrap();
    assert_eq!(back["edges"][3]["styleAttributes"]["path"], "short-dashed");
    assert_eq!(back["edges"][3]["label"], "seen together · likely");
    assert_eq!(back["nodes"][8]["plugin-data"]["advanced-canvas"]["tags"], json!(["a", "b"]));
}

#[test]
fn the_canvas_moved_beside_the_show_goes_back_where_it_was() {
    let (_, text) = FIXTURES[1];
    let (raw, placed) =
        (import(text, "spec", ballard()).unwrap(), import_beside_canon(text, "spec", ballard()).unwrap());
    let shift = placed.canvas.as_ref().unwrap().shift;
    assert!(shift.x > 0.0, "moved right of the show's cards: {shift:?}");
    for (id, at) in &raw.positions {
        assert_eq!(placed.positions[id], at.offset(shift.x, shift.y));
    }
}

/// A canvas of `nodes` nodes of every type and twice as many edges, with loops, parallel edges,
/// every side and end, colours in both forms, fractional places and fields of other apps.
fn generated_canvas(nodes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let colours = [json!("1"), json!("6"), json!(3), json!("#1F6FEB"), json!("#abc"), Value::Null];
    let sides = [json!("top"), json!("right"), json!("bottom"), json!("left"), Value::Null];
    let ends = [json!("none"), json!("arrow"), Value::Null];
    let paths = ["Fälle/Überblick.md", "証拠/写真.png", "Zeugen/Núñez – Aussage.md", "plain.md"];
    let mut list = Vec::new();
    for n in 0..nodes {
        let mut node = json!({
            "id": format!("{:016x}", rng.next()),
            "x": rng.below(40_000) as f64 / 4.0 - 5_000.0,
            "y": rng.below(40_000) as f64 / 4.0 - 5_000.0,
            "width": 100 + rng.below(500),
            "height": 60 + rng.below(400),
        });
        let words = format!("## Note {n}\n\n{}", "Billets knew. ".repeat(rng.below(300)));
        let content = match n % 6 {
            0 => json!({"type": "group", "label": format!("Group {n}"), "backgroundStyle": "ratio"}),
            1 => json!({"type": "file", "file": paths[rng.below(paths.len())], "subpath": "#Kapitel 2"}),
            2 => json!({"type": "link", "url": format!("https://example.org/{n}?é=1")}),
            3 => json!({"type": "whiteboard", "strokes": [[0, 1], [2, 3]]}),
            _ => json!({"type": "text", "text": words}),
        };
        node.as_object_mut().unwrap().extend(content.as_object().unwrap().clone());
        let colour = &colours[rng.below(colours.len())];
        if !colour.is_null() {
            node["color"] = colour.clone();
        }
        if rng.below(4) == 0 {
            node["styleAttributes"] = json!({"shape": "pill", "border": null});
        }
        list.push(node);
    }
    let ids: Vec<Value> = list.iter().map(|node| node["id"].clone()).collect();
    let (mut edges, mut last) = (Vec::new(), (0, 0));
    for n in 0..nodes * 2 {
        // Every fifth edge ties the two nodes the one before it tied, and every seventh a node
        // to itself.
        let (from, to) = match (n % 5, n % 7) {
            (4, _) => last,
            (_, 6) => (last.1, last.1),
            _ => (rng.below(nodes), rng.below(nodes)),
        };
        last = (from, to);
        let mut edge = json!({"id": format!("edge-{n}"), "fromNode": ids[from], "toNode": ids[to]});
        for (field, choices) in [
            ("fromSide", &sides[..]),
            ("toSide", &sides[..]),
            ("fromEnd", &ends[..]),
            ("toEnd", &ends[..]),
            ("color", &colours[..]),
        ] {
            let choice = &choices[rng.below(choices.len())];
            if !choice.is_null() {
                edge[field] = choice.clone();
            }
        }
        if rng.below(2) == 0 {
            edge["label"] = json!(["covered up", "knew · likely", "debunked", "Zeugin → Akte"][rng.below(4)]);
        }
        edges.push(edge);
    }
    json!({"nodes": list, "edges": edges, "metadata": {"version": "1.0-1.0"}}).to_string()
}

#[test]
fn a_200_node_canvas_comes_back_as_it_went_in() {
    let text = generated_canvas(200, 0x5eed);
    let board = import(&text, "big", ballard()).unwrap();
    assert_eq!((board.cards.len(), board.strings.len()), (200, 400));
    assert_comes_back("big", &text);
}

#[test]
fn a_share_link_leaves_out_what_only_the_canvas_needs_and_keeps_the_board() {
    let (_, text) = FIXTURES[2];
    let board = import(text, "vault", ballard()).unwrap();
    let shared = Shared { board: board.clone(), horizon: None };
    let back = link::decode(&link::encode(&shared, ballard()), ballard()).unwrap().board;
    let mut plain = board;
    plain.canvas = None;
    plain.cards.values_mut().for_each(|card| card.canvas.clear());
    plain.strings.values_mut().for_each(|string| string.canvas.clear());
    assert_eq!(back, plain, "parallel strings and loops travel; the canvas's own fields do not");
}

proptest! {
    #[test]
    fn generated_canvases_come_back_as_they_went_in(nodes in 1..40usize, seed in any::<u64>()) {
        let text = generated_canvas(nodes, seed | 1);
        let expected = normalised(&text);
        let board = import(&text, "generated", ballard()).unwrap();
        for (how, back) in exports_of(&board) {
            prop_assert!(back == expected, "{} came back otherwise", how);
        }
    }
}

#[test]
fn a_canvas_whose_board_would_outgrow_a_board_file_is_refused() {
    // 180 notes of 15,000 characters: a 2.7 MB canvas, whose board keeps each note twice (the
    // card's words and the node's), indented, in a board file of over 5 MB.
    let nodes: Vec<Value> = (0..180)
        .map(|n| {
            json!({"id": format!("n{n}"), "type": "text", "x": 0, "y": 0, "width": 9, "height": 9,
                        "text": "a quoted \"word\" ".repeat(1_000)})
        })
        .collect();
    let text = json!({"nodes": nodes, "edges": []}).to_string();
    let message = import(&text, "huge", ballard()).expect_err("refused").to_string();
    assert!(message.contains("at most 5242880 can be imported again; split the canvas"), "{message}");
}

#[test]
fn fields_nested_as_deep_as_a_canvas_may_be_are_saved_and_read_back() {
    let deep = (0..60).fold(json!("bottom"), |inner, _| json!({"in": inner}));
    let text = json!({"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 9, "height": 9,
                                 "text": "a", "plugin": deep}], "edges": [], "metadata": {"deep": deep}})
    .to_string();
    assert_comes_back("deep", &text);
}

proptest! {
    #[test]
    fn any_words_and_labels_come_back_as_they_went_in(
        words in proptest::collection::vec("\\PC{0,60}(\n\\PC{0,40}){0,3}", 1..6),
        labels in proptest::collection::vec(prop_oneof![
            "\\PC{0,40}",
            "(confirmed|likely|suspected|debunked)",
            "\\PC{0,20} · (confirmed|likely|suspected|debunked)",
        ], 0..8),
    ) {
        let types = ["text", "group", "file", "link", "note"];
        let nodes: Vec<Value> = words.iter().enumerate().map(|(n, words)| json!({
            "id": format!("n{n}"), "type": types[n % types.len()],
            "x": n * 10, "y": 0, "width": 9, "height": 9,
            "text": words, "label": words, "file": words, "url": words,
        })).collect();
        let edges: Vec<Value> = labels.iter().enumerate().map(|(n, label)| json!({
            "id": format!("e{n}"), "fromNode": format!("n{}", n % words.len()),
            "toNode": format!("n{}", (n * 7) % words.len()), "label": label,
        })).collect();
        let text = json!({"nodes": nodes, "edges": edges}).to_string();
        let board = import(&text, "words", ballard()).unwrap();
        for (how, back) in exports_of(&board) {
            prop_assert!(back == normalised(&text), "{} came back otherwise", how);
        }
    }
}
