mod support;

use caseboard::formats::envelope::{self, decode, decode_with, encode, EnvelopeError, Migration};
use caseboard::model::board::{Board, FanCard, Theory};
use caseboard::model::geometry::{Point, Viewport};
use caseboard::model::universe::Kind;
use proptest::prelude::*;
use serde_json::{json, Value};
use support::fan_string;

fn sample_board() -> Board {
    let mut board = Board::new("ballard", 1);
    board.positions.insert("renee-ballard".into(), Point::new(10.0, -20.5));
    board.positions.insert("note-1".into(), Point::new(400.0, 900.0));
    board.hidden.insert("maddie-bosch".into());
    board.cards.insert(
        "note-1".into(),
        FanCard {
            id: "note-1".into(),
            kind: Kind::Note,
            title: String::new(),
            text: "Billets knew <b>all along</b>".into(),
            theory: Some("t-mole".into()),
            url: Some("https://example.org/ballard?ep=1&t=2".into()),
            canvas: Default::default(),
        },
    );
    board.theories.insert(
        "t-mole".into(),
        Theory {
            id: "t-mole".into(),
            name: "Billets is the mole".into(),
            colour: "#2a7de1".into(),
            visible: true,
        },
    );
    board.strings.insert("s-1".into(), fan_string("s-1", "note-1", "grace-billets", "covered up", "t-mole"));
    board.viewport = Some(Viewport { x: 12.5, y: -40.0, zoom: 0.75 });
    board
}

fn stored(board: Value) -> String {
    json!({"format": "caseboard", "version": 2, "universe": {"id": "ballard", "version": 1}, "board": board})
        .to_string()
}

#[test]
fn a_board_survives_encode_and_decode() {
    let board = sample_board();
    let text = encode(&board, 1);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "caseboard");
    assert_eq!(value["version"], 2);
    assert_eq!(decode(&text, "ballard"), Ok(board));
}

#[test]
fn the_revision_is_stored_and_read_back() {
    let text = encode(&sample_board(), 41);
    assert_eq!(envelope::revision_of(&text), 41);
    assert_eq!(envelope::revision_of("{\"format\": \"caseboard\"}"), 0);
    assert_eq!(envelope::revision_of("not json"), 0);
}

