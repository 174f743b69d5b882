//! The open board (`BoardState`): its document (records and history), the fan's saved view and
//! this tab's transient state, each its own type, and what is on the board now, worked out from
//! the three by the one rule in `model::on_board`. Changes come in through `commit`, `undo`,
//! `redo` and the view's setters; persistence observes them.

use crate::model::board::{Arrangement, FanCard, FanString};
use crate::model::command::Command;
use crate::model::filter::Filters;
use crate::model::geometry::{Point, Rect, Viewport};
use crate::model::history::History;
use crate::model::horizon::{horizon_value, parse_horizon, Horizon};
use crate::model::layout::card_size;
use crate::model::on_board::OnBoard;
use crate::model::query::neighbourhood;
use crate::model::universe::{CanonLink, Entity, Kind, Universe};
use crate::session::document::{Changed, Document};
use crate::session::notices::Notices;
use crate::session::persistence::{Persistence, Source};
use crate::session::saved_view::SavedView;
use crate::session::screen::Screen;
use crate::session::transient::Transient;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashSet};

/// The empty screen kept around the board by "Fit to view": enough to see the board's edge, and
/// little enough that the whole Ballard board reads at full faces (70 %) on a 1366×768 laptop.
const FIT_MARGIN: f64 = 24.0;

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

#[derive(Clone, Copy)]
pub struct BoardState {
    pub doc: Document,
    pub view: SavedView,
    pub ui: Transient,
    /// The cards on the board, canon first (in universe order), then the fan's.
    pub cards: RwSignal<Vec<CardView>>,
    /// The strings on the board.
    pub strings: RwSignal<Vec<StringView>>,
    /// Canon cards the fan hid, in universe order.
    pub hidden: RwSignal<Vec<Entity>>,
    /// Under focus, the cards that stay lit; None when nothing is focused.
    pub lit: Memo<Option<BTreeSet<String>>>,
    pub notices: Notices,
    pub persistence: Persistence,
    pub screen: Screen,
}

