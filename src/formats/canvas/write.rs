//! Writing the board as a canvas. A card or string made from a canvas goes back as the node or
//! edge it was, every field it came with included, as long as the fan has not changed it; the
//! rest is written from the board.

use super::meaning::{group_lift, label_of, label_with, note_of};
use super::theories::theory_nodes;
use crate::model::board::{is_web_url, Board, FanCard, FanString};
use crate::model::geometry::{Point, Rect};
use crate::model::kept::Kept;
use crate::model::scene::{Face, Scene, SceneCard, SceneString, Thread};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// Canon red, as the canvas preset for red.
const CANON_PRESET: &str = "1";
/// The fields that say what a node shows; a changed card's are written afresh.
const CONTENT_FIELDS: [&str; 6] = ["type", "text", "file", "subpath", "url", "label"];

/// The scene as a canvas (pretty JSON). Each theory the fan made comes first, as a group around
/// its cards or a labelled note (see `theories`); then every card, as a text node holding
/// Markdown, or a link node for a fan's card with a web address; then every string, tied to the
/// sides of its cards that face each other. Canon strings are red arrows from → to; the fan's
/// have no direction, their theory's colour and a label ending with their confidence.
pub fn export(scene: &Scene, board: &Board) -> String {
    let shift = board.canvas.as_ref().map_or_else(Point::default, |canvas| canvas.shift);
    let mut node_ids = Ids::default();
    let cards: Vec<Value> =
        scene.cards.iter().map(|card| card_node(card, board, shift, &mut node_ids)).collect();
    let mut nodes: Vec<Value> = theory_nodes(scene, board, shift)
        .into_iter()
        .map(|(id, mut node)| {
            node.insert("id".to_string(), Value::from(node_ids.claim(&id)));
            Value::Object(node)
        })
        .collect();
    nodes.extend(cards);
    let rects: HashMap<&str, Rect> = scene.cards.iter().map(|card| (card.id.as_str(), card.rect)).collect();
    let mut edge_ids = Ids::default();
    let edges: Vec<Value> = scene
        .strings
        .iter()
        .map(|string| string_edge(string, board, &rects, &node_ids, &mut edge_ids))
        .collect();
    let mut document = board.canvas.as_ref().map(|canvas| canvas.fields.clone()).unwrap_or_default();
    document.insert("nodes".to_string(), Value::from(nodes));
    document.insert("edges".to_string(), Value::from(edges));
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The ids a canvas uses, each once: a card or string wants its canvas id (or its own), and a
/// second one wanting an id already taken (a pasted copy of a canvas card, say) gets it with a
/// number after.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    /// The number to try next after an id wanted more than once, so that many copies of one
    /// card cost one try each.
    next: HashMap<String, usize>,
    /// The node id each card got.
    of_card: HashMap<String, String>,
}

