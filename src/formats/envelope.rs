//! The save envelope: `{"format": "caseboard", "version": N, ...}` around a board,
//! with migrations from every older version to the current one.

use crate::formats::plain::plain_json_error;
use crate::model::board::{
    is_hex_colour, is_web_url, Arrangement, Board, FanCard, FanString, Theory, MAX_BOARD_NAME, MAX_LABEL,
    MAX_TEXT, MAX_THEORY_NAME, MAX_TITLE, MAX_URL,
};
use crate::model::filter::Filters;
use crate::model::geometry::{Point, Viewport};
use crate::model::kept::CanvasDocument;
use crate::model::universe::Universe;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub const FORMAT: &str = "caseboard";
pub const CURRENT_VERSION: u64 = 2;
/// Larger stored text is refused rather than parsed.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The largest file imported (a board file, a canvas or a universe).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Turns a version-N envelope into a version-N+1 one; entry i migrates version i + 1.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The migrations of the shipped format, oldest first.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// The most records of each kind a stored board may hold.
pub const MAX_RECORDS: usize = 50_000;
/// More kind names than any filter holds: a longer list is damaged or hostile.
const MAX_FILTERED_KINDS: usize = 32;

/// Version 1 held only moved canon cards, under `moved`; version 2 adds the fan's cards,
/// strings, theories and hidden cards, and keeps every position under `positions`.
fn v1_to_v2(mut value: Value) -> Result<Value, String> {
    let board = value.get_mut("board").and_then(Value::as_object_mut).ok_or("it has no board")?;
    if let Some(moved) = board.remove("moved") {
        board.insert("positions".to_string(), moved);
    }
    value["version"] = Value::from(2);
    Ok(value)
}

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
struct Envelope {
    format: String,
    version: u64,
    #[serde(default)]
    name: String,
    /// Counts saves, so no tab writes an older board over a newer one.
    #[serde(default)]
    revision: u64,
    universe: UniverseRef,
    board: StoredBoard,
}

#[derive(Serialize, Deserialize)]
struct UniverseRef {
    id: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct StoredBoard {
    #[serde(default, deserialize_with = "unique_positions")]
    positions: BTreeMap<String, Point>,
    #[serde(default)]
    hidden: BTreeSet<String>,
    #[serde(default)]
    cards: Vec<FanCard>,
    #[serde(default)]
    strings: Vec<FanString>,
    #[serde(default)]
    theories: Vec<Theory>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pinned: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    viewport: Option<Viewport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    horizon: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    filters: Option<StoredFilters>,
    /// "tall" for a board laid out for a portrait screen; absent (or anything else) for wide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    arrangement: Option<String>,
    /// What a board made from a JSON Canvas keeps of the document (see `model::kept`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    canvas: Option<CanvasDocument>,
}

/// What the fan hides from view; kinds by name, so an unknown one never makes a board unreadable.
#[derive(Serialize, Deserialize)]
struct StoredFilters {
    #[serde(default)]
    hidden_kinds: BTreeSet<String>,
    #[serde(default = "shown")]
    canon_strings: bool,
    #[serde(default = "shown")]
    theory_strings: bool,
}

/// How a tall board's arrangement is stored.
const TALL: &str = "tall";

fn shown() -> bool {
    true
}

/// Writes a board in the current envelope, as its `revision`th save.
pub fn encode(board: &Board, revision: u64) -> String {
    serde_json::to_string(&envelope_of(board, revision)).unwrap_or_default()
}

fn envelope_of(board: &Board, revision: u64) -> Envelope {
    Envelope {
        format: FORMAT.to_string(),
        version: CURRENT_VERSION,
        name: board.name.clone(),
        revision,
        universe: UniverseRef { id: board.universe_id.clone(), version: board.universe_version },
        board: StoredBoard {
            positions: board.positions.clone(),
            hidden: board.hidden.clone(),
            cards: board.cards.values().cloned().collect(),
            strings: board.strings.values().cloned().collect(),
            theories: board.theories.values().cloned().collect(),
            pinned: board.pinned.clone(),
            viewport: board.viewport,
            horizon: board.horizon,
            filters: board.filters.is_on().then(|| StoredFilters {
                hidden_kinds: board.filters.hidden_kinds.clone(),
                canon_strings: board.filters.canon_strings,
                theory_strings: board.filters.theory_strings,
            }),
            arrangement: (board.arrangement == Arrangement::Tall).then(|| TALL.to_string()),
            canvas: board.canvas.clone(),
        },
    }
}

/// The revision of a stored board (0 when it has none or cannot be read).
pub fn revision_of(text: &str) -> u64 {
    #[derive(Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u64,
    }
    serde_json::from_str::<Revision>(text).map_or(0, |r| r.revision)
}

