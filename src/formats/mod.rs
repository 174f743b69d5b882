//! Codecs between the model and text.

pub mod canvas;
pub mod caption;
pub mod css_string;
pub mod envelope;
pub mod first_paint;
pub mod history;
pub mod library;
pub mod link;
pub mod plain;
pub mod png_size;
pub mod snapshot;
pub mod svg;
pub mod svg_text;
