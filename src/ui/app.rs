//! The root component: loads the universe and the fan's board, then lays out the screen.

use crate::model::universe::Universe;
use crate::ui::board::Board;
use crate::ui::hidden_cards::HiddenCards;
use crate::ui::inspector::Inspector;
use crate::ui::legend::Legend;
use crate::ui::notices::{NoticeList, Notices};
use crate::ui::persistence::{board_file_name, board_key};
use crate::ui::saved_data::SavedData;
use crate::ui::screen::visible_board;
use crate::ui::shortcuts;
use crate::ui::state::BoardState;
use crate::ui::theories::Theories;
use crate::ui::toolbar::Toolbar;
use crate::web::{crash, lifecycle};
use leptos::prelude::*;

/// From this width on, the theories panel starts open beside the board.
const WIDE_SCREEN: f64 = 1100.0;

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::new();
    let universe = match Universe::ballard() {
        Ok(universe) => universe,
        Err(e) => {
            notices
                .problem("universe", format!("The built-in universe is damaged ({e}); please report this."));
            return view! { <NoticeList notices/> }.into_any();
        }
    };
    crash::install(board_key(&universe.id), board_file_name(&universe.id));
    let state = BoardState::load(universe, notices);
    lifecycle::on_leave(move || {
        lifecycle::blur_focused();
        state.flush_save();
    });
    shortcuts::install(state);
    if !state.has_saved_view() {
        request_animation_frame(move || state.fit(visible_board()));
    }
    let panel_open = RwSignal::new(visible_board().width >= WIDE_SCREEN);
    let dock_shown = move || panel_open.get() || state.selection.with(|s| !s.is_empty());
    view! {
        <Toolbar state panel_open/>
        <main class="stage">
            <Board state/>
        </main>
        <Show when=dock_shown>
            <aside class="dock" aria-label="Board panel">
                <Inspector state/>
                <Show when=move || panel_open.get()>
                    <Theories state/>
                    <HiddenCards state/>
                    <SavedData state/>
                    <Legend/>
                </Show>
            </aside>
        </Show>
        <NoticeList notices/>
    }
    .into_any()
}
