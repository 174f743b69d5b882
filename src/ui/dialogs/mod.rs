//! The modal dialogs over the board (one at a time, `session::transient::Dialog`), and the
//! first-visit hint.

pub mod add_card;
pub mod help;
pub mod host;
pub mod share;
pub mod watched;
