use caseboard::model::geometry::{Point, Rect, Size};
use caseboard::model::layout::{card_size, cascaded, clear_spot, default_layout, CARD_GAP, CASCADE};
use caseboard::model::universe::{Kind, Universe};
use proptest::prelude::*;

fn rects(universe: &Universe) -> Vec<(String, Kind, Rect)> {
    let layout = default_layout(universe);
    universe
        .entities
        .iter()
        .map(|e| (e.id.clone(), e.kind, Rect::at(layout[&e.id], card_size(e.kind))))
        .collect()
}

#[test]
fn every_card_has_a_place_and_none_overlap() {
    let universe = Universe::ballard().unwrap();
    let cards = rects(&universe);
    assert_eq!(cards.len(), universe.entities.len());
    for (i, (a_id, _, a)) in cards.iter().enumerate() {
        for (b_id, _, b) in &cards[i + 1..] {
            assert!(!a.overlaps(b, CARD_GAP - 0.01), "{a_id} and {b_id} overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn cases_sit_in_the_middle_and_episodes_along_the_bottom() {
    let universe = Universe::ballard().unwrap();
    let cards = rects(&universe);
    let of = |kind| cards.iter().filter(move |c| c.1 == kind).map(|c| c.2);
    let distance = |r: Rect| r.center().x.hypot(r.center().y);
    let farthest_case = of(Kind::Case).map(distance).fold(0.0, f64::max);
    let nearest_person = of(Kind::Character).map(distance).fold(f64::MAX, f64::min);
    assert!(farthest_case < nearest_person, "{farthest_case} vs {nearest_person}");
    let lowest_other =
        cards.iter().filter(|c| c.1 != Kind::Episode).map(|c| c.2.bottom()).fold(f64::MIN, f64::max);
    assert!(of(Kind::Episode).all(|r| r.y > lowest_other));
}

#[test]
fn the_layout_is_the_same_every_time() {
    let universe = Universe::ballard().unwrap();
    let a = default_layout(&universe);
    let b = default_layout(&universe);
    assert_eq!(a, b);
}

#[test]
fn cards_from_elsewhere_are_placed_beside_the_canon_keeping_their_arrangement() {
    use caseboard::model::board::{Board, FanCard};
    use caseboard::model::geometry::Point;
    use caseboard::model::layout::place_beside_canon;
    let universe = Universe::ballard().unwrap();
    let mut board = Board::new("ballard", 1);
    for (id, x, y) in [("a", 0.0, 0.0), ("b", 300.0, 120.0)] {
        let card = FanCard {
            id: id.into(),
            kind: Kind::Note,
            title: String::new(),
            text: id.into(),
            theory: None,
            url: None,
        };
        board.cards.insert(id.into(), card);
        board.positions.insert(id.into(), Point::new(x, y));
    }
    place_beside_canon(&mut board, &universe);
    let (a, b) = (board.positions["a"], board.positions["b"]);
    assert_eq!((b.x - a.x, b.y - a.y), (300.0, 120.0));
    let defaults = default_layout(&universe);
    for entity in &universe.entities {
        let canon = Rect::at(defaults[&entity.id], card_size(entity.kind));
        for at in [a, b] {
            assert!(!canon.overlaps(&Rect::at(at, card_size(Kind::Note)), 0.0), "{} is covered", entity.id);
        }
    }
}

#[test]
fn new_cards_at_a_taken_spot_cascade_past_the_cards_there() {
    let origin = Point::new(100.0, 50.0);
    assert_eq!(cascaded(origin, &[]), origin, "a free spot is kept");
    assert_eq!(cascaded(origin, &[Point::new(400.0, 400.0)]), origin);
    let mut taken = Vec::new();
    for n in 0..5 {
        let at = cascaded(origin, &taken);
        assert_eq!(at, origin.offset(CASCADE * n as f64, CASCADE * n as f64));
        taken.push(at);
    }
    // A card moved off its spot frees it again.
    taken.remove(0);
    assert_eq!(cascaded(origin, &taken), origin);
}

#[test]
fn a_new_card_takes_the_nearest_spot_that_covers_no_card() {
    let size = Size { width: 200.0, height: 120.0 };
    let origin = Point::new(0.0, 0.0);
    assert_eq!(clear_spot(origin, size, &[]), origin, "a free spot is kept");
    // A canon card right where the note was meant to go.
    let canon = Rect::at(Point::new(-20.0, -10.0), Size { width: 220.0, height: 150.0 });
    let at = clear_spot(origin, size, &[canon]);
    assert!(!canon.overlaps(&Rect::at(at, size), 0.0), "{at:?} covers the card");
    assert!(at.distance_to(origin) < 400.0, "it stays near: {at:?}");
}

proptest! {
    /// Wherever a few cards are, the spot found covers none of them.
    #[test]
    fn the_spot_found_covers_no_card(
        corners in proptest::collection::vec((-600.0f64..600.0, -600.0f64..600.0), 0..12),
    ) {
        let size = Size { width: 200.0, height: 120.0 };
        let taken: Vec<Rect> = corners.iter().map(|&(x, y)| Rect::at(Point::new(x, y), size)).collect();
        let at = clear_spot(Point::new(0.0, 0.0), size, &taken);
        prop_assert!(taken.iter().all(|t| !t.overlaps(&Rect::at(at, size), 0.0)), "{:?} covers a card", at);
    }
}

#[test]
fn on_a_board_too_crowded_to_search_a_new_card_cascades() {
    let size = Size { width: 200.0, height: 120.0 };
    // A wall of cards far wider than the search around the spot.
    let taken: Vec<Rect> = (-20..20)
        .flat_map(|i| (-20..20).map(move |j| Rect::at(Point::new(i as f64 * 150.0, j as f64 * 90.0), size)))
        .collect();
    let origin = Point::new(0.0, 0.0);
    let corners: Vec<Point> = taken.iter().map(Rect::origin).collect();
    assert_eq!(clear_spot(origin, size, &taken), cascaded(origin, &corners));
}
