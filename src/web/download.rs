//! Saving text or a blob as a file the browser downloads.

use wasm_bindgen::JsCast;

pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    download_blob(filename, &blob)
}

pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("there is no page")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "no link element")?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    error.as_string().unwrap_or_else(|| "the browser refused".to_string())
}
