use caseboard::model::universe::{Kind, Universe, UniverseError, BALLARD_JSON};
use serde_json::{json, Value};

fn ballard() -> Universe {
    Universe::ballard().unwrap_or_else(|e| panic!("data/ballard.json is invalid: {e}"))
}

fn with(edit: impl FnOnce(&mut Value)) -> Result<Universe, UniverseError> {
    let mut value: Value = serde_json::from_str(BALLARD_JSON).unwrap();
    edit(&mut value);
    Universe::parse(&value.to_string())
}

#[test]
fn ballard_has_every_kind_of_card_and_ten_episodes() {
    let universe = ballard();
    let count = |kind| universe.entities.iter().filter(|e| e.kind == kind).count();
    assert!(count(Kind::Character) >= 10, "characters: {}", count(Kind::Character));
    assert!(count(Kind::Case) >= 3);
    assert!(count(Kind::Place) >= 3);
    assert!(count(Kind::Evidence) >= 2);
    let mut episodes: Vec<u32> = universe.entities.iter().filter_map(|e| e.number).collect();
    episodes.sort();
    assert_eq!(episodes, (1..=10).collect::<Vec<_>>());
    assert!(universe.links.len() >= 20);
}

#[test]
fn ballard_cast_carries_the_actors_the_article_names() {
    let universe = ballard();
    let actor = |id: &str| universe.entity(id).and_then(|e| e.actor.clone());
    assert_eq!(actor("renee-ballard").as_deref(), Some("Maggie Q"));
    assert_eq!(actor("harry-bosch").as_deref(), Some("Titus Welliver"));
    assert_eq!(actor("grace-billets").as_deref(), Some("Amy Aquino"));
    assert_eq!(actor("tara-evans").as_deref(), Some("Jamie Ray Newman"));
    assert_eq!(actor("eli-carter").as_deref(), Some("Brandon Scott"));
}

#[test]
fn bosch_is_given_no_episode_because_the_article_names_none() {
    let bosch = ballard().entity("harry-bosch").cloned().unwrap();
    assert_eq!(bosch.first_episode, None);
}

/// Every quote must stand word for word in the article the data is written from.
#[test]
fn every_source_quote_is_in_the_article() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/ballard-article.txt");
    let Ok(article) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is not beside this checkout");
        return;
    };
    let universe = ballard();
    let quotes = universe.entities.iter().map(|e| (&e.id, &e.source));
    for (id, quote) in quotes.chain(universe.links.iter().map(|l| (&l.id, &l.source))) {
        assert!(article.contains(quote.as_str()), "the source of '{id}' is not in the article: {quote}");
    }
}

#[test]
fn a_duplicate_id_is_named() {
    let err = with(|v| v["entities"][1]["id"] = json!("case-1995-runaway")).unwrap_err();
    assert_eq!(err, UniverseError::DuplicateId("case-1995-runaway".into()));
    assert!(err.to_string().contains("case-1995-runaway"));
}

#[test]
fn a_string_to_a_missing_card_is_named() {
    let err = with(|v| v["links"][0]["to"] = json!("nobody")).unwrap_err();
    assert_eq!(
        err,
        UniverseError::UnknownEndpoint { link: "ballard-leads-unit".into(), missing: "nobody".into() }
    );
    assert!(err.to_string().contains("nobody"));
}

#[test]
fn a_string_from_a_card_to_itself_is_refused() {
    let err = with(|v| v["links"][0]["to"] = json!("renee-ballard")).unwrap_err();
    assert_eq!(err, UniverseError::SelfLink("ballard-leads-unit".into()));
}

#[test]
fn an_episode_outside_the_season_is_refused() {
    let err = with(|v| v["entities"][0]["first_episode"] = json!(11)).unwrap_err();
    assert_eq!(err, UniverseError::EpisodeOutOfRange { id: "case-1995-runaway".into(), episode: 11 });
}

