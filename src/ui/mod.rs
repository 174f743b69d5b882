//! Leptos components, one per file.

mod actions;
mod add_card;
pub mod app;
mod board;
mod board_list;
mod boards;
mod card;
mod card_face;
mod confirm;
mod hidden_cards;
mod icons;
mod importing;
mod inspector;
mod legend;
mod notices;
mod persistence;
mod saved_data;
mod screen;
mod share_dialog;
mod sharing;
mod shortcuts;
mod state;
mod string;
mod theories;
mod toolbar;
mod universes;
mod workspace;
