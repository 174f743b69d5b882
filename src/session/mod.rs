//! The store: the fan's boards, the open board's state and everything that keeps them (saving,
//! other tabs, links, imports), as signals and plain values; no views. It uses `model`, `formats`
//! and `web`, never `ui`. What needs no browser (the storage keys) also compiles natively, so its
//! rules are tested with `cargo test`.

pub mod keys;

#[cfg(target_arch = "wasm32")]
pub mod actions;
#[cfg(target_arch = "wasm32")]
pub mod backups;
#[cfg(target_arch = "wasm32")]
pub mod document;
#[cfg(target_arch = "wasm32")]
pub mod first_visit;
#[cfg(target_arch = "wasm32")]
pub mod importing;
#[cfg(target_arch = "wasm32")]
pub mod library;
#[cfg(target_arch = "wasm32")]
pub mod links;
#[cfg(target_arch = "wasm32")]
pub mod membership;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod open_board;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod persistence;
#[cfg(target_arch = "wasm32")]
pub mod saved_view;
#[cfg(target_arch = "wasm32")]
pub mod screen;
#[cfg(target_arch = "wasm32")]
pub mod snapshot;
#[cfg(target_arch = "wasm32")]
pub mod tab_sync;
#[cfg(target_arch = "wasm32")]
pub mod transient;
#[cfg(target_arch = "wasm32")]
pub mod undo_kept;
#[cfg(target_arch = "wasm32")]
pub mod universes;
