//! Saving the board: debounced after a change, flushed when the page goes away. Every save reads
//! what is stored first and judges it as startup does, so it never writes over stored data that
//! could not be read and could not be backed up, a newer Caseboard's board, or a board another
//! tab deleted.

use crate::formats::{envelope, library};
use crate::model::board::{Arrangement, Board};
use crate::model::history::History;
use crate::model::universe::Universe;
use crate::session::document::Document;
use crate::session::keys::{self, backup_key};
use crate::session::notices::Notices;
use crate::session::undo_kept;
use crate::web::debounce::Debounce;
use crate::web::{storage, timing};
use leptos::prelude::*;
use std::time::Duration;

/// Saves land at most this long after the last change.
const SAVE_DELAY: Duration = Duration::from_millis(250);

#[derive(Clone, Copy)]
pub struct Persistence {
    doc: Document,
    /// The last board this tab took from storage (loaded, or another tab's save it merged): what
    /// both tabs agreed on. This tab's own saves do not move it, because another tab may have
    /// written over them without having seen them.
    base: StoredValue<Board>,
    /// The board this tab last saved, and its revision: the base instead, for a save of another
    /// tab's with a later revision, which that tab made on top of this one's.
    own: StoredValue<Option<(u64, Board)>>,
    /// The revision storage holds, as this tab knows it.
    revision: StoredValue<u64>,
    /// Counts this tab's saves, for views of what storage holds.
    pub saves: RwSignal<u64>,
    /// The text storage held when this tab last synced; other text there is another tab's save.
    last_text: StoredValue<Option<String>>,
    /// The document's change count when a save was last scheduled or written.
    seen: StoredValue<u64>,
    /// Merges a newer stored board (from another tab) into this one.
    merge_in: StoredValue<Option<Callback<String>>>,
    /// What a failed save offers the fan: the board as a file.
    export: StoredValue<Option<Callback<()>>>,
    /// None for a board that is not stored (a shared board being previewed).
    key: StoredValue<Option<String>>,
    /// False when saving would overwrite stored data that could not be backed up.
    may_save: StoredValue<bool>,
    /// The last save was refused: storage does not hold the board as it is.
    failed: RwSignal<bool>,
    /// Saving stopped because storage holds what this tab must not write over (see
    /// [`Persistence::sync`]).
    stopped: StoredValue<bool>,
    /// A change was made since saving stopped: only a file can keep it.
    unsaved: StoredValue<bool>,
    debounce: Debounce,
    notices: Notices,
}

/// What storage held for a board when it was opened.
pub struct Stored {
    key: Option<String>,
    text: Option<String>,
    board: Board,
    revision: u64,
    may_save: bool,
}

impl Persistence {
    /// Reads the board `source` names: the board to show, and what storage held. A board not
    /// stored yet is made with the default layout of `arrangement`.
    pub fn restore(
        universe: &Universe,
        source: Source,
        arrangement: Arrangement,
        notices: Notices,
    ) -> (Board, History, Stored) {
        let (stored, history) = match source {
            Source::Stored { key, name } => {
                let text = storage::read(&key).ok().flatten();
                let (mut board, revision, may_save) = restore(universe, &key, arrangement, notices);
                // Revision 0: no board was read (none stored, or one that could not be), so no
                // history saved with one applies.
                let history = match revision {
                    0 => History::default(),
                    _ => undo_kept::restore(universe, &key, &board, notices),
                };
                board.name = name;
                (Stored { key: Some(key), text, board, revision, may_save }, history)
            }
            Source::Shared(shared) => (
                Stored { key: None, text: None, board: shared, revision: 0, may_save: false },
                History::default(),
            ),
        };
        (stored.board.clone(), history, stored)
    }

    /// The saver of `doc`, which was restored as `stored`: it saves after every change the
    /// document reports (debounced), observing the document rather than being called by it.
    pub fn new(stored: Stored, doc: Document, notices: Notices) -> Persistence {
        let persistence = Persistence {
            doc,
            base: StoredValue::new(stored.board),
            own: StoredValue::new(None),
            revision: StoredValue::new(stored.revision),
            last_text: StoredValue::new(stored.text),
            seen: StoredValue::new(doc.changes.get_untracked()),
            saves: RwSignal::new(0),
            merge_in: StoredValue::new(None),
            export: StoredValue::new(None),
            key: StoredValue::new(stored.key),
            may_save: StoredValue::new(stored.may_save),
            failed: RwSignal::new(false),
            stopped: StoredValue::new(false),
            unsaved: StoredValue::new(false),
            debounce: Debounce::new(SAVE_DELAY),
            notices,
        };
        Effect::new(move |_| {
            let changes = doc.changes.get();
            if persistence.seen.try_get_value().is_some_and(|seen| seen != changes) {
                persistence.seen.set_value(changes);
                persistence.schedule();
            }
        });
        persistence
    }

