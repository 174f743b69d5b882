//! The panel's top edge. On a phone, where the panel is a sheet over the board's bottom, a grab
//! handle: a tap or a swipe up raises the sheet from its peek height, a swipe down lowers it and
//! from the peek swipes it away. Everywhere, a button that closes the panel, so closing never
//! needs a tap on the cork (which a fan may not find free).

use crate::ui::board::gestures::capture;
use leptos::ev::PointerEvent;
use leptos::prelude::*;

/// A finger that moves this far (CSS px) up or down the handle swipes rather than taps.
const SWIPE: f64 = 24.0;

#[component]
pub fn SheetBar(raised: RwSignal<bool>, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    // The pointer pressing the handle and where it went down; and whether its release swiped
    // (the click that follows a swipe is then not a tap).
    let pressed = StoredValue::new(None::<(i32, f64)>);
    let swiped = StoredValue::new(false);
    let on_pointerdown = move |ev: PointerEvent| {
        capture(&ev);
        swiped.set_value(false);
        pressed.set_value(Some((ev.pointer_id(), ev.client_y() as f64)));
    };
    let on_pointerup = move |ev: PointerEvent| {
        let Some((_, from)) = pressed.get_value().filter(|(p, _)| *p == ev.pointer_id()) else {
            return;
        };
        pressed.set_value(None);
        let dy = ev.client_y() as f64 - from;
        if dy.abs() < SWIPE {
            return;
        }
        swiped.set_value(true);
        match (dy < 0.0, raised.get_untracked()) {
            (true, _) => raised.set(true),
            (false, true) => raised.set(false),
            (false, false) => close(),
        }
    };
    view! {
        <div class="sheet-bar">
            <button
                class="sheet-handle"
                aria-label=move || if raised.get() { "Lower the panel" } else { "Raise the panel" }
                aria-expanded=move || if raised.get() { "true" } else { "false" }
                on:pointerdown=on_pointerdown
                on:pointerup=on_pointerup
                on:pointercancel=move |_| pressed.set_value(None)
                on:click=move |_| {
                    if !swiped.get_value() {
                        raised.update(|r| *r = !*r);
                    }
                    swiped.set_value(false);
                }
            >
                <span class="grip" aria-hidden="true"></span>
            </button>
            <button class="sheet-close" aria-label="Close the panel" title="Close the panel" on:click=move |_| close()>
                "×"
            </button>
        </div>
    }
}
