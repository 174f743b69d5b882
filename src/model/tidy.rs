//! Tidy: lays the cards out anew, tied cards near each other and no two overlapping.
//!
//! A force-directed layout in the manner of Fruchterman and Reingold (moves capped by a falling
//! temperature, the cards that push each other found through a grid) starts from where the cards
//! are, so a tidy board stays much as it is; then every card still too close to another is moved
//! to a free spot nearby. Pinned cards never move but still push and pull the others. There is no
//! randomness and everything runs in a fixed order, so the same board always tidies the same way.

use super::geometry::{Point, Rect, Size};
use super::layout::CARD_GAP;
use super::order::sorted_indices;

/// One card to tidy: its size, its top-left corner now, and whether it must stay there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TidyCard {
    pub size: Size,
    pub at: Point,
    pub pinned: bool,
}

/// The farthest from the origin a card starts the layout, so that a stray far-off card cannot
/// stretch the board to absurd sizes.
const LIMIT: f64 = 1.0e6;
/// Layout passes for a small board. A board of more than 1,333 cards gets fewer, [`WORK`]
/// card-passes shared among its cards, so that the time stops growing with the number of passes
/// (5,000 cards get 80).
const MAX_PASSES: usize = 300;
const MIN_PASSES: usize = 40;
const WORK: usize = 400_000;
/// How far one unit of force moves a card in one pass: small enough that a card pushed and pulled
/// by many others settles rather than overshoots.
const STEP: f64 = 0.1;
/// How strongly a card outside the circle of [`ROOM`] is drawn back towards the board's middle,
/// per unit of distance beyond it.
const GRAVITY: f64 = 0.3;
/// Gravity leaves alone the cards within a circle this many times the size of the one the
/// cards would just cover, so that a board with room to spare keeps its spread.
const ROOM: f64 = 1.5;
/// The most spots tried beside the cards in a card's way before it is moved straight out instead.
const MAX_PROBES: usize = 8;
/// Added to the gap where a card is moved clear of another, so that rounding errors never leave
/// it a hair too close.
const SLACK: f64 = 1.0;
/// The golden angle: successive cards fanned out at this turn never line up.
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

/// The new top-left corner of every card, in the order given. `edges` are the strings between
/// cards, as indices into `cards`; those naming no card, or tying one to itself, are ignored.
/// Pinned cards keep their place exactly; unpinned ones end rounded (see [`Point::rounded`]) and
/// no nearer than [`CARD_GAP`] to any other card. Pinned cards that overlap each other stay so.
pub fn tidy(cards: &[TidyCard], edges: &[(usize, usize)]) -> Vec<Point> {
    let edges: Vec<(usize, usize)> =
        edges.iter().copied().filter(|&(a, b)| a != b && a < cards.len() && b < cards.len()).collect();
    let mut tops: Vec<Point> = cards.iter().map(|c| Point::new(sane(c.at.x), sane(c.at.y))).collect();
    fan_out_stacks(cards, &mut tops);
    let mut centres: Vec<Point> =
        cards.iter().zip(&tops).map(|(c, t)| t.offset(c.size.width / 2.0, c.size.height / 2.0)).collect();
    relax(cards, &edges, &mut centres);
    for ((top, centre), card) in tops.iter_mut().zip(&centres).zip(cards) {
        // Pinned cards, wherever they are, are what the others must keep clear of.
        *top = if card.pinned {
            card.at
        } else {
            centre.offset(-card.size.width / 2.0, -card.size.height / 2.0)
        };
    }
    remove_overlaps(cards, &mut tops);
    cards.iter().zip(tops).map(|(c, top)| if c.pinned { c.at } else { top.rounded() }).collect()
}

/// A coordinate the layout can start from: a missing one (NaN) taken as 0, and none beyond [`LIMIT`].
fn sane(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(-LIMIT, LIMIT)
    }
}

/// Half the diagonal: the circle around the card that the layout keeps clear.
fn radius(size: Size) -> f64 {
    size.width.hypot(size.height) / 2.0
}

