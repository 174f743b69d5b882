//! The band across the top of a picture that says what it shows, so that a posted picture speaks
//! for itself: the board's name, the show, how far the fan had watched, and a legend of the
//! strings drawn in it.

use crate::formats::svg::{escape, safe_colour};
use crate::model::geometry::Rect;
use crate::model::horizon::Horizon;
use crate::model::scene::{SceneString, Thread, CANON_RED};
use std::fmt::Write;

const BAND_PAPER: &str = "#1d1a16";
const BAND_INK: &str = "#fff6dc";
const BAND_INK_SOFT: &str = "#e3d3b6";

/// The band's height, in units of [`unit`].
const BAND: f64 = 88.0;
/// The width of picture at which the band's words are drawn at their own size; a wider picture
/// is shrunk when posted, so its band grows with it to stay readable.
const READ_WIDTH: f64 = 1_600.0;
/// The share of a font's size that an average character is wide (an estimate: no fonts are
/// measured here).
const CHAR_WIDTH: f64 = 0.58;
/// At most this many theories are named in the legend; the rest are counted.
const LEGEND_THEORIES: usize = 6;

/// What the band says.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    pub board: String,
    pub show: String,
    pub watched: String,
}

impl Caption {
    pub fn new(board: &str, show: &str, horizon: Horizon) -> Caption {
        let watched = match horizon {
            Horizon::Nothing => "Watched up to: nothing yet".to_string(),
            Horizon::Episode(n) => format!("Watched up to episode {n}"),
            Horizon::Everything => "Watched up to: everything".to_string(),
        };
        Caption { board: board.to_string(), show: show.to_string(), watched }
    }
}

/// The band's height over a picture `width` wide.
pub fn band_height(width: f64) -> f64 {
    BAND * unit(width)
}

fn unit(width: f64) -> f64 {
    (width / READ_WIDTH).max(1.0)
}

/// Draws the band just above `area`, as wide as it.
pub fn draw(out: &mut String, caption: &Caption, strings: &[&SceneString], area: Rect) {
    let u = unit(area.width);
    let top = area.y - band_height(area.width);
    let (left, right) = (area.x + 16.0 * u, area.right() - 16.0 * u);
    let _ = writeln!(
        out,
        r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="{BAND_PAPER}"/>"#,
        area.x,
        area.width,
        band_height(area.width)
    );
    let text = |out: &mut String, y: f64, size: f64, bold: bool, colour: &str, words: &str| {
        let shown = cut_to(words, ((right - left) / (size * CHAR_WIDTH)).floor() as usize);
        let weight = if bold { r#" font-weight="700""# } else { "" };
        let _ = writeln!(
            out,
            r#"<text x="{left:.1}" y="{y:.1}" font-size="{size:.1}"{weight} fill="{colour}">{}</text>"#,
            escape(&shown)
        );
    };
    text(out, top + 30.0 * u, 22.0 * u, true, BAND_INK, &caption.board);
    text(
        out,
        top + 53.0 * u,
        14.0 * u,
        false,
        BAND_INK_SOFT,
        &format!("{} · {}", caption.show, caption.watched),
    );
    draw_legend(out, &legend(strings), (left, right), top + 76.0 * u, u);
}

/// One mark and name per kind of string drawn: the show's, then each theory's.
fn legend(strings: &[&SceneString]) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    if strings.iter().any(|s| s.thread == Thread::Canon) {
        entries.push(("The show's strings".to_string(), CANON_RED.to_string()));
    }
    let mut seen = std::collections::HashSet::new();
    for string in strings {
        if let Thread::Theory { id, name, .. } = &string.thread {
            if seen.insert(id.as_str()) {
                entries.push((format!("Theory: {name}"), safe_colour(&string.colour).to_string()));
            }
        }
    }
    let theories = entries.len() - usize::from(entries.first().is_some_and(|(_, c)| c == CANON_RED));
    if theories > LEGEND_THEORIES {
        let kept = entries.len() - (theories - LEGEND_THEORIES);
        entries.truncate(kept);
        entries.push((format!("and {} more theories", theories - LEGEND_THEORIES), String::new()));
    }
    entries
}

/// The legend along one line from `left`; what does not fit is counted at its end (room for the
/// count is kept as each entry is placed, so the count always fits).
fn draw_legend(out: &mut String, entries: &[(String, String)], (left, right): (f64, f64), y: f64, u: f64) {
    let size = 12.0 * u;
    let more = |rest: usize| format!("+{rest} more");
    let width_of = |words: &str| words.chars().count() as f64 * size * CHAR_WIDTH;
    let mut x = left;
    for (i, (name, colour)) in entries.iter().enumerate() {
        let mark = if colour.is_empty() { 0.0 } else { 24.0 * u };
        let width = mark + width_of(name) + 18.0 * u;
        let after = entries.len() - i - 1;
        let count_room = if after > 0 { width_of(&more(after)) } else { 0.0 };
        if x + width + count_room > right {
            let _ = writeln!(
                out,
                r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" fill="{BAND_INK_SOFT}">{}</text>"#,
                more(entries.len() - i)
            );
            return;
        }
        if !colour.is_empty() {
            let _ = writeln!(
                out,
                r#"<path d="M{x:.1} {:.1}h{:.1}" stroke="{colour}" stroke-width="{:.1}" stroke-linecap="round"/>"#,
                y - 4.0 * u,
                18.0 * u,
                3.0 * u
            );
        }
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{y:.1}" font-size="{size:.1}" fill="{BAND_INK_SOFT}">{}</text>"#,
            x + mark,
            escape(name)
        );
        x += width;
    }
}

/// `words` cut to `max` characters, ending in an ellipsis when cut.
fn cut_to(words: &str, max: usize) -> String {
    if words.chars().count() <= max {
        return words.to_string();
    }
    let mut cut: String = words.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
