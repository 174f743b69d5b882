use caseboard::formats::library::{self, file_name, Library};
use caseboard::session::keys::{self, board_id_of_key, board_key};
use proptest::prelude::*;

fn three_boards() -> Library {
    let mut library = Library::default();
    for (id, name) in [("a", "Season 1 as aired"), ("b", "My mole theory"), ("c", "Scratch")] {
        library.add(id, name, "ballard");
    }
    library.current = Some("b".to_string());
    library
}

#[test]
fn names_are_made_unique_trimmed_and_never_empty() {
    let mut library = three_boards();
    assert_eq!(library.add("d", "  My mole theory ", "ballard"), "My mole theory (2)");
    assert_eq!(library.add("e", "My mole theory", "ballard"), "My mole theory (3)");
    assert_eq!(library.add("f", "   ", "ballard"), "Untitled board");
    assert_eq!(library.rename("a", "Scratch").as_deref(), Some("Scratch (2)"));
    assert_eq!(library.rename("c", "Scratch").as_deref(), Some("Scratch"), "a board keeps its own name");
    assert_eq!(library.rename("missing", "x"), None);
    let long = "x".repeat(500);
    assert!(library.add("g", &long, "ballard").chars().count() <= caseboard::model::board::MAX_BOARD_NAME);
}

#[test]
fn removing_the_open_board_opens_a_neighbour() {
    let mut library = three_boards();
    library.remove("b");
    assert_eq!(library.current.as_deref(), Some("c"));
    library.remove("c");
    assert_eq!(library.current.as_deref(), Some("a"));
    library.remove("a");
    assert_eq!(library.current, None);
    assert!(library.to_open().is_none());
}

#[test]
fn the_last_open_board_reopens_else_the_first() {
    let mut library = three_boards();
    assert_eq!(library.to_open().map(|e| e.id.as_str()), Some("b"));
    library.current = Some("gone".to_string());
    assert_eq!(library.to_open().map(|e| e.id.as_str()), Some("a"));
}

