mod support;

use caseboard::model::board::Board;
use caseboard::model::filter::{Filters, FAN_CARDS};
use caseboard::model::geometry::Point;
use caseboard::model::horizon::{
    board_within, entity_known, horizon_value, link_known, parse_horizon, Horizon,
};
use caseboard::model::on_board::OnBoard;
use caseboard::model::query::{fold, neighbourhood, search, Hit, Rank, MAX_QUERY};
use caseboard::model::universe::Universe;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use support::{fan_string, note, theory};

fn ballard() -> &'static Universe {
    static UNIVERSE: OnceLock<Universe> = OnceLock::new();
    UNIVERSE.get_or_init(|| Universe::ballard().unwrap())
}

/// The strings on the board (`model::on_board`) as pairs of card ids, for `neighbourhood`.
fn edges_on_board(
    universe: &Universe,
    board: &Board,
    filters: &Filters,
    horizon: Horizon,
) -> Vec<(String, String)> {
    let on_board = OnBoard { universe, board, filters, horizon };
    on_board.strings().map(|(from, to, _)| (from.to_string(), to.to_string())).collect()
}

/// A board with a note in the "mole" theory, tied to Billets, and one in a switched-off theory.
fn mole_board() -> Board {
    let mut board = Board::new("ballard", 1);
    board.theories.insert("mole".into(), theory("mole", "#2a7de1", true));
    board.theories.insert("off".into(), theory("off", "#2a7de1", false));
    board.cards.insert("note-1".into(), note("note-1", "", "Billets knew\nall along", Some("mole")));
    board.cards.insert("note-off".into(), note("note-off", "Billets again", "", Some("off")));
    board.strings.insert("s-1".into(), fan_string("s-1", "note-1", "grace-billets", "covered up", "mole"));
    board.strings.insert("s-off".into(), fan_string("s-off", "note-1", "grace-billets", "paid off", "off"));
    board
}

fn everything(_: &str) -> bool {
    true
}

fn find(board: &Board, query: &str) -> Vec<Hit> {
    search(ballard(), board, query, &everything, Horizon::Everything, 50)
}

fn cards(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.card.as_str()).collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn folding_takes_off_case_and_the_accents_of_latin_letters() {
    assert_eq!(fold("Renée"), "renee");
    assert_eq!(fold("RENÉE BALLARD"), "renee ballard");
    assert_eq!(fold("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"), "aaaaaaaeceeeeiiiidnoooooouuuuythss");
    assert_eq!(fold("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"), "aaaaaaaeceeeeiiiidnoooooouuuuythy");
    assert_eq!(fold("Zażółć gęślą jaźń"), "zazolc gesla jazn");
    assert_eq!(fold("Příliš žluťoučký kůň úpěl ďábelské ódy"), "prilis zlutoucky kun upel dabelske ody");
    assert_eq!(
        fold("Œuvre, Ĳssel, İstanbul, Łódź, Đorđe, Ŋ, ſ"),
        "oeuvre, ijssel, istanbul, lodz, dorde, n, s"
    );
    assert_eq!(fold("Rene\u{301}e"), "renee", "a decomposed accent goes too");
    assert_eq!(fold("\u{212B}ngstr\u{F6}m"), "angstrom", "the ångström sign lowercases to å");
    assert_eq!(fold("3 × 4 ÷ 2"), "3 × 4 ÷ 2", "signs stay");
    assert_eq!(fold("ΣΟΦΙΑ Москва 🕵️"), "σοφια москва 🕵️", "other scripts are only lowercased");
}

#[test]
fn folding_twice_changes_nothing_for_any_character() {
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let once = fold(c.encode_utf8(&mut [0; 4]));
        assert_eq!(fold(&once), once, "U+{:04X}", c as u32);
    }
}

