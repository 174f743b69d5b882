//! A picture of the fan's board, kept when they leave the page (`formats::snapshot`), for their
//! next visit to show while the app's code is still on its way (`static/snapshot.js`).

use crate::formats::snapshot;
use crate::session::keys::SNAPSHOT;
use crate::session::library::{Boards, Opened};
use crate::web::snapshot as page;
use crate::web::storage;
use leptos::prelude::*;

/// Keeps the board on screen as the picture for the next visit, or no picture when there is
/// none worth showing: the first-visit question up, a board that cannot be shown, markup too
/// long, or the timeline replaying an episode (the next visit opens the board as far as the fan
/// has watched, with other cards than the replay's). A shared board is not the fan's: the
/// picture of their own, which the next plain visit opens, is left as it is.
pub fn keep(boards: Boards) {
    let board = match boards.open.get_untracked() {
        Some(Opened::Shared(_)) => return,
        Some(Opened::Stored(id)) if !boards.asking.get_untracked() && shown_as_it_opens(boards) => id,
        _ => return forget(),
    };
    let stored = page::build()
        .zip(page::stage_markup())
        .and_then(|(build, markup)| snapshot::encode(&build, &board, &markup))
        .map(|text| storage::write(SNAPSHOT, &text));
    if !matches!(stored, Some(Ok(()))) {
        forget();
    }
}

/// Whether the board on screen is the one its next opening shows: drawn, and not replaying an
/// earlier episode.
fn shown_as_it_opens(boards: Boards) -> bool {
    boards.current.with_value(|state| state.as_ref().is_some_and(|s| s.view.replay.get_untracked().is_none()))
}

/// No picture: the next visit shows the plain cork until the app has drawn the board.
fn forget() {
    let _ = storage::remove(SNAPSHOT);
}