#[test]
fn empty_text_is_refused_and_unknown_fields_ignored() {
    assert!(matches!(
        with(|v| v["entities"][0]["name"] = json!("  ")),
        Err(UniverseError::MissingField { field: "name", .. })
    ));
    assert!(with(|v| v["entities"][0]["colour"] = json!("red")).is_ok());
    assert!(matches!(with(|v| v["entities"][0]["kind"] = json!("spaceship")), Err(UniverseError::Json(_))));
    assert!(matches!(Universe::parse("{"), Err(UniverseError::Json(_))));
    assert!(matches!(with(|v| v["entities"] = json!([])), Err(UniverseError::Empty("entities"))));
}

#[test]
fn oversized_universes_and_overlong_text_are_refused() {
    use caseboard::model::universe::{MAX_LONG_TEXT, MAX_SHORT_TEXT, MAX_UNIVERSE_BYTES};
    let huge = format!("{{\"pad\": \"{}\"}}", " ".repeat(MAX_UNIVERSE_BYTES));
    assert!(matches!(Universe::parse(&huge), Err(UniverseError::TooLarge(_))));
    let err = with(|v| v["entities"][2]["name"] = json!("n".repeat(MAX_SHORT_TEXT + 1))).unwrap_err();
    assert_eq!(err, UniverseError::TooLong { id: "case-1980s-serial-killer".into(), field: "name" });
    let err = with(|v| v["links"][1]["source"] = json!("s".repeat(MAX_LONG_TEXT + 1))).unwrap_err();
    assert_eq!(err, UniverseError::TooLong { id: "bosch-allies-ballard".into(), field: "source" });
    let many: Vec<Value> = (0..10_001).map(|i| json!({"id": format!("e{i}"), "kind": "place", "name": "x", "description": "", "source": "s"})).collect();
    assert!(matches!(with(|v| v["entities"] = json!(many)), Err(UniverseError::TooLarge(_))));
}

proptest::proptest! {
    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = Universe::parse(&text);
    }

    #[test]
    fn damaging_the_shipped_universe_never_panics(cut in 0usize..BALLARD_JSON.len(), junk in ".{0,8}") {
        let mut text = BALLARD_JSON.to_string();
        if text.is_char_boundary(cut) {
            text.insert_str(cut, &junk);
            let _ = Universe::parse(&text);
            let _ = Universe::parse(&text[..cut]);
        }
    }
}

#[test]
fn the_example_universe_in_data_is_valid() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/example-universe.json")).unwrap();
    let universe = Universe::parse(&text).unwrap();
    assert_eq!(universe.id, "harbour-files");
    assert_eq!(universe.entities.len(), 8);
    assert!(
        caseboard::model::layout::default_layout(&universe, caseboard::model::board::Arrangement::Wide).len()
            == 8
    );
}

#[test]
fn a_season_of_absurd_length_is_refused() {
    let err = with(|v| v["episodes"] = json!(4_000_000_000u64)).unwrap_err();
    assert!(matches!(err, UniverseError::TooLarge(ref what) if what.contains("episodes")), "{err:?}");
}

#[test]
fn a_universe_that_cannot_be_read_is_explained_in_plain_words_with_where() {
    let message = |text: &str| Universe::parse(text).unwrap_err().to_string();
    let mut kind =
        serde_json::from_str::<serde_json::Value>(include_str!("../data/example-universe.json")).unwrap();
    kind["entities"][0]["kind"] = json!("clue");
    assert!(message(&serde_json::to_string_pretty(&kind).unwrap()).starts_with(
        "the universe file could not be read: \"clue\" is not one of the values allowed there, at line "
    ));
    kind.as_object_mut().unwrap().remove("episodes");
    kind["entities"][0]["kind"] = json!("character");
    assert!(message(&kind.to_string())
        .starts_with("the universe file could not be read: the field \"episodes\" is missing"));
}