#[test]
fn search_ignores_case_and_accents() {
    for query in ["renee", "RENÉE", "  Renée  ", "rene\u{301}e"] {
        let hits = find(&Board::new("ballard", 1), query);
        assert_eq!(hits[0].card, "renee-ballard", "{query}");
        assert_eq!(hits[0].title, "Renée Ballard");
        assert_eq!(hits[0].rank, Rank::TitleStart);
        assert_eq!(hits[0].detail, "character");
    }
}

#[test]
fn a_title_match_ranks_by_how_it_matches_then_by_title() {
    let bosch = find(&Board::new("ballard", 1), "bosch");
    assert_eq!(cards(&bosch)[..3], ["harry-bosch", "maddie-bosch", "grace-billets"]);
    assert_eq!(bosch[0].rank, Rank::WordStart);
    assert_eq!(bosch[1].rank, Rank::WordStart);
    assert_eq!(bosch[2].rank, Rank::Text, "Billets: Bosch's former lieutenant");

    let hollywood = find(&Board::new("ballard", 1), "hollywood");
    assert_eq!(cards(&hollywood)[..2], ["hollywood-boulevard", "hollywood-alley"], "prefix, then word");
    assert!(hollywood[2..].iter().all(|h| h.rank == Rank::Text));

    let mut board = Board::new("ballard", 1);
    board.cards.insert("woodstock".into(), note("woodstock", "Woodstock", "", None));
    let wood = find(&board, "wood");
    assert_eq!(
        cards(&wood)[..3],
        ["woodstock", "hollywood-alley", "hollywood-boulevard"],
        "prefix, then substring"
    );
    let ranks: Vec<Rank> = wood.iter().map(|h| h.rank).collect();
    assert_eq!(ranks, [Rank::TitleStart, Rank::InTitle, Rank::InTitle, Rank::Text]);

    let angeles = find(&Board::new("ballard", 1), "los angeles");
    assert_eq!((angeles[0].card.as_str(), angeles[0].rank), ("los-angeles", Rank::Title));
    let episode = find(&Board::new("ballard", 1), "episode 1");
    assert_eq!(cards(&episode)[..2], ["episode-1", "episode-10"]);
    assert_eq!((episode[0].rank, episode[1].rank), (Rank::Title, Rank::TitleStart));
}

#[test]
fn actors_descriptions_and_strings_are_searched_after_titles() {
    let welliver = find(&Board::new("ballard", 1), "welliver");
    assert_eq!(cards(&welliver), ["harry-bosch"]);
    assert_eq!((welliver[0].rank, welliver[0].detail.as_str()), (Rank::Actor, "actor: Titus Welliver"));

    let rampart = find(&Board::new("ballard", 1), "rampart");
    assert_eq!(cards(&rampart), ["case-police-conspiracy"]);
    assert_eq!(rampart[0].detail, "description: …s cases echoes LA's Rampart scandal, without saying which.");

    let pulls = find(&Board::new("ballard", 1), "pulls");
    assert_eq!(cards(&pulls), ["powerful-figure"], "a canon string names its from-card");
    assert_eq!(pulls[0].detail, "string: pulls strings → The 1995 runaway murder");
    assert_eq!(pulls[0].rank, Rank::StringLabel);

    let covered = find(&mole_board(), "covered");
    assert_eq!(cards(&covered), ["note-1"]);
    assert_eq!(covered[0].title, "Billets knew", "a note's title is its first line");
    assert_eq!(covered[0].detail, "string: covered up → Lt. Grace Billets");
}

#[test]
fn a_card_appears_once_with_its_best_match() {
    // Renée's name, description and many strings all say "Ballard".
    let ballard_hits = find(&Board::new("ballard", 1), "ballard");
    assert_eq!(ballard_hits.iter().filter(|h| h.card == "renee-ballard").count(), 1);
    assert_eq!(ballard_hits[0].card, "renee-ballard");
    let cards: BTreeSet<&str> = cards(&ballard_hits).into_iter().collect();
    assert_eq!(cards.len(), ballard_hits.len());

    let board = mole_board();
    let knew = find(&board, "knew");
    assert_eq!((knew[0].card.as_str(), knew[0].rank), ("note-1", Rank::WordStart));
    let along = find(&board, "along");
    assert_eq!((along[0].rank, along[0].detail.as_str()), (Rank::Text, "text: Billets knew all along"));
}

