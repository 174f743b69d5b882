use caseboard::model::board::Arrangement;
mod support;

use caseboard::formats::canvas::{
    self, export, import, looks_like_canvas, CanvasError, MAX_CANVAS_BYTES, MAX_NESTING, MAX_NODES,
};
use caseboard::formats::envelope;
use caseboard::model::board::{Board, Confidence, FanCard, Theory, MAX_TEXT};
use caseboard::model::geometry::Point;
use caseboard::model::horizon::Horizon;
use caseboard::model::layout::{card_size, default_layout, CARD_GAP};
use caseboard::model::scene::scene;
use caseboard::model::universe::{Kind, Universe};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::OnceLock;
use support::fan_string;

fn ballard() -> &'static Universe {
    static UNIVERSE: OnceLock<Universe> = OnceLock::new();
    UNIVERSE.get_or_init(|| Universe::ballard().unwrap())
}

fn defaults() -> &'static HashMap<String, Point> {
    static DEFAULTS: OnceLock<HashMap<String, Point>> = OnceLock::new();
    DEFAULTS.get_or_init(|| default_layout(ballard(), Arrangement::Wide))
}

fn import_text(text: &str) -> Result<Board, CanvasError> {
    import(text, "case notes", ballard())
}

fn error_of(text: &str) -> String {
    import_text(text).expect_err("the canvas should be refused").to_string()
}

fn exported(board: &Board) -> String {
    export(&scene(board, ballard(), defaults(), Horizon::Everything), board)
}

/// A board of the fan's only: every canon card hidden.
fn fan_board() -> Board {
    let mut board = Board::new("ballard", 1);
    board.hidden.extend(ballard().entities.iter().map(|e| e.id.clone()));
    board
}

fn add_card(board: &mut Board, id: &str, title: &str, text: &str, url: Option<&str>, at: (f64, f64)) {
    let card = FanCard {
        id: id.into(),
        kind: Kind::Note,
        title: title.into(),
        text: text.into(),
        theory: None,
        url: url.map(str::to_string),
    };
    board.cards.insert(id.into(), card);
    board.positions.insert(id.into(), Point::new(at.0, at.1));
}

fn add_string(board: &mut Board, id: &str, from: &str, to: &str, label: &str) {
    board.strings.insert(id.into(), fan_string(id, from, to, label, "t"));
}

fn add_theory(board: &mut Board, colour: &str) {
    let theory =
        Theory { id: "t".into(), name: "Billets is the mole".into(), colour: colour.into(), visible: true };
    board.theories.insert("t".into(), theory);
}

/// What a canvas can carry of a card: where it is, title, text and url. Ids change on import.
type CardFacts = (i64, i64, String, String, Option<String>);

fn card_facts(board: &Board, id: &str) -> CardFacts {
    let (card, at) = (&board.cards[id], board.positions[id]);
    (at.x as i64, at.y as i64, card.title.clone(), card.text.clone(), card.url.clone())
}

/// A board's cards and strings as facts, in a stable order, for comparing across a round trip.
fn facts(board: &Board) -> (Vec<CardFacts>, Vec<(CardFacts, CardFacts, String)>) {
    let mut cards: Vec<CardFacts> = board.cards.keys().map(|id| card_facts(board, id)).collect();
    cards.sort();
    let mut strings: Vec<_> = board
        .strings
        .values()
        .map(|s| (card_facts(board, &s.from), card_facts(board, &s.to), s.label.clone()))
        .collect();
    strings.sort();
    (cards, strings)
}

/// What a canvas brings back of a board: the same facts, except that a card with a web link comes
/// back titled with the address and nothing else (a link node carries only the address).
fn facts_after_round_trip(board: &Board) -> (Vec<CardFacts>, Vec<(CardFacts, CardFacts, String)>) {
    let as_link_node = |(x, y, title, text, url): CardFacts| match url {
        Some(url) => (x, y, url.clone(), String::new(), Some(url)),
        None => (x, y, title, text, None),
    };
    let (cards, strings) = facts(board);
    let mut cards: Vec<CardFacts> = cards.into_iter().map(as_link_node).collect();
    cards.sort();
    let mut strings: Vec<_> =
        strings.into_iter().map(|(from, to, label)| (as_link_node(from), as_link_node(to), label)).collect();
    strings.sort();
    (cards, strings)
}

