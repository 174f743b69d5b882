//! One card on the board: dragged with any pointer, moved with the arrow keys.

use crate::model::command::Command;
use crate::model::geometry::Point;
use crate::model::layout::card_size;
use crate::model::universe::{Entity, Kind};
use crate::ui::state::{BoardState, CardView};
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Arrow keys move a card this far (Shift: `BIG_STEP`), in world units.
const STEP: f64 = 10.0;
const BIG_STEP: f64 = 50.0;

#[derive(Clone, Copy)]
struct Drag {
    pointer: i32,
    start_screen: Point,
    start_place: Point,
}

#[component]
pub fn Card(card: CardView, state: BoardState) -> impl IntoView {
    let CardView { entity, position } = card;
    let id = entity.id.clone();
    let size = card_size(entity.kind);
    let drag = StoredValue::new(None::<Drag>);
    let dragging = RwSignal::new(false);

    let on_pointerdown = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        // A finger's events also reach the board, which turns two fingers into a pinch.
        if ev.pointer_type() != "touch" {
            ev.stop_propagation();
        }
        capture(&ev);
        drag.set_value(Some(Drag {
            pointer: ev.pointer_id(),
            start_screen: client_point(&ev),
            start_place: position.get_untracked(),
        }));
        dragging.set(true);
    };
    let on_pointermove = move |ev: PointerEvent| {
        let Some(d) = drag.get_value().filter(|d| d.pointer == ev.pointer_id()) else {
            return;
        };
        if state.pinching.get_value() {
            drag.set_value(None);
            dragging.set(false);
            position.set(d.start_place);
            return;
        }
        let zoom = state.viewport.get_untracked().zoom;
        let now = client_point(&ev);
        position
            .set(d.start_place.offset((now.x - d.start_screen.x) / zoom, (now.y - d.start_screen.y) / zoom));
    };
    let end_drag = {
        let id = id.clone();
        move |ev: PointerEvent| {
            let Some(d) = drag.get_value().filter(|d| d.pointer == ev.pointer_id()) else {
                return;
            };
            drag.set_value(None);
            dragging.set(false);
            let to = position.get_untracked();
            if to != d.start_place {
                state.commit(Command::MoveCard { id: id.clone(), from: d.start_place, to });
            }
        }
    };
    let on_keydown = {
        let id = id.clone();
        move |ev: KeyboardEvent| {
            let step = if ev.shift_key() { BIG_STEP } else { STEP };
            let (dx, dy) = match ev.key().as_str() {
                "ArrowLeft" => (-step, 0.0),
                "ArrowRight" => (step, 0.0),
                "ArrowUp" => (0.0, -step),
                "ArrowDown" => (0.0, step),
                _ => return,
            };
            ev.prevent_default();
            let from = position.get_untracked();
            state.commit(Command::MoveCard { id: id.clone(), from, to: from.offset(dx, dy) });
        }
    };

    view! {
        <div
            class=format!("card card-{}", entity.kind.label())
            class:dragging=move || dragging.get()
            data-card-id=id.clone()
            tabindex="0"
            role="group"
            aria-roledescription="card"
            aria-label=accessible_name(&entity)
            style:width=format!("{}px", size.width)
            style:height=format!("{}px", size.height)
            style:transform=move || {
                let p = position.get();
                format!("translate({:.1}px, {:.1}px)", p.x, p.y)
            }
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=end_drag.clone()
            on:pointercancel=end_drag
            on:keydown=on_keydown
        >
            <div class="card-body" style:rotate=format!("{:.2}deg", tilt(&id))>
                <span class="pin" aria-hidden="true"></span>
                <CardFace entity=entity.clone()/>
            </div>
        </div>
    }
}

#[component]
fn CardFace(entity: Entity) -> impl IntoView {
    match entity.kind {
        Kind::Character => view! {
            <div class="photo" aria-hidden="true">
                <span class="silhouette"></span>
                <span class="initials">{initials(&entity.name)}</span>
            </div>
            <div class="caption">
                <strong class="title">{entity.name.clone()}</strong>
                <span class="actor" class:unknown=entity.actor.is_none()>
                    {entity.actor.clone().unwrap_or_else(|| "actor not named".into())}
                </span>
            </div>
        }
        .into_any(),
        Kind::Episode => view! {
            <span class="ticket-label" aria-hidden="true">"Episode"</span>
            <strong class="ticket-number" aria-hidden="true">{entity.number.unwrap_or_default()}</strong>
            <span class="ticket-stub" aria-hidden="true">"Admit one"</span>
        }
        .into_any(),
        kind => view! {
            <span class="kind-tag" aria-hidden="true">{kind_tag(kind)}</span>
            <strong class="title">{entity.name.clone()}</strong>
            <p class="description">{entity.description.clone()}</p>
        }
        .into_any(),
    }
}

fn kind_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Case => "Case file",
        Kind::Place => "Location",
        Kind::Evidence => "Evidence",
        Kind::Character | Kind::Episode => "",
    }
}

fn accessible_name(entity: &Entity) -> String {
    match &entity.actor {
        Some(actor) => format!("{}, {}, played by {}", entity.name, entity.kind.label(), actor),
        None => format!("{}, {}", entity.name, entity.kind.label()),
    }
}

/// Two letters for a photo without a photo: "Lt. Grace Billets" → "GB".
fn initials(name: &str) -> String {
    const SKIP: [&str; 5] = ["the", "a", "lt.", "dr.", "an"];
    name.split_whitespace()
        .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

/// A small, stable tilt per card, so the board looks pinned by hand.
fn tilt(id: &str) -> f64 {
    let hash = id.bytes().fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
    (hash % 500) as f64 / 100.0 - 2.5
}

fn client_point(ev: &PointerEvent) -> Point {
    Point::new(ev.client_x() as f64, ev.client_y() as f64)
}

/// Keeps the pointer's events coming to this element even when it leaves it.
pub fn capture(ev: &PointerEvent) {
    if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
}
