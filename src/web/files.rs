//! Files the fan gives the app: picked with a file input or dropped onto the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file's name and text.
pub struct Picked {
    pub name: String,
    pub text: String,
}

/// Reads a file as text, refusing files over `max_bytes` before reading them.
pub async fn read_text(file: &web_sys::File, max_bytes: usize) -> Result<Picked, String> {
    let name = file.name();
    if file.size() > max_bytes as f64 {
        return Err(format!(
            "\"{name}\" is {:.1} MB; the largest file Caseboard opens is {} MB",
            file.size() / 1_048_576.0,
            max_bytes / 1_048_576
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(|e| crate::web::compress::describe(&e))?;
    Ok(Picked { name, text: text.as_string().unwrap_or_default() })
}

/// The first file of a file input, clearing the input so the same file can be picked again.
pub fn take_picked(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Calls `dropped` with the first file dropped anywhere on the page, for the page's whole life.
pub fn on_drop(dropped: impl Fn(web_sys::File) + 'static) {
    let Some(window) = web_sys::window() else { return };
    // Without cancelling dragover, the browser would open the file itself.
    let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |ev: web_sys::DragEvent| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            dropped(file);
        }
    });
    let _ = window.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
    over.forget();
    drop.forget();
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0))
}