/// Fans unpinned cards that share a top-left corner (pasted or brought in together) out on a
/// spiral around it. Stacked cards have no direction to push each other apart in, and thousands
/// of them in one grid cell would make repulsion cost the square of their number.
fn fan_out_stacks(cards: &[TidyCard], tops: &mut [Point]) {
    let spacing = cards.iter().map(|c| radius(c.size)).sum::<f64>() / cards.len().max(1) as f64;
    let start = tops.to_vec();
    let order = sorted_indices(cards.len(), &|a, b| {
        start[a].x.total_cmp(&start[b].x).then(start[a].y.total_cmp(&start[b].y)).then(a.cmp(&b))
    });
    for stack in order.chunk_by(|&a, &b| start[a] == start[b]) {
        for (turn, &i) in stack.iter().enumerate().skip(1).filter(|(_, &i)| !cards[i].pinned) {
            // Out by the square root, so each card of the spiral gets about as much room.
            let (angle, distance) = (turn as f64 * GOLDEN_ANGLE, spacing * (turn as f64).sqrt());
            tops[i] = tops[i].offset(distance * angle.cos(), distance * angle.sin());
        }
    }
}

/// Runs the force-directed layout on the cards' centres: strings pull their cards towards a
/// rest length that leaves the two cards a gap, cards nearer than that push each other away, and
/// gravity draws cards far from the board's middle back towards it. A falling temperature caps
/// how far forces move a card in one pass, so the layout settles. Forces alone cannot keep cards
/// apart, though: the strings of a crowded board add up to a pressure that squeezes any soft
/// repulsion flat, so every pass also parts overlapping cards outright.
fn relax(cards: &[TidyCard], edges: &[(usize, usize)], centres: &mut [Point]) {
    let n = cards.len();
    if n == 0 {
        return;
    }
    let radii: Vec<f64> = cards.iter().map(|c| radius(c.size)).collect();
    let rest = |a: usize, b: usize| radii[a] + radii[b] + CARD_GAP;
    // Cards push each other only within their rest length, which is at most this, so with cells
    // this wide every card that pushes one is in its cell or the eight around it.
    let reach = 2.0 * radii.iter().fold(0.0_f64, |a, &b| a.max(b)) + CARD_GAP;
    let middle = Point::new(
        centres.iter().map(|p| p.x).sum::<f64>() / n as f64,
        centres.iter().map(|p| p.y).sum::<f64>() / n as f64,
    );
    let passes = (WORK / n).clamp(MIN_PASSES, MAX_PASSES);
    // The first passes may move a card by about its own size, the last by next to nothing.
    let hottest = radii.iter().sum::<f64>() / n as f64;
    let room: f64 = cards.iter().map(|c| (c.size.width + CARD_GAP) * (c.size.height + CARD_GAP)).sum();
    let free_radius = ROOM * (room / std::f64::consts::PI).sqrt();
    let mut grid = SpatialHash::new(reach, n);
    let (mut push, mut part, mut near) = (vec![Point::default(); n], vec![Point::default(); n], Vec::new());
    for pass in 0..passes {
        let temperature = hottest * (1.0 - pass as f64 / passes as f64);
        push.fill(Point::default());
        part.fill(Point::default());
        grid.clear();
        for (i, c) in centres.iter().enumerate() {
            grid.insert(i, Rect { x: c.x, y: c.y, width: 0.0, height: 0.0 });
        }
        for i in 0..n {
            let c = centres[i];
            grid.near(
                Rect { x: c.x - reach, y: c.y - reach, width: 2.0 * reach, height: 2.0 * reach },
                &mut near,
            );
            for &j in near.iter().filter(|&&j| j > i) {
                let (dx, dy) = (centres[j].x - c.x, centres[j].y - c.y);
                let k = rest(i, j);
                if dx * dx + dy * dy >= k * k {
                    continue;
                }
                let (ux, uy, d) = direction(c, centres[j], i * 31 + j);
                pull(&mut push, i, j, ux, uy, k * (1.0 - k / d));
                let (a, b) = (cards[i].size, cards[j].size);
                let over_x = (a.width + b.width) / 2.0 + CARD_GAP - dx.abs();
                let over_y = (a.height + b.height) / 2.0 + CARD_GAP - dy.abs();
                if over_x > 0.0 && over_y > 0.0 {
                    // Out the shorter way, along the side the pair already lies; each card goes
                    // half of it, or all of it when the other is pinned.
                    let (mx, my) = if over_x < over_y {
                        (ux.signum() * over_x, 0.0)
                    } else {
                        (0.0, uy.signum() * over_y)
                    };
                    let share_j = match (cards[i].pinned, cards[j].pinned) {
                        (true, false) => 1.0,
                        (false, true) => 0.0,
                        _ => 0.5,
                    };
                    part[i] = part[i].offset(-mx * (1.0 - share_j), -my * (1.0 - share_j));
                    part[j] = part[j].offset(mx * share_j, my * share_j);
                }
            }
        }
        // A string pulls no harder than it would at twice its rest length, so that strings across
        // a crowded board do not crush the cards between their ends.
        for &(a, b) in edges {
            let (ux, uy, d) = direction(centres[a], centres[b], a * 31 + b);
            pull(&mut push, a, b, ux, uy, (d - rest(a, b)).min(rest(a, b)));
        }
        for i in (0..n).filter(|&i| !cards[i].pinned) {
            let (ux, uy, d) = direction(centres[i], middle, i);
            let g = GRAVITY * (d - free_radius).max(0.0);
            let p = push[i].offset(g * ux, g * uy);
            let p = Point::new(p.x * STEP, p.y * STEP);
            let length = p.x.hypot(p.y);
            let step = if length > 0.0 { length.min(temperature) / length } else { 0.0 };
            centres[i] = centres[i].offset(p.x * step + part[i].x, p.y * step + part[i].y);
        }
    }
}

