//! JSON Canvas 1.0 (<https://jsoncanvas.org/spec/1.0/>), the open file format of infinite-canvas
//! apps such as Obsidian. Export writes the board as the fan sees it; import turns any canvas into
//! a new board of the fan's own notes, strung together in one theory.

use crate::formats::envelope::{self, EnvelopeError};
use crate::formats::plain::plain_json_error;
use crate::model::board::{
    cap, is_web_url, Board, Confidence, FanCard, FanString, Theory, MAX_BOARD_NAME, MAX_LABEL, MAX_TITLE,
    MAX_URL,
};
use crate::model::geometry::Point;
use crate::model::layout::{card_size, CARD_GAP};
use crate::model::scene::{Face, Scene, SceneCard, SceneString, Thread};
use crate::model::universe::{Kind, Universe};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::fmt;

/// The largest canvas read, in bytes, and the most nodes and edges it may hold.
pub const MAX_CANVAS_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_NODES: usize = 20_000;
pub const MAX_EDGES: usize = 50_000;
/// How deep lists and objects may nest. A canvas needs three levels (the document, its lists,
/// their items); the rest is room for other apps' extra data, not for a file built to exhaust
/// the parser.
pub const MAX_NESTING: usize = 64;
/// Coordinates must be smaller than this either way, as on a saved board.
const MAX_COORDINATE: f64 = 1.0e7;
/// The id of the one theory an import makes.
const IMPORTED_THEORY: &str = "canvas-theory";
/// The imported theory's colour when no edge names one (the first colour the app offers).
const DEFAULT_THEORY_COLOUR: &str = "#1f6feb";
/// Canon red, as the canvas preset for red.
const CANON_PRESET: &str = "1";
/// What the six colour presets (red, orange, yellow, green, cyan, purple) stand for here: the spec
/// leaves the shades to each app. The red is not canon red, which is kept for canon.
const PRESET_COLOURS: [&str; 6] = ["#d64541", "#e67e22", "#d4ac0d", "#27ae60", "#17a2b8", "#8e44ad"];

#[derive(Clone, Debug, PartialEq)]
pub enum CanvasError {
    TooLarge(usize),
    TooDeep,
    NotJson(String),
    /// The document is JSON but not shaped like a canvas; says what is wrong.
    NotACanvas(&'static str),
    TooMany {
        what: &'static str,
        count: usize,
        max: usize,
    },
    /// `item` names the node or edge ("node 'a'", or "node 3" when it has no id).
    Missing {
        item: String,
        field: &'static str,
    },
    BadNumber {
        item: String,
        field: &'static str,
    },
    DuplicateNode(String),
    UnknownType {
        node: String,
        kind: String,
    },
    DanglingEdge {
        edge: String,
        node: String,
    },
    /// The board made from the canvas failed the check every board passes.
    Invalid(EnvelopeError),
}

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanvasError::TooLarge(n) => {
                write!(f, "the canvas is {n} bytes; at most {MAX_CANVAS_BYTES} can be read")
            }
            CanvasError::TooDeep => {
                write!(f, "the canvas nests lists and objects more than {MAX_NESTING} deep")
            }
            CanvasError::NotJson(e) => write!(f, "the canvas is not valid JSON ({e})"),
            CanvasError::NotACanvas(what) => write!(f, "it is not a JSON Canvas ({what})"),
            CanvasError::TooMany { what, count, max } => {
                write!(f, "the canvas has {count} {what}; at most {max} can be read")
            }
            CanvasError::Missing { item, field } => write!(f, "{item} has no {field}"),
            CanvasError::BadNumber { item, field } => write!(
                f,
                "{item} has an unusable {field}: it must be a number smaller than {MAX_COORDINATE} either way"
            ),
            CanvasError::DuplicateNode(id) => write!(f, "the node id '{id}' is used more than once"),
            CanvasError::UnknownType { node, kind } => {
                write!(f, "node '{node}' is of type '{kind}', which JSON Canvas 1.0 does not have")
            }
            CanvasError::DanglingEdge { edge, node } => {
                write!(f, "edge '{edge}' points at node '{node}', which is not in the canvas")
            }
            CanvasError::Invalid(e) => write!(f, "the board made from the canvas is not sound: {e}"),
        }
    }
}

impl std::error::Error for CanvasError {}

/// The scene as a canvas (pretty JSON). Every card is a text node holding Markdown, or a link node
/// for a fan's card with a web address (a link node carries only the address). Canon strings are
/// red arrows from → to; the fan's strings have no direction and keep their theory's colour.
pub fn export(scene: &Scene, board: &Board) -> String {
    let nodes: Vec<Value> = scene.cards.iter().map(|card| node(card, board)).collect();
    let edges: Vec<Value> = scene.strings.iter().map(edge).collect();
    serde_json::to_string_pretty(&json!({ "nodes": nodes, "edges": edges })).unwrap_or_default()
}

