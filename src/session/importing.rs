//! Bringing files in: board files, JSON Canvas files and universes, told apart by their content
//! (never by their name). Each is checked in full before anything changes; a bad one gets a
//! notice that says what is wrong, and nothing else happens.

use crate::formats::{canvas, envelope};
use crate::model::board::{Board, MAX_BOARD_NAME};
use crate::model::universe::Universe;
use crate::session::library::Boards;
use crate::session::universes::{self, BUILT_IN};
use crate::web::files::{self, Picked};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the fan asked to import; a dropped file may be anything.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Board,
    Universe,
    Anything,
}

pub fn import_file(boards: Boards, file: web_sys::File) {
    import_file_as(boards, file, Expected::Anything);
}

pub fn import_file_as(boards: Boards, file: web_sys::File, expected: Expected) {
    spawn_local(async move {
        match files::read_text(&file, envelope::MAX_FILE_BYTES).await {
            Ok(picked) => import_text(boards, &picked, expected),
            Err(e) => boards.notices.problem("import", format!("Nothing was imported: {e}.")),
        }
    });
}

fn import_text(boards: Boards, picked: &Picked, expected: Expected) {
    let content = Content::of(&picked.text);
    let outcome = match (content, expected) {
        (Content::Universe, Expected::Board) | (Content::Board | Content::Canvas, Expected::Universe) => {
            Err(format!("\"{}\" is a {}; use {} for it", picked.name, content.name(), content.button()))
        }
        (Content::Board, _) => board_from_file(picked).and_then(|board| added(boards, picked, &board)),
        (Content::Canvas, _) => canvas_board(boards, picked).and_then(|board| added(boards, picked, &board)),
        (Content::Universe, _) => import_universe(boards, picked),
        (Content::Unknown, _) => Err(format!(
            "\"{}\" is not a Caseboard board, a JSON Canvas (.canvas) or a universe file",
            picked.name
        )),
    };
    boards.notices.dismiss_topic("import");
    match outcome {
        Ok(Told::Done(text)) => boards.notices.info("import", text),
        Ok(Told::Ask(text, answer)) => boards.notices.info_with("import", text, answer),
        Err(e) => boards.notices.problem("import", format!("Nothing was imported: {e}.")),
    }
}

/// What an import tells the fan: what it did, or a question with the button that answers it.
enum Told {
    Done(String),
    Ask(String, (&'static str, Callback<()>)),
}

#[derive(Clone, Copy)]
enum Content {
    Board,
    Canvas,
    Universe,
    Unknown,
}

impl Content {
    fn of(text: &str) -> Content {
        if envelope::peek(text).is_some() || text.contains("\"format\"") && text.contains("\"caseboard\"") {
            Content::Board
        } else if canvas::looks_like_canvas(text) {
            Content::Canvas
        } else if text.contains("\"entities\"") {
            Content::Universe
        } else {
            Content::Unknown
        }
    }

    fn name(self) -> &'static str {
        match self {
            Content::Universe => "universe file",
            Content::Canvas => "JSON Canvas",
            _ => "board file",
        }
    }

    /// The button that imports this kind of file.
    fn button(self) -> &'static str {
        match self {
            Content::Universe => "Import universe",
            _ => "Import board",
        }
    }
}

/// A universe file: checked, stored and opened as a new board. One that would replace a
/// different universe of its id already stored asks first, naming the boards that use it: they
/// open with the new one from then on.
fn import_universe(boards: Boards, picked: &Picked) -> Result<Told, String> {
    let universe = universes::check(&picked.text)?;
    let id = universe.id.clone();
    // The same universe again (however its file is laid out) replaces nothing.
    let old = universes::stored(&id).map(|text| Universe::parse(&text));
    let Some(old) = old.filter(|old| old.as_ref() != Ok(&universe)) else {
        universes::store(&id, &picked.text)?;
        boards.create(&id);
        return Ok(Told::Done(format!("\"{}\" was imported as a new board.", picked.name)));
    };
    let users: Vec<String> = boards.library.with_untracked(|l| {
        l.boards.iter().filter(|e| e.universe == id).map(|e| format!("\"{}\"", e.name)).collect()
    });
    let used_by = match users.as_slice() {
        [] => "no board of yours uses it".to_string(),
        [one] => format!("your board {one} uses it"),
        many if many.len() <= 5 => format!("your boards {} use it", many.join(", ")),
        many => format!("your boards {} and {} more use it", many[..4].join(", "), many.len() - 4),
    };
    let old_version =
        old.map_or_else(|_| "one that cannot be read".to_string(), |u| format!("version {}", u.version));
    let (text, file) = (picked.text.clone(), picked.name.clone());
    let replace = Callback::new(move |_| {
        boards.notices.dismiss_topic("import");
        match universes::store(&id, &text) {
            Ok(()) => {
                boards.create(&id);
                boards.notices.info(
                    "import",
                    format!("\"{file}\" replaced the universe '{id}' and was opened as a new board."),
                );
            }
            Err(e) => boards.notices.problem("import", format!("Nothing was imported: {e}.")),
        }
    });
    let question = format!(
        "\"{}\" would replace the universe '{}' this browser has ({old_version}; the file holds version {}), and {used_by}: they would open with the new one. Replace it?",
        picked.name, universe.id, universe.version
    );
    Ok(Told::Ask(question, ("Replace universe", replace)))
}

/// Adds `board` and says so, with the name it got when that is not the one it came with: a name
/// is never cut or numbered unsaid.
fn added(boards: Boards, picked: &Picked, board: &Board) -> Result<Told, String> {
    let given = boards.add(board)?;
    let wanted = board.name.trim();
    let imported = format!("\"{}\" was imported as a new board", picked.name);
    Ok(Told::Done(if given == wanted || wanted.is_empty() {
        format!("{imported}.")
    } else if wanted.chars().count() > MAX_BOARD_NAME {
        format!("{imported}, \"{given}\": its name is longer than a board name can be ({MAX_BOARD_NAME} characters).")
    } else {
        format!("{imported}, \"{given}\": another board is called \"{wanted}\".")
    }))
}

/// A board file of any version, for a universe this browser knows, that fits that universe.
fn board_from_file(picked: &Picked) -> Result<Board, String> {
    let fault = |e: envelope::EnvelopeError| format!("\"{}\" cannot be opened: {e}", picked.name);
    let Some((universe_id, _)) = envelope::peek(&picked.text) else {
        // Decoding says best what is wrong with a board whose universe cannot even be read.
        return Err(envelope::decode(&picked.text, BUILT_IN)
            .err()
            .map_or_else(|| format!("\"{}\" names no universe", picked.name), fault));
    };
    let universe = universes::load(&universe_id)?;
    let mut board = envelope::decode_for(&picked.text, &universe).map_err(fault)?;
    envelope::check_against(&board, &universe).map_err(fault)?;
    if board.name.trim().is_empty() {
        board.name = stem(&picked.name).to_string();
    }
    Ok(board)
}

/// A canvas becomes a board of the universe on screen (a canvas names none).
fn canvas_board(boards: Boards, picked: &Picked) -> Result<Board, String> {
    let universe = universes::load(&boards.current_universe())?;
    canvas::import_beside_canon(&picked.text, stem(&picked.name), &universe)
        .map_err(|e| format!("\"{}\" cannot be opened: {e}", picked.name))
}

/// A file name without its extensions ("Mole.caseboard.json" → "Mole").
fn stem(file_name: &str) -> &str {
    file_name.split('.').next().filter(|s| !s.is_empty()).unwrap_or(file_name)
}
