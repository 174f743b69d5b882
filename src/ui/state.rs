//! The board's reactive state: the pure model, a signal per card position and per fan record,
//! and the single door (`commit`, `undo`, `redo`) through which every change passes.

use crate::formats::envelope;
use crate::model::board::{Board, FanCard, FanString, Key, Theory};
use crate::model::command::{Clip, Command};
use crate::model::filter::Filters;
use crate::model::geometry::{Point, Rect, Viewport};
use crate::model::history::History;
use crate::model::layout::{card_size, default_layout};
use crate::model::merge::merge;
use crate::model::query::{entity_known, horizon_value, link_known, neighbourhood, parse_horizon, Horizon};
use crate::model::selection::Selection;
use crate::model::universe::{CanonLink, Entity, Kind, Universe};
use crate::ui::notices::Notices;
use crate::ui::persistence::{Persistence, Source};
use crate::ui::screen::{board_origin, minimap, visible_board};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The empty screen kept around the board by "Fit to view".
const FIT_MARGIN: f64 = 40.0;

/// What a card shows: canon facts, or the fan's own record (editable).
#[derive(Clone)]
pub enum Face {
    Canon(Entity),
    Fan(RwSignal<FanCard>),
}

#[derive(Clone)]
pub struct CardView {
    pub id: String,
    pub kind: Kind,
    pub face: Face,
    pub position: RwSignal<Point>,
}

impl CardView {
    /// Where the card is on the board now, in world units.
    pub fn rect(&self) -> Rect {
        Rect::at(self.position.get_untracked(), card_size(self.kind))
    }
}

#[derive(Clone)]
pub enum StringFace {
    Canon(CanonLink),
    Fan(RwSignal<FanString>),
}

#[derive(Clone)]
pub struct StringView {
    pub id: String,
    pub from: String,
    pub to: String,
    pub face: StringFace,
}

/// Focus mode: the card focused on, and how many strings away stays lit (1 or 2).
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    pub card: String,
    pub depth: u32,
}

/// A string being tied: from a card's pin to the pointer, or (keyboard) to a chosen card.
#[derive(Clone, Debug, PartialEq)]
pub struct Connecting {
    pub from: String,
    pub pointer: Option<Point>,
}

#[derive(Clone, Copy)]
pub struct BoardState {
    pub universe: StoredValue<Universe>,
    defaults: StoredValue<HashMap<String, Point>>,
    board: StoredValue<Board>,
    history: StoredValue<History>,
    /// When the last key-press nudge happened, and to which cards.
    pub(crate) last_nudge: StoredValue<Option<(f64, Vec<String>)>>,
    positions: StoredValue<HashMap<String, RwSignal<Point>>>,
    fan_cards: StoredValue<BTreeMap<String, RwSignal<FanCard>>>,
    fan_strings: StoredValue<BTreeMap<String, RwSignal<FanString>>>,
    /// The cards on the board (canon cards not hidden, and the fan's).
    pub cards: RwSignal<Vec<CardView>>,
    /// The strings whose two ends are on the board and whose theory is shown.
    pub strings: RwSignal<Vec<StringView>>,
    pub theories: RwSignal<Vec<Theory>>,
    /// Canon cards the fan hid, in universe order.
    pub hidden: RwSignal<Vec<Entity>>,
    pub active_theory: RwSignal<Option<String>>,
    pub selection: RwSignal<Selection>,
    /// Bumped by every change, for views computed from the whole board.
    pub revision: RwSignal<u64>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The fan card whose text is being edited in place.
    pub editing: RwSignal<Option<String>>,
    pub connecting: RwSignal<Option<Connecting>>,
    /// "Select" mode: dragging on cork draws a selection rectangle instead of panning (for touch).
    pub select_mode: RwSignal<bool>,
    /// Set when a new string's label should be typed at once (the inspector focuses it).
    pub focus_label: RwSignal<bool>,
    /// The help panel of gestures and shortcuts is open.
    pub help_open: RwSignal<bool>,
    /// What the fan chose to show (saved with the board, not undoable).
    pub filters: RwSignal<Filters>,
    /// How far the fan has watched: canon revealed later is not shown at all.
    pub horizon: RwSignal<Horizon>,
    /// The timeline's replay: the board as known after this episode (never past `horizon`).
    pub replay: RwSignal<Option<u32>>,
    /// The card focused on and how many strings away stays lit.
    pub focus: RwSignal<Option<Focus>>,
    /// Cards the fan pinned in place (Tidy leaves them).
    pub pinned: RwSignal<BTreeSet<String>>,
    /// Under focus, the cards that stay lit; None when nothing is focused.
    pub lit: Memo<Option<BTreeSet<String>>>,
    pub clip: StoredValue<Clip>,
    pub viewport: RwSignal<Viewport>,
    /// The card that has focus, kept drawn wherever the view goes so focus is never lost.
    pub focused_card: RwSignal<Option<String>>,
    /// The part of the world the board draws (`ui::culling`); None until it is first measured.
    pub drawn_window: RwSignal<Option<Rect>>,
    /// Notified on each frame of Tidy's glide, which moves cards without changing the board yet:
    /// the board draws them as they glide into view.
    pub gliding: Trigger,
    /// True while two fingers pinch: a card drag that one of them began gives way.
    pub pinching: StoredValue<bool>,
    pub notices: Notices,
    pub persistence: Persistence,
    /// The board's own reactive owner: signals for new records are made under it, so they live
    /// as long as the board, not as long as the dialog or button that made them.
    owner: StoredValue<Owner>,
}

