//! One board on screen: its toolbar and bars, the cork, the side panel and the open dialog.

use crate::model::selection::Selection;
use crate::session::library::{Boards, Opened};
use crate::session::open_board::BoardState;
use crate::ui::bars::filter_chip::FilterChip;
use crate::ui::bars::focus_bar::FocusBar;
use crate::ui::bars::search::Search;
use crate::ui::bars::shared_preview::SharedPreviewBar;
use crate::ui::bars::timeline::Timeline;
use crate::ui::bars::toolbar::Toolbar;
use crate::ui::board::cork::Board;
use crate::ui::board::empty_board::EmptyBoard;
use crate::ui::board::minimap::Minimap;
use crate::ui::chrome::focus::{focus_card, is_text_entry};
use crate::ui::chrome::measure;
use crate::ui::dialogs::host::Dialogs;
use crate::ui::panels::board_list::BoardList;
use crate::ui::panels::filters::FilterPanel;
use crate::ui::panels::hidden_cards::HiddenCards;
use crate::ui::panels::inspector::Inspector;
use crate::ui::panels::legend::Legend;
use crate::ui::panels::saved_data::SavedData;
use crate::ui::panels::sheet_bar::SheetBar;
use crate::ui::panels::theories::Theories;
use crate::web::first_paint;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Workspace(boards: Boards, opened: Opened, panel_open: RwSignal<bool>) -> impl IntoView {
    let shared = matches!(opened, Opened::Shared(_));
    let state = match boards.open_board(&opened) {
        Ok(state) => state,
        Err(reason) => {
            first_paint::remove();
            return unavailable(boards, reason).into_any();
        }
    };
    let fit = !state.doc.has_saved_view();
    // A board that keeps its view is drawn where it was left, as the page's picture of it
    // (`static/snapshot.js`) shows it: the picture goes in the same task as the board comes, so
    // no frame shows both or neither.
    if !fit {
        first_paint::remove();
    }
    // A board opened once the page is laid out (an import, a switch of boards) is fitted before
    // it is first drawn: drawing it at the view it is about to leave would cost a board of
    // thousands of cards a second.
    if fit && state.screen.is_measured() {
        state.fit_on_open();
    }
    // After the first layout, when the board's size on screen is known: the board is fitted
    // (again: the bars and panel may have moved), unless it keeps a view of its own, and the
    // page's first paint gives way to it. Both happen before the next frame is painted, so no
    // frame shows the board unfitted or neither.
    request_animation_frame(move || {
        if fit && state.doc.revision.try_get_untracked().is_some() {
            measure::observe_parts();
            state.fit_on_open();
        }
        first_paint::remove();
    });
    let dock_shown = Memo::new(move |_| panel_open.get() || state.ui.selection.with(|s| !s.is_empty()));
    // A card the fan picks stays in sight when the panel (a phone's sheet) comes up over it or
    // rises: the board pans as little as it must, and not at all when the card is clear.
    Effect::new(move |_| {
        let _ = state.screen.get();
        let picked = state.ui.selection.with(|s| match (s.cards.len(), s.strings.is_empty()) {
            (1, true) => s.cards.first().cloned(),
            _ => None,
        });
        if let Some(id) = picked {
            state.reveal_card(&id);
        }
    });
    // The panel comes and goes: once the page has it (or not), the layout is watched and measured.
    Effect::new(move |_| {
        dock_shown.track();
        request_animation_frame(measure::observe_parts);
    });
    view! {
        <Toolbar state boards panel_open/>
        {bars(state, boards, shared)}
        <main class="stage">
            <Board state/>
            <EmptyBoard state/>
            <Minimap state/>
        </main>
        <Show when=move || dock_shown.get()>
            {dock(state, boards, panel_open)}
        </Show>
        <Dialogs state/>
    }
    .into_any()
}

/// The bars under the toolbar. Before the board in the page, as on screen, so that Tab reaches
/// search and the timeline right after the toolbar rather than after every card.
fn bars(state: BoardState, boards: Boards, shared: bool) -> impl IntoView {
    view! {
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
    }
}

/// The side panel (a sheet at the bottom of a phone): the inspector, and with the panel open
/// the theories, filters, boards, hidden cards, saved data and legend.
fn dock(state: BoardState, boards: Boards, panel_open: RwSignal<bool>) -> impl IntoView {
    // Escape in the panel goes back to the board, to the card the inspector shows. In a text
    // field it first finishes the edit and keeps what was typed (leaving the field saves it, as
    // one undo step); with a mode on (focus, select, replay) it also ends that mode, at once.
    let back_to_card = move |ev: KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        let typing = is_text_entry(ev.target());
        if typing {
            if let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = field.blur();
            }
        }
        let card = state.ui.selection.with_untracked(|s| match s.cards.len() {
            1 => s.cards.first().cloned(),
            _ => None,
        });
        let in_a_mode = state.view.focus.with_untracked(Option::is_some)
            || state.ui.select_mode.get_untracked()
            || state.view.replay.with_untracked(Option::is_some);
        if typing || !in_a_mode {
            // The board's own Escape would clear the selection the fan is working on.
            ev.stop_propagation();
        }
        if let Some(id) = card {
            focus_card(&id);
        }
    };
    // A phone's sheet opens at its peek height for a card (its title, kind and main actions),
    // and raised for the panel's own button.
    let raised = RwSignal::new(panel_open.get_untracked());
    Effect::new(move |_| {
        if panel_open.get() {
            raised.set(true);
        }
    });
    let close = move || {
        let card = state.ui.selection.with_untracked(|s| s.cards.first().cloned());
        panel_open.set(false);
        state.ui.selection.set(Selection::default());
        if let Some(id) = card {
            focus_card(&id);
        }
    };
    view! {
        <aside class="dock" class:raised=move || raised.get() aria-label="Board panel" on:keydown=back_to_card>
            <SheetBar raised close/>
            <Inspector state/>
            <Show when=move || panel_open.get()>
                <Theories state/>
                <FilterPanel state/>
                <BoardList boards state/>
                <HiddenCards state/>
                <SavedData notices=boards.notices/>
                <Legend/>
            </Show>
        </aside>
    }
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
