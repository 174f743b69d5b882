//! The foot of a long list: how much of it shows, and a button that shows the next page (see
//! `model::paging`). The button stays the same element from page to page, so keyboard focus
//! stays on it while the fan reads on.

use crate::model::paging::{more_button, rows_shown, shown_of};
use leptos::prelude::*;

#[component]
pub fn ShowMore(
    /// Pages shown so far; the list reads it through `rows_shown`.
    pages: RwSignal<usize>,
    #[prop(into)] total: Signal<usize>,
    /// What the rows are, plural: "theories".
    noun: &'static str,
) -> impl IntoView {
    let shown = move || rows_shown(total.get(), pages.get());
    let words = move || more_button(total.get(), shown(), noun);
    view! {
        <Show when=move || words().is_some()>
            <p class="show-more">
                <span class="hint" role="status">{move || shown_of(total.get(), shown(), noun)}</span>
                <button class="button small" on:click=move |_| pages.update(|p| *p += 1)>
                    {move || words().unwrap_or_default()}
                </button>
            </p>
        </Show>
    }
}
