//! What the pointers on the board are doing: which are down (a drag of the cork, or two fingers
//! pinching), a selection rectangle being drawn, and what counts as a click rather than a drag.

use crate::model::geometry::{Point, Rect};
use leptos::ev::PointerEvent;
use wasm_bindgen::JsCast;

/// A press that moves less than this (screen pixels) is a click, not a drag.
pub const CLICK_SLOP: f64 = 4.0;

/// A pointer down on the board, in board coordinates.
#[derive(Clone, Copy)]
pub struct Contact {
    pub pointer: i32,
    pub at: Point,
    /// It went down on a card, which drags it alone unless a second finger makes a pinch.
    pub on_card: bool,
}

/// The pointers currently down on the board.
#[derive(Clone, Default)]
pub struct Gesture {
    pub contacts: Vec<Contact>,
}

impl Gesture {
    /// Where the gesture is and how far its two fingers are apart; None when the view
    /// should not follow (no pointer, or one dragging a card).
    pub fn centre_and_spread(&self) -> Option<(Point, f64)> {
        match self.contacts.as_slice() {
            [one] if !one.on_card => Some((one.at, 0.0)),
            [a, b, ..] => {
                let (a, b) = (a.at, b.at);
                Some((Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0), (a.x - b.x).hypot(a.y - b.y)))
            }
            _ => None,
        }
    }
}

pub fn is_on_card(ev: &PointerEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-card-id]").ok().flatten())
        .is_some()
}

/// A rectangle being dragged out on the cork to select what it touches (screen coordinates).
#[derive(Clone, Copy, PartialEq)]
pub struct Marquee {
    pub pointer: i32,
    pub start: Point,
    pub now: Point,
    pub additive: bool,
}

impl Marquee {
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.start.x.min(self.now.x),
            y: self.start.y.min(self.now.y),
            width: (self.start.x - self.now.x).abs(),
            height: (self.start.y - self.now.y).abs(),
        }
    }
}