/// The universe id and name of a stored board, read without checking the rest.
pub fn peek(text: &str) -> Option<(String, String)> {
    #[derive(Deserialize)]
    struct Peek {
        universe: UniverseRef,
        #[serde(default)]
        name: String,
    }
    serde_json::from_str::<Peek>(text).ok().map(|p| (p.universe.id, p.name))
}

/// Writes a board as a file: the current envelope, indented for people to read.
pub fn encode_file(board: &Board) -> String {
    serde_json::to_string_pretty(&envelope_of(board, 0)).unwrap_or_default()
}

/// Reads a board saved by any version up to the current one, for the universe `universe_id`.
pub fn decode(text: &str, universe_id: &str) -> Result<Board, EnvelopeError> {
    decode_with(text, universe_id, MIGRATIONS)
}

/// [`decode`] with an explicit migration list, so the migration path can be tested.
pub fn decode_with(text: &str, universe_id: &str, migrations: &[Migration]) -> Result<Board, EnvelopeError> {
    if text.len() > MAX_BYTES {
        return Err(EnvelopeError::TooLarge(text.len()));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| EnvelopeError::NotJson(plain_json_error(&e.to_string())))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(EnvelopeError::Foreign);
    }
    let version = value.get("version").and_then(Value::as_u64).ok_or(EnvelopeError::MissingVersion)?;
    let latest = migrations.len() as u64 + 1;
    if version > latest {
        return Err(EnvelopeError::Newer { found: version });
    }
    if version == 0 {
        return Err(EnvelopeError::MissingVersion);
    }
    // Read from text, as every other format is: reading from a parsed `Value` too would carry a
    // second copy of the decoding code. A migrated board is written out again to be read.
    let migrated = match &migrations[(version - 1) as usize..] {
        [] => None,
        pending => {
            let mut value = value;
            for migrate in pending {
                value = migrate(value).map_err(EnvelopeError::Invalid)?;
            }
            Some(value.to_string())
        }
    };
    let envelope: Envelope = serde_json::from_str(migrated.as_deref().unwrap_or(text))
        .map_err(|e| EnvelopeError::Invalid(plain_json_error(&e.to_string())))?;
    if envelope.universe.id != universe_id {
        return Err(EnvelopeError::OtherUniverse { found: envelope.universe.id });
    }
    let stored = envelope.board;
    check_counts(&stored)?;
    let mut board = Board {
        name: String::new(),
        universe_id: envelope.universe.id,
        universe_version: envelope.universe.version,
        positions: stored.positions,
        hidden: stored.hidden,
        cards: by_id(stored.cards, "cards", |c| &c.id)?,
        strings: by_id(stored.strings, "strings", |s| &s.id)?,
        theories: by_id(stored.theories, "theories", |t| &t.id)?,
        pinned: stored.pinned,
        viewport: stored.viewport,
        horizon: stored.horizon,
        filters: stored.filters.map_or_else(Filters::default, |f| Filters {
            hidden_kinds: f.hidden_kinds,
            canon_strings: f.canon_strings,
            theory_strings: f.theory_strings,
        }),
        arrangement: match stored.arrangement.as_deref() {
            Some(TALL) => Arrangement::Tall,
            _ => Arrangement::Wide,
        },
        canvas: stored.canvas,
    };
    check(&board)?;
    // The name is not held to its cap: a stored board goes by the board list's name, and the
    // list fits a longer one, as it fits an imported file's, saying so. An earlier Caseboard
    // numbered names past 80 characters; refusing those boards whole would lose them.
    board.name = envelope.name;
    Ok(board)
}

