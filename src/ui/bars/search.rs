//! Search: as the fan types, the cards whose title, actor, text or strings match, best first;
//! arrows move through them, Enter or a click flies to the card, selects it and gives it focus. "/"
//! focuses the field.

use crate::model::query::{search, Hit};
use crate::session::actions::FLY_MS;
use crate::session::open_board::BoardState;
use crate::ui::chrome::focus::{focus_card, SEARCH_ID};
use crate::ui::chrome::measure;
use leptos::html::Input;
use leptos::prelude::*;
use std::collections::HashSet;
use std::time::Duration;

/// The most results listed.
const LIMIT: usize = 8;

#[component]
pub fn Search(state: BoardState) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let input = NodeRef::<Input>::new();
    let hits = Memo::new(move |_| {
        let query = text.get();
        state.doc.revision.track();
        if query.trim().is_empty() {
            return Vec::new();
        }
        let on_board: HashSet<String> = state.cards.with(|c| c.iter().map(|c| c.id.clone()).collect());
        let horizon = state.view.effective_horizon();
        state.doc.with_board(|b| {
            state
                .doc
                .universe
                .with_value(|u| search(u, b, &query, &|id| on_board.contains(id), horizon, LIMIT))
        })
    });
    let go = move |hit: &Hit| {
        let id = hit.card.clone();
        state.click_card(&id, false);
        text.set(String::new());
        if let Some(el) = input.get_untracked() {
            let _ = el.blur();
        }
        // A frame later the inspector selecting opened has taken its room (a sheet, on a phone),
        // so the flight centres the card in what is left; once it lands, the card takes focus
        // for the arrows and the other keys that act on it.
        // Unless the fan has moved on meanwhile (another card, another board).
        let still_chosen = move |id: &str| {
            state.ui.selection.try_with_untracked(|s| s.cards.len() == 1 && s.cards.contains(id))
                == Some(true)
        };
        let land = move |id: String| {
            if still_chosen(&id) {
                focus_card(&id);
            }
        };
        request_animation_frame(move || {
            measure::measure_now();
            state.fly_to(&id);
            set_timeout(move || land(id), Duration::from_millis(FLY_MS as u64 + 50));
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let count = hits.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => active.update(|a| *a = (*a + 1) % count),
            "ArrowUp" if count > 0 => active.update(|a| *a = (*a + count - 1) % count),
            "Enter" => {
                if let Some(hit) = hits.with_untracked(|h| h.get(active.get_untracked()).cloned()) {
                    go(&hit);
                }
            }
            "Escape" => {
                text.set(String::new());
                if let Some(el) = input.get_untracked() {
                    let _ = el.blur();
                }
            }
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    };
    let open = move || !hits.with(Vec::is_empty);
    let option_id = |i: usize| format!("search-hit-{i}");
    view! {
        <div class="search" role="search">
            <input id=SEARCH_ID class="search-input" type="search" node_ref=input
                placeholder="Search cards, actors, strings  ( / )" aria-label="Search" autocomplete="off"
                role="combobox" aria-autocomplete="list" aria-controls="search-results"
                aria-expanded=move || if open() { "true" } else { "false" }
                aria-activedescendant=move || open().then(|| option_id(active.get()))
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_key/>
            <Show when=open>
                <ul id="search-results" class="search-results" role="listbox" aria-label="Search results">
                    {move || hits.get().into_iter().enumerate().map(|(i, hit)| {
                        let chosen = hit.clone();
                        view! {
                            <li id=option_id(i) role="option" class:active=move || active.get() == i
                                aria-selected=move || if active.get() == i { "true" } else { "false" }
                                on:pointerdown=move |ev| ev.prevent_default()
                                on:click=move |_| go(&chosen)>
                                <strong>{hit.title.clone()}</strong>
                                <span class="search-detail">{hit.detail.clone()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || !text.with(|t| t.trim().is_empty()) && !open()>
                <p class="search-none" role="status">"No card on the board matches."</p>
            </Show>
        </div>
    }
}
