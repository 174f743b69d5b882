use caseboard::model::board::Arrangement;
mod support;

use caseboard::formats::link::{
    compressed_from_fragment, decode, encode, is_board_fragment, to_fragment, LinkError, Shared,
    MAX_FRAGMENT, MAX_PAYLOAD, MAX_RECORDS,
};
use caseboard::model::board::{Board, Confidence, FanCard, FanString, Theory};
use caseboard::model::geometry::{Point, Viewport};
use caseboard::model::layout::default_layout;
use caseboard::model::universe::{Kind, Universe, BALLARD_JSON};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use std::time::{Duration, Instant};
use support::fan_string;

fn ballard() -> &'static Universe {
    static UNIVERSE: std::sync::OnceLock<Universe> = std::sync::OnceLock::new();
    UNIVERSE.get_or_init(|| Universe::ballard().unwrap())
}

/// Ballard with its id or version changed.
fn ballard_with(field: &str, value: Value) -> Universe {
    let mut json: Value = serde_json::from_str(BALLARD_JSON).unwrap();
    json[field] = value;
    Universe::parse(&json.to_string()).unwrap()
}

fn canon(index: usize) -> String {
    ballard().entities[index].id.clone()
}

fn round_trip(shared: &Shared) -> Result<Shared, LinkError> {
    decode(&encode(shared, ballard()), ballard())
}

fn message(bytes: &[u8]) -> String {
    decode(bytes, ballard()).unwrap_err().to_string()
}

fn sample() -> Shared {
    let mut board = Board::new("ballard", 1);
    board.name = "Billets, la taupe — théorie 🕵".into();
    board.positions.insert("renee-ballard".into(), Point::new(10.0, -20.5));
    board.positions.insert("note-0193a7b2c4d-0001-1a2b".into(), Point::new(400.25, 900.0));
    board.positions.insert("card-0193a7b2c4e-0002-3c4d".into(), Point::new(-1200.0, 0.01));
    board.hidden.insert("harry-bosch".into());
    board.cards.insert(
        "note-0193a7b2c4d-0001-1a2b".into(),
        FanCard {
            id: "note-0193a7b2c4d-0001-1a2b".into(),
            kind: Kind::Note,
            title: String::new(),
            text: "Billets knew <b>all along</b>\nsee ep. 3".into(),
            theory: Some("theory-0193a7b2c40-0001-aa".into()),
            url: Some("https://example.org/ballard?ep=3&t=1".into()),
            canvas: Default::default(),
        },
    );
    board.cards.insert(
        "card-0193a7b2c4e-0002-3c4d".into(),
        FanCard {
            id: "card-0193a7b2c4e-0002-3c4d".into(),
            kind: Kind::Character,
            title: "The man in the grey car".into(),
            text: "Seen twice outside the station".into(),
            theory: None,
            url: None,
            canvas: Default::default(),
        },
    );
    for (id, name, colour, visible) in [
        ("theory-0193a7b2c40-0001-aa", "Billets is the mole", "#2a7de1", true),
        ("theory-b", "Red herring", "#C0FFEE", false),
    ] {
        board
            .theories
            .insert(id.into(), Theory { id: id.into(), name: name.into(), colour: colour.into(), visible });
    }
    let strings = [
        ("s-1", "note-0193a7b2c4d-0001-1a2b", "grace-billets", "covered up", "theory-0193a7b2c40-0001-aa"),
        ("s-2", "harry-bosch", "card-0193a7b2c4e-0002-3c4d", "", "theory-b"),
        ("s-3", "renee-ballard", "grace-billets", "trusts", "theory-b"),
    ];
    for (id, from, to, label, theory) in strings {
        board.strings.insert(id.into(), fan_string(id, from, to, label, theory));
    }
    board.viewport = Some(Viewport { x: 12.5, y: -40.0, zoom: 0.7513 });
    board.pinned.insert("renee-ballard".into());
    board.pinned.insert("note-0193a7b2c4d-0001-1a2b".into());
    Shared { board, horizon: Some(4) }
}