fn check_counts(stored: &StoredBoard) -> Result<(), EnvelopeError> {
    let counts = [
        stored.positions.len(),
        stored.hidden.len(),
        stored.cards.len(),
        stored.strings.len(),
        stored.theories.len(),
        stored.pinned.len(),
    ];
    if counts.iter().any(|&n| n > MAX_RECORDS) {
        return Err(invalid(format!("it holds more than {MAX_RECORDS} records of a kind")));
    }
    Ok(())
}

fn invalid(what: String) -> EnvelopeError {
    EnvelopeError::Invalid(what)
}

/// Checks what every decoded board must hold to: sane numbers, capped text, web links only,
/// strings in theories, fan cards with positions.
pub fn check(board: &Board) -> Result<(), EnvelopeError> {
    const LIMIT: f64 = 1.0e7;
    let sane = |v: f64| v.is_finite() && v.abs() < LIMIT;
    let long = |text: &str, max: usize| text.chars().count() > max;
    if board.filters.hidden_kinds.len() > MAX_FILTERED_KINDS {
        return Err(invalid("its filters name too many kinds".to_string()));
    }
    if long(&board.name, MAX_BOARD_NAME) {
        return Err(invalid(format!("its name is longer than {MAX_BOARD_NAME} characters")));
    }
    if let Some((id, _)) = board.positions.iter().find(|(_, p)| !(sane(p.x) && sane(p.y))) {
        return Err(invalid(format!("card '{id}' has an impossible position")));
    }
    for card in board.cards.values() {
        let url = card.url.as_deref().unwrap_or_default();
        let fields = [
            ("title", card.title.as_str(), MAX_TITLE),
            ("text", &card.text, MAX_TEXT),
            ("address", url, MAX_URL),
        ];
        if let Some((field, _, max)) = fields.into_iter().find(|(_, text, max)| long(text, *max)) {
            return Err(invalid(format!("card '{}' has a {field} longer than {max} characters", card.id)));
        }
        if card.url.as_deref().is_some_and(|url| !is_web_url(url)) {
            return Err(invalid(format!(
                "card '{}' links to something other than an http or https address",
                card.id
            )));
        }
        if !board.positions.contains_key(&card.id) {
            return Err(invalid(format!("card '{}' has no position", card.id)));
        }
    }
    for string in board.strings.values() {
        if long(&string.label, MAX_LABEL) {
            return Err(invalid(format!(
                "string '{}' has a label longer than {MAX_LABEL} characters",
                string.id
            )));
        }
        if !board.theories.contains_key(&string.theory) {
            return Err(invalid(format!("string '{}' belongs to no theory", string.id)));
        }
    }
    for theory in board.theories.values() {
        if long(&theory.name, MAX_THEORY_NAME) {
            return Err(invalid(format!(
                "theory '{}' has a name longer than {MAX_THEORY_NAME} characters",
                theory.id
            )));
        }
        if !is_hex_colour(&theory.colour) {
            return Err(invalid(format!("theory '{}' has a colour that is not #rrggbb", theory.id)));
        }
    }
    if board.canvas.as_ref().is_some_and(|c| !(sane(c.shift.x) && sane(c.shift.y))) {
        return Err(invalid("its canvas was moved an impossible distance".to_string()));
    }
    if let Some(v) = board.viewport {
        if !(v.is_valid() && sane(v.x) && sane(v.y)) {
            return Err(invalid("the view is impossible".to_string()));
        }
    }
    Ok(())
}

