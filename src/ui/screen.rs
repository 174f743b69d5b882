//! The part of the window where the board can be seen: below the toolbar.

use crate::model::geometry::{Point, Rect, Size};

/// The window's size, read without making the browser lay the page out.
pub fn screen_size() -> Size {
    let dimension = |v: Option<Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>>| {
        v.and_then(Result::ok).and_then(|v| v.as_f64())
    };
    let window = web_sys::window();
    Size {
        width: dimension(window.as_ref().map(|w| w.inner_width())).unwrap_or(800.0),
        height: dimension(window.as_ref().map(|w| w.inner_height())).unwrap_or(600.0),
    }
}

pub fn visible_board() -> Rect {
    let Some(window) = web_sys::window() else {
        return Rect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 };
    };
    let Size { width, height } = screen_size();
    // The toolbar, and the search and timeline bars under it, cover the board's top.
    let toolbar = [".toolbar", ".bar-row"]
        .iter()
        .filter_map(|selector| window.document()?.query_selector(selector).ok().flatten())
        .map(|el| el.get_bounding_client_rect().bottom())
        .fold(0.0, f64::max);
    let covered = |selector: &str| {
        window
            .document()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .map(|el| el.get_bounding_client_rect())
    };
    // A panel docked at the right (desktop) or as a sheet at the bottom (phone) hides part of the board.
    let dock = covered(".dock");
    let sheet = |r: &web_sys::DomRect| r.width() >= width * 0.9;
    let right = dock.as_ref().filter(|r| !sheet(r)).map_or(width, |r| r.left());
    let bottom = [dock.filter(sheet), covered(".edit-tools").filter(|r| r.top() > height / 2.0)]
        .into_iter()
        .flatten()
        .map(|r| r.top())
        .fold(height, f64::min);
    Rect { x: 0.0, y: toolbar, width: right.max(1.0), height: (bottom - toolbar).max(1.0) }
}

/// The board's top-left corner on the screen: pointer positions are measured from it.
pub fn board_origin() -> Point {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".board").ok().flatten())
        .map(|el| {
            let r = el.get_bounding_client_rect();
            Point::new(r.left(), r.top())
        })
        .unwrap_or_default()
}

/// Where the minimap covers the board, on the screen; None when it is not shown.
pub fn minimap() -> Option<Rect> {
    let el = web_sys::window()?.document()?.query_selector(".minimap").ok().flatten()?;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0).then(|| Rect { x: r.left(), y: r.top(), width: r.width(), height: r.height() })
}
