//! The "Filters" region: show or hide cards by kind (and the fan's own), canon strings, theory
//! strings and each theory; and the chip on the board that says a filter is on.

use crate::model::board::Theory;
use crate::model::filter::{Filters, FILTERABLE};
use crate::ui::state::BoardState;
use leptos::prelude::*;

#[component]
pub fn FilterPanel(state: BoardState) -> impl IntoView {
    let toggle =
        move |change: &dyn Fn(&Filters) -> Filters| state.set_filters(change(&state.filters.get_untracked()));
    view! {
        <section class="filters panel-section" aria-label="Filters">
            <h2 class="panel-heading">"Filters"</h2>
            <div class="filter-grid">
                {FILTERABLE.iter().map(|(name, label)| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || !state.filters.with(|f| f.hidden_kinds.contains(*name))
                            on:change=move |_| toggle(&|f| f.toggled_kind(name))/>
                        {*label}
                    </label>
                }).collect_view()}
                <label class="check">
                    <input type="checkbox" prop:checked=move || state.filters.with(|f| f.canon_strings)
                        on:change=move |ev| {
                            let shown = event_target_checked(&ev);
                            toggle(&|f| Filters { canon_strings: shown, ..f.clone() });
                        }/>
                    "Canon strings"
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || state.filters.with(|f| f.theory_strings)
                        on:change=move |ev| {
                            let shown = event_target_checked(&ev);
                            toggle(&|f| Filters { theory_strings: shown, ..f.clone() });
                        }/>
                    "Theory strings"
                </label>
                <For each=move || state.theories.get() key=|t| (t.id.clone(), t.name.clone(), t.visible) let:theory>
                    <TheoryFilter theory state/>
                </For>
            </div>
        </section>
    }
}

#[component]
fn TheoryFilter(theory: Theory, state: BoardState) -> impl IntoView {
    let label = format!("Theory: {}", theory.name);
    let (visible, title) = (theory.visible, label.clone());
    view! {
        <label class="check theory-filter" title=title>
            <input type="checkbox" prop:checked=visible
                on:change=move |ev| state.edit_theory(Theory { visible: event_target_checked(&ev), ..theory.clone() })/>
            {label}
        </label>
    }
}

/// Says on the board that some of it is filtered out, and clears the filters in one click.
#[component]
pub fn FilterChip(state: BoardState) -> impl IntoView {
    let hidden_theories = move || state.theories.with(|t| t.iter().any(|t| !t.visible));
    let on = move || state.filters.with(Filters::is_on) || hidden_theories();
    view! {
        <Show when=on>
            <div class="filter-chip" role="status">
                <span>"Filters on: part of the board is hidden"</span>
                <button class="button small" on:click=move |_| {
                    state.set_filters(Filters::default());
                    state.theories.get_untracked().into_iter().filter(|t| !t.visible).for_each(|t| {
                        state.edit_theory(Theory { visible: true, ..t });
                    });
                }>
                    "Show all"
                </button>
            </div>
        </Show>
    }
}
