//! Every key Caseboard keeps in the browser's localStorage, in one place: what is stored where,
//! and which keys are Caseboard's own (for the storage count and for finding boards and backups).
//! Plain Rust, so its rules are tested natively.

use crate::formats::library::is_valid_id;

/// Every key of Caseboard's starts with this.
pub const PREFIX: &str = "caseboard.";
/// The index of the fan's boards (`formats::library`).
pub const INDEX: &str = "caseboard.boards";
/// Each board under its own key, so one damaged board never takes the others down.
pub const BOARD_PREFIX: &str = "caseboard.board.";
/// Copies of stored text that could not be read, kept before anything is written over it.
pub const BACKUP_PREFIX: &str = "caseboard.backup.";
/// Each board's undo history, beside it (`formats::history`).
pub const HISTORY_PREFIX: &str = "caseboard.history.";
/// Universes the fan imported, by id.
pub const UNIVERSE_PREFIX: &str = "caseboard.universe.";
/// Set once the fan dismissed the first-visit hint.
pub const HINT_DISMISSED: &str = "caseboard.hint-dismissed";
/// Set once the fan said how far they have watched, on their first visit.
pub const WATCHED_ASKED: &str = "caseboard.watched-asked";
/// A picture of the board as the fan left it, for the next visit to show at once
/// (`formats::snapshot`).
pub const SNAPSHOT: &str = crate::formats::snapshot::KEY;

/// Where a board is stored.
pub fn board_key(board_id: &str) -> String {
    format!("{BOARD_PREFIX}{board_id}")
}

/// The board id stored under `key`, if it is a board's key.
pub fn board_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(BOARD_PREFIX).filter(|id| is_valid_id(id))
}

/// Where the undo history of the board stored under `board_key` is kept.
pub fn history_key_of(board_key: &str) -> Option<String> {
    board_id_of_key(board_key).map(|id| format!("{HISTORY_PREFIX}{id}"))
}

/// Where a universe the fan imported is stored.
pub fn universe_key(universe_id: &str) -> String {
    format!("{UNIVERSE_PREFIX}{universe_id}")
}

/// A new backup's key, named by when it was made (milliseconds since 1970), so backups sort by age.
pub fn backup_key(now_ms: u64) -> String {
    format!("{BACKUP_PREFIX}{now_ms}")
}

/// When the backup under `key` was made (milliseconds since 1970), if its key says.
pub fn backup_time(key: &str) -> Option<u64> {
    key.strip_prefix(BACKUP_PREFIX)?.parse().ok()
}
