//! The save envelope: `{"format": "caseboard", "version": N, ...}` around a board,
//! with migrations from every older version to the current one.

use crate::model::board::Board;
use crate::model::geometry::{Point, Viewport};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

pub const FORMAT: &str = "caseboard";
pub const CURRENT_VERSION: u64 = 1;
/// Larger stored text is refused rather than parsed.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Turns a version-N envelope into a version-N+1 one; entry i migrates version i + 1.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The migrations of the shipped format, oldest first. Empty while version 1 is the only one.
pub const MIGRATIONS: &[Migration] = &[];

#[derive(Clone, Debug, PartialEq)]
pub enum EnvelopeError {
    TooLarge(usize),
    NotJson(String),
    Foreign,
    MissingVersion,
    Newer { found: u64 },
    Invalid(String),
    OtherUniverse { found: String },
}

impl fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvelopeError::TooLarge(n) => write!(f, "it is {n} bytes, more than a board can be"),
            EnvelopeError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            EnvelopeError::Foreign => write!(f, "it is not a Caseboard board"),
            EnvelopeError::MissingVersion => write!(f, "it has no format version"),
            EnvelopeError::Newer { found } => write!(
                f,
                "it was saved by a newer Caseboard (format version {found}; this one reads up to {CURRENT_VERSION})"
            ),
            EnvelopeError::Invalid(e) => write!(f, "its content is damaged ({e})"),
            EnvelopeError::OtherUniverse { found } => write!(f, "it belongs to the universe '{found}'"),
        }
    }
}

impl std::error::Error for EnvelopeError {}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeV1 {
    format: String,
    version: u64,
    universe: UniverseRef,
    board: BoardV1,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct UniverseRef {
    id: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoardV1 {
    #[serde(default)]
    moved: BTreeMap<String, Point>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    viewport: Option<Viewport>,
}

/// Writes a board in the current envelope.
pub fn encode(board: &Board) -> String {
    let envelope = EnvelopeV1 {
        format: FORMAT.to_string(),
        version: CURRENT_VERSION,
        universe: UniverseRef {
            id: board.universe_id.clone(),
            version: board.universe_version,
        },
        board: BoardV1 {
            moved: board.moved.clone(),
            viewport: board.viewport,
        },
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a board saved by any version up to the current one, for the universe `universe_id`.
pub fn decode(text: &str, universe_id: &str) -> Result<Board, EnvelopeError> {
    decode_with(text, universe_id, MIGRATIONS)
}

/// [`decode`] with an explicit migration list, so the migration path can be tested.
pub fn decode_with(
    text: &str,
    universe_id: &str,
    migrations: &[Migration],
) -> Result<Board, EnvelopeError> {
    if text.len() > MAX_BYTES {
        return Err(EnvelopeError::TooLarge(text.len()));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(EnvelopeError::Foreign);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(EnvelopeError::MissingVersion)?;
    let latest = migrations.len() as u64 + 1;
    if version > latest {
        return Err(EnvelopeError::Newer { found: version });
    }
    if version == 0 {
        return Err(EnvelopeError::MissingVersion);
    }
    let mut value = value;
    for migrate in &migrations[(version - 1) as usize..] {
        value = migrate(value).map_err(EnvelopeError::Invalid)?;
    }
    let envelope: EnvelopeV1 =
        serde_json::from_value(value).map_err(|e| EnvelopeError::Invalid(e.to_string()))?;
    if envelope.universe.id != universe_id {
        return Err(EnvelopeError::OtherUniverse {
            found: envelope.universe.id,
        });
    }
    let board = Board {
        universe_id: envelope.universe.id,
        universe_version: envelope.universe.version,
        moved: envelope.board.moved,
        viewport: envelope.board.viewport,
    };
    check(&board)?;
    Ok(board)
}

fn check(board: &Board) -> Result<(), EnvelopeError> {
    const LIMIT: f64 = 1.0e7;
    let sane = |v: f64| v.is_finite() && v.abs() < LIMIT;
    if let Some((id, _)) = board.moved.iter().find(|(_, p)| !(sane(p.x) && sane(p.y))) {
        return Err(EnvelopeError::Invalid(format!(
            "card '{id}' has an impossible position"
        )));
    }
    if let Some(v) = board.viewport {
        if !(v.is_valid() && sane(v.x) && sane(v.y)) {
            return Err(EnvelopeError::Invalid("the view is impossible".to_string()));
        }
    }
    Ok(())
}
