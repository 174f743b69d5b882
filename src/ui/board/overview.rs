//! The board far out, over more cards than can be read: every card as an outline and every string
//! as a straight line, one path each however many, with the titles that fit without overlapping
//! (`words::overview_titles`) so the fan can still tell where things are.

use crate::model::culling::{lines, outlines};
use crate::model::layout::pin;
use crate::session::open_board::{BoardState, CardView};
use crate::ui::board::culling::DrawnViews;
use crate::ui::board::words::overview_titles;
use leptos::prelude::*;

#[component]
pub fn Overview(state: BoardState, drawn: Memo<DrawnViews>) -> impl IntoView {
    let cards = move || {
        state.doc.revision.track();
        state.ui.gliding.track();
        state.cards.with(|cards| outlines(cards.iter().map(CardView::rect)))
    };
    let strings = move || {
        state.doc.revision.track();
        let end = move |id: &str| Some(pin(state.doc.position(id)?.get_untracked(), state.doc.kind_of(id)?));
        state.strings.with(|strings| lines(strings.iter().filter_map(|s| Some((end(&s.from)?, end(&s.to)?)))))
    };
    let label = move || {
        format!(
            "{} cards, too small to read here: zoom in, or click a spot to zoom in there",
            state.cards.with(Vec::len)
        )
    };
    let titles = overview_titles(state, drawn);
    view! {
        <svg class="overview" width="1" height="1" role="img" aria-label=label>
            <path class="overview-strings" d=strings/>
            <path class="overview-cards" d=cards/>
            <g class="overview-titles">
                // Keyed by where it is too: a card moved far out gets its title moved with it.
                <For each=move || titles.get()
                    key=|t| (t.id.clone(), t.centre.x.to_bits(), t.centre.y.to_bits()) let:title>
                    <text data-role="title" data-title-of=title.id x=title.centre.x y=title.centre.y>
                        {title.title}
                    </text>
                </For>
            </g>
        </svg>
    }
}
