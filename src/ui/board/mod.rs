//! The board itself: the cork (pan, zoom, pinch), the cards and their faces, pins, strings, what
//! is drawn near the view, the minimap, and what an empty cork says.

pub mod asked_labels;
pub mod card;
pub mod card_face;
pub mod cork;
pub mod culling;
pub mod empty_board;
pub mod gestures;
pub mod minimap;
pub mod overview;
pub mod pin;
pub mod string;
pub mod words;
