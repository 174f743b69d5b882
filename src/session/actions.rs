//! What the fan can do to the board, each turned into one command (one undo step).

use crate::formats::envelope;
use crate::formats::library::file_name;
use crate::model::board::{Board, FanCard, FanString, Theory, MAX_THEORY_NAME};
use crate::model::command::{Clip, Command};
use crate::model::geometry::{Point, Rect, Viewport};
use crate::model::horizon::board_within;
use crate::model::layout::{card_size, clear_spot};
use crate::model::selection::Selection;
use crate::model::tidy::{tidy, TidyCard};
use crate::model::universe::Kind;
use crate::session::open_board::{BoardState, CardView};
use crate::session::saved_view::Focus;
use crate::session::transient::Connecting;
use crate::web::download::download;
use crate::web::ids::fresh_id;
use leptos::prelude::*;
use std::collections::HashMap;

/// Colours offered to new theories in turn; canon red is kept for canon.
const THEORY_COLOURS: [&str; 6] = ["#1f6feb", "#8e44ad", "#0f8b6c", "#d9730d", "#c2185b", "#5d6d7e"];
/// Where pasted and duplicated cards land, relative to their originals.
const PASTE_OFFSET: Point = Point::new(32.0, 32.0);
/// Screen pixels kept between a card brought into view and the edge of what covers the board.
const REVEAL_MARGIN: f64 = 12.0;

impl BoardState {
    /// The world point at the centre of what the fan sees.
    pub fn view_centre(&self) -> Point {
        self.view.viewport.get_untracked().to_world(self.screen.now().visible.center())
    }

    /// The world point under a point of the window (a pointer's client coordinates).
    pub fn world_at(&self, client: Point) -> Point {
        let origin = self.screen.now().origin;
        self.view.viewport.get_untracked().to_world(Point::new(client.x - origin.x, client.y - origin.y))
    }

    /// A string's name, as screen readers and the inspector say it: "from — label — to" (tracked,
    /// so it follows the cards' titles).
    pub fn string_name(&self, from: &str, label: &str, to: &str) -> String {
        let label = if label.trim().is_empty() { "unlabelled" } else { label };
        format!("{} — {label} — {}", self.doc.title(from), self.doc.title(to))
    }

    /// Focuses on the one selected card (F); false when not exactly one card is selected.
    pub fn focus_selected(&self) -> bool {
        let selection = self.ui.selection.get_untracked();
        match (selection.cards.first(), selection.len()) {
            (Some(card), 1) => {
                self.view.focus.set(Some(Focus { card: card.clone(), depth: 1 }));
                true
            }
            _ => false,
        }
    }

    /// Adds a card of the fan's, centred on `at`, selects it and (for a note) opens it for typing.
    pub fn add_card(&self, kind: Kind, title: String, text: String, at: Point) -> String {
        let id = fresh_id(if kind == Kind::Note { "note" } else { "card" });
        let size = card_size(kind);
        let theory = if kind == Kind::Note { self.ui.active_theory.get_untracked() } else { None };
        let reveal = self.reveal_theory(theory.as_deref());
        let card =
            FanCard { id: id.clone(), kind, title, text, theory, url: None, canvas: Default::default() };
        let taken: Vec<Rect> = self.cards.with_untracked(|c| c.iter().map(CardView::rect).collect());
        let origin = clear_spot(at.offset(-size.width / 2.0, -size.height / 2.0), size, &taken);
        self.commit(reveal.and(self.doc.with_board(|b| Command::add_card(b, card, origin))));
        // The clear spot may be off to the side of a crowded view.
        self.reveal_card(&id);
        if kind == Kind::Note {
            self.edit_in_place(&id);
        } else {
            self.ui.selection.set(Selection::card(&id));
        }
        id
    }

    /// Opens a card of the fan's for typing on the board, selected (so the inspector shows it)
    /// and, when the board is zoomed too far out to read what is typed, brought near.
    pub fn edit_in_place(&self, id: &str) {
        self.ui.selection.set(Selection::card(id));
        self.ui.editing.set(Some(id.to_string()));
        if self.view.viewport.get_untracked().zoom < READABLE_ZOOM {
            self.fly_to(id);
        }
    }

    pub fn add_note(&self, at: Point) -> String {
        self.add_card(Kind::Note, String::new(), String::new(), at)
    }

    pub fn edit_card(&self, card: FanCard) {
        self.commit(self.doc.with_board(|b| Command::edit_card(b, card)));
    }

    pub fn edit_string(&self, string: FanString) {
        self.commit(self.doc.with_board(|b| Command::edit_string(b, string)));
    }

    pub fn move_cards(&self, moves: &[(String, Point)]) {
        self.commit(self.moving(moves));
    }

    fn moving(&self, moves: &[(String, Point)]) -> Command {
        self.doc.with_defaults(|defaults| self.doc.with_board(|b| Command::move_cards(b, defaults, moves)))
    }

