//! The "Hidden cards" list: canon cards the fan took off the board, each one click from coming back.

use crate::model::paging::rows_shown;
use crate::session::open_board::BoardState;
use crate::ui::chrome::show_more::ShowMore;
use leptos::prelude::*;

#[component]
pub fn HiddenCards(state: BoardState) -> impl IntoView {
    let pages = RwSignal::new(1);
    let total = Signal::derive(move || state.hidden.with(Vec::len));
    let rows = move || state.hidden.with(|all| all[..rows_shown(all.len(), pages.get())].to_vec());
    view! {
        <section class="hidden-cards panel-section" aria-label="Hidden cards">
            <h2 class="panel-heading">"Hidden cards"</h2>
            <Show
                when=move || state.hidden.with(|h| !h.is_empty())
                fallback=|| view! { <p class="hint">"None. Delete hides a canon card; it can come back from here."</p> }
            >
                <ul class="hidden-list">
                    <For each=rows key=|e| e.id.clone() let:entity>
                        {
                            let id = entity.id.clone();
                            view! {
                                <li>
                                    <span>{entity.name.clone()}</span>
                                    <button class="button small" aria-label=format!("Bring back {}", entity.name)
                                        on:click=move |_| state.set_hidden(std::slice::from_ref(&id), false)>
                                        "Bring back"
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <ShowMore pages total noun="hidden cards"/>
            </Show>
        </section>
    }
}
