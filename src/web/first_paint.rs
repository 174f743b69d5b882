//! The page's first paint (`formats::first_paint`, in `index.html` since the build) gives way to
//! the app's own board.

use crate::formats::first_paint::ROOT_ID;

/// Takes the first paint off the page; nothing happens once it is gone.
pub fn remove() {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(first_paint) = document.and_then(|d| d.get_element_by_id(ROOT_ID)) {
        first_paint.remove();
    }
}
