//! Where words go on the board when it is zoomed out or crowded: card titles drawn at a constant
//! size on screen, only as many as fit without overlapping (a label-density rule), and string
//! labels slid along their strings to a spot clear of every card and title, or left undrawn until
//! asked for. Plain geometry over rectangles, in world units.

use super::geometry::{Point, Rect, Size};
use super::string_path::SaggingString;

/// Below this zoom a card's full face cannot be read: it shows its title alone, at
/// [`TITLE_PX`] on screen whatever the zoom.
pub const FACE_READABLE_ZOOM: f64 = 0.7;
/// The size of a zoomed-out title on screen, in CSS pixels.
pub const TITLE_PX: f64 = 13.0;
/// A title's width on screen per character, as a share of its size (a bold sans serif, about).
const CHAR_WIDTH: f64 = 0.64;
/// The padding of a title's backing on screen, each side, in CSS pixels.
const TITLE_PAD: f64 = 4.0;
/// The most characters of a title drawn zoomed out; longer ones end with an ellipsis.
pub const TITLE_CHARS: usize = 28;

/// A string label's font size in world units, and the room kept around it.
const LABEL_PX: f64 = 17.0;
const LABEL_PAD: f64 = 4.0;
/// Where along its string a label may sit, best first: where it sags lowest, then out towards
/// the ends, short of the pins.
const SPOTS: [f64; 9] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];

/// The narrowest a zoomed-out title may wrap to on screen, in CSS pixels: a title wraps to the
/// card's width on screen, but never narrower than this.
pub const TITLE_MIN_WIDTH: f64 = 96.0;
/// How much wider than its estimate a title may turn out, which the estimate must allow for
/// before it says one line is enough.
const ESTIMATE_SLACK: f64 = 1.25;

/// The world rectangle a zoomed-out title of `chars` characters covers, centred on its card: on
/// one line when that fits the card's width on screen (or [`TITLE_MIN_WIDTH`]), else wrapped to
/// that width on two lines, as the card draws it.
pub fn title_box(card: Rect, chars: usize, zoom: f64) -> Rect {
    let one_line = line_width(chars);
    let widest = (card.width * zoom).max(TITLE_MIN_WIDTH);
    let (width, lines) = if one_line * ESTIMATE_SLACK <= widest { (one_line, 1.0) } else { (widest, 2.0) };
    centred_on(card, width / zoom, (lines * TITLE_PX * 1.25 + 2.0 * TITLE_PAD) / zoom)
}

/// The world rectangle a title of `chars` characters covers drawn on one line, centred on its
/// card: as the outlines far out draw titles.
pub fn line_title_box(card: Rect, chars: usize, zoom: f64) -> Rect {
    centred_on(card, line_width(chars) / zoom, (TITLE_PX * 1.25 + 2.0 * TITLE_PAD) / zoom)
}

/// A title's width on one line, on screen, with its padding.
fn line_width(chars: usize) -> f64 {
    chars.clamp(1, TITLE_CHARS) as f64 * CHAR_WIDTH * TITLE_PX + 2.0 * TITLE_PAD
}

fn centred_on(card: Rect, width: f64, height: f64) -> Rect {
    let centre = card.center();
    Rect { x: centre.x - width / 2.0, y: centre.y - height / 2.0, width, height }
}

/// Which of `boxes` to draw, taken in `order` (most wanted first): each one that overlaps none
/// kept before it. Never two kept boxes overlap.
pub fn declutter(boxes: &[Rect], order: &[usize]) -> Vec<bool> {
    let mut kept = vec![false; boxes.len()];
    let mut grid = Grid::new(boxes);
    for &i in order {
        let Some(b) = boxes.get(i) else { continue };
        if !kept[i] && !grid.hits(b) {
            grid.insert(*b);
            kept[i] = true;
        }
    }
    kept
}

/// Where a label sits on its string: at `t` along it (0 at the start, 1 at the end).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    pub t: f64,
}

/// The size a string label of `chars` characters takes in world units.
pub fn label_size(chars: usize) -> Size {
    Size {
        width: chars.max(1) as f64 * CHAR_WIDTH * LABEL_PX + 2.0 * LABEL_PAD,
        height: LABEL_PX * 1.3 + 2.0 * LABEL_PAD,
    }
}

/// The world rectangle of a label of `size` centred at `at`.
pub fn label_box(at: Point, size: Size) -> Rect {
    Rect { x: at.x - size.width / 2.0, y: at.y - size.height / 2.0, width: size.width, height: size.height }
}

/// A spot for each label (its string and its size), taken in order: the first along its string
/// whose box covers none of `obstacles` (cards and their titles) and no label placed before it;
/// None when there is no such spot (the label is then drawn only when asked for).
pub fn place_labels(labels: &[(SaggingString, Size)], obstacles: &[Rect]) -> Vec<Option<Spot>> {
    let mut taken = Grid::new(obstacles);
    obstacles.iter().for_each(|r| taken.insert(*r));
    labels
        .iter()
        .map(|(curve, size)| {
            let spot =
                SPOTS.iter().map(|&t| Spot { t }).find(|s| !taken.hits(&label_box(curve.at(s.t), *size)))?;
            taken.insert(label_box(curve.at(spot.t), *size));
            Some(spot)
        })
        .collect()
}

/// Rectangles bucketed by the cells of a square grid they touch, so that finding what a
/// rectangle overlaps costs what is near it, not what is on the board.
struct Grid {
    cell: f64,
    cells: std::collections::HashMap<(i64, i64), Vec<Rect>>,
}

impl Grid {
    /// A grid whose cells fit rectangles like `like`.
    fn new(like: &[Rect]) -> Grid {
        let widest = like.iter().map(|r| r.width.max(r.height)).fold(0.0, f64::max);
        Grid { cell: widest.clamp(64.0, 1e7), cells: Default::default() }
    }

    fn cells_of(&self, r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let span = |from: f64, to: f64| (from / self.cell).floor() as i64..=(to / self.cell).floor() as i64;
        let rows = span(r.y, r.bottom());
        span(r.x, r.right()).flat_map(move |x| rows.clone().map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect) {
        for key in self.cells_of(&r).collect::<Vec<_>>() {
            self.cells.entry(key).or_default().push(r);
        }
    }

    fn hits(&self, r: &Rect) -> bool {
        self.cells_of(r)
            .any(|key| self.cells.get(&key).is_some_and(|rs| rs.iter().any(|o| o.overlaps(r, 0.0))))
    }
}
