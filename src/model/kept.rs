//! What a board brought in from a JSON Canvas keeps of the canvas that Caseboard has no use for
//! itself: each node's and edge's own fields beside what its card or string holds, and the
//! document's fields beside its nodes and edges. Exporting the board writes them back, so a
//! canvas goes out as it came in (see `formats::canvas`).

use super::geometry::Point;
use serde::{Deserialize, Serialize};

/// A canvas node's or edge's fields as they were read, by name.
pub type Kept = serde_json::Map<String, serde_json::Value>;

/// What a board keeps of the canvas document it was made from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CanvasDocument {
    /// The document's fields other than `nodes` and `edges` (a top-level `metadata`, say).
    #[serde(default, skip_serializing_if = "Kept::is_empty")]
    pub fields: Kept,
    /// How far the import moved every node to lie beside the show's cards; the export moves
    /// them back, so the canvas's own coordinates come back too.
    #[serde(default)]
    pub shift: Point,
}
