//! The universe: a show's canon (entities and the strings between them), read-only.

use super::order::sorted_indices;
use crate::formats::plain::plain_json_error;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The largest universe file read, in bytes, and the most entities and strings it may hold.
pub const MAX_UNIVERSE_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_ENTITIES: usize = 10_000;
pub const MAX_LINKS: usize = 50_000;
/// More episodes than any season has: the timeline lists each one.
pub const MAX_EPISODES: u32 = 1_000;
/// The longest id, name or label, and the longest description or source quote (characters).
pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 2_000;

/// The universe shipped with every copy of the app.
pub const BALLARD_JSON: &str = include_str!("../../data/ballard.json");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Character,
    Case,
    Episode,
    Place,
    Evidence,
    /// A fan's sticky note; never part of a universe.
    Note,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Character, Kind::Case, Kind::Episode, Kind::Place, Kind::Evidence, Kind::Note];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Character => "character",
            Kind::Case => "case",
            Kind::Episode => "episode",
            Kind::Place => "place",
            Kind::Evidence => "evidence",
            Kind::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    pub description: String,
    /// The episode this entity is first known in, where the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_episode: Option<u32>,
    /// True when the source presents it as the show's set-up, known before any episode's reveals.
    #[serde(default)]
    pub premise: bool,
    /// True when the source places it beyond the season (a planned spinoff, say): only
    /// "Everything" shows it, not even the last episode.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outside_season: bool,
    /// An episode's number (episodes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The sentence of the source this entity rests on.
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CanonLink {
    pub id: String,
    pub from: String,
    pub to: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_episode: Option<u32>,
    #[serde(default)]
    pub premise: bool,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Universe {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub episodes: u32,
    pub source: String,
    pub entities: Vec<Entity>,
    pub links: Vec<CanonLink>,
    /// Each entity's place in `entities`, by id.
    #[serde(skip)]
    index: HashMap<String, usize>,
    /// The canon strings' ids.
    #[serde(skip)]
    link_ids: HashSet<String>,
    /// The entities' places in `entities`, in id order, and each entity's place in that order:
    /// share links count canon cards this way, so the order a file lists them in never matters.
    #[serde(skip)]
    by_id: Vec<usize>,
    #[serde(skip)]
    rank: Vec<usize>,
    /// [`ids_hash`] of the entity ids in id order.
    #[serde(skip)]
    ids_hash: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UniverseError {
    Json(String),
    Empty(&'static str),
    MissingField { id: String, field: &'static str },
    DuplicateId(String),
    UnknownEndpoint { link: String, missing: String },
    SelfLink(String),
    EpisodeOutOfRange { id: String, episode: u32 },
    NoteInUniverse(String),
    TooLarge(String),
    TooLong { id: String, field: &'static str },
}

impl fmt::Display for UniverseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UniverseError::Json(e) => {
                write!(f, "the universe file could not be read: {e}")
            }
            UniverseError::Empty(what) => write!(f, "the universe has no {what}"),
            UniverseError::MissingField { id, field } => write!(f, "'{id}' has an empty {field}"),
            UniverseError::DuplicateId(id) => write!(f, "the id '{id}' is used more than once"),
            UniverseError::UnknownEndpoint { link, missing } => {
                write!(f, "string '{link}' refers to '{missing}', which is not an entity")
            }
            UniverseError::SelfLink(id) => write!(f, "string '{id}' ties a card to itself"),
            UniverseError::TooLarge(what) => write!(f, "the universe is too large: {what}"),
            UniverseError::TooLong { id, field } => write!(f, "'{id}' has a {field} longer than allowed"),
            UniverseError::NoteInUniverse(id) => {
                write!(f, "'{id}' is a note; notes are the fan's, not the universe's")
            }
            UniverseError::EpisodeOutOfRange { id, episode } => {
                write!(f, "'{id}' names episode {episode}, outside the show's episodes")
            }
        }
    }
}

impl std::error::Error for UniverseError {}

impl Universe {
    /// Parses and validates a universe file.
    pub fn parse(json: &str) -> Result<Universe, UniverseError> {
        if json.len() > MAX_UNIVERSE_BYTES {
            return Err(UniverseError::TooLarge(format!(
                "{} bytes, at most {MAX_UNIVERSE_BYTES}",
                json.len()
            )));
        }
        let mut universe: Universe =
            serde_json::from_str(json).map_err(|e| UniverseError::Json(plain_json_error(&e.to_string())))?;
        universe.validate()?;
        universe.order_ids();
        Ok(universe)
    }

    /// The *Ballard* universe embedded in the app.
    pub fn ballard() -> Result<Universe, UniverseError> {
        Universe::parse(BALLARD_JSON)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.entities[i])
    }

    /// The entity's place among the entities in id order (how share links name it).
    pub fn canon_rank(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&i| self.rank[i])
    }

    /// The entity at this place in id order.
    pub fn entity_by_rank(&self, rank: usize) -> Option<&Entity> {
        self.by_id.get(rank).map(|&i| &self.entities[i])
    }

    /// A hash of the entity ids in id order: two universes with the same hash (almost surely)
    /// have the same entities, so a link's ranks name the same cards in both.
    pub fn ids_hash(&self) -> u32 {
        self.ids_hash
    }

    /// True when an entity or a canon string has this id: a fan's card or string may not take it.
    pub fn is_canon_id(&self, id: &str) -> bool {
        self.index.contains_key(id) || self.link_ids.contains(id)
    }

    /// Checks the universe, indexing its ids on the way. Every check is a pass over the entities
    /// and strings with look-ups in the index, never a search of a list, so the work grows with
    /// the universe, not with its square.
    fn validate(&mut self) -> Result<(), UniverseError> {
        if self.id.trim().is_empty() {
            return Err(UniverseError::Empty("id"));
        }
        if self.entities.is_empty() {
            return Err(UniverseError::Empty("entities"));
        }
        if self.episodes > MAX_EPISODES {
            return Err(UniverseError::TooLarge(format!(
                "{} episodes, at most {MAX_EPISODES}",
                self.episodes
            )));
        }
        if self.entities.len() > MAX_ENTITIES || self.links.len() > MAX_LINKS {
            return Err(UniverseError::TooLarge(format!(
                "{} entities and {} strings, at most {MAX_ENTITIES} and {MAX_LINKS}",
                self.entities.len(),
                self.links.len()
            )));
        }
        let long = |text: &str, max: usize| text.chars().count() > max;
        let texts = self.entities.iter().flat_map(|e| {
            let short = [("id", &e.id), ("name", &e.name)].map(|(f, t)| (&e.id, f, t, MAX_SHORT_TEXT));
            let actor = e.actor.iter().map(move |a| (&e.id, "actor", a, MAX_SHORT_TEXT));
            let longs = [("description", &e.description), ("source", &e.source)]
                .map(|(f, t)| (&e.id, f, t, MAX_LONG_TEXT));
            short.into_iter().chain(actor).chain(longs)
        });
        let link_texts = self.links.iter().flat_map(|l| {
            [
                ("id", &l.id, MAX_SHORT_TEXT),
                ("label", &l.label, MAX_SHORT_TEXT),
                ("source", &l.source, MAX_LONG_TEXT),
            ]
            .map(|(f, t, max)| (&l.id, f, t, max))
        });
        if let Some((id, field, _, _)) = texts.chain(link_texts).find(|(_, _, t, max)| long(t, *max)) {
            return Err(UniverseError::TooLong { id: id.clone(), field });
        }
        self.index_ids()?;
        for entity in &self.entities {
            if entity.kind == Kind::Note {
                return Err(UniverseError::NoteInUniverse(entity.id.clone()));
            }
            self.check_text(&entity.id, "name", &entity.name)?;
            self.check_text(&entity.id, "source", &entity.source)?;
            self.check_episode(&entity.id, entity.first_episode)?;
            self.check_episode(&entity.id, entity.number)?;
        }
        for link in &self.links {
            for end in [&link.from, &link.to] {
                if !self.index.contains_key(end.as_str()) {
                    return Err(UniverseError::UnknownEndpoint {
                        link: link.id.clone(),
                        missing: end.clone(),
                    });
                }
            }
            if link.from == link.to {
                return Err(UniverseError::SelfLink(link.id.clone()));
            }
            self.check_text(&link.id, "label", &link.label)?;
            self.check_text(&link.id, "source", &link.source)?;
            self.check_episode(&link.id, link.first_episode)?;
        }
        Ok(())
    }

    /// Orders the entity ids (one sort, `model::order`) and hashes them in that order.
    fn order_ids(&mut self) {
        let entities = &self.entities;
        self.by_id = sorted_indices(entities.len(), &|a, b| entities[a].id.cmp(&entities[b].id));
        self.rank = vec![0; entities.len()];
        for (rank, &place) in self.by_id.iter().enumerate() {
            self.rank[place] = rank;
        }
        self.ids_hash = ids_hash(self.by_id.iter().map(|&i| entities[i].id.as_str()));
    }

    /// Fills the index of entity ids and the set of string ids, refusing an empty id or one used
    /// twice: entities and strings share one space of ids, since a board names either by id.
    fn index_ids(&mut self) -> Result<(), UniverseError> {
        let mut index = HashMap::with_capacity(self.entities.len());
        let mut link_ids = HashSet::with_capacity(self.links.len());
        let entity_ids = self.entities.iter().map(|e| &e.id).enumerate();
        for (i, id) in entity_ids {
            if id.trim().is_empty() {
                return Err(UniverseError::Empty("id on one of its entries"));
            }
            if index.insert(id.clone(), i).is_some() {
                return Err(UniverseError::DuplicateId(id.clone()));
            }
        }
        for id in self.links.iter().map(|l| &l.id) {
            if id.trim().is_empty() {
                return Err(UniverseError::Empty("id on one of its entries"));
            }
            if index.contains_key(id) || !link_ids.insert(id.clone()) {
                return Err(UniverseError::DuplicateId(id.clone()));
            }
        }
        (self.index, self.link_ids) = (index, link_ids);
        Ok(())
    }

    fn check_text(&self, id: &str, field: &'static str, text: &str) -> Result<(), UniverseError> {
        if text.trim().is_empty() {
            return Err(UniverseError::MissingField { id: id.to_string(), field });
        }
        Ok(())
    }

    fn check_episode(&self, id: &str, episode: Option<u32>) -> Result<(), UniverseError> {
        match episode {
            Some(n) if n == 0 || n > self.episodes => {
                Err(UniverseError::EpisodeOutOfRange { id: id.to_string(), episode: n })
            }
            _ => Ok(()),
        }
    }
}

/// FNV-1a (32 bits) of the ids, each followed by the byte 0xff, which UTF-8 never holds, so no
/// two lists of ids run together into the same bytes. Small and stable: the hash is part of the
/// share-link format and must never change.
pub fn ids_hash<'a>(ids: impl Iterator<Item = &'a str>) -> u32 {
    const OFFSET: u32 = 0x811c_9dc5;
    const PRIME: u32 = 0x0100_0193;
    let bytes = ids.flat_map(|id| id.bytes().chain([0xff]));
    bytes.fold(OFFSET, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(PRIME))
}
