//! Mutation fuzzing of every decoder: valid seeds, damaged at random (bytes flipped, inserted,
//! deleted, spliced, cut), fed to each decoder, which must return a value or an error and never
//! panic. The test suite runs 20,000 inputs per decoder; a long run is
//! `FUZZ_CASES=1000000 cargo test --release --test fuzz -- --nocapture`.

use caseboard::formats::{canvas, envelope, library, link};
use caseboard::model::universe::Universe;

mod support;
use support::Rng;

/// Bytes that matter to the formats, more likely to break a parser than random ones.
const INTERESTING: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"null",
    b"-1",
    b"1e309",
    b"NaN",
    b"\\u0000",
    b"\xff",
    b"\x80",
    b"\"format\":\"caseboard\"",
    b"\"version\":99",
    b"0",
    b"\x7f\x7f\x7f\x7f\x7f",
];

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = at.min(data.len() - 1);
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                data.splice(at..at, piece.iter().copied());
            }
            2 if at < data.len() => {
                let end = (at + 1 + rng.below(16)).min(data.len());
                data.drain(at..end);
            }
            3 => data.truncate(at),
            4 if !data.is_empty() => {
                let from = rng.below(data.len());
                let end = (from + 1 + rng.below(32)).min(data.len());
                let copy = data[from..end].to_vec();
                data.splice(at..at, copy);
            }
            _ => data.push(rng.next() as u8),
        }
    }
    data
}

fn cases() -> usize {
    std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000)
}

/// Runs `decode` on `cases()` mutations of the seeds and reports how many it accepted.
fn fuzz(name: &str, seeds: &[Vec<u8>], decode: impl Fn(&[u8]) -> bool) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ name.len() as u64);
    let (total, mut accepted) = (cases(), 0usize);
    for i in 0..total {
        let input = mutate(&seeds[i % seeds.len()], &mut rng);
        accepted += usize::from(decode(&input));
    }
    println!("{name}: {total} inputs, {accepted} accepted, the rest refused, no panic");
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ballard() -> Universe {
    Universe::ballard().unwrap()
}

#[test]
fn the_save_envelope_and_board_files() {
    let seeds = [
        r##"{"format":"caseboard","version":2,"name":"M","revision":3,"universe":{"id":"ballard","version":1},"board":{"positions":{"n":{"x":1.5,"y":2},"harry-bosch":{"x":-3,"y":4}},"hidden":["maddie-bosch"],"cards":[{"id":"n","kind":"note","title":"","text":"hi","theory":"t","url":"https://x.org"}],"strings":[{"id":"s","from":"n","to":"harry-bosch","label":"l","theory":"t","confidence":"likely"}],"theories":[{"id":"t","name":"T","colour":"#123456","visible":true}],"viewport":{"x":1,"y":2,"zoom":0.5}}}"##,
        r#"{"format":"caseboard","version":1,"universe":{"id":"ballard","version":1},"board":{"moved":{"harry-bosch":{"x":5,"y":6}}}}"#,
    ]
    .map(|s| s.as_bytes().to_vec());
    let universe = ballard();
    fuzz("save envelope", &seeds, |bytes| {
        let text = text(bytes);
        let _ = envelope::peek(&text);
        envelope::decode(&text, "ballard").is_ok_and(|b| envelope::check_against(&b, &universe).is_ok())
    });
}

#[test]
fn the_board_index() {
    let seeds = [br#"{"format":"caseboard-boards","version":1,"current":"a","boards":[{"id":"a","name":"A","universe":"ballard"},{"id":"b-1","name":"B","universe":"x"}]}"#.to_vec()];
    fuzz("board index", &seeds, |bytes| library::decode(&text(bytes)).is_ok());
}

#[test]
fn share_links() {
    let universe = ballard();
    let mut board = caseboard::model::board::Board::new("ballard", 1);
    let stored = envelope::decode(
        r##"{"format":"caseboard","version":2,"name":"M","universe":{"id":"ballard","version":1},"board":{"positions":{"n":{"x":1.5,"y":2},"harry-bosch":{"x":-3,"y":4}},"hidden":["maddie-bosch"],"cards":[{"id":"n","kind":"note","text":"hi","theory":"t"}],"strings":[{"id":"s","from":"n","to":"harry-bosch","label":"l","theory":"t","confidence":"likely"}],"theories":[{"id":"t","name":"T","colour":"#123456"}],"viewport":{"x":1,"y":2,"zoom":0.5}}}"##,
        "ballard",
    )
    .unwrap();
    // The first layout too (canon cards by their place in the file): links shared before the
    // ids hash, hiding the first card.
    let first_layout = [&[1, 1, 9, 7][..], b"ballard", &[1, 3, 2, 1, 0]].concat();
    let seeds = [
        link::encode(&link::Shared { board: stored, horizon: Some(3) }, &universe),
        link::encode(&link::Shared { board: std::mem::take(&mut board), horizon: None }, &universe),
        first_layout,
    ];
    fuzz("share link payload", &seeds, |bytes| link::decode(bytes, &universe).is_ok());
    let fragments = [link::to_fragment(&seeds[0]).into_bytes(), b"#board=1.AAAA".to_vec()];
    fuzz("share link fragment", &fragments, |bytes| link::compressed_from_fragment(&text(bytes)).is_ok());
}

#[test]
fn json_canvas() {
    let fixture =
        |name: &str| std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let seeds = [
        fixture("every-node.canvas"),
        br#"{"nodes":[{"id":"a","type":"text","x":0,"y":0,"width":10,"height":10,"text":"t"}],"edges":[]}"#
            .to_vec(),
    ];
    let universe = ballard();
    fuzz("JSON Canvas", &seeds, |bytes| {
        let text = text(bytes);
        let _ = canvas::looks_like_canvas(&text);
        canvas::import(&text, "fuzz", &universe).is_ok()
    });
}

#[test]
fn universes() {
    let seeds = [std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/example-universe.json")).unwrap()];
    fuzz("universe", &seeds, |bytes| Universe::parse(&text(bytes)).is_ok());
}
