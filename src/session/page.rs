//! The page's start: the crash overlay, the fan's boards (and, on a first visit, the question of
//! how far they have watched), and what follows them for the page's whole life (saving when the
//! page goes away, other tabs, dropped files, links in the address, a new version of the app).

use crate::session::library::Boards;
use crate::session::notices::Notices;
use crate::session::screen::Screen;
use crate::session::{first_visit, importing, links, snapshot};
use crate::web::{crash, files, lifecycle, offline, storage};
use leptos::prelude::*;

/// Starts the page and opens the board it should show (a link's, or the one open last).
pub fn start(notices: Notices, screen: Screen) -> Boards {
    crash::install();
    let boards = Boards::load(notices, screen);
    boards.asking.set(first_visit::watched_unasked());
    lifecycle::on_leave(move || {
        // A field being edited commits when it loses focus: before the last save, not after.
        lifecycle::blur_focused();
        if let Some(state) = boards.current.get_value() {
            state.flush_save();
        }
        // After the save: the picture is of the board as stored.
        snapshot::keep(boards);
    });
    storage::on_change(move |key| boards.stored_elsewhere(&key));
    files::on_drop(move |file| importing::import_file(boards, file));
    links::follow_links_in_address(boards);
    offline::register(move || {
        notices.info_with(
            "update",
            "A new version of Caseboard is ready. Your boards are kept; reload to use it.".to_string(),
            ("Reload", Callback::new(|_| offline::apply_update())),
        );
    });
    boards
}
