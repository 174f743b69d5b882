mod support;

use caseboard::formats::canvas::{
    self, import, label_with, looks_like_canvas, CanvasError, MAX_CANVAS_BYTES, MAX_NESTING, MAX_NODES,
};
use caseboard::formats::envelope;
use caseboard::model::board::{Board, Confidence, FanCard, Theory, MAX_LABEL, MAX_TEXT};
use caseboard::model::geometry::Point;
use caseboard::model::layout::{card_size, CARD_GAP};
use caseboard::model::universe::Kind;
use proptest::prelude::*;
use serde_json::{json, Value};
use support::{ballard, exported, fan_string};

fn import_text(text: &str) -> Result<Board, CanvasError> {
    import(text, "case notes", ballard())
}

fn error_of(text: &str) -> String {
    import_text(text).expect_err("the canvas should be refused").to_string()
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
        canvas: Default::default(),
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
        .map(|s| (card_facts(board, &s.from), card_facts(board, &s.to), label_with(&s.label, s.confidence)))
        .collect();
    strings.sort();
    (cards, strings)
}

/// A board read back from its canvas, less the note its theory's node became.
fn without_theory_notes(mut board: Board) -> Board {
    board.cards.retain(|_, card| card.title != "Billets is the mole");
    board
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
fn every_edge_is_a_string_of_its_own_loops_and_parallel_edges_included() {
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
    let strings: Vec<(&str, &str, &str, &str)> = board
        .strings
        .values()
        .map(|s| (s.canvas["id"].as_str().unwrap(), s.from.as_str(), s.to.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(
        strings,
        [
            ("loop", "canvas-1", "canvas-1", ""),
            ("ab", "canvas-1", "canvas-2", "first"),
            ("ba", "canvas-2", "canvas-1", "again"),
            ("ab2", "canvas-1", "canvas-2", "first"),
            ("ab3", "canvas-1", "canvas-2", ""),
        ],
        "in the canvas's order, each with its edge's id"
    );
    // The show's own cards start hidden: the board holds the canvas alone.
    assert_eq!(board.hidden.len(), ballard().entities.len());
    let empty =
        import(r#"{"nodes": [{"id": "a", "type": "group", "x": 0, "y": 0}]}"#, "", ballard()).unwrap();
    assert!(empty.theories.is_empty() && empty.strings.is_empty());
    assert_eq!(empty.cards["canvas-1"].title, "", "a group without a label is an untitled note");
    assert!(import_text("{}").unwrap().cards.is_empty(), "both lists may be left out");
}

#[test]
fn labels_ending_in_a_confidence_give_it_and_others_are_suspected() {
    let with_label = |label: &str| {
        let text = json!({
            "nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "text": "a"},
                      {"id": "b", "type": "text", "x": 9, "y": 0, "text": "b"}],
            "edges": [{"id": "e", "fromNode": "a", "toNode": "b", "label": label}]
        });
        let board = import_text(&text.to_string()).unwrap();
        let string = board.strings.values().next().unwrap();
        (string.label.clone(), string.confidence)
    };
    assert_eq!(with_label("covered up · likely"), ("covered up".to_string(), Confidence::Likely));
    assert_eq!(with_label("debunked"), (String::new(), Confidence::Debunked));
    assert_eq!(with_label("a · b · confirmed"), ("a · b".to_string(), Confidence::Confirmed));
    assert_eq!(with_label("likely story"), ("likely story".to_string(), Confidence::Suspected));
    assert_eq!(with_label("so likely"), ("so likely".to_string(), Confidence::Suspected));
    for confidence in Confidence::ALL {
        assert_eq!(label_with("", confidence), confidence.label());
        assert_eq!(with_label(&label_with("knew · it", confidence)), ("knew · it".to_string(), confidence));
    }
    assert_eq!(label_with("covered up", Confidence::Likely), "covered up · likely");
}

#[test]
fn long_notes_are_kept_whole_and_words_too_long_for_a_card_are_refused_by_name() {
    let long_line = "word ".repeat(40).trim().to_string();
    // A long Obsidian note: about 1,600 words, well past the old cap of 2,000 characters.
    let long_note = "Billets signed the report. ".repeat(400);
    let text = json!({"nodes": [
        {"id": "a", "type": "text", "x": 0, "y": 0, "text": format!("{long_line}\nmore")},
        {"id": "b", "type": "text", "x": 0, "y": 0, "text": format!("# Short\n{long_note}")},
        {"id": "c", "type": "text", "x": 0, "y": 0, "text": "z".repeat(MAX_TEXT)},
    ]});
    let board = import_text(&text.to_string()).unwrap();
    let a = &board.cards["canvas-1"];
    assert_eq!(a.title.chars().count(), 120);
    assert_eq!(a.text, format!("{long_line}\n\nmore"), "nothing of the line is lost");
    assert_eq!(board.cards["canvas-2"].text, long_note.trim(), "kept whole");
    assert_eq!(board.cards["canvas-3"].text.chars().count(), MAX_TEXT, "a one-line note at the cap");
    assert_eq!(
        envelope::decode(&envelope::encode(&board, 1), "ballard"),
        Ok(board.clone()),
        "and saved whole"
    );

    let essay = format!("# T\n{}", "é".repeat(MAX_TEXT + 1));
    let too_long = json!({"nodes": [{"id": "essay", "type": "text", "x": 0, "y": 0, "text": essay}]});
    assert_eq!(
        error_of(&too_long.to_string()),
        format!(
            "the text of node 'essay' is {} characters long; Caseboard keeps at most {MAX_TEXT} and cuts \
             nothing, so shorten it and import the canvas again",
            MAX_TEXT + 1
        )
    );
    let long_label = json!({
        "nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "text": "a"}],
        "edges": [{"id": "wordy", "fromNode": "a", "toNode": "a", "label": "y".repeat(MAX_LABEL + 1)}]
    });
    let message = error_of(&long_label.to_string());
    assert!(message.starts_with("the label of edge 'wordy' is 121 characters long"), "{message}");
    let url = format!("https://a.org/{}", "p".repeat(MAX_TEXT));
    let long_address = json!({"nodes": [{"id": "far", "type": "link", "x": 0, "y": 0, "url": url}]});
    let message = error_of(&long_address.to_string());
    assert!(
        message.starts_with("the text of node 'far'"),
        "too long for a link, it is text, and too long: {message}"
    );
}

#[test]
fn unknown_node_types_and_fields_are_kept_and_shown_as_notes() {
    let board = import_text(include_str!("fixtures/unknown-type.canvas")).unwrap();
    let widget = &board.cards["canvas-2"];
    assert_eq!((widget.title.as_str(), widget.text.as_str()), ("widget", ""), "titled with its type");
    assert_eq!(widget.canvas["type"], "widget");
    let text = json!({"nodes": [
        {"id": "s", "type": "sticker", "x": 0, "y": 0, "text": "# Peel me\nsticky", "glue": {"strength": 3}},
        {"id": "p", "type": "portal", "x": 0, "y": 0, "label": "Elsewhere"},
        {"id": "t", "type": "text", "x": 0, "y": 0, "text": "plain", "zIndex": 4, "styleAttributes": {"shape": "pill"}},
    ]});
    let board = import_text(&text.to_string()).unwrap();
    let (sticker, portal, plain) =
        (&board.cards["canvas-1"], &board.cards["canvas-2"], &board.cards["canvas-3"]);
    assert_eq!((sticker.title.as_str(), sticker.text.as_str()), ("Peel me", "sticky"));
    assert_eq!(sticker.canvas["glue"], json!({"strength": 3}));
    assert_eq!(portal.title, "Elsewhere");
    assert_eq!(
        (plain.canvas["zIndex"].clone(), plain.canvas["styleAttributes"].clone()),
        (json!(4), json!({"shape": "pill"}))
    );
    assert!(!plain.canvas.contains_key("x") && !plain.canvas.contains_key("y"), "the place is the card's");
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
    let message = error_of(&json!({"nodes": [{"id": long_id, "type": "text", "y": 0}]}).to_string());
    assert!(message.len() < 200 && message.ends_with("…' has no x"), "a huge id is shortened: {message}");
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
    let mut leads = edges.iter().find(|e| e["id"] == "ballard-leads-unit").unwrap().clone();
    let sides =
        (leads["fromSide"].as_str().unwrap().to_string(), leads["toSide"].as_str().unwrap().to_string());
    assert!(
        [("right", "left"), ("left", "right"), ("top", "bottom"), ("bottom", "top")]
            .contains(&(sides.0.as_str(), sides.1.as_str())),
        "sides that face each other: {sides:?}"
    );
    let fields = leads.as_object_mut().unwrap();
    fields.remove("fromSide");
    fields.remove("toSide");
    assert_eq!(
        leads,
        json!({"id": "ballard-leads-unit", "fromNode": "renee-ballard", "toNode": "cold-case-unit",
                "toEnd": "arrow", "color": "1", "label": "leads"})
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
    assert_eq!(untied["label"], "likely", "an unlabelled string says its confidence");
    assert_eq!(edge("s-2").unwrap()["label"], "met · likely");
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
    assert_eq!(facts(&without_theory_notes(back.clone())), facts_after_round_trip(&board));
    assert_eq!(back.cards.len(), 4, "and the theory's group, as a note titled with its name");
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
        prop_assert_eq!(facts(&without_theory_notes(back.clone())), facts_after_round_trip(&board));
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

/// The node (`list` "nodes") or edge ("edges") of an exported canvas with this id.
fn named<'a>(canvas: &'a Value, list: &str, id: &str) -> &'a Value {
    canvas[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no {list} {id}"))
}

fn node_named<'a>(canvas: &'a Value, id: &str) -> &'a Value {
    named(canvas, "nodes", id)
}

fn edge_named<'a>(canvas: &'a Value, id: &str) -> &'a Value {
    named(canvas, "edges", id)
}

