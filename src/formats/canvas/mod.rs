//! JSON Canvas 1.0 (<https://jsoncanvas.org/spec/1.0/>), the open file format of infinite-canvas
//! apps such as Obsidian. Export writes the board as the fan sees it; import turns any canvas into
//! a new board of the fan's own notes, strung together in one theory, and keeps what Caseboard has
//! no use for, so that the board exports as the canvas it came from.

mod limits;
mod meaning;
mod read;
mod theories;
mod write;

pub use limits::{CanvasError, MAX_CANVAS_BYTES, MAX_EDGES, MAX_NESTING, MAX_NODES};
pub use meaning::label_with;
pub use read::{import, import_beside_canon, looks_like_canvas};
pub use write::export;
