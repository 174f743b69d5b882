//! The pure model: no Leptos, no web-sys.

pub mod board;
pub mod command;
pub mod culling;
pub mod filter;
pub mod geometry;
pub mod history;
pub mod horizon;
pub mod kept;
pub mod labels;
pub mod layout;
pub mod merge;
pub mod on_board;
pub mod order;
pub mod paging;
pub mod query;
pub mod scene;
pub mod selection;
pub mod string_path;
pub mod theory_counts;
pub mod tidy;
pub mod universe;
