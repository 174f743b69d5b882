//! Leptos components, one per file.

pub mod app;
mod board;
mod card;
mod confirm;
mod notices;
mod screen;
mod state;
mod string;
mod toolbar;
