use caseboard::model::board::Arrangement;
use caseboard::model::geometry::{Point, Rect, Size};
use caseboard::model::layout::{card_size, cascaded, clear_spot, default_layout, CARD_GAP, CASCADE};
use caseboard::model::universe::{Kind, Universe};

mod support;
use proptest::prelude::*;

fn rects(universe: &Universe, arrangement: Arrangement) -> Vec<(String, Kind, Rect)> {
    let layout = default_layout(universe, arrangement);
    universe
        .entities
        .iter()
        .map(|e| (e.id.clone(), e.kind, Rect::at(layout[&e.id], card_size(e.kind))))
        .collect()
}

const BOTH: [Arrangement; 2] = [Arrangement::Wide, Arrangement::Tall];

fn assert_no_overlaps(cards: &[(String, Kind, Rect)]) {
    for (i, (a_id, _, a)) in cards.iter().enumerate() {
        for (b_id, _, b) in &cards[i + 1..] {
            assert!(!a.overlaps(b, CARD_GAP - 0.01), "{a_id} and {b_id} overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn every_card_has_a_place_and_none_overlap() {
    let universe = Universe::ballard().unwrap();
    for arrangement in BOTH {
        let cards = rects(&universe, arrangement);
        assert_eq!(cards.len(), universe.entities.len());
        assert_no_overlaps(&cards);
    }
}

#[test]
fn cases_sit_in_the_middle_people_around_them_and_episodes_along_the_bottom() {
    let universe = Universe::ballard().unwrap();
    for arrangement in BOTH {
        let cards = rects(&universe, arrangement);
        let of = |kinds: &'static [Kind]| {
            Rect::bounding(cards.iter().filter(move |c| kinds.contains(&c.1)).map(|c| c.2)).unwrap()
        };
        let (cases, people) = (of(&[Kind::Case]), of(&[Kind::Character]));
        let centre = cases.center();
        assert!(
            centre.x.abs() < 1.0 && centre.y.abs() < 1.0,
            "{arrangement:?}: cases off centre at {centre:?}"
        );
        for (id, kind, r) in &cards {
            let inside_people = people.overlaps(r, 0.0);
            match kind {
                Kind::Character => assert!(!cases.overlaps(r, 0.0), "{id} is among the cases"),
                Kind::Place | Kind::Evidence => assert!(!inside_people, "{id} is among the people"),
                _ => {}
            }
        }
        let lowest_other =
            cards.iter().filter(|c| c.1 != Kind::Episode).map(|c| c.2.bottom()).fold(f64::MIN, f64::max);
        assert!(cards.iter().filter(|c| c.1 == Kind::Episode).all(|c| c.2.y > lowest_other));
    }
}

/// The share of the layout's box that its cards cover, and the box.
fn density(universe: &Universe, arrangement: Arrangement) -> (f64, Rect) {
    let cards = rects(universe, arrangement);
    let bounds = Rect::bounding(cards.iter().map(|c| c.2)).unwrap();
    let covered: f64 = cards.iter().map(|c| c.2.width * c.2.height).sum();
    (covered / (bounds.width * bounds.height), bounds)
}

#[test]
fn the_layout_leaves_no_empty_acres_and_takes_the_screens_shape() {
    let universe = Universe::ballard().unwrap();
    let (wide, wide_box) = density(&universe, Arrangement::Wide);
    let (tall, tall_box) = density(&universe, Arrangement::Tall);
    println!("wide: {:.0} x {:.0}, cards cover {:.0} %", wide_box.width, wide_box.height, wide * 100.0);
    println!("tall: {:.0} x {:.0}, cards cover {:.0} %", tall_box.width, tall_box.height, tall * 100.0);
    assert!(wide > 0.5 && tall > 0.5, "cards cover {wide:.2} (wide) and {tall:.2} (tall) of the layout");
    assert!(wide_box.width > 1.8 * wide_box.height, "wide is {wide_box:?}");
    assert!(tall_box.height > 1.2 * tall_box.width, "tall is {tall_box:?}");
}

/// A universe of `n` entities of every kind, each tied to a few others.
fn generated(n: usize, seed: u64) -> Universe {
    // No episodes: a show has as many as it has, whatever its size.
    let kinds = ["case", "character", "character", "character", "place", "evidence"];
    let mut rng = support::Rng(seed.max(1));
    let entities: Vec<String> = (0..n)
        .map(|i| {
            let kind = kinds[rng.below(kinds.len())];
            format!(
                r#"{{"id":"e{i}","kind":"{kind}","name":"Entity {i}","description":"","source":"tests"}}"#
            )
        })
        .collect();
    let links: Vec<String> = (0..n * 2)
        .filter_map(|i| {
            let (from, to) = (rng.below(n), rng.below(n));
            (from != to).then(|| {
                format!(r#"{{"id":"l{i}","from":"e{from}","to":"e{to}","label":"tied","source":"tests"}}"#)
            })
        })
        .collect();
    let json = format!(
        r#"{{"id":"gen","version":1,"title":"Generated","episodes":10,"source":"tests","entities":[{}],"links":[{}]}}"#,
        entities.join(","),
        links.join(",")
    );
    Universe::parse(&json).expect("the generated universe is valid")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Whatever the universe, every card gets a place and none overlap.
    #[test]
    fn no_universe_makes_cards_overlap(n in 1usize..120, seed in 1u64..u64::MAX) {
        let universe = generated(n, seed);
        for arrangement in BOTH {
            let cards = rects(&universe, arrangement);
            prop_assert_eq!(cards.len(), n);
            assert_no_overlaps(&cards);
        }
    }
}

#[test]
fn a_universe_of_ten_thousand_entities_is_laid_out_at_once() {
    let universe = generated(10_000, 7);
    let started = std::time::Instant::now();
    let layout = default_layout(&universe, Arrangement::Wide);
    // Printed, never asserted: the machine's speed is not the test's.
    println!("10,000 entities laid out in {:?}", started.elapsed());
    assert_eq!(layout.len(), 10_000);
}

#[test]
fn the_layout_is_the_same_every_time() {
    let universe = Universe::ballard().unwrap();
    let a = default_layout(&universe, Arrangement::Wide);
    let b = default_layout(&universe, Arrangement::Wide);
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
            canvas: Default::default(),
        };
        board.cards.insert(id.into(), card);
        board.positions.insert(id.into(), Point::new(x, y));
    }
    place_beside_canon(&mut board, &universe);
    let (a, b) = (board.positions["a"], board.positions["b"]);
    assert_eq!((b.x - a.x, b.y - a.y), (300.0, 120.0));
    let defaults = default_layout(&universe, Arrangement::Wide);
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

/// A pin is drawn only while its 24 px finger target takes at most the top half of its card on
/// screen; and once drawn at a zoom, at every closer one.
#[test]
fn a_pin_is_drawn_only_where_its_finger_target_leaves_half_the_card_to_drag() {
    use caseboard::model::layout::{pin_drawn, PIN_TARGET};
    for kind in Kind::ALL {
        let mut shown_before = false;
        for step in 1..=400 {
            let zoom = step as f64 / 100.0;
            let drawn = pin_drawn(kind, zoom);
            assert_eq!(drawn, card_size(kind).height * zoom >= 2.0 * PIN_TARGET, "{kind:?} at {zoom}");
            assert!(!shown_before || drawn, "{kind:?} loses its pin zooming in at {zoom}");
            shown_before = drawn;
        }
    }
    // On a phone's opening view (about 25 %) the people show their pins; the episode tickets,
    // 19 px high there, do not.
    assert!(pin_drawn(Kind::Character, 0.25) && !pin_drawn(Kind::Episode, 0.25));
}

proptest! {
    /// At any zoom a pin takes a finger in a box at least 24 px a side that holds its head and
    /// hangs from the card's top edge.
    #[test]
    fn a_pins_target_is_at_least_24_px_and_holds_its_head(zoom in 0.01..4.0f64, x in -2000.0..2000.0f64, y in -2000.0..2000.0f64) {
        use caseboard::model::layout::{pin_target, PIN_TARGET};
        let head = Rect { x, y, width: 18.0 * zoom, height: 18.0 * zoom };
        let target = pin_target(head, zoom);
        prop_assert!(target.width >= PIN_TARGET && target.height >= PIN_TARGET);
        prop_assert!(target.contains(head.center()));
        prop_assert!((target.y - (y - 3.0 * zoom)).abs() < 1e-9, "from the card's top edge");
        prop_assert!((target.center().x - head.center().x).abs() < 1e-9);
    }
}