#[test]
fn an_excerpt_finds_its_place_in_text_whose_folded_form_is_longer() {
    let mut board = Board::new("ballard", 1);
    let text = format!("{} clue", "ß".repeat(30));
    board.cards.insert("n".into(), note("n", "Street", &text, None));
    let hits = find(&board, "clue");
    assert_eq!(hits[0].detail, format!("text: …{} clue", "ß".repeat(19)));
}

#[test]
fn only_cards_on_the_board_and_shown_are_found() {
    let mut board = mole_board();
    board.hidden.insert("harry-bosch".into());
    assert!(find(&board, "welliver").is_empty(), "a hidden canon card");
    assert!(find(&board, "billets again").is_empty(), "a card of a switched-off theory");
    assert!(find(&board, "paid off").is_empty(), "a string of a switched-off theory");

    let no_maddie = |id: &str| id != "maddie-bosch";
    let bosch = search(ballard(), &board, "bosch", &no_maddie, Horizon::Everything, 50);
    assert!(!cards(&bosch).contains(&"maddie-bosch") && !cards(&bosch).contains(&"harry-bosch"));

    let no_billets = |id: &str| id != "grace-billets";
    let covered = search(ballard(), &board, "covered", &no_billets, Horizon::Everything, 50);
    assert!(covered.is_empty(), "a string whose other card is not shown");

    let early =
        |query| search(ballard(), &Board::new("ballard", 1), query, &everything, Horizon::Episode(1), 50);
    assert_eq!(cards(&early("bosch"))[..1], ["harry-bosch"], "Bosch is part of the premise");
    assert!(!cards(&early("bosch")).contains(&"maddie-bosch"), "Maddie is never placed in an episode");
    assert!(early("mother").is_empty(), "the mother comes in episode 3");
    assert!(early("visits").is_empty(), "and so does the string to her");
}

#[test]
fn empty_long_and_odd_queries_are_fine() {
    let board = mole_board();
    for query in ["", "   ", "\n\t", "\u{301}"] {
        assert!(find(&board, query).is_empty(), "{query:?}");
    }
    for query in ["!@#$%^&*()[]{}", "🕵️‍♀️", "\0", "%s%n", "<script>", "ß", "'"] {
        let _ = find(&board, query);
    }
    assert!(find(&board, &"a".repeat(100_000)).is_empty());
    // Only the first MAX_QUERY characters of a query are looked for.
    let mut board = board;
    board.cards.insert("ys".into(), note("ys", "", &"y".repeat(MAX_QUERY), None));
    assert_eq!(cards(&find(&board, &"y".repeat(100_000))), ["ys"]);
    assert_eq!(search(ballard(), &board, "e", &everything, Horizon::Everything, 3).len(), 3);
    assert!(search(ballard(), &board, "e", &everything, Horizon::Everything, 0).is_empty());
}