fn every_canon_card_moved() -> Shared {
    let mut board = Board::new("ballard", 1);
    for (id, home) in default_layout(ballard(), Arrangement::Wide) {
        board.positions.insert(id, home.offset(37.25, -12.5).rounded());
    }
    Shared { board, horizon: None }
}

fn fifty_theory_strings() -> Shared {
    let mut board = Board::new("ballard", 1);
    let theory = "theory-0193a7b2c40-0001-1a2b";
    let mole = Theory {
        id: theory.into(),
        name: "Billets is the mole".into(),
        colour: "#2a7de1".into(),
        visible: true,
    };
    board.theories.insert(theory.into(), mole);
    let labels = ["covered up", "lied to", "met in secret", "knew about", ""];
    let entities = ballard().entities.len();
    for n in 0..50 {
        let id = format!("string-0193a7b2{n:03x}-{n:04x}-3f9z");
        let string = FanString {
            id: id.clone(),
            from: canon(n % entities),
            to: canon((n * 7 + 3) % entities),
            label: labels[n % labels.len()].into(),
            theory: theory.into(),
            confidence: Confidence::ALL[n % 4],
            canvas: Default::default(),
        };
        board.strings.insert(id, string);
    }
    Shared { board, horizon: None }
}

/// A section as the format frames it (bodies here are shorter than 128 bytes: one length byte).
fn section(tag: u8, body: &[u8]) -> Vec<u8> {
    assert!(body.len() < 128);
    [&[tag, body.len() as u8][..], body].concat()
}

fn text(value: &str) -> Vec<u8> {
    assert!(value.len() < 128);
    [&[value.len() as u8][..], value.as_bytes()].concat()
}

/// A version 1 payload (canon cards by their place in the file) for Ballard version 1 with these
/// sections after the universe: links shared before the ids hash.
fn payload(sections: &[Vec<u8>]) -> Vec<u8> {
    let universe = section(1, &[text("ballard"), vec![1]].concat());
    [vec![1], universe, sections.concat()].concat()
}

