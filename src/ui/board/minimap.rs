//! The minimap: the whole board in miniature with the view's rectangle; a click or drag in it
//! moves the view there. It shows only while part of the board is out of view. The cards are one path, redrawn only when the board changes (not while
//! the view moves), so it stays cheap on a board of thousands of cards.

use crate::model::culling::outlines;
use crate::model::geometry::Point;
use crate::session::open_board::{BoardState, CardView};
use leptos::ev::PointerEvent;
use leptos::prelude::*;

const WIDTH: f64 = 200.0;
const HEIGHT: f64 = 130.0;
/// Cork shown around the cards, in world units.
const MARGIN: f64 = 200.0;

#[component]
pub fn Minimap(state: BoardState) -> impl IntoView {
    let board = Memo::new(move |_| {
        state.doc.revision.track();
        state.cards.track();
        state.bounds()
    });
    let bounds = Memo::new(move |_| board.get().map(|b| b.grown(MARGIN)));
    // Only while part of the board is out of view: with all of it on screen the map adds
    // nothing, and would cover cards that Fit can show bigger without it.
    let needed = Memo::new(move |_| {
        state.screen.get();
        let shown = state.visible_world(state.view.viewport.get());
        board.get().is_some_and(|b| {
            b.x < shown.x || b.y < shown.y || b.right() > shown.right() || b.bottom() > shown.bottom()
        })
    });
    let cards_path = move || {
        state.doc.revision.track();
        state.cards.with(|cards| outlines(cards.iter().map(CardView::rect)))
    };
    let view_box =
        move || bounds.get().map(|b| format!("{:.0} {:.0} {:.0} {:.0}", b.x, b.y, b.width, b.height));
    // What the view shows follows the view and the layout (the panel opening, the window resized).
    let view_rect = move || {
        state.screen.get();
        state.visible_world(state.view.viewport.get())
    };

    let dragging = StoredValue::new(false);
    let move_view = move |ev: &PointerEvent| {
        let (Some(bounds), Some(target)) = (bounds.get_untracked(), ev.current_target()) else { return };
        let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target) else { return };
        let r = el.get_bounding_client_rect();
        // The map keeps the board's aspect ratio inside its box (xMidYMid meet).
        let scale = (r.width() / bounds.width).min(r.height() / bounds.height);
        let (dx, dy) = ((r.width() - bounds.width * scale) / 2.0, (r.height() - bounds.height * scale) / 2.0);
        let world = Point::new(
            bounds.x + (ev.client_x() as f64 - r.left() - dx) / scale,
            bounds.y + (ev.client_y() as f64 - r.top() - dy) / scale,
        );
        state.centre_on(world);
    };
    view! {
        <section class="minimap" class:unneeded=move || !needed.get() aria-label="Minimap">
            <svg width=WIDTH height=HEIGHT viewBox=view_box preserveAspectRatio="xMidYMid meet"
                role="img" aria-label="The whole board; click to move the view there"
                on:pointerdown=move |ev| {
                    ev.stop_propagation();
                    dragging.set_value(true);
                    if let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                    move_view(&ev);
                }
                on:pointermove=move |ev| if dragging.get_value() { move_view(&ev) }
                on:pointerup=move |_| dragging.set_value(false)
                on:pointercancel=move |_| dragging.set_value(false)>
                <path class="minimap-cards" d=cards_path/>
                {move || {
                    let r = view_rect();
                    view! {
                        <rect class="minimap-view" x=format!("{:.0}", r.x) y=format!("{:.0}", r.y)
                            width=format!("{:.0}", r.width) height=format!("{:.0}", r.height)/>
                    }
                }}
            </svg>
        </section>
    }
}
