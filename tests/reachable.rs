//! Every board the app's commands can reach is one its own readers accept: it comes back the same
//! through the save envelope (storage), the board file and the share link, and fits its universe.
//! A run of arbitrary commands (as the fan's gestures make them, text of any length and script
//! included) builds the board; the board's name comes from the board list, as the app names it.
//! The undo history the run records is saved and restored as the app does across a reload.

use caseboard::formats::envelope::{self, check_against, decode_for};
use caseboard::formats::history::{self, HistoryError, MAX_BYTES, MAX_STEPS};
use caseboard::formats::library::Library;
use caseboard::formats::link::{self, Shared};
use caseboard::model::board::{Board, Confidence, FanCard, FanString, Theory};
use caseboard::model::command::{Clip, Command};
use caseboard::model::filter::{Filters, FILTERABLE};
use caseboard::model::geometry::{Point, Viewport};
use caseboard::model::history::History;
use caseboard::model::horizon::{board_within, horizon_value, parse_horizon, Horizon};
use caseboard::model::layout::default_layout;
use caseboard::model::universe::{Kind, Universe};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::{BTreeSet, HashMap};

fn ballard() -> &'static (Universe, HashMap<String, Point>) {
    static BALLARD: std::sync::OnceLock<(Universe, HashMap<String, Point>)> = std::sync::OnceLock::new();
    BALLARD.get_or_init(|| {
        let universe = Universe::ballard().unwrap();
        let defaults = default_layout(&universe, Default::default());
        (universe, defaults)
    })
}

/// One gesture's command, with what the fan typed or pointed at.
#[derive(Clone, Debug)]
enum Step {
    AddCard {
        kind: Index,
        title: String,
        text: String,
        at: Point,
        in_theory: Option<Index>,
    },
    EditCard {
        card: Index,
        title: String,
        text: String,
    },
    AddTheory {
        name: String,
        colour: String,
    },
    EditTheory {
        theory: Index,
        name: String,
        visible: bool,
    },
    RemoveTheory {
        theory: Index,
    },
    Tie {
        from: Index,
        to: Index,
        theory: Index,
        label: String,
    },
    EditString {
        string: Index,
        label: String,
        confidence: Index,
        theory: Index,
    },
    Move {
        card: Index,
        to: Point,
    },
    Delete {
        cards: Vec<Index>,
        strings: Vec<Index>,
    },
    Hide {
        card: Index,
        hidden: bool,
    },
    /// `own`: one of the fan's cards, when there is one (else any card).
    Pin {
        card: Index,
        pinned: bool,
        own: bool,
    },
    Paste {
        cards: Vec<Index>,
        offset: Point,
    },
    Reset,
    Rename {
        name: String,
    },
    View {
        x: f64,
        y: f64,
        zoom: f64,
    },
    Horizon {
        episode: Option<u64>,
    },
    Filter {
        kind: Index,
    },
}

/// Text as a fan may type or paste it: any characters (newlines and markup included), sometimes
/// longer than its field holds, which the commands cut to fit.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![4 => "\\PC{0,30}", 1 => "[a-z <>&\"\n\t]{0,30}", 1 => "\\PC{100,300}"]
}

fn point() -> impl Strategy<Value = Point> {
    (-1e6..1e6f64, -1e6..1e6f64).prop_map(|(x, y)| Point::new(x, y))
}

