//! Every change to a board is a command that can apply and revert itself, so undo,
//! persistence and sync can all be built on the one mechanism.

use super::board::Board;
use super::geometry::Point;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    MoveCard {
        id: String,
        from: Point,
        to: Point,
    },
    /// Back to the default layout; `before` keeps what it replaces.
    Reset {
        before: Box<Board>,
    },
}

impl Command {
    pub fn reset(board: &Board) -> Command {
        Command::Reset {
            before: Box::new(board.clone()),
        }
    }

    pub fn apply(&self, board: &mut Board, defaults: &HashMap<String, Point>) {
        match self {
            Command::MoveCard { id, to, .. } => board.set_position(id, *to, defaults),
            Command::Reset { before } => {
                *board = Board::new(&before.universe_id, before.universe_version);
            }
        }
    }

    pub fn revert(&self, board: &mut Board, defaults: &HashMap<String, Point>) {
        match self {
            Command::MoveCard { id, from, .. } => board.set_position(id, *from, defaults),
            Command::Reset { before } => *board = (**before).clone(),
        }
    }

    /// The cards whose position this command changes; None when it may change any.
    pub fn moved_cards(&self) -> Option<Vec<&str>> {
        match self {
            Command::MoveCard { id, .. } => Some(vec![id.as_str()]),
            Command::Reset { .. } => None,
        }
    }
}
