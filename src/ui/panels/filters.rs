//! The "Filters" region: show or hide cards by kind (and the fan's own), canon strings, theory
//! strings and each theory.

use crate::model::board::Theory;
use crate::model::filter::{Filters, FILTERABLE};
use crate::model::paging::rows_shown;
use crate::session::open_board::BoardState;
use crate::ui::chrome::show_more::ShowMore;
use leptos::prelude::*;

#[component]
pub fn FilterPanel(state: BoardState) -> impl IntoView {
    let toggle = move |change: &dyn Fn(&Filters) -> Filters| {
        state.set_filters(change(&state.view.filters.get_untracked()))
    };
    let pages = RwSignal::new(1);
    let total = Signal::derive(move || state.doc.theories.with(Vec::len));
    let theories = move || state.doc.theories.with(|all| all[..rows_shown(all.len(), pages.get())].to_vec());
    view! {
        <section class="filters panel-section" aria-label="Filters">
            <h2 class="panel-heading">"Filters"</h2>
            <div class="filter-grid">
                {FILTERABLE.iter().map(|(name, label)| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || !state.view.filters.with(|f| f.hidden_kinds.contains(*name))
                            on:change=move |_| toggle(&|f| f.toggled_kind(name))/>
                        {*label}
                    </label>
                }).collect_view()}
                <label class="check">
                    <input type="checkbox" prop:checked=move || state.view.filters.with(|f| f.canon_strings)
                        on:change=move |ev| {
                            let shown = event_target_checked(&ev);
                            toggle(&|f| Filters { canon_strings: shown, ..f.clone() });
                        }/>
                    "Canon strings"
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || state.view.filters.with(|f| f.theory_strings)
                        on:change=move |ev| {
                            let shown = event_target_checked(&ev);
                            toggle(&|f| Filters { theory_strings: shown, ..f.clone() });
                        }/>
                    "Theory strings"
                </label>
                <For each=theories key=|t| (t.id.clone(), t.name.clone(), t.visible) let:theory>
                    <TheoryFilter theory state/>
                </For>
            </div>
            <ShowMore pages total noun="theories"/>
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
