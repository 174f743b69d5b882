//! Focus mode's bar: which card the board is focused on, how far its light reaches (one or two
//! strings), and the way out (also Escape).

use crate::session::open_board::BoardState;
use leptos::prelude::*;

#[component]
pub fn FocusBar(state: BoardState) -> impl IntoView {
    let focused = move || state.view.focus.get();
    let depth_button = move |depth: u32, label: &'static str| {
        view! {
            <button class="button small" aria-pressed=move || if focused().is_some_and(|f| f.depth == depth) { "true" } else { "false" }
                on:click=move |_| state.view.focus.update(|f| if let Some(f) = f { f.depth = depth })>
                {label}
            </button>
        }
    };
    view! {
        <Show when=move || focused().is_some()>
            <div class="bar focus-bar" role="status">
                <span>"Focus on "<strong>{move || focused().map(|f| state.doc.title(&f.card)).unwrap_or_default()}</strong></span>
                {depth_button(1, "One string away")}
                {depth_button(2, "Two strings away")}
                <button class="button small" on:click=move |_| state.view.focus.set(None)>"Leave focus"</button>
            </div>
        </Show>
    }
}
