//! Card sizes and the default layout: cases in the middle, people around them,
//! places and evidence beyond, episodes in rows along the bottom edge.

use super::board::{Arrangement, Board};
use super::geometry::{Point, Rect, Size};
use super::order::sorted_indices;
use super::universe::{Kind, Universe};
use std::collections::HashMap;
use std::f64::consts::{FRAC_PI_4, TAU};

/// The empty cork kept between any two cards of the default layout.
pub const CARD_GAP: f64 = 24.0;

/// The size of a card of this kind, in world units (CSS pixels at zoom 1).
pub fn card_size(kind: Kind) -> Size {
    let (width, height) = match kind {
        Kind::Character => (172.0, 224.0),
        Kind::Case => (248.0, 164.0),
        Kind::Episode => (156.0, 76.0),
        Kind::Place => (196.0, 124.0),
        Kind::Evidence => (196.0, 132.0),
        Kind::Note => (200.0, 180.0),
    };
    Size { width, height }
}

/// The cork left between the default layout and cards brought in from elsewhere.
const BESIDE_GAP: f64 = 240.0;

/// Moves the fan's cards, keeping their arrangement, to just right of the universe's default
/// layout, top-aligned with it: cards brought in from elsewhere (a canvas) never cover the canon.
/// Returns how far they moved (whole pixels), nothing when there was nothing to move.
pub fn place_beside_canon(board: &mut Board, universe: &Universe) -> Point {
    let defaults = default_layout(universe, board.arrangement);
    let canon = Rect::bounding(
        universe.entities.iter().filter_map(|e| defaults.get(&e.id).map(|p| Rect::at(*p, card_size(e.kind)))),
    );
    let fan = Rect::bounding(
        board
            .cards
            .values()
            .filter_map(|c| board.positions.get(&c.id).map(|p| Rect::at(*p, card_size(c.kind)))),
    );
    let (Some(canon), Some(fan)) = (canon, fan) else { return Point::default() };
    let (dx, dy) = ((canon.right() + BESIDE_GAP - fan.x).round(), (canon.y - fan.y).round());
    for id in board.cards.keys() {
        if let Some(at) = board.positions.get_mut(id) {
            *at = at.offset(dx, dy).rounded();
        }
    }
    Point::new(dx, dy)
}

/// How far each new card added at the same spot is moved down and to the right of the last.
pub const CASCADE: f64 = 28.0;

/// Where a new card meant for `origin` (its top-left corner) goes: there, or cascaded down and to
/// the right past the cards already there (`taken`, their top-left corners), so that cards added
/// one after another at the same spot never hide each other.
pub fn cascaded(origin: Point, taken: &[Point]) -> Point {
    let mut at = origin;
    // A bound, so a board stacked absurdly still gets its card at once.
    for _ in 0..100 {
        if !taken.iter().any(|t| t.distance_to(at) < CASCADE / 2.0) {
            break;
        }
        at = at.offset(CASCADE, CASCADE);
    }
    at
}

/// A new card looks for a clear spot this far apart, ring after ring around the one it was meant
/// for, out to this many rings (about four cards' widths).
const SPOT_STEP: f64 = 40.0;
const SPOT_RINGS: usize = 22;

/// Where a new card of `size` meant for `origin` (its top-left corner) goes: there if it covers
/// none of the cards on the board (`taken`, their rectangles), else the nearest spot around that
/// covers none; on a board too crowded for that, cascaded past the cards at `origin`.
pub fn clear_spot(origin: Point, size: Size, taken: &[Rect]) -> Point {
    let free = |at: Point| !taken.iter().any(|t| t.overlaps(&Rect::at(at, size), CARD_GAP / 2.0));
    // Down and to the right first, as a cascade goes.
    let around = (1..=SPOT_RINGS).flat_map(|ring| {
        let count = 8 * ring;
        (0..count).map(move |i| {
            let angle = FRAC_PI_4 + TAU * i as f64 / count as f64;
            let distance = ring as f64 * SPOT_STEP;
            origin.offset(distance * angle.cos(), distance * angle.sin())
        })
    });
    std::iter::once(origin).chain(around).find(|&at| free(at)).unwrap_or_else(|| {
        let corners: Vec<Point> = taken.iter().map(Rect::origin).collect();
        cascaded(origin, &corners)
    })
}

