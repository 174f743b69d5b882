//! The cards and strings the board draws: those near the view, in full, or every card's outline
//! when too many are near to read (the rules are in `model::culling`).

use crate::model::culling::{drawn, still_serves, window_around, Drawn, MAX_KEPT};
use crate::model::geometry::Rect;
use crate::session::open_board::{BoardState, CardView, StringView};
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Default)]
pub struct DrawnViews {
    pub cards: Vec<CardView>,
    pub strings: Vec<StringView>,
    /// Too many cards are near the view to read: their outlines are drawn instead, with only the
    /// kept cards (focused, selected, being worked on) in full.
    pub overview: bool,
}

impl DrawnViews {
    /// The same cards and strings, by id: the board has nothing to add or take away.
    fn draws_as(&self, other: &DrawnViews) -> bool {
        self.overview == other.overview
            && self.cards.iter().map(|c| &c.id).eq(other.cards.iter().map(|c| &c.id))
            && self.strings.iter().map(|s| &s.id).eq(other.strings.iter().map(|s| &s.id))
    }
}

/// What the board draws, following the view, the board's changes, the selection and the focus.
pub fn drawn_views(state: BoardState) -> Memo<DrawnViews> {
    // Moved only when the view leaves it, so a pan or a wheel step costs no new cards.
    let window = state.ui.drawn_window;
    Effect::new(move |_| {
        // The window's size changes what the view shows as much as a pan does (a phone turned, a
        // desktop window made bigger).
        let view = state.view.viewport.get().world_shown(state.screen.get().window);
        if !window.with_untracked(|w| w.is_some_and(|w| still_serves(w, view))) {
            window.set(Some(window_around(view)));
        }
    });
    // Memos, so that what does not change them (a string clicked, the pointer moving while a
    // string is tied) does not make the board work out again what to draw.
    let kept_selection =
        Memo::new(move |_| state.ui.selection.with(|s| (s.cards.len() <= MAX_KEPT).then(|| s.cards.clone())));
    let tying_from = Memo::new(move |_| state.ui.connecting.with(|c| c.as_ref().map(|c| c.from.clone())));
    let changed = |old: Option<&DrawnViews>, new: Option<&DrawnViews>| match (old, new) {
        (Some(old), Some(new)) => !old.draws_as(new),
        _ => true,
    };
    Memo::new_with_compare(
        move |_| {
            state.doc.revision.track();
            state.ui.gliding.track();
            let Some(window) = window.get() else { return DrawnViews::default() };
            let selected = kept_selection.get();
            // Cards a gesture or a text field is working on stay drawn too.
            let busy = [state.ui.focused_card.get(), state.ui.editing.get(), tying_from.get()];
            state.cards.with(|cards| {
                state.strings.with(|strings| {
                    let rects: Vec<Rect> = cards.iter().map(CardView::rect).collect();
                    let index: HashMap<&str, usize> =
                        cards.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
                    let (tied, ties): (Vec<&StringView>, Vec<(usize, usize)>) = strings
                        .iter()
                        .filter_map(|s| Some((s, (*index.get(s.from.as_str())?, *index.get(s.to.as_str())?))))
                        .unzip();
                    let kept = |i: usize| {
                        let id = &cards[i].id;
                        busy.iter().any(|b| b.as_ref() == Some(id))
                            || selected.as_ref().is_some_and(|s| s.contains(id))
                    };
                    match drawn(window, &rects, &ties, kept) {
                        Drawn::Overview { kept } => DrawnViews {
                            cards: kept.into_iter().map(|i| cards[i].clone()).collect(),
                            strings: Vec::new(),
                            overview: true,
                        },
                        Drawn::Cards { cards: shown, strings: shown_ties } => DrawnViews {
                            cards: shown.into_iter().map(|i| cards[i].clone()).collect(),
                            strings: shown_ties.into_iter().map(|i| tied[i].clone()).collect(),
                            overview: false,
                        },
                    }
                })
            })
        },
        changed,
    )
}
