//! "How far have you watched?": asked on a first visit, before anything beyond the show's premise
//! is on the board. One button for each answer, as the timeline's "Watched up to" offers them.

use crate::model::horizon::Horizon;
use crate::session::first_visit::answer_watched;
use crate::session::library::Boards;
use crate::session::universes::{self, BUILT_IN};
use crate::ui::chrome::modal::Modal;
use leptos::html::Button;
use leptos::prelude::*;

#[component]
pub fn WatchedDialog(boards: Boards) -> impl IntoView {
    let universe = boards.current_universe();
    let episodes =
        universes::load(&universe).or_else(|_| universes::load(BUILT_IN)).map_or(0, |u| u.episodes);
    let first_ref = NodeRef::<Button>::new();
    first_ref.on_load(|el| {
        let _ = el.focus();
    });
    let answer = move |horizon: Horizon| answer_watched(boards, horizon);
    view! {
        // Escape does not close it: the board behind it waits for an answer.
        <Modal keys=&[] on_close=|| ()>
            <div class="dialog watched-dialog" role="dialog" aria-modal="true" aria-labelledby="watched-title"
                aria-describedby="watched-why">
                <h2 id="watched-title">"How far have you watched?"</h2>
                <p id="watched-why">
                    "The board shows only what you have seen, so nothing later is spoiled. You can change this any time under Watched up to."
                </p>
                <div class="watched-options">
                    {Horizon::options(episodes).into_iter().enumerate().map(|(i, horizon)| {
                        let node_ref = if i == 0 { first_ref } else { NodeRef::new() };
                        view! {
                            <button class="button" class:primary=i == 0 node_ref=node_ref
                                on:click=move |_| answer(horizon)>
                                {horizon.label()}
                            </button>
                        }
                    }).collect_view()}
                </div>
            </div>
        </Modal>
    }
}
