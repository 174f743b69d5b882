//! The index of the fan's boards: which boards exist, what they are called, which universe each
//! belongs to, and which one was open last. Each board is stored under its own key, so one
//! damaged board never takes the others down; the index only names them.

use crate::model::board::MAX_BOARD_NAME;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "caseboard-boards";
pub const VERSION: u64 = 1;
/// More boards than any fan keeps; a longer index is damaged or hostile.
pub const MAX_BOARDS: usize = 1_000;
const MAX_ID: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub universe: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub boards: Vec<Entry>,
    /// Boards deleted here, newest last: storage may still hold one (its removal failed, or
    /// another tab saved it again before it heard), and it must never be adopted back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u64,
    #[serde(flatten)]
    library: Library,
}

/// Ids go into storage keys and file names: short, and only letters, digits, '-' and '_'.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub fn encode(library: &Library) -> String {
    let stored = Stored { format: FORMAT.to_string(), version: VERSION, library: library.clone() };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored index; an error says what is wrong with it.
pub fn decode(text: &str) -> Result<Library, String> {
    let stored: Stored = serde_json::from_str(text).map_err(|e| format!("it is not a board list ({e})"))?;
    if stored.format != FORMAT {
        return Err("it is not a board list".to_string());
    }
    if stored.version > VERSION {
        return Err(format!("it was written by a newer Caseboard (version {})", stored.version));
    }
    let library = stored.library;
    if library.boards.len() > MAX_BOARDS {
        return Err(format!("it lists more than {MAX_BOARDS} boards"));
    }
    let mut seen = std::collections::HashSet::new();
    for entry in &library.boards {
        if !is_valid_id(&entry.id) || !seen.insert(entry.id.as_str()) {
            return Err(format!("it lists a bad or repeated board id '{}'", entry.id));
        }
    }
    if library.deleted.len() > MAX_BOARDS {
        return Err(format!("it names more than {MAX_BOARDS} deleted boards"));
    }
    if let Some(bad) = library.deleted.iter().find(|id| !is_valid_id(id) || seen.contains(id.as_str())) {
        return Err(format!("it names a bad deleted board id '{bad}'"));
    }
    Ok(library)
}

impl Library {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.boards.iter().find(|e| e.id == id)
    }

    /// `wanted`, trimmed and capped, made different from every other board's name by a number.
    pub fn unique_name(&self, wanted: &str) -> String {
        self.unique_name_beside(wanted, None)
    }

    /// [`Library::unique_name`], where the board `renamed` (if any) may keep its own name. The
    /// base is cut only as far as its number needs, so every name made here is one the board
    /// check accepts ("<76 characters> (10)" would be 81).
    fn unique_name_beside(&self, wanted: &str, renamed: Option<&str>) -> String {
        let base = match wanted.trim() {
            "" => "Untitled board",
            trimmed => trimmed,
        };
        let taken = |name: &str| self.boards.iter().any(|e| e.name == name && Some(e.id.as_str()) != renamed);
        let plain = fitted(base, "");
        if !taken(&plain) {
            return plain;
        }
        (2..).map(|n| fitted(base, &format!(" ({n})"))).find(|name| !taken(name)).unwrap_or(plain)
    }

    /// Fits every name longer than a board name may be (an earlier Caseboard numbered names past
    /// 80 characters), keeping its number, made unique as any other; returns the names given,
    /// for the fan to be told.
    pub fn fit_names(&mut self) -> Vec<String> {
        let mut given = Vec::new();
        for i in 0..self.boards.len() {
            let entry = &self.boards[i];
            if entry.name.chars().count() > MAX_BOARD_NAME {
                let numbered = entry.name.strip_suffix(')').and_then(|rest| rest.rsplit_once(" ("));
                let wanted = match numbered.filter(|(_, n)| n.chars().all(|c| c.is_ascii_digit())) {
                    Some((base, number)) => fitted(base, &format!(" ({number})")),
                    None => entry.name.clone(),
                };
                let name = self.unique_name_beside(&wanted, Some(&entry.id));
                self.boards[i].name = name.clone();
                given.push(name);
            }
        }
        given
    }

    /// Adds a board at the end of the list (its name made unique) and returns the name it got.
    pub fn add(&mut self, id: &str, name: &str, universe: &str) -> String {
        let name = self.unique_name(name);
        self.boards.push(Entry { id: id.to_string(), name: name.clone(), universe: universe.to_string() });
        name
    }

    /// Renames a board; the name is trimmed, capped and made unique. Returns the name it got.
    pub fn rename(&mut self, id: &str, name: &str) -> Option<String> {
        let name = self.unique_name_beside(name, Some(id));
        let entry = self.boards.iter_mut().find(|e| e.id == id)?;
        entry.name = name.clone();
        Some(name)
    }

    /// Adds a board that storage holds but the index does not list (one a crash left unlisted,
    /// or the single board of an older Caseboard), unless it was deleted. True when it was added.
    pub fn adopt(&mut self, id: &str, name: &str, universe: &str) -> bool {
        let adopted = !self.knows(id);
        if adopted {
            self.add(id, name, universe);
        }
        adopted
    }

    /// True when the board is listed, or was deleted.
    pub fn knows(&self, id: &str) -> bool {
        self.entry(id).is_some() || self.deleted.iter().any(|d| d == id)
    }

    /// Removes a board, remembering that it was deleted; the current board moves to a neighbour
    /// when it was the one removed.
    pub fn remove(&mut self, id: &str) {
        let Some(index) = self.boards.iter().position(|e| e.id == id) else { return };
        self.boards.remove(index);
        if self.deleted.len() >= MAX_BOARDS {
            self.deleted.remove(0);
        }
        self.deleted.push(id.to_string());
        if self.current.as_deref() == Some(id) {
            let neighbour = self.boards.get(index).or_else(|| self.boards.last());
            self.current = neighbour.map(|e| e.id.clone());
        }
    }

    /// The board to open: the last one open if it still exists, else the first.
    pub fn to_open(&self) -> Option<&Entry> {
        self.current.as_deref().and_then(|id| self.entry(id)).or_else(|| self.boards.first())
    }
}

/// `base` cut at its end, by characters, so that it and `suffix` fit in a board name.
fn fitted(base: &str, suffix: &str) -> String {
    let room = MAX_BOARD_NAME.saturating_sub(suffix.chars().count());
    let kept: String = base.chars().take(room).collect();
    format!("{}{suffix}", kept.trim_end())
}

/// A board's name as a file name: characters file systems refuse become '-'.
pub fn file_name(board_name: &str, extension: &str) -> String {
    let safe: String = board_name
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    let safe = safe.trim_matches('.').trim();
    let stem = if safe.is_empty() { "board" } else { safe };
    format!("{stem}.{extension}")
}
