//! What every room shares: the modal and confirm dialogs' behaviour, focus helpers, icons, the
//! notices list, small text helpers, pointer capture, a long list's "Show more" and the
//! layout's measuring.

pub mod confirm;
pub mod focus;
pub mod icons;
pub mod measure;
pub mod modal;
pub mod notices;
pub mod pointer;
pub mod show_more;
pub mod text;