    /// Moves cards by a key press. Presses in a row on the same cards, each within a second of the
    /// last, undo as one step: a card walked across the board by its arrow keys comes back at once.
    pub fn nudge_cards(&self, moves: &[(String, Point)]) {
        const RUN_MS: f64 = 1000.0;
        let now = js_sys::Date::now();
        let ids: Vec<String> = moves.iter().map(|(id, _)| id.clone()).collect();
        let continues = self.ui.last_nudge.with_value(|last| {
            last.as_ref().is_some_and(|(at, last_ids)| now - at < RUN_MS && *last_ids == ids)
        });
        self.ui.last_nudge.set_value(Some((now, ids)));
        self.commit_in_run(self.moving(moves), continues);
    }

    /// Ties a string from one card to another in the active theory (made if there is none),
    /// selects it and asks for its label. Nothing happens for a string the theory already has.
    pub fn connect(&self, from: &str, to: &str) {
        self.cancel_connecting();
        let on_board = |id: &str| self.cards.with_untracked(|c| c.iter().any(|c| c.id == id));
        if from == to || !on_board(from) || !on_board(to) {
            return;
        }
        let (theory_id, make_theory) = match self.ui.active_theory.get_untracked() {
            Some(id) => (id, Command::default()),
            None => {
                let theory = self.new_theory_record("My theory");
                let id = theory.id.clone();
                (id, self.doc.with_board(|b| Command::add_theory(b, theory)))
            }
        };
        if self.doc.with_board(|b| b.has_string(from, to, &theory_id)) {
            self.notices.info("connect", "Those two cards are already tied in this theory.".to_string());
            return;
        }
        let reveal = self.reveal_theory(Some(&theory_id));
        let id = fresh_id("string");
        let string = FanString {
            id: id.clone(),
            from: from.to_string(),
            to: to.to_string(),
            label: String::new(),
            theory: theory_id,
            confidence: Default::default(),
            canvas: Default::default(),
        };
        // A theory just made holds no strings yet, so the board as it is decides about duplicates.
        let tie = self.doc.with_board(|b| Command::add_string(b, string));
        self.commit(make_theory.and(reveal).and(tie));
        self.ui.selection.set(Selection::string(&id));
        self.ui.focus_label.set(true);
    }

    pub fn cancel_connecting(&self) {
        self.ui.connecting.set(None);
        self.notices.dismiss_topic("connect");
    }

    pub fn start_connecting(&self, from: &str, pointer: Option<Point>) {
        self.ui.connecting.set(Some(Connecting { from: from.to_string(), pointer }));
    }

    /// Starts a string from a card whose other end is the next card tapped (the pin released on
    /// its own card, a long press, the inspector's "Tie a string from here").
    pub fn tie_from(&self, from: &str) {
        self.start_connecting(from, None);
        self.notices.info(
            "connect",
            format!(
                "Tying a string from {}: now tap the card to tie it to (a tap on the cork, or Escape, cancels).",
                self.doc.title(from)
            ),
        );
    }

    /// Shows a hidden theory that new work is about to go into, so the work is not invisible.
    fn reveal_theory(&self, id: Option<&str>) -> Command {
        let hidden =
            self.doc.with_board(|b| id.and_then(|id| b.theories.get(id)).filter(|t| !t.visible).cloned());
        match hidden {
            Some(theory) => {
                self.doc.with_board(|b| Command::edit_theory(b, Theory { visible: true, ..theory }))
            }
            None => Command::default(),
        }
    }

    /// Deletes the selected fan cards and strings and hides the selected canon cards.
    pub fn delete_selection(&self) {
        self.cancel_connecting();
        let selection = self.ui.selection.get_untracked();
        if selection.is_empty() {
            return;
        }
        let command = self.doc.universe.with_value(|u| {
            self.doc.with_board(|b| Command::delete(b, u, &selection.cards, &selection.strings))
        });
        self.commit(command);
        self.ui.selection.set(Selection::default());
    }

    pub fn set_hidden(&self, ids: &[String], hidden: bool) {
        self.commit(self.doc.with_board(|b| Command::set_hidden(b, ids, hidden)));
    }

    /// Copies the selected cards of the fan's; false when there are none to copy.
    pub fn copy_selection(&self) -> bool {
        let clip = self.doc.with_board(|b| Clip::copy(b, &self.ui.selection.get_untracked().cards));
        let copied = !clip.is_empty();
        if copied {
            self.ui.clip.set_value(clip);
        }
        copied
    }

