//! Keyboard shortcuts for the whole page; none fire while the fan types in a text field.

use crate::model::selection::{focus_after_delete, Selection};
use crate::session::open_board::BoardState;
use crate::session::transient::Dialog;
use crate::ui::chrome::focus::{focus_panel, focus_search, is_text_entry, reveal_and_focus};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

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
            let successor = state.ui.focused_card.get_untracked().and_then(|focused| {
                let selected = state.ui.selection.with_untracked(|s| s.cards.clone());
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
            focus_search();
            true
        }
        (false, _, "f" | "F") => state.focus_selected(),
        (false, _, "i" | "I") => {
            // The inspector shows the selection; a frame later it is there to take focus.
            request_animation_frame(focus_panel);
            true
        }
        (false, _, "?") => {
            state.ui.dialog.set(Some(Dialog::Help));
            true
        }
        (false, _, "Escape") => {
            escape(state);
            true
        }
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

/// One Escape ends one mode, the innermost first: focus mode, then select mode, then a replay;
/// with none on, it cancels a string being tied and clears the selection. Never a press that
/// seems to do nothing.
fn escape(state: BoardState) {
    if state.view.focus.with_untracked(Option::is_some) {
        state.view.focus.set(None);
    } else if state.ui.select_mode.get_untracked() {
        state.ui.select_mode.set(false);
    } else if state.view.replay.with_untracked(Option::is_some) {
        state.set_replay(None);
    } else {
        state.cancel_connecting();
        state.ui.selection.set(Default::default());
    }
}

/// Delete, Focus, Inspect, Copy and Duplicate act on the selection.
fn acts_on_selection(command: bool, key: &str) -> bool {
    matches!(
        (command, key),
        (false, "Delete" | "Backspace" | "f" | "F" | "i" | "I") | (true, "c" | "C" | "d" | "D")
    )
}

/// With nothing selected, a key that acts on the selection acts on the focused card: a keyboard
/// user who tabbed to a card means that one.
fn select_focused_card_if_none(state: BoardState) {
    if state.ui.selection.with_untracked(|s| s.is_empty()) {
        if let Some(id) = state.ui.focused_card.get_untracked() {
            state.ui.selection.set(Selection::card(&id));
        }
    }
}