/// How far below a card's top edge its pin sits.
pub const PIN_DROP: f64 = 12.0;

/// Where a string attaches: the pin at the top centre of the card.
pub fn pin(origin: Point, kind: Kind) -> Point {
    Point::new(origin.x + card_size(kind).width / 2.0, origin.y + PIN_DROP)
}

/// A pin's finger target on screen, in CSS px, at any zoom (WCAG 2.5.8's minimum); the board's
/// style sheet draws it this size.
pub const PIN_TARGET: f64 = 24.0;

/// Where a pin takes a finger, on screen, given where its head is drawn (`head`, screen px) at
/// `zoom`: 42 × 36 board px hanging from the card's top edge, centred on the pin, and never
/// under [`PIN_TARGET`] on screen either way. The style sheet draws the same box (the pin's
/// `::after`); a touch is tested against this one, because a browser snaps a finger's touch to a
/// nearby button, and a press just below the target must still drag the card.
pub fn pin_target(head: Rect, zoom: f64) -> Rect {
    let width = (42.0 * zoom).max(PIN_TARGET);
    let height = (36.0 * zoom).max(PIN_TARGET);
    let centre = head.center();
    let top = head.y - PIN_TOP * zoom;
    Rect { x: centre.x - width / 2.0, y: top, width, height }
}

/// How far below the card's top edge the pin's head is drawn, in board px.
const PIN_TOP: f64 = 3.0;

/// Whether a card of `kind` shows its pin at `zoom`: only while the pin's target takes at most
/// the top half of the card on screen, so the rest of the card is left to drag it by. (Smaller
/// on screen, the card is tied by a long press, the inspector or the keyboard.)
pub fn pin_drawn(kind: Kind, zoom: f64) -> bool {
    card_size(kind).height * zoom >= 2.0 * PIN_TARGET
}

/// The gap between the bands of the default layout (the cases, each row of people), wider than
/// [`CARD_GAP`] so the strings running between bands have room for their labels.
const BAND_GAP: f64 = 40.0;

/// The default top-left position of every entity of the universe, keyed by id, for a board of
/// this arrangement. The cases sit in the middle, the people in rows above and below them, the
/// places and evidence in columns beyond on either side, the episodes in rows along the bottom:
/// the ring of people around the cases, squared off so no cork is wasted. Each card goes towards the cards it is tied to, and no two cards overlap by construction, so
/// the cost grows with the cards and their strings, never with their square.
pub fn default_layout(universe: &Universe, arrangement: Arrangement) -> HashMap<String, Point> {
    let ties = Ties::of(universe);
    let of_kind = |kinds: &[Kind]| -> Vec<(String, Kind)> {
        universe.entities.iter().filter(|e| kinds.contains(&e.kind)).map(|e| (e.id.clone(), e.kind)).collect()
    };
    let shape = Shape::of(arrangement);
    let mut placed = Placed::default();

    let cases = of_kind(&[Kind::Case]);
    let rows = rows_of(&cases, per_row(cases.len(), shape.cases_per_row));
    let height = stacked_height(&rows, CARD_GAP);
    let mut band = (-height / 2.0, height / 2.0);
    stack(&rows, band.0, CARD_GAP, Direction::Down, &mut placed);

    // People and things go towards what they are tied to, each other included: a few passes,
    // each placing them again in the order the last one's places pull them into.
    let (mut people, mut things) = (of_kind(&[Kind::Character]), of_kind(&[Kind::Place, Kind::Evidence]));
    let middle = band;
    for _ in 0..ORDERING_PASSES {
        people = ties.sorted_by_pull(people, &placed);
        band = wrap_above_and_below(
            &people,
            per_row(people.len() / 2, shape.people_per_row),
            middle,
            &mut placed,
        );
        things = ties.sorted_by_pull(things, &placed);
        // With no cases and no people, the things stand either side of the board's middle.
        let inner = placed.bounds_of(cases.iter().chain(&people)).unwrap_or(Rect {
            x: 0.0,
            y: band.0,
            width: 0.0,
            height: band.1 - band.0,
        });
        band = columns_beside(&things, inner, band, &mut placed);
    }

    let episodes = of_kind(&[Kind::Episode]);
    let rows = rows_of(&episodes, shape.episodes_per_row);
    stack(&rows, band.1 + BAND_GAP, CARD_GAP, Direction::Down, &mut placed);

    placed.at.into_iter().map(|(id, p)| (id, p.rounded())).collect()
}