    pub fn paste(&self) {
        let clip = self.ui.clip.get_value();
        if clip.is_empty() {
            return;
        }
        let (command, ids) = self.doc.with_board(|b| Command::paste(b, &clip, PASTE_OFFSET, fresh_id));
        self.commit(command);
        self.ui.selection.set(Selection { cards: ids, ..Default::default() });
        // Pasting again lands one step further on, not on top of this copy.
        self.ui.clip.update_value(|c| {
            for (_, at) in &mut c.cards {
                *at = at.offset(PASTE_OFFSET.x, PASTE_OFFSET.y);
            }
        });
    }

    pub fn duplicate_selection(&self) {
        if self.copy_selection() {
            self.paste();
        }
    }

    fn new_theory_record(&self, name: &str) -> Theory {
        let count = self.doc.theories.with_untracked(Vec::len);
        Theory {
            id: fresh_id("theory"),
            name: name.chars().take(MAX_THEORY_NAME).collect(),
            colour: THEORY_COLOURS[count % THEORY_COLOURS.len()].to_string(),
            visible: true,
        }
    }

    /// Makes a theory and makes it the active one.
    pub fn add_theory(&self) {
        let count = self.doc.theories.with_untracked(Vec::len);
        let theory = self.new_theory_record(&format!("Theory {}", count + 1));
        let id = theory.id.clone();
        self.commit(self.doc.with_board(|b| Command::add_theory(b, theory)));
        self.ui.active_theory.set(Some(id));
    }

    pub fn edit_theory(&self, theory: Theory) {
        self.commit(self.doc.with_board(|b| Command::edit_theory(b, theory)));
    }

    pub fn remove_theory(&self, id: &str) {
        self.commit(self.doc.with_board(|b| Command::remove_theory(b, id)));
    }

    /// Pans the view as little as need be so the card is wholly on screen, clear of the bars and
    /// the panel (keyboard focus may land off screen; the phone's sheet may rise over it).
    pub fn reveal_card(&self, id: &str) {
        let (Some(position), Some(kind)) = (self.doc.position(id), self.doc.kind_of(id)) else { return };
        let card = Rect::at(position.get_untracked(), card_size(kind));
        let layout = self.screen.now();
        let area = Rect {
            x: layout.visible.x - layout.origin.x,
            y: layout.visible.y - layout.origin.y,
            ..layout.visible
        };
        let view = self.view.viewport.get_untracked();
        let shown = view.revealing(card, area, REVEAL_MARGIN);
        if shown != view {
            self.set_viewport(shown);
        }
    }

    /// Pins the cards in place (Tidy leaves them), or lets them go: one undoable step.
    pub fn set_pinned(&self, ids: &[String], pinned: bool) {
        self.commit(self.doc.with_board(|b| Command::set_pinned(b, ids, pinned)));
    }

    /// Lays the cards on the board out again (force-directed, pinned cards staying), gliding
    /// them there; the whole move is one undo step.
    pub fn tidy(&self) {
        let (ids, cards): (Vec<String>, Vec<TidyCard>) = self.cards.with_untracked(|cards| {
            self.doc.pinned.with_untracked(|pinned| {
                cards
                    .iter()
                    .map(|c| {
                        let at = c.position.get_untracked();
                        let card = TidyCard { size: card_size(c.kind), at, pinned: pinned.contains(&c.id) };
                        (c.id.clone(), card)
                    })
                    .unzip()
            })
        });
        let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let edges: Vec<(usize, usize)> = self.strings.with_untracked(|strings| {
            strings
                .iter()
                .filter_map(|s| Some((*index.get(s.from.as_str())?, *index.get(s.to.as_str())?)))
                .collect()
        });
        let targets = tidy(&cards, &edges);
        let moved: Vec<(String, Point, Point)> = ids
            .into_iter()
            .zip(cards.iter().zip(targets))
            .filter(|(_, (card, target))| card.at != *target)
            .map(|(id, (card, target))| (id, card.at, target))
            .collect();
        let glides: Vec<(RwSignal<Point>, Point, Point)> =
            moved.iter().filter_map(|(id, from, to)| Some((self.doc.position(id)?, *from, *to))).collect();
        let moves: Vec<(String, Point)> = moved.into_iter().map(|(id, _, to)| (id, to)).collect();
        glide_step(*self, std::rc::Rc::new(glides), std::rc::Rc::new(moves), js_sys::Date::now());
    }

    /// Pans and zooms smoothly until the card is in the middle of the visible board.
    pub fn fly_to(&self, id: &str) {
        let (Some(position), Some(kind)) = (self.doc.position(id), self.doc.kind_of(id)) else { return };
        let size = card_size(kind);
        let at = position.get_untracked().offset(size.width / 2.0, size.height / 2.0);
        let from = self.view.viewport.get_untracked();
        let to = self.centred_on(at, from.zoom.max(FLY_ZOOM));
        fly_step(*self, from, to, js_sys::Date::now());
    }

    /// Downloads the board as a file to share, in the same versioned format it is saved in.
    pub fn export_board(&self) {
        self.download_board(&self.board_to_share("file"));
    }

