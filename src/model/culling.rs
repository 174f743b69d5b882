//! What the board draws. Only the cards and strings near the view are drawn: every drawn card
//! costs the browser style, layout, paint and hit testing on every frame, wherever it is. When
//! even that is too many to read, the board draws their outlines instead.

use crate::model::geometry::{Point, Rect};
use std::fmt::Write;

/// Room drawn around the view on every side, as a share of the view's size: a pan of up to this
/// much finds its cards already there.
pub const MARGIN: f64 = 0.25;

/// More cards than this near the view are drawn as outlines: at such a zoom no card can be read,
/// and each drawn card would cost every frame.
pub const MAX_DRAWN: usize = 400;

/// Selected cards are drawn wherever they are, so a drag or the keyboard never loses one; but not a
/// selection bigger than this (everything, say), which would draw the whole board.
pub const MAX_KEPT: usize = 50;

/// The part of the world drawn for `view` (the world the screen shows).
pub fn window_around(view: Rect) -> Rect {
    Rect {
        x: view.x - view.width * MARGIN,
        y: view.y - view.height * MARGIN,
        width: view.width * (1.0 + 2.0 * MARGIN),
        height: view.height * (1.0 + 2.0 * MARGIN),
    }
}

/// True while `window`, drawn for an earlier view, still serves `view`: it holds all of it, and
/// is not so much wider (after zooming in) that it draws far more than can be seen.
pub fn still_serves(window: Rect, view: Rect) -> bool {
    let inside = window.x <= view.x
        && window.y <= view.y
        && view.right() <= window.right()
        && view.bottom() <= window.bottom();
    inside && window.width <= 2.0 * window_around(view).width
}

/// What to draw in a window, as indices into the board's cards and strings.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawn {
    /// These cards and strings, each in full.
    Cards { cards: Vec<usize>, strings: Vec<usize> },
    /// Too many cards to read: outlines, and only the kept cards in full.
    Overview { kept: Vec<usize> },
}

/// What to draw in `window`. `cards` are the cards' rectangles; `strings` name their two cards by
/// index. Cards that `keep` names are drawn wherever they are (a selected card, say, so that a
/// drag or the keyboard never loses it), and so are their strings.
pub fn drawn(
    window: Rect,
    cards: &[Rect],
    strings: &[(usize, usize)],
    keep: impl Fn(usize) -> bool,
) -> Drawn {
    let near: Vec<bool> = cards.iter().map(|r| r.overlaps(&window, 0.0)).collect();
    if near.iter().filter(|n| **n).count() > MAX_DRAWN {
        return Drawn::Overview { kept: (0..cards.len()).filter(|&i| keep(i)).collect() };
    }
    let shown: Vec<bool> = near.iter().enumerate().map(|(i, n)| *n || keep(i)).collect();
    let strings = strings
        .iter()
        .enumerate()
        .filter(|(_, &(a, b))| {
            let (Some(ra), Some(rb)) = (cards.get(a), cards.get(b)) else { return false };
            shown[a] || shown[b] || ra.union(rb).overlaps(&window, 0.0)
        })
        .map(|(i, _)| i)
        .collect();
    let cards = (0..cards.len()).filter(|&i| shown[i]).collect();
    Drawn::Cards { cards, strings }
}

/// One SVG path of the rectangles' outlines.
pub fn outlines(rects: impl IntoIterator<Item = Rect>) -> String {
    let mut path = String::new();
    for r in rects {
        let _ = write!(path, "M{:.0} {:.0}h{:.0}v{:.0}h-{:.0}z", r.x, r.y, r.width, r.height, r.width);
    }
    path
}

/// One SVG path of straight lines between the pairs of points.
pub fn lines(pairs: impl IntoIterator<Item = (Point, Point)>) -> String {
    let mut path = String::new();
    for (a, b) in pairs {
        let _ = write!(path, "M{:.0} {:.0}L{:.0} {:.0}", a.x, a.y, b.x, b.y);
    }
    path
}
