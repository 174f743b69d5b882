//! The fan's boards: the stored index, which board is on screen, and the board operations (new,
//! duplicate, rename, delete, switch, add from a file or a link). Every multi-key change writes
//! the board first and the index second, so an interrupted change leaves either the old state or
//! an unlisted board that the next start adopts: never an index naming a board that is not there.
//! A deleted board is remembered in the index, so it is never adopted back.

use crate::formats::envelope;
use crate::formats::library::{self, file_name, Entry, Library};
use crate::model::board::{Board, MAX_BOARD_NAME};
use crate::session::keys::{self, backup_key, board_id_of_key, board_key};
use crate::session::notices::Notices;
use crate::session::open_board::BoardState;
use crate::session::persistence::Source;
use crate::session::screen::Screen;
use crate::session::universes::{self, BUILT_IN};
use crate::web::{crash, ids, lifecycle, storage};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What the screen shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// A stored board, by id.
    Stored(String),
    /// A board from a share link, previewed until the fan saves it as a board of their own.
    Shared(Board),
}

#[derive(Clone, Copy)]
pub struct Boards {
    pub library: RwSignal<Library>,
    pub open: RwSignal<Option<Opened>>,
    /// The state of the board on screen, for page-wide listeners (keys, leaving, other tabs).
    pub current: StoredValue<Option<BoardState>>,
    pub notices: Notices,
    pub screen: Screen,
    /// The fan is being asked how far they have watched (a first visit): until they answer, the
    /// board shows only the premise.
    pub asking: RwSignal<bool>,
    /// True when storage cannot be read at all: the list then lives in memory only (the
    /// board's own notice says so), and is never written.
    in_memory: bool,
}

impl Boards {
    /// Reads the index (rebuilding it from the stored boards when it is missing or damaged),
    /// making a first board when there is none. Nothing is on screen until one is opened.
    pub fn load(notices: Notices, screen: Screen) -> Boards {
        let boards = Boards {
            library: RwSignal::new(read_library(notices)),
            open: RwSignal::new(None),
            current: StoredValue::new(None),
            notices,
            screen,
            asking: RwSignal::new(false),
            in_memory: storage::read(keys::INDEX).is_err(),
        };
        if boards.library.with_untracked(|l| l.boards.is_empty()) {
            boards.library.update(|l| {
                l.add(BUILT_IN, "Ballard board", BUILT_IN);
            });
        }
        let stored = storage::read(keys::INDEX).ok().flatten();
        if stored != Some(boards.library.with_untracked(library::encode)) {
            boards.write_index();
        }
        boards
    }

    /// The state of the board `opened` names, made the one on screen; or why it cannot be shown
    /// (its universe is not in this browser, or is damaged).
    pub fn open_board(&self, opened: &Opened) -> Result<BoardState, String> {
        let (universe_id, source) =
            match opened {
                Opened::Stored(id) => {
                    let entry = self.library.with_untracked(|l| l.entry(id).cloned()).unwrap_or_else(|| {
                        Entry { id: id.clone(), name: String::new(), universe: BUILT_IN.to_string() }
                    });
                    // Should the app break, the crash overlay offers this board as a file.
                    crash::offer(board_key(id), file_name(&entry.name, "caseboard.json"));
                    (entry.universe, Source::Stored { key: board_key(id), name: entry.name })
                }
                Opened::Shared(board) => (board.universe_id.clone(), Source::Shared(board.clone())),
            };
        let universe = universes::load(&universe_id)?;
        let state = BoardState::load(universe, source, self.notices, self.screen);
        if self.asking.get_untracked() {
            state.show_only_premise();
        }
        self.current.set_value(Some(state));
        Ok(state)
    }

    /// The universe of the board on screen (the built-in one when none is), which a new board
    /// or an imported canvas takes.
    pub fn current_universe(&self) -> String {
        self.current
            .get_value()
            .map(|s| s.doc.universe.with_value(|u| u.id.clone()))
            .unwrap_or_else(|| BUILT_IN.to_string())
    }

    /// How much each of Caseboard's keys holds in storage, in bytes.
    pub fn stored_sizes(&self) -> Result<BTreeMap<String, usize>, String> {
        storage::sizes(keys::PREFIX)
    }

    /// Shows the board that was open last (or the first).
    pub fn open_last(&self) {
        let last = self.library.with_untracked(|l| l.to_open().map(|e| e.id.clone()));
        if let Some(id) = last {
            self.switch_to(&id);
        }
    }

