//! Shows the one dialog open over the board (`session::transient::Dialog`), whichever button or
//! key opened it.

use crate::session::open_board::BoardState;
use crate::session::transient::Dialog;
use crate::ui::chrome::confirm::ConfirmDialog;
use crate::ui::dialogs::add_card::AddCardDialog;
use crate::ui::dialogs::help::HelpDialog;
use crate::ui::dialogs::share::ShareDialog;
use leptos::prelude::*;

#[component]
pub fn Dialogs(state: BoardState) -> impl IntoView {
    let close = move || state.ui.dialog.set(None);
    move || {
        state.ui.dialog.get().map(|dialog| match dialog {
            Dialog::Help => view! { <HelpDialog on_close=close/> }.into_any(),
            Dialog::AddCard => view! { <AddCardDialog state on_close=close/> }.into_any(),
            Dialog::Share => view! { <ShareDialog state on_close=close/> }.into_any(),
            Dialog::Reset => view! {
                <ConfirmDialog
                    message="Reset the board? Every card goes back to its default place, and your notes, cards, strings and theories are removed. You can undo this."
                    confirm_label="Reset board"
                    on_confirm=move || {
                        close();
                        state.reset();
                        state.fit();
                    }
                    on_cancel=close
                />
            }
            .into_any(),
        })
    }
}
