//! Fresh ids for the fan's records: unique across tabs and sessions, sortable by creation.

use std::cell::Cell;

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

pub fn fresh_id(prefix: &str) -> String {
    let count = COUNTER.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let noise = (js_sys::Math::random() * 1_679_616.0) as u32; // 36^4
    format!("{prefix}-{:011x}-{count:04x}-{noise:x}", js_sys::Date::now() as u64)
}
