//! What an empty cork says: why nothing is on it, and how to put something there.

use crate::model::horizon::Horizon;
use crate::session::open_board::BoardState;
use leptos::prelude::*;

#[component]
pub fn EmptyBoard(state: BoardState) -> impl IntoView {
    let message = move || {
        if !state.cards.with(Vec::is_empty) {
            return None;
        }
        Some(match state.view.effective_horizon() {
            Horizon::Nothing => {
                "Nothing watched yet, and this show's universe names no premise, so none of its cards are here. Choose the last episode you have seen under \"Watched up to\", or add a note of your own."
            }
            _ => "Nothing is on the board. Add a note of your own, or bring cards back under Theories: Filters and Hidden cards.",
        })
    };
    move || message().map(|text| view! { <p class="empty-board" role="status">{text}</p> })
}
