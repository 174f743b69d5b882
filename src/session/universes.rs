//! The universes this browser knows: the one built into the app, and those the fan imported
//! (stored under `keys::universe_key`).

use crate::formats::library::is_valid_id;
use crate::model::universe::Universe;
use crate::session::keys::universe_key;
use crate::web::storage;

pub const BUILT_IN: &str = "ballard";

/// The universe with this id, read and checked afresh.
pub fn load(id: &str) -> Result<Universe, String> {
    if id == BUILT_IN {
        return Universe::ballard().map_err(|e| format!("the built-in universe is damaged ({e})"));
    }
    let stored = storage::read(&universe_key(id))?;
    let text =
        stored.ok_or_else(|| format!("the universe '{id}' is not in this browser; import its file first"))?;
    Universe::parse(&text).map_err(|e| format!("the stored universe '{id}' is damaged: {e}"))
}

/// Checks a universe file as one the fan may import (not yet stored: see [`store`]).
pub fn check(text: &str) -> Result<Universe, String> {
    let universe = Universe::parse(text).map_err(|e| e.to_string())?;
    if universe.id == BUILT_IN {
        return Err(format!("'{BUILT_IN}' is the universe built into Caseboard; give yours another id"));
    }
    if !is_valid_id(&universe.id) {
        return Err(format!(
            "its id '{}' may only hold letters, digits, '-' and '_' (at most 100)",
            universe.id
        ));
    }
    Ok(universe)
}

/// The text of the universe with this id this browser holds, if it holds one (the built-in
/// universe is not stored).
pub fn stored(id: &str) -> Option<String> {
    storage::read(&universe_key(id)).ok().flatten()
}

/// Keeps a checked universe file in this browser, in place of any stored under its id.
pub fn store(id: &str, text: &str) -> Result<(), String> {
    storage::write(&universe_key(id), text).map_err(|e| format!("the browser would not store it ({e})"))
}
