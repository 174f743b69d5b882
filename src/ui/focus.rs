//! Focus mode's bar: which card the board is focused on, how far its light reaches (one or two
//! strings), and the way out (also Escape).

use crate::ui::state::{BoardState, Focus};
use leptos::prelude::*;

#[component]
pub fn FocusBar(state: BoardState) -> impl IntoView {
    let focused = move || state.focus.get();
    let depth_button = move |depth: u32, label: &'static str| {
        view! {
            <button class="button small" aria-pressed=move || if focused().is_some_and(|f| f.depth == depth) { "true" } else { "false" }
                on:click=move |_| state.focus.update(|f| if let Some(f) = f { f.depth = depth })>
                {label}
            </button>
        }
    };
    view! {
        <Show when=move || focused().is_some()>
            <div class="bar focus-bar" role="status">
                <span>"Focus on "<strong>{move || focused().map(|f| state.title(&f.card)).unwrap_or_default()}</strong></span>
                {depth_button(1, "One string away")}
                {depth_button(2, "Two strings away")}
                <button class="button small" on:click=move |_| state.focus.set(None)>"Leave focus"</button>
            </div>
        </Show>
    }
}

impl BoardState {
    /// Focuses on the one selected card (F); false when not exactly one card is selected.
    pub fn focus_selected(&self) -> bool {
        let selection = self.selection.get_untracked();
        match (selection.cards.first(), selection.len()) {
            (Some(card), 1) => {
                self.focus.set(Some(Focus { card: card.clone(), depth: 1 }));
                true
            }
            _ => false,
        }
    }
}
