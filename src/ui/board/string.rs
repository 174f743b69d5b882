//! Strings between pins. Canon: solid red. Theory: the theory's colour, dashed, thicker the
//! more confident, debunked ones faded and struck through. Each sags slightly and is labelled.

use crate::model::board::Confidence;
use crate::model::geometry::Point;
use crate::model::layout::pin;
use crate::model::string_path::SaggingString;
use crate::session::open_board::{BoardState, StringFace, StringView};
use crate::ui::board::words::Words;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;

/// The share of a string, at each end, that a pointer cannot grab: the pins are there.
const HIT_FROM: f64 = 0.15;

#[component]
pub fn Strand(string: StringView, state: BoardState, words: Memo<Words>) -> impl IntoView {
    strand(string, state, words)
}

/// A string's view; None when one of its cards is not on the board.
fn strand(string: StringView, state: BoardState, words: Memo<Words>) -> Option<AnyView> {
    let StringView { id, from, to, face } = string;
    let (from_at, to_at) = (state.doc.position(&from)?, state.doc.position(&to)?);
    let (from_kind, to_kind) = (state.doc.kind_of(&from)?, state.doc.kind_of(&to)?);
    let curve =
        Memo::new(move |_| SaggingString::between(pin(from_at.get(), from_kind), pin(to_at.get(), to_kind)));
    // The line is drawn only over the part of the world the board draws: a string to a card far
    // away would otherwise cost its whole length in dashes on every frame.
    let drawn_part = Memo::new(move |_| {
        let whole = curve.get();
        match state.ui.drawn_window.get() {
            Some(window) => {
                whole.span_within(window).map(|(t0, t1)| (whole.part(t0, t1), whole.length_to(t0)))
            }
            None => Some((whole, 0.0)),
        }
    });
    let path = move || drawn_part.with(|p| p.as_ref().map(|(part, _)| part.svg_path()).unwrap_or_default());
    // Keeps the dashes where they are along the whole string, wherever the drawn part begins.
    let dash_offset =
        move || drawn_part.with(|p| format!("{:.1}", p.as_ref().map_or(0.0, |(_, skipped)| *skipped)));
    let (from_id, to_id) = (StoredValue::new(from.clone()), StoredValue::new(to.clone()));
    let id_store = StoredValue::new(id.clone());
    let selected = move || id_store.with_value(|id| state.ui.selected_strings.holds(id));
    // Where the label sits, clear of cards and titles; without a clear spot it waits, at the
    // middle, until asked for (`asked_labels`).
    let spot = Memo::new(move |_| id_store.with_value(|id| words.with(|w| w.spots.get(id).copied())));
    let label_at = Memo::new(move |_| {
        let curve = curve.get();
        spot.get().map_or_else(|| curve.midpoint(), |s| curve.at(s.t))
    });
    let placed = move || spot.with(Option::is_some);

    match face {
        StringFace::Canon(link) => {
            let label = link.label.clone();
            let link_episode = link.first_episode;
            let name =
                move || from_id.with_value(|f| to_id.with_value(|t| state.string_name(f, &link.label, t)));
            Some(
                view! {
                    <g
                        class="string canon"
                        class:selected=selected
                        class:unplaced=move || !placed()
                        class:dimmed=dimmed(state, &from, &to)
                        class:introduced=move || link_episode.is_some() && state.view.replay.get() == link_episode
                        data-link-id=id
                        data-from=from
                        data-to=to
                        data-canon="true"
                        role="img"
                        aria-label=name
                    >
                        <path class="string-shadow" d=path/>
                        <path class="string-line" d=path/>
                        <Label at=label_at text=move || label.clone() struck=|| false/>
                    </g>
                }
                .into_any(),
            )
        }
        StringFace::Fan(record) => {
            let theory = move || state.doc.theory(&record.with(|s| s.theory.clone()));
            let colour = move || theory().map(|t| t.colour).unwrap_or_else(|| "#555555".into());
            let confidence = move || record.with(|s| s.confidence);
            let label = move || record.with(|s| s.label.trim().to_string());
            // A board of unlabelled strings is not cluttered with the word: only the selected one
            // says so, where the inspector offers to name it.
            let shown_label = move || {
                let label = label();
                if label.is_empty() && selected() {
                    "unlabelled".to_string()
                } else {
                    label
                }
            };
            let name =
                move || from_id.with_value(|f| to_id.with_value(|t| state.string_name(f, &label(), t)));
            let select = move |ev: PointerEvent| {
                ev.stop_propagation();
                state.click_string(&id_store.get_value(), ev.shift_key() || ev.ctrl_key() || ev.meta_key());
            };
            let on_key = move |ev: KeyboardEvent| {
                if matches!(ev.key().as_str(), "Enter" | " ") {
                    ev.prevent_default();
                    state.click_string(&id_store.get_value(), ev.shift_key());
                }
            };
            let theory_id = move || record.with(|s| s.theory.clone());
            Some(
                view! {
                    <g
                        class=move || format!("string theory confidence-{}", confidence().label())
                        class:selected=selected
                        class:unplaced=move || !placed()
                        class:dimmed=dimmed(state, &from, &to)
                        data-link-id=id
                        data-from=from
                        data-to=to
                        data-theory=theory_id
                        role="button"
                        tabindex="0"
                        aria-label=name
                        aria-pressed=move || if selected() { "true" } else { "false" }
                        style:--string-colour=colour
                        on:keydown=on_key
                    >
                        <path class="string-hit" d=move || curve.get().svg_part(HIT_FROM, 1.0 - HIT_FROM, 12) on:pointerdown=select/>
                        <path class="string-line" d=path style:stroke-width=move || width(confidence()) style:stroke-dashoffset=dash_offset/>
                        <Label at=label_at text=shown_label struck=move || confidence() == Confidence::Debunked/>
                    </g>
                }
                .into_any(),
            )
        }
    }
}

/// The thicker the string, the surer the fan is.
fn width(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Confirmed => "6",
        Confidence::Likely => "4.5",
        Confidence::Suspected => "3",
        Confidence::Debunked => "2.5",
    }
}

#[component]
fn Label(
    at: Memo<Point>,
    text: impl Fn() -> String + Send + Sync + 'static,
    struck: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <text
            class="string-label"
            data-role="label"
            class:struck=struck
            x=move || format!("{:.1}", at.get().x)
            y=move || format!("{:.1}", at.get().y + 5.0)
            text-anchor="middle"
        >
            {text}
        </text>
    }
}

/// The string being tied, from the pin to the pointer.
#[component]
pub fn RubberBand(state: BoardState) -> impl IntoView {
    let line = move || {
        let connecting = state.ui.connecting.get()?;
        let to = connecting.pointer?;
        let from_at = state.doc.position(&connecting.from)?.get();
        let from = pin(from_at, state.doc.kind_of(&connecting.from)?);
        Some(SaggingString::between(from, to).svg_path())
    };
    view! {
        {move || line().map(|d| view! { <path class="rubber-band" d=d/> })}
    }
}

/// Under focus, a string stays lit only when both its cards do.
fn dimmed(state: BoardState, from: &str, to: &str) -> impl Fn() -> bool + Send + Sync + 'static {
    let (from, to) = (from.to_string(), to.to_string());
    move || state.lit.with(|lit| lit.as_ref().is_some_and(|lit| !(lit.contains(&from) && lit.contains(&to))))
}