    pub(crate) fn write_index(&self) {
        if self.in_memory {
            return;
        }
        // What is stored is read first, as before any save: a list this version cannot read (a
        // newer Caseboard's, or damaged) is kept as a backup, never silently written over.
        if let Ok(Some(stored)) = storage::read(keys::INDEX) {
            if let Err(reason) = library::decode(&stored) {
                keep_unreadable_index(
                    self.notices,
                    &stored,
                    &reason,
                    "this tab's list is saved in its place",
                );
            }
        }
        let text = self.library.with_untracked(library::encode);
        match storage::write(keys::INDEX, &text) {
            Ok(()) => self.notices.dismiss_topic("index-not-saved"),
            Err(e) => self.notices.problem(
                "index-not-saved",
                format!("The list of your boards could not be saved ({e}). Your boards are still there; export the ones you care about."),
            ),
        }
    }

    /// Writes a pending save of the board on screen and lets go of it. A board the browser
    /// would not store is downloaded as a file first, whole, so leaving it never loses it.
    fn leave_current(&self) {
        self.let_go(true);
    }

    /// Lets go of the board on screen; `keep` when what storage refused must be kept as a file
    /// (not for a board being deleted).
    fn let_go(&self, keep: bool) {
        if let Some(state) = self.current.get_value() {
            // A field being edited on this board commits its text as it loses focus: before the
            // board goes, so the last save holds it.
            lifecycle::blur_focused();
            state.flush_save();
            // Their notices offer to export a board that is about to close.
            self.notices.dismiss_topic("save-failed");
            self.notices.dismiss_topic("not-saving");
            if keep && state.save_failed() && state.rescue_board() {
                self.notices.problem(
                    "left-unsaved",
                    format!(
                        "\"{}\" could not be saved in this browser, so it was downloaded as a board file before it closed. To carry on with it, open that file with Import (or drop it on the board) once there is room: delete boards or backups you no longer need (Theories → Boards, and Saved data).",
                        state.doc.name()
                    ),
                );
            } else if keep && state.persistence.holds_unsaved() && state.rescue_board() {
                self.notices.problem(
                    "left-unsaved",
                    format!(
                        "\"{}\" held changes this tab could not save without writing over what storage holds, so it was downloaded as a board file before it closed. To carry on with them, open that file with Import (or drop it on the board).",
                        state.doc.name()
                    ),
                );
            }
        }
        self.current.set_value(None);
    }

    pub fn switch_to(&self, id: &str) {
        if self.open.get_untracked() == Some(Opened::Stored(id.to_string())) {
            return;
        }
        self.leave_current();
        self.library.update(|l| l.current = Some(id.to_string()));
        self.write_index();
        self.open.set(Some(Opened::Stored(id.to_string())));
        self.notices.dismiss_topic("shared");
    }

    /// Shows a shared board without storing it.
    pub fn preview(&self, board: Board) {
        self.leave_current();
        self.open.set(Some(Opened::Shared(board)));
    }

    /// A new board with the universe's default layout.
    pub fn create(&self, universe_id: &str) {
        let name = match universes::load(universe_id) {
            Ok(universe) => format!("{} board", universe.title),
            Err(e) => return self.notices.problem("board", format!("No board was made: {e}.")),
        };
        let id = ids::fresh_id("b");
        self.library.update(|l| {
            l.add(&id, &name, universe_id);
        });
        self.switch_to(&id);
    }

    /// Stores `board` as a new board (from a file, a canvas, a link or a duplicate) and opens it;
    /// returns the name it got (made unique, and fitted to a board name).
    pub fn add(&self, board: &Board) -> Result<String, String> {
        let id = ids::fresh_id("b");
        let name = self.library.with_untracked(|l| l.unique_name(&board.name));
        let named = Board { name: name.clone(), ..board.clone() };
        let text = envelope::encode(&named, 1);
        // What is stored must read back: a board that would not (a canvas card that took a
        // canon id, say) is refused now, with the reason, not backed up at the next load.
        let universe = universes::load(&board.universe_id)?;
        envelope::decode_for(&text, &universe).map_err(|e| format!("it would not read back: {e}"))?;
        storage::write(&board_key(&id), &text)
            .map_err(|e| format!("the browser would not store it ({e})"))?;
        self.library.update(|l| {
            l.add(&id, &name, &board.universe_id);
        });
        self.switch_to(&id);
        Ok(name)
    }

    pub fn duplicate(&self, id: &str) {
        if let Some(state) = self.current.get_value() {
            state.flush_save();
        }
        let Some(entry) = self.library.with_untracked(|l| l.entry(id).cloned()) else { return };
        let stored = storage::read(&board_key(id)).ok().flatten();
        let read = |text: String| {
            let universe = universes::load(&entry.universe)?;
            envelope::decode_for(&text, &universe).map_err(|e| e.to_string())
        };
        let board = match stored.map(read) {
            Some(Ok(board)) => board,
            Some(Err(e)) => {
                return self.notices.problem("board", format!("\"{}\" could not be copied: {e}.", entry.name))
            }
            None => Board::new(&entry.universe, universe_version(&entry.universe)),
        };
        let copy = Board { name: format!("{} copy", entry.name), ..board };
        if let Err(e) = self.add(&copy) {
            self.notices.problem("board", format!("\"{}\" could not be copied: {e}.", entry.name));
        }
    }

