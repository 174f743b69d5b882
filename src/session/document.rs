//! The open board's document: the fan's records (the pure model), their undo history, and a
//! signal per card position and per fan record, so that a change wakes only the views of the
//! records it names. Every change to the records passes through [`Document::apply`] or
//! [`Document::step`].

use crate::model::board::{Board, FanCard, FanString, Key, Theory};
use crate::model::command::Command;
use crate::model::geometry::Point;
use crate::model::history::History;
use crate::model::layout::default_layout;
use crate::model::universe::{Kind, Universe};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Clone, Copy)]
pub struct Document {
    pub universe: StoredValue<Universe>,
    defaults: StoredValue<HashMap<String, Point>>,
    board: StoredValue<Board>,
    history: StoredValue<History>,
    positions: StoredValue<HashMap<String, RwSignal<Point>>>,
    fan_cards: StoredValue<BTreeMap<String, RwSignal<FanCard>>>,
    fan_strings: StoredValue<BTreeMap<String, RwSignal<FanString>>>,
    pub theories: RwSignal<Vec<Theory>>,
    /// Where each theory is in `theories`, so that a view per card or string finds its theory
    /// without a scan, however many theories the board holds.
    theory_index: Memo<HashMap<String, usize>>,
    /// Cards the fan pinned in place (Tidy leaves them).
    pub pinned: RwSignal<BTreeSet<String>>,
    /// Bumped by every change of what the board shows, for views computed from the whole board.
    pub revision: RwSignal<u64>,
    /// Bumped by every change made in this tab that storage should hold (records or the saved
    /// view), and by nothing else: what persistence observes.
    pub changes: RwSignal<u64>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The board's own reactive owner: signals for new records are made under it, so they live
    /// as long as the board, not as long as the dialog or button that made them.
    owner: StoredValue<Owner>,
}

/// What a change did to what is on the board, so the board rebuilds no more than it must.
#[derive(Default)]
pub struct Changed {
    /// A card came or went, or may have changed whether it shows (its theory changed).
    pub cards: bool,
    pub strings: bool,
    pub theories: bool,
}

