//! Words on a zoomed-out board (`model::labels`): titles that never overlap, labels that never
//! sit on a card or on each other.

use caseboard::model::geometry::{Point, Rect};
use caseboard::model::labels::{declutter, label_box, label_size, place_labels, title_box, TITLE_PX};
use caseboard::model::string_path::SaggingString;
use proptest::prelude::*;

fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
    Rect { x, y, width: w, height: h }
}

#[test]
fn a_title_is_the_same_size_on_screen_at_any_zoom() {
    let card = rect(100.0, 100.0, 172.0, 224.0);
    for zoom in [0.05, 0.1, 0.25, 0.5] {
        let b = title_box(card, 11, zoom);
        assert!(b.height * zoom >= TITLE_PX, "at {zoom}");
        assert!(
            (b.center().x - card.center().x).abs() < 1e-9 && (b.center().y - card.center().y).abs() < 1e-9
        );
    }
    assert!(title_box(card, 200, 0.5).width == title_box(card, 28, 0.5).width, "a long title is cut");
}

#[test]
fn crowded_titles_give_way_in_order() {
    let a = rect(0.0, 0.0, 100.0, 20.0);
    let b = rect(50.0, 10.0, 100.0, 20.0);
    let c = rect(300.0, 0.0, 100.0, 20.0);
    assert_eq!(declutter(&[a, b, c], &[0, 1, 2]), [true, false, true]);
    assert_eq!(declutter(&[a, b, c], &[1, 0, 2]), [false, true, true], "the first wanted is kept");
}

#[test]
fn a_label_slides_off_a_card_or_waits_to_be_asked_for() {
    let curve = SaggingString::between(Point::new(0.0, 0.0), Point::new(600.0, 0.0));
    let size = label_size(10);
    let on_middle = rect(250.0, -60.0, 100.0, 140.0);
    let spots = place_labels(&[(curve, size)], &[on_middle]);
    let spot = spots[0].expect("a spot beside the card");
    assert_ne!(spot.t, 0.5);
    assert!(!label_box(curve.at(spot.t), size).overlaps(&on_middle, 0.0));
    let everywhere = rect(-100.0, -200.0, 800.0, 400.0);
    assert_eq!(place_labels(&[(curve, size)], &[everywhere]), [None]);
}

fn rects() -> impl Strategy<Value = Vec<Rect>> {
    proptest::collection::vec((0.0..2000.0, 0.0..2000.0, 20.0..300.0, 20.0..300.0), 0..60)
        .prop_map(|v| v.into_iter().map(|(x, y, w, h)| rect(x, y, w, h)).collect())
}

proptest! {
    #[test]
    fn kept_titles_never_overlap_and_each_dropped_one_meets_a_kept_one(boxes in rects()) {
        let order: Vec<usize> = (0..boxes.len()).rev().collect();
        let kept = declutter(&boxes, &order);
        for i in 0..boxes.len() {
            for j in 0..boxes.len() {
                if i != j && kept[i] && kept[j] {
                    prop_assert!(!boxes[i].overlaps(&boxes[j], 0.0));
                }
            }
            if !kept[i] {
                prop_assert!((0..boxes.len()).any(|j| kept[j] && boxes[j].overlaps(&boxes[i], 0.0)));
            }
        }
    }

    #[test]
    fn placed_labels_never_touch_a_card_or_each_other(
        cards in rects(),
        ends in proptest::collection::vec((0.0..2000.0, 0.0..2000.0, 0.0..2000.0, 0.0..2000.0, 1usize..30), 0..30),
    ) {
        let labels: Vec<(SaggingString, _)> = ends
            .iter()
            .map(|&(a, b, c, d, n)| (SaggingString::between(Point::new(a, b), Point::new(c, d)), label_size(n)))
            .collect();
        let spots = place_labels(&labels, &cards);
        let placed: Vec<Rect> = labels
            .iter()
            .zip(&spots)
            .filter_map(|((curve, size), spot)| spot.map(|s| label_box(curve.at(s.t), *size)))
            .collect();
        for (i, p) in placed.iter().enumerate() {
            prop_assert!(cards.iter().all(|c| !c.overlaps(p, 0.0)), "a label on a card");
            prop_assert!(placed.iter().skip(i + 1).all(|q| !q.overlaps(p, 0.0)), "two labels overlap");
        }
    }
}

#[test]
fn a_title_wraps_to_its_card_on_two_lines_never_narrower_than_the_least_width() {
    use caseboard::model::labels::TITLE_MIN_WIDTH;
    let card = rect(0.0, 0.0, 172.0, 224.0);
    // Short: one line, narrower than the card on screen.
    let short = title_box(card, 6, 0.6);
    assert!(short.width * 0.6 < 172.0 * 0.6 && short.height * 0.6 < 2.0 * TITLE_PX);
    // Long: two lines, as wide as the card on screen, or the least width when the card is smaller.
    let long = title_box(card, 24, 0.6);
    assert!((long.width * 0.6 - 172.0 * 0.6).abs() < 1e-9 && long.height * 0.6 >= 2.0 * TITLE_PX);
    let far = title_box(card, 24, 0.2);
    assert!((far.width * 0.2 - TITLE_MIN_WIDTH).abs() < 1e-9);
}

/// Printed, never asserted (the machine's speed is not the test's): what the board works out when
/// the zoom changes over 5,000 cards, far out (every title near the view, decluttered) and drawn
/// in full (the most cards the board draws, 400, with two strings each). Shown by
/// `scripts/bench.sh`, or `cargo test --release --test labels -- --nocapture words_for`.
#[test]
fn words_for_5000_cards() {
    let cards: Vec<Rect> =
        (0..5000).map(|i| rect((i % 70) as f64 * 220.0, (i / 70) as f64 * 260.0, 172.0, 224.0)).collect();
    let chars: Vec<usize> = (0..cards.len()).map(|i| 8 + i % 20).collect();
    let order: Vec<usize> = (0..cards.len()).collect();
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let boxes: Vec<Rect> = cards.iter().zip(&chars).map(|(c, n)| title_box(*c, *n, 0.05)).collect();
        let kept = declutter(&boxes, &order);
        times.push(start.elapsed());
        assert!(kept.iter().any(|k| *k));
    }
    times.sort();
    println!("titles of 5,000 cards decluttered (far out): {:?} (median of 5)", times[2]);
    let drawn = &cards[..400];
    let labels: Vec<(SaggingString, _)> = (0..800)
        .map(|i| {
            let (a, b) = (drawn[i % 400], drawn[(i * 7 + 1) % 400]);
            let pin = |r: Rect| Point::new(r.center().x, r.y + 12.0);
            (SaggingString::between(pin(a), pin(b)), label_size(12))
        })
        .collect();
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let spots = place_labels(&labels, drawn);
        times.push(start.elapsed());
        assert_eq!(spots.len(), 800);
    }
    times.sort();
    println!("labels of 800 strings placed among 400 drawn cards: {:?} (median of 5)", times[2]);
}
