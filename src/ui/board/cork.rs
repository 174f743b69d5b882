//! The cork: one world layer holding cards and strings, panned by dragging empty cork,
//! zoomed by the wheel or a two-finger pinch.

use crate::model::geometry::{Point, Rect};
use crate::model::layout::pin_drawn;
use crate::model::selection::cards_touching;
use crate::model::universe::Kind;
use crate::session::open_board::BoardState;
use crate::ui::board::asked_labels::AskedLabels;
use crate::ui::board::card::Card;
use crate::ui::board::culling::drawn_views;
use crate::ui::board::gestures::{is_on_card, Contact, Gesture, Marquee, CLICK_SLOP};
use crate::ui::board::overview::Overview;
use crate::ui::board::string::{RubberBand, Strand};
use crate::ui::board::words::words;
use crate::ui::chrome::pointer::capture;
use crate::web::debounce::Debounce;
use leptos::ev::{MouseEvent, PointerEvent, WheelEvent};
use leptos::html::Div;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How much one wheel notch (100 px of delta) zooms.
const WHEEL_ZOOM_PER_PIXEL: f64 = 0.0015;

/// Below this zoom the selection and focus rings are drawn thicker, to stay visible on screen.
const THICK_RINGS_BELOW_ZOOM: f64 = 0.45;

/// The view counts as still moving this long after the last wheel step.
const WHEEL_QUIET: Duration = Duration::from_millis(200);

/// A click on the overview zooms in this much around it.
const OVERVIEW_CLICK_ZOOM: f64 = 3.0;

