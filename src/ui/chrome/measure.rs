//! The layout measures itself and tells the session (`session::screen`): where the board is, what
//! the bars and the panel cover. Measured again whenever the window or one of those
//! parts changes size (a `ResizeObserver`), when a part comes or goes, and on demand just after a
//! change that moves them.

use crate::model::geometry::{Point, Rect, Size};
use crate::session::screen::{Layout, Screen};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, ResizeObserver};

thread_local! {
    /// The page's one observer, and the screen it tells.
    static OBSERVER: RefCell<Option<(ResizeObserver, Screen)>> = const { RefCell::new(None) };
}

/// The parts of the page that cover the board or place it.
const PARTS: [&str; 5] = [".toolbar", ".edit-tools", ".bar-row", ".board", ".dock"];

/// Starts measuring for the page's whole life: now, on every resize of the window, and whenever
/// a part [`observe_parts`] found changes size.
pub fn start(screen: Screen) {
    let on_resize = Closure::<dyn Fn()>::new(move || measure(screen));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    // The observer calls it for the page's whole life.
    on_resize.forget();
    if let Some(observer) = observer {
        OBSERVER.with(|o| *o.borrow_mut() = Some((observer, screen)));
    }
    let resized = window_event_listener(leptos::ev::resize, move |_| measure(screen));
    // Listened to for the page's whole life.
    std::mem::forget(resized);
    measure(screen);
}

/// Watches the parts on the page now (a part that came, such as the panel, is watched from now
/// on; observing one already watched changes nothing) and measures: call it when parts come or go.
pub fn observe_parts() {
    let document = web_sys::window().and_then(|w| w.document());
    OBSERVER.with(|o| {
        if let (Some((observer, screen)), Some(document)) = (o.borrow().as_ref(), document) {
            PARTS
                .iter()
                .filter_map(|part| document.query_selector(part).ok().flatten())
                .for_each(|el| observer.observe(&el));
            measure(*screen);
        }
    });
}

/// Measures the layout now (after a change that has just moved the panel, say) and tells the
/// session.
pub fn measure_now() {
    let screen = OBSERVER.with(|o| o.borrow().as_ref().map(|(_, screen)| *screen));
    if let Some(screen) = screen {
        measure(screen);
    }
}

fn measure(screen: Screen) {
    screen.measured(layout());
}

/// The layout as the page has it now.
fn layout() -> Layout {
    let window = window_size();
    let document = web_sys::window().and_then(|w| w.document());
    let rect_of = |selector: &str| -> Option<DomRect> {
        let el = document.as_ref()?.query_selector(selector).ok().flatten()?;
        Some(el.get_bounding_client_rect())
    };
    // The toolbar, and the search and timeline bars under it, cover the board's top.
    let top =
        [".toolbar", ".bar-row"].iter().filter_map(|s| rect_of(s)).map(|r| r.bottom()).fold(0.0, f64::max);
    // A panel docked at the right (desktop) or as a sheet at the bottom (phone) hides part of the board.
    let dock = rect_of(".dock");
    let sheet = |r: &DomRect| r.width() >= window.width * 0.9;
    let right = dock.as_ref().filter(|r| !sheet(r)).map_or(window.width, |r| r.left());
    let bottom = [dock.filter(sheet), rect_of(".edit-tools").filter(|r| r.top() > window.height / 2.0)]
        .into_iter()
        .flatten()
        .map(|r| r.top())
        .fold(window.height, f64::min);
    let visible = Rect { x: 0.0, y: top, width: right.max(1.0), height: (bottom - top).max(1.0) };
    let origin = rect_of(".board").map(|r| Point::new(r.left(), r.top())).unwrap_or_default();
    Layout { window, visible, origin }
}

/// The window's size, read without making the browser lay the page out.
fn window_size() -> Size {
    let dimension = |v: Option<Result<JsValue, JsValue>>| v.and_then(Result::ok).and_then(|v| v.as_f64());
    let window = web_sys::window();
    Size {
        width: dimension(window.as_ref().map(|w| w.inner_width())).unwrap_or(800.0),
        height: dimension(window.as_ref().map(|w| w.inner_height())).unwrap_or(600.0),
    }
}