/// The unit vector from `from` to `to`, and their distance. Points on the same spot get a
/// direction picked by `seed`, so that cards there still part, each pair its own way.
fn direction(from: Point, to: Point, seed: usize) -> (f64, f64, f64) {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let d = dx.hypot(dy);
    if d > 0.01 {
        (dx / d, dy / d, d)
    } else {
        let angle = seed as f64 * GOLDEN_ANGLE;
        (angle.cos(), angle.sin(), 0.01)
    }
}

/// Draws cards `a` and `b` together by `force` along the unit vector from `a` to `b` (apart when
/// negative).
fn pull(push: &mut [Point], a: usize, b: usize, ux: f64, uy: f64, force: f64) {
    push[a] = push[a].offset(ux * force, uy * force);
    push[b] = push[b].offset(-ux * force, -uy * force);
}

/// Moves every unpinned card that comes closer than [`CARD_GAP`] to a card already settled to
/// a spot clear of them all. Pinned cards settle first, then the rest from the board's middle
/// outwards, so the middle keeps its shape and crowded cards go out to where there is room.
fn remove_overlaps(cards: &[TidyCard], tops: &mut [Point]) {
    let n = cards.len();
    let largest = cards.iter().fold(0.0_f64, |a, c| a.max(c.size.width).max(c.size.height));
    let mut settled = SpatialHash::new(largest + CARD_GAP, n);
    let centre = |i: usize| Rect::at(tops[i], cards[i].size).center();
    let middle =
        (0..n).fold(Point::default(), |m, i| m.offset(centre(i).x / n as f64, centre(i).y / n as f64));
    let keys: Vec<(bool, f64)> =
        (0..n).map(|i| (!cards[i].pinned, (centre(i).x - middle.x).hypot(centre(i).y - middle.y))).collect();
    let order = sorted_indices(n, &|a, b| {
        keys[a].0.cmp(&keys[b].0).then(keys[a].1.total_cmp(&keys[b].1)).then(a.cmp(&b))
    });
    for i in order {
        if !cards[i].pinned {
            tops[i] = free_spot(cards, tops, i, &settled, middle);
        }
        settled.insert(i, Rect::at(tops[i], cards[i].size));
    }
}

