//! A card's pin: drag from it to another card to tie a string, or tap it, then the other card.

use crate::model::geometry::{Point, Rect};
use crate::model::layout::pin_target;
use crate::session::open_board::BoardState;
use crate::ui::board::gestures::capture;
use leptos::ev::PointerEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The pin: drag from it to another card to tie a string; or tap it, then tap the other card.
#[component]
pub fn Pin(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    state: BoardState,
) -> impl IntoView {
    let id = StoredValue::new(id);
    // The pointer that pressed this pin: only its release ties the string.
    let pressed = StoredValue::new(None::<i32>);
    let world_point =
        move |ev: &PointerEvent| state.world_at(Point::new(ev.client_x() as f64, ev.client_y() as f64));
    // A finger's events also reach the board, which turns two fingers into a pinch (and needs
    // to see each finger lift); a pinch then cancels the string.
    let stop_unless_touch = |ev: &PointerEvent| {
        if ev.pointer_type() != "touch" {
            ev.stop_propagation();
        }
    };
    let on_pointerdown = move |ev: PointerEvent| {
        let zoom = state.view.viewport.get_untracked().zoom;
        // A finger snapped here from just below the target drags the card instead.
        if !presses_pin(&ev, zoom) {
            return;
        }
        stop_unless_touch(&ev);
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        capture(&ev);
        pressed.set_value(Some(ev.pointer_id()));
        state.start_connecting(&id.get_value(), Some(world_point(&ev)));
    };
    let on_pointermove = move |ev: PointerEvent| {
        let dragging =
            state.ui.connecting.with_untracked(|c| c.as_ref().is_some_and(|c| c.pointer.is_some()));
        if dragging && state.ui.pinching.get_value() {
            pressed.set_value(None);
            state.cancel_connecting();
            return;
        }
        if dragging && pressed.get_value() == Some(ev.pointer_id()) {
            let at = world_point(&ev);
            state.ui.connecting.update(|c| {
                if let Some(c) = c {
                    c.pointer = Some(at);
                }
            });
        }
    };
    let on_pointerup = move |ev: PointerEvent| {
        stop_unless_touch(&ev);
        let ours = pressed.try_update_value(Option::take).flatten() == Some(ev.pointer_id());
        // Escape may have cancelled the string while the pointer was still down.
        if !ours || state.ui.connecting.with_untracked(Option::is_none) {
            return;
        }
        let from = id.get_value();
        match card_under(&ev) {
            Some(to) if to != from => state.connect(&from, &to),
            // Released on its own card: wait for a tap on the other card.
            Some(_) => state.tie_from(&from),
            None => state.cancel_connecting(),
        }
    };
    view! {
        <button
            class="pin"
            tabindex="-1"
            aria-label=label
            title="Drag to another card to tie a string"
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=move |_| {
                pressed.set_value(None);
                state.cancel_connecting();
            }
        ></button>
    }
}

/// The id of the card under the pointer, if any.
fn card_under(ev: &PointerEvent) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let el = document.element_from_point(ev.client_x() as f32, ev.client_y() as f32)?;
    el.closest("[data-card-id]").ok().flatten()?.get_attribute("data-card-id")
}

/// Whether a press is on a pin: aimed at its button and, for a finger, inside the pin's target
/// (the browser moves a finger's touch onto a button nearby, but keeps the point touched).
pub fn presses_pin(ev: &PointerEvent, zoom: f64) -> bool {
    let pin = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".pin").ok().flatten());
    let Some(pin) = pin else { return false };
    if ev.pointer_type() != "touch" {
        return true;
    }
    let r = pin.get_bounding_client_rect();
    let head = Rect { x: r.x(), y: r.y(), width: r.width(), height: r.height() };
    pin_target(head, zoom).contains(Point::new(ev.client_x() as f64, ev.client_y() as f64))
}