fn node(card: &SceneCard, board: &Board) -> Value {
    let url = match card.face {
        Face::Fan { .. } => {
            board.cards.get(&card.id).and_then(|c| c.url.as_deref()).filter(|u| is_web_url(u))
        }
        Face::Canon { .. } => None,
    };
    let mut node = json!({
        "id": card.id,
        "type": if url.is_some() { "link" } else { "text" },
        // The spec's coordinates and sizes are whole pixels.
        "x": card.rect.x.round() as i64,
        "y": card.rect.y.round() as i64,
        "width": card.rect.width.round() as i64,
        "height": card.rect.height.round() as i64,
    });
    match url {
        Some(url) => node["url"] = Value::from(url),
        None => node["text"] = Value::from(markdown(card)),
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

fn edge(string: &SceneString) -> Value {
    let (colour, to_end) = match string.thread {
        Thread::Canon => (CANON_PRESET, "arrow"),
        Thread::Theory { .. } => (string.colour.as_str(), "none"),
    };
    // Strings are tied to the pins, at the top of each card.
    let mut edge = json!({
        "id": string.id,
        "fromNode": string.from,
        "fromSide": "top",
        "toNode": string.to,
        "toSide": "top",
        "toEnd": to_end,
        "color": colour,
    });
    if !string.label.is_empty() {
        edge["label"] = Value::from(string.label.as_str());
    }
    edge
}

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

/// What one node becomes: a note at `at`.
struct Node {
    at: Point,
    title: String,
    text: String,
    url: Option<String>,
}

impl Node {
    /// A note; a title too long to keep whole stays in full at the head of the text, so the cap
    /// on titles loses nothing.
    fn note(at: Point, title: &str, text: &str) -> Node {
        let text = if title.chars().count() > MAX_TITLE {
            format!("{title}\n\n{text}").trim().to_string()
        } else {
            text.to_string()
        };
        Node { at, title: title.to_string(), text, url: None }
    }
}

/// What one edge becomes: a string between the `from`th and `to`th node.
struct Edge<'a> {
    from: usize,
    to: usize,
    label: &'a str,
    colour: Option<String>,
}

/// Reads a canvas as a new board for `universe`, named `file_stem`: every node becomes a note of
/// the fan's at the node's place, every edge a string of one new theory named after the file.
/// The universe's own cards start hidden, so the board shows the canvas alone.
/// The whole canvas is checked before anything is built; text too long is cut, never refused.
/// The board ties two different cards at most once in a theory, so a second edge between the
/// same two nodes adds its label to the first's; an edge from a node to itself is left out.
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
    let mut notes = Vec::with_capacity(nodes.len());
    for (n, value) in nodes.iter().enumerate() {
        let (id, node) = read_node(n, value)?;
        if index.insert(id, n).is_some() {
            return Err(CanvasError::DuplicateNode(shown(id)));
        }
        notes.push(node);
    }
    let edges =
        edges.iter().enumerate().map(|(n, e)| read_edge(n, e, &index)).collect::<Result<Vec<_>, _>>()?;

    let mut board = Board::new(&universe.id, universe.version);
    board.name = cap(file_stem.trim().to_string(), MAX_BOARD_NAME);
    board.hidden = universe.entities.iter().map(|e| e.id.clone()).collect();
    // Fresh ids: a canvas's own ids may be anything, so they only serve to match edges to nodes.
    let ids: Vec<String> = (1..=notes.len()).map(|n| format!("canvas-{n}")).collect();
    for (node, id) in notes.into_iter().zip(&ids) {
        board.positions.insert(id.clone(), node.at);
        let card = FanCard {
            id: id.clone(),
            kind: Kind::Note,
            title: node.title,
            text: node.text,
            theory: None,
            url: node.url,
        };
        board.cards.insert(id.clone(), card.capped());
    }
    let mut tied: HashMap<(usize, usize), String> = HashMap::new();
    for (n, edge) in edges.iter().enumerate() {
        if edge.from == edge.to {
            continue;
        }
        let pair = (edge.from.min(edge.to), edge.from.max(edge.to));
        if let Some(first) = tied.get(&pair).and_then(|id| board.strings.get_mut(id)) {
            let label = edge.label.trim();
            if !label.is_empty() && !first.label.split(" · ").any(|l| l.trim() == label) {
                first.label = join_labels(&first.label, label);
            }
            continue;
        }
        let id = format!("canvas-string-{}", n + 1);
        tied.insert(pair, id.clone());
        let string = FanString {
            id: id.clone(),
            from: ids[edge.from].clone(),
            to: ids[edge.to].clone(),
            label: edge.label.to_string(),
            theory: IMPORTED_THEORY.to_string(),
            confidence: Confidence::Suspected,
        };
        board.strings.insert(id, string.capped());
    }
    if !board.strings.is_empty() {
        let name = if board.name.is_empty() { "Canvas".to_string() } else { board.name.clone() };
        let colour = edges.iter().find_map(|e| e.colour.clone()).unwrap_or(DEFAULT_THEORY_COLOUR.to_string());
        let theory = Theory { id: IMPORTED_THEORY.to_string(), name, colour, visible: true };
        board.theories.insert(theory.id.clone(), theory.capped());
    }
    envelope::check(&board).map_err(CanvasError::Invalid)?;
    Ok(board)
}

