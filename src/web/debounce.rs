//! Runs work once, a moment after the last of a burst of requests.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Debounce {
    delay: Duration,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Debounce {
    pub fn new(delay: Duration) -> Debounce {
        Debounce { delay, pending: StoredValue::new(None) }
    }

    /// Runs `work` after the delay, unless asked again before then.
    pub fn schedule(self, work: impl FnOnce() + 'static) {
        self.cancel();
        let pending = self.pending;
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                work();
            },
            self.delay,
        );
        self.pending.set_value(handle.ok());
    }

    /// Cancels the waiting work; true if there was some.
    pub fn cancel(self) -> bool {
        match self.pending.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }
}
