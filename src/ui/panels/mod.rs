//! The side panel (a sheet on a phone): the inspector and the card's connections, theories,
//! filters, boards, hidden cards, saved data and the legend.

pub mod board_list;
pub mod connections;
pub mod filters;
pub mod hidden_cards;
pub mod inspector;
pub mod legend;
pub mod saved_data;
pub mod sheet_bar;
pub mod theories;
