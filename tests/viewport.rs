use caseboard::model::geometry::{Point, Rect, Size, Viewport};
use proptest::prelude::*;

fn close(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() < 1e-6 * (1.0 + a.x.abs()) && (a.y - b.y).abs() < 1e-6 * (1.0 + a.y.abs())
}

proptest! {
    #[test]
    fn screen_and_world_are_inverse(x in -1e5..1e5f64, y in -1e5..1e5f64, zoom in Viewport::MIN_ZOOM..Viewport::MAX_ZOOM, px in -1e4..1e4f64, py in -1e4..1e4f64) {
        let v = Viewport { x, y, zoom };
        let p = Point::new(px, py);
        prop_assert!(close(v.to_world(v.to_screen(p)), p));
        prop_assert!(close(v.to_screen(v.to_world(p)), p));
    }

    #[test]
    fn zooming_keeps_the_anchor_still(zoom in Viewport::MIN_ZOOM..Viewport::MAX_ZOOM, factor in 0.2..5.0f64, ax in 0.0..2000.0f64, ay in 0.0..1200.0f64) {
        let v = Viewport { x: 37.0, y: -12.0, zoom };
        let anchor = Point::new(ax, ay);
        let z = v.zoomed_at(anchor, factor);
        prop_assert!(z.is_valid());
        prop_assert!(close(z.to_screen(v.to_world(anchor)), anchor));
    }

    #[test]
    fn zoom_in_then_out_is_identity_within_the_limits(zoom in 0.5..2.0f64, ax in 0.0..800.0f64, ay in 0.0..600.0f64) {
        let v = Viewport { x: 5.0, y: 9.0, zoom };
        let anchor = Point::new(ax, ay);
        let back = v.zoomed_at(anchor, 1.25).zoomed_at(anchor, 1.0 / 1.25);
        prop_assert!((back.zoom - v.zoom).abs() < 1e-9);
        prop_assert!(close(Point::new(back.x, back.y), Point::new(v.x, v.y)));
    }

    #[test]
    fn fitting_shows_the_whole_rectangle(x in -5e3..5e3f64, y in -5e3..5e3f64, w in 50.0..8000.0f64, h in 50.0..8000.0f64, sw in 320.0..2600.0f64, sh in 480.0..1600.0f64) {
        let bounds = Rect { x, y, width: w, height: h };
        let v = Viewport::fitting(bounds, Size { width: sw, height: sh }, 16.0);
        let tl = v.to_screen(Point::new(bounds.x, bounds.y));
        let br = v.to_screen(Point::new(bounds.right(), bounds.bottom()));
        if v.zoom > Viewport::MIN_ZOOM {
            prop_assert!(tl.x >= 15.9 && tl.y >= 15.9 && br.x <= sw - 15.9 && br.y <= sh - 15.9);
        }
        prop_assert!(close(v.to_screen(bounds.center()), Point::new(sw / 2.0, sh / 2.0)));
    }
}

#[test]
fn zoom_is_clamped_and_nonsense_factors_are_ignored() {
    let v = Viewport::default();
    assert_eq!(v.zoomed_at(Point::new(0.0, 0.0), 1000.0).zoom, Viewport::MAX_ZOOM);
    assert_eq!(v.zoomed_at(Point::new(0.0, 0.0), 1e-9).zoom, Viewport::MIN_ZOOM);
    assert_eq!(v.zoomed_at(Point::new(0.0, 0.0), f64::NAN), v);
    assert_eq!(v.zoomed_at(Point::new(0.0, 0.0), -2.0), v);
}

proptest! {
    #[test]
    fn a_string_passes_through_both_pins_and_its_label_point(fx in -1e4..1e4f64, fy in -1e4..1e4f64, tx in -1e4..1e4f64, ty in -1e4..1e4f64) {
        use caseboard::model::string_path::SaggingString;
        let s = SaggingString::between(Point::new(fx, fy), Point::new(tx, ty));
        prop_assert!(close(s.at(0.0), Point::new(fx, fy)));
        prop_assert!(close(s.at(1.0), Point::new(tx, ty)));
        prop_assert!(close(s.at(0.5), s.midpoint()));
        // it sags: the middle hangs no higher than the ends' average
        prop_assert!(s.midpoint().y >= (fy + ty) / 2.0 - 1e-9);
    }

    #[test]
    fn a_part_of_a_string_is_the_same_curve(fx in -1e4..1e4f64, fy in -1e4..1e4f64, tx in -1e4..1e4f64, ty in -1e4..1e4f64, a in 0.0..1.0f64, b in 0.0..1.0f64, u in 0.0..1.0f64) {
        use caseboard::model::string_path::SaggingString;
        let s = SaggingString::between(Point::new(fx, fy), Point::new(tx, ty));
        let (t0, t1) = (a.min(b), a.max(b));
        let part = s.part(t0, t1);
        prop_assert!(close(part.at(u), s.at(t0 + (t1 - t0) * u)));
        prop_assert!(close(s.part(0.0, 1.0).control, s.control));
        // lengths add up along the curve
        prop_assert!(s.length_to(t0) <= s.length_to(t1) + 1e-6);
    }

    #[test]
    fn every_point_of_a_string_inside_an_area_lies_in_its_span(fx in -1e4..1e4f64, fy in -1e4..1e4f64, tx in -1e4..1e4f64, ty in -1e4..1e4f64, x in -3e3..3e3f64, y in -3e3..3e3f64, w in 20.0..4000.0f64, h in 20.0..4000.0f64) {
        use caseboard::model::string_path::SaggingString;
        let s = SaggingString::between(Point::new(fx, fy), Point::new(tx, ty));
        let area = Rect { x, y, width: w, height: h };
        let span = s.span_within(area);
        for i in 0..=2000 {
            let t = i as f64 / 2000.0;
            let p = s.at(t);
            if p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h {
                let (t0, t1) = span.expect("a point inside, but no span");
                prop_assert!(t >= t0 - 1e-12 && t <= t1 + 1e-12, "t {} outside {}..{}", t, t0, t1);
            }
        }
    }
}