#[test]
fn the_neighbourhood_follows_strings_either_way() {
    let board = Board::new("ballard", 1);
    let edges = edges_on_board(ballard(), &board, &Filters::default(), Horizon::Everything);
    assert_eq!(edges.len(), ballard().links.len());
    assert_eq!(neighbourhood(&edges, "maddie-bosch", 0), set(&["maddie-bosch"]));
    assert_eq!(neighbourhood(&edges, "maddie-bosch", 1), set(&["maddie-bosch", "harry-bosch"]));
    assert_eq!(
        neighbourhood(&edges, "maddie-bosch", 2),
        set(&["maddie-bosch", "harry-bosch", "renee-ballard", "grace-billets"])
    );
    assert_eq!(neighbourhood(&edges, "hollywood-alley", 1), set(&["hollywood-alley", "case-1995-runaway"]));
    assert_eq!(
        neighbourhood(&edges, "hollywood-alley", 2),
        set(&[
            "case-1995-runaway",
            "case-police-conspiracy",
            "episode-1",
            "hollywood-alley",
            "missing-witness",
            "powerful-figure",
            "renee-ballard",
            "runaway-victim",
            "tampered-crime-scene",
        ])
    );
    let city = set(&["los-angeles", "hollywood-boulevard", "abandoned-warehouses"]);
    assert_eq!(neighbourhood(&edges, "los-angeles", u32::MAX), city, "the city's strings lead nowhere else");
    assert_eq!(neighbourhood(&edges, "nowhere", 3), set(&["nowhere"]));
}

#[test]
fn the_strings_on_the_board_are_those_whose_cards_are_on_it() {
    let mut board = mole_board();
    board.hidden.insert("harry-bosch".into());
    let edges = edges_on_board(ballard(), &board, &Filters::default(), Horizon::Everything);
    let has = |a: &str, b: &str| edges.contains(&(a.to_string(), b.to_string()));
    assert!(has("note-1", "grace-billets"), "a fan string of a shown theory");
    assert_eq!(edges.iter().filter(|(a, _)| a == "note-1").count(), 1, "not the switched-off one");
    assert!(!edges.iter().any(|(a, b)| a == "harry-bosch" || b == "harry-bosch"), "nor a hidden card's");
    assert_eq!(neighbourhood(&edges, "maddie-bosch", 2), set(&["maddie-bosch"]));

    let early = edges_on_board(ballard(), &board, &Filters::default(), Horizon::Episode(1));
    assert_eq!(early.len(), 12 - 2 + 1, "Episode 1's canon strings but Bosch's, and the fan's");
    let no_fan_cards = Filters::default().toggled_kind(FAN_CARDS);
    let without_notes = edges_on_board(ballard(), &board, &no_fan_cards, Horizon::Everything);
    assert!(!without_notes.iter().any(|(a, b)| a == "note-1" || b == "note-1"), "nor a filtered card's");
}

#[test]
fn horizons_have_labels_options_and_everything_by_default() {
    assert_eq!(Horizon::default(), Horizon::Everything);
    assert_eq!(Horizon::Nothing.label(), "Nothing yet");
    assert_eq!(Horizon::Episode(3).label(), "Episode 3");
    assert_eq!(Horizon::Everything.label(), "Everything");
    assert_eq!(
        Horizon::options(3),
        [
            Horizon::Nothing,
            Horizon::Episode(1),
            Horizon::Episode(2),
            Horizon::Episode(3),
            Horizon::Everything
        ]
    );
    assert_eq!(Horizon::options(0), [Horizon::Nothing, Horizon::Everything]);
}

