//! The root component: the fan's boards, the page-wide listeners, and the board on screen.

use crate::ui::boards::Boards;
use crate::ui::help::FirstVisitHint;
use crate::ui::importing;
use crate::ui::notices::{NoticeList, Notices};
use crate::ui::screen::visible_board;
use crate::ui::sharing;
use crate::ui::shortcuts;
use crate::ui::workspace::Workspace;
use crate::web::{crash, files, lifecycle, storage};
use leptos::prelude::*;

/// From this width on, the side panel starts open beside the board.
const WIDE_SCREEN: f64 = 1100.0;

#[component]
pub fn App() -> impl IntoView {
    crash::install();
    let notices = Notices::new();
    let boards = Boards::load(notices);
    shortcuts::install(boards.current);
    lifecycle::on_leave(move || {
        lifecycle::blur_focused();
        if let Some(state) = boards.current.get_value() {
            state.flush_save();
        }
    });
    storage::on_change(move |key| boards.stored_elsewhere(&key));
    files::on_drop(move |file| importing::import_file(boards, file));
    sharing::follow_links_in_address(boards);
    let panel_open = RwSignal::new(visible_board().width >= WIDE_SCREEN);
    view! {
        {move || boards.open.get().map(|opened| view! { <Workspace boards opened panel_open/> })}
        <FirstVisitHint/>
        <NoticeList notices/>
    }
}
