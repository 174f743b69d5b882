//! Reading a canvas as a new board: the whole canvas is checked before anything is built, and
//! what the board has no place for is kept with its cards and strings (see `model::kept`).

use super::limits::{CanvasError, MAX_CANVAS_BYTES, MAX_COORDINATE, MAX_EDGES, MAX_NESTING, MAX_NODES};
use super::meaning::{group_lift, label_of, note_of, Note};
use crate::formats::envelope;
use crate::formats::plain::plain_json_error;
use crate::model::board::{
    cap, Board, Confidence, FanCard, FanString, Theory, MAX_BOARD_NAME, MAX_LABEL, MAX_TEXT,
};
use crate::model::geometry::Point;
use crate::model::kept::{CanvasDocument, Kept};
use crate::model::layout::place_beside_canon;
use crate::model::universe::{Kind, Universe};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The id of the one theory an import makes.
const IMPORTED_THEORY: &str = "canvas-theory";
/// The imported theory's colour when no edge names one (the first colour the app offers).
const DEFAULT_THEORY_COLOUR: &str = "#1f6feb";
/// What the six colour presets (red, orange, yellow, green, cyan, purple) stand for here: the spec
/// leaves the shades to each app. The red is not canon red, which is kept for canon.
const PRESET_COLOURS: [&str; 6] = ["#d64541", "#e67e22", "#d4ac0d", "#27ae60", "#17a2b8", "#8e44ad"];

/// True when `text` reads as a canvas rather than a saved board: a JSON object with a `nodes` or
/// `edges` list and no `"format": "caseboard"`. The lists' items are skipped, not kept.
pub fn looks_like_canvas(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        nodes: Option<Vec<IgnoredAny>>,
        edges: Option<Vec<IgnoredAny>>,
        format: Option<Value>,
    }
    text.trim_start().starts_with('{')
        && serde_json::from_str::<Probe>(text).is_ok_and(|probe| {
            (probe.nodes.is_some() || probe.edges.is_some())
                && probe.format.as_ref().and_then(Value::as_str) != Some(envelope::FORMAT)
        })
}

/// One node, read: its id, where its note goes, what the note says, and the node's fields but
/// its place.
struct ReadNode<'a> {
    id: &'a str,
    at: Point,
    note: Note,
    kept: Kept,
}

/// One edge, read: a string between the `from`th and `to`th node.
struct ReadEdge {
    from: usize,
    to: usize,
    label: String,
    confidence: Confidence,
    colour: Option<String>,
    kept: Kept,
}