/// How many times the people and things are ordered by what they are tied to: enough for the
/// order to settle on a board the size of a show's.
const ORDERING_PASSES: usize = 6;

/// How many cards each band of the default layout holds in a row.
struct Shape {
    cases_per_row: usize,
    people_per_row: usize,
    episodes_per_row: usize,
}

impl Shape {
    fn of(arrangement: Arrangement) -> Shape {
        match arrangement {
            Arrangement::Wide => Shape { cases_per_row: 4, people_per_row: 7, episodes_per_row: 10 },
            Arrangement::Tall => Shape { cases_per_row: 2, people_per_row: 4, episodes_per_row: 5 },
        }
    }
}

/// Cards in a row, for `count` cards: up to `most`, and more on a bigger universe, so its rows
/// stay about as many as its columns.
fn per_row(count: usize, most: usize) -> usize {
    let square = (count as f64).sqrt().ceil() as usize;
    count.clamp(1, most.max(square))
}

/// The cards placed so far, and where.
#[derive(Default)]
struct Placed {
    at: HashMap<String, Point>,
}

impl Placed {
    fn put(&mut self, id: &str, at: Point) {
        self.at.insert(id.to_string(), at);
    }

    /// The box these placed cards fill.
    fn bounds_of<'c>(&self, cards: impl Iterator<Item = &'c (String, Kind)>) -> Option<Rect> {
        Rect::bounding(cards.filter_map(|(id, kind)| Some(Rect::at(*self.at.get(id)?, card_size(*kind)))))
    }

    fn centre_of(&self, id: &str, kind: Kind) -> Option<Point> {
        self.at.get(id).map(|p| Rect::at(*p, card_size(kind)).center())
    }
}

/// Which way a stack of rows grows from where it starts.
#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Up,
    Down,
}

fn rows_of(cards: &[(String, Kind)], per_row: usize) -> Vec<&[(String, Kind)]> {
    cards.chunks(per_row.max(1)).collect()
}

fn row_height(row: &[(String, Kind)]) -> f64 {
    row.iter().map(|(_, k)| card_size(*k).height).fold(0.0, f64::max)
}

fn stacked_height(rows: &[&[(String, Kind)]], gap: f64) -> f64 {
    rows.iter().map(|r| row_height(r)).sum::<f64>() + gap * rows.len().saturating_sub(1) as f64
}

/// Lays rows centred on x = 0, the first with its top (going down) or its bottom (going up) at
/// `from`; returns where the last row ends.
fn stack(rows: &[&[(String, Kind)]], from: f64, gap: f64, direction: Direction, placed: &mut Placed) -> f64 {
    let mut edge = from;
    for row in rows {
        let height = row_height(row);
        let top = if direction == Direction::Down { edge } else { edge - height };
        let width: f64 = row.iter().map(|(_, k)| card_size(*k).width).sum::<f64>()
            + gap * row.len().saturating_sub(1) as f64;
        let mut x = -width / 2.0;
        for (id, kind) in *row {
            let size = card_size(*kind);
            // Cards shorter than their row sit towards the middle band.
            let y = if direction == Direction::Down { top } else { top + height - size.height };
            placed.put(id, Point::new(x, y));
            x += size.width + gap;
        }
        edge = if direction == Direction::Down { top + height + gap } else { top - gap };
    }
    if direction == Direction::Down {
        edge - gap
    } else {
        edge + gap
    }
}