/// Two edges' labels on one string, cut to the longest label a string keeps.
fn join_labels(first: &str, second: &str) -> String {
    let joined =
        if first.trim().is_empty() { second.to_string() } else { format!("{} · {second}", first.trim()) };
    cap(joined, MAX_LABEL)
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

/// The `n`th node (from 0): its id and what it becomes.
fn read_node(n: usize, node: &Value) -> Result<(&str, Node), CanvasError> {
    let id = node
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| CanvasError::Missing { item: format!("node {}", n + 1), field: "id" })?;
    let item = || format!("node '{}'", shown(id));
    let number = |field: &'static str| match node.get(field) {
        None => Ok(None),
        Some(value) => match value.as_f64() {
            Some(v) if v.is_finite() && v.abs() < MAX_COORDINATE => Ok(Some(v)),
            _ => Err(CanvasError::BadNumber { item: item(), field }),
        },
    };
    let required = |field: &'static str| number(field)?.ok_or(CanvasError::Missing { item: item(), field });
    let at = Point::new(required("x")?.round(), required("y")?.round());
    // Unused (a note has its own size), but a canvas with impossible sizes is damaged.
    number("width")?;
    number("height")?;
    let text = |field: &str| node.get(field).and_then(Value::as_str).unwrap_or_default();
    let note = match node.get("type").and_then(Value::as_str) {
        Some("text") => {
            let (title, rest) = title_and_rest(text("text"));
            Node::note(at, title, rest)
        }
        Some("file") => Node::note(at, &format!("{}{}", text("file"), text("subpath")), ""),
        Some("link") => {
            let url = text("url").trim();
            if is_web_url(url) && url.chars().count() <= MAX_URL {
                Node { url: Some(url.to_string()), ..Node::note(at, url, "") }
            } else {
                // Kept for the fan to read, never as a link anyone could follow.
                Node::note(at, "", url)
            }
        }
        // Above the group's corner, not over the first node inside it.
        Some("group") => {
            Node::note(at.offset(0.0, -(card_size(Kind::Note).height + CARD_GAP)), text("label"), "")
        }
        Some(kind) => return Err(CanvasError::UnknownType { node: shown(id), kind: shown(kind) }),
        None => return Err(CanvasError::Missing { item: item(), field: "type" }),
    };
    Ok((id, note))
}

/// A text node's Markdown as a title (its first line, less any heading marks) and the rest.
fn title_and_rest(markdown: &str) -> (&str, &str) {
    let markdown = markdown.trim_start();
    let (first, rest) = markdown.split_once('\n').unwrap_or((markdown, ""));
    let first = first.trim();
    let marks = first.len() - first.trim_start_matches('#').len();
    let after_marks = &first[marks..];
    let heading =
        (1..=6).contains(&marks) && (after_marks.is_empty() || after_marks.starts_with([' ', '\t']));
    (if heading { after_marks.trim() } else { first }, rest.trim())
}

/// The `n`th edge (from 0), its ends found among the nodes by id.
fn read_edge<'a>(n: usize, edge: &'a Value, nodes: &HashMap<&str, usize>) -> Result<Edge<'a>, CanvasError> {
    let id = edge
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| CanvasError::Missing { item: format!("edge {}", n + 1), field: "id" })?;
    let end = |field: &'static str| {
        let node = edge
            .get(field)
            .and_then(Value::as_str)
            .ok_or_else(|| CanvasError::Missing { item: format!("edge '{}'", shown(id)), field })?;
        nodes
            .get(node)
            .copied()
            .ok_or_else(|| CanvasError::DanglingEdge { edge: shown(id), node: shown(node) })
    };
    Ok(Edge {
        from: end("fromNode")?,
        to: end("toNode")?,
        label: edge.get("label").and_then(Value::as_str).unwrap_or_default(),
        colour: edge.get("color").and_then(hex_colour),
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

/// An id or type as a message shows it: whole when short, else its start (a hostile file's id
/// could be megabytes long).
fn shown(id: &str) -> String {
    const LONGEST: usize = 40;
    if id.chars().count() <= LONGEST {
        id.to_string()
    } else {
        format!("{}…", id.chars().take(LONGEST).collect::<String>())
    }
}
