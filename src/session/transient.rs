//! This tab's passing state of the open board: what is selected, typed, tied or open. Never
//! saved, never undone, gone with the board.

use crate::model::command::Clip;
use crate::model::geometry::{Point, Rect};
use crate::model::selection::Selection;
use crate::session::membership::Membership;
use leptos::prelude::*;

/// A string being tied: from a card's pin to the pointer, or (keyboard) to a chosen card.
#[derive(Clone, Debug, PartialEq)]
pub struct Connecting {
    pub from: String,
    pub pointer: Option<Point>,
}

/// The modal dialog open over the board; one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Every gesture and shortcut.
    Help,
    /// "Reset the board?"
    Reset,
    /// A card of the fan's own.
    AddCard,
    Share,
}

#[derive(Clone, Copy)]
pub struct Transient {
    pub selection: RwSignal<Selection>,
    /// The selection, asked card by card and string by string: what each card and string view
    /// reads, so that a change wakes only the views it changes.
    pub selected_cards: Membership,
    pub selected_strings: Membership,
    /// The fan card whose text is being edited in place.
    pub editing: RwSignal<Option<String>>,
    pub connecting: RwSignal<Option<Connecting>>,
    /// The card a string is being tied from, asked card by card (the pointer's moves while tying
    /// wake no card).
    pub tying_from: Membership,
    /// "Select" mode: dragging on cork draws a selection rectangle instead of panning (for touch).
    pub select_mode: RwSignal<bool>,
    /// Set when a new string's label should be typed at once (the inspector focuses it).
    pub focus_label: RwSignal<bool>,
    pub dialog: RwSignal<Option<Dialog>>,
    /// The theory new notes and strings go into.
    pub active_theory: RwSignal<Option<String>>,
    /// The card that has focus, kept drawn wherever the view goes so focus is never lost.
    pub focused_card: RwSignal<Option<String>>,
    /// The part of the world the board draws (`ui::board::culling`); None until it is first measured.
    pub drawn_window: RwSignal<Option<Rect>>,
    /// Notified on each frame of Tidy's glide, which moves cards without changing the board yet:
    /// the board draws them as they glide into view.
    pub gliding: Trigger,
    /// True while two fingers pinch: a card drag that one of them began gives way.
    pub pinching: StoredValue<bool>,
    /// When the last key-press nudge happened, and to which cards.
    pub last_nudge: StoredValue<Option<(f64, Vec<String>)>>,
    /// What Copy took, for Paste.
    pub clip: StoredValue<Clip>,
}

impl Transient {
    pub fn new() -> Transient {
        let selection = RwSignal::new(Selection::default());
        let connecting = RwSignal::new(None::<Connecting>);
        Transient {
            selection,
            selected_cards: Membership::following(move || selection.with(|s| s.cards.clone())),
            selected_strings: Membership::following(move || selection.with(|s| s.strings.clone())),
            editing: RwSignal::new(None),
            connecting,
            tying_from: Membership::following(move || {
                connecting.with(|c| c.iter().map(|c| c.from.clone()).collect())
            }),
            select_mode: RwSignal::new(false),
            focus_label: RwSignal::new(false),
            dialog: RwSignal::new(None),
            active_theory: RwSignal::new(None),
            focused_card: RwSignal::new(None),
            drawn_window: RwSignal::new(None),
            gliding: Trigger::new(),
            pinching: StoredValue::new(false),
            last_nudge: StoredValue::new(None),
            clip: StoredValue::new(Clip::default()),
        }
    }
}

impl Default for Transient {
    fn default() -> Transient {
        Transient::new()
    }
}
