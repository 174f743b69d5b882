//! Culling: which cards and strings the board draws near the view, and when it draws outlines.

use caseboard::model::culling::{
    drawn, lines, outlines, still_serves, window_around, Drawn, MARGIN, MAX_DRAWN,
};
use caseboard::model::geometry::{Point, Rect, Size, Viewport};
use proptest::prelude::*;

const CARD: Size = Size { width: 220.0, height: 150.0 };

fn view() -> Rect {
    Viewport { x: 0.0, y: 0.0, zoom: 0.5 }.world_shown(Size { width: 1280.0, height: 800.0 })
}

/// `n` cards in a grid 260 by 230 apart, each tied to the next.
fn grid(n: usize, columns: usize) -> (Vec<Rect>, Vec<(usize, usize)>) {
    let cards = (0..n)
        .map(|i| Rect::at(Point::new((i % columns) as f64 * 260.0, (i / columns) as f64 * 230.0), CARD))
        .collect();
    let strings = (0..n.saturating_sub(1)).map(|i| (i, i + 1)).collect();
    (cards, strings)
}

#[test]
fn the_view_shown_follows_pan_and_zoom() {
    let v = Viewport { x: -100.0, y: 50.0, zoom: 0.5 };
    assert_eq!(
        v.world_shown(Size { width: 1000.0, height: 600.0 }),
        Rect { x: 200.0, y: -100.0, width: 2000.0, height: 1200.0 }
    );
}

#[test]
fn a_window_serves_small_pans_and_zooms_but_not_large_ones() {
    let v = view();
    let w = window_around(v);
    assert!(still_serves(w, v));
    let panned = |dx: f64| Rect { x: v.x + dx, ..v };
    assert!(still_serves(w, panned(v.width * MARGIN * 0.8)));
    assert!(!still_serves(w, panned(v.width * MARGIN * 1.2)));
    let zoomed = |factor: f64| {
        let c = v.center();
        let (width, height) = (v.width / factor, v.height / factor);
        Rect { x: c.x - width / 2.0, y: c.y - height / 2.0, width, height }
    };
    assert!(still_serves(w, zoomed(1.5)));
    assert!(!still_serves(w, zoomed(2.5)), "zoomed in far, the window would draw too much");
    assert!(!still_serves(w, zoomed(0.4)), "zoomed out, the view outgrows the window");
}

#[test]
fn too_many_cards_near_the_view_become_an_overview() {
    let (cards, strings) = grid(5000, 70);
    let wide = Viewport { x: 0.0, y: 0.0, zoom: 0.1 }.world_shown(Size { width: 1280.0, height: 800.0 });
    assert_eq!(drawn(window_around(wide), &cards, &strings, |_| false), Drawn::Overview { kept: vec![] });
    assert_eq!(
        drawn(window_around(wide), &cards, &strings, |i| i == 7),
        Drawn::Overview { kept: vec![7] },
        "a kept card is drawn in full over the outlines"
    );
    let Drawn::Cards { cards: shown, .. } = drawn(window_around(view()), &cards, &strings, |_| false) else {
        panic!("a view at half zoom draws cards");
    };
    assert!(shown.len() < MAX_DRAWN && shown.len() > 50, "{} cards drawn", shown.len());
}

#[test]
fn a_kept_card_far_away_is_drawn_with_its_strings() {
    let (cards, strings) = grid(5000, 70);
    let Drawn::Cards { cards: shown, strings: tied } =
        drawn(window_around(view()), &cards, &strings, |i| i == 4000)
    else {
        panic!("cards expected");
    };
    assert!(shown.contains(&4000));
    assert!(tied.contains(&3999) && tied.contains(&4000), "both strings of the kept card");
}

#[test]
fn a_string_crossing_the_window_is_drawn_though_neither_card_is() {
    let cards = vec![Rect::at(Point::new(-9000.0, 100.0), CARD), Rect::at(Point::new(9000.0, 100.0), CARD)];
    let Drawn::Cards { cards: shown, strings } = drawn(window_around(view()), &cards, &[(0, 1)], |_| false)
    else {
        panic!("cards expected");
    };
    assert!(shown.is_empty());
    assert_eq!(strings, vec![0]);
}

#[test]
fn outlines_and_lines_are_svg_paths() {
    assert_eq!(outlines([Rect { x: 1.0, y: 2.0, width: 30.0, height: 40.0 }]), "M1 2h30v40h-30z");
    assert_eq!(lines([(Point::new(0.0, 0.0), Point::new(10.4, -3.6))]), "M0 0L10 -4");
}

proptest! {
    #[test]
    fn every_card_and_string_in_view_is_drawn(
        positions in prop::collection::vec((-6000.0..6000.0f64, -4000.0..4000.0f64), 1..300),
        ties in prop::collection::vec((0usize..300, 0usize..300), 0..300),
        x in -3000.0..3000.0f64, y in -3000.0..3000.0f64, zoom in Viewport::MIN_ZOOM..Viewport::MAX_ZOOM,
    ) {
        let cards: Vec<Rect> = positions.iter().map(|&(x, y)| Rect::at(Point::new(x, y), CARD)).collect();
        let strings: Vec<(usize, usize)> = ties.into_iter().filter(|&(a, b)| a < cards.len() && b < cards.len()).collect();
        let view = Viewport { x, y, zoom }.world_shown(Size { width: 1280.0, height: 800.0 });
        match drawn(window_around(view), &cards, &strings, |_| false) {
            Drawn::Overview { .. } => {
                let near = cards.iter().filter(|c| c.overlaps(&window_around(view), 0.0)).count();
                prop_assert!(near > MAX_DRAWN);
            }
            Drawn::Cards { cards: shown, strings: tied } => {
                for (i, c) in cards.iter().enumerate() {
                    if c.overlaps(&view, 0.0) {
                        prop_assert!(shown.contains(&i), "card {} is in view but not drawn", i);
                    }
                }
                for (i, &(a, b)) in strings.iter().enumerate() {
                    if shown.contains(&a) || shown.contains(&b) {
                        prop_assert!(tied.contains(&i), "string {} has a drawn end but is not drawn", i);
                    }
                }
            }
        }
    }
}
