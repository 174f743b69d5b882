//! The chip on the board that says a filter is on, and clears every filter in one click.

use crate::model::board::Theory;
use crate::model::filter::Filters;
use crate::session::open_board::BoardState;
use leptos::prelude::*;

/// Says on the board that some of it is filtered out, and clears the filters in one click.
#[component]
pub fn FilterChip(state: BoardState) -> impl IntoView {
    let hidden_theories = move || state.doc.theories.with(|t| t.iter().any(|t| !t.visible));
    let on = move || state.view.filters.with(Filters::is_on) || hidden_theories();
    view! {
        <Show when=on>
            <div class="filter-chip" role="status">
                <span>"Filters on: part of the board is hidden"</span>
                <button class="button small" on:click=move |_| {
                    state.set_filters(Filters::default());
                    state.doc.theories.get_untracked().into_iter().filter(|t| !t.visible).for_each(|t| {
                        state.edit_theory(Theory { visible: true, ..t });
                    });
                }>
                    "Show all"
                </button>
            </div>
        </Show>
    }
}
