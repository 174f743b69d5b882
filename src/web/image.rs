//! Turning an SVG drawing into a PNG, by the browser's own canvas.

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

/// A picture's longest side in pixels: the whole default board still shows every card at its own
/// size, and the file stays a few megabytes, which sites people post to accept (twice the size
/// gave 16–20 MB).
const MAX_SIDE: f64 = 3_200.0;

/// The SVG (of `width` × `height` CSS pixels) drawn at `scale`, or smaller when that would make
/// a longer side than [`MAX_SIDE`].
pub async fn svg_to_png(svg: &str, width: f64, height: f64, scale: f64) -> Result<web_sys::Blob, String> {
    let scale = scale.min(MAX_SIDE / width.max(height).max(1.0));
    let promise =
        svg_to_png_promise(svg, width, height, scale).map_err(|e| crate::web::compress::describe(&e))?;
    let png = JsFuture::from(promise).await.map_err(|e| crate::web::compress::describe(&e))?;
    Ok(png.into())
}