impl Document {
    pub fn new(universe: Universe, board: Board) -> Document {
        let theories = RwSignal::new(Vec::<Theory>::new());
        let theory_index = Memo::new(move |_| {
            theories.with(|all| all.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect())
        });
        Document {
            defaults: StoredValue::new(default_layout(&universe, board.arrangement)),
            universe: StoredValue::new(universe),
            board: StoredValue::new(board),
            history: StoredValue::new(History::default()),
            positions: StoredValue::new(HashMap::new()),
            fan_cards: StoredValue::new(BTreeMap::new()),
            fan_strings: StoredValue::new(BTreeMap::new()),
            theories,
            theory_index,
            pinned: RwSignal::new(BTreeSet::new()),
            revision: RwSignal::new(0),
            changes: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    pub fn with_board<R>(&self, f: impl FnOnce(&Board) -> R) -> R {
        self.board.with_value(f)
    }

    /// Changes what is saved with the board but is not a record (its name, view, filters,
    /// horizon); the records change only by commands.
    pub fn update_saved(&self, f: impl FnOnce(&mut Board)) {
        self.board.update_value(f);
        self.changed();
    }

    /// Storage should hold what the board is now.
    pub fn changed(&self) {
        self.changes.update(|n| *n += 1);
    }

    /// The default layout, lent rather than copied: a move is committed at the end of every drag.
    pub fn with_defaults<R>(&self, f: impl FnOnce(&HashMap<String, Point>) -> R) -> R {
        self.defaults.with_value(f)
    }

    pub fn position(&self, id: &str) -> Option<RwSignal<Point>> {
        self.positions.with_value(|p| p.get(id).copied())
    }

    pub fn fan_card(&self, id: &str) -> Option<RwSignal<FanCard>> {
        self.fan_cards.with_value(|c| c.get(id).copied())
    }

    pub fn fan_string(&self, id: &str) -> Option<RwSignal<FanString>> {
        self.fan_strings.with_value(|s| s.get(id).copied())
    }

    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        self.fan_card(id)
            .map(|c| c.with_untracked(|c| c.kind))
            .or_else(|| self.universe.with_value(|u| u.entity(id).map(|e| e.kind)))
    }

    /// A theory as it is now, by id; tracked.
    pub fn theory(&self, id: &str) -> Option<Theory> {
        let index = self.theory_index.with(|index| index.get(id).copied())?;
        self.theories.with(|all| all.get(index).cloned())
    }

    /// A card's title as shown; tracked, so names that depend on it follow edits.
    pub fn title(&self, id: &str) -> String {
        match self.fan_card(id) {
            Some(card) => card.with(FanCard::title_shown),
            None => self.universe.with_value(|u| u.entity(id).map(|e| e.name.clone())).unwrap_or_default(),
        }
    }

    /// The board's name, as the board list gave it: not an undoable change, and not one that
    /// writes the board (the list holds the name).
    pub fn set_name(&self, name: String) {
        self.board.update_value(|b| b.name = name);
    }

    pub fn with_history<R>(&self, f: impl FnOnce(&History) -> R) -> R {
        self.history.with_value(f)
    }

    /// Puts a history in place: one restored with the board, or none.
    pub fn set_history(&self, history: History) {
        self.history.set_value(history);
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// Drops the history when a step no longer applies to the board (another tab changed a
    /// record it names), so an undo never puts back what that tab changed. True when dropped.
    pub fn drop_history_unless_it_fits(&self) -> bool {
        let fits = self.history.with_value(|h| self.board.with_value(|b| h.fits(b)));
        if !fits {
            self.set_history(History::default());
        }
        !fits
    }

    pub fn name(&self) -> String {
        self.board.with_value(|b| b.name.clone())
    }

    pub fn has_saved_view(&self) -> bool {
        self.board.with_value(|b| b.viewport.is_some())
    }

    /// Applies a command to the records and records it for undo with `record`; says what it
    /// changed on the board. Nothing happens for an empty command.
    pub fn apply(&self, command: Command, record: impl FnOnce(&mut History, Command)) -> Option<Changed> {
        if command.is_empty() {
            return None;
        }
        self.board.update_value(|board| command.apply(board));
        let changed = self.sync(command.keys());
        self.history.update_value(|h| record(h, command));
        self.after_change();
        Some(changed)
    }

    /// Takes a step back or forward in the history (`History::undo` or `History::redo`); None
    /// when there is nothing to take (or the board has gone).
    pub fn step(&self, step: fn(&mut History, &mut Board) -> Option<Command>) -> Option<Changed> {
        let command = self
            .history
            .try_update_value(|history| self.board.try_update_value(|board| step(history, board)))
            .flatten()
            .flatten()?;
        let changed = self.sync(command.keys());
        self.after_change();
        Some(changed)
    }

    /// Joins another tab's changes in (`merged`, already worked out against this board): not an
    /// undoable step of this tab's.
    pub fn take_in(&self, merged: &Command) -> Changed {
        self.board.update_value(|b| merged.apply(b));
        self.sync(merged.keys())
    }

    /// Puts a whole board in place (on load) and mirrors every record in its signal.
    pub fn replace(&self, board: Board) {
        if board.arrangement != self.board.with_value(|b| b.arrangement) {
            self.defaults.set_value(self.universe.with_value(|u| default_layout(u, board.arrangement)));
        }
        self.board.set_value(board);
        self.universe.with_value(|u| u.entities.iter().for_each(|e| self.sync_position(&e.id)));
        let keys = self.board.with_value(Board::keys);
        self.sync(keys.iter());
        self.rebuild_theories();
    }

    fn after_change(&self) {
        self.revision.update(|r| *r += 1);
        self.changed();
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// Brings the signals in line with the model for the records named by `keys`.
    fn sync<'k>(&self, keys: impl Iterator<Item = &'k Key>) -> Changed {
        let mut changed = Changed::default();
        let (mut pinned_changed, mut moved) = (false, Vec::new());
        for key in keys {
            match key {
                Key::Position(id) => moved.push(id.clone()),
                Key::Card(id) => {
                    changed.cards |= self.sync_fan_card(id);
                    moved.push(id.clone());
                }
                Key::Hidden(_) => changed.cards = true,
                Key::String(id) => changed.strings |= self.sync_fan_string(id),
                Key::Theory(_) => changed.theories = true,
                Key::Pinned(_) => pinned_changed = true,
            }
        }
        moved.iter().for_each(|id| self.sync_position(id));
        if pinned_changed {
            self.pinned.set(self.board.with_value(|b| b.pinned.clone()));
        }
        if changed.theories {
            self.rebuild_theories();
        }
        changed
    }

    /// True when whether the card is on the board may have changed (it came, went, or changed theory).
    fn sync_fan_card(&self, id: &str) -> bool {
        let record = self.board.with_value(|b| b.cards.get(id).cloned());
        self.sync_record(self.fan_cards, id, record, |old, new| old.theory != new.theory)
    }

    fn sync_fan_string(&self, id: &str) -> bool {
        let record = self.board.with_value(|b| b.strings.get(id).cloned());
        self.sync_record(self.fan_strings, id, record, |old, new| old.theory != new.theory)
    }

    /// Mirrors one of the fan's records in its signal, making or dropping the signal as the record
    /// comes or goes. True when it came, went, or `moved_out` says its showing may have changed
    /// (its theory, which may be hidden, changed).
    fn sync_record<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        signals: StoredValue<BTreeMap<String, RwSignal<T>>>,
        id: &str,
        record: Option<T>,
        moved_out: fn(&T, &T) -> bool,
    ) -> bool {
        let signal = signals.with_value(|m| m.get(id).copied());
        match (record, signal) {
            (Some(record), Some(signal)) => {
                let moved = signal.with_untracked(|old| moved_out(old, &record));
                if signal.with_untracked(|old| *old != record) {
                    signal.set(record);
                }
                moved
            }
            (Some(record), None) => {
                let signal = self.owned(|| RwSignal::new(record));
                signals.update_value(|m| {
                    m.insert(id.to_string(), signal);
                });
                true
            }
            (None, Some(_)) => {
                signals.update_value(|m| {
                    m.remove(id);
                });
                true
            }
            (None, None) => false,
        }
    }

    fn sync_position(&self, id: &str) {
        let place = self.defaults.with_value(|d| self.board.with_value(|b| b.position(id, d)));
        match (self.position(id), place) {
            (Some(signal), Some(place)) if signal.get_untracked() != place => signal.set(place),
            (None, Some(place)) => {
                let signal = self.owned(|| RwSignal::new(place));
                self.positions.update_value(|p| {
                    p.insert(id.to_string(), signal);
                });
            }
            _ => {}
        }
    }

    fn owned<T>(&self, make: impl FnOnce() -> T) -> T {
        self.owner.with_value(|owner| owner.with(make))
    }

    fn rebuild_theories(&self) {
        self.theories.set(self.board.with_value(|b| b.theories.values().cloned().collect()));
    }
}
