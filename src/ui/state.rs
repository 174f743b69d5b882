//! The board's reactive state: the pure model plus one position signal per card, and the
//! single door (`commit`) through which every change passes.

use crate::formats::envelope;
use crate::model::board::Board;
use crate::model::command::Command;
use crate::model::geometry::{Point, Rect, Size, Viewport};
use crate::model::layout::{card_size, default_layout};
use crate::model::universe::{Entity, Universe};
use crate::ui::notices::Notices;
use crate::web::debounce::Debounce;
use crate::web::storage;
use leptos::prelude::*;
use std::collections::HashMap;
use std::time::Duration;

/// Saves land at most this long after the last change.
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// The empty screen kept around the board by "Fit to view".
const FIT_MARGIN: f64 = 40.0;

/// A card as the view needs it: its facts and its position signal.
#[derive(Clone)]
pub struct CardView {
    pub entity: Entity,
    pub position: RwSignal<Point>,
}

#[derive(Clone, Copy)]
pub struct BoardState {
    pub universe: StoredValue<Universe>,
    defaults: StoredValue<HashMap<String, Point>>,
    board: StoredValue<Board>,
    positions: StoredValue<HashMap<String, RwSignal<Point>>>,
    pub viewport: RwSignal<Viewport>,
    /// True while two fingers pinch: a card drag that one of them began gives way.
    pub pinching: StoredValue<bool>,
    pub notices: Notices,
    storage_key: StoredValue<String>,
    /// False when saving would overwrite stored data that could not be backed up.
    may_save: StoredValue<bool>,
    save_debounce: Debounce,
}

impl BoardState {
    /// The state of a universe's board, restored from storage where it can be.
    pub fn load(universe: Universe, notices: Notices) -> BoardState {
        let defaults = default_layout(&universe);
        let storage_key = format!("caseboard.board.{}", universe.id);
        let (board, may_save) = restore(&universe, &storage_key, notices);
        let positions = universe
            .entities
            .iter()
            .filter_map(|e| Some((e.id.clone(), RwSignal::new(board.position(&e.id, &defaults)?))))
            .collect();
        BoardState {
            viewport: RwSignal::new(board.viewport.unwrap_or_default()),
            pinching: StoredValue::new(false),
            universe: StoredValue::new(universe),
            defaults: StoredValue::new(defaults),
            board: StoredValue::new(board),
            positions: StoredValue::new(positions),
            notices,
            storage_key: StoredValue::new(storage_key),
            may_save: StoredValue::new(may_save),
            save_debounce: Debounce::new(SAVE_DELAY),
        }
    }

    pub fn cards(&self) -> Vec<CardView> {
        self.universe.with_value(|u| {
            u.entities
                .iter()
                .filter_map(|e| Some(CardView { entity: e.clone(), position: self.position(&e.id)? }))
                .collect()
        })
    }

    pub fn position(&self, id: &str) -> Option<RwSignal<Point>> {
        self.positions.with_value(|p| p.get(id).copied())
    }

    pub fn has_saved_view(&self) -> bool {
        self.board.with_value(|b| b.viewport.is_some())
    }

    /// Applies a change to the model, mirrors it in the view and schedules a save.
    pub fn commit(&self, command: Command) {
        self.defaults.with_value(|defaults| {
            self.board.update_value(|board| command.apply(board, defaults));
        });
        match command.moved_cards() {
            Some(ids) => ids.into_iter().for_each(|id| self.sync_position(id)),
            None => {
                let ids: Vec<String> = self.positions.with_value(|p| p.keys().cloned().collect());
                ids.iter().for_each(|id| self.sync_position(id));
            }
        }
        self.schedule_save();
    }

    /// Puts every card back in its default place (one undoable change).
    pub fn reset(&self) {
        let command = self.board.with_value(Command::reset);
        self.commit(command);
        self.notices.info("reset", "The board is back in its default layout.".to_string());
    }

    fn sync_position(&self, id: &str) {
        let place = self.defaults.with_value(|d| self.board.with_value(|b| b.position(id, d)));
        if let (Some(signal), Some(place)) = (self.position(id), place) {
            if signal.get_untracked() != place {
                signal.set(place);
            }
        }
    }

    /// Moves the view; it is saved with the board but is not an undoable change.
    pub fn set_viewport(&self, viewport: Viewport) {
        if !viewport.is_valid() {
            return;
        }
        self.viewport.set(viewport);
        self.board.update_value(|b| b.viewport = Some(viewport));
        self.schedule_save();
    }

    /// The rectangle holding every card, in world units.
    pub fn bounds(&self) -> Option<Rect> {
        self.universe.with_value(|u| {
            Rect::bounding(u.entities.iter().filter_map(|e| {
                let at = self.position(&e.id)?.get_untracked();
                Some(Rect::at(at, card_size(e.kind)))
            }))
        })
    }

    /// Shows the whole board inside `area` (screen pixels).
    pub fn fit(&self, area: Rect) {
        if let Some(bounds) = self.bounds() {
            let size = Size { width: area.width, height: area.height };
            self.set_viewport(Viewport::fitting(bounds, size, FIT_MARGIN).panned(area.x, area.y));
        }
    }

    fn schedule_save(&self) {
        let state = *self;
        self.save_debounce.schedule(move || state.save_now());
    }

    /// Writes a pending save at once (the page may be about to go away).
    pub fn flush_save(&self) {
        if self.save_debounce.cancel() {
            self.save_now();
        }
    }

    fn save_now(&self) {
        if !self.may_save.get_value() {
            return;
        }
        let text = self.board.with_value(envelope::encode);
        let key = self.storage_key.get_value();
        match storage::write(&key, &text) {
            Ok(()) => self.notices.dismiss_topic("save-failed"),
            Err(e) => self.notices.problem(
                "save-failed",
                format!("Your board is not saved: the browser refused to store it ({e}). Keep this tab open; the next change tries again."),
            ),
        }
    }
}

/// Reads the stored board. What cannot be read is copied to a backup key before anything
/// else may be written over it; the second value says whether saving is safe.
fn restore(universe: &Universe, key: &str, notices: Notices) -> (Board, bool) {
    let fresh = Board::new(&universe.id, universe.version);
    let stored = match storage::read(key) {
        Ok(Some(text)) => text,
        Ok(None) => return (fresh, true),
        Err(e) => {
            notices.problem(
                "storage-unavailable",
                format!("This browser won't let Caseboard store anything ({e}). The board works, but changes are lost when the tab closes."),
            );
            return (fresh, false);
        }
    };
    let reason = match envelope::decode(&stored, &universe.id) {
        Ok(board) => return (board, true),
        Err(reason) => reason,
    };
    let backup_key = format!("caseboard.backup.{}", js_sys_now());
    match storage::write(&backup_key, &stored) {
        Ok(()) => {
            notices.problem(
                "unreadable-board",
                format!("Your saved board could not be read: {reason}. It is kept untouched under the storage key \"{backup_key}\", and the default board is shown."),
            );
            (fresh, true)
        }
        Err(e) => {
            notices.problem(
                "unreadable-board",
                format!("Your saved board could not be read: {reason}. It could not be backed up either ({e}), so it is left where it is and this session will not save over it."),
            );
            (fresh, false)
        }
    }
}

fn js_sys_now() -> u64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| (p.time_origin() + p.now()) as u64)
        .unwrap_or_default()
}
