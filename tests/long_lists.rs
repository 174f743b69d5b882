//! Long lists: pages of rows with "Show more", and the Theories panel's counts made in one pass.

mod support;

use caseboard::model::board::Board;
use caseboard::model::horizon::Horizon;
use caseboard::model::paging::{
    chips_drawn, grouped, more_button, rows_drawn, rows_shown, shown_of, CHIPS, PAGE,
};
use caseboard::model::theory_counts::{theory_counts, TheoryCounts};
use proptest::prelude::*;
use std::collections::BTreeSet;
use support::{fan_string, note, theory};

proptest! {
    /// The timeline draws every chip of a short season; of a long show, a row of `CHIPS` chips
    /// within the show that always holds the one the fan is on.
    #[test]
    fn the_chips_drawn_hold_the_fans_episode(episodes in 0u32..1_200, pick in 0u32..1_200) {
        let anchor = if episodes == 0 { 0 } else { 1 + pick % episodes };
        let drawn = chips_drawn(episodes, anchor);
        if episodes <= CHIPS {
            prop_assert_eq!(drawn, 1..=episodes);
        } else {
            prop_assert_eq!(drawn.clone().count() as u32, CHIPS);
            prop_assert!(*drawn.start() >= 1 && *drawn.end() <= episodes);
            prop_assert!(drawn.contains(&anchor));
        }
    }

    /// Every page shows more rows than the last until all are shown, and never more than there are;
    /// the button is offered exactly while rows remain, and never promises more than are left.
    #[test]
    fn pages_grow_to_the_whole_list(total in 0usize..2_000, pages in 1usize..60) {
        let shown = rows_shown(total, pages);
        prop_assert!(shown <= total);
        prop_assert_eq!(shown, total.min(pages * PAGE));
        let next = rows_shown(total, pages + 1);
        prop_assert!(next > shown || shown == total);
        match more_button(total, shown, "rows") {
            None => prop_assert_eq!(shown, total),
            Some(words) => {
                let promised: usize = words.trim_start_matches("Show ").trim_end_matches(" more rows")
                    .replace(',', "").parse().unwrap();
                prop_assert_eq!(promised, next - shown);
            }
        }
        prop_assert_eq!(shown_of(total, shown, "rows").is_some(), shown < total);
    }

    /// Grouped digits read back as the number.
    #[test]
    fn grouped_reads_back(n in any::<u32>()) {
        let text = grouped(n as usize);
        prop_assert_eq!(text.replace(',', "").parse::<u32>().unwrap(), n);
        prop_assert!(text.split(',').skip(1).all(|group| group.len() == 3));
    }
}

#[test]
fn a_list_says_how_much_is_unshown() {
    assert_eq!(rows_shown(50_000, 1), PAGE);
    assert_eq!(rows_shown(0, 0), 0);
    assert_eq!(shown_of(50_000, 50, "theories").as_deref(), Some("Showing the first 50 of 50,000 theories."));
    assert_eq!(more_button(70, 50, "cards").as_deref(), Some("Show 20 more cards"));
    assert_eq!(grouped(1_234_567), "1,234,567");
    assert_eq!(grouped(999), "999");
}

#[test]
fn a_row_the_fan_works_with_is_drawn_past_the_shown_pages_in_list_order() {
    let rows: Vec<usize> = (0..200).collect();
    let drawn: Vec<usize> = rows_drawn(&rows, PAGE, |r| *r == 150 || *r == 3).copied().collect();
    assert_eq!(drawn.len(), PAGE + 1);
    assert_eq!(drawn[..PAGE], rows[..PAGE]);
    assert_eq!(drawn[PAGE], 150);
}

fn counted_board() -> Board {
    let mut board = Board::new("ballard", 1);
    board.theories.insert("mole".into(), theory("mole", "#2a7de1", true));
    board.theories.insert("empty".into(), theory("empty", "#2a7de1", true));
    board.cards.insert("note-1".into(), note("note-1", "", "Billets knew", Some("mole")));
    board.cards.insert("note-2".into(), note("note-2", "", "no theory", None));
    board.strings.insert("s1".into(), fan_string("s1", "note-1", "seen", "knew", "mole"));
    board.strings.insert("s2".into(), fan_string("s2", "note-1", "unseen", "hid", "mole"));
    board
}

#[test]
fn counts_keep_what_lies_beyond_the_horizon_apart() {
    let board = counted_board();
    let seen: BTreeSet<&str> = ["note-1", "note-2", "seen"].into();
    let counts = theory_counts(&board, |card| seen.contains(card));
    let mole = &counts["mole"];
    assert_eq!(mole, &TheoryCounts { strings_shown: 1, strings_beyond: 1, notes: 1, cards: 0 });
    assert!(!counts.contains_key("empty"), "a theory that holds nothing has no entry");
    assert_eq!(mole.words(Horizon::Episode(3)), "1 string shown, 1 beyond episode 3 · 1 note");
    assert_eq!(TheoryCounts::default().words(Horizon::Everything), "0 strings · 0 notes");
}

proptest! {
    /// One pass gives each theory what counting it alone would: every string and fan card with a
    /// theory is counted once, in its own theory.
    #[test]
    fn one_pass_counts_every_theory_alone(links in proptest::collection::vec((0usize..4, 0usize..6, 0usize..6), 0..40)) {
        let mut board = Board::new("ballard", 1);
        for t in 0..4 {
            board.theories.insert(format!("t{t}"), theory(&format!("t{t}"), "#2a7de1", true));
        }
        for (i, (t, from, to)) in links.iter().enumerate() {
            let (from, to) = (format!("c{from}"), format!("c{to}"));
            board.strings.insert(format!("s{i}"), fan_string(&format!("s{i}"), &from, &to, "", &format!("t{t}")));
            if i % 3 == 0 {
                board.cards.insert(format!("n{i}"), note(&format!("n{i}"), "", "", Some(&format!("t{t}"))));
            }
        }
        let known = |card: &str| card != "c5";
        let counts = theory_counts(&board, known);
        for t in board.theories.keys() {
            let own: Vec<_> = board.strings.values().filter(|s| &s.theory == t).collect();
            let shown = own.iter().filter(|s| known(&s.from) && known(&s.to)).count();
            let notes = board.cards.values().filter(|c| c.theory.as_ref() == Some(t)).count();
            let got = counts.get(t).cloned().unwrap_or_default();
            prop_assert_eq!(got, TheoryCounts { strings_shown: shown, strings_beyond: own.len() - shown, notes, cards: 0 });
        }
    }
}
