//! The inspector: everything about the selected card or string, and the fan's edits to it.

use crate::model::board::{Confidence, FanCard, FanString, Theory, MAX_LABEL, MAX_TEXT, MAX_TITLE};
use crate::model::paging::{grouped, rows_drawn, PAGE};
use crate::model::selection::Selection;
use crate::model::universe::{CanonLink, Entity};
use crate::session::open_board::{BoardState, Face, StringFace};
use crate::ui::chrome::focus::focus_card;
use crate::ui::chrome::text::capitalised;
use crate::ui::panels::connections::Connections;
use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn Inspector(state: BoardState) -> impl IntoView {
    let content = move || {
        let selection = state.ui.selection.get();
        if selection.len() > 1 {
            let fan = selection.cards.iter().filter(|id| state.doc.fan_card(id).is_some()).count();
            return view! { <Several count=selection.len() fan_cards=fan state/> }.into_any();
        }
        if let Some(id) = selection.cards.first() {
            let card = state.cards.with_untracked(|c| c.iter().find(|c| &c.id == id).cloned());
            return match card.map(|c| c.face) {
                Some(Face::Canon(entity)) => view! { <CanonCard entity state/> }.into_any(),
                Some(Face::Fan(card)) => view! { <FanCardForm card state/> }.into_any(),
                None => ().into_any(),
            };
        }
        if let Some(id) = selection.strings.first() {
            let string = state.strings.with_untracked(|s| s.iter().find(|s| &s.id == id).cloned());
            return match string.map(|s| s.face) {
                Some(StringFace::Canon(link)) => view! { <CanonStringFacts link state/> }.into_any(),
                Some(StringFace::Fan(string)) => view! { <FanStringForm string state/> }.into_any(),
                None => ().into_any(),
            };
        }
        view! { <p class="hint">"Select a card or a string to see it here."</p> }.into_any()
    };
    view! {
        <section class="inspector panel-section" class:empty=move || state.ui.selection.with(|s| s.is_empty()) aria-label="Inspector">
            <h2 class="panel-heading">"Inspector"</h2>
            {content}
        </section>
    }
}

#[component]
fn Several(count: usize, fan_cards: usize, state: BoardState) -> impl IntoView {
    view! {
        <p>{format!("{count} selected.")}</p>
        <div class="row">
            <button class="button danger" on:click=move |_| state.delete_selection()>"Remove selected"</button>
            {(fan_cards > 0).then(|| view! {
                <button class="button" on:click=move |_| state.duplicate_selection()>"Duplicate"</button>
            })}
        </div>
    }
}

#[component]
fn CanonCard(entity: Entity, state: BoardState) -> impl IntoView {
    let known = match (entity.first_episode, entity.premise) {
        (Some(n), _) => format!("First known in episode {n}"),
        (None, true) => "Part of the show's premise".to_string(),
        (None, false) => "The source does not say in which episode".to_string(),
    };
    let id = entity.id.clone();
    // The main actions come first, so that a phone's sheet shows them at its peek height.
    view! {
        <p class="kind">{capitalised(entity.kind.label())}" · canon"</p>
        <h3 class="inspected-title">{entity.name.clone()}</h3>
        {entity.actor.clone().map(|a| view! { <p class="actor-line">"Played by "{a}</p> })}
        <div class="row card-actions">
            <TieButton id=entity.id.clone() state/>
            <FocusButton state/>
            <PinToggle id=entity.id.clone() state/>
            <button class="button" on:click=move |_| state.set_hidden(std::slice::from_ref(&id), true)>
                "Hide card"
            </button>
        </div>
        <p>{entity.description.clone()}</p>
        <p class="known">{known}</p>
        <blockquote class="source">{entity.source.clone()}</blockquote>
        <SourceName state/>
        <Connections id=entity.id.clone() state/>
    }
}

