//! localStorage, reached without ever throwing: private modes and sandboxes may refuse it.

use crate::formats::snapshot;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no localStorage".to_string()),
        Err(e) => Err(describe(&e)),
    }
}

fn describe(error: &JsValue) -> String {
    js_sys_string(error).unwrap_or_else(|| "the browser refused".to_string())
}

fn js_sys_string(error: &JsValue) -> Option<String> {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| match e.name().as_str() {
            // Said plainly: the browser's own words name an API, not the cause.
            "QuotaExceededError" => "the storage this browser gives the site is full".to_string(),
            name => format!("{name}: {}", e.message()),
        })
        .or_else(|| error.as_string())
}

use wasm_bindgen::JsCast;

/// The stored text under `key`, None when there is none.
pub fn read(key: &str) -> Result<Option<String>, String> {
    local_storage()?.get_item(key).map_err(|e| describe(&e))
}

/// Stores `value` under `key`. When storage is full, the board's picture (`formats::snapshot`),
/// which only saves a returning fan a second, is given up for it and the write tried again.
pub fn write(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage()?;
    match storage.set_item(key, value) {
        Err(e)
            if is_full(&e)
                && key != snapshot::KEY
                && matches!(storage.get_item(snapshot::KEY), Ok(Some(_))) =>
        {
            let _ = storage.remove_item(snapshot::KEY);
            storage.set_item(key, value).map_err(|e| describe(&e))
        }
        written => written.map_err(|e| describe(&e)),
    }
}

fn is_full(error: &JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "QuotaExceededError")
}

pub fn remove(key: &str) -> Result<(), String> {
    local_storage()?.remove_item(key).map_err(|e| describe(&e))
}

/// Every stored key that starts with `prefix`, in order.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, String> {
    let storage = local_storage()?;
    let count = storage.length().map_err(|e| describe(&e))?;
    let keys: std::collections::BTreeSet<String> =
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect();
    Ok(keys.into_iter().collect())
}

/// The bytes each key starting with `prefix` takes with its value (browsers count UTF-16 code
/// units, two bytes each).
pub fn sizes(prefix: &str) -> Result<BTreeMap<String, usize>, String> {
    let units = |text: &str| text.encode_utf16().count();
    // Inserted, not collected (see `model::order`).
    let mut sizes = BTreeMap::new();
    for key in keys_with_prefix(prefix)? {
        let bytes = 2 * (units(&key) + read(&key).ok().flatten().map_or(0, |v| units(&v)));
        sizes.insert(key, bytes);
    }
    Ok(sizes)
}

/// Calls `changed` with the key whenever another tab of this site changes a stored key.
pub fn on_change(changed: impl Fn(String) + 'static) {
    use wasm_bindgen::prelude::Closure;
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            changed(key);
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}
