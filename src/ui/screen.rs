//! The part of the window where the board can be seen: below the toolbar.

use crate::model::geometry::Rect;
use wasm_bindgen::JsCast;

pub fn visible_board() -> Rect {
    let Some(window) = web_sys::window() else {
        return Rect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 };
    };
    let dimension = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| v.ok().and_then(|v| v.as_f64());
    let width = dimension(window.inner_width()).unwrap_or(800.0);
    let height = dimension(window.inner_height()).unwrap_or(600.0);
    let toolbar = window
        .document()
        .and_then(|d| d.query_selector(".toolbar").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .map_or(0.0, |el| el.get_bounding_client_rect().bottom());
    Rect { x: 0.0, y: toolbar, width, height: (height - toolbar).max(1.0) }
}
