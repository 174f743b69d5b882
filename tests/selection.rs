//! Where keyboard focus goes when the focused card is deleted.

use caseboard::model::selection::focus_after_delete;
use std::collections::BTreeSet;

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

const ORDER: [&str; 5] = ["a", "b", "c", "d", "e"];

#[test]
fn focus_moves_to_the_next_card_that_stays() {
    assert_eq!(focus_after_delete(&ORDER, &set(&["b"]), "b"), Some("c"));
    assert_eq!(focus_after_delete(&ORDER, &set(&["b", "c", "d"]), "b"), Some("e"));
}

#[test]
fn at_the_end_focus_moves_back() {
    assert_eq!(focus_after_delete(&ORDER, &set(&["e"]), "e"), Some("d"));
    assert_eq!(focus_after_delete(&ORDER, &set(&["c", "d", "e"]), "d"), Some("b"));
}

#[test]
fn nothing_when_every_card_goes_or_the_focused_one_stays() {
    assert_eq!(focus_after_delete(&ORDER, &set(&ORDER), "c"), None);
    assert_eq!(focus_after_delete(&ORDER, &set(&["a"]), "c"), None);
    assert_eq!(focus_after_delete(&ORDER, &set(&["zz"]), "zz"), None);
}