impl BoardState {
    /// The state of a board of `universe`, restored from storage where it can be.
    pub fn load(universe: Universe, source: Source, notices: Notices) -> BoardState {
        let defaults = default_layout(&universe);
        let board = StoredValue::new(Board::default());
        let persistence = Persistence::open(&universe, source, board, notices);
        let restored = board.get_value();
        let (focus, strings) = (RwSignal::new(None::<Focus>), RwSignal::new(Vec::<StringView>::new()));
        let lit = Memo::new(move |_| {
            focus.with(|f| {
                f.as_ref().map(|f| {
                    let edges: Vec<(String, String)> =
                        strings.with(|s| s.iter().map(|s| (s.from.clone(), s.to.clone())).collect());
                    neighbourhood(&edges, &f.card, f.depth)
                })
            })
        });
        let state = BoardState {
            viewport: RwSignal::new(restored.viewport.unwrap_or_default()),
            drawn_window: RwSignal::new(None),
            gliding: Trigger::new(),
            focused_card: RwSignal::new(None),
            universe: StoredValue::new(universe),
            defaults: StoredValue::new(defaults),
            board,
            history: StoredValue::new(History::default()),
            last_nudge: StoredValue::new(None),
            positions: StoredValue::new(HashMap::new()),
            fan_cards: StoredValue::new(BTreeMap::new()),
            fan_strings: StoredValue::new(BTreeMap::new()),
            cards: RwSignal::new(Vec::new()),
            strings,
            theories: RwSignal::new(Vec::new()),
            hidden: RwSignal::new(Vec::new()),
            active_theory: RwSignal::new(None),
            selection: RwSignal::new(Selection::default()),
            revision: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            editing: RwSignal::new(None),
            connecting: RwSignal::new(None),
            focus_label: RwSignal::new(false),
            help_open: RwSignal::new(false),
            filters: RwSignal::new(Filters::default()),
            horizon: RwSignal::new(Horizon::Everything),
            replay: RwSignal::new(None),
            focus,
            lit,
            pinned: RwSignal::new(BTreeSet::new()),
            select_mode: RwSignal::new(false),
            clip: StoredValue::new(Clip::default()),
            pinching: StoredValue::new(false),
            notices,
            persistence,
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        state.filters.set(state.readable_filters(&restored.filters));
        state.horizon.set(state.readable_horizon(restored.horizon));
        state.replace_board(restored);
        state.persistence.offer_export(Callback::new(move |_| _ = state.rescue_board()));
        state.persistence.merge_with(Callback::new(move |text: String| state.merge_stored(&text)));
        state
    }

    /// Puts a whole board in place (on load, or when another tab saved) and rebuilds the view.
    fn replace_board(&self, board: Board) {
        self.board.set_value(board);
        self.universe.with_value(|u| {
            let ids = u.entities.iter().map(|e| e.id.clone());
            ids.for_each(|id| self.sync_position(&id));
        });
        let keys = self.board.with_value(Board::keys);
        self.sync(keys.iter());
        self.rebuild_theories();
        self.rebuild_cards();
        self.rebuild_strings();
    }

    pub fn with_board<R>(&self, f: impl FnOnce(&Board) -> R) -> R {
        self.board.with_value(f)
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

    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        self.fan_card(id)
            .map(|c| c.with_untracked(|c| c.kind))
            .or_else(|| self.universe.with_value(|u| u.entity(id).map(|e| e.kind)))
    }

    /// A card's title as shown; tracked, so names that depend on it follow edits.
    pub fn title(&self, id: &str) -> String {
        match self.fan_card(id) {
            Some(card) => card.with(display_title),
            None => self.universe.with_value(|u| u.entity(id).map(|e| e.name.clone())).unwrap_or_default(),
        }
    }

    /// The board's name (set by the board list; not an undoable change).
    pub fn set_name(&self, name: String) {
        self.board.update_value(|b| b.name = name);
    }

    pub fn name(&self) -> String {
        self.board.with_value(|b| b.name.clone())
    }

    pub fn has_saved_view(&self) -> bool {
        self.board.with_value(|b| b.viewport.is_some())
    }

    /// Applies a change to the model, records it for undo, mirrors it in the view and saves.
    pub fn commit(&self, command: Command) {
        self.commit_recorded(command, History::record);
    }

    /// Commits a step of a run of key presses (see [`History::record_in_run`]).
    pub fn commit_in_run(&self, command: Command, continues: bool) {
        self.commit_recorded(command, |history, command| history.record_in_run(command, continues));
    }

    fn commit_recorded(&self, command: Command, record: impl FnOnce(&mut History, Command)) {
        if command.is_empty() {
            return;
        }
        self.board.update_value(|board| command.apply(board));
        self.sync(command.keys());
        self.history.update_value(|h| record(h, command));
        self.after_change();
    }

    pub fn undo(&self) {
        self.step_history(History::undo);
    }

    pub fn redo(&self) {
        self.step_history(History::redo);
    }

    fn step_history(&self, step: fn(&mut History, &mut Board) -> Option<Command>) {
        let command = self
            .history
            .try_update_value(|history| self.board.try_update_value(|board| step(history, board)))
            .flatten()
            .flatten();
        if let Some(command) = command {
            self.editing.set(None);
            self.cancel_connecting();
            self.sync(command.keys());
            self.after_change();
        }
    }

    fn after_change(&self) {
        self.revision.update(|r| *r += 1);
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.persistence.schedule();
    }

    /// Brings the view's signals in line with the model for the records named by `keys`.
    fn sync<'k>(&self, keys: impl Iterator<Item = &'k Key>) {
        let (mut cards_changed, mut strings_changed, mut theories_changed) = (false, false, false);
        let mut pinned_changed = false;
        let mut moved = Vec::new();
        for key in keys {
            match key {
                Key::Position(id) => moved.push(id.clone()),
                Key::Card(id) => {
                    cards_changed |= self.sync_fan_card(id);
                    moved.push(id.clone());
                }
                Key::Hidden(_) => cards_changed = true,
                Key::String(id) => strings_changed |= self.sync_fan_string(id),
                Key::Theory(_) => theories_changed = true,
                Key::Pinned(_) => pinned_changed = true,
            }
        }
        moved.iter().for_each(|id| self.sync_position(id));
        if pinned_changed {
            self.pinned.set(self.board.with_value(|b| b.pinned.clone()));
        }
        if theories_changed {
            self.rebuild_theories();
        }
        if cards_changed || theories_changed {
            self.rebuild_cards();
        }
        if cards_changed || strings_changed || theories_changed {
            self.rebuild_strings();
            self.forget_missing_selection();
        }
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
        let theories: Vec<Theory> = self.board.with_value(|b| b.theories.values().cloned().collect());
        let active = self.active_theory.get_untracked();
        if active.as_ref().is_none_or(|id| !theories.iter().any(|t| &t.id == id)) {
            self.active_theory.set(theories.last().map(|t| t.id.clone()));
        }
        self.theories.set(theories);
    }

