//! Browser glue: storage, timers and page lifecycle.

pub mod crash;
pub mod debounce;
pub mod download;
pub mod ids;
pub mod lifecycle;
pub mod storage;
