//! Codecs between the model and text.

pub mod envelope;
pub mod library;
pub mod link;
