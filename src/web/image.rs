//! Turning an SVG drawing into a PNG, by the browser's own canvas.

use crate::formats::png_size;
use crate::model::geometry::Size;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function svgToPng(svg, width, height, scale) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((png) => png ? resolve(png) : reject(new Error("the picture is too large for this browser")), "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the browser could not draw the board"));
    };
    image.src = url;
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = svgToPng, catch)]
    fn svg_to_png_promise(svg: &str, width: f64, height: f64, scale: f64)
        -> Result<js_sys::Promise, JsValue>;
}

/// Drawings tried, each smaller than the last, before a PNG is given up as too large to post.
const ATTEMPTS: usize = 3;

/// The SVG (of `size` CSS pixels) as a PNG at the `wanted` scale, or smaller: at most
/// [`png_size::MAX_SIDE`] on its longest side and under [`png_size::MAX_BYTES`].
pub async fn svg_to_png(svg: &str, size: Size, wanted: f64) -> Result<web_sys::Blob, String> {
    let mut scale = png_size::png_scale(size, wanted);
    for _ in 0..ATTEMPTS {
        let promise = svg_to_png_promise(svg, size.width, size.height, scale)
            .map_err(|e| crate::web::compress::describe(&e))?;
        let png: web_sys::Blob =
            JsFuture::from(promise).await.map_err(|e| crate::web::compress::describe(&e))?.into();
        if png.size() < png_size::MAX_BYTES {
            return Ok(png);
        }
        scale = png_size::smaller_scale(scale, png.size());
    }
    Err("it stays over 5 MB even drawn smaller: save it as SVG, or as a picture of the current view"
        .to_string())
}
