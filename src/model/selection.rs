//! What the fan has selected: cards and strings.

use super::geometry::Rect;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub cards: BTreeSet<String>,
    pub strings: BTreeSet<String>,
}

impl Selection {
    pub fn card(id: &str) -> Selection {
        Selection { cards: BTreeSet::from([id.to_string()]), strings: BTreeSet::new() }
    }

    pub fn string(id: &str) -> Selection {
        Selection { cards: BTreeSet::new(), strings: BTreeSet::from([id.to_string()]) }
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.strings.is_empty()
    }

    pub fn len(&self) -> usize {
        self.cards.len() + self.strings.len()
    }

    /// Adds the card, or takes it out if it was in.
    pub fn toggle_card(&mut self, id: &str) {
        if !self.cards.remove(id) {
            self.cards.insert(id.to_string());
        }
    }

    pub fn toggle_string(&mut self, id: &str) {
        if !self.strings.remove(id) {
            self.strings.insert(id.to_string());
        }
    }

    /// Keeps only what still exists.
    pub fn retain(&mut self, card_exists: impl Fn(&str) -> bool, string_exists: impl Fn(&str) -> bool) {
        self.cards.retain(|id| card_exists(id));
        self.strings.retain(|id| string_exists(id));
    }
}

/// The ids of the cards whose rectangles touch `area`.
pub fn cards_touching<'a>(area: Rect, cards: impl IntoIterator<Item = (&'a str, Rect)>) -> BTreeSet<String> {
    cards.into_iter().filter(|(_, r)| r.overlaps(&area, 0.0)).map(|(id, _)| id.to_string()).collect()
}

/// The card that should have focus once the selected cards are deleted, when `focused` is one of
/// them: the first after it in `order` that stays, or else the last before it that stays.
pub fn focus_after_delete<'a>(
    order: &[&'a str],
    selected: &BTreeSet<String>,
    focused: &str,
) -> Option<&'a str> {
    if !selected.contains(focused) {
        return None;
    }
    let at = order.iter().position(|id| *id == focused)?;
    let stays = |id: &&&str| !selected.contains(**id);
    order[at + 1..].iter().find(stays).or_else(|| order[..at].iter().rev().find(stays)).copied()
}