#[test]
fn a_horizon_knows_premise_and_episodes_seen_and_the_unplaced_rest_of_the_season_at_its_end() {
    let universe = ballard();
    let season = universe.episodes;
    let known = |id: &str, horizon| entity_known(universe.entity(id).unwrap(), horizon, season);
    let count = |horizon| universe.entities.iter().filter(|e| entity_known(e, horizon, season)).count();
    let links = |horizon| universe.links.iter().filter(|l| link_known(universe, l, horizon)).count();

    // The premise, known before any episode: eight characters and four places, and the eight
    // strings between them.
    assert_eq!((count(Horizon::Nothing), links(Horizon::Nothing)), (12, 8));
    assert_eq!((count(Horizon::Episode(1)), links(Horizon::Episode(1))), (12 + 4, 8 + 4));
    assert_eq!((count(Horizon::Episode(4)), links(Horizon::Episode(4))), (12 + 4 + 4, 8 + 4 + 2));
    assert_eq!((count(Horizon::Everything), links(Horizon::Everything)), (37, 23));
    // The whole season watched: everything but the spinoff's Maddie and her one string.
    assert_eq!((count(Horizon::Episode(season)), links(Horizon::Episode(season))), (36, 22));
    assert!(known("case-police-conspiracy", Horizon::Episode(season)));
    assert!(!known("case-police-conspiracy", Horizon::Episode(season - 1)), "placed in no episode");
    assert!(!known("maddie-bosch", Horizon::Episode(season)), "beyond the season");

    for horizon in [Horizon::Episode(1), Horizon::Episode(4)] {
        assert!(known("renee-ballard", horizon) && known("runaway-victim", horizon));
        assert!(known("harry-bosch", horizon), "no episode of his own, but part of the premise");
        assert!(!known("maddie-bosch", horizon), "no episode and not the premise");
        assert!(!known("episode-5", horizon));
    }
    assert!(!known("victims-mother", Horizon::Episode(1)) && known("victims-mother", Horizon::Episode(4)));
    assert!(known("episode-4", Horizon::Episode(4)) && !known("episode-2", Horizon::Episode(1)));
    assert!(known("maddie-bosch", Horizon::Everything) && known("renee-ballard", Horizon::Nothing));
    assert!(!known("runaway-victim", Horizon::Nothing) && !known("maddie-bosch", Horizon::Nothing));
}

/// A season of five episodes where two premise cards are tied by a string no episode places.
fn small_universe() -> Universe {
    let entity = |id: &str, first: Option<u32>, premise: bool| {
        json!({"id": id, "kind": "character", "name": id, "description": "d", "source": "s",
               "first_episode": first, "premise": premise})
    };
    let link = |id: &str, from: &str, to: &str, first: Option<u32>| {
        json!({"id": id, "from": from, "to": to, "label": format!("{id} label"), "source": "s",
               "first_episode": first})
    };
    let universe = json!({
        "id": "small", "version": 1, "title": "Small", "episodes": 5, "source": "s",
        "entities": [entity("a", None, true), entity("b", None, true), entity("c", Some(3), false)],
        "links": [link("unplaced", "a", "b", None), link("early", "a", "c", Some(2))],
    });
    Universe::parse(&universe.to_string()).unwrap()
}

#[test]
fn a_string_needs_its_own_horizon_and_both_cards() {
    let universe = small_universe();
    let known = |id: &str, horizon| {
        let link = universe.links.iter().find(|l| l.id == id).unwrap();
        link_known(&universe, link, horizon)
    };
    assert!(!known("unplaced", Horizon::Episode(4)) && known("unplaced", Horizon::Everything));
    assert!(known("unplaced", Horizon::Episode(5)), "the season's last episode tells the rest of it");
    assert!(!known("early", Horizon::Episode(2)), "its card c comes in episode 3");
    assert!(known("early", Horizon::Episode(3)));

    let board = Board::new("small", 1);
    let late = |query| search(&universe, &board, query, &everything, Horizon::Episode(4), 50);
    assert!(late("unplaced").is_empty(), "search does not give the string away");
    assert_eq!(cards(&late("early")), ["a"]);
    let edges = edges_on_board(&universe, &board, &Filters::default(), Horizon::Episode(4));
    assert_eq!(edges, [("a".to_string(), "c".to_string())]);
}

