//! Whether this is a fan's first visit, as far as the first-visit hint is concerned.

use crate::session::keys::HINT_DISMISSED;
use crate::web::storage;

/// True until the fan dismisses the hint (and when storage cannot even be read, false: the hint
/// would then come back on every visit).
pub fn hint_wanted() -> bool {
    storage::read(HINT_DISMISSED).is_ok_and(|v| v.is_none())
}

/// The fan read the hint: it is not shown again. Should storage refuse, the hint only comes
/// back next visit, which loses nothing, so the refusal is not worth a notice.
pub fn dismiss_hint() {
    let _ = storage::write(HINT_DISMISSED, "1");
}