    /// Renames a board; returns the name it got (a blank one made "Untitled board", a taken one
    /// numbered), None when there is no such board.
    pub fn rename(&self, id: &str, name: &str) -> Option<String> {
        let mut given = None;
        self.library.update(|l| given = l.rename(id, name));
        self.write_index();
        if let (Some(name), Some(Opened::Stored(open))) = (&given, self.open.get_untracked()) {
            if open == id {
                if let Some(state) = self.current.get_value() {
                    state.doc.set_name(name.clone());
                }
            }
        }
        given
    }

    /// Deletes a board (the fan confirmed); the list moves on to a neighbour, or a fresh board.
    pub fn delete(&self, id: &str) {
        let was_open = self.open.get_untracked() == Some(Opened::Stored(id.to_string()));
        if was_open {
            self.let_go(false);
        }
        let name = self.library.with_untracked(|l| l.entry(id).map(|e| e.name.clone())).unwrap_or_default();
        self.library.update(|l| l.remove(id));
        self.write_index();
        // The index remembers the deletion, so a board whose data stays is never adopted back.
        // Its undo history goes with it; one left behind names a board that is gone, unused.
        if let Some(history) = keys::history_key_of(&board_key(id)) {
            let _ = storage::remove(&history);
        }
        if let Err(e) = storage::remove(&board_key(id)) {
            self.notices.problem(
                "board",
                format!("\"{name}\" is gone from your boards, but the browser would not remove its data ({e}); it stays in storage unused until the browser lets Caseboard remove it."),
            );
        }
        if self.library.with_untracked(|l| l.boards.is_empty()) {
            return self.create(BUILT_IN);
        }
        if was_open {
            self.open_last();
        }
    }
}

fn universe_version(id: &str) -> u32 {
    universes::load(id).map_or(1, |u| u.version)
}

/// The stored index with every stored board it misses (one a crash left unlisted, or the
/// single board of an older Caseboard) added; a damaged index is backed up and rebuilt.
pub(crate) fn read_library(notices: Notices) -> Library {
    let mut library = match storage::read(keys::INDEX) {
        Ok(Some(text)) => library::decode(&text).unwrap_or_else(|reason| {
            keep_unreadable_index(notices, &text, &reason, "it was rebuilt from the boards themselves");
            Library::default()
        }),
        _ => Library::default(),
    };
    let fitted = library.fit_names();
    if !fitted.is_empty() {
        let names = fitted.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
        notices.info(
            "names-fitted",
            format!("Board names longer than {MAX_BOARD_NAME} characters, which an earlier Caseboard gave, are shortened to fit: {names}."),
        );
    }
    let stored = storage::keys_with_prefix(keys::BOARD_PREFIX).unwrap_or_default();
    for id in stored.iter().filter_map(|k| board_id_of_key(k)) {
        if !library.knows(id) {
            let peeked = storage::read(&board_key(id)).ok().flatten().and_then(|t| envelope::peek(&t));
            let (universe, name) = peeked.unwrap_or_else(|| (BUILT_IN.to_string(), String::new()));
            let name = if name.is_empty() { format!("{} board", title_of(&universe)) } else { name };
            library.adopt(id, &name, &universe);
        }
    }
    library
}

/// Keeps a stored board list that cannot be read as a backup (once: the same text, met again when
/// this tab writes its list, is not kept twice), and tells the fan what becomes of it (`instead`).
fn keep_unreadable_index(notices: Notices, text: &str, reason: &str, instead: &str) {
    let kept_already = storage::keys_with_prefix(keys::BACKUP_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .find(|key| storage::read(key).ok().flatten().as_deref() == Some(text));
    let kept = match kept_already {
        Some(backup) => Ok(backup),
        None => {
            let backup = backup_key(js_sys::Date::now() as u64);
            storage::write(&backup, text).map(|()| backup)
        }
    };
    let kept = match kept {
        Ok(backup) => format!("the old list is kept as \"{backup}\" (Theories → Saved data)"),
        Err(e) => format!("the old list could not be kept as a backup ({e}) and is replaced"),
    };
    notices.problem(
        "index-damaged",
        format!("The list of your boards could not be read ({reason}); {instead}, and {kept}."),
    );
}

fn title_of(universe_id: &str) -> String {
    universes::load(universe_id).map_or_else(|_| universe_id.to_string(), |u| u.title)
}