#[test]
fn every_node_type_and_colour_form_is_read() {
    let board = import_text(include_str!("fixtures/every-node.canvas")).unwrap();
    assert_eq!((board.name.as_str(), board.universe_id.as_str()), ("case notes", "ballard"));
    let ids: Vec<&str> = board.cards.keys().map(String::as_str).collect();
    assert_eq!(ids, ["canvas-1", "canvas-2", "canvas-3", "canvas-4", "canvas-5"], "fresh ids, in node order");
    assert!(board.cards.values().all(|c| c.kind == Kind::Note && c.theory.is_none()));
    let card = |n: usize| card_facts(&board, &format!("canvas-{n}"));
    let above = (card_size(Kind::Note).height + CARD_GAP) as i64;
    assert_eq!(
        card(1),
        (-40, -60 - above, "Suspects".into(), String::new(), None),
        "a group is a titled note, above it"
    );
    assert_eq!(
        card(2),
        (
            0,
            0,
            "Billets knew".into(),
            "She signed the **1995** report.\n- <b>not bold</b>\n- \"quoted\" & 'single'".into(),
            None
        ),
        "the heading is the title; the Markdown stays as written"
    );
    assert_eq!(card(3), (300, 11, "Who moved the file?".into(), "Someone with a key.".into(), None));
    assert_eq!(card(4).2, "Evidence/case-file.png#page-2");
    let url = "https://example.org/ballard?s=1&e=3".to_string();
    assert_eq!(card(5), (0, 300, url.clone(), String::new(), Some(url)));

    let theory = &board.theories["canvas-theory"];
    assert_eq!(
        (theory.name.as_str(), theory.colour.as_str(), theory.visible),
        ("case notes", "#27ae60", true)
    );
    let strings: Vec<(&str, &str, &str)> =
        board.strings.values().map(|s| (s.from.as_str(), s.to.as_str(), s.label.as_str())).collect();
    assert_eq!(
        strings,
        [
            ("canvas-2", "canvas-3", "covered for"),
            ("canvas-3", "canvas-4", "found in"),
            ("canvas-5", "canvas-2", ""),
            ("canvas-4", "canvas-1", "part of"),
        ]
    );
    assert!(board
        .strings
        .values()
        .all(|s| s.theory == "canvas-theory" && s.confidence == Confidence::Suspected));
    let saved = envelope::encode(&board, 1);
    assert_eq!(envelope::decode(&saved, "ballard"), Ok(board), "the import is a sound board");
}

#[test]
fn edge_colours_are_read_in_every_form_and_kept_as_hex() {
    let with_colour = |colour: Value| {
        let text = json!({
            "nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 9, "height": 9, "text": "a"},
                      {"id": "b", "type": "text", "x": 9, "y": 0, "width": 9, "height": 9, "text": "b"}],
            "edges": [{"id": "e", "fromNode": "a", "toNode": "b", "color": colour}]
        });
        import_text(&text.to_string()).unwrap().theories["canvas-theory"].colour.clone()
    };
    let presets = ["#d64541", "#e67e22", "#d4ac0d", "#27ae60", "#17a2b8", "#8e44ad"];
    for (n, hex) in (1..=6).zip(presets) {
        assert_eq!(with_colour(json!(n.to_string())), hex);
        assert_eq!(with_colour(json!(n)), hex);
    }
    assert_eq!(with_colour(json!("#C0FFEE")), "#c0ffee");
    assert_eq!(with_colour(json!("#AbC")), "#aabbcc");
    for unusable in
        [json!("0"), json!(7), json!(4.5), json!("red"), json!("#12345"), json!("#ggg"), json!(null)]
    {
        assert_eq!(with_colour(unusable.clone()), "#1f6feb", "{unusable} falls back to the default");
    }
}

