//! Deflate, by the browser's own CompressionStream: the app ships no compressor of its own, which
//! keeps the wasm small.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Response(stream).arrayBuffer().then((buffer) => new Uint8Array(buffer));
}
// Stops at `limit` bytes, so a small hostile link cannot inflate into a huge one.
export async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let length = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      // The browser's words ("invalid distance too far back") say nothing to a fan.
      throw new Error("part of it is missing or was changed on the way; copy the whole link again");
    }
    const { done, value } = chunk;
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new Error("it unpacks to more than " + limit + " bytes");
    }
    parts.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = deflate, catch)]
    fn deflate_promise(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = inflate, catch)]
    fn inflate_promise(bytes: &[u8], limit: u32) -> Result<js_sys::Promise, JsValue>;
}

pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let promise = deflate_promise(bytes).map_err(|e| describe(&e))?;
    let out = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&out).to_vec())
}

/// Inflates `bytes`, refusing to produce more than `limit` bytes.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let limit = u32::try_from(limit).unwrap_or(u32::MAX);
    let promise = inflate_promise(bytes, limit).map_err(|e| describe(&e))?;
    let out = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&out).to_vec())
}

/// A rejected promise's reason, in words.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}
