//! The "Add card" dialog: a card of the fan's own, of a chosen kind, with a title and description.
//! Escape (or a click beside it) closes it keeping what was typed, as a draft it opens with next
//! time; only its "Cancel" button throws the words away.

use crate::model::board::{MAX_TEXT, MAX_TITLE};
use crate::model::universe::Kind;
use crate::session::open_board::BoardState;
use crate::ui::chrome::focus::focus_card;
use crate::ui::chrome::modal::Modal;
use crate::ui::chrome::text::capitalised;
use leptos::html::Input;
use leptos::prelude::*;
use std::cell::RefCell;

const KINDS: [Kind; 5] = [Kind::Character, Kind::Case, Kind::Place, Kind::Evidence, Kind::Episode];

/// A card begun and left with Escape: its kind, title and description.
type Draft = (Kind, String, String);

thread_local! {
    /// The draft, for the page's life (a dialog's words are not a board's, so they are not saved).
    static DRAFT: RefCell<Option<Draft>> = const { RefCell::new(None) };
}

#[component]
pub fn AddCardDialog(
    state: BoardState,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let draft = DRAFT.with(|d| d.borrow_mut().take());
    let resumed = draft.is_some();
    let (first_kind, first_title, first_text) =
        draft.unwrap_or((Kind::Character, String::new(), String::new()));
    let kind = RwSignal::new(first_kind);
    let title = RwSignal::new(first_title);
    let text = RwSignal::new(first_text);
    let keep_draft = {
        let on_close = on_close.clone();
        move || {
            let typed = (kind.get_untracked(), title.get_untracked(), text.get_untracked());
            if !typed.1.trim().is_empty() || !typed.2.trim().is_empty() {
                DRAFT.with(|d| *d.borrow_mut() = Some(typed));
            }
            on_close();
        }
    };
    let title_ref = NodeRef::<Input>::new();
    title_ref.on_load(|el| {
        let _ = el.focus();
    });
    let close = on_close.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = state.add_card(
            kind.get_untracked(),
            title.get_untracked(),
            text.get_untracked(),
            state.view_centre(),
        );
        close();
        // The new card, drawn by the next frame, takes focus rather than the button that opened
        // the dialog: the keys that move and tie it act at once.
        request_animation_frame(move || focus_card(&id));
    };
    view! {
        <Modal keys=&["Escape"] on_close=keep_draft>
            <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="add-card-heading" on:submit=create>
                <h2 id="add-card-heading">"Add a card of your own"</h2>
                {resumed.then(|| view! { <p class="hint">"What you typed last time is here; Cancel throws it away."</p> })}
                <label class="field">
                    <span>"Kind"</span>
                    <select prop:value=move || kind.get().label() on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(k) = KINDS.into_iter().find(|k| k.label() == value) {
                            kind.set(k);
                        }
                    }>
                        {KINDS.into_iter().map(|k| view! {
                            <option value=k.label() selected=move || kind.get() == k>{capitalised(k.label())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>"Title"</span>
                    <input node_ref=title_ref maxlength=MAX_TITLE.to_string() placeholder="Who or what?"
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                    <small class="counter">{move || format!("{} / {MAX_TITLE}", title.with(|t| t.chars().count()))}</small>
                </label>
                <label class="field">
                    <span>"Description"</span>
                    <textarea maxlength=MAX_TEXT.to_string() rows="3" placeholder="What do you know, or suspect?"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <small class="counter">{move || format!("{} / {MAX_TEXT}", text.with(|t| t.chars().count()))}</small>
                </label>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| on_close()>"Cancel"</button>
                    <button type="submit" class="button primary">"Create card"</button>
                </div>
            </form>
        </Modal>
    }
}
