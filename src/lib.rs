//! Caseboard: a detective's corkboard for fans of a crime series.
//!
//! `model` and `formats` are plain Rust, tested natively; `session` (the store) and `ui` (the
//! views) sit on top, with `web` as the browser glue. Only the session's plain parts compile
//! outside wasm32.

pub mod formats;
pub mod model;
pub mod session;

#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod web;

/// Mounts the app on the page's body.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    leptos::mount::mount_to_body(ui::app::App);
}
