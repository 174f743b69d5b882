//! The toolbars: editing (add, undo, redo, delete, select, panels) and the view (zoom, fit, reset).

use crate::session::library::{Boards, Opened};
use crate::session::open_board::BoardState;
use crate::session::transient::Dialog;
use crate::ui::chrome::icons::{Icon, IconSvg};
use leptos::prelude::*;

const BUTTON_ZOOM: f64 = 1.25;

#[component]
pub fn Toolbar(state: BoardState, boards: Boards, panel_open: RwSignal<bool>) -> impl IntoView {
    let zoom_by = move |factor: f64| {
        let centre = state.screen.now().visible.center();
        state.set_viewport(state.view.viewport.get_untracked().zoomed_at(centre, factor));
    };
    let open = move |dialog: Dialog| state.ui.dialog.set(Some(dialog));
    let title = state.doc.universe.with_value(|u| u.title.clone());
    let board_name = move || match boards.open.get() {
        Some(Opened::Stored(id)) => {
            boards.library.with(|l| l.entry(&id).map(|e| e.name.clone())).unwrap_or_default()
        }
        _ => state.doc.name(),
    };
    let percent = move || format!("{:.0}%", state.view.viewport.get().zoom * 100.0);
    let nothing_selected = move || state.ui.selection.with(|s| s.is_empty());

    view! {
        <header class="toolbar">
            <h1 class="brand">
                <span class="brand-name">"Caseboard"</span>
                <span class="brand-universe" title=title.clone()>{title.clone()}</span>
                <span class="brand-board">{board_name}</span>
            </h1>
            <div class="tool-group edit-tools" role="toolbar" aria-label="Edit">
                <button class="tool tool-wide" aria-label="Add note" title="Add a sticky note (or double-click the cork)"
                    on:click=move |_| { state.add_note(state.view_centre()); }>
                    <IconSvg icon=Icon::Note/><span class="tool-text">"Note"</span>
                </button>
                <button class="tool tool-wide" aria-label="Add card" title="Add a card of your own"
                    on:click=move |_| open(Dialog::AddCard)>
                    <IconSvg icon=Icon::Card/><span class="tool-text">"Card"</span>
                </button>
                <button class="tool" aria-label="Undo" title="Undo (Ctrl+Z)"
                    disabled=move || !state.doc.can_undo.get() on:click=move |_| state.undo()>
                    <IconSvg icon=Icon::Undo/>
                </button>
                <button class="tool" aria-label="Redo" title="Redo (Ctrl+Shift+Z)"
                    disabled=move || !state.doc.can_redo.get() on:click=move |_| state.redo()>
                    <IconSvg icon=Icon::Redo/>
                </button>
                <button class="tool" aria-label="Delete" title="Delete your selected cards and strings; hide selected canon cards (Delete)"
                    disabled=nothing_selected on:click=move |_| state.delete_selection()>
                    <IconSvg icon=Icon::Delete/>
                </button>
                <button class="tool" aria-label="Select" title="Select mode: drag on the cork to select (or hold Shift)"
                    aria-pressed=move || if state.ui.select_mode.get() { "true" } else { "false" }
                    on:click=move |_| state.ui.select_mode.update(|m| *m = !*m)>
                    <IconSvg icon=Icon::Select/>
                </button>
                <button class="tool tool-wide" aria-label="Share" title="Share link, board file, Obsidian canvas, picture"
                    on:click=move |_| open(Dialog::Share)>
                    <IconSvg icon=Icon::Share/><span class="tool-text">"Share"</span>
                </button>
                <button class="tool tool-wide" aria-label="Theories" title="Boards, theories, hidden cards and the legend"
                    aria-pressed=move || if panel_open.get() { "true" } else { "false" }
                    on:click=move |_| {
                        panel_open.update(|o| *o = !*o);
                        if panel_open.get_untracked() {
                            show_theories_section();
                        }
                    }>
                    <IconSvg icon=Icon::Panel/><span class="tool-text">"Theories"</span>
                </button>
            </div>
            <div class="tool-group view-tools" role="toolbar" aria-label="View">
                <button class="tool" aria-label="Zoom out" title="Zoom out" on:click=move |_| zoom_by(1.0 / BUTTON_ZOOM)>
                    "−"
                </button>
                <output class="zoom-level" aria-label="Zoom level">{percent}</output>
                <button class="tool" aria-label="Zoom in" title="Zoom in" on:click=move |_| zoom_by(BUTTON_ZOOM)>
                    "+"
                </button>
                <button class="tool tool-wide" aria-label="Tidy" title="Lay the board out again (pinned cards stay); undoable"
                    on:click=move |_| state.tidy()>
                    "Tidy"
                </button>
                <button class="tool tool-wide" aria-label="Fit to view" title="Fit the whole board into view"
                    on:click=move |_| state.fit()>
                    "Fit"
                </button>
                <button class="tool tool-wide" aria-label="Reset board" title="Back to the default board"
                    on:click=move |_| open(Dialog::Reset)>
                    "Reset"
                </button>
                <button class="tool" aria-label="Help" title="Every gesture and shortcut (?)"
                    on:click=move |_| open(Dialog::Help)>
                    "?"
                </button>
            </div>
        </header>
    }
}

/// Scrolls the panel to its theories once they are drawn: below a card's inspector, on a phone's
/// short sheet, they would open out of sight.
fn show_theories_section() {
    request_animation_frame(|| {
        let section = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".dock .theories").ok().flatten());
        if let Some(section) = section {
            section.scroll_into_view();
        }
    });
}
