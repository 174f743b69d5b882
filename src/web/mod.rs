//! Browser glue: the only code that talks to web-sys.

pub mod clipboard;
pub mod compress;
pub mod crash;
pub mod debounce;
pub mod device;
pub mod download;
pub mod files;
pub mod first_paint;
pub mod ids;
pub mod image;
pub mod lifecycle;
pub mod offline;
pub mod snapshot;
pub mod storage;
pub mod timing;
