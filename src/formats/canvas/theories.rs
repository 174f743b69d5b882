//! The fan's theories as canvas nodes, so that their names go out with the board: a group around
//! a theory's cards, or, when the group would take in cards of no concern to the theory (they lie
//! spread among others), a note in the theory's colour that names it and lists its strings.

use super::meaning::{group_lift, label_with};
use crate::model::board::{Board, Theory};
use crate::model::geometry::{Point, Rect};
use crate::model::layout::{card_size, CARD_GAP};
use crate::model::scene::{Scene, SceneCard, SceneString, Thread};
use crate::model::universe::Kind;
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};

/// A node for each theory with something of the fan's on the scene (a note in it, or a string
/// tied here rather than brought in from a canvas, which keeps its own look), by theory id, before
/// the export gives it a node id. A theory the import made from a canvas adds no node, so the
/// canvas goes back as it came.
pub(super) fn theory_nodes(scene: &Scene, board: &Board, shift: Point) -> Vec<(String, Map<String, Value>)> {
    // Gathered in one pass each, so the work follows the board's size, not theories × cards.
    let mut notes: HashMap<&str, Vec<&str>> = HashMap::new();
    for card in &scene.cards {
        if let Some(theory) = board.cards.get(&card.id).and_then(|c| c.theory.as_deref()) {
            notes.entry(theory).or_default().push(card.id.as_str());
        }
    }
    let mut strings: HashMap<&str, Vec<&SceneString>> = HashMap::new();
    for string in &scene.strings {
        if let Thread::Theory { id, .. } = &string.thread {
            strings.entry(id.as_str()).or_default().push(string);
        }
    }
    let cards: HashMap<&str, &SceneCard> = scene.cards.iter().map(|card| (card.id.as_str(), card)).collect();
    board
        .theories
        .values()
        .filter_map(|theory| {
            let notes = notes.get(theory.id.as_str()).map_or(&[][..], Vec::as_slice);
            let strings = strings.get(theory.id.as_str()).map_or(&[][..], Vec::as_slice);
            let tied_here =
                strings.iter().any(|s| board.strings.get(&s.id).is_some_and(|f| f.canvas.is_empty()));
            if notes.is_empty() && !tied_here {
                return None;
            }
            let members: BTreeSet<&str> = notes
                .iter()
                .copied()
                .chain(strings.iter().flat_map(|s| [s.from.as_str(), s.to.as_str()]))
                .collect();
            let around = Rect::bounding(members.iter().filter_map(|id| cards.get(id)).map(|card| card.rect))?
                .grown(CARD_GAP);
            let crowded = scene
                .cards
                .iter()
                .any(|card| !members.contains(card.id.as_str()) && card.rect.overlaps(&around, 0.0));
            let node = if crowded {
                let title = |id: &str| match board.cards.get(id) {
                    Some(card) => card.title_shown(),
                    None => cards.get(id).map(|card| card.title.clone()).unwrap_or_default(),
                };
                label_note(theory, strings, notes, title, around)
            } else {
                group(theory, around)
            };
            Some((theory.id.clone(), placed(node, shift)))
        })
        .collect()
}

fn group(theory: &Theory, around: Rect) -> (Map<String, Value>, Rect) {
    let mut node = Map::new();
    node.insert("type".to_string(), Value::from("group"));
    node.insert("label".to_string(), Value::from(theory.name.as_str()));
    node.insert("color".to_string(), Value::from(theory.colour.as_str()));
    (node, around)
}

/// A note just above the theory's cards: "# Billets is the mole", then a line per string
/// ("Lt. Grace Billets — covered up · likely — Harry Bosch") and the titles of its notes.
fn label_note(
    theory: &Theory,
    strings: &[&SceneString],
    notes: &[&str],
    title: impl Fn(&str) -> String,
    around: Rect,
) -> (Map<String, Value>, Rect) {
    let mut parts = vec![format!("# {}", theory.name.replace(['\r', '\n'], " "))];
    let lines: Vec<String> = strings
        .iter()
        .map(|s| {
            let confidence = match &s.thread {
                Thread::Theory { confidence, .. } => *confidence,
                Thread::Canon => Default::default(),
            };
            format!("- {} — {} — {}", title(&s.from), label_with(&s.label, confidence), title(&s.to))
        })
        .collect();
    if !lines.is_empty() {
        parts.push(lines.join("\n"));
    }
    if !notes.is_empty() {
        parts.push(format!("Notes: {}", notes.iter().map(|id| title(id)).collect::<Vec<_>>().join(", ")));
    }
    let mut node = Map::new();
    node.insert("type".to_string(), Value::from("text"));
    node.insert("text".to_string(), Value::from(parts.join("\n\n")));
    node.insert("color".to_string(), Value::from(theory.colour.as_str()));
    let at = Point::new(around.x, around.y - group_lift());
    (node, Rect::at(at, card_size(Kind::Note)))
}

/// A node at its place, in whole pixels, moved back as far as the import moved the board.
fn placed((mut node, rect): (Map<String, Value>, Rect), shift: Point) -> Map<String, Value> {
    for (field, value) in
        [("x", rect.x - shift.x), ("y", rect.y - shift.y), ("width", rect.width), ("height", rect.height)]
    {
        node.insert(field.to_string(), Value::from(value.round() as i64));
    }
    node
}
