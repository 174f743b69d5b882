//! Undo and redo over committed commands, for the session only.

use super::board::Board;
use super::command::Command;

/// How many steps can be undone; older ones are forgotten.
pub const UNDO_LIMIT: usize = 500;

#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Command>,
    undone: Vec<Command>,
}

impl History {
    /// Records a command that has just been applied; it clears what could be redone.
    pub fn record(&mut self, command: Command) {
        if command.is_empty() {
            return;
        }
        self.undone.clear();
        self.done.push(command);
        if self.done.len() > UNDO_LIMIT {
            self.done.remove(0);
        }
    }

    /// Records a command that carries on the last one (a card nudged again by a key press in a
    /// row): when both change the same records, one undo takes back both.
    pub fn record_continuing(&mut self, command: Command) {
        let same_records = |last: &Command| last.keys().eq(command.keys());
        match self.done.pop() {
            Some(last) if same_records(&last) => {
                self.undone.clear();
                let joined = last.then(command);
                if !joined.is_empty() {
                    self.done.push(joined);
                }
            }
            last => {
                self.done.extend(last);
                self.record(command);
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Reverts the last command on `board` and returns it, so the view can follow.
    pub fn undo(&mut self, board: &mut Board) -> Option<Command> {
        let command = self.done.pop()?;
        command.revert(board);
        self.undone.push(command.clone());
        Some(command)
    }

    pub fn redo(&mut self, board: &mut Board) -> Option<Command> {
        let command = self.undone.pop()?;
        command.apply(board);
        self.done.push(command.clone());
        Some(command)
    }
}
