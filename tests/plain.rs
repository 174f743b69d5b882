//! serde_json's messages, as the fan reads them when a board file is refused.

use caseboard::formats::envelope::decode;
use caseboard::formats::plain::plain_json_error;

fn board_with(board: &str) -> String {
    format!(
        r#"{{"format":"caseboard","version":2,"name":"B","universe":{{"id":"ballard","version":1}},"board":{board}}}"#
    )
}

fn refusal(text: &str) -> String {
    decode(text, "ballard").expect_err("the board is refused").to_string()
}

#[test]
fn a_wrong_type_is_named_in_words_not_rust_types() {
    let message = refusal(&board_with(r#"{"positions":{"harry-bosch":{"x":"NaN","y":0}}}"#));
    assert!(message.contains(r#"the text "NaN" where a number should be"#), "{message}");
    assert!(!message.contains("f64"), "{message}");
    let message = refusal(&board_with(r#"{"cards":{"a":1}}"#));
    assert!(message.contains("an object where a list should be"), "{message}");
}

#[test]
fn missing_fields_and_unknown_values_are_quoted() {
    let message = refusal(&board_with(r#"{"cards":[{"kind":"note","text":"x"}]}"#));
    assert!(message.contains(r#"the field "id" is missing"#), "{message}");
    let string = r#"{"id":"s","from":"a","to":"b","label":"","theory":"t","confidence":"maybe"}"#;
    let message = refusal(&board_with(&format!(r#"{{"strings":[{string}]}}"#)));
    assert!(message.contains(r#""maybe" is not one of the values allowed there"#), "{message}");
}

#[test]
fn broken_json_says_where() {
    let message = refusal("{\"format\": \"caseboard\",\n \"version\": 2,");
    assert!(message.contains("the text ends before the JSON does"), "{message}");
    assert!(message.contains(", at line 2, column"), "{message}");
    assert_eq!(
        refusal("hello"),
        "it is not valid JSON (no JSON value where one should be, at line 1, column 1)"
    );
}

#[test]
fn a_message_it_does_not_know_is_kept_as_it_is() {
    assert_eq!(plain_json_error("something new"), "something new");
    assert_eq!(
        plain_json_error("trailing characters at line 3 column 9"),
        "more text after the JSON ends, at line 3, column 9"
    );
}
