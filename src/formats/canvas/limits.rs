//! What a canvas may be to be read, and what is said when it is not.

use crate::formats::envelope::{EnvelopeError, MAX_FILE_BYTES};
use std::fmt;

/// The largest canvas read, in bytes (as any imported file), and the most nodes and edges it may
/// hold.
pub const MAX_CANVAS_BYTES: usize = MAX_FILE_BYTES;
pub const MAX_NODES: usize = 20_000;
pub const MAX_EDGES: usize = 50_000;
/// How deep lists and objects may nest. A canvas needs three levels (the document, its lists,
/// their items); the rest is room for other apps' extra data, not for a file built to exhaust
/// the parser.
pub const MAX_NESTING: usize = 64;
/// Coordinates must be smaller than this either way, as on a saved board.
pub(super) const MAX_COORDINATE: f64 = 1.0e7;

#[derive(Clone, Debug, PartialEq)]
pub enum CanvasError {
    TooLarge(usize),
    TooDeep,
    NotJson(String),
    /// The document is JSON but not shaped like a canvas; says what is wrong.
    NotACanvas(&'static str),
    TooMany {
        what: &'static str,
        count: usize,
        max: usize,
    },
    /// `item` names the node or edge ("node 'a'", or "node 3" when it has no id).
    Missing {
        item: String,
        field: &'static str,
    },
    BadNumber {
        item: String,
        field: &'static str,
    },
    /// Words longer than a card or string keeps: refused, since cutting them would lose them.
    TooLong {
        item: String,
        what: &'static str,
        count: usize,
        max: usize,
    },
    DuplicateNode(String),
    DanglingEdge {
        edge: String,
        node: String,
    },
    /// The board made from the canvas failed the check every board passes.
    Invalid(EnvelopeError),
    /// The board made from the canvas would write a board file larger than a file import reads.
    BoardTooLarge(usize),
}

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanvasError::TooLarge(n) => {
                write!(f, "the canvas is {n} bytes; at most {MAX_CANVAS_BYTES} can be read")
            }
            CanvasError::TooDeep => {
                write!(f, "the canvas nests lists and objects more than {MAX_NESTING} deep")
            }
            CanvasError::NotJson(e) => write!(f, "the canvas is not valid JSON ({e})"),
            CanvasError::NotACanvas(what) => write!(f, "it is not a JSON Canvas ({what})"),
            CanvasError::TooMany { what, count, max } => {
                write!(f, "the canvas has {count} {what}; at most {max} can be read")
            }
            CanvasError::Missing { item, field } => write!(f, "{item} has no {field}"),
            CanvasError::BadNumber { item, field } => write!(
                f,
                "{item} has an unusable {field}: it must be a number smaller than {MAX_COORDINATE} either way"
            ),
            CanvasError::TooLong { item, what, count, max } => write!(
                f,
                "the {what} of {item} is {count} characters long; Caseboard keeps at most {max} and cuts \
                 nothing, so shorten it and import the canvas again"
            ),
            CanvasError::DuplicateNode(id) => write!(f, "the node id '{id}' is used more than once"),
            CanvasError::DanglingEdge { edge, node } => {
                write!(f, "edge '{edge}' points at node '{node}', which is not in the canvas")
            }
            CanvasError::Invalid(e) => write!(f, "the board made from the canvas is not sound: {e}"),
            CanvasError::BoardTooLarge(n) => write!(
                f,
                "the board made from the canvas would be a board file of {n} bytes, and at most \
                 {MAX_FILE_BYTES} can be imported again; split the canvas in two"
            ),
        }
    }
}

impl std::error::Error for CanvasError {}
