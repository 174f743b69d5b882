//! The page's first paint: a universe's default board as it stands before the first episode (its
//! premise, which spoils nothing whatever a fan has watched, and is what the app itself shows
//! behind "How far have you watched?"), written into `index.html` at build time so that a fan
//! sees the board while the app's code is still on its way. The board is the SVG export's own
//! drawing (`svg::draw_board`), once for each default arrangement; the page's style shows the
//! one the app will open with and fits it where the app will fit the board
//! (`style/first-paint.css`), and `static/first-paint.js` says what is opening.

use crate::formats::svg::{bounds, draw_board, DEFS, SANS};
use crate::formats::svg_text::escape;
use crate::model::board::{Arrangement, Board};
use crate::model::geometry::Rect;
use crate::model::horizon::Horizon;
use crate::model::layout::default_layout;
use crate::model::scene::{scene, Scene};
use crate::model::universe::Universe;
use std::fmt::Write;

/// The first paint's root element: the app takes it away once its own board is drawn.
pub const ROOT_ID: &str = "first-paint";

/// What may be opening, as `static/first-paint.js` tells it by the page's address and storage,
/// and what the first paint says meanwhile. Only the default board is drawn: a shared board or a
/// fan's own is not known before the app reads it, and another board must never pass for theirs.
const OPENING: [(&str, &str); 3] =
    [("board", "Opening the board…"), ("shared", "Opening a shared board…"), ("own", "Opening your board…")];

/// The default board of `universe` in `arrangement`, as known before the first episode.
pub fn premise_scene(universe: &Universe, arrangement: Arrangement) -> Scene {
    let board = Board { arrangement, ..Board::new(&universe.id, universe.version) };
    scene(&board, universe, &default_layout(universe, arrangement), Horizon::Nothing)
}

/// The rectangle the app fits to the screen when it opens a board: its cards, not their strings.
pub fn cards_bounds(scene: &Scene) -> Option<Rect> {
    Rect::bounding(scene.cards.iter().map(|c| c.rect))
}

/// The first paint as HTML for the page's body: the premise board in both arrangements, the
/// line that says what is opening, and what a browser without JavaScript says instead.
pub fn html(universe: &Universe) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(out, r#"<div id="{ROOT_ID}" class="first-paint">"#);
    // The patterns both pictures paint with, once: an id may appear only once in a page, and a
    // pattern inside a picture that is not displayed would paint nothing in some browsers.
    let _ = writeln!(
        out,
        r#"<svg class="first-paint-defs" xmlns="http://www.w3.org/2000/svg" width="0" height="0" aria-hidden="true">{}</svg>"#,
        DEFS.trim_end()
    );
    for (arrangement, name) in [(Arrangement::Wide, "wide"), (Arrangement::Tall, "tall")] {
        picture(&mut out, universe, &premise_scene(universe, arrangement), name);
    }
    // One line for each board the page's script may find opening: the style shows its own.
    out.push_str("<p class=\"first-paint-status\" role=\"status\">");
    for (opening, words) in OPENING {
        let _ = write!(out, "<span data-opening=\"{opening}\">{words}</span>");
    }
    out.push_str("</p>\n");
    let _ = writeln!(
        out,
        "<noscript><p class=\"first-paint-noscript\">This is the {} board before the first episode. \
         Caseboard needs JavaScript and WebAssembly to open it.</p></noscript>",
        escape(&universe.title)
    );
    out.push_str("</div>\n");
    out
}

/// One arrangement's picture, which uses the page's one copy of the patterns. Its view box is
/// the cards' rectangle, so that the style can fit it as the app fits the board ("meet": as
/// large as fits, centred); strings and shadows beyond it stay drawn, as the page lets the
/// picture overflow its box.
fn picture(out: &mut String, universe: &Universe, scene: &Scene, arrangement: &str) {
    let Some(cards) = cards_bounds(scene) else { return };
    let _ = writeln!(
        out,
        r#"<svg class="first-paint-board" data-arrangement="{arrangement}" xmlns="http://www.w3.org/2000/svg" viewBox="{:.1} {:.1} {:.1} {:.1}" preserveAspectRatio="xMidYMid meet" font-family="{SANS}" role="img" aria-label="The {} board before the first episode">"#,
        cards.x,
        cards.y,
        cards.width,
        cards.height,
        escape(&universe.title)
    );
    // Everything the scene has is drawn: no string is cut where the cards end.
    draw_board(out, scene, bounds(scene).unwrap_or(cards));
    out.push_str("</svg>\n");
}
