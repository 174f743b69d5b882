//! A fan's first visit: how far they have watched is asked before anything beyond the premise
//! is shown, and the basics are hinted once.

use crate::model::horizon::Horizon;
use crate::session::keys::{BOARD_PREFIX, HINT_DISMISSED, WATCHED_ASKED};
use crate::session::library::Boards;
use crate::session::links;
use crate::web::storage;
use leptos::prelude::*;

/// True on a first visit: the fan has never said how far they watched, and no board of theirs
/// is stored. When storage cannot be read, the fan is asked too: better a question than a spoiler.
pub fn watched_unasked() -> bool {
    let answered = storage::read(WATCHED_ASKED).is_ok_and(|v| v.is_some());
    let boards_stored = storage::keys_with_prefix(BOARD_PREFIX).is_ok_and(|keys| !keys.is_empty());
    !answered && !boards_stored
}

/// The fan answered "How far have you watched?": the board on screen is shown up to there, and
/// that is saved with it; a share link in the address opens now, cut to the answer.
pub fn answer_watched(boards: Boards, horizon: Horizon) {
    if let Some(state) = boards.current.get_value() {
        state.set_horizon(horizon);
        if !state.doc.has_saved_view() {
            // It was fitted to the premise alone: fitted again to what is shown now.
            state.fit_on_open();
        }
        // A link opened next is cut to the fan's horizon as stored.
        state.flush_save();
    }
    // Should storage refuse, the fan is asked again next visit, which spoils nothing.
    let _ = storage::write(WATCHED_ASKED, "1");
    boards.asking.set(false);
    links::open_link_in_address(boards);
}

/// True until the fan dismisses the hint (and when storage cannot even be read, false: the hint
/// would then come back on every visit).
pub fn hint_wanted() -> bool {
    storage::read(HINT_DISMISSED).is_ok_and(|v| v.is_none())
}

/// The fan read the hint: it is not shown again. Should storage refuse, the hint only comes
/// back next visit, which loses nothing, so the refusal is not worth a notice.
pub fn dismiss_hint() {
    let _ = storage::write(HINT_DISMISSED, "1");
}