    /// The board's stored filters, or none (with a notice) when they name kinds this version
    /// does not know.
    fn readable_filters(&self, stored: &Filters) -> Filters {
        let unknown = stored.unknown_kinds();
        if unknown.is_empty() {
            return stored.clone();
        }
        self.notices.info(
            "filters",
            format!(
                "This board's filters name kinds Caseboard does not know ({}); everything is shown.",
                unknown.join(", ")
            ),
        );
        Filters::default()
    }

    /// The board's stored horizon, or everything (with a notice) when it names an episode the
    /// show does not have.
    fn readable_horizon(&self, stored: Option<u64>) -> Horizon {
        let episodes = self.universe.with_value(|u| u.episodes);
        parse_horizon(stored, episodes).unwrap_or_else(|e| {
            self.notices.info(
                "horizon",
                format!("This board's \"Watched up to\" could not be used ({e}); everything is shown."),
            );
            Horizon::Everything
        })
    }

    /// What is shown now: the fan's horizon, or the timeline's replay where it is earlier.
    pub fn effective_horizon(&self) -> Horizon {
        let fan = self.horizon.get_untracked();
        match self.replay.get_untracked() {
            Some(episode) => fan.min(Horizon::Episode(episode)),
            None => fan,
        }
    }

    /// Sets how far the fan has watched; saved with the board, not an undoable change.
    pub fn set_horizon(&self, horizon: Horizon) {
        self.board.update_value(|b| b.horizon = horizon_value(horizon));
        self.horizon.set(horizon);
        self.show_again();
        self.persistence.schedule();
    }

