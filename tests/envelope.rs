use caseboard::formats::envelope::{self, decode, decode_with, encode, EnvelopeError, Migration};
use caseboard::model::board::Board;
use caseboard::model::command::Command;
use caseboard::model::geometry::{Point, Viewport};
use caseboard::model::layout::default_layout;
use caseboard::model::universe::Universe;
use proptest::prelude::*;
use serde_json::{json, Value};

fn moved_board(cards: &[(&str, f64, f64)]) -> Board {
    let mut board = Board::new("ballard", 1);
    for (id, x, y) in cards {
        board.moved.insert(id.to_string(), Point::new(*x, *y));
    }
    board.viewport = Some(Viewport {
        x: 12.5,
        y: -40.0,
        zoom: 0.75,
    });
    board
}

#[test]
fn a_board_survives_encode_and_decode() {
    let board = moved_board(&[("renee-ballard", 10.0, -20.5), ("episode-3", 400.0, 900.0)]);
    let text = encode(&board);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "caseboard");
    assert_eq!(value["version"], 1);
    assert_eq!(decode(&text, "ballard"), Ok(board));
}

#[test]
fn corrupt_foreign_and_newer_data_are_told_apart() {
    assert!(matches!(
        decode("{\"format\": \"caseb", "ballard"),
        Err(EnvelopeError::NotJson(_))
    ));
    assert_eq!(
        decode("{\"todos\": []}", "ballard"),
        Err(EnvelopeError::Foreign)
    );
    assert_eq!(decode("[1,2,3]", "ballard"), Err(EnvelopeError::Foreign));
    assert_eq!(
        decode(r#"{"format":"caseboard"}"#, "ballard"),
        Err(EnvelopeError::MissingVersion)
    );
    assert_eq!(
        decode(r#"{"format":"caseboard","version":0}"#, "ballard"),
        Err(EnvelopeError::MissingVersion)
    );
    let newer = json!({"format": "caseboard", "version": 99, "anything": true}).to_string();
    assert_eq!(
        decode(&newer, "ballard"),
        Err(EnvelopeError::Newer { found: 99 })
    );
    assert!(EnvelopeError::Newer { found: 99 }
        .to_string()
        .contains("newer"));
    let other = encode(&Board::new("dept-q", 1));
    assert_eq!(
        decode(&other, "ballard"),
        Err(EnvelopeError::OtherUniverse {
            found: "dept-q".into()
        })
    );
}

#[test]
fn damaged_content_is_invalid_not_a_panic() {
    let cases = [
        json!({"format":"caseboard","version":1,"universe":{"id":"ballard","version":1},"board":{"moved":{"a":{"x":"left","y":0}}}}),
        json!({"format":"caseboard","version":1,"universe":{"id":"ballard","version":1},"board":{"moved":{"a":{"x":1e300,"y":0}}}}),
        json!({"format":"caseboard","version":1,"universe":{"id":"ballard","version":1},"board":{"viewport":{"x":0,"y":0,"zoom":0}}}),
        json!({"format":"caseboard","version":1,"universe":{"id":"ballard","version":1},"board":{"extra":1}}),
        json!({"format":"caseboard","version":1,"board":{}}),
    ];
    for case in cases {
        assert!(
            matches!(
                decode(&case.to_string(), "ballard"),
                Err(EnvelopeError::Invalid(_))
            ),
            "{case}"
        );
    }
    let huge = " ".repeat(envelope::MAX_BYTES + 1);
    assert!(matches!(
        decode(&huge, "ballard"),
        Err(EnvelopeError::TooLarge(_))
    ));
}

/// A pretend version 1 that kept positions as `[x, y]` pairs under `cards`, migrated to today's shape.
fn from_pairs(mut value: Value) -> Result<Value, String> {
    let cards = value["board"]["cards"].take();
    let cards = cards.as_object().ok_or("no cards")?;
    let moved: serde_json::Map<String, Value> = cards
        .iter()
        .map(|(id, pair)| (id.clone(), json!({"x": pair[0], "y": pair[1]})))
        .collect();
    value["board"] = json!({ "moved": moved });
    value["version"] = json!(2);
    Ok(value)
}

#[test]
fn older_versions_are_migrated_step_by_step() {
    let migrations: &[Migration] = &[from_pairs];
    let old = json!({
        "format": "caseboard", "version": 1,
        "universe": {"id": "ballard", "version": 1},
        "board": {"cards": {"harry-bosch": [5, 6]}}
    });
    let board = decode_with(&old.to_string(), "ballard", migrations).unwrap();
    assert_eq!(board.moved["harry-bosch"], Point::new(5.0, 6.0));
    let current = json!({
        "format": "caseboard", "version": 2,
        "universe": {"id": "ballard", "version": 1},
        "board": {"moved": {"harry-bosch": {"x": 7, "y": 8}}}
    });
    assert_eq!(
        decode_with(&current.to_string(), "ballard", migrations)
            .unwrap()
            .moved["harry-bosch"],
        Point::new(7.0, 8.0)
    );
    let newer = json!({"format": "caseboard", "version": 3});
    assert_eq!(
        decode_with(&newer.to_string(), "ballard", migrations),
        Err(EnvelopeError::Newer { found: 3 })
    );
}

#[test]
fn moving_a_card_back_to_its_default_place_forgets_it() {
    let universe = Universe::ballard().unwrap();
    let defaults = default_layout(&universe);
    let home = defaults["harry-bosch"];
    let mut board = Board::new("ballard", 1);
    let away = Command::MoveCard {
        id: "harry-bosch".into(),
        from: home,
        to: home.offset(30.0, 0.0),
    };
    away.apply(&mut board, &defaults);
    assert_eq!(
        board.position("harry-bosch", &defaults),
        Some(home.offset(30.0, 0.0))
    );
    away.revert(&mut board, &defaults);
    assert!(board.moved.is_empty());
}

#[test]
fn reset_reverts_to_exactly_the_board_it_replaced() {
    let defaults = default_layout(&Universe::ballard().unwrap());
    let mut board = moved_board(&[("renee-ballard", 1.0, 2.0)]);
    let before = board.clone();
    let reset = Command::reset(&board);
    reset.apply(&mut board, &defaults);
    assert_eq!(board, Board::new("ballard", 1));
    reset.revert(&mut board, &defaults);
    assert_eq!(board, before);
}

proptest! {
    #[test]
    fn any_board_round_trips(cards in proptest::collection::btree_map("[a-z0-9-]{1,20}", (-1e6..1e6f64, -1e6..1e6f64), 0..40),
                             view in proptest::option::of((-1e5..1e5f64, -1e5..1e5f64, 0.1..4.0f64))) {
        let mut board = Board::new("ballard", 1);
        board.moved = cards.into_iter().map(|(k, (x, y))| (k, Point::new(x, y))).collect();
        board.viewport = view.map(|(x, y, zoom)| Viewport { x, y, zoom });
        prop_assert_eq!(decode(&encode(&board), "ballard"), Ok(board));
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = decode(&text, "ballard");
    }
}
