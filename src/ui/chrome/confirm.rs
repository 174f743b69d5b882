//! A small modal question with a confirm and a cancel button.

use crate::ui::chrome::modal::Modal;
use leptos::html::Button;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    #[prop(into)] message: String,
    confirm_label: &'static str,
    on_confirm: impl Fn() + Send + Sync + 'static,
    on_cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let cancel_ref = NodeRef::<Button>::new();
    cancel_ref.on_load(|el| {
        let _ = el.focus();
    });
    view! {
        <Modal keys=&["Escape"] on_close=on_cancel.clone()>
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-message">
                <p id="dialog-message">{message}</p>
                <div class="dialog-actions">
                    <button class="button" node_ref=cancel_ref on:click=move |_| on_cancel()>"Cancel"</button>
                    <button class="button danger" on:click=move |_| on_confirm()>{confirm_label}</button>
                </div>
            </div>
        </Modal>
    }
}