    /// Replays the board as known after `episode` (None: back to the fan's horizon).
    pub fn set_replay(&self, episode: Option<u32>) {
        self.replay.set(episode);
        self.show_again();
    }

    /// Rebuilds what is on the board after what may be shown changed.
    fn show_again(&self) {
        self.rebuild_cards();
        self.rebuild_strings();
        self.forget_missing_selection();
        if self.focus.with_untracked(|f| f.as_ref().is_some_and(|f| !self.on_board(&f.card))) {
            self.focus.set(None);
        }
        self.revision.update(|r| *r += 1);
    }

    /// True when the card is on the board now (not hidden, filtered out or beyond the horizon).
    pub fn on_board(&self, id: &str) -> bool {
        self.cards.with_untracked(|c| c.iter().any(|c| c.id == id))
    }

    /// Shows only what `filters` lets through; saved with the board, not an undoable change.
    pub fn set_filters(&self, filters: Filters) {
        self.board.update_value(|b| b.filters = filters.clone());
        self.filters.set(filters);
        self.show_again();
        self.persistence.schedule();
    }

    fn rebuild_cards(&self) {
        let hidden_ids = self.board.with_value(|b| b.hidden.clone());
        let filters = self.filters.get_untracked();
        let horizon = self.effective_horizon();
        // Canon beyond the horizon is not on the board, and not in the hidden list either.
        let (canon, hidden): (Vec<Entity>, Vec<Entity>) = self.universe.with_value(|u| {
            u.entities
                .iter()
                .filter(|e| entity_known(e, horizon, u.episodes))
                .cloned()
                .partition(|e| !hidden_ids.contains(&e.id))
        });
        let mut views: Vec<CardView> = canon
            .into_iter()
            .filter(|e| filters.shows_canon(e.kind))
            .filter_map(|e| {
                let position = self.position(&e.id)?;
                Some(CardView { id: e.id.clone(), kind: e.kind, face: Face::Canon(e), position })
            })
            .collect();
        let fan: Vec<(String, RwSignal<FanCard>)> =
            self.fan_cards.with_value(|m| m.iter().map(|(id, s)| (id.clone(), *s)).collect());
        let hidden_theories: Vec<String> =
            self.theories.with_untracked(|t| t.iter().filter(|t| !t.visible).map(|t| t.id.clone()).collect());
        let fan: Vec<CardView> = fan
            .into_iter()
            .filter(|_| filters.shows_fan_cards())
            .filter(|(_, signal)| {
                signal.with_untracked(|c| c.theory.as_ref().is_none_or(|t| !hidden_theories.contains(t)))
            })
            .filter_map(|(id, signal)| {
                let position = self.position(&id)?;
                let kind = signal.with_untracked(|c| c.kind);
                Some(CardView { id, kind, face: Face::Fan(signal), position })
            })
            .collect();
        views.extend(fan);
        self.cards.set(views);
        self.hidden.set(hidden);
    }

