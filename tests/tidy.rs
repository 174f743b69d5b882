//! Tidy: the same board always tidies the same way, pinned cards stay, no cards overlap, nothing
//! flies off. The times for 500 and 5,000 cards show with
//! `cargo test --release --test tidy -- --nocapture`.

use caseboard::model::board::Arrangement;
use caseboard::model::geometry::{Point, Rect};
use caseboard::model::layout::{card_size, default_layout, CARD_GAP, PIN_DROP};
use caseboard::model::string_path::SaggingString;
use caseboard::model::tidy::{tidy, TidyCard};
use caseboard::model::universe::{Kind, Universe};
use proptest::prelude::*;
use std::time::Instant;

mod support;
use support::Rng;

const KINDS: [Kind; 6] =
    [Kind::Character, Kind::Case, Kind::Episode, Kind::Place, Kind::Evidence, Kind::Note];

type Board = (Vec<TidyCard>, Vec<(usize, usize)>);

/// The Ballard board as it opens on a laptop: the default layout, the canon's strings as edges.
fn ballard() -> Board {
    ballard_as(Arrangement::Wide)
}

fn ballard_as(arrangement: Arrangement) -> Board {
    let universe = Universe::ballard().unwrap();
    let layout = default_layout(&universe, arrangement);
    let cards = universe
        .entities
        .iter()
        .map(|e| TidyCard { size: card_size(e.kind), at: layout[&e.id], pinned: false })
        .collect();
    let index = |id: &str| universe.entities.iter().position(|e| e.id == id).unwrap();
    let edges = universe.links.iter().map(|l| (index(&l.from), index(&l.to))).collect();
    (cards, edges)
}

/// A board of `n` cards of every kind scattered over a square, about two strings per card between
/// cards picked at random. A tenth of the cards start stacked on the origin, and a twentieth are
/// pinned, on a lattice wide enough that no two pinned cards overlap.
fn generated(n: usize, seed: u64) -> Board {
    let mut rng = Rng(seed);
    let side = (n as f64).sqrt() as usize * 300 + 1;
    let cards = (0..n)
        .map(|i| {
            let size = card_size(KINDS[rng.below(KINDS.len())]);
            let scattered = Point::new(rng.below(side) as f64, rng.below(side) as f64);
            let lattice = Point::new((i / 20 % 16) as f64 * 600.0, (i / 320) as f64 * 600.0);
            match i % 20 {
                0 => TidyCard { size, at: lattice, pinned: true },
                1 | 11 => TidyCard { size, at: Point::new(0.0, 0.0), pinned: false },
                _ => TidyCard { size, at: scattered, pinned: false },
            }
        })
        .collect();
    let edges = (1..n).flat_map(|i| [(i, rng.below(i)), (i, rng.below(n))]).filter(|(a, b)| a != b).collect();
    (cards, edges)
}

/// The board with every card where `tidied` put it.
fn moved(cards: &[TidyCard], tidied: &[Point]) -> Vec<TidyCard> {
    cards.iter().zip(tidied).map(|(c, at)| TidyCard { at: *at, ..*c }).collect()
}

/// Checks what every tidy result holds to, panicking with the first card or pair that does not.
/// Two pinned cards may overlap: tidy cannot move them apart.
fn check(cards: &[TidyCard], tidied: &[Point]) {
    assert_eq!(tidied.len(), cards.len());
    for (i, (card, at)) in cards.iter().zip(tidied).enumerate() {
        if card.pinned {
            assert_eq!(*at, card.at, "pinned card {i} moved");
        } else {
            assert!(at.x.abs() <= 1e6 && at.y.abs() <= 1e6, "card {i} went to {at:?}");
        }
    }
    let rects: Vec<Rect> = cards.iter().zip(tidied).map(|(c, at)| Rect::at(*at, c.size)).collect();
    for (i, a) in rects.iter().enumerate() {
        for (j, b) in rects.iter().enumerate().skip(i + 1) {
            let both_pinned = cards[i].pinned && cards[j].pinned;
            assert!(both_pinned || !a.overlaps(b, 0.0), "cards {i} and {j} overlap: {a:?} {b:?}");
        }
    }
}

fn centre_distance(cards: &[TidyCard], at: &[Point], a: usize, b: usize) -> f64 {
    let (p, q) = (Rect::at(at[a], cards[a].size).center(), Rect::at(at[b], cards[b].size).center());
    (p.x - q.x).hypot(p.y - q.y)
}

#[test]
fn the_ballard_board_tidies_without_overlaps_the_same_every_time() {
    let (cards, edges) = ballard();
    let tidied = tidy(&cards, &edges);
    check(&cards, &tidied);
    assert_eq!(tidy(&cards, &edges), tidied);
}

#[test]
fn tidying_draws_tied_cards_together() {
    // The Ballard cards spread out to twice the default layout's size, as a fan's board may get.
    let (cards, edges) = ballard();
    let cards: Vec<TidyCard> =
        cards.into_iter().map(|c| TidyCard { at: Point::new(c.at.x * 2.0, c.at.y * 2.0), ..c }).collect();
    let start: Vec<Point> = cards.iter().map(|c| c.at).collect();
    let tidied = tidy(&cards, &edges);
    let mean = |at: &[Point]| {
        edges.iter().map(|&(a, b)| centre_distance(&cards, at, a, b)).sum::<f64>() / edges.len() as f64
    };
    assert!(mean(&tidied) < 0.7 * mean(&start), "{} vs {}", mean(&tidied), mean(&start));
}

