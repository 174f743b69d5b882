//! Keyboard shortcuts for the whole page; none fire while the fan types in a text field.

use crate::model::selection::{focus_after_delete, Selection};
use crate::ui::card::reveal_and_focus;
use crate::ui::modal::FOCUSABLE;
use crate::ui::search::SEARCH_ID;
use crate::ui::state::BoardState;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Keys act on whichever board `current` holds when they are pressed.
pub fn install(current: StoredValue<Option<BoardState>>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if let Some(state) = current.get_value() {
            on_key(state, &ev);
        }
    });
    // The shortcuts live as long as the page.
    std::mem::forget(handle);
}

fn on_key(state: BoardState, ev: &KeyboardEvent) {
    if is_text_entry(ev.target()) {
        return;
    }
    let command = ev.ctrl_key() || ev.meta_key();
    let key = ev.key();
    if acts_on_selection(command, &key) {
        select_focused_card_if_none(state);
    }
    let handled = match (command, ev.shift_key(), key.as_str()) {
        (true, false, "z" | "Z") => {
            state.undo();
            true
        }
        (true, true, "z" | "Z") | (true, _, "y" | "Y") => {
            state.redo();
            true
        }
        (true, _, "c" | "C") => state.copy_selection(),
        (true, _, "v" | "V") => {
            state.paste();
            true
        }
        (true, _, "d" | "D") => {
            state.duplicate_selection();
            true
        }
        (false, _, "Delete" | "Backspace") => {
            let successor = state.focused_card.get_untracked().and_then(|focused| {
                let selected = state.selection.with_untracked(|s| s.cards.clone());
                state.cards.with_untracked(|cards| {
                    let order: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
                    focus_after_delete(&order, &selected, &focused).map(str::to_string)
                })
            });
            state.delete_selection();
            // Focus would otherwise fall to the page with the card it was on.
            if let Some(next) = successor {
                reveal_and_focus(state, next);
            }
            true
        }
        (false, _, "/") => {
            let search =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(SEARCH_ID));
            if let Some(input) = search.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = input.focus();
            }
            true
        }
        (false, _, "f" | "F") => state.focus_selected(),
        (false, _, "i" | "I") => {
            // The inspector shows the selection; a frame later it is there to take focus.
            request_animation_frame(focus_inspector);
            true
        }
        (false, _, "?") => {
            state.help_open.set(true);
            true
        }
        (false, _, "Escape") if state.focus.with_untracked(Option::is_some) => {
            state.focus.set(None);
            true
        }
        (false, _, "Escape") => {
            state.cancel_connecting();
            state.selection.set(Default::default());
            true
        }
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

/// Delete, Focus, Inspect, Copy and Duplicate act on the selection.
fn acts_on_selection(command: bool, key: &str) -> bool {
    matches!(
        (command, key),
        (false, "Delete" | "Backspace" | "f" | "F" | "i" | "I") | (true, "c" | "C" | "d" | "D")
    )
}

/// Moves focus to the first control of the panel beside the board (the inspector's, with a card
/// selected), so a keyboard user need not Tab past every card to reach it.
fn focus_inspector() {
    let first = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!(".dock :is({FOCUSABLE})")).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = first {
        let _ = el.focus();
    }
}

/// With nothing selected, a key that acts on the selection acts on the focused card: a keyboard
/// user who tabbed to a card means that one.
fn select_focused_card_if_none(state: BoardState) {
    if state.selection.with_untracked(|s| s.is_empty()) {
        if let Some(id) = state.focused_card.get_untracked() {
            state.selection.set(Selection::card(&id));
        }
    }
}

/// True when an event is aimed at a text field (or any editable element) rather than the board.
pub fn is_text_entry(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
    })
}
