//! The open board's undo history, kept beside it in storage (`formats::history`) so that a step
//! made just before a reload can still be taken back: written after every save of the board,
//! read back with it, and dropped with a notice when it no longer applies.

use crate::formats::history::{self, HistoryError};
use crate::model::board::Board;
use crate::model::history::History;
use crate::model::universe::Universe;
use crate::session::document::Document;
use crate::session::keys;
use crate::session::notices::Notices;
use crate::web::storage;

/// Writes the history of `doc` beside the board just saved under `board_key`.
pub fn save(doc: Document, board_key: &str, notices: Notices) {
    let Some(history_key) = keys::history_key_of(board_key) else { return };
    let text = doc.with_history(history::encode);
    match storage::write(&history_key, &text) {
        Ok(()) => notices.dismiss_topic("history-not-saved"),
        Err(e) => notices.info(
            "history-not-saved",
            format!("The board is saved, but its undo history could not be ({e}): after a reload, the steps made before it cannot be undone."),
        ),
    }
}

/// The history saved beside the board stored under `board_key`, read back as `board`: none when
/// there is none, and none with a notice when it cannot be read or no longer applies.
pub fn restore(universe: &Universe, board_key: &str, board: &Board, notices: Notices) -> History {
    let stored = keys::history_key_of(board_key).and_then(|k| storage::read(&k).ok().flatten());
    let Some(text) = stored else { return History::default() };
    let why = match history::decode(&text, board, universe) {
        Ok(history) => return history,
        Err(HistoryError::Stale) => {
            "the board was changed since (in another tab, say), so its steps no longer apply".to_string()
        }
        Err(HistoryError::Unreadable(reason)) => format!("it could not be read: {reason}"),
    };
    notices.info(
        "history-dropped",
        format!(
            "The steps made before the reload cannot be undone: {why}. The board itself is as last saved."
        ),
    );
    History::default()
}