/// Reads a canvas as a new board for `universe`, named `file_stem`: every node becomes a note of
/// the fan's at the node's place, every edge (parallel ones and loops too) a string of one new
/// theory named after the file. The universe's own cards start hidden, so the board shows the
/// canvas alone. Each card and string keeps its node's or edge's fields, and the board the
/// document's other fields, so the export gives the canvas back. Words too long for a card or a
/// string are refused, never cut; fields and node types Caseboard does not know are kept.
pub fn import(text: &str, file_stem: &str, universe: &Universe) -> Result<Board, CanvasError> {
    if text.len() > MAX_CANVAS_BYTES {
        return Err(CanvasError::TooLarge(text.len()));
    }
    if nests_deeper_than(text, MAX_NESTING) {
        return Err(CanvasError::TooDeep);
    }
    let document: Value =
        serde_json::from_str(text).map_err(|e| CanvasError::NotJson(plain_json_error(&e.to_string())))?;
    let document = document.as_object().ok_or(CanvasError::NotACanvas("the document is not an object"))?;
    let (nodes, edges) = (list(document, "nodes")?, list(document, "edges")?);
    for (what, count, max) in [("nodes", nodes.len(), MAX_NODES), ("edges", edges.len(), MAX_EDGES)] {
        if count > max {
            return Err(CanvasError::TooMany { what, count, max });
        }
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    let mut read = Vec::with_capacity(nodes.len());
    for (n, value) in nodes.iter().enumerate() {
        let node = read_node(n, value)?;
        if index.insert(node.id, n).is_some() {
            return Err(CanvasError::DuplicateNode(shown(node.id)));
        }
        read.push(node);
    }
    let edges =
        edges.iter().enumerate().map(|(n, e)| read_edge(n, e, &index)).collect::<Result<Vec<_>, _>>()?;

    let mut board = Board::new(&universe.id, universe.version);
    board.name = cap(file_stem.trim().to_string(), MAX_BOARD_NAME);
    board.hidden = universe.entities.iter().map(|e| e.id.clone()).collect();
    board.canvas =
        Some(CanvasDocument { fields: without(document, &["nodes", "edges"]), shift: Point::default() });
    // Fresh ids: a canvas's own ids may be anything (they are kept for the export).
    let card_ids = fresh_ids("canvas", read.len());
    for (node, id) in read.into_iter().zip(&card_ids) {
        board.positions.insert(id.clone(), node.at);
        let Note { title, text, url, .. } = node.note;
        let card =
            FanCard { id: id.clone(), kind: Kind::Note, title, text, theory: None, url, canvas: node.kept };
        board.cards.insert(id.clone(), card);
    }
    let colour = edges.iter().find_map(|e| e.colour.clone());
    let string_ids = fresh_ids("canvas-string", edges.len());
    for (edge, id) in edges.into_iter().zip(string_ids) {
        let string = FanString {
            id: id.clone(),
            from: card_ids[edge.from].clone(),
            to: card_ids[edge.to].clone(),
            label: edge.label,
            theory: IMPORTED_THEORY.to_string(),
            confidence: edge.confidence,
            canvas: edge.kept,
        };
        board.strings.insert(id, string);
    }
    if !board.strings.is_empty() {
        let name = if board.name.is_empty() { "Canvas".to_string() } else { board.name.clone() };
        let colour = colour.unwrap_or(DEFAULT_THEORY_COLOUR.to_string());
        let theory = Theory { id: IMPORTED_THEORY.to_string(), name, colour, visible: true };
        board.theories.insert(theory.id.clone(), theory.capped());
    }
    envelope::check(&board).map_err(CanvasError::Invalid)?;
    // Each card keeps its node's words beside its own, so a board can outgrow its canvas; one
    // whose board file could not be imported again would be stuck in this browser.
    let as_file = envelope::encode_file(&board).len();
    if as_file > envelope::MAX_FILE_BYTES {
        return Err(CanvasError::BoardTooLarge(as_file));
    }
    Ok(board)
}

/// [`import`], with the canvas then moved beside the show's cards, where it stays clear of them
/// when the fan brings them back; the board remembers how far, and the export moves it back.
pub fn import_beside_canon(text: &str, file_stem: &str, universe: &Universe) -> Result<Board, CanvasError> {
    let mut board = import(text, file_stem, universe)?;
    let shift = place_beside_canon(&mut board, universe);
    if let Some(document) = board.canvas.as_mut() {
        document.shift = shift;
    }
    Ok(board)
}

/// `count` ids from `prefix-1` on, numbered to one width so that the board's id order (the order
/// it exports in) is the canvas's: a node's place in the list is its place in the stack.
fn fresh_ids(prefix: &str, count: usize) -> Vec<String> {
    let width = count.to_string().len();
    (1..=count).map(|n| format!("{prefix}-{n:0width$}")).collect()
}

/// An object's fields but `left_out`.
fn without(fields: &Map<String, Value>, left_out: &[&str]) -> Kept {
    fields
        .iter()
        .filter(|(key, _)| !left_out.contains(&key.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// True when lists and objects in `text` nest more than `limit` deep; found without parsing, so a
/// file built to nest thousands deep costs one pass (brackets inside strings do not count).
fn nests_deeper_than(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match byte {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    false
}

/// The document's `nodes` or `edges`; both may be left out.
fn list<'a>(document: &'a Map<String, Value>, key: &'static str) -> Result<&'a [Value], CanvasError> {
    match document.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) if key == "nodes" => Err(CanvasError::NotACanvas("its nodes are not a list")),
        Some(_) => Err(CanvasError::NotACanvas("its edges are not a list")),
    }
}

/// The `n`th node (from 0). Its id, type and place are required, and its numbers must be sane;
/// any other field may be anything, and is kept.
fn read_node(n: usize, node: &Value) -> Result<ReadNode<'_>, CanvasError> {
    let missing_id = || CanvasError::Missing { item: format!("node {}", n + 1), field: "id" };
    let fields = node.as_object().ok_or_else(missing_id)?;
    let id = fields.get("id").and_then(Value::as_str).ok_or_else(missing_id)?;
    let item = || format!("node '{}'", shown(id));
    let number = |field: &'static str| match fields.get(field) {
        None => Ok(None),
        Some(value) => match value.as_f64() {
            Some(v) if v.is_finite() && v.abs() < MAX_COORDINATE => Ok(Some(v)),
            _ => Err(CanvasError::BadNumber { item: item(), field }),
        },
    };
    let required = |field: &'static str| number(field)?.ok_or(CanvasError::Missing { item: item(), field });
    let at = Point::new(required("x")?.round(), required("y")?.round());
    // A note has its own size, but a canvas with impossible sizes is damaged.
    number("width")?;
    number("height")?;
    if fields.get("type").and_then(Value::as_str).is_none() {
        return Err(CanvasError::Missing { item: item(), field: "type" });
    }
    let kept = without(fields, &["x", "y"]);
    let note = note_of(&kept);
    let count = note.text.chars().count();
    if count > MAX_TEXT {
        return Err(CanvasError::TooLong { item: item(), what: "text", count, max: MAX_TEXT });
    }
    let at = if note.above { at.offset(0.0, -group_lift()) } else { at };
    Ok(ReadNode { id, at, note, kept })
}

/// The `n`th edge (from 0), its ends found among the nodes by id.
fn read_edge(n: usize, edge: &Value, nodes: &HashMap<&str, usize>) -> Result<ReadEdge, CanvasError> {
    let missing_id = || CanvasError::Missing { item: format!("edge {}", n + 1), field: "id" };
    let fields = edge.as_object().ok_or_else(missing_id)?;
    let id = fields.get("id").and_then(Value::as_str).ok_or_else(missing_id)?;
    let item = || format!("edge '{}'", shown(id));
    let end = |field: &'static str| {
        let node = fields
            .get(field)
            .and_then(Value::as_str)
            .ok_or_else(|| CanvasError::Missing { item: item(), field })?;
        nodes
            .get(node)
            .copied()
            .ok_or_else(|| CanvasError::DanglingEdge { edge: shown(id), node: shown(node) })
    };
    let (from, to) = (end("fromNode")?, end("toNode")?);
    let (label, confidence) = label_of(fields.get("label").and_then(Value::as_str).unwrap_or_default());
    let count = label.chars().count();
    if count > MAX_LABEL {
        return Err(CanvasError::TooLong { item: item(), what: "label", count, max: MAX_LABEL });
    }
    Ok(ReadEdge {
        from,
        to,
        label,
        confidence,
        colour: fields.get("color").and_then(hex_colour),
        kept: without(fields, &["fromNode", "toNode"]),
    })
}