#[test]
fn a_theory_with_its_notes_together_becomes_a_group_around_them_in_its_colour() {
    let mut board = fan_board();
    add_theory(&mut board, "#2a7de1");
    add_card(&mut board, "note-a", "Billets", "", None, (0.0, 0.0));
    add_card(&mut board, "note-b", "Bosch", "", None, (300.0, 40.0));
    add_card(&mut board, "note-far", "Elsewhere", "", None, (3000.0, 0.0));
    for id in ["note-a", "note-b"] {
        board.cards.get_mut(id).unwrap().theory = Some("t".into());
    }
    add_string(&mut board, "s", "note-a", "note-b", "covered up");
    let canvas: Value = serde_json::from_str(&exported(&board)).unwrap();
    let group = &canvas["nodes"][0];
    assert_eq!(
        (&group["id"], &group["type"], &group["label"], &group["color"]),
        (&json!("t"), &json!("group"), &json!("Billets is the mole"), &json!("#2a7de1")),
        "first, so it lies behind its notes"
    );
    let (x, y, width, height) = ["x", "y", "width", "height"].map(|f| group[f].as_i64().unwrap()).into();
    let note = card_size(Kind::Note);
    assert!(x < 0 && y < 0 && x + width > 300 + note.width as i64 && y + height > 40 + note.height as i64);
    assert!(x + width < 3000, "the card of no concern to the theory stays out of its group");
    let string = edge_named(&canvas, "s");
    assert_eq!(
        (&string["label"], &string["color"], &string["toEnd"]),
        (&json!("covered up · likely"), &json!("#2a7de1"), &json!("none"))
    );
    assert_eq!(canvas["nodes"].as_array().unwrap().len(), 4);
}

