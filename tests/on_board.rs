//! The one rule of what is on the board (`model::on_board`), which the board on screen, search,
//! focus and pictures share.

mod support;

use caseboard::model::board::Board;
use caseboard::model::filter::{Filters, FAN_CARDS};
use caseboard::model::horizon::{entity_known, Horizon};
use caseboard::model::on_board::OnBoard;
use caseboard::model::universe::{Kind, Universe};
use proptest::prelude::*;
use std::sync::OnceLock;
use support::{fan_string, note, theory};

fn ballard() -> &'static Universe {
    static UNIVERSE: OnceLock<Universe> = OnceLock::new();
    UNIVERSE.get_or_init(|| Universe::ballard().unwrap())
}

#[test]
fn filters_hidden_cards_and_switched_off_theories_keep_cards_off() {
    let mut board = Board::new("ballard", 1);
    board.theories.insert("off".into(), theory("off", "#1f6feb", false));
    board.cards.insert("n-off".into(), note("n-off", "", "hunch", Some("off")));
    board.cards.insert("n-gone".into(), note("n-gone", "", "hunch", Some("deleted-theory")));
    board.hidden.insert("harry-bosch".into());
    let everything = Filters::default();
    let on =
        OnBoard { universe: ballard(), board: &board, filters: &everything, horizon: Horizon::Everything };
    assert!(!on.has_card("harry-bosch") && on.hidden_canon().any(|e| e.id == "harry-bosch"));
    assert!(!on.has_card("n-off"), "a switched-off theory's card");
    assert!(on.has_card("n-gone"), "a card whose theory is gone still shows");
    assert!(!on.has_card("no-such-card"));
    let no_characters = everything.toggled_kind("character");
    let on = OnBoard { filters: &no_characters, ..on };
    assert!(on.canon_cards().all(|e| e.kind != Kind::Character));
    assert!(on.canon_links().all(|l| on.has_card(&l.from) && on.has_card(&l.to)));
    let no_fan = everything.toggled_kind(FAN_CARDS);
    assert_eq!(OnBoard { filters: &no_fan, ..on }.fan_cards().count(), 0);
}

proptest! {
    #[test]
    fn what_is_listed_is_on_the_board_and_strings_tie_cards_on_it(
        hidden in proptest::collection::vec(0usize..200, 0..20),
        visible in proptest::collection::vec(any::<bool>(), 3),
        hidden_kind in 0usize..7,
        canon_strings: bool,
        theory_strings: bool,
        horizon in 0u32..12,
    ) {
        let universe = ballard();
        let mut board = Board::new("ballard", 1);
        for i in hidden {
            if let Some(e) = universe.entities.get(i % universe.entities.len()) {
                board.hidden.insert(e.id.clone());
            }
        }
        for (i, v) in visible.iter().enumerate() {
            board.theories.insert(format!("t{i}"), theory(&format!("t{i}"), "#1f6feb", *v));
            board.cards.insert(format!("n{i}"), note(&format!("n{i}"), "", "hunch", Some(&format!("t{i}"))));
        }
        let ends = [universe.entities[0].id.clone(), "n0".into(), "n1".into(), "n2".into(), universe.entities[3].id.clone()];
        for (i, pair) in ends.windows(2).enumerate() {
            let s = fan_string(&format!("s{i}"), &pair[0], &pair[1], "", &format!("t{}", i % 3));
            board.strings.insert(s.id.clone(), s);
        }
        let mut filters = Filters { canon_strings, theory_strings, ..Filters::default() };
        let kinds = ["character", "case", "episode", "place", "evidence", FAN_CARDS];
        if let Some(kind) = kinds.get(hidden_kind) {
            filters = filters.toggled_kind(kind);
        }
        let horizon = match horizon { 0 => Horizon::Nothing, 11 => Horizon::Everything, n => Horizon::Episode(n) };
        let on = OnBoard { universe, board: &board, filters: &filters, horizon };
        for e in on.canon_cards() {
            prop_assert!(on.has_card(&e.id) && entity_known(e, horizon, universe.episodes));
            prop_assert!(!board.hidden.contains(&e.id));
        }
        for e in on.hidden_canon() {
            prop_assert!(!on.has_card(&e.id));
        }
        for c in on.fan_cards() {
            prop_assert!(on.has_card(&c.id));
        }
        for (from, to, _) in on.strings() {
            prop_assert!(on.has_card(from) && on.has_card(to), "{} → {}", from, to);
        }
        prop_assert!(canon_strings || on.canon_links().next().is_none());
        prop_assert!(theory_strings || on.fan_strings().next().is_none());
    }
}
