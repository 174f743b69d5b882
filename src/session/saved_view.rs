//! The fan's saved view of the open board: what they chose to show and where they look. Saved
//! with the board, never an undoable change; `open_board` applies changes to it, since each
//! changes what is on the board.

use crate::model::filter::Filters;
use crate::model::geometry::Viewport;
use crate::model::horizon::Horizon;
use leptos::prelude::*;

/// Focus mode: the card focused on, and how many strings away stays lit (1 or 2).
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    pub card: String,
    pub depth: u32,
}

#[derive(Clone, Copy)]
pub struct SavedView {
    /// What the fan chose to show.
    pub filters: RwSignal<Filters>,
    /// How far the fan has watched: canon revealed later is not shown at all.
    pub horizon: RwSignal<Horizon>,
    /// The timeline's replay: the board as known after this episode (never past `horizon`).
    pub replay: RwSignal<Option<u32>>,
    /// The card focused on and how many strings away stays lit.
    pub focus: RwSignal<Option<Focus>>,
    pub viewport: RwSignal<Viewport>,
}

impl SavedView {
    pub fn new(viewport: Viewport) -> SavedView {
        SavedView {
            filters: RwSignal::new(Filters::default()),
            horizon: RwSignal::new(Horizon::Everything),
            replay: RwSignal::new(None),
            focus: RwSignal::new(None),
            viewport: RwSignal::new(viewport),
        }
    }

    /// What is shown now: the fan's horizon, or the timeline's replay where it is earlier.
    pub fn effective_horizon(&self) -> Horizon {
        let fan = self.horizon.get_untracked();
        match self.replay.get_untracked() {
            Some(episode) => fan.min(Horizon::Episode(episode)),
            None => fan,
        }
    }
}