#[component]
fn FanCardForm(card: RwSignal<FanCard>, state: BoardState) -> impl IntoView {
    let current = move || card.get();
    let is_note = card.with_untracked(|c| c.kind) == crate::model::universe::Kind::Note;
    // A note has no title unless it came with one (from a JSON Canvas file): then it can be edited.
    let has_title = !is_note || card.with_untracked(|c| !c.title.trim().is_empty());
    let id = card.with_untracked(|c| c.id.clone());
    view! {
        <p class="kind">{move || format!("Your {}", card.with(|c| c.kind.label()))}</p>
        {has_title.then(|| view! {
            <label class="field">
                <span>"Title"</span>
                <input maxlength=MAX_TITLE.to_string() prop:value=move || card.with(|c| c.title.clone())
                    on:change=move |ev| state.edit_card(FanCard { title: event_target_value(&ev), ..current() })/>
            </label>
        })}
        <div class="row card-actions">
            <TieButton id=id.clone() state/>
            <FocusButton state/>
            <PinToggle id=id.clone() state/>
            <button class="button danger" on:click=move |_| state.delete_selection()>"Remove card"</button>
        </div>
        <label class="field">
            <span>{if is_note { "Text" } else { "Description" }}</span>
            <textarea maxlength=MAX_TEXT.to_string() rows="4" prop:value=move || card.with(|c| c.text.clone())
                on:change=move |ev| state.edit_card(FanCard { text: event_target_value(&ev), ..current() })></textarea>
            <small class="counter">{move || format!("{} / {MAX_TEXT}", card.with(|c| c.text.chars().count()))}</small>
        </label>
        <label class="field">
            <span>"Theory"</span>
            <TheorySelect
                state
                current=Signal::derive(move || card.with(|c| c.theory.clone()))
                allow_none=true
                on_pick=move |theory| state.edit_card(FanCard { theory, ..current() })
            />
        </label>
        <Connections id state/>
    }
}

#[component]
fn FanStringForm(string: RwSignal<FanString>, state: BoardState) -> impl IntoView {
    let current = move || string.get();
    let label_ref = NodeRef::<Input>::new();
    label_ref.on_load(move |el| {
        if state.ui.focus_label.get_untracked() {
            state.ui.focus_label.set(false);
            let _ = el.focus();
        }
    });
    let ends = move || string.with(|s| format!("{} → {}", state.doc.title(&s.from), state.doc.title(&s.to)));
    let move_to_theory = move |theory: Option<String>| {
        if let Some(theory) = theory {
            state.edit_string(FanString { theory, ..current() });
        }
    };
    view! {
        <p class="kind">"Your string"</p>
        <h3 class="inspected-title">{ends}</h3>
        <label class="field">
            <span>"Label"</span>
            <input node_ref=label_ref maxlength=MAX_LABEL.to_string() placeholder="e.g. lied about the alibi"
                prop:value=move || string.with(|s| s.label.clone())
                on:change=move |ev| state.edit_string(FanString { label: event_target_value(&ev), ..current() })
                on:keydown=move |ev| {
                    // Enter and Escape both keep the label and go back to the card the string
                    // starts from, so a keyboard user carries on on the board.
                    match ev.key().as_str() {
                        "Enter" | "Escape" => {
                            state.edit_string(FanString { label: event_target_value(&ev), ..current() })
                        }
                        _ => return,
                    }
                    // The board's own Escape would clear the selection.
                    ev.stop_propagation();
                    ev.prevent_default();
                    focus_card(&current().from);
                }/>
        </label>
        <label class="field">
            <span>"Confidence"</span>
            <select prop:value=move || string.with(|s| s.confidence.label()) on:change=move |ev| {
                if let Some(confidence) = Confidence::from_label(&event_target_value(&ev)) {
                    state.edit_string(FanString { confidence, ..current() });
                }
            }>
                {Confidence::ALL.into_iter().map(|c| view! {
                    <option value=c.label() selected=move || string.with(|s| s.confidence == c)>{capitalised(c.label())}</option>
                }).collect_view()}
            </select>
        </label>
        <label class="field">
            <span>"Theory"</span>
            <TheorySelect
                state
                current=Signal::derive(move || Some(string.with(|s| s.theory.clone())))
                allow_none=false
                on_pick=move_to_theory
            />
        </label>
        <button class="button danger" on:click=move |_| state.delete_selection()>"Remove string"</button>
    }
}