/// FNV-1a (32 bits) of the ids in byte order, each followed by 0xff: the ids hash as the format
/// defines it, worked out here apart from the app's code.
fn fnv_of_ids(universe: &Universe) -> [u8; 4] {
    let mut ids: Vec<&str> = universe.entities.iter().map(|e| e.id.as_str()).collect();
    ids.sort();
    let mut hash: u32 = 0x811c_9dc5;
    for byte in ids.iter().flat_map(|id| id.bytes().chain([0xff])) {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash.to_le_bytes()
}

/// A canon card's place in id order, as version 2 counts it.
fn rank(id: &str) -> u8 {
    let mut ids: Vec<&str> = ballard().entities.iter().map(|e| e.id.as_str()).collect();
    ids.sort();
    ids.iter().position(|other| *other == id).unwrap() as u8
}

/// A version 2 payload for Ballard version 1 with these sections after the universe.
fn payload_v2(sections: &[Vec<u8>]) -> Vec<u8> {
    let universe = section(1, &[text("ballard"), vec![1], fnv_of_ids(ballard()).to_vec()].concat());
    [vec![2], universe, sections.concat()].concat()
}

#[test]
fn a_hand_built_board_survives_the_link() {
    let shared = sample();
    assert_eq!(round_trip(&shared), Ok(shared));
}

#[test]
fn the_default_board_with_every_canon_card_moved_survives_the_link() {
    let shared = every_canon_card_moved();
    assert_eq!(shared.board.positions.len(), ballard().entities.len());
    let bytes = encode(&shared, ballard());
    println!(
        "payload, default board with all {} canon cards moved: {} bytes uncompressed",
        ballard().entities.len(),
        bytes.len()
    );
    assert_eq!(decode(&bytes, ballard()), Ok(shared));
}

#[test]
fn fifty_theory_strings_survive_the_link() {
    let shared = fifty_theory_strings();
    assert_eq!(shared.board.strings.len(), 50);
    let bytes = encode(&shared, ballard());
    println!("payload, board with 50 theory strings: {} bytes uncompressed", bytes.len());
    assert_eq!(decode(&bytes, ballard()), Ok(shared));
}

/// Pins the format: links already shared must keep opening, so these bytes must not change. The
/// same board in the first layout (canon cards by their place in the file, no ids hash) still
/// opens as it did.
#[test]
fn the_payload_layout_is_as_documented() {
    let mut board = Board::new("ballard", 1);
    board.name = "Bö".into();
    board.hidden.insert(canon(0));
    board.positions.insert(canon(1), Point::new(1.5, -2.0));
    board.positions.insert("n".into(), Point::new(0.0, 0.01));
    board.theories.insert(
        "t".into(),
        Theory { id: "t".into(), name: "M".into(), colour: "#aabbcc".into(), visible: true },
    );
    let note = FanCard {
        id: "n".into(),
        kind: Kind::Note,
        title: String::new(),
        text: "hi".into(),
        theory: Some("t".into()),
        url: None,
        canvas: Default::default(),
    };
    board.cards.insert("n".into(), note);
    board.strings.insert("s".into(), fan_string("s", "n", &canon(0), "", "t"));
    board.viewport = Some(Viewport { x: 0.0, y: -0.01, zoom: 1.0 });
    let shared = Shared { board, horizon: Some(3) };
    let (first, second) = (rank(&canon(0)), rank(&canon(1)));
    let expected = payload_v2(&[
        section(2, &text("Bö")),
        section(3, &[1, first]),
        section(4, &[1, second, 0xac, 0x02, 0x8f, 0x03]),
        section(5, &[vec![1], text("t"), text("M"), text("#aabbcc"), vec![1]].concat()),
        section(6, &[vec![1], text("n"), vec![5], text(""), text("hi"), vec![1, 0, 2], text("")].concat()),
        section(7, &[vec![1], text("s"), vec![1, first * 2], text(""), vec![0, 1]].concat()),
        section(8, &[0, 1, 0xa0, 0x9c, 0x01]),
        section(9, &[3]),
    ]);
    assert_eq!(encode(&shared, ballard()), expected);
    assert_eq!(decode(&expected, ballard()), Ok(shared.clone()));
    let first_layout = payload(&[
        section(2, &text("Bö")),
        section(3, &[1, 0]),
        // Canon index 1 at x = 150 hundredths (zigzag 300), y = -200 (zigzag 399), as varints.
        section(4, &[1, 1, 0xac, 0x02, 0x8f, 0x03]),
        section(5, &[vec![1], text("t"), text("M"), text("#aabbcc"), vec![1]].concat()),
        // Kind 5 (note), theory index 0 written as 1, at (0, 1 hundredth).
        section(6, &[vec![1], text("n"), vec![5], text(""), text("hi"), vec![1, 0, 2], text("")].concat()),
        // From fan card 0 (0 × 2 + 1) to canon card 0 (0 × 2), theory 0, confidence 1 (likely).
        section(7, &[vec![1], text("s"), vec![1, 0], text(""), vec![0, 1]].concat()),
        // Zoom 1 is 10,000 ten-thousandths, zigzag 20,000.
        section(8, &[0, 1, 0xa0, 0x9c, 0x01]),
        section(9, &[3]),
    ]);
    assert_eq!(decode(&first_layout, ballard()), Ok(shared));
}

#[test]
fn unknown_sections_are_skipped_wherever_they_are() {
    let shared = sample();
    let bytes = encode(&shared, ballard());
    let (version, sections) = bytes.split_at(1);
    let with_future =
        [version, &section(200, b"from the future"), sections, &section(0, &[]), &section(11, &[7])].concat();
    assert_eq!(decode(&with_future, ballard()), Ok(shared));
}

#[test]
fn records_the_link_cannot_name_are_left_out() {
    let mut shared = sample();
    let clean = shared.clone();
    let board = &mut shared.board;
    board.hidden.insert("gone-from-the-universe".into());
    board.positions.insert("gone-from-the-universe".into(), Point::new(1.0, 1.0));
    let dangling =
        FanString { id: "s-dangling".into(), to: "deleted-note".into(), ..board.strings["s-1"].clone() };
    board.strings.insert(dangling.id.clone(), dangling);
    assert_eq!(round_trip(&shared), Ok(clean));
}

/// Ballard with one entity more (a universe changed), at `version`.
fn ballard_grown(version: u32) -> Universe {
    let mut json: Value = serde_json::from_str(BALLARD_JSON).unwrap();
    let mut extra = json["entities"][0].clone();
    extra["id"] = "a-new-witness".into();
    json["entities"].as_array_mut().unwrap().push(extra);
    json["version"] = version.into();
    Universe::parse(&json.to_string()).unwrap()
}

#[test]
fn a_link_for_another_universe_or_version_is_refused() {
    let dept_q = ballard_with("id", "dept-q".into());
    let shared = Shared { board: Board::new("dept-q", 1), horizon: None };
    assert_eq!(
        decode(&encode(&shared, &dept_q), ballard()).unwrap_err().to_string(),
        "the link is for the universe 'dept-q', not 'ballard'"
    );
    assert_eq!(
        decode(&encode(&sample(), &ballard_grown(2)), ballard()).unwrap_err().to_string(),
        "the link was made for another version of the universe 'ballard' (version 2; this Caseboard has version 1)"
    );
    assert_eq!(
        decode(&encode(&sample(), &ballard_grown(1)), ballard()).unwrap_err().to_string(),
        "the link was made for another version of the universe 'ballard' (both say version 1, but its cards are not the ones this browser has)"
    );
    // A first-layout link counts by place in the file, so it needs that very version.
    let first_layout = [vec![1], section(1, &[text("ballard"), vec![2]].concat())].concat();
    assert_eq!(
        message(&first_layout),
        "the link was made for another version of the universe 'ballard' (version 2; this Caseboard has version 1)"
    );
}

#[test]
fn a_later_version_with_the_same_cards_opens_the_link_by_id() {
    let ballard_2 = ballard_with("version", 2.into());
    assert_eq!(decode(&encode(&sample(), &ballard_2), ballard()), Ok(sample()));
    let mut there = sample();
    there.board.universe_version = 2;
    assert_eq!(decode(&encode(&sample(), ballard()), &ballard_2), Ok(there));
}

/// Ballard with its entities listed in `order` (a permutation of their places).
fn ballard_reordered(order: &[usize]) -> Universe {
    let mut json: Value = serde_json::from_str(BALLARD_JSON).unwrap();
    let entities = json["entities"].as_array().unwrap().clone();
    json["entities"] = order.iter().map(|&i| entities[i].clone()).collect::<Vec<Value>>().into();
    Universe::parse(&json.to_string()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// However the universe file orders its entities, a link names the same cards: made with
    /// one order and opened with another, it comes back as the same board, by id.
    #[test]
    fn a_link_names_canon_cards_by_id_whatever_the_universe_order(
        shared in any_shared(),
        order in Just((0..ballard().entities.len()).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let reordered = ballard_reordered(&order);
        prop_assert_eq!(reordered.ids_hash(), ballard().ids_hash());
        prop_assert_eq!(decode(&encode(&shared, ballard()), &reordered), Ok(shared.clone()));
        prop_assert_eq!(decode(&encode(&shared, &reordered), ballard()), Ok(shared.clone()));
        let changed = decode(&encode(&shared, ballard()), &ballard_grown(1));
        prop_assert!(matches!(changed, Err(LinkError::OtherUniverseCards { .. })), "{:?}", changed);
    }
}

#[test]
fn a_newer_or_foreign_payload_is_refused_with_its_reason() {
    assert_eq!(message(&[3, 1, 0]), "the link was made by a newer Caseboard (board format version 3)");
    assert_eq!(message(&[0]), "the link is damaged (it has no format version)");
    assert_eq!(message(&[]), "the link is cut short; copy all of it");
    assert_eq!(message(&[1]), "the link is damaged (it names no universe)");
    let huge = vec![1; MAX_PAYLOAD + 1];
    assert_eq!(
        message(&huge),
        format!("the board in the link is too large ({} bytes; at most 4194304)", MAX_PAYLOAD + 1)
    );
}

#[test]
fn damaged_payloads_say_what_is_wrong() {
    let cases: [(Vec<u8>, &str); 13] = [
        (payload(&[section(3, &[1, 99])]), "card index 99 is not in this universe"),
        (payload(&[section(3, &[2, 4, 4])]), &format!("'{}' appears twice among the hidden cards", canon(4))),
        (
            payload(&[section(4, &[1, 4, 0, 0]), section(4, &[1, 5, 0, 0])]),
            "the link is damaged (a section appears twice)",
        ),
        (
            payload(&[section(2, &[text("ok"), vec![0]].concat())]),
            "the link is damaged (a section is longer than its content)",
        ),
        (payload(&[section(2, &[2, 0xc3, 0x28])]), "the link is damaged (text that is not UTF-8)"),
        (payload(&[section(9, &[0xff; 11])]), "the link is damaged (a number is too large)"),
        (
            payload(&[section(9, &[0xff, 0xff, 0xff, 0xff, 0x7f])]),
            "the link is damaged (an episode beyond any show)",
        ),
        (
            payload(&[section(
                6,
                &[vec![1], text("n"), vec![9], text(""), text(""), vec![0, 0, 0]].concat(),
            )]),
            "the link is damaged (a card of unknown kind)",
        ),
        (
            payload(&[section(
                6,
                &[vec![1], text("renee-ballard"), vec![5], text(""), text(""), vec![0, 0, 0], text("")]
                    .concat(),
            )]),
            "'renee-ballard' appears twice among the cards",
        ),
        (
            payload(&[section(
                6,
                &[vec![1], text("n"), vec![5], text(""), text(""), vec![3, 0, 0]].concat(),
            )]),
            "the link refers to theory index 2, but holds only 0",
        ),
        (
            payload(&[
                section(5, &[vec![1], text("t"), text("T"), text("#123456"), vec![1]].concat()),
                // From fan card 0 (reference 1), but the link holds no fan cards.
                section(7, &[vec![1], text("s"), vec![1, 0], text(""), vec![0, 0]].concat()),
            ]),
            "the link refers to fan card index 0, but holds only 0",
        ),
        (
            payload(&[section(5, &[vec![1], text("t"), text("T"), text("#123456"), vec![2]].concat())]),
            "the link is damaged (a theory is neither shown nor hidden)",
        ),
        (
            payload(&[section(5, &[vec![1], text("t"), text("T"), text("red"), vec![1]].concat())]),
            "the board in the link is damaged (theory 't' has a colour that is not #rrggbb)",
        ),
    ];
    for (bytes, expected) in cases {
        assert_eq!(message(&bytes), expected, "{bytes:?}");
    }
}

#[test]
fn a_board_the_app_would_not_save_is_refused_with_the_save_check_message() {
    let mut shared = sample();
    let note = shared.board.cards.get_mut("note-0193a7b2c4d-0001-1a2b").unwrap();
    note.text = "x".repeat(caseboard::model::board::MAX_TEXT + 1);
    assert_eq!(
        round_trip(&shared).unwrap_err().to_string(),
        format!(
            "the board in the link is damaged (card 'note-0193a7b2c4d-0001-1a2b' has a text longer than {} characters)",
            caseboard::model::board::MAX_TEXT
        )
    );
    let mut shared = sample();
    shared.board.viewport = Some(Viewport { x: 0.0, y: 0.0, zoom: 0.0 });
    assert_eq!(
        round_trip(&shared).unwrap_err().to_string(),
        "the board in the link is damaged (the view is impossible)"
    );
}

#[test]
fn counts_beyond_the_limit_or_the_bytes_are_refused_at_once() {
    let too_many = payload(&[section(7, &[0xa1, 0x9c, 0x01])]);
    assert_eq!(message(&too_many), format!("the link holds {} strings, more than 20000", MAX_RECORDS + 1));
    // 20,000 strings claimed, three bytes there: refused before reading a single one.
    let claims_more = payload(&[section(7, &[0xa0, 0x9c, 0x01, 1, b's', 0])]);
    let started = Instant::now();
    assert_eq!(message(&claims_more), "the link is cut short; copy all of it");
    assert!(started.elapsed() < Duration::from_millis(100), "took {:?}", started.elapsed());
}

#[test]
fn a_cut_payload_is_refused() {
    let bytes = encode(&sample(), ballard());
    for cut in [1, 2, 10, bytes.len() / 2] {
        assert_eq!(
            decode(&bytes[..bytes.len() - cut], ballard()),
            Err(LinkError::CutShort),
            "{cut} bytes cut off"
        );
    }
}

#[test]
fn fragments_carry_base64url_without_padding() {
    let cases: [(&[u8], &str); 8] = [
        (b"", ""),
        (b"f", "Zg"),
        (b"fo", "Zm8"),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg"),
        (b"fooba", "Zm9vYmE"),
        (b"foobar", "Zm9vYmFy"),
        (&[0xfb, 0xff], "-_8"),
    ];
    for (bytes, encoded) in cases {
        let fragment = to_fragment(bytes);
        assert_eq!(fragment, format!("board=1.{encoded}"));
        assert_eq!(compressed_from_fragment(&fragment).as_deref(), Ok(bytes));
        assert_eq!(compressed_from_fragment(&format!("#{fragment}")).as_deref(), Ok(bytes));
    }
}

#[test]
fn bad_fragments_say_what_is_wrong() {
    let too_long = format!("board=1.{}", "A".repeat(MAX_FRAGMENT));
    let cases = [
        ("", "the link holds no board"),
        ("#section-2", "the link holds no board"),
        ("#board=AAAA", "the link holds no board"),
        ("#board=x.AAAA", "the link holds no board"),
        ("#board=0.AAAA", "the link holds no board"),
        ("#board=3.AAAA", "the link was made by a newer Caseboard (link version 3)"),
        ("#board=1.AB%20CD", "the link holds a character that does not belong in it ('%'); it may have been changed on the way"),
        ("#board=1.AAAA=", "the link holds a character that does not belong in it ('='); it may have been changed on the way"),
        ("#board=1.AAAAA", "the link is cut short; copy all of it"),
        (&too_long, "the link is too long (32776 characters; a board link has at most 32768)"),
    ];
    for (fragment, expected) in cases {
        assert_eq!(compressed_from_fragment(fragment).unwrap_err().to_string(), expected, "{fragment}");
    }
}

fn point() -> impl Strategy<Value = Point> {
    (-1e6..1e6f64, -1e6..1e6f64).prop_map(|(x, y)| Point::new(x, y).rounded())
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![
        Kind::Character,
        Kind::Case,
        Kind::Episode,
        Kind::Place,
        Kind::Evidence,
        Kind::Note,
    ])
}

prop_compose! {
    /// Any board the app could hold: capped text, strings in theories between existing cards.
    fn any_shared()(
        name in "\\PC{0,40}",
        theories in prop::collection::vec(("[a-z0-9-]{1,24}", "\\PC{0,30}", "#[0-9a-fA-F]{6}", any::<bool>()), 0..5),
        cards in prop::collection::vec(
            ("[a-z0-9-]{1,24}", kind(), "\\PC{0,40}", "\\PC{0,200}", any::<Option<Index>>(), point()), 0..10),
        strings in prop::collection::vec(
            ("[a-z0-9-]{1,24}", any::<Index>(), any::<Index>(), "\\PC{0,30}", any::<Index>(), any::<Index>()), 0..12),
        hidden in prop::collection::vec(any::<Index>(), 0..8),
        moved in prop::collection::vec((any::<Index>(), point()), 0..10),
        view in prop::option::of((-1e5..1e5f64, -1e5..1e5f64, Viewport::MIN_ZOOM..Viewport::MAX_ZOOM)),
        horizon in any::<Option<u32>>(),
    ) -> Shared {
        let entities = &ballard().entities;
        let mut board = Board::new("ballard", 1);
        board.name = name;
        for (id, name, colour, visible) in theories {
            board.theories.insert(id.clone(), Theory { id, name, colour, visible });
        }
        let theory_ids: Vec<String> = board.theories.keys().cloned().collect();
        for (id, kind, title, text, theory, at) in cards {
            // The app's ids are prefixed, so a fan card never takes a canon id.
            let id = format!("fan-{id}");
            let theory = theory.filter(|_| !theory_ids.is_empty()).map(|i| i.get(&theory_ids).clone());
            board.positions.insert(id.clone(), at);
            let url = (at.x > 0.0).then(|| format!("https://example.org/{}", id));
            board.cards.insert(id.clone(), FanCard { id, kind, title, text, theory, url, canvas: Default::default() });
        }
        let card_ids: Vec<String> =
            entities.iter().map(|e| e.id.clone()).chain(board.cards.keys().cloned()).collect();
        for (id, from, to, label, theory, confidence) in strings.into_iter().filter(|_| !theory_ids.is_empty()) {
            let (from, to) = (from.get(&card_ids).clone(), to.get(&card_ids).clone());
            let theory = theory.get(&theory_ids).clone();
            let confidence = *confidence.get(&Confidence::ALL);
            board.strings.insert(id.clone(), FanString { id, from, to, label, theory, confidence, canvas: Default::default() });
        }
        board.hidden.extend(hidden.iter().map(|i| i.get(entities).id.clone()));
        board.positions.extend(moved.iter().map(|(i, at)| (i.get(entities).id.clone(), *at)));
        board.viewport = view.map(|(x, y, zoom)| Viewport { x, y, zoom }.rounded());
        Shared { board, horizon }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_board_survives_the_link(shared in any_shared()) {
        prop_assert_eq!(round_trip(&shared), Ok(shared));
    }

    #[test]
    fn any_bytes_survive_the_fragment(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let fragment = to_fragment(&bytes);
        prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=.-_".contains(&b)));
        prop_assert_eq!(compressed_from_fragment(&fragment), Ok(bytes.clone()));
        prop_assert_eq!(compressed_from_fragment(&format!("#{fragment}")), Ok(bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn decoding_arbitrary_bytes_never_panics(versioned in any::<bool>(), bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        // Half the cases pass the version byte, to reach the sections.
        let bytes = if versioned { [&[1][..], &bytes].concat() } else { bytes };
        let _ = decode(&bytes, ballard());
    }

    #[test]
    fn decoding_a_mangled_link_never_panics(
        changes in prop::collection::vec((any::<Index>(), any::<u8>()), 1..4),
        cut in any::<Index>(),
    ) {
        let mut bytes = encode(&sample(), ballard());
        for (at, byte) in changes {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        bytes.truncate(cut.index(bytes.len()) + 1);
        let _ = decode(&bytes, ballard());
    }

    #[test]
    fn reading_arbitrary_fragments_never_panics(
        fragment in prop_oneof![".{0,300}", "#?board=[0-9]{0,25}\\.[A-Za-z0-9_=+/%-]{0,300}"],
    ) {
        if let Ok(bytes) = compressed_from_fragment(&fragment) {
            let _ = decode(&bytes, ballard());
        }
    }
}

#[test]
fn only_board_fragments_are_links() {
    assert!(is_board_fragment("#board=1.AAAA"));
    assert!(is_board_fragment("board=9.x"));
    assert!(is_board_fragment("#board="));
    assert!(!is_board_fragment("#top"));
    assert!(!is_board_fragment("#"));
    assert!(!is_board_fragment(""));
}

#[test]
fn a_tall_board_stays_tall_through_the_link() {
    let mut shared = fifty_theory_strings();
    shared.board.arrangement = Arrangement::Tall;
    assert_eq!(round_trip(&shared), Ok(shared.clone()));
    shared.board.arrangement = Arrangement::Wide;
    assert_eq!(round_trip(&shared), Ok(shared));
}

#[test]
fn a_name_past_the_cap_from_an_earlier_caseboard_still_opens() {
    let mut shared = sample();
    shared.board.name = format!("{} (10)", "x".repeat(76));
    assert_eq!(round_trip(&shared), Ok(shared));
}