fn step() -> impl Strategy<Value = Step> {
    let index = any::<Index>;
    prop_oneof![
        4 => (index(), typed(), typed(), point(), prop::option::of(index()))
            .prop_map(|(kind, title, text, at, in_theory)| Step::AddCard { kind, title, text, at, in_theory }),
        2 => (index(), typed(), typed()).prop_map(|(card, title, text)| Step::EditCard { card, title, text }),
        2 => (typed(), "#[0-9a-fA-F]{6}").prop_map(|(name, colour)| Step::AddTheory { name, colour }),
        1 => (index(), typed(), any::<bool>()).prop_map(|(theory, name, visible)| Step::EditTheory { theory, name, visible }),
        1 => index().prop_map(|theory| Step::RemoveTheory { theory }),
        4 => (index(), index(), index(), typed()).prop_map(|(from, to, theory, label)| Step::Tie { from, to, theory, label }),
        1 => (index(), typed(), index(), index())
            .prop_map(|(string, label, confidence, theory)| Step::EditString { string, label, confidence, theory }),
        3 => (index(), point()).prop_map(|(card, to)| Step::Move { card, to }),
        1 => (prop::collection::vec(index(), 0..3), prop::collection::vec(index(), 0..3))
            .prop_map(|(cards, strings)| Step::Delete { cards, strings }),
        1 => (index(), any::<bool>()).prop_map(|(card, hidden)| Step::Hide { card, hidden }),
        2 => (index(), any::<bool>(), any::<bool>()).prop_map(|(card, pinned, own)| Step::Pin { card, pinned, own }),
        1 => (prop::collection::vec(index(), 1..4), point()).prop_map(|(cards, offset)| Step::Paste { cards, offset }),
        1 => Just(Step::Reset),
        1 => prop_oneof!["\\PC{0,100}", Just("x".repeat(80))].prop_map(|name| Step::Rename { name }),
        1 => (-1e5..1e5f64, -1e5..1e5f64, Viewport::MIN_ZOOM..Viewport::MAX_ZOOM)
            .prop_map(|(x, y, zoom)| Step::View { x, y, zoom }),
        1 => prop::option::of(0u64..=10).prop_map(|episode| Step::Horizon { episode }),
        1 => index().prop_map(|kind| Step::Filter { kind }),
    ]
}

const KINDS: [Kind; 6] =
    [Kind::Note, Kind::Character, Kind::Case, Kind::Episode, Kind::Place, Kind::Evidence];

