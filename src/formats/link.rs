//! Share links: a board carried in a URL fragment, `#board=1.<base64url>`.
//!
//! The universe ships with the app, so a link holds only what the [`Board`] holds (already its
//! differences from the default) and the spoiler horizon. Sharing takes three steps: [`encode`]
//! writes the binary payload below, the web glue compresses it with the browser's
//! `CompressionStream("deflate-raw")`, and [`to_fragment`] writes that as text. Opening a link
//! runs them backwards: [`compressed_from_fragment`], inflating (stopped at [`MAX_PAYLOAD`]),
//! then [`decode`].
//!
//! The payload is a format version byte ([`FORMAT_VERSION`]), then sections in any order, each
//! `tag: byte, length: varint, body`, and each at most once:
//!
//! | tag | section | body |
//! |-----|---------|------|
//! | 1 | universe (required) | id (text), version (varint), ids hash (4 bytes, low byte first) |
//! | 2 | board name | text |
//! | 3 | hidden canon cards | count; per card: canon index |
//! | 4 | moved canon cards | count; per card: canon index, x, y |
//! | 5 | theories | count; per theory: id, name, colour (texts), visible (byte, 0 or 1) |
//! | 6 | fan cards | count; per card: id (text), kind (byte), title, text (texts), theory (0 for none, else theory index + 1), x, y, url (text, empty for none) |
//! | 7 | strings | count; per string: id (text), from, to (cards), label (text), theory index, confidence (byte) |
//! | 8 | viewport | x, y, zoom |
//! | 9 | spoiler horizon | the last episode watched |
//! | 10 | pinned cards | count; per card: card |
//! | 11 | arrangement | 1 for a tall default layout (absent for wide; other values read as wide) |
//!
//! - Counts, indices and versions are varints: unsigned LEB128, 7 bits a byte, low bits first.
//!   Text is a varint byte length, then UTF-8.
//! - x, y and the view's x and y are zigzag varints of the value × 100, zoom of the value × 10,000:
//!   the board keeps positions to a hundredth and zoom to four decimals, so they come back exact.
//! - A canon index is the entity's place among the universe's entities in id order (a byte-wise
//!   sort of the ids), and the ids hash ([`Universe::ids_hash`]) says which ids those are: a
//!   universe whose file lists its entities in another order, or a later version with the same
//!   entities, reads the link by id; one with other entities refuses it as made for another
//!   version. A theory index is the theory's place in section 5; a card (a string's end) is a canon index × 2, or the fan card's place in
//!   section 6 × 2 + 1. The writer lists records in id order, as the board keeps them.
//! - Kind and confidence bytes are the place in `KINDS` (below) and in `Confidence::ALL`.
//!
//! Payload version 1 (links shared before the ids hash) had no hash, and counted canon cards by
//! their place in the universe file, for that exact version; it is still read that way.
//!
//! Empty sections are left out. A reader skips tags it does not know, so a later Caseboard may add
//! a section that older ones can ignore; a change they must not ignore raises [`FORMAT_VERSION`],
//! which they refuse as newer. The fragment's own version (the `1` of `board=1.`) names the text
//! form and the compression (base64url of deflate-raw), and changes only if those do.

use super::envelope::{self, EnvelopeError};
use crate::model::board::{Arrangement, Board, Confidence, FanCard, FanString, Theory};
use crate::model::geometry::{Point, Viewport};
use crate::model::universe::{Entity, Kind, Universe};
use std::collections::HashMap;
use std::fmt;

/// The payload layout written by [`encode`]; a payload with a higher first byte is refused.
pub const FORMAT_VERSION: u8 = 2;
/// The first layout, which counted canon cards by their place in the universe file; still read.
const FILE_ORDER_VERSION: u8 = 1;
/// The fragment form written by [`to_fragment`] (base64url of deflate-raw).
pub const LINK_VERSION: u64 = 1;
/// The longest fragment opened, in bytes of text: links much longer than this are cut by chat
/// apps and some browsers, and the limit bounds the work done on a pasted link.
pub const MAX_FRAGMENT: usize = 32 * 1024;
/// The largest payload decoded; the web glue stops inflating here, so a small link cannot
/// unpack into a huge one.
pub const MAX_PAYLOAD: usize = 4 * 1024 * 1024;
/// The most fan cards, strings, theories, hidden or moved cards a link may hold, of each.
pub const MAX_RECORDS: usize = 20_000;
/// Card kinds by their byte in a payload. Only ever append: the place is the format.
const KINDS: [Kind; 6] =
    [Kind::Character, Kind::Case, Kind::Episode, Kind::Place, Kind::Evidence, Kind::Note];