#[test]
fn a_theory_spread_among_other_cards_becomes_a_note_that_names_it() {
    let mut board = Board::new("ballard", 1);
    add_theory(&mut board, "#2a7de1");
    add_string(&mut board, "s", "grace-billets", "episode-1", "covered up");
    let canvas: Value = serde_json::from_str(&exported(&board)).unwrap();
    let label = node_named(&canvas, "t");
    assert_eq!((&label["type"], &label["color"]), (&json!("text"), &json!("#2a7de1")));
    assert_eq!(
        label["text"], "# Billets is the mole\n\n- Lt. Grace Billets — covered up · likely — Episode 1",
        "its name, and its strings with their confidence"
    );
    let note = card_size(Kind::Note);
    assert_eq!((label["width"].as_f64(), label["height"].as_f64()), (Some(note.width), Some(note.height)));
}

#[test]
fn strings_are_tied_to_the_sides_of_their_cards_that_face_each_other() {
    let mut board = fan_board();
    add_theory(&mut board, "#2a7de1");
    add_card(&mut board, "centre", "", "", None, (0.0, 0.0));
    let around = [
        ("right", (600.0, 0.0), ("right", "left")),
        ("below", (0.0, 600.0), ("bottom", "top")),
        ("left", (-600.0, 30.0), ("left", "right")),
        ("above", (50.0, -600.0), ("top", "bottom")),
        ("right-and-a-little-down", (400.0, 150.0), ("right", "left")),
    ];
    for (id, at, _) in around {
        add_card(&mut board, id, id, "", None, at);
        add_string(&mut board, &format!("to-{id}"), "centre", id, "");
    }
    let canvas: Value = serde_json::from_str(&exported(&board)).unwrap();
    for (id, _, (from, to)) in around {
        let edge = edge_named(&canvas, &format!("to-{id}"));
        assert_eq!((edge["fromSide"].as_str(), edge["toSide"].as_str()), (Some(from), Some(to)), "{id}");
    }
}