/// A spot for card `card` where it keeps [`CARD_GAP`] from every settled card: the nearest of
/// those just beside the cards in the way, tried nearest first, or failing those within a few
/// tries, the first one clear on the way out from the board's `middle`.
fn free_spot(cards: &[TidyCard], tops: &[Point], card: usize, settled: &SpatialHash, middle: Point) -> Point {
    let (size, wanted) = (cards[card].size, tops[card]);
    let in_the_way = |at: Point| {
        let (area, mut near) = (Rect::at(at, size), Vec::new());
        settled.near(area.grown(CARD_GAP), &mut near);
        near.into_iter()
            .map(|j| Rect::at(tops[j], cards[j].size))
            .filter(|b| b.overlaps(&area, CARD_GAP))
            .collect::<Vec<_>>()
    };
    let (mut candidates, mut tried) = (vec![wanted], Vec::new());
    let away = |p: &Point| (p.x - wanted.x).hypot(p.y - wanted.y);
    while tried.len() < MAX_PROBES {
        let Some(nearest) =
            (0..candidates.len()).min_by(|&a, &b| away(&candidates[a]).total_cmp(&away(&candidates[b])))
        else {
            break;
        };
        let at = candidates.swap_remove(nearest);
        if tried.contains(&at) {
            continue;
        }
        tried.push(at);
        let blockers = in_the_way(at);
        if blockers.is_empty() {
            return at;
        }
        let gap = CARD_GAP + SLACK;
        for b in blockers {
            candidates.extend([
                Point::new(b.x - gap - size.width, at.y),
                Point::new(b.right() + gap, at.y),
                Point::new(at.x, b.y - gap - size.height),
                Point::new(at.x, b.bottom() + gap),
            ]);
        }
    }
    // The settled cards cover a bounded area, so going out in a straight line finds room. Each
    // jump goes just far enough to clear every card in the way, along one side or the other.
    let (ux, uy, _) = direction(middle, Rect::at(wanted, size).center(), card);
    // How far along `u` a card starting at `from`, `length` long, goes to clear `low..high`.
    let clear = |low: f64, high: f64, from: f64, length: f64, u: f64| match u {
        u if u > 0.0 => (high + CARD_GAP + SLACK - from) / u,
        u if u < 0.0 => (low - CARD_GAP - SLACK - length - from) / u,
        _ => f64::INFINITY,
    };
    let mut at = wanted;
    loop {
        let blockers = in_the_way(at);
        if blockers.is_empty() {
            return at;
        }
        let jump = blockers
            .iter()
            .map(|b| {
                clear(b.x, b.right(), at.x, size.width, ux).min(clear(b.y, b.bottom(), at.y, size.height, uy))
            })
            .fold(0.0, f64::max);
        at = at.offset(ux * jump, uy * jump);
    }
}

/// Cards filed by the grid cells their rectangles touch, the cells hashed into a fixed number of
/// buckets, so finding the cards near a spot costs about the same however many cards there are
/// and however far apart they lie. Each entry keeps its cell, so cells sharing a bucket do not mix.
struct SpatialHash {
    cell: f64,
    buckets: Vec<Vec<(i64, i64, usize)>>,
}

impl SpatialHash {
    fn new(cell: f64, cards: usize) -> SpatialHash {
        // Cells of at least a unit, so that cards of no size still touch finitely many.
        SpatialHash { cell: cell.max(1.0), buckets: vec![Vec::new(); (2 * cards).next_power_of_two()] }
    }

    fn clear(&mut self) {
        self.buckets.iter_mut().for_each(Vec::clear);
    }

    /// The cells `area` touches, as a range of columns and one of rows.
    fn cells(&self, area: Rect) -> (std::ops::RangeInclusive<i64>, std::ops::RangeInclusive<i64>) {
        let cell = |v: f64| (v / self.cell).floor() as i64;
        (cell(area.x)..=cell(area.right()), cell(area.y)..=cell(area.bottom()))
    }

    fn bucket(&self, x: i64, y: i64) -> usize {
        // The high half of each product depends on every bit of the column or row.
        let hash =
            (x as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (y as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
        (hash >> 32) as usize & (self.buckets.len() - 1)
    }

    fn insert(&mut self, card: usize, area: Rect) {
        let (columns, rows) = self.cells(area);
        for x in columns {
            for y in rows.clone() {
                let bucket = self.bucket(x, y);
                self.buckets[bucket].push((x, y, card));
            }
        }
    }

    /// Fills `found` with every card filed in a cell `area` touches; a card filed in several
    /// of them comes several times.
    fn near(&self, area: Rect, found: &mut Vec<usize>) {
        found.clear();
        let (columns, rows) = self.cells(area);
        for x in columns {
            for y in rows.clone() {
                let filed = &self.buckets[self.bucket(x, y)];
                found.extend(filed.iter().filter(|e| e.0 == x && e.1 == y).map(|e| e.2));
            }
        }
    }
}
