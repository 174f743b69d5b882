//! Undo and redo over committed commands, for the session only.

use super::board::Board;
use super::command::Command;

/// How many steps can be undone; older ones are forgotten.
pub const UNDO_LIMIT: usize = 500;

#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Command>,
    undone: Vec<Command>,
    /// The last step done is a run that a further step may join (see [`History::record_in_run`]).
    run_open: bool,
}

impl History {
    /// Records a command that has just been applied; it clears what could be redone.
    pub fn record(&mut self, command: Command) {
        if command.is_empty() {
            return;
        }
        self.run_open = false;
        self.undone.clear();
        self.done.push(command);
        if self.done.len() > UNDO_LIMIT {
            self.done.remove(0);
        }
    }

    /// Records a step of a run (a card nudged by key presses in a row). When `continues`, and the
    /// last step done is this run's and changed the same records, the two become one step, so
    /// one undo takes back the run; otherwise the step starts a run. Anything else recorded,
    /// undone or redone in between ends the run.
    pub fn record_in_run(&mut self, command: Command, continues: bool) {
        let joins =
            continues && self.run_open && self.done.last().is_some_and(|last| last.keys().eq(command.keys()));
        if !joins {
            if !command.is_empty() {
                self.record(command);
                self.run_open = true;
            }
            return;
        }
        self.undone.clear();
        let joined = self.done.pop().unwrap_or_default().then(command);
        // A run that ended where it began is no step at all, and nothing for a next press to join.
        self.run_open = !joined.is_empty();
        if self.run_open {
            self.done.push(joined);
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
        self.run_open = false;
        let command = self.done.pop()?;
        command.revert(board);
        self.undone.push(command.clone());
        Some(command)
    }

    pub fn redo(&mut self, board: &mut Board) -> Option<Command> {
        self.run_open = false;
        let command = self.undone.pop()?;
        command.apply(board);
        self.done.push(command.clone());
        Some(command)
    }
}