/// The board the steps make, named as the board list names it among `others` of one name, and
/// the undo history they leave.
fn run(steps: &[Step], others: usize) -> (Board, History) {
    let mut history = History::default();
    let (universe, defaults) = ballard();
    let mut board = Board::new(&universe.id, universe.version);
    let mut library = Library::default();
    for n in 0..others {
        library.add(&format!("b{n}"), &"x".repeat(80), &universe.id);
    }
    board.name = library.add("this", "Ballard board", &universe.id);
    let mut made = 0usize;
    let mut fresh = |prefix: &str| {
        made += 1;
        format!("{prefix}-{made:011x}-{made:04x}-z")
    };
    for step in steps {
        let theories: Vec<String> = board.theories.keys().cloned().collect();
        let fan: Vec<String> = board.cards.keys().cloned().collect();
        let all: Vec<String> =
            universe.entities.iter().map(|e| e.id.clone()).chain(fan.iter().cloned()).collect();
        let strings: Vec<String> = board.strings.keys().cloned().collect();
        let pick = |ids: &[String], i: &Index| (!ids.is_empty()).then(|| i.get(ids).clone());
        let command = match step {
            Step::AddCard { kind, title, text, at, in_theory } => {
                let kind = *kind.get(&KINDS);
                let id = fresh(if kind == Kind::Note { "note" } else { "card" });
                let theory = in_theory.as_ref().and_then(|t| pick(&theories, t));
                let (title, text) = (title.clone(), text.clone());
                let card = FanCard { id, kind, title, text, theory, url: None, canvas: Default::default() };
                Command::add_card(&board, card, *at)
            }
            Step::EditCard { card, title, text } => match pick(&fan, card) {
                Some(id) => {
                    let card =
                        FanCard { title: title.clone(), text: text.clone(), ..board.cards[&id].clone() };
                    Command::edit_card(&board, card)
                }
                None => Command::default(),
            },
            Step::AddTheory { name, colour } => {
                let theory =
                    Theory { id: fresh("theory"), name: name.clone(), colour: colour.clone(), visible: true };
                Command::add_theory(&board, theory)
            }
            Step::EditTheory { theory, name, visible } => match pick(&theories, theory) {
                Some(id) => {
                    let edited =
                        Theory { name: name.clone(), visible: *visible, ..board.theories[&id].clone() };
                    Command::edit_theory(&board, edited)
                }
                None => Command::default(),
            },
            Step::RemoveTheory { theory } => pick(&theories, theory)
                .map_or_else(Command::default, |id| Command::remove_theory(&board, &id)),
            Step::Tie { from, to, theory, label } => match pick(&theories, theory) {
                Some(theory) => {
                    let (from, to) = (from.get(&all).clone(), to.get(&all).clone());
                    let string = FanString {
                        id: fresh("string"),
                        from,
                        to,
                        label: label.clone(),
                        theory,
                        confidence: Confidence::default(),
                        canvas: Default::default(),
                    };
                    Command::add_string(&board, string)
                }
                None => Command::default(),
            },
            Step::EditString { string, label, confidence, theory } => {
                match (pick(&strings, string), pick(&theories, theory)) {
                    (Some(id), Some(theory)) => {
                        let old = board.strings[&id].clone();
                        let confidence = *confidence.get(&Confidence::ALL);
                        Command::edit_string(
                            &board,
                            FanString { label: label.clone(), confidence, theory, ..old },
                        )
                    }
                    _ => Command::default(),
                }
            }
            Step::Move { card, to } => {
                Command::move_cards(&board, defaults, &[(card.get(&all).clone(), *to)])
            }
            Step::Delete { cards, strings: picked } => {
                let cards: BTreeSet<String> = cards.iter().map(|i| i.get(&all).clone()).collect();
                let picked: BTreeSet<String> = picked.iter().filter_map(|i| pick(&strings, i)).collect();
                Command::delete(&board, universe, &cards, &picked)
            }
            Step::Hide { card, hidden } => {
                Command::set_hidden(&board, &[card.get(&universe.entities).id.clone()], *hidden)
            }
            Step::Pin { card, pinned, own } => {
                let id = pick(&fan, card).filter(|_| *own).unwrap_or_else(|| card.get(&all).clone());
                Command::set_pinned(&board, &[id], *pinned)
            }
            Step::Paste { cards, offset } => {
                let ids: BTreeSet<String> = cards.iter().filter_map(|i| pick(&fan, i)).collect();
                let clip = Clip::copy(&board, &ids);
                Command::paste(&board, &clip, *offset, &mut fresh).0
            }
            Step::Reset => Command::reset(&board),
            Step::Rename { name } => {
                board.name = library.rename("this", name).unwrap();
                Command::default()
            }
            Step::View { x, y, zoom } => {
                board.viewport = Some(Viewport { x: *x, y: *y, zoom: *zoom }.rounded());
                Command::default()
            }
            Step::Horizon { episode } => {
                board.horizon = *episode;
                Command::default()
            }
            Step::Filter { kind } => {
                board.filters = board.filters.toggled_kind(kind.get(&FILTERABLE).0);
                Command::default()
            }
        };
        command.apply(&mut board);
        history.record(command);
    }
    (board, history)
}

/// What a link made of `board` carries, and what it opens as.
fn shared(board: &Board, universe: &Universe) -> (Shared, Shared) {
    let horizon = parse_horizon(board.horizon, universe.episodes).unwrap_or(Horizon::Everything);
    let within = board_within(board, universe, horizon);
    let linked = horizon_value(horizon).and_then(|h| u32::try_from(h).ok());
    let sent = Shared { board: within.clone(), horizon: linked };
    // The view's filters and horizon are the sender's own; the link carries the horizon apart.
    let opened =
        Shared { board: Board { horizon: None, filters: Filters::default(), ..within }, horizon: linked };
    (sent, opened)
}

