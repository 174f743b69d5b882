//! One card on the board: selected by a click, dragged (with the rest of the selection) by any
//! pointer, moved with the arrow keys, and tied to another card from its pin.

use crate::model::board::FanCard;
use crate::model::geometry::Point;
use crate::model::layout::card_size;
use crate::model::universe::{Entity, Kind};
use crate::session::open_board::{BoardState, CardView, Face};
use crate::ui::board::card_face::{CanonFace, FanFace};
use crate::ui::board::gestures::CLICK_SLOP;
use crate::ui::board::pin::{presses_pin, Pin};
use crate::ui::board::words::Words;
use crate::ui::chrome::focus::{focus_card, is_text_entry, reveal_and_focus};
use crate::ui::chrome::pointer::capture;
use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Arrow keys move a card this far (Shift: `BIG_STEP`), in world units.
const STEP: f64 = 10.0;
const BIG_STEP: f64 = 50.0;
/// A finger held this long on a card, without moving, starts a string from it (as a phone's
/// own long press does, and before the browser's own menu would come at about 700 ms).
const LONG_PRESS: Duration = Duration::from_millis(500);

#[derive(Clone)]
struct Drag {
    pointer: i32,
    start_screen: Point,
    additive: bool,
    moved: bool,
    /// Every card that moves with this one: id, position signal, where it started.
    items: Vec<(String, RwSignal<Point>, Point)>,
}