    /// Downloads the whole board, whatever the horizon: the copy kept of a board the browser
    /// would not store. Says so when it could not; true when it was downloaded.
    pub fn rescue_board(&self) -> bool {
        self.doc.with_board(|b| self.download_board(b))
    }

    fn download_board(&self, board: &Board) -> bool {
        let name = file_name(&self.doc.name(), "caseboard.json");
        let downloaded = download(&name, "application/json", &envelope::encode_file(board));
        if let Err(e) = &downloaded {
            self.notices.problem("export", format!("The board could not be exported: {e}."));
        }
        downloaded.is_ok()
    }

    /// The board as a file or a link made now carries it: nothing beyond the fan's horizon, so it
    /// gives nothing away. When that leaves some of the fan's strings out of the `what` (file,
    /// link), a notice says so and how to keep them, so a copy never drops work unsaid.
    pub fn board_to_share(&self, what: &str) -> Board {
        let horizon = self.view.horizon.get_untracked();
        let within = self.doc.universe.with_value(|u| self.doc.with_board(|b| board_within(b, u, horizon)));
        let left_out = self.doc.with_board(|b| b.strings.len()).saturating_sub(within.strings.len());
        if left_out > 0 {
            let tie = if left_out == 1 { "ties" } else { "tie" };
            self.notices.info(
                "beyond-horizon",
                format!(
                    "{left_out} of your strings {tie} a card beyond what you have watched ({}), so the {what} leaves {} out. To keep every string, choose \"Everything\" under Watched up to first.",
                    horizon.label(),
                    if left_out == 1 { "it" } else { "them" }
                ),
            );
        }
        within
    }

    /// Puts every card back in its default place and removes the fan's work (one undoable step).
    pub fn reset(&self) {
        self.cancel_connecting();
        self.commit(self.doc.with_board(Command::reset));
        self.ui.selection.set(Selection::default());
        self.notices.info(
            "reset",
            "The board is back in its default layout. Undo brings your work back.".to_string(),
        );
    }

    /// Click on a card: select it alone, or with `additive` add or remove it.
    pub fn click_card(&self, id: &str, additive: bool) {
        if additive {
            self.ui.selection.update(|s| s.toggle_card(id));
        } else {
            self.ui.selection.set(Selection::card(id));
        }
    }

    pub fn click_string(&self, id: &str, additive: bool) {
        if additive {
            self.ui.selection.update(|s| s.toggle_string(id));
        } else {
            self.ui.selection.set(Selection::string(id));
        }
    }
}

/// A flight lasts this long, in milliseconds.
pub const FLY_MS: f64 = 350.0;
/// A flight ends at least this close, so the card's words can be read.
const FLY_ZOOM: f64 = 0.8;
/// Below this zoom, text typed on a card is too small to read as it is typed.
const READABLE_ZOOM: f64 = 0.6;

/// How far along an eased move is at time `t` (0 to 1): fast at first, settling gently.
fn ease_out(t: f64) -> f64 {
    1.0 - (1.0 - t).powi(3)
}

/// One frame of a flight: eased from `from` to `to`, then the next frame, until it lands.
fn fly_step(state: BoardState, from: Viewport, to: Viewport, start: f64) {
    if state.doc.revision.try_get_untracked().is_none() {
        return; // the board was closed mid-flight
    }
    let t = ((js_sys::Date::now() - start) / FLY_MS).clamp(0.0, 1.0);
    let eased = ease_out(t);
    let between = |a: f64, b: f64| a + (b - a) * eased;
    state.set_viewport(Viewport {
        x: between(from.x, to.x),
        y: between(from.y, to.y),
        zoom: between(from.zoom, to.zoom),
    });
    if t < 1.0 {
        request_animation_frame(move || fly_step(state, from, to, start));
    }
}

/// Tidy's cards glide to their places for this long, in milliseconds.
const GLIDE_MS: f64 = 450.0;

/// One frame of Tidy's glide (the position signals only); at the end, the move is committed.
fn glide_step(
    state: BoardState,
    glides: std::rc::Rc<Vec<(RwSignal<Point>, Point, Point)>>,
    moves: std::rc::Rc<Vec<(String, Point)>>,
    start: f64,
) {
    if state.doc.revision.try_get_untracked().is_none() {
        return;
    }
    let t = ((js_sys::Date::now() - start) / GLIDE_MS).clamp(0.0, 1.0);
    if t >= 1.0 {
        state.move_cards(&moves);
        return;
    }
    let eased = ease_out(t);
    for (signal, from, to) in glides.iter() {
        signal.set(Point::new(from.x + (to.x - from.x) * eased, from.y + (to.y - from.y) * eased));
    }
    state.ui.gliding.notify();
    request_animation_frame(move || glide_step(state, glides, moves, start));
}
