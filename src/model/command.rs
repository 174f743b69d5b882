//! Every change to a board is a command: a list of record diffs (what each record was, what it
//! becomes). Applying sets the new values, reverting the old ones in reverse order, so undo,
//! persistence and tab sync all rest on one mechanism.

use super::board::{is_hex_colour, Board, FanCard, FanString, Key, Theory, Value};
use super::geometry::Point;
use super::universe::Universe;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub key: Key,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Command {
    pub changes: Vec<Change>,
}

impl Command {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn apply(&self, board: &mut Board) {
        for change in &self.changes {
            board.put(&change.key, change.after.clone());
        }
    }

    pub fn revert(&self, board: &mut Board) {
        for change in self.changes.iter().rev() {
            board.put(&change.key, change.before.clone());
        }
    }

    /// This command followed by `next` (built against the board as this one leaves it), as one step.
    pub fn and(mut self, next: Command) -> Command {
        self.changes.extend(next.changes);
        self
    }

    /// This command, then `next` (built against the board as this one leaves it), as one step
    /// that records each record once: where it started and where it ended. A record back where it
    /// started is left out.
    pub fn then(mut self, next: Command) -> Command {
        for (i, change) in next.changes.into_iter().enumerate() {
            // Most often `next` changes the same records in the same order: no search.
            let same_place = self.changes.get(i).is_some_and(|c| c.key == change.key);
            let earlier = if same_place {
                self.changes.get_mut(i)
            } else {
                self.changes.iter_mut().find(|c| c.key == change.key)
            };
            match earlier {
                Some(earlier) => earlier.after = change.after,
                None => self.changes.push(change),
            }
        }
        self.changes.retain(|c| c.before != c.after);
        self
    }

    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.changes.iter().map(|c| &c.key)
    }

    /// Moves cards; a canon card put back on its default place forgets the override.
    pub fn move_cards(
        board: &Board,
        defaults: &HashMap<String, Point>,
        moves: &[(String, Point)],
    ) -> Command {
        let mut edit = Edit::new(board);
        for (id, to) in moves {
            let to = &to.rounded();
            let forget = defaults.get(id) == Some(to) && !board.cards.contains_key(id);
            edit.set(Key::Position(id.clone()), (!forget).then_some(Value::Position(*to)));
        }
        edit.finish()
    }

    pub fn add_card(board: &Board, card: FanCard, at: Point) -> Command {
        let card = card.capped();
        let mut edit = Edit::new(board);
        edit.set(Key::Position(card.id.clone()), Some(Value::Position(at.rounded())));
        edit.set(Key::Card(card.id.clone()), Some(Value::Card(card)));
        edit.finish()
    }

    pub fn edit_card(board: &Board, card: FanCard) -> Command {
        let mut edit = Edit::new(board);
        if board.cards.contains_key(&card.id) {
            let card = card.capped();
            edit.set(Key::Card(card.id.clone()), Some(Value::Card(card)));
        }
        edit.finish()
    }

    pub fn add_string(board: &Board, string: FanString) -> Command {
        let mut edit = Edit::new(board);
        if string.from != string.to && !board.has_string(&string.from, &string.to, &string.theory) {
            let string = string.capped();
            edit.set(Key::String(string.id.clone()), Some(Value::String(string)));
        }
        edit.finish()
    }

    /// Relabels a string, or moves it to another theory unless that theory already ties the two cards.
    pub fn edit_string(board: &Board, string: FanString) -> Command {
        let mut edit = Edit::new(board);
        let moved_to_a_tie = board.strings.get(&string.id).is_some_and(|old| {
            old.theory != string.theory && board.has_string(&string.from, &string.to, &string.theory)
        });
        if board.strings.contains_key(&string.id)
            && !moved_to_a_tie
            && board.theories.contains_key(&string.theory)
        {
            let string = string.capped();
            edit.set(Key::String(string.id.clone()), Some(Value::String(string)));
        }
        edit.finish()
    }

    /// Deletes the fan's cards (with every string tied to them, and their pins) and strings, and
    /// hides canon cards, in one step.
    pub fn delete(
        board: &Board,
        universe: &Universe,
        cards: &BTreeSet<String>,
        strings: &BTreeSet<String>,
    ) -> Command {
        let mut edit = Edit::new(board);
        let mut deleted = BTreeSet::new();
        for id in cards {
            if board.cards.contains_key(id) {
                edit.set(Key::Card(id.clone()), None);
                edit.set(Key::Position(id.clone()), None);
                // A pin left behind would name a card that is gone: a board file made then
                // would be refused when imported.
                edit.set(Key::Pinned(id.clone()), None);
                deleted.insert(id);
            } else if universe.entity(id).is_some() {
                edit.set(Key::Hidden(id.clone()), Some(Value::Hidden));
            }
        }
        // Strings to a hidden canon card stay, and come back with it.
        for s in board.strings.values() {
            if strings.contains(&s.id) || deleted.contains(&s.from) || deleted.contains(&s.to) {
                edit.set(Key::String(s.id.clone()), None);
            }
        }
        edit.finish()
    }

    /// Hides canon cards or brings them back.
    pub fn set_hidden(board: &Board, ids: &[String], hidden: bool) -> Command {
        let mut edit = Edit::new(board);
        for id in ids {
            edit.set(Key::Hidden(id.clone()), hidden.then_some(Value::Hidden));
        }
        edit.finish()
    }

    /// Pins cards in place (Tidy leaves them) or lets them go.
    pub fn set_pinned(board: &Board, ids: &[String], pinned: bool) -> Command {
        let mut edit = Edit::new(board);
        for id in ids {
            edit.set(Key::Pinned(id.clone()), pinned.then_some(Value::Pinned));
        }
        edit.finish()
    }

    /// Adds a theory; one whose colour is not `#rrggbb` is refused.
    pub fn add_theory(board: &Board, theory: Theory) -> Command {
        let mut edit = Edit::new(board);
        if is_hex_colour(&theory.colour) {
            let theory = theory.capped();
            edit.set(Key::Theory(theory.id.clone()), Some(Value::Theory(theory)));
        }
        edit.finish()
    }

    pub fn edit_theory(board: &Board, theory: Theory) -> Command {
        let mut edit = Edit::new(board);
        if board.theories.contains_key(&theory.id) && is_hex_colour(&theory.colour) {
            let theory = theory.capped();
            edit.set(Key::Theory(theory.id.clone()), Some(Value::Theory(theory)));
        }
        edit.finish()
    }

    /// Deletes a theory with its strings; its cards stay, no longer in any theory.
    pub fn remove_theory(board: &Board, id: &str) -> Command {
        let mut edit = Edit::new(board);
        for s in board.strings.values().filter(|s| s.theory == id) {
            edit.set(Key::String(s.id.clone()), None);
        }
        for c in board.cards.values().filter(|c| c.theory.as_deref() == Some(id)) {
            let detached = FanCard { theory: None, ..c.clone() };
            edit.set(Key::Card(c.id.clone()), Some(Value::Card(detached)));
        }
        edit.set(Key::Theory(id.to_string()), None);
        edit.finish()
    }

    /// Adds copies of cards (and the strings among them), each under a fresh id from `fresh_id`,
    /// moved by `offset`. Strings whose theory is gone are left out.
    pub fn paste(
        board: &Board,
        clip: &Clip,
        offset: Point,
        mut fresh_id: impl FnMut(&str) -> String,
    ) -> (Command, BTreeSet<String>) {
        let mut edit = Edit::new(board);
        let mut renamed = HashMap::new();
        for (card, at) in &clip.cards {
            let id = fresh_id("card");
            renamed.insert(card.id.clone(), id.clone());
            let theory = card.theory.clone().filter(|t| board.theories.contains_key(t));
            let copy = FanCard { id: id.clone(), theory, ..card.clone() };
            edit.set(
                Key::Position(id.clone()),
                Some(Value::Position(at.offset(offset.x, offset.y).rounded())),
            );
            edit.set(Key::Card(id), Some(Value::Card(copy)));
        }
        for s in &clip.strings {
            let (Some(from), Some(to)) = (renamed.get(&s.from), renamed.get(&s.to)) else { continue };
            if !board.theories.contains_key(&s.theory) {
                continue;
            }
            let id = fresh_id("string");
            let copy = FanString { id: id.clone(), from: from.clone(), to: to.clone(), ..s.clone() };
            edit.set(Key::String(id), Some(Value::String(copy)));
        }
        (edit.finish(), renamed.into_values().collect())
    }

    /// Back to the universe's default: every record removed (the view stays).
    pub fn reset(board: &Board) -> Command {
        let mut edit = Edit::new(board);
        for key in board.keys() {
            edit.set(key, None);
        }
        edit.finish()
    }
}

