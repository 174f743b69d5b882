//! The fan's board: only what differs from the universe's default, plus the fan's own cards,
//! strings and theories. Every part is a keyed record, so a change is a list of record diffs.

use super::filter::Filters;
use super::geometry::{Point, Viewport};
use super::kept::{CanvasDocument, Kept};
use super::universe::Kind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The longest title, note text and string label a fan can write (in characters). A note holds
/// 20,000 characters, about 3,000 words: a long Obsidian note placed on a canvas fits whole (the
/// old 2,000 held about 300 words), and so many characters of prose, deflated, still fit a share
/// link's 32 KB.
pub const MAX_TITLE: usize = 120;
pub const MAX_TEXT: usize = 20_000;
pub const MAX_LABEL: usize = 120;
pub const MAX_THEORY_NAME: usize = 80;
pub const MAX_BOARD_NAME: usize = 80;
/// A title is shown (in names, search hits, the inspector) cut to this many characters.
const MAX_SHOWN_TITLE: usize = 60;
/// The longest web address a card may point at (in characters).
pub const MAX_URL: usize = 2000;

/// A card the fan made: a sticky note (`Kind::Note`) or a card of any universe kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FanCard {
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    /// The theory the card belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theory: Option<String>,
    /// A web page the card points at; only http and https addresses are kept (see [`is_web_url`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The canvas node the card was read from, less its place; empty for a card made here.
    #[serde(default, skip_serializing_if = "Kept::is_empty")]
    pub canvas: Kept,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Confirmed,
    Likely,
    /// New strings start here: a hunch until the fan says more.
    #[default]
    Suspected,
    Debunked,
}

impl Confidence {
    pub const ALL: [Confidence; 4] =
        [Confidence::Confirmed, Confidence::Likely, Confidence::Suspected, Confidence::Debunked];

    pub fn label(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Likely => "likely",
            Confidence::Suspected => "suspected",
            Confidence::Debunked => "debunked",
        }
    }

    pub fn from_label(label: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.label() == label)
    }
}

/// A string the fan tied, always inside a theory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FanString {
    pub id: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub label: String,
    pub theory: String,
    pub confidence: Confidence,
    /// The canvas edge the string was read from, less its ends; empty for a string tied here.
    #[serde(default, skip_serializing_if = "Kept::is_empty")]
    pub canvas: Kept,
}

/// A named, coloured thread of the fan's strings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theory {
    pub id: String,
    pub name: String,
    /// A CSS hex colour, `#rrggbb`.
    pub colour: String,
    #[serde(default = "visible_by_default")]
    pub visible: bool,
}

fn visible_by_default() -> bool {
    true
}

/// Keeps at most `max` characters of `text`.
pub fn cap(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        text
    } else {
        text.chars().take(max).collect()
    }
}

impl FanCard {
    /// The card's title as shown wherever it is named: a note without one goes by its first line,
    /// and a card with neither by a placeholder.
    pub fn title_shown(&self) -> String {
        let title = if self.kind == Kind::Note && self.title.trim().is_empty() {
            self.text.lines().next().unwrap_or("")
        } else {
            &self.title
        };
        let title = title.trim();
        match (title.is_empty(), self.kind) {
            (true, Kind::Note) => "Empty note".to_string(),
            (true, _) => "Untitled card".to_string(),
            (false, _) => title.chars().take(MAX_SHOWN_TITLE).collect(),
        }
    }

    /// The card with its title, text and url cut to their caps.
    pub fn capped(self) -> FanCard {
        FanCard {
            title: cap(self.title, MAX_TITLE),
            text: cap(self.text, MAX_TEXT),
            url: self.url.map(|url| cap(url, MAX_URL)),
            ..self
        }
    }
}

impl FanString {
    pub fn capped(self) -> FanString {
        FanString { label: cap(self.label, MAX_LABEL), ..self }
    }
}

impl Theory {
    pub fn capped(self) -> Theory {
        Theory { name: cap(self.name, MAX_THEORY_NAME), ..self }
    }
}

/// `#rrggbb`, the only colour form a board keeps (it goes into a style property).
pub fn is_hex_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// An `http:` or `https:` address, the only kinds a card may link to: any other scheme
/// (`javascript:`, `data:`) could run or smuggle content when the link is followed.
pub fn is_web_url(text: &str) -> bool {
    let scheme_of = |prefix: &str| text.get(..prefix.len()).is_some_and(|s| s.eq_ignore_ascii_case(prefix));
    scheme_of("http://") || scheme_of("https://")
}

/// Names one record of a board. Serialized in a board's saved undo history.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    Position(String),
    Hidden(String),
    Card(String),
    String(String),
    Theory(String),
    /// A card Tidy leaves where it is.
    Pinned(String),
}