const FRAGMENT_PREFIX: &str = "board=";
const POSITION_SCALE: f64 = 100.0;
const ZOOM_SCALE: f64 = 10_000.0;
/// The arrangement section's byte for a tall board.
const TALL: u8 = 1;

const UNIVERSE: u8 = 1;
const NAME: u8 = 2;
const HIDDEN: u8 = 3;
const MOVED: u8 = 4;
const THEORIES: u8 = 5;
const CARDS: u8 = 6;
const STRINGS: u8 = 7;
const VIEWPORT: u8 = 8;
const HORIZON: u8 = 9;
const PINNED: u8 = 10;
const ARRANGEMENT: u8 = 11;
/// This version reads the tags 1 to `KNOWN_TAGS`.
const KNOWN_TAGS: usize = 11;

/// What a link carries: the board, and how far the sharer had watched.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Shared {
    pub board: Board,
    /// The sharer's spoiler horizon, "watched up to episode N" (the board keeps none yet).
    /// None: no limit.
    pub horizon: Option<u32>,
}

/// Why a link cannot be opened; its Display says so in a fan's words, naming the record.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    NotABoardLink,
    FragmentTooLong(usize),
    BadCharacter(char),
    NewerLink(u64),
    PayloadTooLarge(usize),
    NewerFormat(u8),
    CutShort,
    Damaged(&'static str),
    OtherUniverse {
        found: String,
        expected: String,
    },
    OtherUniverseVersion {
        universe: String,
        found: u64,
        expected: u32,
    },
    /// Same id and version, other entities: the universe was changed without a new version.
    OtherUniverseCards {
        universe: String,
        version: u32,
    },
    TooMany {
        what: &'static str,
        count: u64,
    },
    Duplicate {
        what: &'static str,
        id: String,
    },
    NoSuchCanonCard(u64),
    NoSuchRecord {
        what: &'static str,
        index: u64,
        count: usize,
    },
    /// The decoded board breaks a rule every board keeps ([`envelope::check`]).
    Invalid(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotABoardLink => write!(f, "the link holds no board"),
            LinkError::FragmentTooLong(n) => {
                write!(f, "the link is too long ({n} characters; a board link has at most {MAX_FRAGMENT})")
            }
            LinkError::BadCharacter(c) => write!(
                f,
                "the link holds a character that does not belong in it ({c:?}); it may have been changed on the way"
            ),
            LinkError::NewerLink(version) => {
                write!(f, "the link was made by a newer Caseboard (link version {version})")
            }
            LinkError::PayloadTooLarge(n) => {
                write!(f, "the board in the link is too large ({n} bytes; at most {MAX_PAYLOAD})")
            }
            LinkError::NewerFormat(version) => write!(
                f,
                "the link was made by a newer Caseboard (board format version {version})"
            ),
            LinkError::CutShort => write!(f, "the link is cut short; copy all of it"),
            LinkError::Damaged(what) => write!(f, "the link is damaged ({what})"),
            LinkError::OtherUniverse { found, expected } => {
                write!(f, "the link is for the universe '{found}', not '{expected}'")
            }
            LinkError::OtherUniverseVersion { universe, found, expected } => write!(
                f,
                "the link was made for another version of the universe '{universe}' \
                 (version {found}; this Caseboard has version {expected})"
            ),
            LinkError::OtherUniverseCards { universe, version } => write!(
                f,
                "the link was made for another version of the universe '{universe}' (both say \
                 version {version}, but its cards are not the ones this browser has)"
            ),
            LinkError::TooMany { what, count } => {
                write!(f, "the link holds {count} {what}, more than {MAX_RECORDS}")
            }
            LinkError::Duplicate { what, id } => write!(f, "'{id}' appears twice among the {what}"),
            LinkError::NoSuchCanonCard(index) => write!(f, "card index {index} is not in this universe"),
            LinkError::NoSuchRecord { what, index, count } => {
                write!(f, "the link refers to {what} index {index}, but holds only {count}")
            }
            LinkError::Invalid(what) => write!(f, "the board in the link is damaged ({what})"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The payload of `shared`, for the universe its canon indices count in. Records the payload
/// cannot name are left out: a hidden or moved id that is no canon card, a string whose ends or
/// theory are gone, a card's theory that is gone (the card is kept, in no theory). The board's
/// universe is written as `universe`'s id and version, the ones the indices belong to.
pub fn encode(shared: &Shared, universe: &Universe) -> Vec<u8> {
    let board = &shared.board;
    let canon = |id: &str| universe.canon_rank(id).map(|rank| rank as u64);
    let fan: HashMap<&str, u64> = board.cards.keys().zip(0..).map(|(id, i)| (id.as_str(), i)).collect();
    let theories: HashMap<&str, u64> =
        board.theories.keys().zip(0..).map(|(id, i)| (id.as_str(), i)).collect();
    let card_ref = |id: &str| match canon(id) {
        Some(index) => Some(index * 2),
        None => fan.get(id).map(|index| index * 2 + 1),
    };

    let mut out = vec![FORMAT_VERSION];
    let mut body = Vec::new();
    put_text(&mut body, &universe.id);
    put_varint(&mut body, universe.version.into());
    body.extend_from_slice(&universe.ids_hash().to_le_bytes());
    put_section(&mut out, UNIVERSE, &body);
    if !board.name.is_empty() {
        let mut body = Vec::new();
        put_text(&mut body, &board.name);
        put_section(&mut out, NAME, &body);
    }

    let hidden: Vec<u64> = board.hidden.iter().filter_map(|id| canon(id)).collect();
    put_list(&mut out, HIDDEN, &hidden, |body, index| put_varint(body, *index));

    let moved: Vec<(u64, Point)> = board
        .positions
        .iter()
        .filter(|(id, _)| !board.cards.contains_key(*id))
        .filter_map(|(id, point)| Some((canon(id)?, *point)))
        .collect();
    put_list(&mut out, MOVED, &moved, |body, (index, point)| {
        put_varint(body, *index);
        put_point(body, *point);
    });

    let theory_list: Vec<&Theory> = board.theories.values().collect();
    put_list(&mut out, THEORIES, &theory_list, |body, theory| {
        put_text(body, &theory.id);
        put_text(body, &theory.name);
        put_text(body, &theory.colour);
        body.push(u8::from(theory.visible));
    });

    let cards: Vec<&FanCard> = board.cards.values().collect();
    put_list(&mut out, CARDS, &cards, |body, card| {
        put_text(body, &card.id);
        body.push(kind_byte(card.kind));
        put_text(body, &card.title);
        put_text(body, &card.text);
        let theory = card.theory.as_deref().and_then(|id| theories.get(id));
        put_varint(body, theory.map_or(0, |index| index + 1));
        // Every fan card has a position (envelope::check holds boards to it); the origin stands in.
        put_point(body, board.positions.get(&card.id).copied().unwrap_or_default());
        put_text(body, card.url.as_deref().unwrap_or_default());
    });

    let strings: Vec<(&FanString, u64, u64, u64)> = board
        .strings
        .values()
        .filter_map(|s| Some((s, card_ref(&s.from)?, card_ref(&s.to)?, *theories.get(s.theory.as_str())?)))
        .collect();
    put_list(&mut out, STRINGS, &strings, |body, (string, from, to, theory)| {
        put_text(body, &string.id);
        put_varint(body, *from);
        put_varint(body, *to);
        put_text(body, &string.label);
        put_varint(body, *theory);
        body.push(confidence_byte(string.confidence));
    });

    if let Some(view) = board.viewport {
        let mut body = Vec::new();
        put_number(&mut body, view.x, POSITION_SCALE);
        put_number(&mut body, view.y, POSITION_SCALE);
        put_number(&mut body, view.zoom, ZOOM_SCALE);
        put_section(&mut out, VIEWPORT, &body);
    }
    let pinned: Vec<u64> = board.pinned.iter().filter_map(|id| card_ref(id)).collect();
    put_list(&mut out, PINNED, &pinned, |body, card| put_varint(body, *card));
    if let Some(episode) = shared.horizon {
        let mut body = Vec::new();
        put_varint(&mut body, episode.into());
        put_section(&mut out, HORIZON, &body);
    }
    if board.arrangement == Arrangement::Tall {
        put_section(&mut out, ARRANGEMENT, &[TALL]);
    }
    out
}

/// Reads a payload made by [`encode`] for `universe` (the same id and entity ids; a version 1
/// payload, the same id and version), and checks the board as a saved one is checked.
pub fn decode(bytes: &[u8], universe: &Universe) -> Result<Shared, LinkError> {
    if bytes.len() > MAX_PAYLOAD {
        return Err(LinkError::PayloadTooLarge(bytes.len()));
    }
    let mut reader = Reader { rest: bytes };
    let format = match reader.byte()? {
        0 => return Err(LinkError::Damaged("it has no format version")),
        format @ (FILE_ORDER_VERSION | FORMAT_VERSION) => format,
        newer => return Err(LinkError::NewerFormat(newer)),
    };
    let mut sections = Sections::split(reader)?;

    let mut section = sections.take(UNIVERSE).ok_or(LinkError::Damaged("it names no universe"))?;
    let (id, version) = (section.text()?, section.varint()?);
    let hash = if format == FILE_ORDER_VERSION { None } else { Some(section.fixed_u32()?) };
    section.finish()?;
    if id != universe.id {
        return Err(LinkError::OtherUniverse { found: id, expected: universe.id.clone() });
    }
    let same_version = version == u64::from(universe.version);
    let canon = match hash {
        Some(hash) if hash == universe.ids_hash() => Canon::ById(universe),
        None if same_version => Canon::InFile(universe),
        Some(_) if same_version => {
            return Err(LinkError::OtherUniverseCards { universe: id, version: universe.version })
        }
        _ => {
            let expected = universe.version;
            return Err(LinkError::OtherUniverseVersion { universe: id, found: version, expected });
        }
    };
    let mut board = Board::new(&universe.id, universe.version);
    if let Some(mut section) = sections.take(NAME) {
        board.name = section.text()?;
        section.finish()?;
    }
    if let Some(section) = sections.take(HIDDEN) {
        read_hidden(section, canon, &mut board)?;
    }
    if let Some(section) = sections.take(MOVED) {
        read_moved(section, canon, &mut board)?;
    }
    // Cards and strings name theories, and strings name fan cards, by their place in these lists.
    let theory_ids = match sections.take(THEORIES) {
        Some(section) => read_theories(section, &mut board)?,
        None => Vec::new(),
    };
    let card_ids = match sections.take(CARDS) {
        Some(section) => read_cards(section, universe, &theory_ids, &mut board)?,
        None => Vec::new(),
    };
    if let Some(section) = sections.take(STRINGS) {
        read_strings(section, canon, &card_ids, &theory_ids, &mut board)?;
    }
    if let Some(mut section) = sections.take(PINNED) {
        for _ in 0..section.count("pinned cards")? {
            board.pinned.insert(card_id(canon, &card_ids, section.varint()?)?);
        }
        section.finish()?;
    }
    if let Some(mut section) = sections.take(VIEWPORT) {
        let (x, y) = (section.number(POSITION_SCALE)?, section.number(POSITION_SCALE)?);
        board.viewport = Some(Viewport { x, y, zoom: section.number(ZOOM_SCALE)? });
        section.finish()?;
    }
    if let Some(mut section) = sections.take(ARRANGEMENT) {
        if section.byte()? == TALL {
            board.arrangement = Arrangement::Tall;
        }
        section.finish()?;
    }
    let mut horizon = None;
    if let Some(mut section) = sections.take(HORIZON) {
        let episode = section.varint()?;
        horizon = Some(u32::try_from(episode).map_err(|_| LinkError::Damaged("an episode beyond any show"))?);
        section.finish()?;
    }

    // The name is not held to its cap, as in a saved board: an earlier Caseboard numbered names
    // past it, and the board list fits one when the board is saved, saying so.
    let name = std::mem::take(&mut board.name);
    envelope::check(&board).and_then(|()| envelope::check_own_ids(&board, universe)).map_err(|error| {
        match error {
            EnvelopeError::Invalid(what) => LinkError::Invalid(what),
            other => LinkError::Invalid(other.to_string()),
        }
    })?;
    board.name = name;
    Ok(Shared { board, horizon })
}

fn read_hidden(mut section: Reader, canon: Canon, board: &mut Board) -> Result<(), LinkError> {
    for _ in 0..section.count("hidden cards")? {
        let id = canon_id(canon, section.varint()?)?;
        if !board.hidden.insert(id.clone()) {
            return Err(LinkError::Duplicate { what: "hidden cards", id });
        }
    }
    section.finish()
}

fn read_moved(mut section: Reader, canon: Canon, board: &mut Board) -> Result<(), LinkError> {
    for _ in 0..section.count("moved cards")? {
        let id = canon_id(canon, section.varint()?)?;
        let point = section.point()?;
        if board.positions.insert(id.clone(), point).is_some() {
            return Err(LinkError::Duplicate { what: "moved cards", id });
        }
    }
    section.finish()
}

/// Reads the theories into the board; returns their ids in the order the link numbers them.
fn read_theories(mut section: Reader, board: &mut Board) -> Result<Vec<String>, LinkError> {
    let mut ids = Vec::new();
    for _ in 0..section.count("theories")? {
        let (id, name, colour) = (section.text()?, section.text()?, section.text()?);
        let visible = match section.byte()? {
            0 => false,
            1 => true,
            _ => return Err(LinkError::Damaged("a theory is neither shown nor hidden")),
        };
        let theory = Theory { id: id.clone(), name, colour, visible };
        if board.theories.insert(id.clone(), theory).is_some() {
            return Err(LinkError::Duplicate { what: "theories", id });
        }
        ids.push(id);
    }
    section.finish()?;
    Ok(ids)
}

/// Reads the fan cards and their positions into the board; returns their ids in link order.
fn read_cards(
    mut section: Reader,
    universe: &Universe,
    theory_ids: &[String],
    board: &mut Board,
) -> Result<Vec<String>, LinkError> {
    let mut ids = Vec::new();
    for _ in 0..section.count("fan cards")? {
        let id = section.text()?;
        let kind =
            *KINDS.get(usize::from(section.byte()?)).ok_or(LinkError::Damaged("a card of unknown kind"))?;
        let (title, text) = (section.text()?, section.text()?);
        let theory = match section.varint()? {
            0 => None,
            place => Some(record_id(theory_ids, "theory", place - 1)?.clone()),
        };
        let point = section.point()?;
        let url = Some(section.text()?).filter(|url| !url.is_empty());
        // Fan and canon cards share the positions map, so a fan card's id must not be canon.
        if universe.entity(&id).is_some() || board.cards.contains_key(&id) {
            return Err(LinkError::Duplicate { what: "cards", id });
        }
        board.positions.insert(id.clone(), point);
        board.cards.insert(
            id.clone(),
            FanCard { id: id.clone(), kind, title, text, theory, url, canvas: Default::default() },
        );
        ids.push(id);
    }
    section.finish()?;
    Ok(ids)
}

fn read_strings(
    mut section: Reader,
    canon: Canon,
    card_ids: &[String],
    theory_ids: &[String],
    board: &mut Board,
) -> Result<(), LinkError> {
    for _ in 0..section.count("strings")? {
        let id = section.text()?;
        let from = card_id(canon, card_ids, section.varint()?)?;
        let to = card_id(canon, card_ids, section.varint()?)?;
        let label = section.text()?;
        let theory = record_id(theory_ids, "theory", section.varint()?)?.clone();
        let confidence = *Confidence::ALL
            .get(usize::from(section.byte()?))
            .ok_or(LinkError::Damaged("a string of unknown confidence"))?;
        let string =
            FanString { id: id.clone(), from, to, label, theory, confidence, canvas: Default::default() };
        if board.strings.insert(id.clone(), string).is_some() {
            return Err(LinkError::Duplicate { what: "strings", id });
        }
    }
    section.finish()
}

/// The fragment (without '#') for a compressed payload. The caller checks it against
/// [`MAX_FRAGMENT`] before offering it: a longer link would be refused when opened.
pub fn to_fragment(compressed: &[u8]) -> String {
    format!("{FRAGMENT_PREFIX}{LINK_VERSION}.{}", base64url(compressed))
}

/// Whether a URL fragment is meant as a shared board (`#board=…`), readable or not; any other
/// fragment (`#top`, say) is not a link to open.
pub fn is_board_fragment(fragment: &str) -> bool {
    fragment.strip_prefix('#').unwrap_or(fragment).starts_with(FRAGMENT_PREFIX)
}

/// The compressed payload in a fragment from [`to_fragment`], with or without the leading '#'.
pub fn compressed_from_fragment(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::FragmentTooLong(fragment.len()));
    }
    let (version, data) = fragment
        .strip_prefix(FRAGMENT_PREFIX)
        .and_then(|rest| rest.split_once('.'))
        .ok_or(LinkError::NotABoardLink)?;
    match version.parse::<u64>() {
        Ok(LINK_VERSION) => from_base64url(data),
        Ok(newer) if newer > LINK_VERSION => Err(LinkError::NewerLink(newer)),
        _ => Err(LinkError::NotABoardLink),
    }
}

/// How a payload counts canon cards: version 1 by their place in the universe file (so only that
/// exact version reads it), version 2 by their place in id order, which no reordering changes.
#[derive(Clone, Copy)]
enum Canon<'a> {
    InFile(&'a Universe),
    ById(&'a Universe),
}

fn canon_id(canon: Canon, index: u64) -> Result<String, LinkError> {
    let at = usize::try_from(index).ok();
    let entity: Option<&Entity> = match canon {
        Canon::InFile(universe) => at.and_then(|i| universe.entities.get(i)),
        Canon::ById(universe) => at.and_then(|i| universe.entity_by_rank(i)),
    };
    entity.map(|e| e.id.clone()).ok_or(LinkError::NoSuchCanonCard(index))
}

/// A string's end: an even reference is a canon card, an odd one a fan card of the link.
fn card_id(canon: Canon, card_ids: &[String], reference: u64) -> Result<String, LinkError> {
    match reference % 2 {
        0 => canon_id(canon, reference / 2),
        _ => record_id(card_ids, "fan card", reference / 2).cloned(),
    }
}

fn record_id<'a>(ids: &'a [String], what: &'static str, index: u64) -> Result<&'a String, LinkError> {
    let id = usize::try_from(index).ok().and_then(|i| ids.get(i));
    id.ok_or(LinkError::NoSuchRecord { what, index, count: ids.len() })
}

fn kind_byte(kind: Kind) -> u8 {
    KINDS.iter().position(|k| *k == kind).map_or(0, |i| i as u8)
}

fn confidence_byte(confidence: Confidence) -> u8 {
    Confidence::ALL.iter().position(|c| *c == confidence).map_or(0, |i| i as u8)
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Writes `value` × `scale` as a zigzag varint, so small negative numbers stay short.
fn put_number(out: &mut Vec<u8>, value: f64, scale: f64) {
    // `as` saturates (and maps NaN to 0), so no value panics here.
    let units = (value * scale).round() as i64;
    put_varint(out, ((units << 1) ^ (units >> 63)) as u64);
}

fn put_point(out: &mut Vec<u8>, point: Point) {
    put_number(out, point.x, POSITION_SCALE);
    put_number(out, point.y, POSITION_SCALE);
}

/// Writes bytes after their length, as text and section bodies are kept.
fn put_length_prefixed(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_length_prefixed(out, text.as_bytes());
}

fn put_section(out: &mut Vec<u8>, tag: u8, body: &[u8]) {
    out.push(tag);
    put_length_prefixed(out, body);
}

/// Writes a counted list as a section, or nothing for an empty list.
fn put_list<T>(out: &mut Vec<u8>, tag: u8, items: &[T], put_item: impl Fn(&mut Vec<u8>, &T)) {
    if items.is_empty() {
        return;
    }
    let mut body = Vec::new();
    put_varint(&mut body, items.len() as u64);
    for item in items {
        put_item(&mut body, item);
    }
    put_section(out, tag, &body);
}

/// Reads a payload front to back; every read checks the bytes are there.
#[derive(Clone, Copy)]
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], LinkError> {
        let (taken, rest) = self.rest.split_at_checked(len).ok_or(LinkError::CutShort)?;
        self.rest = rest;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, LinkError> {
        let (&byte, rest) = self.rest.split_first().ok_or(LinkError::CutShort)?;
        self.rest = rest;
        Ok(byte)
    }

    /// Four bytes, low byte first (the ids hash).
    fn fixed_u32(&mut self) -> Result<u32, LinkError> {
        let bytes: [u8; 4] = self.take(4)?.try_into().map_err(|_| LinkError::CutShort)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            // The tenth byte holds only the top bit of a u64.
            if shift == 63 && bits > 1 {
                break;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(LinkError::Damaged("a number is too large"))
    }

    fn number(&mut self, scale: f64) -> Result<f64, LinkError> {
        let zigzag = self.varint()?;
        let units = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        Ok(units as f64 / scale)
    }

    fn point(&mut self) -> Result<Point, LinkError> {
        Ok(Point::new(self.number(POSITION_SCALE)?, self.number(POSITION_SCALE)?))
    }

    fn length_prefixed(&mut self) -> Result<&'a [u8], LinkError> {
        let length = usize::try_from(self.varint()?).map_err(|_| LinkError::CutShort)?;
        self.take(length)
    }

    fn text(&mut self) -> Result<String, LinkError> {
        let bytes = self.length_prefixed()?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| LinkError::Damaged("text that is not UTF-8"))
    }

    /// A record count: at most [`MAX_RECORDS`], and no more than the bytes left (every record
    /// takes at least one), so a count that claims more than is there fails before any work.
    fn count(&mut self, what: &'static str) -> Result<usize, LinkError> {
        let count = self.varint()?;
        if count > MAX_RECORDS as u64 {
            return Err(LinkError::TooMany { what, count });
        }
        usize::try_from(count).ok().filter(|&n| n <= self.rest.len()).ok_or(LinkError::CutShort)
    }

    /// Every known section is read to its end; bytes left over mean it was written wrongly.
    fn finish(self) -> Result<(), LinkError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(LinkError::Damaged("a section is longer than its content"))
        }
    }
}