impl Ids {
    fn claim(&mut self, wanted: &str) -> String {
        let mut id = wanted.to_string();
        while self.taken.contains(&id) {
            let n = self.next.entry(wanted.to_string()).or_insert(1);
            *n += 1;
            id = format!("{wanted}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }

    fn claim_for(&mut self, card: &str, wanted: &str) -> String {
        let id = self.claim(wanted);
        self.of_card.insert(card.to_string(), id.clone());
        id
    }

    fn of<'a>(&'a self, card: &'a str) -> &'a str {
        self.of_card.get(card).map_or(card, String::as_str)
    }
}

/// The id a kept node or edge had, if it had a usable one.
fn kept_id<'a>(kept: &'a Kept, otherwise: &'a str) -> &'a str {
    kept.get("id").and_then(Value::as_str).unwrap_or(otherwise)
}

fn card_node(card: &SceneCard, board: &Board, shift: Point, ids: &mut Ids) -> Value {
    let fan = match card.face {
        Face::Fan { .. } => board.cards.get(&card.id),
        Face::Canon { .. } => None,
    };
    let (mut node, lift) = match fan.filter(|fan| !fan.canvas.is_empty()) {
        Some(fan) => kept_node(card, fan),
        None => (content(card, fan.and_then(|fan| fan.url.as_deref())), 0.0),
    };
    let wanted = fan.map_or(card.id.as_str(), |fan| kept_id(&fan.canvas, &card.id)).to_string();
    node.insert("id".to_string(), Value::from(ids.claim_for(&card.id, &wanted)));
    // The spec's coordinates and sizes are whole pixels.
    node.insert("x".to_string(), Value::from((card.rect.x - shift.x).round() as i64));
    node.insert("y".to_string(), Value::from((card.rect.y + lift - shift.y).round() as i64));
    // A kept node keeps its own size: the canvas drew it so, whatever size a card is here.
    node.entry("width").or_insert_with(|| Value::from(card.rect.width.round() as i64));
    node.entry("height").or_insert_with(|| Value::from(card.rect.height.round() as i64));
    Value::Object(node)
}

/// A card made from a canvas node: the node as it came while the card says what the node made of
/// it, else the node's other fields around what the card now says (a group keeps being a group,
/// labelled with the card's words). Also how far below the card the node's corner is.
fn kept_node(card: &SceneCard, fan: &FanCard) -> (Map<String, Value>, f64) {
    let as_read = note_of(&fan.canvas);
    let lift = if as_read.above { group_lift() } else { 0.0 };
    let mut node = fan.canvas.clone();
    if (&as_read.title, &as_read.text, &as_read.url) == (&fan.title, &fan.text, &fan.url) {
        return (node, lift);
    }
    for field in CONTENT_FIELDS {
        node.remove(field);
    }
    if as_read.above {
        let words: Vec<&str> =
            [fan.title.as_str(), fan.text.as_str()].into_iter().filter(|w| !w.is_empty()).collect();
        node.insert("type".to_string(), Value::from("group"));
        node.insert("label".to_string(), Value::from(words.join("\n")));
    } else {
        node.extend(content(card, fan.url.as_deref()));
    }
    (node, lift)
}

/// What a card shows, as a node's type and content: a link node for a web address (a link node
/// carries only the address), else a text node of Markdown.
fn content(card: &SceneCard, url: Option<&str>) -> Map<String, Value> {
    let mut node = Map::new();
    match url.filter(|url| is_web_url(url)) {
        Some(url) => {
            node.insert("type".to_string(), Value::from("link"));
            node.insert("url".to_string(), Value::from(url));
        }
        None => {
            node.insert("type".to_string(), Value::from("text"));
            node.insert("text".to_string(), Value::from(markdown(card)));
        }
    }
    node
}

/// A card's face as Markdown: the title as a heading, then what the card says. The fan's words go
/// in as written: they are text in a JSON string, so nothing in them can break the document.
fn markdown(card: &SceneCard) -> String {
    // A line break would end the heading early and push the rest of the title into the text.
    let title = card.title.replace(['\r', '\n'], " ");
    let mut parts = Vec::new();
    if !title.trim().is_empty() {
        parts.push(format!("# {title}"));
    }
    match &card.face {
        Face::Canon { actor, first_episode, description } => {
            parts.push(description.clone());
            parts.extend(actor.as_ref().map(|actor| format!("Actor: {actor}")));
            parts.extend(first_episode.map(|n| format!("First seen: Episode {n}")));
        }
        Face::Fan { text } => parts.push(text.clone()),
    }
    parts.retain(|part| !part.is_empty());
    parts.join("\n\n")
}

fn string_edge(
    string: &SceneString,
    board: &Board,
    rects: &HashMap<&str, Rect>,
    nodes: &Ids,
    ids: &mut Ids,
) -> Value {
    let fan = match string.thread {
        Thread::Theory { .. } => board.strings.get(&string.id),
        Thread::Canon => None,
    };
    let mut edge = match fan.filter(|fan| !fan.canvas.is_empty()) {
        Some(fan) => kept_edge(string, fan),
        None => own_edge(string, rects),
    };
    let wanted = fan.map_or(string.id.as_str(), |fan| kept_id(&fan.canvas, &string.id)).to_string();
    edge.insert("id".to_string(), Value::from(ids.claim(&wanted)));
    edge.insert("fromNode".to_string(), Value::from(nodes.of(&string.from)));
    edge.insert("toNode".to_string(), Value::from(nodes.of(&string.to)));
    Value::Object(edge)
}

/// A string made from a canvas edge: the edge as it came while the string's label and confidence
/// are what the edge's label made, else with the string's label and its theory's colour.
fn kept_edge(string: &SceneString, fan: &FanString) -> Map<String, Value> {
    let mut edge = fan.canvas.clone();
    let label = edge.get("label").and_then(Value::as_str).unwrap_or_default();
    if label_of(label) != (fan.label.clone(), fan.confidence) {
        edge.insert("label".to_string(), Value::from(label_with(&fan.label, fan.confidence)));
        edge.insert("color".to_string(), Value::from(string.colour.as_str()));
    }
    edge
}

/// A string of the show's or one the fan tied here.
fn own_edge(string: &SceneString, rects: &HashMap<&str, Rect>) -> Map<String, Value> {
    let (colour, to_end, label) = match &string.thread {
        Thread::Canon => (CANON_PRESET, "arrow", string.label.clone()),
        Thread::Theory { confidence, .. } => {
            (string.colour.as_str(), "none", label_with(&string.label, *confidence))
        }
    };
    let mut edge = Map::new();
    if let (Some(from), Some(to)) = (rects.get(string.from.as_str()), rects.get(string.to.as_str())) {
        let (from_side, to_side) = facing_sides(from, to);
        edge.insert("fromSide".to_string(), Value::from(from_side));
        edge.insert("toSide".to_string(), Value::from(to_side));
    }
    edge.insert("toEnd".to_string(), Value::from(to_end));
    edge.insert("color".to_string(), Value::from(colour));
    if !label.is_empty() {
        edge.insert("label".to_string(), Value::from(label));
    }
    edge
}

/// The sides of two cards that face each other: left and right when the cards lie more side by
/// side than one above the other (measured against their sizes, so a wide card's neighbour
/// below is below it), else top and bottom.
fn facing_sides(from: &Rect, to: &Rect) -> (&'static str, &'static str) {
    let (a, b) = (from.center(), to.center());
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let side_by_side = dx.abs() * (from.height + to.height) >= dy.abs() * (from.width + to.width);
    match (side_by_side, dx >= 0.0, dy >= 0.0) {
        (true, true, _) => ("right", "left"),
        (true, false, _) => ("left", "right"),
        (false, _, true) => ("bottom", "top"),
        (false, _, false) => ("top", "bottom"),
    }
}