/// The content of one record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Position(Point),
    Hidden,
    Card(FanCard),
    String(FanString),
    Theory(Theory),
    Pinned,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Board {
    /// What the fan calls the board ("My mole theory"); empty for an unnamed board.
    pub name: String,
    pub universe_id: String,
    pub universe_version: u32,
    /// Canon cards moved from the default layout, and every fan card, by id.
    pub positions: BTreeMap<String, Point>,
    /// Canon cards the fan took off the board.
    pub hidden: BTreeSet<String>,
    pub cards: BTreeMap<String, FanCard>,
    pub strings: BTreeMap<String, FanString>,
    pub theories: BTreeMap<String, Theory>,
    /// Cards the fan pinned in place: Tidy never moves them.
    pub pinned: BTreeSet<String>,
    /// The last view; None opens the board fitted to the screen.
    pub viewport: Option<Viewport>,
    /// "Watched up to", as stored: None for everything, 0 for nothing yet, N for episode N. Read
    /// against the universe by `horizon::parse_horizon`, since a stored value may name an episode
    /// the show does not have.
    pub horizon: Option<u64>,
    pub filters: Filters,
    /// The shape of the default layout the canon cards start from.
    pub arrangement: Arrangement,
    /// What the board keeps of the JSON Canvas it was made from, if it was.
    pub canvas: Option<CanvasDocument>,
}

/// The shape of a board's default layout: wide for a landscape screen, tall for a portrait phone,
/// so either screen's Fit shows the cards as big as it can. Chosen when the board is made, on the
/// screen it is made on, and kept with it: the board looks the same wherever it is opened or
/// shared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrangement {
    #[default]
    Wide,
    Tall,
}

impl Arrangement {
    /// The arrangement suited to a screen of this size: tall when it is clearly taller than wide.
    pub fn for_screen(width: f64, height: f64) -> Arrangement {
        if height > width * 1.2 {
            Arrangement::Tall
        } else {
            Arrangement::Wide
        }
    }
}

impl Board {
    pub fn new(universe_id: &str, universe_version: u32) -> Board {
        Board { universe_id: universe_id.to_string(), universe_version, ..Board::default() }
    }

    /// Where a card sits: where the fan put it, else the default layout's place.
    pub fn position(&self, id: &str, defaults: &HashMap<String, Point>) -> Option<Point> {
        self.positions.get(id).or_else(|| defaults.get(id)).copied()
    }

    pub fn get(&self, key: &Key) -> Option<Value> {
        match key {
            Key::Position(id) => self.positions.get(id).map(|p| Value::Position(*p)),
            Key::Hidden(id) => self.hidden.contains(id).then_some(Value::Hidden),
            Key::Card(id) => self.cards.get(id).cloned().map(Value::Card),
            Key::String(id) => self.strings.get(id).cloned().map(Value::String),
            Key::Theory(id) => self.theories.get(id).cloned().map(Value::Theory),
            Key::Pinned(id) => self.pinned.contains(id).then_some(Value::Pinned),
        }
    }

    /// Sets or (with None) removes a record. A value of another record type is ignored.
    pub fn put(&mut self, key: &Key, value: Option<Value>) {
        match (key, value) {
            (Key::Position(id), Some(Value::Position(p))) => {
                self.positions.insert(id.clone(), p);
            }
            (Key::Position(id), None) => {
                self.positions.remove(id);
            }
            (Key::Hidden(id), Some(Value::Hidden)) => {
                self.hidden.insert(id.clone());
            }
            (Key::Hidden(id), None) => {
                self.hidden.remove(id);
            }
            (Key::Card(id), Some(Value::Card(c))) => {
                self.cards.insert(id.clone(), c);
            }
            (Key::Card(id), None) => {
                self.cards.remove(id);
            }
            (Key::String(id), Some(Value::String(s))) => {
                self.strings.insert(id.clone(), s);
            }
            (Key::String(id), None) => {
                self.strings.remove(id);
            }
            (Key::Theory(id), Some(Value::Theory(t))) => {
                self.theories.insert(id.clone(), t);
            }
            (Key::Theory(id), None) => {
                self.theories.remove(id);
            }
            (Key::Pinned(id), Some(Value::Pinned)) => {
                self.pinned.insert(id.clone());
            }
            (Key::Pinned(id), None) => {
                self.pinned.remove(id);
            }
            _ => {}
        }
    }

    /// Every record key the board holds (the viewport is not a record: it is not undoable).
    pub fn keys(&self) -> Vec<Key> {
        let positions = self.positions.keys().map(|id| Key::Position(id.clone()));
        let hidden = self.hidden.iter().map(|id| Key::Hidden(id.clone()));
        let cards = self.cards.keys().map(|id| Key::Card(id.clone()));
        let strings = self.strings.keys().map(|id| Key::String(id.clone()));
        let theories = self.theories.keys().map(|id| Key::Theory(id.clone()));
        let pinned = self.pinned.iter().map(|id| Key::Pinned(id.clone()));
        positions.chain(hidden).chain(cards).chain(strings).chain(theories).chain(pinned).collect()
    }

    /// True when both hold the same records (the view, which is each tab's own, aside).
    pub fn same_records(&self, other: &Board) -> bool {
        self.positions == other.positions
            && self.hidden == other.hidden
            && self.cards == other.cards
            && self.strings == other.strings
            && self.theories == other.theories
            && self.pinned == other.pinned
    }

    /// True when a string in `theory` already ties these two cards (either way round).
    pub fn has_string(&self, from: &str, to: &str, theory: &str) -> bool {
        self.strings
            .values()
            .any(|s| s.theory == theory && ((s.from == from && s.to == to) || (s.from == to && s.to == from)))
    }
}