    pub fn offer_export(self, export: Callback<()>) {
        self.export.set_value(Some(export));
    }

    pub fn key(self) -> Option<String> {
        self.key.get_value()
    }

    /// Whether the last save was refused, so storage lacks the board's latest changes (tracked).
    pub fn failed(self) -> bool {
        self.failed.get()
    }

    /// Whether this tab holds a change it may not save (a newer Caseboard's board, or unreadable
    /// text it could not back up, is in storage), so leaving the board must keep it as a file.
    pub fn holds_unsaved(self) -> bool {
        self.unsaved.get_value()
    }

    /// How newer boards saved by other tabs are taken in.
    pub fn merge_with(self, merge_in: Callback<String>) {
        self.merge_in.set_value(Some(merge_in));
    }

    /// What this tab and another agreed on, for merging the other's save of `revision`: this
    /// tab's own last save if the other saved after it (so had read it), else what both last took
    /// from storage. Without the first, a change made on top of this tab's save looked like an
    /// old value, and each tab kept its own.
    pub fn base_for(self, revision: u64) -> Board {
        self.own
            .with_value(|own| {
                own.as_ref().filter(|(saved, _)| revision > *saved).map(|(_, board)| board.clone())
            })
            .unwrap_or_else(|| self.base.get_value())
    }

    pub fn revision(self) -> u64 {
        self.revision.get_value()
    }

    /// This tab took `board` (stored as `text`, revision `revision`) from storage.
    pub fn received(self, board: Board, revision: u64, text: String) {
        self.base.set_value(board);
        self.wrote(revision, text);
    }

    /// Storage holds `text`, revision `revision`, as this tab knows it.
    fn wrote(self, revision: u64, text: String) {
        self.revision.set_value(revision);
        self.last_text.set_value(Some(text));
    }

    /// What storage holds now, if another tab has saved since this one last synced. Read afresh
    /// rather than taken from a storage event, which may be older than what is there by now.
    fn saved_elsewhere(self) -> Option<String> {
        let now = storage::read(&self.key.get_value()?).ok().flatten()?;
        self.last_text.with_value(|last| last.as_deref() != Some(now.as_str())).then_some(now)
    }

    /// Takes in what another tab stored since this one last synced, by the rule applied at
    /// startup: a board this tab reads is merged in; a newer Caseboard's is left untouched and
    /// this tab stops saving; unreadable text is backed up before anything is written over it.
    /// False when this tab must not save.
    pub fn sync(self) -> bool {
        if !self.may_save.get_value() {
            return false;
        }
        if self.key.with_value(|key| key.as_deref().is_some_and(deleted_elsewhere)) {
            // Saving would bring back a board another tab deleted; its list's change tells
            // this tab, which offers the fan a copy (`tab_sync`).
            self.forget();
            return false;
        }
        let Some(now) = self.saved_elsewhere() else { return true };
        match self.doc.universe.with_value(|u| envelope::decode_for(&now, u)) {
            Ok(_) => {
                if let Some(merge_in) = self.merge_in.get_value() {
                    merge_in.run(now);
                }
                true
            }
            Err(reason @ envelope::EnvelopeError::Newer { .. }) => {
                self.stop_saving(format!("A newer Caseboard saved this board in another tab ({reason}); this tab no longer saves it, so the newer version is left untouched. Reload to use the newer version; changes made here since are not in it, so download this tab's board first to keep them."));
                false
            }
            Err(reason) => self.back_up_elsewhere(now, &reason.to_string()),
        }
    }

    /// Another tab stored `text`, which this tab cannot read: it is copied to a backup key, and
    /// then this tab's board is saved in its place. Without a backup, nothing is written over it.
    fn back_up_elsewhere(self, text: String, reason: &str) -> bool {
        let backup_key = backup_key(now_ms());
        match storage::write(&backup_key, &text) {
            Ok(()) => {
                self.notices.problem(
                    "unreadable-elsewhere",
                    format!("Another tab stored something this tab cannot read under this board: {reason}. It is kept untouched as a backup (\"{backup_key}\"; download it under Theories → Saved data), and this tab's board is saved in its place."),
                );
                self.last_text.set_value(Some(text));
                // Storage should hold a board again, even if this tab changes nothing more.
                self.doc.changed();
                true
            }
            Err(e) => {
                self.stop_saving(format!("Another tab stored something this tab cannot read under this board: {reason}. It could not be backed up ({e}), so it is left where it is and this tab no longer saves the board. Download this tab's board to keep your changes."));
                false
            }
        }
    }

    /// Saving stops for good in this tab, quietly: the board was deleted.
    pub fn forget(self) {
        self.may_save.set_value(false);
        self.debounce.cancel();
    }