/// The fan's cards copied for pasting, with their places and the strings among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clip {
    pub cards: Vec<(FanCard, Point)>,
    pub strings: Vec<FanString>,
}

impl Clip {
    /// Copies the fan's cards among `ids` (canon cards cannot be copied) and the strings among them.
    pub fn copy(board: &Board, ids: &BTreeSet<String>) -> Clip {
        let cards: Vec<(FanCard, Point)> = board
            .cards
            .values()
            .filter(|c| ids.contains(&c.id))
            .filter_map(|c| Some((c.clone(), *board.positions.get(&c.id)?)))
            .collect();
        // Inserted, not collected (see `model::order`).
        let mut copied = BTreeSet::new();
        for (card, _) in &cards {
            copied.insert(card.id.as_str());
        }
        let strings = board
            .strings
            .values()
            .filter(|s| copied.contains(s.from.as_str()) && copied.contains(s.to.as_str()))
            .cloned()
            .collect();
        Clip { cards, strings }
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }
}

/// Collects a command's changes, reading each record's `before` from the board once and
/// keeping only changes that change something.
struct Edit<'a> {
    board: &'a Board,
    changes: Vec<Change>,
    index: HashMap<Key, usize>,
}

impl<'a> Edit<'a> {
    fn new(board: &'a Board) -> Edit<'a> {
        Edit { board, changes: Vec::new(), index: HashMap::new() }
    }

    fn set(&mut self, key: Key, after: Option<Value>) {
        match self.index.get(&key) {
            Some(&i) => self.changes[i].after = after,
            None => {
                let before = self.board.get(&key);
                self.index.insert(key.clone(), self.changes.len());
                self.changes.push(Change { key, before, after });
            }
        }
    }

    fn finish(self) -> Command {
        let changes = self.changes.into_iter().filter(|c| c.before != c.after).collect();
        Command { changes }
    }
}
