//! Codecs between the model and its stored and shared forms.

pub mod envelope;
pub mod link;