    fn rebuild_strings(&self) {
        let on_board: std::collections::HashSet<String> =
            self.cards.with_untracked(|c| c.iter().map(|c| c.id.clone()).collect());
        let shown_theories: std::collections::HashSet<String> =
            self.theories.with_untracked(|t| t.iter().filter(|t| t.visible).map(|t| t.id.clone()).collect());
        let ends_shown = |from: &str, to: &str| on_board.contains(from) && on_board.contains(to);
        let (filters, horizon) = (self.filters.get_untracked(), self.effective_horizon());
        let mut views: Vec<StringView> = self.universe.with_value(|u| {
            u.links
                .iter()
                .filter(|l| filters.canon_strings && link_known(u, l, horizon))
                .filter(|l| ends_shown(&l.from, &l.to))
                .map(|l| StringView {
                    id: l.id.clone(),
                    from: l.from.clone(),
                    to: l.to.clone(),
                    face: StringFace::Canon(l.clone()),
                })
                .collect()
        });
        let fan: Vec<StringView> = self.fan_strings.with_value(|m| {
            m.iter()
                .filter_map(|(id, signal)| {
                    let (from, to, theory) =
                        signal.with_untracked(|s| (s.from.clone(), s.to.clone(), s.theory.clone()));
                    let shown = filters.theory_strings && shown_theories.contains(&theory);
                    (shown && ends_shown(&from, &to)).then(|| StringView {
                        id: id.clone(),
                        from,
                        to,
                        face: StringFace::Fan(*signal),
                    })
                })
                .collect()
        });
        views.extend(fan);
        self.strings.set(views);
    }

    fn forget_missing_selection(&self) {
        let cards: std::collections::HashSet<String> =
            self.cards.with_untracked(|c| c.iter().map(|c| c.id.clone()).collect());
        let strings: std::collections::HashSet<String> =
            self.strings.with_untracked(|s| s.iter().map(|s| s.id.clone()).collect());
        let mut selection = self.selection.get_untracked();
        let before = selection.clone();
        selection.retain(|id| cards.contains(id), |id| strings.contains(id));
        if selection != before {
            self.selection.set(selection);
        }
    }

