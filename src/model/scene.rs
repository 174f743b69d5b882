//! What is on the board, ready to draw or export: the cards the fan sees, where they are and
//! what their faces say, and the strings between them, resolved from the board and the universe.

use super::board::{Board, Confidence};
use super::filter::Filters;
use super::geometry::{Point, Rect};
use super::horizon::Horizon;
use super::layout::{card_size, pin};
use super::on_board::OnBoard;
use super::string_path::SaggingString;
use super::universe::{Kind, Universe};
use std::collections::HashMap;

/// The colour of canon string (the board's `--string-red`).
pub const CANON_RED: &str = "#b3141c";

/// The visible board, cards in drawing order (canon first, then the fan's).
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub cards: Vec<SceneCard>,
    pub strings: Vec<SceneString>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SceneCard {
    pub id: String,
    pub kind: Kind,
    /// Top-left and size, in world units.
    pub rect: Rect,
    /// May be empty for a fan's card.
    pub title: String,
    pub face: Face,
}

/// What a card says under its title.
#[derive(Clone, Debug, PartialEq)]
pub enum Face {
    Canon { actor: Option<String>, first_episode: Option<u32>, description: String },
    Fan { text: String },
}

impl Face {
    /// The lines the card shows, top to bottom (each may still need wrapping).
    pub fn lines(&self) -> Vec<String> {
        match self {
            Face::Canon { actor, first_episode, description } => actor
                .clone()
                .into_iter()
                .chain(first_episode.map(|n| format!("First seen: Episode {n}")))
                .chain(Some(description.clone()))
                .collect(),
            Face::Fan { text } => text.lines().map(str::to_string).collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SceneString {
    pub id: String,
    pub from: String,
    pub to: String,
    /// Where the string is tied: the pins of its two cards.
    pub from_pin: Point,
    pub to_pin: Point,
    pub label: String,
    /// `#rrggbb`: [`CANON_RED`] or the theory's colour.
    pub colour: String,
    pub thread: Thread,
}

impl SceneString {
    pub fn curve(&self) -> SaggingString {
        SaggingString::between(self.from_pin, self.to_pin)
    }
}

/// Whose string it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Thread {
    /// A relation of the show's, read from → to.
    Canon,
    /// One of the fan's strings, which has no direction.
    Theory { id: String, name: String, confidence: Confidence },
}

/// The board as the fan sees it under `horizon`, whatever the filters (see `model::on_board`).
pub fn scene(
    board: &Board,
    universe: &Universe,
    defaults: &HashMap<String, Point>,
    horizon: Horizon,
) -> Scene {
    let everything = Filters::default();
    let on_board = OnBoard { universe, board, filters: &everything, horizon };
    let mut cards: Vec<SceneCard> = on_board
        .canon_cards()
        .filter_map(|entity| {
            let origin = board.position(&entity.id, defaults)?;
            Some(SceneCard {
                id: entity.id.clone(),
                kind: entity.kind,
                rect: Rect::at(origin, card_size(entity.kind)),
                title: entity.name.clone(),
                face: Face::Canon {
                    actor: entity.actor.clone(),
                    // An episode is first seen in itself: saying so would only repeat its title.
                    first_episode: entity.first_episode.filter(|_| entity.kind != Kind::Episode),
                    description: entity.description.clone(),
                },
            })
        })
        .collect();
    cards.extend(on_board.fan_cards().filter_map(|card| {
        let origin = board.positions.get(&card.id)?;
        Some(SceneCard {
            id: card.id.clone(),
            kind: card.kind,
            rect: Rect::at(*origin, card_size(card.kind)),
            title: card.title.clone(),
            face: Face::Fan { text: card.text.clone() },
        })
    }));

    let placed: HashMap<&str, &SceneCard> = cards.iter().map(|c| (c.id.as_str(), c)).collect();
    let pins = |from: &str, to: &str| {
        let (from, to) = (placed.get(from)?, placed.get(to)?);
        Some((pin(from.rect.origin(), from.kind), pin(to.rect.origin(), to.kind)))
    };
    let canon = on_board.canon_links().filter_map(|link| {
        let (from_pin, to_pin) = pins(&link.from, &link.to)?;
        Some(SceneString {
            id: link.id.clone(),
            from: link.from.clone(),
            to: link.to.clone(),
            from_pin,
            to_pin,
            label: link.label.clone(),
            colour: CANON_RED.to_string(),
            thread: Thread::Canon,
        })
    });
    let fan = on_board.fan_strings().filter_map(|string| {
        let theory = board.theories.get(&string.theory)?;
        let (from_pin, to_pin) = pins(&string.from, &string.to)?;
        Some(SceneString {
            id: string.id.clone(),
            from: string.from.clone(),
            to: string.to.clone(),
            from_pin,
            to_pin,
            label: string.label.clone(),
            colour: theory.colour.clone(),
            thread: Thread::Theory {
                id: theory.id.clone(),
                name: theory.name.clone(),
                confidence: string.confidence,
            },
        })
    });
    let strings = canon.chain(fan).collect();
    Scene { cards, strings }
}

/// The words a canon card shows above its title, if its kind has any.
pub fn kind_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Case => "Case file",
        Kind::Place => "Location",
        Kind::Evidence => "Evidence",
        Kind::Character | Kind::Episode | Kind::Note => "",
    }
}

/// Two letters for a photo without a photo: "Lt. Grace Billets" → "GB".
pub fn initials(name: &str) -> String {
    const SKIP: [&str; 5] = ["the", "a", "lt.", "dr.", "an"];
    name.split_whitespace()
        .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}
