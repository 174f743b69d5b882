//! Three-way merge of boards, for two tabs editing one board: what the other tab changed since
//! this tab last synced comes in, what this tab changed stays, and where both changed the same
//! record the other tab's version (saved later) wins.

use super::board::{Board, Key};
use super::command::{Change, Command};
use std::collections::BTreeSet;

pub struct Merge {
    /// Turns `ours` into the merged board.
    pub command: Command,
    /// Records both sides changed; theirs was kept.
    pub conflicts: Vec<Key>,
}

/// Merges `theirs` into `ours`, both descended from `base`.
pub fn merge(base: &Board, ours: &Board, theirs: &Board) -> Merge {
    // Inserted, not collected (see `model::order`).
    let mut keys = BTreeSet::new();
    for key in base.keys().into_iter().chain(theirs.keys()).chain(ours.keys()) {
        keys.insert(key);
    }
    let mut changes = Vec::new();
    let mut conflicts = Vec::new();
    for key in keys {
        let (was, mine, their) = (base.get(&key), ours.get(&key), theirs.get(&key));
        if their == was || their == mine {
            continue;
        }
        if mine != was {
            conflicts.push(key.clone());
        }
        changes.push(Change { key, before: mine, after: their });
    }
    Merge { command: Command { changes }, conflicts }
}
