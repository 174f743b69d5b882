//! Codecs between the model and text.

pub mod envelope;
pub mod library;
