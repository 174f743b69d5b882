//! Which words the board draws: zoomed out, the titles that fit without overlapping (the others
//! give way), and for every drawn string a spot for its label clear of the cards and titles
//! (`model::labels`). Worked out again when the zoom, the drawn cards or the board change, never
//! on a pointer move: a drag costs what it did.

use crate::model::geometry::{Point, Rect};
use crate::model::labels::{
    declutter, label_size, line_title_box, place_labels, title_box, Spot, FACE_READABLE_ZOOM, TITLE_CHARS,
};
use crate::model::layout::pin;
use crate::model::order::sorted_indices;
use crate::model::string_path::SaggingString;
use crate::model::universe::Kind;
use crate::session::open_board::{BoardState, CardView, Face, StringFace};
use crate::ui::board::culling::DrawnViews;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Default, PartialEq)]
pub struct Words {
    /// The board is zoomed out past reading a card's face: cards show their titles alone.
    pub titles_only: bool,
    /// The cards whose titles give way to others' (titles only).
    pub hidden_titles: HashSet<String>,
    /// Where each drawn string's label sits; a string missing here has no clear spot, and its
    /// label is drawn only when asked for.
    pub spots: HashMap<String, Spot>,
}

pub fn words(state: BoardState, drawn: Memo<DrawnViews>) -> Memo<Words> {
    let zoom = Memo::new(move |_| state.view.viewport.with(|v| v.zoom));
    Memo::new(move |_| {
        state.doc.revision.track();
        let zoom = zoom.get();
        let titles_only = zoom < FACE_READABLE_ZOOM;
        drawn.with(|drawn| {
            let cards: Vec<Rect> = drawn.cards.iter().map(CardView::rect).collect();
            let (hidden_titles, mut obstacles) = if titles_only {
                let boxes: Vec<Rect> = drawn
                    .cards
                    .iter()
                    .zip(&cards)
                    .map(|(c, r)| title_box(*r, title_of(c).chars().count(), zoom))
                    .collect();
                let kept = declutter(&boxes, &title_order(state, drawn.cards.iter()));
                let hidden =
                    drawn.cards.iter().zip(&kept).filter(|(_, k)| !**k).map(|(c, _)| c.id.clone()).collect();
                let shown = boxes.into_iter().zip(&kept).filter(|(_, k)| **k).map(|(b, _)| b);
                (hidden, shown.collect::<Vec<_>>())
            } else {
                (HashSet::new(), Vec::new())
            };
            obstacles.extend(cards.iter().copied());
            let labelled: Vec<(String, (SaggingString, _))> = drawn
                .strings
                .iter()
                .filter_map(|s| {
                    let end =
                        |id: &str| Some(pin(state.doc.position(id)?.get_untracked(), state.doc.kind_of(id)?));
                    let curve = SaggingString::between(end(&s.from)?, end(&s.to)?);
                    Some((s.id.clone(), (curve, label_size(label_of(&s.face).chars().count()))))
                })
                .collect();
            let (ids, labels): (Vec<String>, Vec<_>) = labelled.into_iter().unzip();
            let spots = ids
                .into_iter()
                .zip(place_labels(&labels, &obstacles))
                .filter_map(|(id, s)| Some((id, s?)))
                .collect();
            Words { titles_only, hidden_titles, spots }
        })
    })
}

/// The title a card shows zoomed out; an episode's is short ("Ep. 3", as the ticket draws it), so
/// a row of tickets keeps every title.
fn title_of(card: &CardView) -> String {
    match &card.face {
        Face::Canon(entity) => match entity.number {
            Some(number) if entity.kind == Kind::Episode => format!("Ep. {number}"),
            _ => entity.name.clone(),
        },
        Face::Fan(record) => record.with_untracked(|c| c.title_shown()),
    }
}

fn label_of(face: &StringFace) -> String {
    match face {
        StringFace::Canon(link) => link.label.clone(),
        StringFace::Fan(record) => record.with_untracked(|s| s.label.clone()),
    }
}

/// The most titles drawn over the outlines far out: more could not be read on one screen, and
/// each costs the browser every frame.
const OVERVIEW_TITLES: usize = 200;

/// A title drawn over the outlines, centred on its card.
#[derive(Clone, PartialEq)]
pub struct OverviewTitle {
    pub id: String,
    pub title: String,
    pub centre: Point,
}

/// Far out, where the board draws outlines: the titles of the cards near the view that fit
/// without overlapping (the same density rule as titles alone), most wanted first. The cards the
/// board draws in full (`kept`) show their own.
pub fn overview_titles(state: BoardState, kept: Memo<DrawnViews>) -> Memo<Vec<OverviewTitle>> {
    let zoom = Memo::new(move |_| state.view.viewport.with(|v| v.zoom));
    Memo::new(move |_| {
        state.doc.revision.track();
        let zoom = zoom.get();
        let Some(window) = state.ui.drawn_window.get() else { return Vec::new() };
        let full: HashSet<String> = kept.with(|k| k.cards.iter().map(|c| c.id.clone()).collect());
        state.cards.with(|cards| {
            let near: Vec<(&CardView, Rect)> = cards
                .iter()
                .map(|c| (c, c.rect()))
                .filter(|(c, r)| r.overlaps(&window, 0.0) && !full.contains(&c.id))
                .collect();
            let titles: Vec<String> = near.iter().map(|(c, _)| title_of(c)).collect();
            let boxes: Vec<Rect> = near
                .iter()
                .zip(&titles)
                .map(|((_, r), t)| line_title_box(*r, t.chars().count(), zoom))
                .collect();
            let order = title_order(state, near.iter().map(|(c, _)| *c));
            let fits = declutter(&boxes, &order);
            order
                .into_iter()
                .filter(|&i| fits[i])
                .take(OVERVIEW_TITLES)
                .map(|i| OverviewTitle {
                    id: near[i].0.id.clone(),
                    title: shortened(&titles[i]),
                    centre: near[i].1.center(),
                })
                .collect()
        })
    })
}

/// A title cut to what a zoomed-out title draws, with an ellipsis where it was cut.
fn shortened(title: &str) -> String {
    if title.chars().count() <= TITLE_CHARS {
        return title.to_string();
    }
    let mut cut: String = title.chars().take(TITLE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Which titles are wanted most when not all fit: the selected and focused cards, then the
/// cases, the people, the places, the evidence, the fan's cards, the episodes.
fn title_order<'a>(state: BoardState, cards: impl Iterator<Item = &'a CardView>) -> Vec<usize> {
    let busy = |id: &String| {
        state.ui.selection.with_untracked(|s| s.cards.contains(id))
            || state.ui.focused_card.with_untracked(|f| f.as_ref() == Some(id))
    };
    let rank = |c: &CardView| match c.kind {
        _ if busy(&c.id) => 0,
        Kind::Case => 1,
        Kind::Character => 2,
        Kind::Place => 3,
        Kind::Evidence => 4,
        Kind::Note => 5,
        Kind::Episode => 6,
    };
    let ranks: Vec<u8> = cards.map(rank).collect();
    sorted_indices(ranks.len(), &|a, b| ranks[a].cmp(&ranks[b]))
}
