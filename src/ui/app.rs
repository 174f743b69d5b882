//! The root component: the page's start (`session::page`), the keys, and the board on screen.

use crate::session::notices::Notices;
use crate::session::page;
use crate::session::screen::Screen;
use crate::ui::chrome::measure;
use crate::ui::chrome::notices::NoticeList;
use crate::ui::dialogs::help::FirstVisitHint;
use crate::ui::dialogs::watched::WatchedDialog;
use crate::ui::shortcuts;
use crate::ui::workspace::Workspace;
use leptos::prelude::*;

/// From this width on, the side panel starts open beside the board.
const WIDE_SCREEN: f64 = 1100.0;

#[component]
pub fn App() -> impl IntoView {
    let (notices, screen) = (Notices::new(), Screen::new());
    measure::start(screen);
    let boards = page::start(notices, screen);
    shortcuts::install(boards.current);
    let panel_open = RwSignal::new(screen.now().visible.width >= WIDE_SCREEN);
    view! {
        {move || boards.open.get().map(|opened| view! { <Workspace boards opened panel_open/> })}
        <Show when=move || boards.asking.get()>
            <WatchedDialog boards/>
        </Show>
        <Show when=move || !boards.asking.get()>
            <FirstVisitHint/>
        </Show>
        <NoticeList notices/>
    }
}
