//! A returning fan's board as it looked when they left: the markup of the app's board, kept in
//! storage so that the next visit shows it before the app's code has arrived
//! (`static/snapshot.js` reads it, `session::snapshot` writes it). It names the build that drew
//! it and the board it is of: a page of another build, or one about to open another board,
//! shows the plain cork instead, so neither old markup nor another board passes for theirs.

use serde::Serialize;

/// Where it is kept (`session::keys::SNAPSHOT`). Storage gives it up first: a write that finds
/// storage full removes it and tries again (`web::storage::write`).
pub const KEY: &str = "caseboard.snapshot";
pub const FORMAT: &str = "caseboard-snapshot";
pub const VERSION: u64 = 1;
/// Characters of markup at most, about 400 KB of storage: a board culled to the view draws
/// about a hundred cards, far less; a picture is not worth more of the space the boards need.
pub const MAX_MARKUP: usize = 200_000;

#[derive(Serialize)]
struct Stored<'a> {
    format: &'a str,
    version: u64,
    build: &'a str,
    board: &'a str,
    markup: &'a str,
}

/// The stored form of the board `board`'s markup as build `build` drew it; None when the markup
/// is too long to be worth keeping.
pub fn encode(build: &str, board: &str, markup: &str) -> Option<String> {
    if markup.chars().count() > MAX_MARKUP {
        return None;
    }
    let stored = Stored { format: FORMAT, version: VERSION, build, board, markup };
    serde_json::to_string(&stored).ok()
}
