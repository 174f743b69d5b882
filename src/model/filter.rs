//! What the fan chose to show: card kinds (and the fan's own cards), canon strings, theory
//! strings. Kinds are kept by name so a board naming a kind this version does not know still
//! reads (the UI then falls back to showing everything, with a notice).

use super::universe::Kind;
use std::collections::BTreeSet;

/// The name the fan's own cards go by among the kinds.
pub const FAN_CARDS: &str = "fan";

/// The kinds a filter can hide, with the fan's own cards last, and their names on screen.
pub const FILTERABLE: [(&str, &str); 6] = [
    ("character", "Characters"),
    ("case", "Cases"),
    ("episode", "Episodes"),
    ("place", "Places"),
    ("evidence", "Evidence"),
    (FAN_CARDS, "Your cards"),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Names from [`FILTERABLE`] whose cards are hidden.
    pub hidden_kinds: BTreeSet<String>,
    pub canon_strings: bool,
    pub theory_strings: bool,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters { hidden_kinds: BTreeSet::new(), canon_strings: true, theory_strings: true }
    }
}

impl Filters {
    /// True when something is hidden.
    pub fn is_on(&self) -> bool {
        *self != Filters::default()
    }

    /// Whether a canon card of `kind` shows.
    pub fn shows_canon(&self, kind: Kind) -> bool {
        !self.hidden_kinds.contains(kind.label())
    }

    pub fn shows_fan_cards(&self) -> bool {
        !self.hidden_kinds.contains(FAN_CARDS)
    }

    /// The kind names it hides that this version does not know, if any.
    pub fn unknown_kinds(&self) -> Vec<String> {
        let known = |k: &String| FILTERABLE.iter().any(|(name, _)| name == k);
        self.hidden_kinds.iter().filter(|k| !known(k)).cloned().collect()
    }

    pub fn toggled_kind(&self, name: &str) -> Filters {
        let mut next = self.clone();
        if !next.hidden_kinds.remove(name) {
            next.hidden_kinds.insert(name.to_string());
        }
        next
    }
}
