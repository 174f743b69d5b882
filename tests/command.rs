use caseboard::model::board::Arrangement;
mod support;

use caseboard::model::board::{Board, Confidence, FanCard, FanString, Theory};
use caseboard::model::command::{Clip, Command};
use caseboard::model::geometry::Point;
use caseboard::model::history::{History, UNDO_LIMIT};
use caseboard::model::layout::default_layout;
use caseboard::model::universe::Universe;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashMap};
use support::{note, theory};

fn string(id: &str, from: &str, to: &str, theory: &str) -> FanString {
    FanString {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        label: "lied".into(),
        theory: theory.into(),
        confidence: Confidence::default(),
        canvas: Default::default(),
    }
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

struct Fixture {
    universe: Universe,
    defaults: HashMap<String, Point>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: std::sync::OnceLock<Fixture> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(|| {
        let universe = Universe::ballard().unwrap();
        let defaults = default_layout(&universe, Arrangement::Wide);
        Fixture { universe, defaults }
    })
}

fn run(board: &mut Board, history: &mut History, make: impl FnOnce(&Board) -> Command) {
    let command = make(board);
    command.apply(board);
    history.record(command);
}

#[test]
fn moving_a_canon_card_home_forgets_the_override() {
    let f = fixture();
    let home = f.defaults["harry-bosch"];
    let mut board = Board::new("ballard", 1);
    let away = Command::move_cards(&board, &f.defaults, &[("harry-bosch".into(), home.offset(30.0, 0.0))]);
    away.apply(&mut board);
    assert_eq!(board.position("harry-bosch", &f.defaults), Some(home.offset(30.0, 0.0).rounded()));
    let back = Command::move_cards(&board, &f.defaults, &[("harry-bosch".into(), home)]);
    back.apply(&mut board);
    assert!(board.positions.is_empty());
    back.revert(&mut board);
    away.revert(&mut board);
    assert_eq!(board, Board::new("ballard", 1));
}

#[test]
fn a_string_is_not_tied_twice_in_the_same_theory() {
    let mut board = Board::new("ballard", 1);
    Command::add_theory(&board, theory("t1", "#3366cc", true)).apply(&mut board);
    Command::add_theory(&board, theory("t2", "#3366cc", true)).apply(&mut board);
    Command::add_string(&board, string("s1", "harry-bosch", "grace-billets", "t1")).apply(&mut board);
    assert!(Command::add_string(&board, string("s2", "harry-bosch", "grace-billets", "t1")).is_empty());
    assert!(Command::add_string(&board, string("s3", "grace-billets", "harry-bosch", "t1")).is_empty());
    assert!(Command::add_string(&board, string("s4", "harry-bosch", "harry-bosch", "t1")).is_empty());
    assert!(!Command::add_string(&board, string("s5", "harry-bosch", "grace-billets", "t2")).is_empty());
}

#[test]
fn deleting_removes_fan_cards_with_their_strings_and_hides_canon_ones() {
    let f = fixture();
    let mut board = Board::new("ballard", 1);
    Command::add_theory(&board, theory("t", "#3366cc", true)).apply(&mut board);
    Command::add_card(&board, note("n1", "", "suspect", None), Point::new(1.0, 2.0)).apply(&mut board);
    Command::add_string(&board, string("s1", "n1", "harry-bosch", "t")).apply(&mut board);
    Command::add_string(&board, string("s2", "harry-bosch", "grace-billets", "t")).apply(&mut board);
    Command::set_pinned(&board, &["n1".into()], true).apply(&mut board);
    let before = board.clone();
    let delete = Command::delete(&board, &f.universe, &set(&["n1", "harry-bosch"]), &BTreeSet::new());
    delete.apply(&mut board);
    assert!(board.cards.is_empty() && !board.positions.contains_key("n1"));
    assert!(board.pinned.is_empty(), "the deleted card's pin goes with it");
    assert!(board.hidden.contains("harry-bosch"));
    assert_eq!(board.strings.keys().collect::<Vec<_>>(), ["s2"], "a string to a hidden canon card stays");
    delete.revert(&mut board);
    assert_eq!(board, before);
}

#[test]
fn removing_a_theory_takes_its_strings_and_frees_its_cards() {
    let mut board = Board::new("ballard", 1);
    Command::add_theory(&board, theory("t", "#3366cc", true)).apply(&mut board);
    let card = FanCard { theory: Some("t".into()), ..note("n1", "", "", None) };
    Command::add_card(&board, card, Point::new(0.0, 0.0)).apply(&mut board);
    Command::add_string(&board, string("s1", "n1", "harry-bosch", "t")).apply(&mut board);
    let before = board.clone();
    let remove = Command::remove_theory(&board, "t");
    remove.apply(&mut board);
    assert!(board.theories.is_empty() && board.strings.is_empty());
    assert_eq!(board.cards["n1"].theory, None);
    remove.revert(&mut board);
    assert_eq!(board, before);
}

#[test]
fn paste_copies_cards_and_the_strings_among_them_under_new_ids() {
    let mut board = Board::new("ballard", 1);
    Command::add_theory(&board, theory("t", "#3366cc", true)).apply(&mut board);
    Command::add_card(&board, note("a", "", "A", None), Point::new(0.0, 0.0)).apply(&mut board);
    Command::add_card(&board, note("b", "", "B", None), Point::new(100.0, 0.0)).apply(&mut board);
    Command::add_string(&board, string("ab", "a", "b", "t")).apply(&mut board);
    Command::add_string(&board, string("ax", "a", "harry-bosch", "t")).apply(&mut board);
    let clip = Clip::copy(&board, &set(&["a", "b", "harry-bosch"]));
    assert_eq!(clip.cards.len(), 2, "canon cards are not copied");
    assert_eq!(clip.strings.len(), 1, "only strings among the copied cards");
    let mut n = 0;
    let (paste, ids) = Command::paste(&board, &clip, Point::new(30.0, 30.0), |p| {
        n += 1;
        format!("{p}-new-{n}")
    });
    paste.apply(&mut board);
    assert_eq!(ids.len(), 2);
    assert_eq!(board.cards.len(), 4);
    assert_eq!(board.strings.len(), 3);
    let copy_of_a = board.cards.values().find(|c| c.text == "A" && c.id != "a").unwrap();
    assert_eq!(board.positions[&copy_of_a.id], Point::new(30.0, 30.0));
}

#[test]
fn reset_clears_every_record_and_reverts_exactly() {
    let mut board = Board::new("ballard", 1);
    Command::add_theory(&board, theory("t", "#3366cc", true)).apply(&mut board);
    Command::add_card(&board, note("n", "", "x", None), Point::new(0.0, 0.0)).apply(&mut board);
    Command::set_hidden(&board, &["maddie-bosch".into()], true).apply(&mut board);
    board.viewport = Some(Default::default());
    let before = board.clone();
    let reset = Command::reset(&board);
    reset.apply(&mut board);
    assert_eq!(board, Board { viewport: before.viewport, ..Board::new("ballard", 1) });
    reset.revert(&mut board);
    assert_eq!(board, before);
}

#[test]
fn history_keeps_at_least_two_hundred_steps_and_redo_clears_on_a_new_change() {
    let f = fixture();
    let mut board = Board::new("ballard", 1);
    let mut history = History::default();
    const { assert!(UNDO_LIMIT >= 200) };
    for i in 0..250 {
        let to = Point::new(i as f64, 0.0);
        run(&mut board, &mut history, |b| Command::move_cards(b, &f.defaults, &[("harry-bosch".into(), to)]));
    }
    for _ in 0..249 {
        assert!(history.undo(&mut board).is_some());
    }
    assert_eq!(board.positions["harry-bosch"], Point::new(0.0, 0.0));
    assert!(history.can_redo());
    run(&mut board, &mut history, |b| Command::set_hidden(b, &["maddie-bosch".into()], true));
    assert!(!history.can_redo());
}

/// Random steps a fan might take, each turned into a command against the board as it is then.
#[derive(Clone, Debug)]
enum Step {
    Move(usize, f64, f64),
    AddNote(usize),
    EditNote(usize, String),
    AddTheory,
    Tie(usize, usize, usize),
    Relabel(usize, String),
    Delete(usize),
    Hide(usize, bool),
    DropTheory(usize),
    Paste(usize),
    Reset,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..60usize, -500.0..500.0f64, -500.0..500.0f64).prop_map(|(i, x, y)| Step::Move(i, x, y)),
        (0..1000usize).prop_map(Step::AddNote),
        (0..60usize, ".{0,12}").prop_map(|(i, t)| Step::EditNote(i, t)),
        Just(Step::AddTheory),
        (0..60usize, 0..60usize, 0..4usize).prop_map(|(a, b, t)| Step::Tie(a, b, t)),
        (0..60usize, ".{0,12}").prop_map(|(i, l)| Step::Relabel(i, l)),
        (0..60usize).prop_map(Step::Delete),
        (0..60usize, any::<bool>()).prop_map(|(i, h)| Step::Hide(i, h)),
        (0..4usize).prop_map(Step::DropTheory),
        (0..60usize).prop_map(Step::Paste),
        Just(Step::Reset),
    ]
}