/// Checks that a board fits `universe`: every moved, hidden or tied card exists (a canon card of
/// the universe or one of the board's own). Stored boards are not held to this, so a universe
/// update that drops an entity never makes a fan's board unreadable; boards from outside are.
pub fn check_against(board: &Board, universe: &Universe) -> Result<(), EnvelopeError> {
    let exists = |id: &str| board.cards.contains_key(id) || universe.entity(id).is_some();
    if let Some(id) = board.positions.keys().find(|id| !exists(id)) {
        return Err(invalid(format!("card '{id}' is not in this universe or on the board")));
    }
    if let Some(id) = board.pinned.iter().find(|id| !exists(id)) {
        return Err(invalid(format!("pinned card '{id}' is not in this universe or on the board")));
    }
    if let Some(id) = board.hidden.iter().find(|id| universe.entity(id).is_none()) {
        return Err(invalid(format!("hidden card '{id}' is not in this universe")));
    }
    for string in board.strings.values() {
        if let Some(end) = [&string.from, &string.to].into_iter().find(|end| !exists(end)) {
            return Err(invalid(format!(
                "string '{}' is tied to card '{end}', which is not on the board",
                string.id
            )));
        }
    }
    Ok(())
}

/// Records keyed by their ids; two with one id are refused, naming it, since keeping either
/// would drop the other unsaid. Inserted, not collected (see `model::order`).
fn by_id<T>(
    records: Vec<T>,
    what: &str,
    id: impl Fn(&T) -> &str,
) -> Result<BTreeMap<String, T>, EnvelopeError> {
    let mut map = BTreeMap::new();
    for record in records {
        let key = id(&record).to_string();
        if map.contains_key(&key) {
            return Err(invalid(format!("two {what} have the id '{key}'")));
        }
        map.insert(key, record);
    }
    Ok(map)
}

/// Positions, keyed by card id, refusing a card placed twice: JSON allows a key twice in an
/// object, and a map read from it would keep the last place and drop the other unsaid.
fn unique_positions<'de, D: Deserializer<'de>>(input: D) -> Result<BTreeMap<String, Point>, D::Error> {
    struct Unique;
    impl<'de> Visitor<'de> for Unique {
        type Value = BTreeMap<String, Point>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of positions")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some((id, point)) = entries.next_entry::<String, Point>()? {
                if map.contains_key(&id) {
                    return Err(de::Error::custom(format!("card '{id}' has two positions")));
                }
                map.insert(id, point);
            }
            Ok(map)
        }
    }
    input.deserialize_map(Unique)
}

/// [`decode`] for `universe`, with the fan's ids held to [`check_own_ids`]: how storage, board
/// files and other tabs' saves are read, wherever the universe is known.
pub fn decode_for(text: &str, universe: &Universe) -> Result<Board, EnvelopeError> {
    let board = decode(text, &universe.id)?;
    check_own_ids(&board, universe)?;
    Ok(board)
}

/// Refuses a fan's card or string whose id is a canon one of `universe`: the two would share
/// one place, one hidden mark and one name on the board, and the fan's would never be shown.
/// Decoding alone cannot tell (it knows only the universe's id), so this runs where the universe
/// is at hand: [`decode_for`], and share links.
pub fn check_own_ids(board: &Board, universe: &Universe) -> Result<(), EnvelopeError> {
    let cards = board.cards.keys().map(|id| ("card", id));
    let strings = board.strings.keys().map(|id| ("string", id));
    match cards.chain(strings).find(|(_, id)| universe.is_canon_id(id)) {
        Some((what, id)) => {
            Err(invalid(format!("the fan's {what} '{id}' has the id of a canon card or string")))
        }
        None => Ok(()),
    }
}
