//! The root component: loads the universe and the fan's board, then lays out the screen.

use crate::model::universe::Universe;
use crate::ui::board::Board;
use crate::ui::notices::{NoticeList, Notices};
use crate::ui::screen::visible_board;
use crate::ui::state::BoardState;
use crate::ui::toolbar::Toolbar;
use crate::web::lifecycle;
use leptos::prelude::*;

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
    let state = BoardState::load(universe, notices);
    lifecycle::on_leave(move || state.flush_save());
    if !state.has_saved_view() {
        request_animation_frame(move || state.fit(visible_board()));
    }
    view! {
        <Toolbar state/>
        <main class="stage">
            <Board state/>
        </main>
        <NoticeList notices/>
    }
    .into_any()
}
