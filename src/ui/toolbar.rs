//! The toolbar: zoom, fit and reset.

use crate::ui::confirm::ConfirmDialog;
use crate::ui::screen::visible_board;
use crate::ui::state::BoardState;
use leptos::prelude::*;

const BUTTON_ZOOM: f64 = 1.25;

#[component]
pub fn Toolbar(state: BoardState) -> impl IntoView {
    let zoom_by = move |factor: f64| {
        let centre = visible_board().center();
        state.set_viewport(state.viewport.get_untracked().zoomed_at(centre, factor));
    };
    let confirming = RwSignal::new(false);
    let title = state.universe.with_value(|u| u.title.clone());
    let percent = move || format!("{:.0}%", state.viewport.get().zoom * 100.0);

    view! {
        <header class="toolbar">
            <h1 class="brand">
                <span class="brand-name">"Caseboard"</span>
                <span class="brand-universe">{title}</span>
            </h1>
            <div class="tool-group" role="toolbar" aria-label="View">
                <button class="tool" aria-label="Zoom out" title="Zoom out" on:click=move |_| zoom_by(1.0 / BUTTON_ZOOM)>
                    "−"
                </button>
                <output class="zoom-level" aria-label="Zoom level">{percent}</output>
                <button class="tool" aria-label="Zoom in" title="Zoom in" on:click=move |_| zoom_by(BUTTON_ZOOM)>
                    "+"
                </button>
                <button class="tool tool-wide" aria-label="Fit to view" title="Fit the whole board into view" on:click=move |_| state.fit(visible_board())>
                    "Fit"
                </button>
                <button class="tool tool-wide" aria-label="Reset board" title="Put every card back in its default place" on:click=move |_| confirming.set(true)>
                    "Reset"
                </button>
            </div>
        </header>
        <Show when=move || confirming.get()>
            <ConfirmDialog
                message="Put every card back in its default place? Where you moved cards will be lost."
                confirm_label="Reset board"
                on_confirm=move || {
                    confirming.set(false);
                    state.reset();
                    state.fit(visible_board());
                }
                on_cancel=move || confirming.set(false)
            />
        </Show>
    }
}
