//! The string labels the fan asks for: a label with no spot clear of the cards, and every label
//! when the board is zoomed out to titles, is drawn only while its string or one of its cards
//! is selected or has focus. One style sheet says which, by the strings' ends
//! (`data-from`/`data-to`), so a pick wakes no string's view: a card can hold thousands.

use crate::formats::css_string::quoted;
use crate::session::open_board::BoardState;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A selection of more cards than this asks for no labels: so many could not be read together,
/// and the rule would cost the browser every string times every card.
const MOST_CARDS_ASKING: usize = 50;

#[component]
pub fn AskedLabels(state: BoardState) -> impl IntoView {
    let cards = Memo::new(move |_| {
        let mut asking = state.ui.selection.with(|s| {
            if s.cards.len() <= MOST_CARDS_ASKING {
                s.cards.clone()
            } else {
                BTreeSet::new()
            }
        });
        asking.extend(state.ui.focused_card.get());
        asking
    });
    view! { <style>{move || cards.with(rules)}</style> }
}

/// Shows the labels of the selected strings and of the strings ending at `cards`, zoomed out at
/// a size read on screen. The static rules that hide the others are in strings.css.
fn rules(cards: &BTreeSet<String>) -> String {
    let ends = cards.iter().flat_map(|id| {
        let id = quoted(id);
        [format!(".string[data-from={id}]"), format!(".string[data-to={id}]")]
    });
    let strings = std::iter::once(".string.selected".to_string()).chain(ends).collect::<Vec<_>>().join(",");
    format!(
        ".board :is({strings}) .string-label {{ display: inline; }}\n\
         .board.titles-only :is({strings}) .string-label {{ font-size: calc(13px / var(--zoom)); stroke-width: calc(5px / var(--zoom)); }}"
    )
}
