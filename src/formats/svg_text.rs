//! Words and colours made safe to write into an SVG document: shared by the board's drawing
//! (`svg`) and the band over it (`caption`).

use crate::model::board::is_hex_colour;

/// Drawn instead of a theory colour that is not `#rrggbb` (as the board does for a lost theory).
const FALLBACK_COLOUR: &str = "#555555";

/// `colour` if it is a `#rrggbb` colour, else the fallback grey: fit for an attribute.
pub fn safe_colour(colour: &str) -> &str {
    if is_hex_colour(colour) {
        colour
    } else {
        FALLBACK_COLOUR
    }
}

/// Text fit for XML character data and attribute values: the five special characters escaped,
/// line breaks and tabs as spaces, and the control characters XML cannot hold at all dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(' '),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}