#[test]
fn a_canvas_without_edges_makes_no_theory_self_loops_are_left_out_and_repeats_keep_their_labels() {
    let text = json!({
        "nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 9, "height": 9, "text": "a"},
                  {"id": "b", "type": "group", "x": 0, "y": 0, "width": 9, "height": 9}],
        "edges": [{"id": "loop", "fromNode": "a", "toNode": "a"},
                  {"id": "ab", "fromNode": "a", "toNode": "b", "label": "first"},
                  {"id": "ba", "fromNode": "b", "toNode": "a", "label": "again"},
                  {"id": "ab2", "fromNode": "a", "toNode": "b", "label": "first"},
                  {"id": "ab3", "fromNode": "a", "toNode": "b"}]
    });
    let board = import_text(&text.to_string()).unwrap();
    let labels: Vec<&str> = board.strings.values().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["first · again"], "one string, every distinct label kept");
    // The show's own cards start hidden: the board holds the canvas alone.
    assert_eq!(board.hidden.len(), ballard().entities.len());
    let empty =
        import(r#"{"nodes": [{"id": "a", "type": "group", "x": 0, "y": 0}]}"#, "", ballard()).unwrap();
    assert!(empty.theories.is_empty() && empty.strings.is_empty());
    assert_eq!(empty.cards["canvas-1"].title, "", "a group without a label is an untitled note");
    assert!(import_text("{}").unwrap().cards.is_empty(), "both lists may be left out");
}

#[test]
fn long_text_is_cut_and_a_long_first_line_kept_in_the_text() {
    let long_line = "word ".repeat(40).trim().to_string();
    let text = json!({"nodes": [
        {"id": "a", "type": "text", "x": 0, "y": 0, "text": format!("{long_line}\nmore")},
        {"id": "b", "type": "text", "x": 0, "y": 0, "text": format!("# Short\n{}", "x".repeat(5000))},
    ]});
    let board = import_text(&text.to_string()).unwrap();
    let a = &board.cards["canvas-1"];
    assert_eq!(a.title.chars().count(), 120);
    assert_eq!(a.text, format!("{long_line}\n\nmore"), "nothing of the line is lost");
    assert_eq!(board.cards["canvas-2"].text.chars().count(), MAX_TEXT);
}

