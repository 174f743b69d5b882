//! Whether a key is in a set that changes, asked key by key: a card or string view wakes only
//! when its own id joins or leaves the set. Were every view to read the whole set, each change
//! would wake them all, and the reactive graph, which unsubscribes each woken view from the set
//! in a list as long as their number, makes that cost grow with its square: picking a card with
//! 20,000 strings froze the tab for over a minute.

use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Copy)]
pub struct Membership {
    held: StoredValue<BTreeSet<String>>,
    /// One trigger per key a view has asked about, notified when that key joins or leaves.
    watchers: StoredValue<HashMap<String, ArcTrigger>>,
}

impl Membership {
    /// Follows the set `keys` returns, read reactively: it is the only reader that wakes on
    /// every change of what `keys` reads.
    pub fn following(keys: impl Fn() -> BTreeSet<String> + Send + Sync + 'static) -> Membership {
        let held = StoredValue::new(untrack(&keys));
        let watchers = StoredValue::new(HashMap::<String, ArcTrigger>::new());
        Effect::new(move |_| {
            let now = keys();
            let changed: Vec<ArcTrigger> = held.with_value(|before| {
                watchers.with_value(|w| {
                    before.symmetric_difference(&now).filter_map(|key| w.get(key).cloned()).collect()
                })
            });
            held.set_value(now);
            // Outside the locks above: a woken view may ask again at once.
            for trigger in changed {
                trigger.notify();
            }
        });
        Membership { held, watchers }
    }

    /// Whether the set holds `key`; a reactive read that wakes only when that answer changes.
    pub fn holds(&self, key: &str) -> bool {
        // Asked again on every wake-up: the key is copied only the first time.
        let known = self.watchers.try_with_value(|w| w.get(key).cloned()).flatten();
        let trigger = known.or_else(|| {
            self.watchers
                .try_update_value(|w| w.entry(key.to_string()).or_insert_with(ArcTrigger::new).clone())
        });
        if let Some(trigger) = trigger {
            trigger.track();
        }
        self.held.try_with_value(|held| held.contains(key)).unwrap_or(false)
    }
}
