//! Help: every gesture and shortcut ("?" button or the ? key), and a short hint of the basics on
//! a first visit, dismissed for good once read.

use crate::session::first_visit;
use crate::ui::chrome::modal::Modal;
use crate::web::device;
use leptos::html::Button;
use leptos::prelude::*;

/// What to do: with a mouse, by touch, and from the keyboard.
const GESTURES: &[(&str, &str, &str, &str)] = &[
    ("Move a card", "Drag it", "Drag it with a finger", "Tab to it, arrows (Shift: farther)"),
    ("Pan", "Drag the cork", "Drag the cork with a finger", "—"),
    ("Zoom", "Wheel, or − / +", "Pinch, or − / +", "Tab to − / +"),
    ("See everything", "Fit", "Fit", "Tab to Fit"),
    (
        "Select",
        "Click; Shift/Ctrl-click adds; Shift-drag a rectangle",
        "Tap; Select, then drag a rectangle",
        "Space on a card; Escape clears",
    ),
    (
        "Tie a string",
        "Drag from a card's pin to another card; or Tie a string from here, in the Inspector",
        "Long-press a card (or drag from its pin), then tap the other card",
        "c on a card, arrows to the other, Enter",
    ),
    ("Add a note", "Note, or double-click the cork", "Note", "Tab to Note"),
    (
        "Edit your card",
        "Double-click it, or the Inspector",
        "Tap it, then edit it in the Inspector",
        "Enter on the card; Escape keeps what you typed",
    ),
    ("Delete or hide", "Delete button", "Delete button", "Delete / Backspace"),
    ("Undo, redo", "Undo / Redo buttons", "Undo / Redo buttons", "Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y"),
    ("Copy, paste, duplicate", "—", "—", "Ctrl+C, Ctrl+V, Ctrl+D"),
    ("Search", "The Search field", "The Search field", "/ then type, arrows, Enter"),
    ("Focus on a card", "Select it, then Focus", "Tap it, then Focus", "F; one Escape leaves"),
    ("Reach the inspector", "Click a card", "Tap a card", "i on a card; Escape goes back to it"),
    ("Help", "?", "?", "?"),
];

#[component]
pub fn HelpDialog(on_close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    // Speaks of the hands in use: taps and pinches on a touch screen, the wheel with a mouse.
    let touch = device::is_touch();
    let close_ref = NodeRef::<Button>::new();
    close_ref.on_load(|el| {
        let _ = el.focus();
        // Focus scrolled a tall dialog (on a phone) down to its last button: the title first.
        if let Ok(Some(dialog)) = el.closest(".dialog") {
            dialog.set_scroll_top(0);
        }
    });
    view! {
        <Modal keys=&["Escape", "?"] on_close=on_close.clone()>
            <div class="dialog help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">"Gestures and shortcuts"</h2>
                <table class="help-table">
                    <thead><tr><th>"To"</th><th>{if touch { "Touch" } else { "Mouse" }}</th><th>"Keyboard"</th></tr></thead>
                    <tbody>
                        {GESTURES.iter().map(|(what, mouse, finger, keys)| view! {
                            <tr><th scope="row">{*what}</th><td>{if touch { *finger } else { *mouse }}</td><td>{*keys}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">"Shortcuts never fire while you type in a field. Cmd works where Ctrl is named."</p>
                <div class="dialog-actions">
                    <button class="button" node_ref=close_ref on:click=move |_| on_close()>"Close"</button>
                </div>
            </div>
        </Modal>
    }
}

const HINT_MOUSE: &str = "Drag cards to move them, drag the cork to pan, use the wheel to zoom. \
    Drag from a card's pin to another card to tie a string of your own. \
    Press ? (or the ? button) for every gesture and shortcut.";
const HINT_TOUCH: &str = "Drag cards with a finger to move them, drag the cork to pan, pinch to zoom. \
    Long-press a card, then tap another, to tie a string of your own. \
    Tap ? for every gesture.";

/// The basics, shown once: until the fan dismisses it, on every visit.
#[component]
pub fn FirstVisitHint() -> impl IntoView {
    let shown = RwSignal::new(first_visit::hint_wanted());
    let dismiss = move |_| {
        first_visit::dismiss_hint();
        shown.set(false);
    };
    view! {
        <Show when=move || shown.get()>
            <aside class="first-hint" aria-label="Getting started">
                <p>{if device::is_touch() { HINT_TOUCH } else { HINT_MOUSE }}</p>
                <button class="button small" on:click=dismiss>"Got it"</button>
            </aside>
        </Show>
    }
}
