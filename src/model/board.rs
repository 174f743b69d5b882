//! The fan's board: only what differs from the universe's default.

use super::geometry::{Point, Viewport};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub universe_id: String,
    pub universe_version: u32,
    /// Cards the fan has moved away from the default layout, by id.
    pub moved: BTreeMap<String, Point>,
    /// The last view; None opens the board fitted to the screen.
    pub viewport: Option<Viewport>,
}

impl Board {
    pub fn new(universe_id: &str, universe_version: u32) -> Board {
        Board {
            universe_id: universe_id.to_string(),
            universe_version,
            moved: BTreeMap::new(),
            viewport: None,
        }
    }

    /// Where a card sits: where the fan put it, else the default layout's place.
    pub fn position(&self, id: &str, defaults: &HashMap<String, Point>) -> Option<Point> {
        self.moved.get(id).or_else(|| defaults.get(id)).copied()
    }

    /// Puts a card at `to`, forgetting the override when `to` is its default place.
    pub fn set_position(&mut self, id: &str, to: Point, defaults: &HashMap<String, Point>) {
        if defaults.get(id) == Some(&to) {
            self.moved.remove(id);
        } else {
            self.moved.insert(id.to_string(), to);
        }
    }
}
