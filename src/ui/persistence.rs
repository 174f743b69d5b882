//! Saving the board: debounced after a change, flushed when the page goes away, and never over
//! stored data that could not be read and could not be backed up.

use crate::formats::envelope;
use crate::model::board::Board;
use crate::model::universe::Universe;
use crate::ui::notices::Notices;
use crate::ui::saved_data::BACKUP_PREFIX;
use crate::web::debounce::Debounce;
use crate::web::storage;
use leptos::prelude::*;
use std::time::Duration;

/// Saves land at most this long after the last change.
const SAVE_DELAY: Duration = Duration::from_millis(250);

#[derive(Clone, Copy)]
pub struct Persistence {
    board: StoredValue<Board>,
    /// What a failed save offers the fan: the board as a file.
    export: StoredValue<Option<Callback<()>>>,
    key: StoredValue<String>,
    /// False when saving would overwrite stored data that could not be backed up.
    may_save: StoredValue<bool>,
    debounce: Debounce,
    notices: Notices,
}

impl Persistence {
    /// Reads the universe's stored board into `board` and returns the saver for it.
    pub fn open(universe: &Universe, board: StoredValue<Board>, notices: Notices) -> Persistence {
        let key = format!("caseboard.board.{}", universe.id);
        let (restored, may_save) = restore(universe, &key, notices);
        board.set_value(restored);
        Persistence {
            board,
            export: StoredValue::new(None),
            key: StoredValue::new(key),
            may_save: StoredValue::new(may_save),
            debounce: Debounce::new(SAVE_DELAY),
            notices,
        }
    }

    pub fn offer_export(self, export: Callback<()>) {
        self.export.set_value(Some(export));
    }

    pub fn schedule(self) {
        self.debounce.schedule(move || self.save_now());
    }

    /// Writes a pending save at once.
    pub fn flush(self) {
        if self.debounce.cancel() {
            self.save_now();
        }
    }

    fn save_now(self) {
        if !self.may_save.get_value() {
            return;
        }
        let text = self.board.with_value(envelope::encode);
        match storage::write(&self.key.get_value(), &text) {
            Ok(()) => self.notices.dismiss_topic("save-failed"),
            Err(e) => {
                let text = format!("Your board is not saved: the browser refused to store it ({e}). Export it to keep a copy; the next change tries again.");
                match self.export.get_value() {
                    Some(export) => self.notices.problem_with("save-failed", text, ("Export board", export)),
                    None => self.notices.problem("save-failed", text),
                }
            }
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
    let backup_key = format!("{BACKUP_PREFIX}{}", now_ms());
    match storage::write(&backup_key, &stored) {
        Ok(()) => {
            notices.problem(
                "unreadable-board",
                format!("Your saved board could not be read: {reason}. It is kept untouched as a backup (\"{backup_key}\"; download it under Theories → Saved data), and the default board is shown."),
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

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
