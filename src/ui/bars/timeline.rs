//! The episode timeline: "Watched up to" (the spoiler horizon), and a replay of the season —
//! choose an episode, or step with Previous / Next, to see the board as known after it, with
//! what it reveals lit. A replay never goes past the fan's horizon, and never changes it: only
//! "Watched up to" does.

use crate::model::horizon::Horizon;
use crate::model::paging::chips_drawn;
use crate::session::open_board::BoardState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Timeline(state: BoardState) -> impl IntoView {
    let episodes = state.doc.universe.with_value(|u| u.episodes);
    let options = Horizon::options(episodes);
    let option_values: Vec<(String, String)> =
        options.iter().enumerate().map(|(i, h)| (i.to_string(), h.label())).collect();
    let chosen_index = move || {
        let now = state.view.horizon.get();
        Horizon::options(episodes).iter().position(|h| *h == now).unwrap_or(0).to_string()
    };
    // The last episode a replay may show: the fan's horizon.
    let last = move || match state.view.horizon.get() {
        Horizon::Nothing => 0,
        Horizon::Episode(n) => n,
        Horizon::Everything => episodes,
    };
    let step = move |forward: bool| {
        let (now, last) = (state.view.replay.get_untracked(), last());
        let next = match (now, forward) {
            (None, true) => 1,
            (None, false) => last,
            (Some(n), true) => n + 1,
            (Some(n), false) => n.saturating_sub(1),
        };
        state.set_replay((1..=last).contains(&next).then_some(next));
    };
    // The row's one Tab stop: the chip last focused, else the episode replayed, else the first.
    let tab_stop = RwSignal::new(1);
    Effect::new(move |_| {
        if let Some(n) = state.view.replay.get() {
            tab_stop.set(n);
        }
    });
    // A long show's row holds the chips around the one the fan is on.
    let drawn = Memo::new(move |_| chips_drawn(episodes, tab_stop.get()));
    view! {
        <nav class="bar timeline" aria-label="Episode timeline">
            <label class="horizon">
                <span>"Watched up to"</span>
                <select aria-label="Watched up to" prop:value=chosen_index
                    on:change=move |ev| {
                        let index: usize = event_target_value(&ev).parse().unwrap_or(0);
                        if let Some(h) = Horizon::options(episodes).get(index) {
                            state.set_replay(None);
                            state.set_horizon(*h);
                        }
                    }>
                    {option_values.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                </select>
            </label>
            <button class="button small" aria-label="Previous episode" title="The board as known after the previous episode"
                disabled=move || last() == 0 || state.view.replay.get() == Some(1)
                on:click=move |_| step(false)>
                "◀"
            </button>
            <ol class="episode-chips">
                // Keyed, so a chip that stays in the row keeps the focus as the row moves on.
                <For each=move || drawn.get() key=|n| *n let:n>
                    <li>
                        <button class="episode-chip" aria-label=format!("Replay to episode {n}") data-episode=n
                            aria-pressed=move || if state.view.replay.get() == Some(n) { "true" } else { "false" }
                            // One Tab stop for the row; the arrows move along it.
                            tabindex=move || if tab_stop.get() == n { "0" } else { "-1" }
                            on:focus=move |_| tab_stop.set(n)
                            on:keydown=move |ev| {
                                let to = match ev.key().as_str() {
                                    "ArrowRight" => n + 1,
                                    "ArrowLeft" => n.saturating_sub(1),
                                    _ => return,
                                };
                                ev.prevent_default();
                                ev.stop_propagation();
                                if (1..=last()).contains(&to) {
                                    tab_stop.set(to);
                                    let row = row_of(&ev);
                                    // A chip past the row's end is drawn once the row follows the
                                    // tab stop: focused in the next frame.
                                    if !focus_chip(row.clone(), to) {
                                        request_animation_frame(move || {
                                            focus_chip(row, to);
                                        });
                                    }
                                }
                            }
                            disabled=move || { n > last() }
                            on:click=move |_| state.set_replay((state.view.replay.get_untracked() != Some(n)).then_some(n))>
                            {n}
                        </button>
                    </li>
                </For>
            </ol>
            <button class="button small" aria-label="Next episode" title="The board as known after the next episode"
                disabled=move || state.view.replay.get().map_or(last() == 0, |n| n >= last())
                on:click=move |_| step(true)>
                "▶"
            </button>
            {move || state.view.replay.get().map(|n| view! {
                <span class="replay-note" role="status">{format!("The board as known after episode {n}")}</span>
                <button class="button small" on:click=move |_| state.set_replay(None)>"End replay"</button>
            })}
        </nav>
    }
}

/// The row of chips the key was pressed in.
fn row_of(ev: &leptos::ev::KeyboardEvent) -> Option<web_sys::Element> {
    ev.current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("ol").ok().flatten())
}

/// Moves focus to episode `n`'s chip in `row`; false when the row does not draw it.
fn focus_chip(row: Option<web_sys::Element>, n: u32) -> bool {
    let chip = row
        .and_then(|row| row.query_selector(&format!("[data-episode=\"{n}\"]")).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    chip.is_some_and(|chip| chip.focus().is_ok())
}