#[test]
fn tidying_a_tidy_board_changes_little() {
    let (cards, edges) = ballard();
    let once = tidy(&cards, &edges);
    let twice = tidy(&moved(&cards, &once), &edges);
    let mut shifts: Vec<f64> = once.iter().zip(&twice).map(|(a, b)| (a.x - b.x).hypot(a.y - b.y)).collect();
    shifts.sort_by(f64::total_cmp);
    let (median, most) = (shifts[shifts.len() / 2], shifts[shifts.len() - 1]);
    assert!(median < CARD_GAP && most < 100.0, "cards moved {median} (median), {most} (most)");
}

#[test]
fn pinned_cards_stay_and_the_rest_keep_clear_of_them() {
    let (mut cards, edges) = ballard();
    for card in cards.iter_mut().step_by(3) {
        card.pinned = true;
    }
    let tidied = tidy(&cards, &edges);
    check(&cards, &tidied);
}

#[test]
fn a_card_on_a_pinned_card_moves_off_it() {
    let size = card_size(Kind::Note);
    let cards = [
        TidyCard { size, at: Point::new(100.0, 100.0), pinned: true },
        TidyCard { size, at: Point::new(100.0, 100.0), pinned: false },
    ];
    let tidied = tidy(&cards, &[(0, 1)]);
    check(&cards, &tidied);
    assert!(centre_distance(&cards, &tidied, 0, 1) < 2.0 * size.width, "it went too far: {tidied:?}");
}

#[test]
fn a_generated_board_with_stacks_and_pins_tidies_without_overlaps_the_same_every_time() {
    let (cards, edges) = generated(500, 7);
    let tidied = tidy(&cards, &edges);
    check(&cards, &tidied);
    assert_eq!(tidy(&cards, &edges), tidied);
}

#[test]
fn parts_tied_to_nothing_else_are_drawn_together() {
    let size = card_size(Kind::Note);
    let cards: Vec<TidyCard> = (0..10)
        .map(|i| TidyCard {
            size,
            at: Point::new((i / 5) as f64 * 50_000.0, (i % 5) as f64 * 300.0),
            pinned: false,
        })
        .collect();
    let edges = [(0, 1), (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (7, 8), (8, 9)];
    let tidied = tidy(&cards, &edges);
    check(&cards, &tidied);
    assert!(centre_distance(&cards, &tidied, 2, 7) < 10_000.0, "{tidied:?}");
}

#[test]
fn odd_input_gives_sane_output() {
    assert!(tidy(&[], &[]).is_empty());
    let size = card_size(Kind::Case);
    let cards: Vec<TidyCard> = [f64::NAN, f64::INFINITY, -5e9, 0.0]
        .into_iter()
        .map(|v| TidyCard { size, at: Point::new(v, -v), pinned: false })
        .collect();
    // Strings naming no card, or tying a card to itself, are left out.
    let tidied = tidy(&cards, &[(0, 9), (9, 0), (2, 2), (0, 1)]);
    assert!(tidied.iter().all(|p| p.x.is_finite() && p.y.is_finite()), "{tidied:?}");
    check(&cards, &tidied);
}

#[test]
fn times_for_500_and_5000_cards() {
    for n in [500, 5000] {
        let (cards, edges) = generated(n, 11);
        let start = Instant::now();
        let tidied = tidy(&cards, &edges);
        println!("tidy of {n} cards and {} strings: {:?}", edges.len(), start.elapsed());
        check(&cards, &tidied);
    }
}

/// A small board: cards of any kind on a coarse lattice, so that many start stacked or
/// overlapping, some pinned, and strings between any two of them, a card and itself included.
fn small_board() -> impl Strategy<Value = Board> {
    let card = (0..KINDS.len(), -8..8i32, -8..8i32, proptest::bool::weighted(0.2)).prop_map(
        |(kind, x, y, pinned)| TidyCard {
            size: card_size(KINDS[kind]),
            at: Point::new(x as f64 * 90.0, y as f64 * 70.0),
            pinned,
        },
    );
    proptest::collection::vec(card, 0..16).prop_flat_map(|cards| {
        let n = cards.len().max(1);
        (Just(cards), proptest::collection::vec((0..n, 0..n), 0..24))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_small_board_tidies_into_a_sane_layout_without_overlaps((cards, edges) in small_board()) {
        let tidied = tidy(&cards, &edges);
        prop_assert!(tidied.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        check(&cards, &tidied);
    }
}

/// How many strings run over a card other than their own two, taken as drawn (sagging from pin to
/// pin) and sampled along their length.
fn strings_over_cards(cards: &[TidyCard], tops: &[Point], edges: &[(usize, usize)]) -> usize {
    let rects: Vec<Rect> = cards.iter().zip(tops).map(|(c, at)| Rect::at(*at, c.size)).collect();
    let pin = |i: usize| Point::new(rects[i].center().x, rects[i].y + PIN_DROP);
    edges
        .iter()
        .filter(|&&(a, b)| {
            let curve = SaggingString::between(pin(a), pin(b));
            (1..40).map(|k| curve.at(k as f64 / 40.0)).any(|p| {
                rects.iter().enumerate().any(|(c, r)| {
                    c != a && c != b && (r.x..=r.right()).contains(&p.x) && (r.y..=r.bottom()).contains(&p.y)
                })
            })
        })
        .count()
}

#[test]
fn after_tidy_fewer_strings_run_over_cards() {
    for arrangement in [Arrangement::Wide, Arrangement::Tall] {
        let (cards, edges) = ballard_as(arrangement);
        let start: Vec<Point> = cards.iter().map(|c| c.at).collect();
        let tidied = tidy(&cards, &edges);
        let (before, after) =
            (strings_over_cards(&cards, &start, &edges), strings_over_cards(&cards, &tidied, &edges));
        println!(
            "{arrangement:?}: {before} of {} strings run over a card before Tidy, {after} after",
            edges.len()
        );
        assert!(after < before, "{arrangement:?}: {before} before Tidy, {after} after");
    }
}
