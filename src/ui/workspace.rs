//! One board on screen: its toolbar, the cork, and the side panel.

use crate::formats::library::{board_key, file_name, Entry};
use crate::ui::board::Board;
use crate::ui::board_list::BoardList;
use crate::ui::boards::{Boards, Opened};
use crate::ui::card::focus_card;
use crate::ui::empty_board::EmptyBoard;
use crate::ui::filters::{FilterChip, FilterPanel};
use crate::ui::focus::FocusBar;
use crate::ui::hidden_cards::HiddenCards;
use crate::ui::inspector::Inspector;
use crate::ui::legend::Legend;
use crate::ui::minimap::Minimap;
use crate::ui::persistence::Source;
use crate::ui::saved_data::SavedData;
use crate::ui::screen::visible_board;
use crate::ui::search::Search;
use crate::ui::sharing::SharedPreviewBar;
use crate::ui::shortcuts::is_text_entry;
use crate::ui::state::BoardState;
use crate::ui::theories::Theories;
use crate::ui::timeline::Timeline;
use crate::ui::toolbar::Toolbar;
use crate::ui::universes;
use crate::web::crash;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

#[component]
pub fn Workspace(boards: Boards, opened: Opened, panel_open: RwSignal<bool>) -> impl IntoView {
    let shared = matches!(opened, Opened::Shared(_));
    let (universe_id, source) =
        match opened {
            Opened::Stored(id) => {
                let entry = boards.library.with_untracked(|l| l.entry(&id).cloned()).unwrap_or_else(|| {
                    Entry { id: id.clone(), name: String::new(), universe: universes::BUILT_IN.to_string() }
                });
                crash::offer(board_key(&id), file_name(&entry.name, "caseboard.json"));
                (entry.universe, Source::Stored { key: board_key(&id), name: entry.name })
            }
            Opened::Shared(board) => (board.universe_id.clone(), Source::Shared(board)),
        };
    let universe = match universes::load(&universe_id) {
        Ok(universe) => universe,
        Err(e) => return unavailable(boards, e).into_any(),
    };
    let state = BoardState::load(universe, source, boards.notices);
    boards.current.set_value(Some(state));
    if !state.has_saved_view() {
        // After the first layout, when the board's size on screen is known.
        request_animation_frame(move || {
            if state.revision.try_get_untracked().is_some() {
                state.fit_on_open(visible_board());
            }
        });
    }
    let dock_shown = move || panel_open.get() || state.selection.with(|s| !s.is_empty());
    // Escape in the panel goes back to the board, to the card the inspector shows; a text field
    // keeps Escape to itself (leaving it would save what was typed).
    let back_to_card = move |ev: KeyboardEvent| {
        if is_text_entry(ev.target()) {
            return;
        }
        let card = state.selection.with_untracked(|s| match s.cards.len() {
            1 => s.cards.first().cloned(),
            _ => None,
        });
        if let (true, Some(id)) = (ev.key() == "Escape", card) {
            ev.stop_propagation();
            focus_card(&id);
        }
    };
    view! {
        <Toolbar state boards panel_open/>
        // Before the board in the page, as on screen, so that Tab reaches search and the
        // timeline right after the toolbar rather than after every card.
        <div class="board-bars">
            <div class="bar-row">
                <Search state/>
                <Timeline state/>
            </div>
            <Show when=move || shared>
                <SharedPreviewBar state boards/>
            </Show>
            <FilterChip state/>
            <FocusBar state/>
        </div>
        <main class="stage">
            <Board state/>
            <EmptyBoard state/>
            <Minimap state/>
        </main>
        <Show when=dock_shown>
            <aside class="dock" aria-label="Board panel" on:keydown=back_to_card>
                <Inspector state/>
                <Show when=move || panel_open.get()>
                    <Theories state/>
                    <FilterPanel state/>
                    <BoardList boards state/>
                    <HiddenCards state/>
                    <SavedData/>
                    <Legend/>
                </Show>
            </aside>
        </Show>
    }
    .into_any()
}

/// What shows when a board's universe cannot be loaded: why, and the other boards.
fn unavailable(boards: Boards, reason: String) -> impl IntoView {
    view! {
        <main class="stage stage-message">
            <div class="panel-card">
                <h2>"This board cannot be shown"</h2>
                <p>{format!("{reason}.")}</p>
                <BoardList boards/>
            </div>
        </main>
    }
}