#[component]
pub fn Board(state: BoardState) -> impl IntoView {
    let board_ref = NodeRef::<Div>::new();
    let gesture = StoredValue::new(Gesture::default());
    let panning = RwSignal::new(false);
    let wheeling = RwSignal::new(false);
    let wheel_quiet = Debounce::new(WHEEL_QUIET);
    let marquee = RwSignal::new(None::<Marquee>);
    let press = StoredValue::new(None::<(i32, Point)>);
    let drawn = drawn_views(state);
    let words = words(state, drawn);
    // Its own memo, so the outlines are redrawn only when the board switches to them.
    let overview = Memo::new(move |_| drawn.with(|d| d.overview));
    // Whether the press just released zoomed in from the overview, and whether the first click of
    // the latest click sequence did: the double-click it is part of does not also add a note where
    // the cards now show. The browser's click count (`detail`) says which click is a first one,
    // whatever time the zoom's redraw takes between the two.
    let press_zoomed_in = StoredValue::new(false);
    let first_click_zoomed_in = StoredValue::new(false);

    let local = move |ev: &PointerEvent| -> Point {
        let origin = board_ref.get_untracked().map(|el| el.get_bounding_client_rect());
        let (left, top) = origin.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        Point::new(ev.client_x() as f64 - left, ev.client_y() as f64 - top)
    };

    let on_pointerdown = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let on_card = is_on_card(&ev);
        let at = local(&ev);
        press_zoomed_in.set_value(false);
        if !on_card {
            capture(&ev);
            press.set_value(Some((ev.pointer_id(), at)));
            let first = gesture.with_value(|g| g.contacts.is_empty());
            if first && (ev.shift_key() || state.ui.select_mode.get_untracked()) {
                let additive = ev.shift_key();
                marquee.set(Some(Marquee { pointer: ev.pointer_id(), start: at, now: at, additive }));
                return;
            }
        }
        let contact = Contact { pointer: ev.pointer_id(), at, on_card };
        let count = gesture.try_update_value(|g| {
            g.contacts.retain(|c| c.pointer != contact.pointer);
            g.contacts.push(contact);
            g.contacts.len()
        });
        if count >= Some(2) {
            state.ui.pinching.set_value(true);
        }
        panning.set(!on_card || count >= Some(2));
    };
    let on_pointermove = move |ev: PointerEvent| {
        // A card's drag bubbles here too: return before measuring the board, which would force
        // the browser to restyle every card the drag just moved past.
        let marquee_on = marquee.with_untracked(|m| m.is_some_and(|m| m.pointer == ev.pointer_id()));
        let in_gesture = gesture.try_with_value(|g| g.contacts.iter().any(|c| c.pointer == ev.pointer_id()));
        if !marquee_on && in_gesture != Some(true) {
            return;
        }
        let at = local(&ev);
        if marquee_on {
            marquee.update(|m| {
                if let Some(m) = m {
                    m.now = at;
                }
            });
            return;
        }
        let Some((before, after)) = gesture
            .try_update_value(|g| {
                let before = g.centre_and_spread();
                let contact = g.contacts.iter_mut().find(|c| c.pointer == ev.pointer_id())?;
                contact.at = at;
                Some((before?, g.centre_and_spread()?))
            })
            .flatten()
        else {
            return;
        };
        let ((c0, s0), (c1, s1)) = (before, after);
        let mut view = state.view.viewport.get_untracked().panned(c1.x - c0.x, c1.y - c0.y);
        if s0 > 0.0 && s1 > 0.0 {
            view = view.zoomed_at(c1, s1 / s0);
        }
        state.view.viewport.set(view);
    };
    let on_pointerup = move |ev: PointerEvent| {
        let at = local(&ev);
        let clicked = press.try_update_value(Option::take).flatten().is_some_and(|(id, start)| {
            id == ev.pointer_id() && (at.x - start.x).hypot(at.y - start.y) < CLICK_SLOP
        });
        if let Some(m) = marquee.get_untracked().filter(|m| m.pointer == ev.pointer_id()) {
            marquee.set(None);
            select_in(state, m);
            return;
        }
        let left = gesture.try_update_value(|g| {
            let before = g.contacts.len();
            g.contacts.retain(|c| c.pointer != ev.pointer_id());
            (before, g.contacts.len())
        });
        if let Some((before, 0)) = left {
            panning.set(false);
            state.ui.pinching.set_value(false);
            if before > 0 {
                state.set_viewport(state.view.viewport.get_untracked());
            }
        }
        if clicked && ev.type_() == "pointerup" {
            if overview.get_untracked() {
                state.set_viewport(state.view.viewport.get_untracked().zoomed_at(at, OVERVIEW_CLICK_ZOOM));
                press_zoomed_in.set_value(true);
            }
            state.cancel_connecting();
            if !ev.shift_key() {
                state.ui.selection.set(Default::default());
            }
        }
    };
    let on_click = move |ev: MouseEvent| {
        if ev.detail() <= 1 {
            first_click_zoomed_in.set_value(press_zoomed_in.get_value());
        }
        press_zoomed_in.set_value(false);
    };
    let on_dblclick = move |ev: MouseEvent| {
        let on_string = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest(".string").ok().flatten().is_some());
        // Over the overview, each click zooms in instead.
        if on_string || overview.get_untracked() || first_click_zoomed_in.get_value() {
            return;
        }
        state.add_note(state.world_at(Point::new(ev.client_x() as f64, ev.client_y() as f64)));
    };

    let on_wheel_step = move || {
        if !wheeling.get_untracked() {
            wheeling.set(true);
        }
        wheel_quiet.schedule(move || wheeling.set(false));
    };
    // On the board's own element (not the window or body), a wheel listener is not passive, so
    // it can stop the page from scrolling and the browser from zooming.
    let on_wheel = move |ev: WheelEvent| {
        ev.prevent_default();
        let Some(el) = board_ref.get_untracked() else { return };
        let rect = el.get_bounding_client_rect();
        let anchor = Point::new(ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top());
        let pixels = match ev.delta_mode() {
            WheelEvent::DOM_DELTA_LINE => ev.delta_y() * 16.0,
            WheelEvent::DOM_DELTA_PAGE => ev.delta_y() * 400.0,
            _ => ev.delta_y(),
        };
        let factor = (-pixels * WHEEL_ZOOM_PER_PIXEL).exp();
        state.set_viewport(state.view.viewport.get_untracked().zoomed_at(anchor, factor));
        on_wheel_step();
    };

    let world_transform = move || state.view.viewport.get().css_transform();
    let cork_offset = move || {
        let v = state.view.viewport.get();
        format!("{:.1}px {:.1}px", v.x, v.y)
    };
    let marquee_style = move || {
        marquee.get().map(|m| {
            let r = m.rect();
            format!(
                "transform: translate({:.0}px, {:.0}px); width: {:.0}px; height: {:.0}px",
                r.x, r.y, r.width, r.height
            )
        })
    };

    // A memo: panning changes the viewport on every step, the kinds only with the zoom.
    let pinless = Memo::new(move |_| pinless_kinds(state.view.viewport.with(|v| v.zoom)));
    view! {
        <div
            class="board"
            class:panning=move || panning.get()
            class:moving=move || panning.get() || wheeling.get()
            class:select-mode=move || state.ui.select_mode.get()
            class:far=move || state.view.viewport.with(|v| v.zoom < THICK_RINGS_BELOW_ZOOM)
            data-pinless=move || pinless.get()
            class:overview-mode=move || overview.get()
            class:titles-only=move || words.with(|w| w.titles_only)
            class:connecting=move || state.ui.connecting.with(|c| c.is_some())
            node_ref=board_ref
            role="application"
            aria-label="Case board"
            aria-roledescription="corkboard"
            style:background-position=cork_offset
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
            on:click=on_click
            on:dblclick=on_dblclick
            on:wheel=on_wheel
            on:scroll=move |_| {
                // Focusing a card off screen makes the browser scroll the board; the view pans instead.
                if let Some(el) = board_ref.get_untracked() {
                    el.set_scroll_left(0);
                    el.set_scroll_top(0);
                }
            }
        >
            <AskedLabels state/>
            <div class="world" style:transform=world_transform
                style:--zoom=move || format!("{:.4}", state.view.viewport.with(|v| v.zoom))>
                {move || overview.get().then(|| view! { <Overview state drawn/> })}
                <div class="cards">
                    <For each=move || drawn.with(|d| d.cards.clone()) key=|c| c.id.clone() let:card>
                        <Card card state words/>
                    </For>
                </div>
                <svg class="strings" width="1" height="1" aria-label="Strings" role="group">
                    <For each=move || drawn.with(|d| d.strings.clone()) key=|s| s.id.clone() let:string>
                        <Strand string state words/>
                    </For>
                    <RubberBand state/>
                </svg>
            </div>
            {move || marquee_style().map(|style| view! { <div class="marquee" style=style></div> })}
        </div>
    }
}

/// Selects the cards the marquee touches (added to the selection with Shift).
fn select_in(state: BoardState, marquee: Marquee) {
    let view = state.view.viewport.get_untracked();
    let r = marquee.rect();
    let a = view.to_world(Point::new(r.x, r.y));
    let b = view.to_world(Point::new(r.right(), r.bottom()));
    let area = Rect { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
    let touched = state
        .cards
        .with_untracked(|cards| cards_touching(area, cards.iter().map(|c| (c.id.as_str(), c.rect()))));
    state.ui.selection.update(|s| {
        if !marquee.additive {
            *s = Default::default();
        }
        s.cards.extend(touched);
    });
}

/// The kinds of card too small on screen at `zoom` for a pin's finger target (which the style
/// sheet then leaves out): one attribute on the board, not a reactive class on every card.
fn pinless_kinds(zoom: f64) -> String {
    let kinds: Vec<&str> = Kind::ALL.into_iter().filter(|k| !pin_drawn(*k, zoom)).map(Kind::label).collect();
    kinds.join(" ")
}
