//! Bringing files in: board files, JSON Canvas files and universes, told apart by their content
//! (never by their name). Each is checked in full before anything changes; a bad one gets a
//! notice that says what is wrong, and nothing else happens.

use crate::formats::{canvas, envelope};
use crate::model::board::Board;
use crate::session::library::Boards;
use crate::session::universes::{self, BUILT_IN};
use crate::web::files::{self, Picked};
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
        (Content::Board, _) => board_from_file(picked).and_then(|board| boards.add(&board)),
        (Content::Canvas, _) => canvas_board(boards, picked).and_then(|board| boards.add(&board)),
        (Content::Universe, _) => universes::import(&picked.text).map(|universe| boards.create(&universe.id)),
        (Content::Unknown, _) => Err(format!(
            "\"{}\" is not a Caseboard board, a JSON Canvas (.canvas) or a universe file",
            picked.name
        )),
    };
    match outcome {
        Ok(()) => {
            boards.notices.dismiss_topic("import");
            boards.notices.info("import", format!("\"{}\" was imported as a new board.", picked.name));
        }
        Err(e) => boards.notices.problem("import", format!("Nothing was imported: {e}.")),
    }
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
    let mut board = envelope::decode(&picked.text, &universe.id).map_err(fault)?;
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
