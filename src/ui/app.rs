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

/// From this width on, the side panel starts open beside the board: the default board (1,820
/// board px wide) still fits beside its 332 px at the zoom where full card faces read (70 %).
/// On narrower screens it starts closed, so that the board opens readable; it opens for a
/// selected card, and with the toolbar's "Theories".
const WIDE_SCREEN: f64 = 1680.0;

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