#[test]
fn a_board_within_a_horizon_leaves_out_what_comes_later() {
    let mut board = mole_board();
    board.cards.insert("note-2".into(), note("note-2", "", "Who is she?", None));
    for id in ["renee-ballard", "maddie-bosch", "note-1", "note-2"] {
        board.positions.insert(id.into(), Point::new(1.0, 2.0));
    }
    board.hidden.extend(["victims-mother".to_string(), "harry-bosch".to_string()]);
    board.strings.insert("s-maddie".into(), fan_string("s-maddie", "note-2", "maddie-bosch", "her?", "mole"));
    board.strings.insert("s-renee".into(), fan_string("s-renee", "renee-ballard", "note-2", "asks", "mole"));
    board.strings.insert("s-notes".into(), fan_string("s-notes", "note-1", "note-2", "same", "mole"));

    assert_eq!(board_within(&board, ballard(), Horizon::Everything), board);

    let early = board_within(&board, ballard(), Horizon::Episode(1));
    assert_eq!(early.positions.keys().collect::<Vec<_>>(), ["note-1", "note-2", "renee-ballard"]);
    assert_eq!(early.hidden, set(&["harry-bosch"]));
    assert_eq!(early.strings.keys().collect::<Vec<_>>(), ["s-1", "s-notes", "s-off", "s-renee"]);
    assert_eq!((&early.cards, &early.theories), (&board.cards, &board.theories));

    // Before any episode, the premise (Ballard, Bosch, Billets) is known all the same.
    let nothing = board_within(&board, ballard(), Horizon::Nothing);
    assert_eq!(nothing.positions.keys().collect::<Vec<_>>(), ["note-1", "note-2", "renee-ballard"]);
    assert_eq!(nothing.hidden, set(&["harry-bosch"]));
    assert_eq!(nothing.strings.keys().collect::<Vec<_>>(), ["s-1", "s-notes", "s-off", "s-renee"]);
}

#[test]
fn a_stored_horizon_reads_back_and_a_foreign_episode_is_refused() {
    for horizon in Horizon::options(10) {
        assert_eq!(parse_horizon(horizon_value(horizon), 10), Ok(horizon));
    }
    assert_eq!(horizon_value(Horizon::Everything), None);
    assert_eq!(horizon_value(Horizon::Nothing), Some(0));
    assert_eq!(horizon_value(Horizon::Episode(4)), Some(4));
    assert_eq!(parse_horizon(Some(11), 10), Err("episode 11 is not in this season".to_string()));
    assert_eq!(parse_horizon(Some(1), 0), Err("episode 1 is not in this season".to_string()));
    let huge = u64::MAX;
    assert_eq!(parse_horizon(Some(huge), 10), Err(format!("episode {huge} is not in this season")));
    assert_eq!(
        parse_horizon(Some(1 << 32), u32::MAX),
        Err(format!("episode {} is not in this season", 1u64 << 32))
    );
}

proptest! {
    #[test]
    fn search_never_panics_and_keeps_to_its_limit(query in any::<String>(), limit in 0..40usize) {
        let hits = search(ballard(), &mole_board(), &query, &everything, Horizon::Everything, limit);
        prop_assert!(hits.len() <= limit);
    }

    #[test]
    fn any_piece_of_a_note_finds_it(text in any::<String>(), skip in 0..60usize, take in 1..12usize) {
        let mut board = Board::new("ballard", 1);
        board.hidden.extend(ballard().entities.iter().map(|e| e.id.clone()));
        board.cards.insert("n".into(), note("n", "", &text, None));
        let piece: String = text.chars().skip(skip).take(take).collect();
        let hits = search(ballard(), &board, &piece, &everything, Horizon::Everything, 10);
        prop_assert_eq!(cards(&hits), if fold(piece.trim()).is_empty() { vec![] } else { vec!["n"] });
    }

    #[test]
    fn folding_is_idempotent(text in any::<String>()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }
}

#[test]
fn what_lies_beyond_the_season_waits_for_everything_whatever_else_it_says() {
    let mut maddie = ballard().entity("maddie-bosch").unwrap().clone();
    for (first, premise) in [(None, true), (Some(2), false)] {
        maddie.first_episode = first;
        maddie.premise = premise;
        assert!(!entity_known(&maddie, Horizon::Episode(10), 10));
        assert!(entity_known(&maddie, Horizon::Everything, 10));
    }
}
