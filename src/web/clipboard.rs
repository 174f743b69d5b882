//! Copying text to the clipboard, which the browser may refuse (no permission, no secure context).

use wasm_bindgen_futures::JsFuture;

pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| crate::web::compress::describe(&e))
}
