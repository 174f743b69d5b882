//! A small modal question with a confirm and a cancel button.

use leptos::html::Button;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    #[prop(into)] message: String,
    confirm_label: &'static str,
    on_confirm: impl Fn() + 'static,
    on_cancel: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let cancel_ref = NodeRef::<Button>::new();
    cancel_ref.on_load(|el| {
        let _ = el.focus();
    });
    let on_key = closing_keys(&["Escape"], on_cancel.clone());
    view! {
        <div class="dialog-backdrop" on:keydown=on_key>
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-message">
                <p id="dialog-message">{message}</p>
                <div class="dialog-actions">
                    <button class="button" node_ref=cancel_ref on:click=move |_| on_cancel()>"Cancel"</button>
                    <button class="button danger" on:click=move |_| on_confirm()>{confirm_label}</button>
                </div>
            </div>
        </div>
    }
}

/// A dialog's key handler: its keys are for the dialog, not the board behind it, and any of
/// `keys` closes it.
pub fn closing_keys(
    keys: &'static [&'static str],
    close: impl Fn() + 'static,
) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev| {
        ev.stop_propagation();
        if keys.contains(&ev.key().as_str()) {
            close();
        }
    }
}
