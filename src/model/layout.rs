//! Card sizes and the default layout: cases in the middle, people around them,
//! places and evidence beyond, episodes in a row along the bottom edge.

use super::board::Board;
use super::geometry::{Point, Rect, Size};
use super::order::sorted_indices;
use super::universe::{Kind, Universe};
use std::collections::{BTreeSet, HashMap};
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, TAU};

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
pub fn place_beside_canon(board: &mut Board, universe: &Universe) {
    let defaults = default_layout(universe);
    let canon = Rect::bounding(
        universe.entities.iter().filter_map(|e| defaults.get(&e.id).map(|p| Rect::at(*p, card_size(e.kind)))),
    );
    let fan = Rect::bounding(
        board
            .cards
            .values()
            .filter_map(|c| board.positions.get(&c.id).map(|p| Rect::at(*p, card_size(c.kind)))),
    );
    let (Some(canon), Some(fan)) = (canon, fan) else { return };
    let (dx, dy) = (canon.right() + BESIDE_GAP - fan.x, canon.y - fan.y);
    for id in board.cards.keys() {
        if let Some(at) = board.positions.get_mut(id) {
            *at = at.offset(dx, dy).rounded();
        }
    }
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

/// Where a string attaches: the pin at the top centre of the card.
pub fn pin(origin: Point, kind: Kind) -> Point {
    Point::new(origin.x + card_size(kind).width / 2.0, origin.y + 12.0)
}

/// The default top-left position of every entity of the universe, keyed by id.
pub fn default_layout(universe: &Universe) -> HashMap<String, Point> {
    let mut placed: HashMap<String, Point> = HashMap::new();
    let of_kind = |kinds: &[Kind]| -> Vec<(String, Kind)> {
        universe.entities.iter().filter(|e| kinds.contains(&e.kind)).map(|e| (e.id.clone(), e.kind)).collect()
    };

    let cases = of_kind(&[Kind::Case]);
    place_row(&cases, 0.0, 72.0, &mut placed);

    let people = of_kind(&[Kind::Character]);
    let inner = ring_radii(&people, 920.0, 540.0);
    let things = of_kind(&[Kind::Place, Kind::Evidence]);
    let outer = ring_radii(&things, inner.0 + 560.0, inner.1 + 380.0);
    let mut rings = [(people, inner), (things, outer)];
    for (cards, radii) in &rings {
        place_ring(cards, *radii, &mut placed);
    }
    order_rings(universe, &mut rings, &mut placed);

    let episodes = of_kind(&[Kind::Episode]);
    let bottom = placed
        .iter()
        .filter_map(|(id, p)| universe.entity(id).map(|e| p.y + card_size(e.kind).height))
        .fold(0.0_f64, f64::max);
    place_row(&episodes, bottom + 140.0, 28.0, &mut placed);

    separate(universe, &mut placed);
    placed.values_mut().for_each(|p| *p = p.rounded());
    placed
}

/// Lays cards in a horizontal row centred on x = 0, tops at `top` (or centred on 0 for top = 0).
fn place_row(cards: &[(String, Kind)], top: f64, gap: f64, placed: &mut HashMap<String, Point>) {
    let total: f64 = cards.iter().map(|(_, k)| card_size(*k).width).sum::<f64>()
        + gap * cards.len().saturating_sub(1) as f64;
    let mut x = -total / 2.0;
    for (id, kind) in cards {
        let size = card_size(*kind);
        let y = if top == 0.0 { -size.height / 2.0 } else { top };
        placed.insert(id.clone(), Point::new(x, y));
        x += size.width + gap;
    }
}

/// Grows a ring until its circumference gives every card room.
fn ring_radii(cards: &[(String, Kind)], rx: f64, ry: f64) -> (f64, f64) {
    let needed: f64 = cards.iter().map(|(_, k)| card_size(*k).width + 90.0).sum();
    let circumference = TAU * ((rx * rx + ry * ry) / 2.0).sqrt();
    let grow = (needed / circumference).max(1.0);
    (rx * grow, ry * grow)
}

/// The cards of one ring, in order, and the ring's two radii.
type Ring = (Vec<(String, Kind)>, (f64, f64));

/// Places cards evenly on an ellipse, in the order given.
fn place_ring(cards: &[(String, Kind)], (rx, ry): (f64, f64), placed: &mut HashMap<String, Point>) {
    let n = cards.len() as f64;
    for (slot, (id, kind)) in cards.iter().enumerate() {
        let angle = -FRAC_PI_2 + TAU * slot as f64 / n;
        let size = card_size(*kind);
        let centre = Point::new(rx * angle.cos(), ry * angle.sin());
        placed.insert(id.clone(), centre.offset(-size.width / 2.0, -size.height / 2.0));
    }
}

/// Reorders each ring so that every card sits towards what it is tied to (the circular mean
/// of its neighbours' directions), which keeps strings short and uncrossed. A few passes settle it.
fn order_rings(universe: &Universe, rings: &mut [Ring], placed: &mut HashMap<String, Point>) {
    const PASSES: usize = 12;
    for _ in 0..PASSES {
        for (cards, radii) in rings.iter_mut() {
            let n = cards.len() as f64;
            let angles: Vec<f64> = cards
                .iter()
                .enumerate()
                .map(|(slot, card)| {
                    let own = -FRAC_PI_2 + TAU * slot as f64 / n;
                    let wanted = wanted_direction(universe, &card.0, own, placed);
                    // Measured from the top, so the sort keeps the ring's start where it was.
                    (wanted + FRAC_PI_2).rem_euclid(TAU)
                })
                .collect();
            let order = sorted_indices(cards.len(), &|a, b| {
                angles[a].total_cmp(&angles[b]).then_with(|| cards[a].0.cmp(&cards[b].0))
            });
            *cards = order.into_iter().map(|i| cards[i].clone()).collect();
            place_ring(cards, *radii, placed);
        }
    }
}

/// The mean direction, seen from the board's centre, of the cards tied to `id` and of its own place.
fn wanted_direction(universe: &Universe, id: &str, own: f64, placed: &HashMap<String, Point>) -> f64 {
    // The card's own direction counts too, which damps two tied cards swapping places forever.
    let (mut sin, mut cos) = (own.sin(), own.cos());
    for link in &universe.links {
        let other = match (link.from == id, link.to == id) {
            (true, _) => &link.to,
            (_, true) => &link.from,
            _ => continue,
        };
        let (Some(at), Some(entity)) = (placed.get(other), universe.entity(other)) else {
            continue;
        };
        let size = card_size(entity.kind);
        let centre = at.offset(size.width / 2.0, size.height / 2.0);
        let length = (centre.x * centre.x + centre.y * centre.y).sqrt();
        if length > 1.0 {
            sin += centre.y / length;
            cos += centre.x / length;
        }
    }
    sin.atan2(cos)
}

/// Pushes apart any two cards closer than [`CARD_GAP`], in a fixed order so the result
/// is the same on every run.
fn separate(universe: &Universe, placed: &mut HashMap<String, Point>) {
    // Through a set of `String`, whose sort the app keeps (see `model::order`), not a sort of its own.
    let ids: Vec<String> = placed.keys().cloned().collect::<BTreeSet<String>>().into_iter().collect();
    let rect = |placed: &HashMap<String, Point>, id: &str| {
        let kind = universe.entity(id).map_or(Kind::Evidence, |e| e.kind);
        Rect::at(placed[id], card_size(kind))
    };
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..ids.len() {
            for j in i + 1..ids.len() {
                let (a, b) = (rect(placed, &ids[i]), rect(placed, &ids[j]));
                if !a.overlaps(&b, CARD_GAP) {
                    continue;
                }
                let push_x = (a.right() + CARD_GAP - b.x).min(b.right() + CARD_GAP - a.x);
                let push_y = (a.bottom() + CARD_GAP - b.y).min(b.bottom() + CARD_GAP - a.y);
                let (ca, cb) = (a.center(), b.center());
                let (dx, dy) = if push_x < push_y {
                    (if cb.x >= ca.x { push_x } else { -push_x }, 0.0)
                } else {
                    (0.0, if cb.y >= ca.y { push_y } else { -push_y })
                };
                let p = placed[&ids[j]];
                placed.insert(ids[j].clone(), p.offset(dx, dy));
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}