    /// Takes in a board another tab saved: its changes join this tab's (its version wins where
    /// both changed the same thing, with a notice). Not an undoable step of this tab's.
    pub fn merge_stored(&self, text: &str) {
        let revision = envelope::revision_of(text).max(self.persistence.revision());
        let Ok(theirs) = self.universe.with_value(|u| envelope::decode(text, &u.id)) else {
            return;
        };
        let merged = self.with_board(|ours| merge(&self.persistence.base(), ours, &theirs));
        self.board.update_value(|b| merged.command.apply(b));
        self.sync(merged.command.keys());
        let differs = self.with_board(|b| !b.same_records(&theirs));
        self.persistence.received(theirs, revision, text.to_string());
        if differs {
            // This tab holds work the other has not seen: pass it on.
            self.persistence.schedule();
        }
        self.revision.update(|r| *r += 1);
        if !merged.conflicts.is_empty() {
            let n = merged.conflicts.len();
            self.notices.info(
                "merged",
                format!(
                    "Another tab changed {n} thing{} you had changed here too; its version was kept.",
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
    }

    /// Moves the view; it is saved with the board but is not an undoable change.
    pub fn set_viewport(&self, viewport: Viewport) {
        let viewport = viewport.rounded();
        if !viewport.is_valid() {
            return;
        }
        self.viewport.set(viewport);
        self.board.update_value(|b| b.viewport = Some(viewport));
        self.persistence.schedule();
    }

    /// The rectangle holding every card on the board, in world units.
    pub fn bounds(&self) -> Option<Rect> {
        self.cards.with_untracked(|cards| Rect::bounding(cards.iter().map(CardView::rect)))
    }

    /// Moves the view so the world point `at` is in the middle of the visible board.
    pub fn centre_on(&self, at: Point) {
        self.set_viewport(self.centred_on(at, self.viewport.get_untracked().zoom));
    }

    /// The view at `zoom` that puts the world point `at` in the middle of the visible board.
    pub fn centred_on(&self, at: Point, zoom: f64) -> Viewport {
        let (centre, origin) = (visible_board().center(), board_origin());
        Viewport { x: centre.x - origin.x - at.x * zoom, y: centre.y - origin.y - at.y * zoom, zoom }
    }

    /// The part of the board that `view` shows on screen, in world units.
    pub fn visible_world(&self, view: Viewport) -> Rect {
        let (screen, origin) = (visible_board(), board_origin());
        let top_left = view.to_world(Point::new(screen.x - origin.x, screen.y - origin.y));
        Rect {
            x: top_left.x,
            y: top_left.y,
            width: screen.width / view.zoom,
            height: screen.height / view.zoom,
        }
    }

    /// Shows the whole board inside `area` (screen pixels).
    pub fn fit(&self, area: Rect) {
        if let Some(view) = self.fitting(area) {
            self.set_viewport(view);
        }
    }

    /// Fits a board opened without a saved view; only the fan's own moves of the view are
    /// saved, so merely looking at a board never writes it.
    pub fn fit_on_open(&self, area: Rect) {
        if let Some(view) = self.fitting(area).map(|v| v.rounded()).filter(Viewport::is_valid) {
            self.viewport.set(view);
        }
    }

    fn fitting(&self, area: Rect) -> Option<Viewport> {
        self.bounds().map(|bounds| Viewport::fitting_clear_of(bounds, area, minimap(), FIT_MARGIN))
    }

    /// Writes a pending save at once (the page may be about to go away).
    pub fn flush_save(&self) {
        self.persistence.flush();
    }

    /// Whether the browser refused the last save of this board.
    pub fn save_failed(&self) -> bool {
        self.persistence.failed()
    }
}

/// A fan card's title, or a placeholder when it has none.
pub fn display_title(card: &FanCard) -> String {
    let title = if card.kind == Kind::Note && card.title.trim().is_empty() {
        card.text.lines().next().unwrap_or("")
    } else {
        &card.title
    };
    let title = title.trim();
    if title.is_empty() {
        match card.kind {
            Kind::Note => "Empty note".to_string(),
            _ => "Untitled card".to_string(),
        }
    } else {
        title.chars().take(60).collect()
    }
}
