mod support;

use caseboard::model::board::{Board, FanCard, Key, Theory};
use caseboard::model::command::Command;
use caseboard::model::geometry::Point;
use caseboard::model::merge::merge;
use caseboard::model::universe::Kind;
use proptest::prelude::*;
use std::collections::HashMap;
use support::fan_string;

fn moved(board: &Board, id: &str, x: f64) -> Board {
    let mut next = board.clone();
    Command::move_cards(board, &HashMap::new(), &[(id.to_string(), Point::new(x, 0.0))]).apply(&mut next);
    next
}

fn merged(base: &Board, ours: &Board, theirs: &Board) -> (Board, Vec<Key>) {
    let m = merge(base, ours, theirs);
    let mut result = ours.clone();
    m.command.apply(&mut result);
    (result, m.conflicts)
}

#[test]
fn changes_to_different_cards_are_both_kept() {
    let base = Board::new("ballard", 1);
    let ours = moved(&base, "harry-bosch", 10.0);
    let theirs = moved(&base, "grace-billets", 20.0);
    let (result, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(result.positions["harry-bosch"], Point::new(10.0, 0.0));
    assert_eq!(result.positions["grace-billets"], Point::new(20.0, 0.0));
    assert!(conflicts.is_empty());
}

#[test]
fn when_both_change_one_card_theirs_wins_and_it_is_reported() {
    let base = Board::new("ballard", 1);
    let ours = moved(&base, "harry-bosch", 10.0);
    let theirs = moved(&base, "harry-bosch", 99.0);
    let (result, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(result.positions["harry-bosch"], Point::new(99.0, 0.0));
    assert_eq!(conflicts, vec![Key::Position("harry-bosch".into())]);
}

/// A tab saved a move; the other tab read that save and moved the card on. Merged against the
/// first tab's own save (what `Persistence::base_for` gives for a later revision), the move on
/// top wins without a conflict. (Merged against the board both loaded, a move back to the loaded
/// place looked like no change, and the first tab kept its own: `tabs.spec.ts` shows that.)
#[test]
fn a_change_made_on_top_of_our_save_wins_when_our_save_is_the_base() {
    let loaded = Board::new("ballard", 1);
    let ours = moved(&loaded, "harry-bosch", -50.0);
    let theirs = moved(&ours, "harry-bosch", 50.0);
    let (result, conflicts) = merged(&ours, &ours, &theirs);
    assert_eq!(result.positions["harry-bosch"], Point::new(50.0, 0.0));
    assert!(conflicts.is_empty());
}

#[test]
fn a_record_the_other_tab_deleted_goes_and_one_it_added_comes() {
    let mut base = Board::new("ballard", 1);
    let theory = Theory { id: "t".into(), name: "T".into(), colour: "#123456".into(), visible: true };
    Command::add_theory(&base, theory).apply(&mut base);
    let card = FanCard {
        id: "n".into(),
        kind: Kind::Note,
        title: String::new(),
        text: "x".into(),
        theory: None,
        url: None,
        canvas: Default::default(),
    };
    Command::add_card(&base.clone(), card, Point::new(0.0, 0.0)).apply(&mut base);
    let mut theirs = base.clone();
    Command::remove_theory(&base, "t").apply(&mut theirs);
    let string = fan_string("s", "n", "harry-bosch", "", "t");
    let mut ours = base.clone();
    Command::add_string(&base, string).apply(&mut ours);
    let (result, _) = merged(&base, &ours, &theirs);
    assert!(result.theories.is_empty());
    assert!(
        result.strings.contains_key("s"),
        "our own new string stays (its theory is gone: it is not drawn)"
    );
}

proptest! {
    #[test]
    fn merging_with_no_change_on_one_side_gives_the_other(xs in proptest::collection::vec((0usize..5, -100.0..100.0f64), 0..12)) {
        let ids = ["a", "b", "c", "d", "e"];
        let base = Board::new("ballard", 1);
        let mut changed = base.clone();
        for (i, x) in xs {
            changed = moved(&changed, ids[i], x);
        }
        prop_assert_eq!(merged(&base, &base, &changed).0, changed.clone());
        prop_assert_eq!(merged(&base, &changed, &base).0, changed.clone());
        prop_assert!(merged(&base, &changed, &changed).1.is_empty());
    }
}

#[test]
fn two_tabs_that_saved_over_each_other_unseen_still_keep_both_changes() {
    // Both tabs start from the same board; each saves its own change without seeing the other's.
    let base = Board::new("ballard", 1);
    let page = moved(&base, "grace-billets", 50.0);
    let other = moved(&base, "tara-evans", -50.0);
    // The page then receives the other tab's save, which lacks the page's move: against the
    // common ancestor, that absence is not a revert.
    let (result, conflicts) = merged(&base, &page, &other);
    assert!(conflicts.is_empty());
    assert!(result.same_records(&moved(&page, "tara-evans", -50.0)));
}
