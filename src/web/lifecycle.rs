//! Page lifecycle: the moments a tab may be closed or frozen, when unsaved work must be flushed.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Takes focus off whatever has it, so a field being edited commits its text (on blur).
pub fn blur_focused() {
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    if let Some(el) = focused.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

/// Calls `flush` on `pagehide` and when the page becomes hidden, for the page's whole life.
pub fn on_leave(flush: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let flush = std::rc::Rc::new(flush);
    let on_hide = {
        let flush = flush.clone();
        Closure::<dyn Fn()>::new(move || flush())
    };
    let on_visibility = {
        let document = document.clone();
        Closure::<dyn Fn()>::new(move || {
            if document.visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        })
    };
    let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let _ =
        document.add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_hide.forget();
    on_visibility.forget();
}
