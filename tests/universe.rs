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