/// A universe at the documented limit of entities, with strings between them, as a fan might
/// write for a long-running show: `entities` cards (a tenth of them episodes) and `strings`
/// strings, tied by a fixed pseudo-random pattern.
fn big_universe(entities: usize, strings: usize) -> String {
    let kinds =
        ["character", "case", "place", "evidence", "character", "character", "place", "case", "evidence"];
    let episodes = entities / 10;
    let entity = |i: usize| {
        let mut e = json!({"id": format!("entity-{i:05}"), "kind": kinds[i % kinds.len()],
            "name": format!("Card {i}"), "description": "A card of a long show.", "source": "The show."});
        if i < episodes {
            e["kind"] = json!("episode");
            e["number"] = json!(i + 1);
        } else if i.is_multiple_of(3) {
            e["first_episode"] = json!(i % episodes + 1);
        }
        e
    };
    let link = |n: usize| {
        let from = n * 7919 % entities;
        let to = (from + 1 + n * 104_729 % (entities - 1)) % entities;
        json!({"id": format!("string-{n:05}"), "from": format!("entity-{from:05}"),
               "to": format!("entity-{to:05}"), "label": "knows", "source": "The show."})
    };
    json!({"id": "long-show", "version": 1, "title": "A long show", "episodes": episodes,
           "source": "invented for a test",
           "entities": (0..entities).map(entity).collect::<Vec<_>>(),
           "links": (0..strings).map(link).collect::<Vec<_>>()})
    .to_string()
}

/// Loading a universe is linear: validation looks ids up in an index, never searches a list
/// (a search per string made 2,000 entities take a minute in the browser). The times are printed
/// (with --nocapture, and by scripts/bench.sh), never asserted: this machine's speed is not the
/// test's business; that 10,000 entities load at all, and load as a tenth as many scaled up, is.
#[test]
fn a_ten_thousand_entity_universe_validates_and_loads_in_linear_time() {
    use caseboard::model::board::{Arrangement, Board};
    use caseboard::model::filter::Filters;
    use caseboard::model::horizon::Horizon;
    use caseboard::model::layout::default_layout;
    use caseboard::model::on_board::OnBoard;
    use std::time::Instant;
    let mut last: Option<(usize, std::time::Duration)> = None;
    for entities in [1_000, caseboard::model::universe::MAX_ENTITIES] {
        let strings = entities * 2;
        let text = big_universe(entities, strings);
        assert!(text.len() <= caseboard::model::universe::MAX_UNIVERSE_BYTES, "{} bytes", text.len());
        let started = Instant::now();
        let universe = Universe::parse(&text).unwrap();
        let parsed = started.elapsed();
        let started = Instant::now();
        let layout = default_layout(&universe, Arrangement::Wide);
        let laid_out = started.elapsed();
        assert_eq!(layout.len(), entities);
        let started = Instant::now();
        let board = Board::new(&universe.id, universe.version);
        let filters = Filters::default();
        let on_board =
            OnBoard { universe: &universe, board: &board, filters: &filters, horizon: Horizon::Everything };
        let shown = (on_board.canon_cards().count(), on_board.canon_links().count());
        let worked_out = started.elapsed();
        assert!(shown.0 > 0 && shown.1 > 0);
        let total = parsed + laid_out + worked_out;
        println!(
            "universe of {entities} entities and {strings} strings ({} KB): read and validated in {:.1} ms, \
             default layout in {:.1} ms, what is on the board in {:.1} ms; {:.1} ms in all",
            text.len() / 1024,
            parsed.as_secs_f64() * 1e3,
            laid_out.as_secs_f64() * 1e3,
            worked_out.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3
        );
        if let Some((smaller, time)) = last {
            let ratio = total.as_secs_f64() / time.as_secs_f64().max(f64::EPSILON);
            println!("{entities} entities took {ratio:.1} times as long as {smaller} (linear: about 10)");
        }
        last = Some((entities, total));
    }
}

#[test]
fn a_string_may_not_take_an_entitys_id() {
    let err = with(|v| v["links"][0]["id"] = json!("renee-ballard")).unwrap_err();
    assert_eq!(err, UniverseError::DuplicateId("renee-ballard".into()));
}
