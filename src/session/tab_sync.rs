//! Other tabs: their saves of the board on screen are merged in (their version wins where both
//! changed the same thing, with a notice), and their changes of the board list are followed: a
//! deletion of the board on screen stops its saving here and offers a copy.

use crate::formats::envelope;
use crate::formats::library::{self, Library};
use crate::model::board::Board;
use crate::model::merge::merge;
use crate::session::keys;
use crate::session::library::{read_library, Boards, Opened};
use crate::session::open_board::BoardState;
use crate::web::lifecycle;
use crate::web::storage;
use leptos::prelude::*;

impl BoardState {
    /// Takes in a board another tab saved: its changes join this tab's (its version wins where
    /// both changed the same thing, with a notice). Not an undoable step of this tab's.
    pub fn merge_stored(&self, text: &str) {
        let their_revision = envelope::revision_of(text);
        let revision = their_revision.max(self.persistence.revision());
        let Ok(theirs) = self.doc.universe.with_value(|u| envelope::decode_for(text, u)) else {
            return;
        };
        let base = self.persistence.base_for(their_revision);
        let merged = self.doc.with_board(|ours| merge(&base, ours, &theirs));
        let changed = self.doc.take_in(&merged.command);
        self.show(changed);
        if self.doc.drop_history_unless_it_fits() {
            self.notices.info(
                "history-dropped",
                "Another tab changed what your last steps here changed, so they can no longer be undone here; the board itself keeps every change.".to_string(),
            );
        }
        let differs = self.doc.with_board(|b| !b.same_records(&theirs));
        self.persistence.received(theirs, revision, text.to_string());
        if differs {
            // This tab holds work the other has not seen: pass it on.
            self.doc.changed();
        }
        self.doc.revision.update(|r| *r += 1);
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
}

impl Boards {
    /// Another tab changed `key`: follow its board list, and its saves of the board on screen.
    pub fn stored_elsewhere(&self, key: &str) {
        if key == keys::INDEX {
            // A list this tab cannot read (a newer Caseboard's, or damaged) says nothing of what
            // was deleted: this tab keeps its own list and writes it, keeping the other as a backup.
            if storage::read(keys::INDEX).ok().flatten().is_some_and(|text| library::decode(&text).is_err()) {
                self.write_index();
                return;
            }
            let library = read_library(self.notices);
            let open_gone = match self.open.get_untracked() {
                Some(Opened::Stored(id)) => library.entry(&id).is_none(),
                _ => false,
            };
            let current = self.library.with_untracked(|l| l.current.clone());
            self.library.set(Library { current, ..library });
            if open_gone {
                self.deleted_elsewhere();
                let next = self.library.with_untracked(|l| l.to_open().map(|e| e.id.clone()));
                self.open.set(next.map(Opened::Stored));
            }
            return;
        }
        if let Some(state) = self.current.get_value() {
            if state.persistence.key().as_deref() == Some(key) {
                state.persistence.sync();
            }
        }
    }

    /// The board on screen was deleted in another tab: it is never saved again (that would bring
    /// it back), and the fan is offered what this tab holds of it as a new board.
    fn deleted_elsewhere(&self) {
        let Some(state) = self.current.get_value() else { return };
        // A field being edited commits first, so the copy holds it.
        lifecycle::blur_focused();
        state.persistence.forget();
        self.current.set_value(None);
        let board = state.doc.with_board(Board::clone);
        let boards = *self;
        self.notices.info_with(
            "board-gone",
            format!("This board was deleted in another tab: \"{}\". This tab no longer saves it; keep a copy to save what this tab shows of it as a new board.", board.name),
            ("Keep a copy", Callback::new(move |_| boards.keep_copy(&board))),
        );
    }

    fn keep_copy(&self, board: &Board) {
        self.notices.dismiss_topic("board-gone");
        match self.add(board) {
            Ok(name) => self.notices.info("board-kept", format!("The deleted board is kept as \"{name}\".")),
            Err(e) => self.notices.problem("board", format!("The copy could not be kept: {e}.")),
        }
    }
}