#[component]
fn CanonStringFacts(link: CanonLink, state: BoardState) -> impl IntoView {
    view! {
        <p class="kind">"Canon string"</p>
        <h3 class="inspected-title">{state.string_name(&link.from, &link.label, &link.to)}</h3>
        <blockquote class="source">{link.source.clone()}</blockquote>
        <SourceName state/>
    }
}

/// The most theories a theory picker lists (besides the one chosen and the active one): a
/// picker of fifty thousand options would take seconds to open, and no fan reads it.
const PICKER_THEORIES: usize = 10 * PAGE;

#[component]
fn TheorySelect(
    state: BoardState,
    current: Signal<Option<String>>,
    allow_none: bool,
    on_pick: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    let listed = Memo::new(move |_| {
        let (current, active) = (current.get(), state.ui.active_theory.get());
        state.doc.theories.with(|all| {
            let named = |t: &Theory| current.as_ref() == Some(&t.id) || active.as_ref() == Some(&t.id);
            rows_drawn(all, PICKER_THEORIES, named).cloned().collect::<Vec<_>>()
        })
    });
    let unlisted = move || {
        let unlisted = state.doc.theories.with(Vec::len).saturating_sub(listed.with(Vec::len));
        (unlisted > 0)
            .then(|| format!("{} more: make one active under Theories to pick it here", grouped(unlisted)))
    };
    view! {
        <select prop:value=move || current.get().unwrap_or_default() on:change=move |ev| {
            let value = event_target_value(&ev);
            on_pick((!value.is_empty()).then_some(value));
        }>
            {allow_none.then(|| view! { <option value="" selected=move || current.get().is_none()>"No theory"</option> })}
            <For each=move || listed.get() key=|t| (t.id.clone(), t.name.clone()) let:theory>
                {
                    let id = theory.id.clone();
                    view! {
                        <option value=theory.id.clone() selected=move || current.get().as_deref() == Some(id.as_str())>
                            {theory.name.clone()}
                        </option>
                    }
                }
            </For>
            {move || unlisted().map(|words| view! { <option disabled>{words}</option> })}
        </select>
    }
}

/// Pins the card in place, so Tidy leaves it where it is (or lets it go).
/// Starts a string from the card: the next card tapped or clicked is its other end. At any zoom,
/// and without aiming at the card's pin.
#[component]
fn TieButton(id: String, state: BoardState) -> impl IntoView {
    let id = StoredValue::new(id);
    view! {
        <button class="button" title="Then tap or click the card to tie it to (C on the board)"
            on:click=move |_| {
                // The panel (a phone's sheet) makes way for the card to be tapped.
                state.ui.selection.set(Selection::default());
                state.tie_from(&id.get_value());
            }>
            "Tie a string from here"
        </button>
    }
}

#[component]
fn FocusButton(state: BoardState) -> impl IntoView {
    view! {
        <button class="button" title="Dim everything beyond this card's strings (F)"
            on:click=move |_| { state.focus_selected(); }>"Focus"</button>
    }
}

#[component]
fn PinToggle(id: String, state: BoardState) -> impl IntoView {
    let id = StoredValue::new(id);
    let pinned = move || id.with_value(|id| state.doc.pinned.with(|p| p.contains(id)));
    view! {
        <button class="button" aria-pressed=move || if pinned() { "true" } else { "false" }
            title="A pinned card stays where it is when the board is tidied"
            on:click=move |_| state.set_pinned(&[id.get_value()], !pinned())>
            "Pin in place"
        </button>
    }
}

/// Where a quote comes from: the universe's own source, named once under each quote, so that a fan
/// can tell the source's words from what it reports others said.
#[component]
fn SourceName(state: BoardState) -> impl IntoView {
    let source = state.doc.universe.with_value(|u| u.source.clone());
    let (title, detail) = match source.rsplit_once(" (") {
        Some((title, detail)) if detail.ends_with(')') => {
            (title.to_string(), format!(", {}", detail.trim_end_matches(')')))
        }
        _ => (source, String::new()),
    };
    view! { <p class="source-name">"Source: "<cite>{title}</cite>{detail}</p> }
}
