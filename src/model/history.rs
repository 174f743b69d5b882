//! Undo and redo over committed commands. The history is saved with the board (see
//! `formats::history`) and taken back only if every step still applies to the board read.

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

    /// The steps that can be undone, oldest first.
    pub fn done(&self) -> &[Command] {
        &self.done
    }

    /// The steps that can be redone, the next one to redo last.
    pub fn undone(&self) -> &[Command] {
        &self.undone
    }

    /// A history saved with `board`, if it still applies: undoing every step in `done` (oldest
    /// first) finds each record as the step left it, redoing every step in `undone` (the next
    /// last) finds each as the step found it, and every board passed through satisfies `valid`.
    /// None when a step does not apply (the board changed since, in another tab say).
    pub fn restore(
        done: Vec<Command>,
        undone: Vec<Command>,
        board: &Board,
        valid: impl Fn(&Board) -> bool,
    ) -> Option<History> {
        let mut back = board.clone();
        for command in done.iter().rev() {
            for change in command.changes.iter().rev() {
                if back.get(&change.key) != change.after {
                    return None;
                }
                back.put(&change.key, change.before.clone());
            }
            if !valid(&back) {
                return None;
            }
        }
        let mut forward = board.clone();
        for command in undone.iter().rev() {
            for change in &command.changes {
                if forward.get(&change.key) != change.before {
                    return None;
                }
                forward.put(&change.key, change.after.clone());
            }
            if !valid(&forward) {
                return None;
            }
        }
        Some(History { done, undone, run_open: false })
    }

    /// True when every step still applies to `board` (see [`History::restore`]).
    pub fn fits(&self, board: &Board) -> bool {
        History::restore(self.done.clone(), self.undone.clone(), board, |_| true).is_some()
    }
}
