//! Share links: making one from the board on screen, and opening one from the address as a
//! preview that the fan may save as a board of their own (a link never overwrites a board).

use crate::formats::link::{self, LinkError, Shared, MAX_FRAGMENT, MAX_PAYLOAD};
use crate::model::board::Board;
use crate::model::horizon::{horizon_value, parse_horizon};
use crate::session::keys::board_key;
use crate::session::library::{Boards, Opened};
use crate::session::open_board::BoardState;
use crate::session::universes;
use crate::web::{compress, storage};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A link to the board on screen, or why there is none.
pub async fn make_link(state: BoardState) -> Result<String, String> {
    // Nothing beyond the sender's horizon travels in the link.
    let horizon = state.view.horizon.get_untracked();
    let board = state.board_to_share("link");
    let payload = state.doc.universe.with_value(|u| {
        let linked = horizon_value(horizon).and_then(|h| u32::try_from(h).ok());
        link::encode(&Shared { board, horizon: linked }, u)
    });
    let compressed = compress::deflate(&payload).await?;
    let fragment = link::to_fragment(&compressed);
    if fragment.len() > MAX_FRAGMENT {
        return Err(format!(
            "this board is too large for a link ({} KB; a link holds at most {} KB). Send the board file instead: Export board",
            fragment.len() / 1024,
            MAX_FRAGMENT / 1024
        ));
    }
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    Ok(format!("{origin}{path}#{fragment}"))
}

/// Opens the board in the address's fragment as a preview, else the last open board; and
/// follows links pasted into this tab's address bar later (they change only the fragment).
pub fn follow_links_in_address(boards: Boards) {
    // On a first visit the fan's own board (at the premise) waits behind the question of how far
    // they watched; the link opens once they answer (`first_visit::answer_watched`).
    if boards.asking.get_untracked() || !open_link_in_address(boards) {
        boards.open_last();
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if !boards.asking.get_untracked() {
            open_link_in_address(boards);
        }
    });
    // Links are followed for the page's whole life.
    std::mem::forget(handle);
}

/// True when the address holds a link (being opened); false when it holds none.
pub fn open_link_in_address(boards: Boards) -> bool {
    let hash = window().location().hash().unwrap_or_default();
    if !link::is_board_fragment(&hash) {
        return false;
    }
    spawn_local(async move {
        match read_link(&hash).await {
            Ok(shared) => preview_within_own_horizon(boards, shared),
            Err(e) => {
                forget_address_board();
                if boards.open.get_untracked().is_none() {
                    boards.open_last();
                }
                boards.notices.problem(
                    "shared",
                    format!("The shared link could not be opened: {e}. Your own boards are untouched; ask the sender for the board file instead."),
                );
            }
        }
    });
    true
}

/// Opens a shared board at the sender's horizon, unless the fan has watched less: then at
/// the fan's own, asking before anything beyond it is shown.
fn preview_within_own_horizon(boards: Boards, shared: Shared) {
    let sender = shared.horizon.map(u64::from);
    let own = own_horizon(boards);
    let asked = reach(own) < reach(sender);
    let mut board = shared.board;
    board.horizon = if asked { own } else { sender };
    boards.preview(board);
    if asked {
        // The reveal is the preview's alone: it never reaches a board of the fan's own, even
        // when the notice outlives the preview.
        let show_more = Callback::new(move |_| {
            let previewing = matches!(boards.open.get_untracked(), Some(Opened::Shared(_)));
            if let (true, Some(state)) = (previewing, boards.current.get_value()) {
                let episodes = state.doc.universe.with_value(|u| u.episodes);
                state.set_horizon(parse_horizon(sender, episodes).unwrap_or_default());
            }
            boards.notices.dismiss_topic("horizon-ask");
        });
        boards.notices.info_with(
            "horizon-ask",
            format!(
                "The sender has watched further than you ({}). Only what you have seen is shown; show more?",
                sender.map_or("the whole season".to_string(), |h| format!("up to episode {h}"))
            ),
            ("Show what the sender saw", show_more),
        );
    }
}

/// How far a stored horizon reaches; None is "everything": it knows the most.
fn reach(horizon: Option<u64>) -> u64 {
    horizon.unwrap_or(u64::MAX)
}

/// "Watched up to" of the board the fan had open last (None: everything).
fn own_horizon(boards: Boards) -> Option<u64> {
    let id = boards.library.with_untracked(|l| l.to_open().map(|e| e.id.clone()))?;
    let text = storage::read(&board_key(&id)).ok().flatten()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.pointer("/board/horizon")?.as_u64()
}

async fn read_link(fragment: &str) -> Result<Shared, String> {
    let compressed = link::compressed_from_fragment(fragment).map_err(|e| e.to_string())?;
    let payload =
        compress::inflate(&compressed, MAX_PAYLOAD).await.map_err(|e| format!("the link is damaged: {e}"))?;
    let built_in = universes::load(universes::BUILT_IN)?;
    match link::decode(&payload, &built_in) {
        Err(LinkError::OtherUniverse { found, .. }) => {
            let universe = universes::load(&found)?;
            link::decode(&payload, &universe).map_err(|e| e.to_string())
        }
        decoded => decoded.map_err(|e| e.to_string()),
    }
}

/// Takes the shared board out of the address, so a reload shows the fan's own boards.
pub fn forget_address_board() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Keeps the previewed shared board as a board of the fan's own, at the fan's own "Watched up
/// to": what the preview revealed beyond it stays hidden there (and a notice says how to show it).
pub fn save_shared(boards: Boards, state: BoardState) {
    let own = own_horizon(boards);
    let mut board = state.doc.with_board(Board::clone);
    let beyond_own = reach(own) < reach(board.horizon);
    if beyond_own {
        board.horizon = own;
    }
    match boards.add(&board) {
        Ok(name) => {
            forget_address_board();
            boards.notices.dismiss_topic("horizon-ask");
            let kept = format!("The shared board is now one of your boards, \"{name}\".");
            let text = match own {
                Some(h) if beyond_own => format!("{kept} It opens at what you have watched (up to {}), so what the sender saw beyond it is hidden; choose a later episode under Watched up to to show it.", if h == 0 { "nothing yet".to_string() } else { format!("episode {h}") }),
                _ => kept,
            };
            boards.notices.info("shared", text);
        }
        Err(e) => boards.notices.problem("shared", format!("The shared board could not be saved: {e}.")),
    }
}

/// Closes the shared preview and goes back to the fan's own boards.
pub fn close_preview(boards: Boards) {
    forget_address_board();
    let last = boards.library.with_untracked(|l| l.to_open().map(|e| e.id.clone()));
    if let Some(id) = last {
        boards.switch_to(&id);
    }
}
