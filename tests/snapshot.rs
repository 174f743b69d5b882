//! The stored form of a returning fan's board picture (`formats::snapshot`), as the page's
//! script (`static/snapshot.js`) reads it: a JSON object with its format, version, build, board
//! and markup.

use caseboard::formats::snapshot::{encode, FORMAT, MAX_MARKUP, VERSION};
use proptest::prelude::*;

#[test]
fn names_its_format_build_and_board() {
    let text = encode("/caseboard-1a2b_bg.wasm", "ballard", "<main class=\"stage\"></main>").unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["version"], VERSION);
    assert_eq!(value["build"], "/caseboard-1a2b_bg.wasm");
    assert_eq!(value["board"], "ballard");
    assert_eq!(value["markup"], "<main class=\"stage\"></main>");
}

#[test]
fn markup_too_long_is_not_kept() {
    let longest = "é".repeat(MAX_MARKUP);
    assert!(encode("b", "ballard", &longest).is_some(), "the limit counts characters, not bytes");
    assert!(encode("b", "ballard", &format!("{longest}x")).is_none());
}

proptest! {
    /// Whatever the markup holds (quotes, backslashes, line breaks, any character), the script
    /// gets it back as it was.
    #[test]
    fn markup_comes_back_whole(markup in "\\PC{0,300}", board in "[a-z0-9_-]{1,20}") {
        let text = encode("build", &board, &markup).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(value["markup"].as_str(), Some(markup.as_str()));
        prop_assert_eq!(value["board"].as_str(), Some(board.as_str()));
    }
}
