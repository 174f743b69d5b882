use caseboard::model::board::Arrangement;
mod support;

use caseboard::model::board::{Board, Confidence, FanCard, FanString};
use caseboard::model::geometry::{Point, Rect};
use caseboard::model::horizon::Horizon;
use caseboard::model::layout::{card_size, default_layout, pin};
use caseboard::model::scene::{scene, Face, Thread, CANON_RED};
use caseboard::model::universe::{Kind, Universe};
use support::{fan_string, note, theory};

fn scene_note(id: &str, theory: Option<&str>) -> FanCard {
    note(id, &format!("Title {id}"), "first\nsecond", theory)
}

fn string(id: &str, from: &str, to: &str, theory: &str) -> FanString {
    fan_string(id, from, to, "knew", theory)
}

#[test]
fn the_default_board_shows_every_entity_and_relation_in_canon_red() {
    let universe = Universe::ballard().unwrap();
    let defaults = default_layout(&universe, Arrangement::Wide);
    let shown = scene(&Board::new("ballard", 1), &universe, &defaults, Horizon::Everything);
    assert_eq!(shown.cards.len(), universe.entities.len());
    assert_eq!(shown.strings.len(), universe.links.len());
    assert!(shown.strings.iter().all(|s| s.thread == Thread::Canon && s.colour == CANON_RED));
    let renee = shown.cards.iter().find(|c| c.id == "renee-ballard").unwrap();
    assert_eq!(renee.rect, Rect::at(defaults["renee-ballard"], card_size(Kind::Character)));
    assert_eq!(renee.title, "Renée Ballard");
    assert_eq!(renee.face.lines()[0], "Maggie Q");
    let victim = shown.cards.iter().find(|c| c.id == "runaway-victim").unwrap();
    assert!(victim.face.lines().contains(&"First seen: Episode 1".to_string()));
    let episode = shown.cards.iter().find(|c| c.id == "episode-1").unwrap();
    assert!(!episode.face.lines().iter().any(|l| l.starts_with("First seen")), "not seen in itself");
    let leads = shown.strings.iter().find(|s| s.id == "ballard-leads-unit").unwrap();
    assert_eq!((leads.from.as_str(), leads.to.as_str()), ("renee-ballard", "cold-case-unit"));
    assert_eq!(leads.from_pin, pin(defaults["renee-ballard"], Kind::Character));
}

#[test]
fn hidden_cards_and_hidden_theories_leave_the_scene_with_their_strings() {
    let universe = Universe::ballard().unwrap();
    let defaults = default_layout(&universe, Arrangement::Wide);
    let mut board = Board::new("ballard", 1);
    board.hidden.insert("harry-bosch".into());
    board.positions.insert("renee-ballard".into(), Point::new(5.0, 6.0));
    for (id, colour, visible) in [("shown", "#2a7de1", true), ("off", "#8e44ad", false)] {
        board.theories.insert(id.into(), theory(id, colour, visible));
    }
    for (id, in_theory) in [("free", None), ("in-shown", Some("shown")), ("in-off", Some("off"))] {
        board.cards.insert(id.into(), scene_note(id, in_theory));
        board.positions.insert(id.into(), Point::new(1000.0, 2000.0));
    }
    for (id, from, to, in_theory) in [
        ("s1", "free", "renee-ballard", "shown"),
        ("s2", "free", "harry-bosch", "shown"),
        ("s3", "free", "in-shown", "off"),
        ("s4", "in-off", "renee-ballard", "shown"),
    ] {
        board.strings.insert(id.into(), string(id, from, to, in_theory));
    }
    let shown = scene(&board, &universe, &defaults, Horizon::Everything);
    let ids: Vec<&str> = shown.cards.iter().map(|c| c.id.as_str()).collect();
    assert!(!ids.contains(&"harry-bosch") && !ids.contains(&"in-off"));
    assert!(ids.contains(&"free") && ids.contains(&"in-shown"));
    assert!(shown.strings.iter().all(|s| s.from != "harry-bosch" && s.to != "harry-bosch"));
    let fan: Vec<_> = shown.strings.iter().filter(|s| s.thread != Thread::Canon).collect();
    assert_eq!(fan.len(), 1, "only s1 has both cards and its theory shown");
    assert_eq!(fan[0].colour, "#2a7de1");
    assert_eq!(
        fan[0].thread,
        Thread::Theory { id: "shown".into(), name: "Theory shown".into(), confidence: Confidence::Likely }
    );
    assert_eq!(fan[0].to_pin, pin(Point::new(5.0, 6.0), Kind::Character), "a moved card's pin moves");
    let free = shown.cards.iter().find(|c| c.id == "free").unwrap();
    assert_eq!(free.face, Face::Fan { text: "first\nsecond".into() });
    assert_eq!(free.face.lines(), ["first", "second"]);
}

#[test]
fn a_horizon_leaves_later_canon_and_its_strings_out_of_the_scene() {
    let universe = Universe::ballard().unwrap();
    let defaults = default_layout(&universe, Arrangement::Wide);
    let mut board = Board::new("ballard", 1);
    board.theories.insert("t".into(), theory("t", "#2a7de1", true));
    board.cards.insert("free".into(), scene_note("free", None));
    board.positions.insert("free".into(), Point::new(1000.0, 2000.0));
    board.strings.insert("s1".into(), string("s1", "free", "victims-mother", "t"));
    let ids = |horizon| {
        let shown = scene(&board, &universe, &defaults, horizon);
        let cards: Vec<String> = shown.cards.iter().map(|c| c.id.clone()).collect();
        let strings: Vec<String> = shown.strings.iter().map(|s| s.id.clone()).collect();
        (cards, strings)
    };

    let (cards, strings) = ids(Horizon::Nothing);
    assert!(
        cards.contains(&"free".into()) && cards.contains(&"renee-ballard".into()),
        "the premise and the fan's own"
    );
    assert!(!cards.contains(&"runaway-victim".into()) && !strings.contains(&"s1".into()));

    let (cards, strings) = ids(Horizon::Episode(1));
    assert!(cards.contains(&"runaway-victim".into()) && cards.contains(&"renee-ballard".into()));
    assert!(!cards.contains(&"victims-mother".into()) && !cards.contains(&"maddie-bosch".into()));
    assert!(strings.contains(&"ballard-works-runaway-case".into()));
    assert!(!strings.contains(&"ballard-visits-mother".into()) && !strings.contains(&"s1".into()));

    let (cards, strings) = ids(Horizon::Episode(3));
    assert!(cards.contains(&"victims-mother".into()) && !cards.contains(&"episode-4".into()));
    assert!(strings.contains(&"ballard-visits-mother".into()) && strings.contains(&"s1".into()));

    let (cards, strings) = ids(Horizon::Everything);
    assert_eq!(cards.len(), universe.entities.len() + 1);
    assert_eq!(strings.len(), universe.links.len() + 1);
}
