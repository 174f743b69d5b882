//! What a canvas node and an edge's label are on the board. Import builds the board from this;
//! export asks it again of every node and edge the board kept, so that a card or string the fan
//! has not changed goes back exactly as it came, and a changed one is written from what it holds.

use crate::model::board::{cap, is_web_url, Confidence, MAX_TITLE, MAX_URL};
use crate::model::kept::Kept;
use crate::model::layout::{card_size, CARD_GAP};
use crate::model::universe::Kind;
use serde_json::Value;

/// A node as a note of the fan's.
#[derive(Debug, PartialEq)]
pub(super) struct Note {
    pub title: String,
    pub text: String,
    pub url: Option<String>,
    /// A group's note sits above the group's corner (see [`group_lift`]), not over the first
    /// node inside it.
    pub above: bool,
}

/// How far above its group's corner a group's note sits.
pub(super) fn group_lift() -> f64 {
    card_size(Kind::Note).height + CARD_GAP
}

/// A node as a note: a text node's Markdown split into title and text, a file node titled with
/// its path, a link node with its address (clickable only for http and https), a group titled
/// with its label. A node of a type JSON Canvas 1.0 does not have reads as a text node over the
/// first words it holds (its text, label, file or url), or is titled with its type.
pub(super) fn note_of(node: &Kept) -> Note {
    let words = |field: &str| node.get(field).and_then(Value::as_str).unwrap_or_default();
    match words("type") {
        "text" => from_markdown(words("text")),
        "file" => titled(&format!("{}{}", words("file"), words("subpath")), ""),
        "link" => {
            let url = words("url").trim();
            if is_web_url(url) && url.chars().count() <= MAX_URL {
                Note { url: Some(url.to_string()), ..titled(url, "") }
            } else {
                // Kept for the fan to read, never as a link anyone could follow.
                titled("", url)
            }
        }
        "group" => Note { above: true, ..titled(words("label"), "") },
        other => match ["text", "label", "file", "url"].into_iter().map(words).find(|w| !w.trim().is_empty())
        {
            Some(first) => from_markdown(first),
            None => titled(other, ""),
        },
    }
}

/// Markdown as a note: its first line, less any heading marks, is the title.
fn from_markdown(markdown: &str) -> Note {
    let markdown = markdown.trim_start();
    let (first, rest) = markdown.split_once('\n').unwrap_or((markdown, ""));
    let first = first.trim();
    let marks = first.len() - first.trim_start_matches('#').len();
    let after_marks = &first[marks..];
    let heading =
        (1..=6).contains(&marks) && (after_marks.is_empty() || after_marks.starts_with([' ', '\t']));
    titled(if heading { after_marks.trim() } else { first }, rest.trim())
}

/// A note; a title too long to keep whole stays in full at the head of the text, so the cap on
/// titles loses nothing.
fn titled(title: &str, text: &str) -> Note {
    let text = if title.chars().count() > MAX_TITLE {
        format!("{title}\n\n{text}").trim().to_string()
    } else {
        text.to_string()
    };
    Note { title: cap(title.to_string(), MAX_TITLE), text, url: None, above: false }
}

/// An edge's label as a string's label and confidence: a label ending in " · likely" (as
/// Caseboard writes the fan's strings, see [`label_with`]), or that is a confidence alone, gives
/// that confidence; any other label is kept whole, suspected, as every new string starts.
pub(super) fn label_of(label: &str) -> (String, Confidence) {
    for confidence in Confidence::ALL {
        if label == confidence.label() {
            return (String::new(), confidence);
        }
        if let Some(rest) = label.strip_suffix(confidence.label()).and_then(|rest| rest.strip_suffix(" · "))
        {
            return (rest.to_string(), confidence);
        }
    }
    (label.to_string(), Confidence::default())
}

/// A string's label with its confidence at the end: "covered up · likely", or "likely" alone.
pub fn label_with(label: &str, confidence: Confidence) -> String {
    if label.is_empty() {
        confidence.label().to_string()
    } else {
        format!("{label} · {}", confidence.label())
    }
}
