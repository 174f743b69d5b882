//! Keyboard focus across the page: giving it to a card, to search or to the panel, and telling a
//! text field from the board (keys typed there are the fan's words, not shortcuts).

use crate::session::open_board::BoardState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The search field's id, for "/" to find it.
pub const SEARCH_ID: &str = "search";

/// What Tab can reach inside a dialog (or a panel).
pub const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

/// Gives focus to the card with this id, if it is drawn.
pub fn focus_card(id: &str) {
    focus_first(&format!("[data-card-id=\"{}\"]", id.replace('"', "")));
}

/// Brings a card into view, and so onto the board if it was too far away to be drawn, and gives
/// it focus.
pub fn reveal_and_focus(state: BoardState, id: String) {
    state.reveal_card(&id);
    // The effects the reveal set off have drawn the card by the next frame.
    request_animation_frame(move || focus_card(&id));
}

/// Gives focus to the search field.
pub fn focus_search() {
    focus_first(&format!("#{SEARCH_ID}"));
}

/// Gives focus to the first control of the panel beside the board (the inspector's, with a card
/// selected), so a keyboard user need not Tab past every card to reach it.
pub fn focus_panel() {
    // Past the sheet's handle and close button, to the inspector's own first control.
    focus_first(&format!(".dock .panel-section :is({FOCUSABLE})"));
}

fn focus_first(selector: &str) {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = found {
        let _ = el.focus();
    }
}

/// True when an event is aimed at a text field (or any editable element) rather than the board.
pub fn is_text_entry(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
    })
}
