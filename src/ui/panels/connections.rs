//! A card's connections, as a list of links: every string on the board that ends at it, with its
//! label and the card at the other end. Choosing one selects that card and brings it into view.
//! This list is also the way to read the board without seeing it.

use crate::model::paging::rows_shown;
use crate::session::open_board::{BoardState, StringFace};
use crate::ui::chrome::show_more::ShowMore;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Connection {
    other: String,
    text: String,
    theory: bool,
}

#[component]
pub fn Connections(id: String, state: BoardState) -> impl IntoView {
    let id = StoredValue::new(id);
    let pages = RwSignal::new(1);
    let ends_here = move |from: &str, to: &str| id.with_value(|id| from == id || to == id);
    let total = Signal::derive(move || {
        state.strings.with(|all| all.iter().filter(|s| ends_here(&s.from, &s.to)).count())
    });
    // Only the rows shown are put into words: a card may hold thousands of strings.
    let connections = move || {
        let id = id.get_value();
        state.strings.with(|strings| {
            strings
                .iter()
                .filter(|s| ends_here(&s.from, &s.to))
                .take(rows_shown(usize::MAX, pages.get()))
                .map(|s| {
                    let (label, theory) = match &s.face {
                        StringFace::Canon(link) => (link.label.clone(), false),
                        StringFace::Fan(string) => (string.with(|s| s.label.clone()), true),
                    };
                    let label = if label.trim().is_empty() { "tied to".to_string() } else { label };
                    let (other, text) = if s.from == id {
                        (s.to.clone(), format!("{label} → {}", state.doc.title(&s.to)))
                    } else {
                        (s.from.clone(), format!("{} — {label} → this card", state.doc.title(&s.from)))
                    };
                    Connection { other, text, theory }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h4 class="subheading">"Connections"</h4>
        <Show
            when=move || { total.get() > 0 }
            fallback=|| view! { <p class="hint">"No strings end at this card."</p> }
        >
            <ul class="connection-list">
                <For each=connections key=|c| (c.other.clone(), c.text.clone()) let:connection>
                    <li class:theory=connection.theory>
                        <button class="link-button" on:click={
                            let other = connection.other.clone();
                            move |_| {
                                state.click_card(&other, false);
                                state.reveal_card(&other);
                            }
                        }>
                            {connection.text.clone()}
                        </button>
                    </li>
                </For>
            </ul>
            <ShowMore pages total noun="connections"/>
        </Show>
    }
}