#[test]
fn the_length_of_a_straight_string_is_its_distance() {
    use caseboard::model::string_path::SaggingString;
    let s = SaggingString {
        from: Point::new(0.0, 0.0),
        control: Point::new(50.0, 0.0),
        to: Point::new(100.0, 0.0),
    };
    assert!((s.length_to(1.0) - 100.0).abs() < 1e-9);
    assert!((s.length_to(0.5) - 50.0).abs() < 1e-9);
    assert_eq!(
        s.span_within(Rect { x: 40.0, y: -5.0, width: 20.0, height: 10.0 }).map(|(a, b)| a < 0.4 && b > 0.6),
        Some(true)
    );
    assert_eq!(s.span_within(Rect { x: 40.0, y: 500.0, width: 20.0, height: 10.0 }), None);
}

#[test]
fn fit_shows_a_board_of_thousands_of_cards_whole_on_a_phone() {
    // 5,000 cards in the benchmark's grid: 71 columns 260 px apart, 71 rows 230 px apart.
    let bounds = Rect { x: 2600.0, y: 0.0, width: 71.0 * 260.0, height: 71.0 * 230.0 };
    let phone = Size { width: 375.0, height: 560.0 };
    let v = Viewport::fitting(bounds, phone, 16.0);
    let (tl, br) = (
        v.to_screen(Point::new(bounds.x, bounds.y)),
        v.to_screen(Point::new(bounds.right(), bounds.bottom())),
    );
    assert!(v.zoom > Viewport::MIN_ZOOM, "zoom {}", v.zoom);
    assert!(tl.x >= 15.9 && tl.y >= 15.9 && br.x <= phone.width - 15.9 && br.y <= phone.height - 15.9);
}

proptest! {
    #[test]
    fn fitting_in_an_area_shows_the_whole_rectangle_inside_it(
        w in 50.0..8000.0f64, h in 50.0..8000.0f64,
        sw in 320.0..2600.0f64, sh in 480.0..1600.0f64,
    ) {
        let bounds = Rect { x: -300.0, y: 200.0, width: w, height: h };
        // Below the bars, as the board's visible part is.
        let area = Rect { x: 0.0, y: 100.0, width: sw, height: sh - 100.0 };
        let v = Viewport::fitting_in(bounds, area, 16.0);
        let tl = v.to_screen(Point::new(bounds.x, bounds.y));
        let br = v.to_screen(Point::new(bounds.right(), bounds.bottom()));
        if v.zoom > Viewport::MIN_ZOOM {
            prop_assert!(tl.x >= area.x + 15.9 && tl.y >= area.y + 15.9);
            prop_assert!(br.x <= area.right() - 15.9 && br.y <= area.bottom() - 15.9);
        }
    }
}

proptest! {
    /// After the pan a card that fits the area is wholly inside it, and one already inside
    /// does not move at all.
    #[test]
    fn revealing_brings_a_rectangle_inside_with_the_least_pan(
        x in -5000.0..5000.0f64, y in -5000.0..5000.0f64,
        w in 10.0..400.0f64, h in 10.0..400.0f64,
        zoom in 0.1..2.0f64, vx in -3000.0..3000.0f64, vy in -3000.0..3000.0f64,
    ) {
        let view = Viewport { x: vx, y: vy, zoom };
        let card = Rect { x, y, width: w, height: h };
        let area = Rect { x: 0.0, y: 110.0, width: 1000.0, height: 500.0 };
        let shown = view.revealing(card, area, 8.0);
        prop_assert_eq!(shown.zoom, zoom);
        let tl = shown.to_screen(card.origin());
        let br = shown.to_screen(Point::new(card.right(), card.bottom()));
        prop_assert!(tl.x >= area.x + 7.9 && tl.y >= area.y + 7.9);
        if w * zoom <= area.width - 16.0 && h * zoom <= area.height - 16.0 {
            prop_assert!(br.x <= area.right() - 7.9 && br.y <= area.bottom() - 7.9);
            let before = view.to_screen(card.origin());
            let was_inside = before.x >= area.x + 8.0 && before.y >= area.y + 8.0
                && before.x + w * zoom <= area.right() - 8.0 && before.y + h * zoom <= area.bottom() - 8.0;
            if was_inside {
                prop_assert_eq!(shown, view);
            }
        }
    }
}