impl BoardState {
    /// The state of a board of `universe`, restored from storage where it can be.
    pub fn load(universe: Universe, source: Source, notices: Notices, screen: Screen) -> BoardState {
        // A board made now takes the shape of the screen it is made on.
        let window = screen.now().window;
        let arrangement = Arrangement::for_screen(window.width, window.height);
        let (restored, history, stored) = Persistence::restore(&universe, source, arrangement, notices);
        let doc = Document::new(universe, Default::default());
        let view = SavedView::new(restored.viewport.unwrap_or_default());
        let strings = RwSignal::new(Vec::<StringView>::new());
        let focus = view.focus;
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
            doc,
            view,
            ui: Transient::new(),
            cards: RwSignal::new(Vec::new()),
            strings,
            hidden: RwSignal::new(Vec::new()),
            lit,
            notices,
            persistence: Persistence::new(stored, doc, notices),
            screen,
        };
        state.view.filters.set(state.readable_filters(&restored.filters));
        state.view.horizon.set(state.readable_horizon(restored.horizon));
        state.doc.replace(restored);
        state.doc.set_history(history);
        state.show(Changed { cards: true, strings: true, theories: true });
        state.persistence.offer_export(Callback::new(move |_| _ = state.rescue_board()));
        state.persistence.merge_with(Callback::new(move |text: String| state.merge_stored(&text)));
        state
    }

    /// Applies a change to the model, records it for undo and mirrors it in the view.
    pub fn commit(&self, command: Command) {
        self.commit_recorded(command, History::record);
    }

    /// Commits a step of a run of key presses (see [`History::record_in_run`]).
    pub fn commit_in_run(&self, command: Command, continues: bool) {
        self.commit_recorded(command, |history, command| history.record_in_run(command, continues));
    }

    fn commit_recorded(&self, command: Command, record: impl FnOnce(&mut History, Command)) {
        if let Some(changed) = self.doc.apply(command, record) {
            self.show(changed);
        }
    }

    pub fn undo(&self) {
        self.step_history(History::undo);
    }

    pub fn redo(&self) {
        self.step_history(History::redo);
    }

    fn step_history(&self, step: fn(&mut History, &mut crate::model::board::Board) -> Option<Command>) {
        if let Some(changed) = self.doc.step(step) {
            self.ui.editing.set(None);
            self.cancel_connecting();
            self.show(changed);
        }
    }

    /// Rebuilds what is on the board as far as a change of the records requires.
    pub(crate) fn show(&self, changed: Changed) {
        if changed.theories {
            self.keep_active_theory();
        }
        if changed.cards || changed.theories {
            self.rebuild_cards();
        }
        if changed.cards || changed.strings || changed.theories {
            self.rebuild_strings();
            self.forget_missing_selection();
        }
    }

    /// The active theory stays one that exists: the newest, when it went.
    fn keep_active_theory(&self) {
        let exists = |id: &String| self.doc.theories.with_untracked(|t| t.iter().any(|t| &t.id == id));
        if self.ui.active_theory.get_untracked().as_ref().is_none_or(|id| !exists(id)) {
            let newest = self.doc.theories.with_untracked(|t| t.last().map(|t| t.id.clone()));
            self.ui.active_theory.set(newest);
        }
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
        let episodes = self.doc.universe.with_value(|u| u.episodes);
        parse_horizon(stored, episodes).unwrap_or_else(|e| {
            self.notices.info(
                "horizon",
                format!("This board's \"Watched up to\" could not be used ({e}); everything is shown."),
            );
            Horizon::Everything
        })
    }

    /// Sets how far the fan has watched; saved with the board, not an undoable change.
    pub fn set_horizon(&self, horizon: Horizon) {
        self.doc.update_saved(|b| b.horizon = horizon_value(horizon));
        self.view.horizon.set(horizon);
        self.show_again();
    }

    /// Replays the board as known after `episode` (None: back to the fan's horizon).
    pub fn set_replay(&self, episode: Option<u32>) {
        self.view.replay.set(episode);
        self.show_again();
    }

    /// Shows only what `filters` lets through; saved with the board, not an undoable change.
    pub fn set_filters(&self, filters: Filters) {
        let saved = filters.clone();
        self.doc.update_saved(|b| b.filters = saved);
        self.view.filters.set(filters);
        self.show_again();
    }

    /// Shows only what is known before the first episode, until the fan says how far they have
    /// watched; nothing is saved.
    pub fn show_only_premise(&self) {
        self.view.horizon.set(Horizon::Nothing);
        self.show_again();
    }

    /// Rebuilds what is on the board after what may be shown changed.
    fn show_again(&self) {
        self.rebuild_cards();
        self.rebuild_strings();
        self.forget_missing_selection();
        let focus_gone =
            self.view.focus.with_untracked(|f| f.as_ref().is_some_and(|f| !self.on_board(&f.card)));
        if focus_gone {
            self.view.focus.set(None);
        }
        self.doc.revision.update(|r| *r += 1);
    }

    /// True when the card is on the board now (not hidden, filtered out or beyond the horizon).
    pub fn on_board(&self, id: &str) -> bool {
        self.cards.with_untracked(|c| c.iter().any(|c| c.id == id))
    }

    /// Runs `f` with the rule of what is on the board now (`model::on_board`).
    fn with_on_board<R>(&self, f: impl FnOnce(OnBoard) -> R) -> R {
        let filters = self.view.filters.get_untracked();
        let horizon = self.view.effective_horizon();
        self.doc.universe.with_value(|universe| {
            self.doc.with_board(|board| f(OnBoard { universe, board, filters: &filters, horizon }))
        })
    }

    fn rebuild_cards(&self) {
        let (canon, fan, hidden): (Vec<Entity>, Vec<String>, Vec<Entity>) = self.with_on_board(|on_board| {
            let canon = on_board.canon_cards().cloned().collect();
            let fan = on_board.fan_cards().map(|c| c.id.clone()).collect();
            (canon, fan, on_board.hidden_canon().cloned().collect())
        });
        let mut views: Vec<CardView> = canon
            .into_iter()
            .filter_map(|e| {
                let position = self.doc.position(&e.id)?;
                Some(CardView { id: e.id.clone(), kind: e.kind, face: Face::Canon(e), position })
            })
            .collect();
        views.extend(fan.into_iter().filter_map(|id| {
            let (signal, position) = (self.doc.fan_card(&id)?, self.doc.position(&id)?);
            let kind = signal.with_untracked(|c| c.kind);
            Some(CardView { id, kind, face: Face::Fan(signal), position })
        }));
        self.cards.set(views);
        self.hidden.set(hidden);
    }

    fn rebuild_strings(&self) {
        let (canon, fan): (Vec<CanonLink>, Vec<String>) = self.with_on_board(|on_board| {
            (
                on_board.canon_links().cloned().collect(),
                on_board.fan_strings().map(|s| s.id.clone()).collect(),
            )
        });
        let mut views: Vec<StringView> = canon
            .into_iter()
            .map(|l| StringView {
                id: l.id.clone(),
                from: l.from.clone(),
                to: l.to.clone(),
                face: StringFace::Canon(l),
            })
            .collect();
        views.extend(fan.into_iter().filter_map(|id| {
            let signal = self.doc.fan_string(&id)?;
            let (from, to) = signal.with_untracked(|s| (s.from.clone(), s.to.clone()));
            Some(StringView { id, from, to, face: StringFace::Fan(signal) })
        }));
        self.strings.set(views);
    }

    fn forget_missing_selection(&self) {
        let cards: HashSet<String> = self.cards.with_untracked(|c| c.iter().map(|c| c.id.clone()).collect());
        let strings: HashSet<String> =
            self.strings.with_untracked(|s| s.iter().map(|s| s.id.clone()).collect());
        let mut selection = self.ui.selection.get_untracked();
        let before = selection.clone();
        selection.retain(|id| cards.contains(id), |id| strings.contains(id));
        if selection != before {
            self.ui.selection.set(selection);
        }
    }

    /// Moves the view; it is saved with the board but is not an undoable change.
    pub fn set_viewport(&self, viewport: Viewport) {
        let viewport = viewport.rounded();
        if !viewport.is_valid() {
            return;
        }
        self.view.viewport.set(viewport);
        self.doc.update_saved(|b| b.viewport = Some(viewport));
    }

    /// The rectangle holding every card on the board, in world units.
    pub fn bounds(&self) -> Option<Rect> {
        self.cards.with_untracked(|cards| Rect::bounding(cards.iter().map(CardView::rect)))
    }

    /// Moves the view so the world point `at` is in the middle of the visible board.
    pub fn centre_on(&self, at: Point) {
        self.set_viewport(self.centred_on(at, self.view.viewport.get_untracked().zoom));
    }

    /// The view at `zoom` that puts the world point `at` in the middle of the visible board.
    pub fn centred_on(&self, at: Point, zoom: f64) -> Viewport {
        let layout = self.screen.now();
        let (centre, origin) = (layout.visible.center(), layout.origin);
        Viewport { x: centre.x - origin.x - at.x * zoom, y: centre.y - origin.y - at.y * zoom, zoom }
    }

    /// The part of the board that `view` shows on screen, in world units.
    pub fn visible_world(&self, view: Viewport) -> Rect {
        let layout = self.screen.now();
        let (screen, origin) = (layout.visible, layout.origin);
        let top_left = view.to_world(Point::new(screen.x - origin.x, screen.y - origin.y));
        Rect {
            x: top_left.x,
            y: top_left.y,
            width: screen.width / view.zoom,
            height: screen.height / view.zoom,
        }
    }

    /// Shows the whole board in the visible part of the screen.
    pub fn fit(&self) {
        if let Some(view) = self.fitting() {
            self.set_viewport(view);
        }
    }

    /// Fits a board opened without a saved view; only the fan's own moves of the view are
    /// saved, so merely looking at a board never writes it.
    pub fn fit_on_open(&self) {
        let fitted = self.fitting().map(|v| v.rounded()).filter(Viewport::is_valid);
        // Fitted once already (before the first draw), it wakes nothing the second time.
        if let Some(view) = fitted.filter(|v| *v != self.view.viewport.get_untracked()) {
            self.view.viewport.set(view);
        }
    }

    fn fitting(&self) -> Option<Viewport> {
        let layout = self.screen.now();
        self.bounds().map(|bounds| Viewport::fitting_in(bounds, layout.visible, FIT_MARGIN))
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