/// Deals `cards` (in order along the board) into rows above and below `band` (its top and
/// bottom), alternately, so each row keeps their order; returns the band grown by them.
fn wrap_above_and_below(
    cards: &[(String, Kind)],
    per_row: usize,
    band: (f64, f64),
    placed: &mut Placed,
) -> (f64, f64) {
    if cards.is_empty() {
        return band;
    }
    let (above, below): (Vec<_>, Vec<_>) = cards.iter().cloned().enumerate().partition(|(i, _)| i % 2 == 0);
    let strip = |half: Vec<(usize, (String, Kind))>| half.into_iter().map(|(_, c)| c).collect::<Vec<_>>();
    let (above, below) = (strip(above), strip(below));
    let top = stack(&rows_of(&above, per_row), band.0 - BAND_GAP, CARD_GAP, Direction::Up, placed);
    let bottom = if below.is_empty() {
        band.1
    } else {
        stack(&rows_of(&below, per_row), band.1 + BAND_GAP, CARD_GAP, Direction::Down, placed)
    };
    (top.min(band.0), bottom)
}

/// Stacks `cards` (in order along the board) in columns left and right of `bounds` (the cases and people),
/// the first half on the left; each column about as tall as `band`. Returns the band grown to
/// the columns' height.
fn columns_beside(
    cards: &[(String, Kind)],
    bounds: Rect,
    band: (f64, f64),
    placed: &mut Placed,
) -> (f64, f64) {
    let pitch = card_size(Kind::Place).height + CARD_GAP;
    // A column may run a little past the band rather than start another column.
    let fits = (((band.1 - band.0) * 1.25 + CARD_GAP) / pitch).floor().max(1.0) as usize;
    let (left, right) = cards.split_at(cards.len() / 2);
    let mut grown = band;
    for (side, cards) in [(-1.0, left), (1.0, right)] {
        let columns = cards.len().div_ceil(fits).max(1);
        let per_column = cards.len().div_ceil(columns);
        let mut edge = if side < 0.0 { bounds.x } else { bounds.right() };
        for column in cards.chunks(per_column.max(1)) {
            let width = column.iter().map(|(_, k)| card_size(*k).width).fold(0.0, f64::max);
            let x = if side < 0.0 { edge - BAND_GAP - width } else { edge + BAND_GAP };
            let height: f64 =
                column.iter().map(|(_, k)| card_size(*k).height + CARD_GAP).sum::<f64>() - CARD_GAP;
            let mut y = (band.0 + band.1) / 2.0 - height / 2.0;
            grown = (grown.0.min(y), grown.1.max(y + height));
            for (id, kind) in column {
                placed.put(id, Point::new(x, y));
                y += card_size(*kind).height + CARD_GAP;
            }
            edge = if side < 0.0 { x } else { x + width };
        }
    }
    grown
}

/// Every entity's strings, by id, so a card finds what it is tied to at once.
struct Ties<'a> {
    of: HashMap<&'a str, Vec<&'a str>>,
    kinds: HashMap<&'a str, Kind>,
}

impl<'a> Ties<'a> {
    fn of(universe: &'a Universe) -> Ties<'a> {
        let mut of: HashMap<&str, Vec<&str>> = HashMap::new();
        for link in &universe.links {
            of.entry(link.from.as_str()).or_default().push(link.to.as_str());
            of.entry(link.to.as_str()).or_default().push(link.from.as_str());
        }
        let kinds = universe.entities.iter().map(|e| (e.id.as_str(), e.kind)).collect();
        Ties { of, kinds }
    }

    /// `cards` ordered left to right by where the placed cards they are tied to sit on average
    /// (seen from the middle, so a card tied to the left and the top goes left), the untied in
    /// the middle, ties kept in the universe's order.
    fn sorted_by_pull(&self, cards: Vec<(String, Kind)>, placed: &Placed) -> Vec<(String, Kind)> {
        let pulls: Vec<f64> = cards
            .iter()
            .map(|(id, _)| {
                let tied: Vec<Point> = self
                    .of
                    .get(id.as_str())
                    .into_iter()
                    .flatten()
                    .filter_map(|other| placed.centre_of(other, *self.kinds.get(other)?))
                    .collect();
                if tied.is_empty() {
                    0.0
                } else {
                    tied.iter().map(|p| p.x).sum::<f64>() / tied.len() as f64
                }
            })
            .collect();
        let order = sorted_indices(cards.len(), &|a, b| pulls[a].total_cmp(&pulls[b]).then(a.cmp(&b)));
        order.into_iter().map(|i| cards[i].clone()).collect()
    }
}