fn round_trips(board: &Board) -> Result<(), TestCaseError> {
    let universe = &ballard().0;
    prop_assert!(board.name.chars().count() <= caseboard::model::board::MAX_BOARD_NAME);
    prop_assert_eq!(decode_for(&envelope::encode(board, 7), universe), Ok(board.clone()), "save");
    let file = decode_for(&envelope::encode_file(board), universe);
    prop_assert_eq!(file.as_ref(), Ok(board), "board file");
    prop_assert_eq!(check_against(board, universe), Ok(()), "the file fits its universe");
    let (sent, opened) = shared(board, universe);
    prop_assert_eq!(link::decode(&link::encode(&sent, universe), universe), Ok(opened), "share link");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_board_the_commands_reach_round_trips(steps in prop::collection::vec(step(), 0..40), others in 0usize..12) {
        round_trips(&run(&steps, others).0)?;
    }

    /// Saved and read back (as across a reload), a history undoes and redoes to the same boards.
    #[test]
    fn a_history_saved_and_restored_undoes_to_the_same_boards(steps in prop::collection::vec(step(), 0..40), undos in 0usize..8) {
        let (mut board, mut history) = run(&steps, 0);
        for _ in 0..undos {
            history.undo(&mut board);
        }
        let text = history::encode(&history);
        prop_assert!(text.len() <= MAX_BYTES);
        let mut restored = history::decode(&text, &board, &ballard().0).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(restored.undone().len(), history.undone().len());
        let (mut ours, mut theirs) = (board.clone(), board);
        while restored.can_undo() {
            prop_assert!(history.undo(&mut ours).is_some());
            restored.undo(&mut theirs);
            prop_assert_eq!(&ours, &theirs);
        }
        while restored.redo(&mut theirs).is_some() {
            history.redo(&mut ours);
            prop_assert_eq!(&ours, &theirs);
        }
    }
}

/// 150 moves: only the last 100 are kept, the newest.
#[test]
fn a_saved_history_keeps_the_last_hundred_steps() {
    let steps: Vec<Step> =
        (0..150).map(|n| Step::Move { card: some_index(), to: Point::new(n as f64 + 0.5, 0.0) }).collect();
    let (board, history) = run(&steps, 0);
    let text = history::encode(&history);
    let restored = history::decode(&text, &board, &ballard().0).unwrap();
    assert_eq!(restored.done().len(), MAX_STEPS);
    assert_eq!(restored.done(), &history.done()[history.done().len() - MAX_STEPS..]);
}

/// Notes of 20,000 characters make steps of about 20 KB: the history keeps as many of the
/// newest as fit 256 KB.
#[test]
fn a_saved_history_fits_its_byte_bound() {
    let long = "w".repeat(20_000);
    let steps: Vec<Step> = (0..30)
        .map(|n| Step::AddCard {
            kind: some_index(),
            title: format!("{n}"),
            text: long.clone(),
            at: Point::new(n as f64, 0.0),
            in_theory: None,
        })
        .collect();
    let (board, history) = run(&steps, 0);
    let text = history::encode(&history);
    assert!(text.len() <= MAX_BYTES, "{} bytes", text.len());
    let restored = history::decode(&text, &board, &ballard().0).unwrap();
    assert!((10..30).contains(&restored.done().len()), "{} steps", restored.done().len());
    assert_eq!(restored.done(), &history.done()[history.done().len() - restored.done().len()..]);
}

/// A board another tab changed where the history's steps did is not undone by them: the
/// history is stale, and so is a damaged one unreadable, never a panic.
#[test]
fn a_history_the_board_no_longer_fits_is_dropped() {
    let (universe, defaults) = ballard();
    let moved = some_index().get(&universe.entities).id.clone();
    let (board, history) = run(&[Step::Move { card: some_index(), to: Point::new(5.5, 5.5) }], 0);
    let text = history::encode(&history);
    let mut elsewhere = board.clone();
    Command::move_cards(&board, defaults, &[(moved, Point::new(9.5, 9.5))]).apply(&mut elsewhere);
    assert_eq!(history::decode(&text, &elsewhere, universe).err(), Some(HistoryError::Stale));
    assert!(matches!(
        history::decode(&text[..text.len() / 2], &board, universe),
        Err(HistoryError::Unreadable(_))
    ));
    assert!(history::decode(&text, &board, universe).is_ok());
}

/// An arbitrary but fixed `Index` (proptest makes them only by strategy), for a single run.
fn some_index() -> Index {
    use proptest::strategy::ValueTree;
    any::<Index>().new_tree(&mut proptest::test_runner::TestRunner::deterministic()).unwrap().current()
}

/// Ten boards given one 80-character name: the tenth is "<76 characters> (10)", which the board
/// check accepts, where "<76 characters>" once became 81 characters with its number.
#[test]
fn the_tenth_board_of_one_long_name_is_still_readable() {
    let (board, _) = run(&[Step::Rename { name: "x".repeat(80) }], 9);
    assert_eq!(board.name, format!("{} (10)", "x".repeat(75)));
    round_trips(&board).unwrap();
}