    /// Saving stops for good in this tab; the notice offers the board as a file, which is then
    /// the only place this tab's changes are kept.
    fn stop_saving(self, text: String) {
        self.forget();
        self.stopped.set_value(true);
        match self.export.get_value() {
            Some(export) => {
                self.notices.problem_with("not-saving", text, ("Download this tab's board", export))
            }
            None => self.notices.problem("not-saving", text),
        }
    }

    fn schedule(self) {
        self.debounce.schedule(move || self.save_now());
    }

    /// Writes a pending save at once, or a change the document made that is not scheduled yet.
    pub fn flush(self) {
        let unseen = self.doc.changes.try_get_untracked().zip(self.seen.try_get_value());
        let unseen = unseen.is_some_and(|(changes, seen)| changes != seen);
        if self.debounce.cancel() || unseen {
            if let Some(changes) = self.doc.changes.try_get_untracked() {
                self.seen.set_value(changes);
            }
            self.save_now();
        }
    }

    fn save_now(self) {
        let Some(key) = self.key.get_value() else { return };
        // Another tab may have saved since this one last synced: take its work in first, so
        // this save never writes an older board over a newer one, nor over what it cannot read.
        if !self.sync() {
            if self.stopped.get_value() {
                self.unsaved.set_value(true);
            }
            return;
        }
        let revision = self.revision() + 1;
        let (text, written) = timing::measure("caseboard-save", || {
            let text = self.doc.with_board(|b| envelope::encode(b, revision));
            let written = storage::write(&key, &text);
            (text, written)
        });
        if self.failed.get_untracked() != written.is_err() {
            self.failed.set(written.is_err());
        }
        match written {
            Ok(()) => {
                // Outside the save's measure, which the benchmark prints: a copy, not a save.
                self.own.set_value(Some((revision, self.doc.with_board(Board::clone))));
                self.wrote(revision, text);
                self.saves.update(|n| *n += 1);
                self.notices.dismiss_topic("save-failed");
                undo_kept::save(self.doc, &key, self.notices);
            }
            Err(e) => {
                let text = format!("Your board is not saved: the browser refused to store it ({e}). Export it to keep a copy, and make room by deleting boards or backups you no longer need (Theories → Boards, and Saved data); the next change tries again.");
                match self.export.get_value() {
                    Some(export) => self.notices.problem_with("save-failed", text, ("Export board", export)),
                    None => self.notices.problem("save-failed", text),
                }
            }
        }
    }
}

/// Where a board comes from.
pub enum Source {
    /// Stored under `key`; `name` is what the board list calls it.
    Stored { key: String, name: String },
    /// A shared board being previewed: shown, never saved until the fan saves it as a board.
    Shared(Board),
}

/// Reads the stored board. What cannot be read is copied to a backup key before anything
/// else may be written over it; the second value says whether saving is safe.
fn restore(universe: &Universe, key: &str, arrangement: Arrangement, notices: Notices) -> (Board, u64, bool) {
    let fresh = Board { arrangement, ..Board::new(&universe.id, universe.version) };
    let stored = match storage::read(key) {
        Ok(Some(text)) => text,
        Ok(None) => return (fresh, 0, true),
        Err(e) => {
            notices.problem(
                "storage-unavailable",
                format!("This browser won't let Caseboard store anything ({e}). The board works, but changes are lost when the tab closes."),
            );
            return (fresh, 0, false);
        }
    };
    let reason = match envelope::decode_for(&stored, universe) {
        Ok(board) => return (board, envelope::revision_of(&stored), true),
        Err(reason @ envelope::EnvelopeError::Newer { .. }) => {
            notices.problem(
                "newer-board",
                format!("This board cannot be opened here: {reason}. It is left untouched for that Caseboard; the default board is shown, and nothing you do here is saved over it. Open a new board to keep work."),
            );
            return (fresh, 0, false);
        }
        Err(reason) => reason,
    };
    let backup_key = backup_key(now_ms());
    match storage::write(&backup_key, &stored) {
        Ok(()) => {
            notices.problem(
                "unreadable-board",
                format!("Your saved board could not be read: {reason}. It is kept untouched as a backup (\"{backup_key}\"; download it under Theories → Saved data), and the default board is shown."),
            );
            (fresh, 0, true)
        }
        Err(e) => {
            notices.problem(
                "unreadable-board",
                format!("Your saved board could not be read: {reason}. It could not be backed up either ({e}), so it is left where it is and this session will not save over it."),
            );
            (fresh, 0, false)
        }
    }
}

/// True when the board list, as another tab may have written it just now, says the board
/// stored under `key` was deleted.
fn deleted_elsewhere(key: &str) -> bool {
    let Some(id) = keys::board_id_of_key(key) else { return false };
    let index = storage::read(keys::INDEX).ok().flatten();
    index.and_then(|text| library::decode(&text).ok()).is_some_and(|l| l.deleted.iter().any(|d| d == id))
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
