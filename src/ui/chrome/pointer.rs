//! Pointer capture, which the board's drags and the panel's grab handle share.

use leptos::ev::PointerEvent;
use wasm_bindgen::JsCast;

/// Keeps the pointer's events coming to this element even when it leaves it.
pub fn capture(ev: &PointerEvent) {
    if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
}
