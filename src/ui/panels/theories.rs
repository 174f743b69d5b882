//! The "Theories" panel: the fan's theories (create, rename, recolour, show or hide, delete,
//! choose the active one), with how much each holds.

use crate::model::board::{Theory, MAX_THEORY_NAME};
use crate::model::horizon::entity_known;
use crate::model::paging::{rows_drawn, rows_shown};
use crate::model::theory_counts::{theory_counts, TheoryCounts};
use crate::session::open_board::BoardState;
use crate::ui::chrome::show_more::ShowMore;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn Theories(state: BoardState) -> impl IntoView {
    let pages = RwSignal::new(1);
    let total = Signal::derive(move || state.doc.theories.with(Vec::len));
    // The first pages, and the active theory wherever it falls: a new theory is made active, so
    // "New theory" always shows the row it made.
    let rows = move || {
        let active = state.ui.active_theory.get();
        state.doc.theories.with(|all| {
            let shown = rows_shown(all.len(), pages.get());
            rows_drawn(all, shown, |t| active.as_ref() == Some(&t.id))
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    };
    // Every theory's counts in one pass over the board, again only when the board changes.
    let counts = Memo::new(move |_| {
        state.doc.revision.track();
        let horizon = state.view.effective_horizon();
        state.doc.with_board(|b| {
            state.doc.universe.with_value(|u| {
                theory_counts(b, |card| {
                    b.cards.contains_key(card)
                        || u.entity(card).is_some_and(|e| entity_known(e, horizon, u.episodes))
                })
            })
        })
    });
    view! {
        <section class="theories panel-section" aria-label="Theories">
            <div class="panel-heading-row">
                <h2 class="panel-heading">"Theories"</h2>
                <button class="button small" on:click=move |_| state.add_theory()>"New theory"</button>
            </div>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! {
                    <p class="hint">"No theories yet. Drag from a card's pin to another card to tie a string: it starts one."</p>
                }
            >
                <ul class="theory-list">
                    <For each=rows key=|id| id.clone() let:id>
                        <TheoryRow id state counts/>
                    </For>
                </ul>
                <ShowMore pages total noun="theories"/>
            </Show>
        </section>
    }
}

#[component]
fn TheoryRow(id: String, state: BoardState, counts: Memo<HashMap<String, TheoryCounts>>) -> impl IntoView {
    let id = StoredValue::new(id);
    let theory = move || id.with_value(|id| state.doc.theory(id));
    let field = move |f: fn(&Theory) -> String| move || theory().map(|t| f(&t)).unwrap_or_default();
    let name = field(|t| t.name.clone());
    let edit = move |change: &dyn Fn(&mut Theory)| {
        if let Some(mut t) = theory() {
            change(&mut t);
            state.edit_theory(t);
        }
    };
    let counts = move || {
        let horizon = state.view.effective_horizon();
        id.with_value(|id| counts.with(|all| all.get(id).cloned().unwrap_or_default().words(horizon)))
    };
    let active = move || id.with_value(|id| state.ui.active_theory.with(|a| a.as_ref() == Some(id)));
    view! {
        <li class="theory-row" class:active=active style:--theory-colour=field(|t| t.colour.clone())>
            <input type="radio" name="active-theory" title="New strings go into the active theory"
                aria-label=move || format!("Make {} the active theory", name())
                prop:checked=active
                on:change=move |_| state.ui.active_theory.set(Some(id.get_value()))/>
            <input type="color" class="swatch" aria-label=move || format!("Colour of {}", name())
                prop:value=field(|t| t.colour.clone())
                on:change=move |ev| {
                    let colour = event_target_value(&ev);
                    edit(&|t| t.colour = colour.clone());
                }/>
            <div class="theory-main">
                <input class="theory-name" maxlength=MAX_THEORY_NAME.to_string()
                    aria-label=move || format!("Name of {}", name())
                    prop:value=name
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        edit(&|t| t.name = text.clone());
                    }/>
                <span class="counts">{counts}</span>
            </div>
            <label class="show-toggle">
                <input type="checkbox" prop:checked=move || theory().is_some_and(|t| t.visible)
                    aria-label=move || format!("Show {}", name())
                    on:change=move |ev| {
                        let visible = event_target_checked(&ev);
                        edit(&|t| t.visible = visible);
                    }/>
                "Show"
            </label>
            <button class="icon-button" aria-label=move || format!("Remove theory {}", name())
                title="Remove this theory and its strings; its notes stay, in no theory (undoable)"
                on:click=move |_| state.remove_theory(&id.get_value())>
                "×"
            </button>
        </li>
    }
}