#[component]
pub fn Card(card: CardView, state: BoardState, words: Memo<Words>) -> impl IntoView {
    let CardView { id, kind, face, position } = card;
    let size = card_size(kind);
    let drag = StoredValue::new(None::<Drag>);
    let dragging = RwSignal::new(false);
    // The long press waiting to happen, and whether the finger has been held long enough: its
    // release, if it never moved, then starts a string (deciding at the release, not when the
    // time is up, so that a drag whose first moves come late is still a drag).
    let long_press = StoredValue::new(None::<TimeoutHandle>);
    let long_pressed = RwSignal::new(false);
    let stop_long_press = move || {
        if let Some(handle) = long_press.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let is_fan = matches!(face, Face::Fan(_));
    let id_store = StoredValue::new(id.clone());

    let selected = move || id_store.with_value(|id| state.ui.selected_cards.holds(id));
    let is_connect_source = move || id_store.with_value(|id| state.ui.tying_from.holds(id));

    let on_pointerdown = move |ev: PointerEvent| {
        // The pin ties a string; a finger's press there still reaches the board, for a pinch.
        let on_pin = presses_pin(&ev, state.view.viewport.get_untracked().zoom);
        if (ev.pointer_type() == "mouse" && ev.button() != 0) || is_text_entry(ev.target()) || on_pin {
            return;
        }
        // A finger's events also reach the board, which turns two fingers into a pinch.
        if ev.pointer_type() != "touch" {
            ev.stop_propagation();
        }
        let id = id_store.get_value();
        if let Some(from) =
            state.ui.connecting.get_untracked().filter(|c| c.pointer.is_none()).map(|c| c.from)
        {
            state.connect(&from, &id);
            return;
        }
        capture(&ev);
        let additive = ev.shift_key() || ev.ctrl_key() || ev.meta_key();
        let selection = state.ui.selection.get_untracked();
        let group: Vec<String> = if selection.cards.contains(&id) && !additive {
            selection.cards.into_iter().collect()
        } else {
            vec![id]
        };
        let items = group
            .into_iter()
            .filter_map(|g| {
                let signal = state.doc.position(&g)?;
                let start = signal.get_untracked();
                Some((g, signal, start))
            })
            .collect();
        let pointer = ev.pointer_id();
        drag.set_value(Some(Drag {
            pointer,
            start_screen: client_point(&ev),
            additive,
            moved: false,
            items,
        }));
        long_pressed.set(false);
        if ev.pointer_type() == "touch" {
            stop_long_press();
            let held = move || {
                let still = drag.try_get_value().flatten().is_some_and(|d| d.pointer == pointer && !d.moved);
                if still && state.ui.pinching.try_get_value() == Some(false) {
                    long_pressed.try_set(true);
                }
            };
            long_press.set_value(set_timeout_with_handle(held, LONG_PRESS).ok());
        }
    };
    let on_pointermove = move |ev: PointerEvent| {
        let Some(mut d) = drag.get_value().filter(|d| d.pointer == ev.pointer_id()) else {
            return;
        };
        if state.ui.pinching.get_value() {
            d.items.iter().for_each(|(_, signal, start)| signal.set(*start));
            drag.set_value(None);
            dragging.set(false);
            return;
        }
        let now = client_point(&ev);
        let (dx, dy) = (now.x - d.start_screen.x, now.y - d.start_screen.y);
        if !d.moved {
            if dx.hypot(dy) < CLICK_SLOP {
                return;
            }
            // A drag moves the card without selecting it, so the panel (a phone's sheet) does
            // not rise over the card being moved or the one it is moved towards.
            d.moved = true;
            stop_long_press();
            long_pressed.set(false);
            dragging.set(true);
            drag.set_value(Some(d.clone()));
        }
        let zoom = state.view.viewport.get_untracked().zoom;
        for (_, signal, start) in &d.items {
            signal.set(start.offset(dx / zoom, dy / zoom));
        }
    };
    let end_drag = move |ev: PointerEvent| {
        stop_long_press();
        let Some(d) = drag.get_value().filter(|d| d.pointer == ev.pointer_id()) else {
            return;
        };
        drag.set_value(None);
        dragging.set(false);
        // A pinch took over, or the browser took the pointer away: the cards go back.
        if state.ui.pinching.get_value() || ev.type_() == "pointercancel" {
            d.items.iter().for_each(|(_, signal, start)| signal.set(*start));
            return;
        }
        if d.moved {
            let moves: Vec<(String, Point)> =
                d.items.iter().map(|(id, signal, _)| (id.clone(), signal.get_untracked())).collect();
            state.move_cards(&moves);
        } else if long_pressed.get_untracked() {
            state.tie_from(&id_store.get_value());
        } else {
            state.click_card(&id_store.get_value(), d.additive);
        }
    };
    let on_dblclick = move |ev: MouseEvent| {
        ev.stop_propagation();
        if is_fan {
            state.edit_in_place(&id_store.get_value());
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.target() != ev.current_target() {
            return;
        }
        let id = id_store.get_value();
        // Cards far from the view are not drawn, so the browser's own Tab order cannot reach them.
        if ev.key() == "Tab" && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()) {
            if focus_neighbour(state, &id, !ev.shift_key()) {
                ev.prevent_default();
            }
            return;
        }
        if let Some(from) = state.ui.connecting.get_untracked().map(|c| c.from) {
            match ev.key().as_str() {
                "Enter" | " " => {
                    state.connect(&from, &id);
                    focus_card(&id);
                }
                // At either end of the board there is nowhere further to go.
                "ArrowRight" | "ArrowDown" => _ = focus_neighbour(state, &id, true),
                "ArrowLeft" | "ArrowUp" => _ = focus_neighbour(state, &id, false),
                _ => return,
            }
            ev.prevent_default();
            return;
        }
        let step = if ev.shift_key() { BIG_STEP } else { STEP };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            "Enter" => {
                ev.prevent_default();
                if is_fan {
                    state.edit_in_place(&id);
                } else {
                    state.click_card(&id, false);
                }
                return;
            }
            " " => {
                ev.prevent_default();
                state.click_card(&id, true);
                return;
            }
            "c" | "C" if !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()) => {
                ev.prevent_default();
                state.start_connecting(&id, None);
                state.notices.info(
                    "connect",
                    format!(
                        "Tying a string from {}: Tab or arrow keys to a card, Enter to tie, Escape to cancel.",
                        state.doc.title(&id)
                    ),
                );
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let selection = state.ui.selection.get_untracked();
        let group: Vec<String> =
            if selection.cards.contains(&id) { selection.cards.into_iter().collect() } else { vec![id] };
        let moves: Vec<(String, Point)> = group
            .into_iter()
            .filter_map(|g| Some((g.clone(), state.doc.position(&g)?.get_untracked().offset(dx, dy))))
            .collect();
        state.nudge_cards(&moves);
    };

    let label = {
        let face = face.clone();
        move || accessible_name(&face)
    };
    let pin_label = move || format!("Connect from {}", id_store.with_value(|id| state.doc.title(id)));
    let theory_colour = {
        let face = face.clone();
        move || match &face {
            Face::Fan(card) => {
                card.with(|c| c.theory.clone()).and_then(|t| state.doc.theory(&t)).map(|t| t.colour)
            }
            Face::Canon(_) => None,
        }
    };

    // The episode that reveals a canon card, for the timeline's highlight.
    let introduced_in = match &face {
        Face::Canon(entity) => entity.first_episode,
        Face::Fan(_) => None,
    };
    view! {
        <div
            class=format!("card card-{}", kind.label())
            class:fan=is_fan
            class:dragging=move || dragging.get()
            class:held=move || long_pressed.get()
            class:selected=selected
            class:connect-source=is_connect_source
            class:dimmed={
                let id = id.clone();
                move || state.lit.with(|lit| lit.as_ref().is_some_and(|lit| !lit.contains(&id)))
            }
            class:introduced=move || introduced_in.is_some() && state.view.replay.get() == introduced_in
            class:title-hidden={
                let id = id.clone();
                move || words.with(|w| w.hidden_titles.contains(&id))
            }
            class:pinned={
                let id = id.clone();
                move || state.doc.pinned.with(|p| p.contains(&id))
            }
            data-card-id=id.clone()
            tabindex="0"
            role="group"
            aria-roledescription="card"
            aria-label=move || if selected() { format!("{}, selected", label()) } else { label() }
            data-selected=move || if selected() { "true" } else { "false" }
            style:width=format!("{:.0}px", size.width)
            style:height=format!("{:.0}px", size.height)
            style:transform=move || {
                let p = position.get();
                format!("translate({:.1}px, {:.1}px)", p.x, p.y)
            }
            style:--theory-colour=theory_colour
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=end_drag
            on:pointercancel=end_drag
            on:dblclick=on_dblclick
            on:touchend=move |ev: web_sys::TouchEvent| {
                // The browser's click after a tap lands wherever the tap was once the tap has
                // been handled: on the sheet that the tap just opened there, say. Links and text
                // fields on a card still take their taps.
                let keeps_tap = is_text_entry(ev.target())
                    || ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| el.closest("a").ok().flatten().is_some());
                if !keeps_tap && ev.cancelable() {
                    ev.prevent_default();
                }
            }
            on:contextmenu=move |ev: MouseEvent| {
                // The browser's menu would follow the long press that has just started a string.
                if long_pressed.get_untracked() {
                    ev.prevent_default();
                }
            }
            on:focus=move |ev: web_sys::FocusEvent| {
                // Only keyboard focus brings a card into view: a click is on screen already, and
                // panning under a pointer that is about to drag would throw the card away.
                let by_keyboard = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.matches(":focus-visible").unwrap_or(false));
                if by_keyboard {
                    id_store.with_value(|id| state.reveal_card(id));
                }
            }
            // Focus anywhere in the card (its pin, its editor) keeps it drawn; it is let go only
            // when focus moves elsewhere in the page, not when the browser window loses focus.
            on:focusin=move |_| state.ui.focused_card.set(Some(id_store.get_value()))
            on:focusout=move |ev: web_sys::FocusEvent| {
                let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let stays = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|card| card.contains(to.as_ref()));
                // The board may be going away (another board replaces it) as focus leaves.
                let ours = id_store.try_with_value(|id| state.ui.focused_card.try_with_untracked(|f| f.as_ref() == Some(id)));
                if to.is_some() && !stays && ours.flatten() == Some(true) {
                    state.ui.focused_card.try_set(None);
                }
            }
            on:keydown=on_keydown
        >
            <div class="card-body" style:rotate=format!("{:.2}deg", tilt(&id))>
                <Pin id=id.clone() label=pin_label state/>
                {match face {
                    Face::Canon(entity) => view! { <CanonFace entity/> }.into_any(),
                    Face::Fan(card) => view! { <FanFace card state/> }.into_any(),
                }}
            </div>
        </div>
    }
}

