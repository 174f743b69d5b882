//! The bars over the board: the toolbar, search, the timeline, focus mode's bar, the filter chip
//! and the shared-preview bar.

pub mod filter_chip;
pub mod focus_bar;
pub mod search;
pub mod shared_preview;
pub mod timeline;
pub mod toolbar;
