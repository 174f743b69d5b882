//! What every modal dialog does with the keyboard and focus: its keys stay in it, Tab cycles
//! through its controls without reaching the board behind, a click on its backdrop keeps focus
//! in it, and when it closes focus goes back where it was.

use crate::ui::chrome::focus::FOCUSABLE;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The backdrop of a modal dialog (its `children`): keys for the dialog stay in it, any of `keys`
/// closes it, and focus goes back where it was when it closes. The backdrop takes focus
/// (`tabindex="-1"`) so that a click on it, or on the dialog's words, leaves focus inside.
#[component]
pub fn Modal(
    keys: &'static [&'static str],
    on_close: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    return_focus_on_close();
    view! {
        <div class="dialog-backdrop" tabindex="-1" on:keydown=dialog_keys(keys, on_close)>
            {children()}
        </div>
    }
}

/// The backdrop's key handler: its keys are for the dialog, not the board behind it, Tab wraps
/// around its controls, and any of `keys` closes it.
fn dialog_keys(
    keys: &'static [&'static str],
    close: impl Fn() + 'static,
) -> impl Fn(KeyboardEvent) + 'static {
    move |ev| {
        ev.stop_propagation();
        if ev.key() == "Tab" {
            wrap_tab(&ev);
        } else if keys.contains(&ev.key().as_str()) {
            ev.prevent_default();
            close();
        }
    }
}

/// Moves focus from the last control to the first (or, with Shift, the first to the last), and
/// from the backdrop itself to either end.
fn wrap_tab(ev: &KeyboardEvent) {
    let Some(backdrop) = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Ok(controls) = backdrop.query_selector_all(FOCUSABLE) else { return };
    let (Some(first), Some(last)) = (controls.item(0), controls.item(controls.length().saturating_sub(1)))
    else {
        return;
    };
    let active = document().active_element();
    let on_backdrop = active.as_ref().is_none_or(|a| a.is_same_node(Some(&backdrop)));
    let at = |end: &web_sys::Node| active.as_ref().is_some_and(|a| a.is_same_node(Some(end)));
    let next = match ev.shift_key() {
        true if on_backdrop || at(&first) => last,
        false if on_backdrop || at(&last) => first,
        _ => return,
    };
    if let Ok(control) = next.dyn_into::<HtmlElement>() {
        ev.prevent_default();
        let _ = control.focus();
    }
}

/// When the dialog goes and focus would be left on the page's body, it returns to what had it
/// when the dialog opened (the button that opened it, most often).
fn return_focus_on_close() {
    let opener = SendWrapper::new(document().active_element());
    on_cleanup(move || {
        // After the dialog has left the page, and only if nothing else has taken focus since.
        request_animation_frame(move || {
            let lost = document().active_element().is_none_or(|a| a.tag_name() == "BODY");
            match opener.take() {
                Some(el) if lost && el.is_connected() => {
                    if let Ok(el) = el.dyn_into::<HtmlElement>() {
                        let _ = el.focus();
                    }
                }
                _ => {}
            }
        });
    });
}