fn accessible_name(face: &Face) -> String {
    match face {
        Face::Canon(entity) => canon_name(entity),
        Face::Fan(card) => {
            let kind = card.with(|c| c.kind);
            let title = card.with(FanCard::title_shown);
            match kind {
                Kind::Note => format!("{title}, your note"),
                kind => format!("{title}, your {}", kind.label()),
            }
        }
    }
}

fn canon_name(entity: &Entity) -> String {
    match &entity.actor {
        Some(actor) => format!("{}, {}, played by {}", entity.name, entity.kind.label(), actor),
        None => format!("{}, {}", entity.name, entity.kind.label()),
    }
}

/// A small, stable tilt per card, so the board looks pinned by hand.
fn tilt(id: &str) -> f64 {
    let hash = id.bytes().fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
    (hash % 500) as f64 / 100.0 - 2.5
}

fn client_point(ev: &PointerEvent) -> Point {
    Point::new(ev.client_x() as f64, ev.client_y() as f64)
}

/// Moves focus to the next (or previous) card in the board's order, bringing it into view, and
/// so onto the board if it was too far away to be drawn. False at either end of the order.
fn focus_neighbour(state: BoardState, from: &str, forward: bool) -> bool {
    let next = state.cards.with_untracked(|cards| {
        let at = cards.iter().position(|c| c.id == from)?;
        let next = if forward { at + 1 } else { at.checked_sub(1)? };
        cards.get(next).map(|c| c.id.clone())
    });
    let Some(next) = next else { return false };
    reveal_and_focus(state, next);
    true
}
