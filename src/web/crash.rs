//! When the app breaks (a Rust panic, or an error nothing caught), a plain-DOM overlay replaces a
//! dead page: it says so, offers the last saved board as a file, and a reload. It is built
//! without Leptos, since the reactive state may be what broke.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The storage key of the board on screen and the name its file gets.
    static OFFERED: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

/// Shows the overlay on any panic or uncaught error, for the page's whole life.
pub fn install() {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
    let Some(window) = web_sys::window() else { return };
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
        show(&ev.message());
    });
    let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_error.forget();
}

/// The board the overlay offers from now on: the one stored under `saved_key`.
pub fn offer(saved_key: String, file_name: String) {
    OFFERED.with(|offered| *offered.borrow_mut() = (saved_key, file_name));
}

fn show(detail: &str) {
    let (saved_key, file_name) = OFFERED.with(|offered| offered.borrow().clone());
    let _ = build(&saved_key, &file_name, detail);
}

fn build(saved_key: &str, file_name: &str, detail: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id("crash").is_some() {
        return Some(());
    }
    let element = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        // As text, never as markup: the detail may quote anything.
        el.set_text_content(Some(text));
        Some(el)
    };
    let overlay = element("div", "crash-overlay", "")?;
    overlay.set_id("crash");
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("aria-modal", "true");
    let _ = overlay.set_attribute("aria-labelledby", "crash-title");
    let panel = element("div", "crash-panel", "")?;
    let title = element("h2", "", "Caseboard stopped")?;
    title.set_id("crash-title");
    let saved = (!saved_key.is_empty())
        .then(|| web_sys::window()?.local_storage().ok().flatten()?.get_item(saved_key).ok().flatten())
        .flatten();
    let text = element(
        "p",
        "",
        if saved.is_some() {
            "Something went wrong and the board cannot go on. It was saved up to a quarter of a second before this happened: download that copy to keep it safe, then reload the page."
        } else {
            "Something went wrong and the board cannot go on. Nothing of this board was saved yet (a board is saved a quarter of a second after each change), so there is no copy to download. Reload the page to go on."
        },
    )?;
    let actions = element("div", "dialog-actions", "")?;
    if let Some(saved) = saved {
        let download = element("a", "button primary", "Download the saved board")?;
        let parts = js_sys::Array::of1(&JsValue::from_str(&saved));
        let blob = web_sys::Blob::new_with_str_sequence(&parts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let _ = download.set_attribute("href", &url);
        let _ = download.set_attribute("download", file_name);
        let _ = actions.append_child(&download);
    }
    let reload = element("a", "button", "Reload")?;
    let _ = reload.set_attribute("href", &window.location().href().ok()?);
    // Following the link alone does not reload a page whose address holds a fragment (a shared
    // board's); and the wasm that broke cannot be trusted to handle the click: plain JavaScript.
    let _ = reload.set_attribute("onclick", "location.reload(); return false");
    let _ = actions.append_child(&reload);
    let details = element("details", "", "")?;
    let summary = element("summary", "", "What the browser said")?;
    let said = element("pre", "", detail)?;
    let _ = details.append_child(&summary);
    let _ = details.append_child(&said);
    for child in [&title, &text, &actions, &details] {
        let _ = panel.append_child(child);
    }
    let _ = overlay.append_child(&panel);
    let _ = document.body()?.append_child(&overlay);
    Some(())
}
