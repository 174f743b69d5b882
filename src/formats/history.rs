//! A board's undo history as stored beside it (`caseboard.history.<id>`), so a step made just
//! before a reload can still be taken back. Bounded: the last [`MAX_STEPS`] steps, in at most
//! [`MAX_BYTES`] of text, the steps nearest the board kept first. Read back only when every step
//! still applies to the board read and every board it passes through is one a save would read.

use crate::formats::envelope;
use crate::model::board::Board;
use crate::model::command::Command;
use crate::model::history::History;
use crate::model::universe::Universe;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "caseboard-history";
pub const VERSION: u64 = 1;
/// The most steps kept (undo and redo together).
pub const MAX_STEPS: usize = 100;
/// The most text a stored history takes, in bytes of JSON.
pub const MAX_BYTES: usize = 256 * 1024;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u64,
    done: Vec<Command>,
    #[serde(default)]
    undone: Vec<Command>,
}

/// Why a stored history was not taken back.
#[derive(Debug, PartialEq)]
pub enum HistoryError {
    /// The text is not a history this version reads (damaged, foreign, newer or too large).
    Unreadable(String),
    /// A step no longer applies to the board: it changed since the history was saved.
    Stale,
}

/// The history as stored text: the steps nearest the board (the last done, the next to redo)
/// first, as many as fit [`MAX_STEPS`] and [`MAX_BYTES`].
pub fn encode(history: &History) -> String {
    let sized = |c: &Command| serde_json::to_string(c).map_or(0, |t| t.len() + 1);
    // Room for the envelope around the steps.
    let mut room = MAX_BYTES - 100;
    let mut steps = MAX_STEPS;
    let mut keep = |commands: &[Command]| -> usize {
        let kept = commands
            .iter()
            .rev()
            .take(steps)
            .take_while(|c| {
                let size = sized(c);
                let fits = size <= room;
                if fits {
                    room -= size;
                }
                fits
            })
            .count();
        steps -= kept;
        kept
    };
    let done = keep(history.done());
    let undone = keep(history.undone());
    let tail = |commands: &[Command], n: usize| commands[commands.len() - n..].to_vec();
    let stored = Stored {
        format: FORMAT.to_string(),
        version: VERSION,
        done: tail(history.done(), done),
        undone: tail(history.undone(), undone),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The history stored as `text` for `board` of `universe`, if it still applies to it.
pub fn decode(text: &str, board: &Board, universe: &Universe) -> Result<History, HistoryError> {
    if text.len() > MAX_BYTES {
        return Err(HistoryError::Unreadable(format!(
            "it is {} bytes, more than a history can be",
            text.len()
        )));
    }
    let stored: Stored = serde_json::from_str(text)
        .map_err(|e| HistoryError::Unreadable(format!("it is not an undo history ({e})")))?;
    if stored.format != FORMAT {
        return Err(HistoryError::Unreadable("it is not an undo history".to_string()));
    }
    if stored.version != VERSION {
        return Err(HistoryError::Unreadable(format!("it has the version {}", stored.version)));
    }
    if stored.done.len() + stored.undone.len() > MAX_STEPS {
        return Err(HistoryError::Unreadable(format!("it holds more than {MAX_STEPS} steps")));
    }
    // Every board an undo or redo reaches must be one the next load reads back.
    let valid = |b: &Board| envelope::check(b).is_ok() && envelope::check_own_ids(b, universe).is_ok();
    History::restore(stored.done, stored.undone, board, valid).ok_or(HistoryError::Stale)
}