fn command_for(step: &Step, board: &Board, f: &Fixture, counter: &mut usize) -> Command {
    let mut ids: Vec<String> = f.universe.entities.iter().map(|e| e.id.clone()).collect();
    ids.extend(board.cards.keys().cloned());
    let pick = |i: usize| ids[i % ids.len()].clone();
    let theories: Vec<String> = board.theories.keys().cloned().collect();
    let strings: Vec<&FanString> = board.strings.values().collect();
    let notes: Vec<&FanCard> = board.cards.values().collect();
    *counter += 1;
    let fresh = format!("x{counter}");
    match step {
        Step::Move(i, x, y) => Command::move_cards(board, &f.defaults, &[(pick(*i), Point::new(*x, *y))]),
        Step::AddNote(n) => {
            Command::add_card(board, note(&fresh, "", &n.to_string(), None), Point::new(*n as f64, 0.0))
        }
        Step::EditNote(i, text) if !notes.is_empty() => {
            Command::edit_card(board, FanCard { text: text.clone(), ..notes[i % notes.len()].clone() })
        }
        Step::AddTheory => Command::add_theory(board, theory(&fresh, "#3366cc", true)),
        Step::Tie(a, b, t) if !theories.is_empty() => {
            Command::add_string(board, string(&fresh, &pick(*a), &pick(*b), &theories[t % theories.len()]))
        }
        Step::Relabel(i, label) if !strings.is_empty() => Command::edit_string(
            board,
            FanString { label: label.clone(), ..strings[i % strings.len()].clone() },
        ),
        Step::Delete(i) => Command::delete(board, &f.universe, &set(&[&pick(*i)]), &BTreeSet::new()),
        Step::Hide(i, hidden) => {
            Command::set_hidden(board, &[f.universe.entities[i % 37].id.clone()], *hidden)
        }
        Step::DropTheory(t) if !theories.is_empty() => {
            Command::remove_theory(board, &theories[t % theories.len()])
        }
        Step::Paste(i) => {
            let clip = Clip::copy(board, &set(&[&pick(*i)]));
            let mut n = 0;
            Command::paste(board, &clip, Point::new(20.0, 20.0), |p| {
                n += 1;
                format!("{fresh}-{p}-{n}")
            })
            .0
        }
        Step::Reset => Command::reset(board),
        _ => Command::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_everything_restores_the_start_and_redoing_reaches_the_end(steps in proptest::collection::vec(step(), 1..40)) {
        let f = fixture();
        let mut board = Board::new("ballard", 1);
        let mut history = History::default();
        let mut counter = 0;
        let start = board.clone();
        for s in &steps {
            let command = command_for(s, &board, f, &mut counter);
            let before = board.clone();
            command.apply(&mut board);
            let after = board.clone();
            command.revert(&mut board);
            prop_assert_eq!(&board, &before, "{:?} did not revert exactly", s);
            command.apply(&mut board);
            prop_assert_eq!(&board, &after);
            history.record(command);
        }
        let end = board.clone();
        while history.undo(&mut board).is_some() {}
        prop_assert_eq!(&board, &start);
        while history.redo(&mut board).is_some() {}
        prop_assert_eq!(&board, &end);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Steps recorded as carrying on the last one, at random: the history still undoes to the
    /// start and redoes to the end, exactly.
    #[test]
    fn steps_carried_on_keep_the_history_exact(steps in proptest::collection::vec((step(), any::<bool>()), 1..40)) {
        let f = fixture();
        let mut board = Board::new("ballard", 1);
        let mut history = History::default();
        let mut counter = 0;
        let start = board.clone();
        for (s, continuing) in &steps {
            let command = command_for(s, &board, f, &mut counter);
            command.apply(&mut board);
            if *continuing { history.record_in_run(command, true) } else { history.record(command) }
        }
        let end = board.clone();
        while history.undo(&mut board).is_some() {}
        prop_assert_eq!(&board, &start);
        while history.redo(&mut board).is_some() {}
        prop_assert_eq!(&board, &end);
    }

    /// A command then another, joined, does what the two do in turn, and reverts to before both.
    #[test]
    fn two_commands_joined_are_both_in_one(first in step(), second in step()) {
        let f = fixture();
        let mut counter = 0;
        let start = Board::new("ballard", 1);
        let mut board = start.clone();
        let a = command_for(&first, &board, f, &mut counter);
        a.apply(&mut board);
        let b = command_for(&second, &board, f, &mut counter);
        b.apply(&mut board);
        let end = board.clone();
        let joined = a.then(b);
        let mut replay = start.clone();
        joined.apply(&mut replay);
        prop_assert_eq!(&replay, &end);
        joined.revert(&mut replay);
        prop_assert_eq!(&replay, &start);
    }
}

#[test]
fn nudges_in_a_row_undo_as_one_step_and_a_nudge_back_home_as_none() {
    let f = fixture();
    let mut board = Board::new("ballard", 1);
    let mut history = History::default();
    let home = f.defaults["renee-ballard"];
    let nudge = |board: &Board, dx: f64| {
        let at = board.positions.get("renee-ballard").copied().unwrap_or(home);
        Command::move_cards(board, &f.defaults, &[("renee-ballard".to_string(), at.offset(dx, 0.0))])
    };
    let press = |board: &mut Board, history: &mut History, dx: f64, continues: bool| {
        let command = nudge(board, dx);
        command.apply(board);
        history.record_in_run(command, continues);
    };
    for n in 0..3 {
        press(&mut board, &mut history, 10.0, n > 0);
    }
    assert_eq!(board.positions["renee-ballard"], home.offset(30.0, 0.0));
    history.undo(&mut board);
    assert!(!board.positions.contains_key("renee-ballard"), "one undo takes back all three");
    assert!(!history.can_undo());
    history.redo(&mut board);
    // A press after the redo starts a run of its own: the redone step stays as it was.
    press(&mut board, &mut history, 10.0, true);
    history.undo(&mut board);
    assert_eq!(board.positions["renee-ballard"], home.offset(30.0, 0.0));
    // Nudged back to where a run started: that run is no step, and the next press starts anew.
    press(&mut board, &mut history, 10.0, false);
    press(&mut board, &mut history, -10.0, true);
    press(&mut board, &mut history, 10.0, true);
    history.undo(&mut board);
    assert_eq!(board.positions["renee-ballard"], home.offset(30.0, 0.0), "the earlier step is untouched");
    history.undo(&mut board);
    assert!(!board.positions.contains_key("renee-ballard"));
    assert!(!history.can_undo());
}

#[test]
fn text_is_capped_and_bad_colours_are_refused() {
    use caseboard::model::board::{MAX_LABEL, MAX_TEXT, MAX_THEORY_NAME};
    let mut board = Board::new("ballard", 1);
    let long_note = note("n", "", &"é".repeat(MAX_TEXT + 50), None);
    Command::add_card(&board, long_note, Point::new(0.0, 0.0)).apply(&mut board);
    assert_eq!(board.cards["n"].text.chars().count(), MAX_TEXT);
    let bad = Theory { colour: "red;background:url(x)".into(), ..theory("t", "#3366cc", true) };
    assert!(Command::add_theory(&board, bad).is_empty());
    let long_name = Theory { name: "x".repeat(500), ..theory("t", "#3366cc", true) };
    Command::add_theory(&board, long_name).apply(&mut board);
    assert_eq!(board.theories["t"].name.len(), MAX_THEORY_NAME);
    assert!(Command::edit_theory(&board, Theory { colour: "#12345".into(), ..theory("t", "#3366cc", true) })
        .is_empty());
    let long_label = FanString { label: "y".repeat(500), ..string("s", "n", "harry-bosch", "t") };
    Command::add_string(&board, long_label).apply(&mut board);
    assert_eq!(board.strings["s"].label.len(), MAX_LABEL);
}

#[test]
fn a_string_cannot_move_into_a_theory_that_already_ties_its_cards() {
    let mut board = Board::new("ballard", 1);
    Command::add_theory(&board, theory("a", "#3366cc", true)).apply(&mut board);
    Command::add_theory(&board, theory("b", "#3366cc", true)).apply(&mut board);
    Command::add_string(&board, string("s1", "harry-bosch", "grace-billets", "a")).apply(&mut board);
    Command::add_string(&board, string("s2", "grace-billets", "harry-bosch", "b")).apply(&mut board);
    let into_b = FanString { theory: "b".into(), ..board.strings["s1"].clone() };
    assert!(Command::edit_string(&board, into_b).is_empty());
    let into_nowhere = FanString { theory: "gone".into(), ..board.strings["s1"].clone() };
    assert!(Command::edit_string(&board, into_nowhere).is_empty());
}