#[test]
fn damaged_canvases_are_refused_with_what_and_where() {
    let cases = [
        (
            include_str!("fixtures/dangling-edge.canvas"),
            "edge 'e3' points at node 'x', which is not in the canvas".to_string(),
        ),
        (include_str!("fixtures/duplicate-id.canvas"), "the node id 'a' is used more than once".into()),
        (
            include_str!("fixtures/huge-number.canvas"),
            "node 'far' has an unusable x: it must be a number smaller than 10000000 either way".into(),
        ),
        (
            include_str!("fixtures/unknown-type.canvas"),
            "node 'w' is of type 'widget', which JSON Canvas 1.0 does not have".into(),
        ),
        (r#"{"nodes": [{"id": "a", "type": "text", "y": 0}]}"#, "node 'a' has no x".into()),
        (
            r#"{"nodes": [{"id": "a", "type": "text", "x": "1", "y": 0}]}"#,
            "node 'a' has an unusable x".into(),
        ),
        (
            r#"{"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": -1e9}]}"#,
            "unusable width".into(),
        ),
        (r#"{"nodes": [{"id": "a", "x": 0, "y": 0}]}"#, "node 'a' has no type".into()),
        (r#"{"nodes": [{"type": "text", "x": 0, "y": 0}]}"#, "node 1 has no id".into()),
        (r#"{"nodes": [], "edges": [{"fromNode": "a", "toNode": "b"}]}"#, "edge 1 has no id".into()),
        (
            r#"{"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0}], "edges": [{"id": "e", "fromNode": "a"}]}"#,
            "edge 'e' has no toNode".into(),
        ),
        (r#"{"nodes": {"a": 1}}"#, "it is not a JSON Canvas (its nodes are not a list)".into()),
        (r#"{"edges": "none"}"#, "it is not a JSON Canvas (its edges are not a list)".into()),
        ("[]", "it is not a JSON Canvas (the document is not an object)".into()),
    ];
    for (text, expected) in cases {
        let message = error_of(text);
        assert!(message.contains(&expected), "{message:?} should say {expected:?}");
    }
    let not_json = error_of(include_str!("fixtures/nan.canvas"));
    assert!(not_json.starts_with("the canvas is not valid JSON"), "{not_json}");
    assert!(error_of(r#"{"nodes": [{"id": "a", "type": "text", "x": 1e400, "y": 0}]}"#)
        .contains("not valid JSON"));
    let long_id = "i".repeat(10_000);
    let message =
        error_of(&json!({"nodes": [{"id": long_id, "type": "sticker", "x": 0, "y": 0}]}).to_string());
    assert!(message.len() < 200 && message.contains("'sticker'"), "a huge id is shortened: {message}");
}

#[test]
fn oversized_canvases_are_refused_before_they_are_read() {
    let node = |n: usize| json!({"id": format!("n{n}"), "type": "text", "x": 0, "y": 0, "text": ""});
    let many = json!({"nodes": (0..=MAX_NODES).map(node).collect::<Vec<_>>()}).to_string();
    assert_eq!(
        error_of(&many),
        format!("the canvas has {} nodes; at most {MAX_NODES} can be read", MAX_NODES + 1)
    );
    let edge = json!({"id": "e", "fromNode": "n0", "toNode": "n0"});
    let edges = json!({"nodes": [node(0)], "edges": vec![edge; canvas::MAX_EDGES + 1]}).to_string();
    assert!(error_of(&edges).contains("edges; at most 50000"));
    let huge = format!("{{\"nodes\": [], \"padding\": \"{}\"}}", " ".repeat(MAX_CANVAS_BYTES));
    assert_eq!(import_text(&huge), Err(CanvasError::TooLarge(huge.len())));
    let deep = format!("{{\"nodes\": [], \"x\": {}{}}}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
    assert_eq!(import_text(&deep), Err(CanvasError::TooDeep));
    assert!(error_of(&deep).contains("more than 64 deep"));
    let brackets_in_text = format!("{{\"nodes\": [], \"x\": \"{}\"}}", "[".repeat(1000));
    assert!(import_text(&brackets_in_text).is_ok(), "brackets inside strings are text");
}

#[test]
fn only_web_addresses_become_links_and_other_schemes_stay_plain_text() {
    let board = import_text(include_str!("fixtures/javascript-url.canvas")).unwrap();
    let (js, data) = (&board.cards["canvas-1"], &board.cards["canvas-2"]);
    assert_eq!((js.url.as_deref(), js.title.as_str()), (None, ""));
    assert_eq!(js.text, "javascript:alert(document.cookie)");
    assert_eq!((data.url.as_deref(), data.text.as_str()), (None, "data:text/html,<script>alert(1)</script>"));
    let spaced =
        json!({"nodes": [{"id": "l", "type": "link", "x": 0, "y": 0, "url": "  HTTPS://Example.org/x "}]});
    assert_eq!(
        import_text(&spaced.to_string()).unwrap().cards["canvas-1"].url.as_deref(),
        Some("HTTPS://Example.org/x")
    );
}

#[test]
fn canvases_and_boards_are_told_apart_by_content() {
    assert!(looks_like_canvas(include_str!("fixtures/every-node.canvas")));
    assert!(looks_like_canvas(r#" {"edges": []}"#));
    assert!(looks_like_canvas(&exported(&fan_board())));
    assert!(!looks_like_canvas(&envelope::encode(&fan_board(), 3)));
    for text in [r#"{"format": "caseboard", "nodes": []}"#, r#"{"nodes": 3}"#, "{}", "[]", "nodes", ""] {
        assert!(!looks_like_canvas(text), "{text}");
    }
}

#[test]
fn the_default_board_exports_as_text_nodes_and_red_arrows() {
    let universe = ballard();
    let value: Value = serde_json::from_str(&exported(&Board::new("ballard", 1))).unwrap();
    let nodes = value["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), universe.entities.len());
    for node in nodes {
        assert_eq!(node["type"], "text");
        assert!(["x", "y", "width", "height"].iter().all(|f| node[f].is_i64()), "{node}");
    }
    let renee = nodes.iter().find(|n| n["id"] == "renee-ballard").unwrap();
    assert!(renee["text"].as_str().unwrap().starts_with("# Renée Ballard\n\nLAPD detective"));
    assert!(renee["text"].as_str().unwrap().ends_with("\n\nActor: Maggie Q"));
    let victim = nodes.iter().find(|n| n["id"] == "runaway-victim").unwrap();
    assert!(victim["text"].as_str().unwrap().ends_with("\n\nFirst seen: Episode 1"));
    let edges = value["edges"].as_array().unwrap();
    assert_eq!(edges.len(), universe.links.len());
    let leads = edges.iter().find(|e| e["id"] == "ballard-leads-unit").unwrap();
    assert_eq!(
        leads,
        &json!({"id": "ballard-leads-unit", "fromNode": "renee-ballard", "toNode": "cold-case-unit",
                "fromSide": "top", "toSide": "top", "toEnd": "arrow", "color": "1", "label": "leads"})
    );
}

#[test]
fn the_fans_cards_and_strings_export_with_their_words_intact() {
    let mut board = Board::new("ballard", 1);
    board.hidden.insert("harry-bosch".into());
    add_theory(&mut board, "#2a7de1");
    let tricky = "\"quoted\" \\ back\\slash\n</script>{\"nodes\": []}\n# not a heading\u{0}";
    add_card(&mut board, "note-1", "Line\nbreak", tricky, None, (10.4, -20.6));
    add_card(&mut board, "note-2", "", "", Some("https://example.org/?a=1&b=2"), (500.0, 0.0));
    add_string(&mut board, "s-1", "note-1", "note-2", "");
    add_string(&mut board, "s-2", "note-1", "renee-ballard", "met");
    add_string(&mut board, "s-3", "note-1", "harry-bosch", "hidden end");
    let value: Value = serde_json::from_str(&exported(&board)).unwrap();
    let node = |id: &str| value["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).cloned();
    assert_eq!(node("harry-bosch"), None, "hidden cards stay off the canvas");
    let note = node("note-1").unwrap();
    assert_eq!(note["text"], format!("# Line break\n\n{tricky}"));
    assert_eq!((note["x"].as_i64(), note["y"].as_i64()), (Some(10), Some(-21)));
    let link = node("note-2").unwrap();
    assert_eq!(
        (link["type"].as_str(), link["url"].as_str()),
        (Some("link"), Some("https://example.org/?a=1&b=2"))
    );
    assert!(link.get("text").is_none());
    let edge = |id: &str| value["edges"].as_array().unwrap().iter().find(|e| e["id"] == id).cloned();
    let untied = edge("s-1").unwrap();
    assert_eq!((untied["toEnd"].as_str(), untied["color"].as_str()), (Some("none"), Some("#2a7de1")));
    assert!(untied.get("label").is_none(), "no empty label");
    assert_eq!(edge("s-2").unwrap()["label"], "met");
    assert_eq!(edge("s-3"), None, "a string to a hidden card is not drawn, nor exported");
}

#[test]
fn a_board_survives_export_and_import_in_everything_a_canvas_holds() {
    let mut board = fan_board();
    add_theory(&mut board, "#8e44ad");
    add_card(
        &mut board,
        "note-a",
        "Billets knew",
        "She *signed* it.\n\n- twice\n- <b>really</b>",
        None,
        (0.0, 0.0),
    );
    add_card(&mut board, "note-b", "# Not a heading", "", None, (-300.0, 120.0));
    add_card(&mut board, "note-c", "Tip", "", Some("https://example.org/tip"), (400.0, -80.0));
    add_string(&mut board, "s-ab", "note-a", "note-b", "covered for");
    add_string(&mut board, "s-ca", "note-c", "note-a", "");
    let back = import(&exported(&board), "My mole theory", ballard()).unwrap();
    assert_eq!(facts(&back), facts_after_round_trip(&board));
    assert_eq!(back.strings.len(), 2);
    assert_eq!(back.name, "My mole theory");
    let theory = &back.theories["canvas-theory"];
    assert_eq!((theory.name.as_str(), theory.colour.as_str()), ("My mole theory", "#8e44ad"));
}

/// A note of the fan's with a title (the first line of an exported text node is its title).
fn titled_note() -> impl Strategy<Value = (String, String, Option<String>, (i32, i32))> {
    let title = "[a-zA-Z0-9#*_<>&'\" -]{0,30}[a-zA-Z0-9#*_<>&'\"]";
    let text = prop_oneof![Just(String::new()), "[a-zA-Z0-9#*_<>&'\"\\n {}\\[\\]-]{0,80}[a-z]"];
    let url = proptest::option::of("https://[a-z]{1,12}\\.org/[a-z0-9?&=]{0,20}");
    let at = (-100_000..100_000, -100_000..100_000);
    (title, text, url, at)
}

proptest! {
    #[test]
    fn generated_fan_boards_survive_export_and_import(
        notes in proptest::collection::vec(titled_note(), 1..12),
        ties in proptest::collection::vec((0..12usize, 0..12usize, "[a-z ]{0,12}"), 0..20),
        colour in "#[0-9a-f]{6}",
    ) {
        let mut board = fan_board();
        add_theory(&mut board, &colour);
        for (n, (title, text, url, (x, y))) in notes.iter().enumerate() {
            let text = text.trim();
            add_card(&mut board, &format!("note-{n:02}"), title.trim(), text, url.as_deref(), (f64::from(*x), f64::from(*y)));
        }
        for (n, (from, to, label)) in ties.iter().enumerate() {
            let (from, to) = (format!("note-{:02}", from % notes.len()), format!("note-{:02}", to % notes.len()));
            if from != to && !board.has_string(&from, &to, "t") {
                add_string(&mut board, &format!("s-{n}"), &from, &to, label);
            }
        }
        let back = import(&exported(&board), "generated", ballard()).unwrap();
        prop_assert_eq!(facts(&back), facts_after_round_trip(&board));
        if !board.strings.is_empty() {
            prop_assert_eq!(&back.theories["canvas-theory"].colour, &colour);
        }
    }

    #[test]
    fn importing_json_ish_text_never_panics(text in "[\\[\\]{}\":,0-9a-z#. -]{0,300}") {
        let _ = import_text(&text);
        let _ = looks_like_canvas(&text);
    }

    #[test]
    fn importing_canvas_shaped_documents_never_panics(
        nodes in proptest::collection::vec(
            ("[ab]", prop_oneof![Just("text"), Just("file"), Just("link"), Just("group"), Just("iframe")],
             prop_oneof![Just(json!(0)), Just(json!(-12.7)), Just(json!(1e7)), Just(json!("5")), Just(Value::Null)],
             prop_oneof![Just(json!("# T\nx")), Just(json!("javascript:x")), Just(json!("https://a.org")), Just(json!(3))]),
            0..4),
        edges in proptest::collection::vec(("[abc]", "[abc]", prop_oneof![Just(json!("1")), Just(json!(9)), Just(json!("#fff"))]), 0..4),
    ) {
        let nodes: Vec<Value> = nodes.into_iter().map(|(id, kind, x, content)| json!({
            "id": id, "type": kind, "x": x, "y": 0, "text": content, "url": content, "file": content, "label": content
        })).collect();
        let edges: Vec<Value> = edges.into_iter().enumerate().map(|(n, (from, to, colour))| json!({
            "id": format!("e{n}"), "fromNode": from, "toNode": to, "color": colour
        })).collect();
        if let Ok(board) = import_text(&json!({"nodes": nodes, "edges": edges}).to_string()) {
            prop_assert!(envelope::check(&board).is_ok());
        }
    }
}

#[test]
fn repeated_edges_join_their_labels_once_each_and_within_the_longest_label() {
    use caseboard::model::board::MAX_LABEL;
    let long = "x".repeat(MAX_LABEL);
    let text = json!({
        "nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 9, "height": 9, "text": "a"},
                  {"id": "b", "type": "text", "x": 0, "y": 0, "width": 9, "height": 9, "text": "b"}],
        "edges": [{"id": "1", "fromNode": "a", "toNode": "b", "label": "  "},
                  {"id": "2", "fromNode": "a", "toNode": "b", "label": "first "},
                  {"id": "3", "fromNode": "b", "toNode": "a", "label": "first"},
                  {"id": "4", "fromNode": "a", "toNode": "b", "label": long}]
    });
    let board = import_text(&text.to_string()).unwrap();
    let label = &board.strings.values().next().unwrap().label;
    assert!(label.starts_with("first · xxx"), "{label}");
    assert_eq!(label.chars().count(), MAX_LABEL);
}