#[test]
fn a_changed_card_or_string_from_a_canvas_keeps_the_fields_it_came_with() {
    let mut board = import_text(include_str!("fixtures/obsidian-vault.canvas")).unwrap();
    fn card(board: &mut Board, n: usize) -> &mut FanCard {
        board.cards.get_mut(&format!("canvas-{n}")).unwrap()
    }
    card(&mut board, 6).title = "Billets knew".into();
    card(&mut board, 1).title = "Cases · 1995".into();
    card(&mut board, 2).text = "with a note".into();
    board.strings.get_mut("canvas-string-1").unwrap().label = "shielded".into();
    board.strings.get_mut("canvas-string-2").unwrap().confidence = Confidence::Confirmed;
    let canvas: Value = serde_json::from_str(&exported(&board)).unwrap();

    let text = node_named(&canvas, "e5f60718293a4b5c");
    assert!(text["text"].as_str().unwrap().starts_with("# Billets knew\n\nShe *signed* the 1995 report"));
    assert_eq!((&text["styleAttributes"]["shape"], &text["width"]), (&json!("pill"), &json!(400.5)));
    let group = node_named(&canvas, "5c9d1f2a7b3e4c60");
    assert_eq!(
        (&group["type"], &group["label"], &group["color"]),
        (&json!("group"), &json!("Cases · 1995"), &json!("4"))
    );
    assert_eq!(
        (group["x"].as_i64(), group["y"].as_i64()),
        (Some(-620), Some(-480)),
        "the group where it was"
    );
    let file = node_named(&canvas, "a1f09c2e44d7b318");
    assert_eq!(
        (&file["type"], &file["text"], &file["color"]),
        (&json!("text"), &json!("# Fälle/Renée Ballard – Überblick.md\n\nwith a note"), &json!("1"))
    );
    assert!(file.get("file").is_none(), "a file node with the fan's words is a text node");

    let theory = &board.theories["canvas-theory"].colour;
    let relabelled = edge_named(&canvas, "9a1b2c3d4e5f6071");
    assert_eq!(
        (&relabelled["label"], &relabelled["color"]),
        (&json!("shielded · suspected"), &json!(theory))
    );
    assert_eq!((&relabelled["fromSide"], &relabelled["toSide"]), (&json!("right"), &json!("left")));
    assert_eq!(edge_named(&canvas, "9a1b2c3d4e5f6072")["label"], "covered for · confirmed");
    assert_eq!(edge_named(&canvas, "9a1b2c3d4e5f6073").get("label"), None, "the others as they came");
}

#[test]
fn copies_of_canvas_cards_and_strings_get_ids_of_their_own() {
    let mut board = import_text(include_str!("fixtures/obsidian-vault.canvas")).unwrap();
    let copy = FanCard { id: "copy".into(), ..board.cards["canvas-6"].clone() };
    board.cards.insert("copy".into(), copy);
    board.positions.insert("copy".into(), Point::new(2000.0, 0.0));
    let string = caseboard::model::board::FanString {
        id: "copied-string".into(),
        to: "copy".into(),
        ..board.strings["canvas-string-1"].clone()
    };
    board.strings.insert(string.id.clone(), string);
    let canvas: Value = serde_json::from_str(&exported(&board)).unwrap();
    let ids = |list: &str| -> Vec<String> {
        canvas[list].as_array().unwrap().iter().map(|item| item["id"].as_str().unwrap().to_string()).collect()
    };
    let (nodes, edges) = (ids("nodes"), ids("edges"));
    assert!(nodes.contains(&"e5f60718293a4b5c-2".to_string()), "{nodes:?}");
    for list in [&nodes, &edges] {
        let unique: std::collections::BTreeSet<&String> = list.iter().collect();
        assert_eq!(unique.len(), list.len(), "{list:?}");
    }
    assert_eq!(edge_named(&canvas, "9a1b2c3d4e5f6071-2")["toNode"], "e5f60718293a4b5c-2");
}

proptest! {
    #[test]
    fn a_label_written_with_its_confidence_reads_back_as_both(
        label in prop_oneof!["\\PC{0,30}", "\\PC{0,10}(confirmed|likely| · |suspected|debunked){1,3}"],
        confidence in proptest::sample::select(Confidence::ALL.to_vec()),
    ) {
        let text = json!({
            "nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "text": "a"}],
            "edges": [{"id": "e", "fromNode": "a", "toNode": "a", "label": label_with(&label, confidence)}]
        });
        let board = import_text(&text.to_string()).unwrap();
        let string = board.strings.values().next().unwrap();
        prop_assert_eq!((&string.label, string.confidence), (&label, confidence));
    }
}
