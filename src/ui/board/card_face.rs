//! What a card shows: canon facts, or the fan's own words (edited in place).

use crate::model::board::{is_web_url, FanCard, MAX_TEXT, MAX_TITLE};
use crate::model::scene::{initials, kind_tag};
use crate::model::universe::{Entity, Kind};
use crate::session::open_board::BoardState;
use crate::ui::chrome::focus::focus_card;
use leptos::ev::KeyboardEvent;
use leptos::html::{Input, Textarea};
use leptos::prelude::*;

#[component]
pub fn CanonFace(entity: Entity) -> impl IntoView {
    match entity.kind {
        Kind::Character => view! {
            <Photo initials=initials(&entity.name)/>
            <div class="caption">
                <strong class="title" data-role="title">{entity.name.clone()}</strong>
                <span class="actor" class:unknown=entity.actor.is_none()>
                    {entity.actor.clone().unwrap_or_else(|| "actor not named".into())}
                </span>
            </div>
        }
        .into_any(),
        Kind::Episode => view! {
            <span class="ticket-label" aria-hidden="true">"Episode"</span>
            <strong class="ticket-number" data-role="title" aria-hidden="true">{entity.number.unwrap_or_default()}</strong>
            <span class="ticket-stub" aria-hidden="true">"Admit one"</span>
        }
        .into_any(),
        kind => view! {
            <span class="kind-tag" aria-hidden="true">{kind_tag(kind)}</span>
            <strong class="title" data-role="title">{entity.name.clone()}</strong>
            <p class="description">{entity.description.clone()}</p>
        }
        .into_any(),
    }
}

#[component]
fn Photo(initials: String) -> impl IntoView {
    view! {
        <div class="photo" aria-hidden="true">
            <span class="silhouette"></span>
            <span class="initials">{initials}</span>
        </div>
    }
}

/// A card of the fan's: its words as text (never as markup), or the in-place editor.
#[component]
pub fn FanFace(card: RwSignal<FanCard>, state: BoardState) -> impl IntoView {
    let id = card.with_untracked(|c| c.id.clone());
    let kind = card.with_untracked(|c| c.kind);
    let editing = move || state.ui.editing.with(|e| e.as_deref() == Some(id.as_str()));
    let title = move || card.with(|c| c.title.clone());
    let text = move || card.with(|c| c.text.clone());
    let shown = move || {
        view! {
            {(kind == Kind::Character).then(|| view! { <Photo initials="?".to_string()/> })}
            {(kind != Kind::Note).then(|| view! {
                <span class="kind-tag" aria-hidden="true">{format!("Your {}", kind.label())}</span>
            })}
            // A note shows a title only when it has one (from a JSON Canvas file); zoomed out, a
            // note without one goes by its first line (`note-title`, drawn only then).
            <strong class="title" data-role="title"
                class:placeholder=move || title().trim().is_empty()
                class:note-title=move || kind == Kind::Note && title().trim().is_empty()>
                {move || if title().trim().is_empty() { card.with(FanCard::title_shown) } else { title() }}
            </strong>
            <p class="fan-text" class:placeholder=move || text().trim().is_empty()>
                {move || {
                    let blank = text().trim().is_empty() && title().trim().is_empty();
                    if blank && kind == Kind::Note { "Empty note".to_string() } else { text() }
                }}
            </p>
            {move || card.with(|c| c.url.clone()).filter(|u| is_web_url(u)).map(|url| view! {
                <a class="card-link" href=url.clone() target="_blank" rel="noopener noreferrer nofollow"
                    on:pointerdown=|ev| ev.stop_propagation()>
                    {url.clone()}
                </a>
            })}
        }
    };
    view! {
        <Show when=editing fallback=shown>
            <Editor card state/>
        </Show>
    }
}

/// Edits a fan card in place; the edit becomes one undo step when it is done.
#[component]
fn Editor(card: RwSignal<FanCard>, state: BoardState) -> impl IntoView {
    let original = card.get_untracked();
    let kind = original.kind;
    let title = RwSignal::new(original.title.clone());
    let text = RwSignal::new(original.text.clone());
    let title_ref = NodeRef::<Input>::new();
    let text_ref = NodeRef::<Textarea>::new();
    if kind == Kind::Note {
        text_ref.on_load(|el| {
            let _ = el.focus();
        });
    } else {
        title_ref.on_load(|el| {
            let _ = el.focus();
        });
    }
    let original = StoredValue::new(original);
    let finish = move |keep: bool| {
        // Read everything first: closing the editor disposes these signals.
        let (Some(card), Some(title), Some(text)) =
            (original.try_get_value(), title.try_get_untracked(), text.try_get_untracked())
        else {
            return;
        };
        if state.ui.editing.try_get_untracked().flatten().as_deref() != Some(card.id.as_str()) {
            return;
        }
        state.ui.editing.set(None);
        if keep {
            state.edit_card(FanCard { title, text, ..card });
        }
    };
    let id = StoredValue::new(card.with_untracked(|c| c.id.clone()));
    // Done from the keyboard, focus goes back to the card, not to the page.
    let finish_here = move |keep: bool| {
        let id = id.get_value();
        finish(keep);
        request_animation_frame(move || focus_card(&id));
    };
    let on_keydown = move |ev: KeyboardEvent| {
        ev.stop_propagation();
        match ev.key().as_str() {
            // Escape finishes the edit and keeps what was typed, as board apps do.
            "Escape" => finish_here(true),
            "Enter" if ev.ctrl_key() || ev.meta_key() => finish_here(true),
            _ => {}
        }
    };
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let inside = ev.related_target().and_then(|t| {
            use wasm_bindgen::JsCast;
            let el = t.dyn_into::<web_sys::Element>().ok()?;
            el.closest(".card-editor").ok().flatten()
        });
        if inside.is_none() {
            finish(true);
        }
    };
    view! {
        <div class="card-editor" on:keydown=on_keydown on:focusout=on_focusout>
            {(kind != Kind::Note).then(|| view! {
                <input
                    class="edit-title"
                    node_ref=title_ref
                    aria-label="Title"
                    placeholder="Title"
                    maxlength=MAX_TITLE.to_string()
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
            })}
            <textarea
                class="edit-text"
                node_ref=text_ref
                aria-label=if kind == Kind::Note { "Note text" } else { "Description" }
                placeholder=if kind == Kind::Note { "Write your hunch…" } else { "Description" }
                maxlength=MAX_TEXT.to_string()
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <span class="counter" aria-live="polite">
                {move || format!("{} / {MAX_TEXT}", text.with(|t| t.chars().count()))}
            </span>
        </div>
    }
}
