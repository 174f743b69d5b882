//! Help: every gesture and shortcut ("?" button or the ? key), and a short hint of the basics on
//! a first visit, dismissed for good once read.

use crate::session::first_visit;
use crate::ui::chrome::modal::Modal;
use leptos::html::Button;
use leptos::prelude::*;

/// What to do, by mouse, touch and keyboard.
const GESTURES: &[(&str, &str, &str)] = &[
    ("Move a card", "Drag it (a finger on touch)", "Tab to it, arrows (Shift: farther)"),
    ("Pan", "Drag the cork", "—"),
    ("Zoom", "Wheel, pinch, or − / +", "Tab to − / +"),
    ("See everything", "Fit", "Tab to Fit"),
    ("Select", "Click; Shift/Ctrl-click adds; Shift-drag a rectangle", "Space on a card; Escape clears"),
    ("Tie a string", "Drag from a card's pin to another card", "c on a card, arrows to the other, Enter"),
    ("Add a note", "Note, or double-click the cork", "Tab to Note"),
    ("Edit your card", "Double-click it, or the Inspector", "Enter on the card; Escape keeps what you typed"),
    ("Delete or hide", "Delete button", "Delete / Backspace"),
    ("Undo, redo", "Undo / Redo buttons", "Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y"),
    ("Copy, paste, duplicate", "—", "Ctrl+C, Ctrl+V, Ctrl+D"),
    ("Search", "The Search field", "/ then type, arrows, Enter"),
    ("Focus on a card", "Select it, then Focus", "F; one Escape leaves"),
    ("Reach the inspector", "—", "i on a card; Escape goes back to it"),
    ("Help", "?", "?"),
];

#[component]
pub fn HelpDialog(on_close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
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
                    <thead><tr><th>"To"</th><th>"Mouse or touch"</th><th>"Keyboard"</th></tr></thead>
                    <tbody>
                        {GESTURES.iter().map(|(what, pointer, keys)| view! {
                            <tr><th scope="row">{*what}</th><td>{*pointer}</td><td>{*keys}</td></tr>
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
                <p>
                    "Drag cards to move them, drag the cork to pan, wheel or pinch to zoom. "
                    "Drag from a card's pin to another card to tie a string of your own. "
                    "Press ? (or the ? button) for every gesture and shortcut."
                </p>
                <button class="button small" on:click=dismiss>"Got it"</button>
            </aside>
        </Show>
    }
}
