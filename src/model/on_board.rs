//! What is on the board: the one rule that the board on screen, search, focus and pictures share.
//!
//! A canon card is on it when it is known under the horizon, the fan has not hidden it, and the
//! filters show its kind; a card of the fan's when the filters show the fan's cards and its theory,
//! if that still exists, is shown. A string is on it when the filters show its sort, it is known
//! (canon) or its theory is shown (the fan's), and both its cards are on the board.

use super::board::{Board, FanCard, FanString};
use super::filter::Filters;
use super::horizon::{entity_known, link_known, Horizon};
use super::universe::{CanonLink, Entity, Universe};

#[derive(Clone, Copy)]
pub struct OnBoard<'a> {
    pub universe: &'a Universe,
    pub board: &'a Board,
    pub filters: &'a Filters,
    pub horizon: Horizon,
}

impl<'a> OnBoard<'a> {
    /// The canon cards on the board, in universe order.
    pub fn canon_cards(self) -> impl Iterator<Item = &'a Entity> {
        self.known().filter(move |e| !self.board.hidden.contains(&e.id) && self.filters.shows_canon(e.kind))
    }

    /// The canon cards the fan hid, among those known under the horizon (beyond it, a card is not
    /// even listed as hidden), in universe order.
    pub fn hidden_canon(self) -> impl Iterator<Item = &'a Entity> {
        self.known().filter(move |e| self.board.hidden.contains(&e.id))
    }

    /// The fan's cards on the board, in id order.
    pub fn fan_cards(self) -> impl Iterator<Item = &'a FanCard> {
        self.board.cards.values().filter(move |c| self.shows_fan_card(c))
    }

    /// True when the card with this id (canon or the fan's) is on the board.
    pub fn has_card(self, id: &str) -> bool {
        match self.board.cards.get(id) {
            Some(card) => self.shows_fan_card(card),
            None => self.universe.entity(id).is_some_and(|e| {
                !self.board.hidden.contains(id)
                    && self.filters.shows_canon(e.kind)
                    && entity_known(e, self.horizon, self.universe.episodes)
            }),
        }
    }

    /// The canon strings on the board, in universe order.
    pub fn canon_links(self) -> impl Iterator<Item = &'a CanonLink> {
        let shown = self.filters.canon_strings;
        self.universe.links.iter().filter(move |l| {
            shown
                && link_known(self.universe, l, self.horizon)
                && self.has_card(&l.from)
                && self.has_card(&l.to)
        })
    }

    /// The fan's strings on the board, in id order.
    pub fn fan_strings(self) -> impl Iterator<Item = &'a FanString> {
        let shown = self.filters.theory_strings;
        self.board.strings.values().filter(move |s| {
            let theory_shown = self.board.theories.get(&s.theory).is_some_and(|t| t.visible);
            shown && theory_shown && self.has_card(&s.from) && self.has_card(&s.to)
        })
    }

    /// Every string on the board as (from, to, label): canon first, then the fan's.
    pub fn strings(self) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> {
        let canon = self.canon_links().map(|l| (l.from.as_str(), l.to.as_str(), l.label.as_str()));
        canon.chain(self.fan_strings().map(|s| (s.from.as_str(), s.to.as_str(), s.label.as_str())))
    }

    fn known(self) -> impl Iterator<Item = &'a Entity> {
        let (universe, horizon) = (self.universe, self.horizon);
        universe.entities.iter().filter(move |e| entity_known(e, horizon, universe.episodes))
    }

    /// False for a card the filters hide, or of a theory the fan switched off; a card whose theory
    /// is gone still shows.
    fn shows_fan_card(self, card: &FanCard) -> bool {
        self.filters.shows_fan_cards()
            && card.theory.as_ref().and_then(|id| self.board.theories.get(id)).is_none_or(|t| t.visible)
    }
}
