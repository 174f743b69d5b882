//! Leptos views, in rooms that show what they are for; each room uses only the session and the
//! shared `chrome`. The root (`app`, `workspace`, `shortcuts`) puts the rooms together.

pub mod app;
mod bars;
mod board;
mod chrome;
mod dialogs;
mod panels;
mod shortcuts;
mod workspace;