/// A canvas colour as `#rrggbb`: a preset ("1" to "6", or the number), `#rrggbb` or `#rgb`.
/// Anything else is None, and the theory keeps its default colour.
fn hex_colour(colour: &Value) -> Option<String> {
    let preset = |n: u64| (1..=6).contains(&n).then(|| PRESET_COLOURS[n as usize - 1].to_string());
    match colour {
        Value::Number(n) => preset(n.as_u64()?),
        Value::String(s) if s.len() == 1 => preset(s.parse().ok()?),
        Value::String(s) => {
            let digits = s.strip_prefix('#').filter(|d| d.chars().all(|c| c.is_ascii_hexdigit()))?;
            match digits.len() {
                6 => Some(s.to_ascii_lowercase()),
                3 => Some(digits.chars().flat_map(|c| [c, c]).fold("#".to_string(), |mut hex, c| {
                    hex.push(c.to_ascii_lowercase());
                    hex
                })),
                _ => None,
            }
        }
        _ => None,
    }
}

/// An id as a message shows it: whole when short, else its start (a hostile file's id could be
/// megabytes long).
fn shown(id: &str) -> String {
    const LONGEST: usize = 40;
    if id.chars().count() <= LONGEST {
        id.to_string()
    } else {
        format!("{}…", id.chars().take(LONGEST).collect::<String>())
    }
}