#[test]
fn the_index_round_trips_and_bad_ones_say_why() {
    let library = three_boards();
    assert_eq!(library::decode(&library::encode(&library)).unwrap(), library);
    let newer = library::encode(&library).replace("\"version\":1", "\"version\":9");
    assert!(library::decode(&newer).unwrap_err().contains("newer Caseboard"));
    let repeated = r#"{"format":"caseboard-boards","version":1,"boards":[
        {"id":"a","name":"x","universe":"ballard"},{"id":"a","name":"y","universe":"ballard"}]}"#;
    assert!(library::decode(repeated).unwrap_err().contains("'a'"));
    let bad_id =
        r#"{"format":"caseboard-boards","version":1,"boards":[{"id":"a.b","name":"x","universe":"u"}]}"#;
    assert!(library::decode(bad_id).unwrap_err().contains("'a.b'"));
    assert!(library::decode(r#"{"format":"caseboard","version":1}"#).is_err());
    assert!(library::decode("not json").is_err());
    let extra = r#"{"format":"caseboard-boards","version":1,"boards":[],"later":true}"#;
    assert!(library::decode(extra).is_ok(), "unknown fields are ignored");
}

#[test]
fn board_keys_and_file_names() {
    assert_eq!(board_key("ballard"), "caseboard.board.ballard");
    assert_eq!(board_id_of_key("caseboard.board.b-1"), Some("b-1"));
    assert_eq!(board_id_of_key("caseboard.backup.1"), None);
    assert_eq!(board_id_of_key("caseboard.board.x/y"), None);
    assert_eq!(file_name("My mole theory", "caseboard.json"), "My mole theory.caseboard.json");
    assert_eq!(file_name("a/b:c?", "canvas"), "a-b-c-.canvas");
    assert_eq!(file_name(" .. ", "svg"), "board.svg");
}

proptest! {
    #[test]
    fn decoding_any_text_never_panics(text in ".{0,200}") {
        let _ = library::decode(&text);
    }

    #[test]
    fn added_names_are_always_distinct(names in proptest::collection::vec(".{0,12}", 1..20)) {
        let mut library = Library::default();
        for (i, name) in names.iter().enumerate() {
            library.add(&format!("b{i}"), name, "ballard");
        }
        let distinct: std::collections::HashSet<_> = library.boards.iter().map(|e| &e.name).collect();
        prop_assert_eq!(distinct.len(), names.len());
    }
}

#[test]
fn a_deleted_board_is_remembered_and_never_adopted_back() {
    let mut library = three_boards();
    library.remove("b");
    assert!(library.knows("b") && library.entry("b").is_none());
    assert!(!library.adopt("b", "My mole theory", "ballard"), "storage may still hold it");
    assert!(!library.adopt("a", "Season 1 as aired", "ballard"), "a listed board is not added twice");
    assert!(library.adopt("z", "Left unlisted by a crash", "ballard"));
    assert_eq!(library.entry("z").map(|e| e.name.as_str()), Some("Left unlisted by a crash"));
    let reread = library::decode(&library::encode(&library)).unwrap();
    assert_eq!(reread, library, "the index carries the deletion");
    assert!(reread.knows("b"));
}

#[test]
fn an_index_without_deletions_reads_and_writes_as_before() {
    let library = three_boards();
    assert!(!library::encode(&library).contains("deleted"));
    let hostile = r#"{"format":"caseboard-boards","version":1,"boards":[],"deleted":["../x"]}"#;
    assert!(library::decode(hostile).unwrap_err().contains("'../x'"));
}

#[test]
fn every_key_is_caseboards_own_and_reads_back() {
    for key in
        [keys::INDEX, keys::HINT_DISMISSED, &board_key("b-1"), &keys::universe_key("u"), &keys::backup_key(7)]
    {
        assert!(key.starts_with(keys::PREFIX), "{key}");
    }
    assert_eq!(keys::backup_time(&keys::backup_key(1_700_000_000_123)), Some(1_700_000_000_123));
    assert_eq!(keys::backup_time("caseboard.backup.x"), None);
    assert_eq!(keys::backup_time(&board_key("1")), None);
    assert_eq!(board_id_of_key(keys::INDEX), None, "the index is not a board");
}

proptest! {
    #[test]
    fn no_step_brings_a_deleted_board_back(steps in proptest::collection::vec((0u8..3, 0usize..6), 1..40)) {
        let mut library = Library::default();
        let mut deleted = std::collections::HashSet::new();
        for (step, n) in steps {
            let id = format!("b{n}");
            match step {
                0 if !library.knows(&id) => { library.add(&id, "x", "ballard"); }
                1 => { if library.entry(&id).is_some() { deleted.insert(id.clone()); } library.remove(&id); }
                _ => { library.adopt(&id, "x", "ballard"); }
            }
            for gone in &deleted {
                prop_assert!(library.entry(gone).is_none(), "{} came back", gone);
            }
            prop_assert_eq!(library::decode(&library::encode(&library)).unwrap(), library.clone());
        }
    }
}

proptest! {
    /// However long a name is asked for, and however many boards share it, the name given fits
    /// the board check ("<76 characters> (10)" once came to 81 and was refused after a reload),
    /// is cut only by whole characters, and keeps a name that fits whole.
    #[test]
    fn every_name_given_fits_a_board(wanted in prop_oneof!["\\PC{0,100}", "[é🕵x ]{70,90}"], count in 1usize..14) {
        use caseboard::model::board::MAX_BOARD_NAME;
        let mut library = Library::default();
        for i in 0..count {
            let given = library.add(&format!("b{i}"), &wanted, "ballard");
            prop_assert!(given.chars().count() <= MAX_BOARD_NAME, "{} is too long", given);
            let fits = wanted.trim().chars().count() <= MAX_BOARD_NAME && !wanted.trim().is_empty();
            if i == 0 && fits {
                prop_assert_eq!(given.as_str(), wanted.trim(), "a name that fits is kept whole");
            }
        }
    }
}

/// Names an earlier Caseboard gave past 80 characters ("<76 characters> (10)") are fitted when
/// the list is read, each still unique, and the names given are returned for the notice.
#[test]
fn names_past_the_cap_from_an_earlier_caseboard_are_fitted() {
    use caseboard::model::board::MAX_BOARD_NAME;
    let base = "x".repeat(76);
    let mut library = Library::default();
    library.add("a", &"x".repeat(80), "ballard");
    library.boards.push(library::Entry {
        id: "b".into(),
        name: format!("{base} (10)"),
        universe: "ballard".into(),
    });
    library.boards.push(library::Entry {
        id: "c".into(),
        name: format!("{base} (11)"),
        universe: "ballard".into(),
    });
    let given = library.fit_names();
    assert_eq!(given, [format!("{} (10)", "x".repeat(75)), format!("{} (11)", "x".repeat(75))]);
    assert!(library.boards.iter().all(|e| e.name.chars().count() <= MAX_BOARD_NAME));
    assert!(library.fit_names().is_empty(), "once fitted, nothing more to do");
}
