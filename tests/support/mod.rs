//! What more than one test file needs. Each test file is its own crate and uses only part of it.
#![allow(dead_code)]

use caseboard::formats::canvas;
use caseboard::model::board::{Arrangement, Board, Confidence, FanCard, FanString, Theory};
use caseboard::model::geometry::Point;
use caseboard::model::horizon::Horizon;
use caseboard::model::layout::default_layout;
use caseboard::model::scene::scene;
use caseboard::model::universe::{Kind, Universe};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped universe, read once per test crate.
pub fn ballard() -> &'static Universe {
    static UNIVERSE: OnceLock<Universe> = OnceLock::new();
    UNIVERSE.get_or_init(|| Universe::ballard().unwrap())
}

/// Where the shipped universe's cards start on a wide board.
pub fn wide_defaults() -> &'static HashMap<String, Point> {
    static DEFAULTS: OnceLock<HashMap<String, Point>> = OnceLock::new();
    DEFAULTS.get_or_init(|| default_layout(ballard(), Arrangement::Wide))
}

/// A Ballard board as "Export for Obsidian" writes it, with nothing beyond a horizon.
pub fn exported(board: &Board) -> String {
    canvas::export(&scene(board, ballard(), wide_defaults(), Horizon::Everything), board)
}

/// A fan's string of `theory`, marked likely.
pub fn fan_string(id: &str, from: &str, to: &str, label: &str, theory: &str) -> FanString {
    FanString {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        label: label.into(),
        theory: theory.into(),
        confidence: Confidence::Likely,
        canvas: Default::default(),
    }
}

/// xorshift64*: a small, seedable generator, so generated inputs are the same on every run and a
/// failing one can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A sticky note of the fan's, in `theory` if any.
pub fn note(id: &str, title: &str, text: &str, theory: Option<&str>) -> FanCard {
    FanCard {
        id: id.into(),
        kind: Kind::Note,
        title: title.into(),
        text: text.into(),
        theory: theory.map(str::to_string),
        url: None,
        canvas: Default::default(),
    }
}

/// A theory named "Theory <id>".
pub fn theory(id: &str, colour: &str, visible: bool) -> Theory {
    Theory { id: id.into(), name: format!("Theory {id}"), colour: colour.into(), visible }
}