#[test]
fn corrupt_foreign_and_newer_data_are_told_apart() {
    assert!(matches!(decode("{\"format\": \"caseb", "ballard"), Err(EnvelopeError::NotJson(_))));
    assert_eq!(decode("{\"todos\": []}", "ballard"), Err(EnvelopeError::Foreign));
    assert_eq!(decode("[1,2,3]", "ballard"), Err(EnvelopeError::Foreign));
    assert_eq!(decode(r#"{"format":"caseboard"}"#, "ballard"), Err(EnvelopeError::MissingVersion));
    assert_eq!(
        decode(r#"{"format":"caseboard","version":0}"#, "ballard"),
        Err(EnvelopeError::MissingVersion)
    );
    let newer = json!({"format": "caseboard", "version": 99, "anything": true}).to_string();
    assert_eq!(decode(&newer, "ballard"), Err(EnvelopeError::Newer { found: 99 }));
    assert!(EnvelopeError::Newer { found: 99 }.to_string().contains("newer"));
    let other = encode(&Board::new("dept-q", 1), 1);
    assert_eq!(decode(&other, "ballard"), Err(EnvelopeError::OtherUniverse { found: "dept-q".into() }));
}

#[test]
fn damaged_content_is_invalid_not_a_panic() {
    let long = "x".repeat(caseboard::model::board::MAX_TEXT + 1);
    let cases = [
        json!({"positions": {"a": {"x": "left", "y": 0}}}),
        json!({"positions": {"a": {"x": 1e300, "y": 0}}}),
        json!({"viewport": {"x": 0, "y": 0, "zoom": 0}}),
        json!({"cards": [{"id": "n", "kind": "note", "text": "no position"}]}),
        json!({"positions": {"n": {"x": 0, "y": 0}}, "cards": [{"id": "n", "kind": "note", "text": long}]}),
        json!({"strings": [{"id": "s", "from": "a", "to": "b", "theory": "gone", "confidence": "likely"}]}),
        json!({"strings": [{"id": "s", "from": "a", "to": "b", "theory": "t", "confidence": "certain"}]}),
        json!({"theories": [{"id": "t", "name": "T", "colour": "red;background:url(x)"}]}),
        json!({"canvas": {"shift": {"x": 1e300, "y": 0}}}),
        json!({"canvas": {"fields": ["not", "an", "object"]}}),
    ];
    for case in cases {
        assert!(matches!(decode(&stored(case.clone()), "ballard"), Err(EnvelopeError::Invalid(_))), "{case}");
    }
    let no_universe = json!({"format": "caseboard", "version": 2, "board": {}}).to_string();
    assert!(matches!(decode(&no_universe, "ballard"), Err(EnvelopeError::Invalid(_))));
    let huge = " ".repeat(envelope::MAX_BYTES + 1);
    assert!(matches!(decode(&huge, "ballard"), Err(EnvelopeError::TooLarge(_))));
}

#[test]
fn unknown_fields_are_ignored_and_the_name_kept() {
    let text = json!({
        "format": "caseboard", "version": 2, "name": "My mole theory", "from_the_future": true,
        "universe": {"id": "ballard", "version": 1, "colour": "blue"},
        "board": {"extra": 1, "positions": {"n": {"x": 1, "y": 2}},
                  "cards": [{"id": "n", "kind": "note", "text": "hi", "stamp": 3}]}
    })
    .to_string();
    let board = decode(&text, "ballard").unwrap();
    assert_eq!(board.name, "My mole theory");
    assert_eq!(board.cards["n"].text, "hi");
}

#[test]
fn a_version_1_board_is_migrated() {
    let v1 = json!({
        "format": "caseboard", "version": 1,
        "universe": {"id": "ballard", "version": 1},
        "board": {"moved": {"harry-bosch": {"x": 5, "y": 6}}, "viewport": {"x": 1, "y": 2, "zoom": 0.5}}
    });
    let board = decode(&v1.to_string(), "ballard").unwrap();
    assert_eq!(board.positions["harry-bosch"], Point::new(5.0, 6.0));
    assert_eq!(board.viewport, Some(Viewport { x: 1.0, y: 2.0, zoom: 0.5 }));
    assert!(board.cards.is_empty() && board.strings.is_empty() && board.theories.is_empty());
}

/// A made-up step to a version 3 that only counts how often it ran, to show that steps chain.
fn count_the_step(mut value: Value) -> Result<Value, String> {
    let board = value["board"].as_object_mut().ok_or("no board")?;
    let ran = board.get("hidden").and_then(Value::as_array).map_or(0, Vec::len);
    board.insert("hidden".into(), json!([format!("stepped-{ran}")]));
    value["version"] = json!(3);
    Ok(value)
}

#[test]
fn migrations_run_in_a_chain_from_any_older_version() {
    let all: Vec<Migration> =
        envelope::MIGRATIONS.iter().copied().chain([count_the_step as Migration]).collect();
    let v1 = json!({"format": "caseboard", "version": 1, "universe": {"id": "ballard", "version": 1},
                    "board": {"moved": {"harry-bosch": {"x": 5, "y": 6}}}});
    let board = decode_with(&v1.to_string(), "ballard", &all).unwrap();
    assert_eq!(board.positions["harry-bosch"], Point::new(5.0, 6.0), "the real step ran");
    assert!(board.hidden.contains("stepped-0"), "then the made-up one");
    let v3 = json!({"format": "caseboard", "version": 3, "universe": {"id": "ballard", "version": 1},
                    "board": {"hidden": ["as-stored"]}});
    assert!(decode_with(&v3.to_string(), "ballard", &all).unwrap().hidden.contains("as-stored"));
    let v4 = json!({"format": "caseboard", "version": 4});
    assert_eq!(decode_with(&v4.to_string(), "ballard", &all), Err(EnvelopeError::Newer { found: 4 }));
    let broken = json!({"format": "caseboard", "version": 2, "board": 7});
    assert!(matches!(decode_with(&broken.to_string(), "ballard", &all), Err(EnvelopeError::Invalid(_))));
}

proptest! {
    #[test]
    fn any_board_round_trips(cards in proptest::collection::btree_map("[a-z0-9-]{1,20}", (-1e6..1e6f64, -1e6..1e6f64), 0..40),
                             hidden in proptest::collection::btree_set("[a-z-]{1,12}", 0..5),
                             view in proptest::option::of((-1e5..1e5f64, -1e5..1e5f64, Viewport::MIN_ZOOM..Viewport::MAX_ZOOM))) {
        let mut board = sample_board();
        // The model keeps positions to a hundredth and zoom to four decimals, which JSON carries exactly.
        board.positions.extend(cards.into_iter().map(|(k, (x, y))| (k, Point::new(x, y).rounded())));
        board.hidden.extend(hidden);
        board.viewport = view.map(|(x, y, zoom)| Viewport { x, y, zoom }.rounded());
        prop_assert_eq!(decode(&encode(&board, 1), "ballard"), Ok(board));
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = decode(&text, "ballard");
    }
}

#[test]
fn boards_from_outside_must_fit_the_universe() {
    use caseboard::formats::envelope::check_against;
    let universe = caseboard::model::universe::Universe::ballard().unwrap();
    let board = sample_board();
    assert_eq!(check_against(&board, &universe), Ok(()));
    let mut stray = board.clone();
    stray.positions.insert("nobody".into(), caseboard::model::geometry::Point::new(0.0, 0.0));
    assert!(check_against(&stray, &universe).unwrap_err().to_string().contains("'nobody'"));
    let mut hidden = board.clone();
    hidden.hidden.insert("ghost".into());
    assert!(check_against(&hidden, &universe).unwrap_err().to_string().contains("'ghost'"));
    let mut dangling = board;
    dangling.strings.get_mut("s-1").unwrap().to = "missing-card".into();
    assert!(check_against(&dangling, &universe).unwrap_err().to_string().contains("'missing-card'"));
}

#[test]
fn a_card_links_only_to_web_addresses() {
    let card = |url: &str| {
        json!({"positions": {"n": {"x": 0, "y": 0}},
               "cards": [{"id": "n", "kind": "note", "url": url}]})
    };
    for url in
        ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", " https://x.org", "ftp://x.org"]
    {
        match decode(&stored(card(url)), "ballard") {
            Err(EnvelopeError::Invalid(message)) => {
                assert!(message.contains("card 'n'") && message.contains("http"), "{message}")
            }
            other => panic!("{url} was not refused: {other:?}"),
        }
    }
    for url in ["https://example.org/a?b=1&c=2", "HTTP://EXAMPLE.ORG"] {
        assert_eq!(decode(&stored(card(url)), "ballard").unwrap().cards["n"].url.as_deref(), Some(url));
    }
    let long = format!("https://example.org/{}", "x".repeat(3000));
    assert!(matches!(decode(&stored(card(&long)), "ballard"), Err(EnvelopeError::Invalid(_))));
    let capped = FanCard { url: Some(long), ..sample_board().cards["note-1"].clone() }.capped();
    assert_eq!(capped.url.map(|u| u.chars().count()), Some(caseboard::model::board::MAX_URL));
}

#[test]
fn the_horizon_and_filters_are_kept_and_unknown_kinds_still_read() {
    use caseboard::model::filter::Filters;
    let mut board = sample_board();
    board.horizon = Some(4);
    board.filters = Filters::default().toggled_kind("episode").toggled_kind("fan");
    board.filters.canon_strings = false;
    board.pinned.insert("note-1".into());
    board.pinned.insert("harry-bosch".into());
    assert_eq!(decode(&encode(&board, 1), "ballard").unwrap(), board);
    let plain = decode(&encode(&sample_board(), 1), "ballard").unwrap();
    assert_eq!((plain.horizon, plain.filters), (None, Filters::default()));
    let future = stored(json!({"horizon": 99, "filters": {"hidden_kinds": ["spaceship"]}}));
    let read = decode(&future, "ballard").unwrap();
    assert_eq!(read.horizon, Some(99), "checked against the universe by the caller");
    assert_eq!(read.filters.unknown_kinds(), vec!["spaceship".to_string()]);
    let hostile: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
    assert!(decode(&stored(json!({"filters": {"hidden_kinds": hostile}})), "ballard").is_err());
}

fn refusal(text: &str) -> String {
    match decode(text, "ballard") {
        Err(EnvelopeError::Invalid(message)) => message,
        other => panic!("not refused as damaged: {other:?}"),
    }
}

#[test]
fn two_records_with_one_id_are_refused_naming_the_id() {
    let note = |text: &str| json!({"id": "n-1", "kind": "note", "text": text});
    let cards =
        stored(json!({"positions": {"n-1": {"x": 0, "y": 0}}, "cards": [note("first"), note("second")]}));
    assert_eq!(refusal(&cards), "two cards have the id 'n-1'");
    let string = json!({"id": "s-1", "from": "harry-bosch", "to": "grace-billets", "theory": "t", "confidence": "likely"});
    let theory = json!({"id": "t", "name": "T", "colour": "#123456"});
    let strings = stored(json!({"theories": [theory], "strings": [string, string]}));
    assert_eq!(refusal(&strings), "two strings have the id 's-1'");
    let theories = stored(json!({"theories": [theory, theory]}));
    assert_eq!(refusal(&theories), "two theories have the id 't'");
    // JSON lets an object name a key twice; a card placed twice is refused, not half read.
    let twice = r#"{"format":"caseboard","version":2,"universe":{"id":"ballard","version":1},
        "board":{"positions":{"harry-bosch":{"x":1,"y":2},"harry-bosch":{"x":3,"y":4}}}}"#;
    assert!(refusal(twice).starts_with("card 'harry-bosch' has two positions"), "{}", refusal(twice));
}

#[test]
fn a_fan_id_that_is_a_canon_id_is_refused_where_the_universe_is_known() {
    use caseboard::formats::envelope::decode_for;
    let universe = caseboard::model::universe::Universe::ballard().unwrap();
    assert_eq!(decode_for(&encode(&sample_board(), 1), &universe), Ok(sample_board()));
    let mut card = sample_board();
    let note = FanCard { id: "harry-bosch".into(), ..card.cards["note-1"].clone() };
    card.cards.insert(note.id.clone(), note);
    card.positions.insert("harry-bosch".into(), Point::new(1.0, 2.0));
    let text = encode(&card, 1);
    // Decoding knows only the universe's id: the board is well formed, but not for Ballard.
    assert!(decode(&text, "ballard").is_ok());
    assert_eq!(
        decode_for(&text, &universe),
        Err(EnvelopeError::Invalid(
            "the fan's card 'harry-bosch' has the id of a canon card or string".into()
        ))
    );
    let canon_string = &universe.links[0].id;
    let mut string = sample_board();
    let tie =
        caseboard::model::board::FanString { id: canon_string.clone(), ..string.strings["s-1"].clone() };
    string.strings.insert(tie.id.clone(), tie);
    let message = decode_for(&encode(&string, 1), &universe).unwrap_err().to_string();
    assert!(message.contains(&format!("string '{canon_string}'")), "{message}");
}

#[test]
fn a_tall_board_stays_tall_and_an_unknown_arrangement_reads_as_wide() {
    use caseboard::model::board::Arrangement;
    let tall = Board { arrangement: Arrangement::Tall, ..sample_board() };
    let text = encode(&tall, 1);
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap()["board"]["arrangement"], "tall");
    assert_eq!(decode(&text, "ballard"), Ok(tall));
    // A wide board writes nothing, as boards did before arrangements.
    assert!(!encode(&sample_board(), 1).contains("arrangement"));
    let odd = decode(&stored(json!({"arrangement": "diagonal"})), "ballard").unwrap();
    assert_eq!(odd.arrangement, Arrangement::Wide);
}

/// An earlier Caseboard named boards past 80 characters ("<76 characters> (10)"); such a board
/// still reads (the board list fits its name), where it was refused and backed up on every load.
#[test]
fn a_name_past_the_cap_never_makes_a_board_unreadable() {
    let name = format!("{} (10)", "x".repeat(76));
    let board = Board { name: name.clone(), ..sample_board() };
    assert_eq!(decode(&encode(&board, 1), "ballard").map(|b| b.name), Ok(name));
}
