//! The "Theories" panel: the fan's theories (create, rename, recolour, show or hide, delete,
//! choose the active one), with how much each holds.

use crate::model::board::{Theory, MAX_THEORY_NAME};
use crate::model::horizon::{entity_known, Horizon};
use crate::model::universe::Kind;
use crate::session::open_board::BoardState;
use leptos::prelude::*;

#[component]
pub fn Theories(state: BoardState) -> impl IntoView {
    view! {
        <section class="theories panel-section" aria-label="Theories">
            <div class="panel-heading-row">
                <h2 class="panel-heading">"Theories"</h2>
                <button class="button small" on:click=move |_| state.add_theory()>"New theory"</button>
            </div>
            <Show
                when=move || state.doc.theories.with(|t| !t.is_empty())
                fallback=|| view! {
                    <p class="hint">"No theories yet. Drag from a card's pin to another card to tie a string: it starts one."</p>
                }
            >
                <ul class="theory-list">
                    <For each=move || state.doc.theories.get() key=|t| t.id.clone() let:theory>
                        <TheoryRow id=theory.id state/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn TheoryRow(id: String, state: BoardState) -> impl IntoView {
    let id = StoredValue::new(id);
    let theory =
        move || id.with_value(|id| state.doc.theories.with(|all| all.iter().find(|t| &t.id == id).cloned()));
    let field = move |f: fn(&Theory) -> String| move || theory().map(|t| f(&t)).unwrap_or_default();
    let name = field(|t| t.name.clone());
    let edit = move |change: &dyn Fn(&mut Theory)| {
        if let Some(mut t) = theory() {
            change(&mut t);
            state.edit_theory(t);
        }
    };
    let counts = move || {
        state.doc.revision.track();
        id.with_value(|id| {
            let horizon = state.view.effective_horizon();
            state.doc.with_board(|b| {
                // Only what the horizon lets through is counted: a count must not give away
                // that a theory ties something the fan has not seen yet.
                let known = |card: &str| {
                    b.cards.contains_key(card)
                        || state.doc.universe.with_value(|u| {
                            u.entity(card).is_some_and(|e| entity_known(e, horizon, u.episodes))
                        })
                };
                let (shown, beyond): (Vec<_>, Vec<_>) = b
                    .strings
                    .values()
                    .filter(|s| &s.theory == id)
                    .partition(|s| known(&s.from) && known(&s.to));
                let strings = shown.len();
                let (notes, cards): (Vec<_>, Vec<_>) = b
                    .cards
                    .values()
                    .filter(|c| c.theory.as_deref() == Some(id))
                    .partition(|c| c.kind == Kind::Note);
                let mut text = match beyond.len() {
                    0 => format!("{strings} string{}", plural(strings)),
                    n => format!(
                        "{strings} string{} shown, {n} beyond {}",
                        plural(strings),
                        beyond_words(horizon)
                    ),
                };
                text += &format!(" · {} note{}", notes.len(), plural(notes.len()));
                if !cards.is_empty() {
                    text += &format!(" · {} card{}", cards.len(), plural(cards.len()));
                }
                text
            })
        })
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

/// What lies beyond `horizon`, as a count names it ("1 beyond episode 3").
fn beyond_words(horizon: Horizon) -> String {
    match horizon {
        Horizon::Episode(n) => format!("episode {n}"),
        _ => "what you have watched".to_string(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
