//! The bar above a previewed shared board: what it is, and the ways on (keep it, or close it).

use crate::session::library::Boards;
use crate::session::links::{close_preview, save_shared};
use crate::session::open_board::BoardState;
use leptos::prelude::*;

#[component]
pub fn SharedPreviewBar(state: BoardState, boards: Boards) -> impl IntoView {
    let name = state.doc.name();
    view! {
        <div class="preview-bar" role="region" aria-label="Shared board">
            <span>"Shared board: "<strong>{name}</strong>" — a preview, not saved."</span>
            <button class="button primary small" on:click=move |_| save_shared(boards, state)>"Save as new board"</button>
            <button class="button small" on:click=move |_| close_preview(boards)>"Close preview"</button>
        </div>
    }
}