/// The bodies of the known sections; tag n is kept at n - 1.
struct Sections<'a> {
    bodies: [Option<Reader<'a>>; KNOWN_TAGS],
}

impl<'a> Sections<'a> {
    fn split(mut reader: Reader<'a>) -> Result<Sections<'a>, LinkError> {
        let mut bodies = [None; KNOWN_TAGS];
        while !reader.rest.is_empty() {
            let tag = reader.byte()?;
            let body = Reader { rest: reader.length_prefixed()? };
            // Unknown tags are sections of a later Caseboard that this one may ignore.
            if let Some(slot) = Sections::slot(tag).and_then(|i| bodies.get_mut(i)) {
                if slot.replace(body).is_some() {
                    return Err(LinkError::Damaged("a section appears twice"));
                }
            }
        }
        Ok(Sections { bodies })
    }

    fn slot(tag: u8) -> Option<usize> {
        usize::from(tag).checked_sub(1)
    }

    fn take(&mut self, tag: u8) -> Option<Reader<'a>> {
        Sections::slot(tag).and_then(|i| self.bodies.get_mut(i)).and_then(Option::take)
    }
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url (RFC 4648 §5) without padding: four characters for every three bytes.
fn base64url(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group =
            chunk.iter().enumerate().fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        // n bytes make n + 1 characters: the last one's low bits are zero.
        for i in 0..=chunk.len() {
            text.push(char::from(BASE64URL[(group >> (18 - 6 * i)) as usize & 63]));
        }
    }
    text
}

/// Reads base64url; `text` is at most [`MAX_FRAGMENT`] long, so the capacity is bounded.
fn from_base64url(text: &str) -> Result<Vec<u8>, LinkError> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut pending, mut pending_bits) = (0u32, 0u32);
    for c in text.chars() {
        let value = match c {
            'A'..='Z' => u32::from(c) - u32::from('A'),
            'a'..='z' => u32::from(c) - u32::from('a') + 26,
            '0'..='9' => u32::from(c) - u32::from('0') + 52,
            '-' => 62,
            '_' => 63,
            other => return Err(LinkError::BadCharacter(other)),
        };
        pending = pending << 6 | value;
        pending_bits += 6;
        if pending_bits >= 8 {
            pending_bits -= 8;
            bytes.push((pending >> pending_bits) as u8);
            pending &= (1 << pending_bits) - 1;
        }
    }
    // One character left over holds only 6 of a byte's 8 bits: no encoder ends that way.
    if text.len() % 4 == 1 {
        return Err(LinkError::CutShort);
    }
    Ok(bytes)
}
