//! A standalone SVG picture of the board, in the corkboard look: cork, cards in their kinds'
//! colours with a pin each, and the strings sagging from pin to pin with their labels on tags.
//! All words are plain `<text>`, XML-escaped; colours are the constants below or a theory's
//! colour once it has passed `model::board::is_hex_colour`. Text is wrapped by an estimate of its width, as
//! no fonts are measured here.

use crate::formats::caption::{band_height, draw as draw_caption, Caption};
use crate::formats::svg_text::{escape, safe_colour};
use crate::model::board::Confidence;
use crate::model::geometry::{Point, Rect, Size};
use crate::model::layout::pin;
use crate::model::scene::{initials, kind_tag, Face, Scene, SceneCard, SceneString, Thread, CANON_RED};
use crate::model::universe::Kind;
use std::fmt::Write;

const CORK: &str = "#b07c48";
const INK: &str = "#1d1a16";
const INK_SOFT: &str = "#574d42";
const PIN_RED: &str = "#d62a22";
const AIRMAIL_BLUE: &str = "#1f4fa0";
const FAN_BLUE: &str = "#1f6feb";
const TAG_PAPER: &str = "#fff6dc";
/// The type of every word in the picture but the typewritten ones.
pub const SANS: &str = "'Helvetica Neue', 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";
const TYPEWRITER: &str = "'Courier New', 'Liberation Mono', 'DejaVu Sans Mono', monospace";

/// Font sizes, and the share of the size an average character is wide (an estimate).
const TITLE_SIZE: f64 = 16.0;
const TITLE_CHAR_WIDTH: f64 = 0.6;
const LINE_SIZE: f64 = 12.5;
const LINE_CHAR_WIDTH: f64 = 0.55;
const TAG_SIZE: f64 = 11.0;
const LABEL_SIZE: f64 = 12.0;
/// Room between the card's edges and its words.
const PADDING: f64 = 12.0;
/// A string's label is cut to this many characters on its tag.
const LONGEST_LABEL: usize = 40;

/// A picture: the SVG document and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub svg: String,
    pub size: Size,
}

/// The part of the board inside `area` (world units) as an SVG document, one unit to a pixel,
/// under a band that says what it shows when there is a `caption`. Cards and strings wholly
/// outside `area` are left out.
pub fn render(scene: &Scene, area: Rect, caption: Option<&Caption>) -> Picture {
    let band = caption.map_or(0.0, |_| band_height(area.width.max(1.0)));
    let (width, height) = (area.width.max(1.0), area.height.max(1.0) + band);
    let mut out = String::with_capacity(4096 + 1024 * scene.cards.len());
    // Writing to a String cannot fail, so the results of `write!` are dropped throughout.
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1}" height="{height:.1}" viewBox="{:.1} {:.1} {width:.1} {height:.1}" font-family="{SANS}">
"#,
        area.x,
        area.y - band
    );
    out.push_str(DEFS);
    for fill in [CORK, "url(#cork)", "url(#vignette)"] {
        let _ = writeln!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{width:.1}" height="{:.1}" fill="{fill}"/>"#,
            area.x,
            area.y,
            area.height.max(1.0)
        );
    }
    if let Some(caption) = caption {
        draw_caption(&mut out, caption, &strings_in(scene, area), Rect { width, ..area });
    }
    draw_board(&mut out, scene, area);
    out.push_str("</svg>\n");
    Picture { svg: out, size: Size { width, height } }
}

/// The board itself, without cork or band: the cards and strings inside `area` (world units),
/// then the strings' labels on top, as SVG elements that use [`DEFS`]. The page's first paint
/// (`formats::first_paint`) draws the board with it too, so both are the same drawing.
pub fn draw_board(out: &mut String, scene: &Scene, area: Rect) {
    let strings = strings_in(scene, area);
    for card in scene.cards.iter().filter(|c| c.rect.overlaps(&area, 0.0)) {
        draw_card(out, card);
    }
    for string in &strings {
        draw_string(out, string);
    }
    // Tags go on top of every string, so no string crosses a label.
    for string in &strings {
        draw_label(out, string);
    }
}

/// The strings of the scene that pass over `area`.
fn strings_in(scene: &Scene, area: Rect) -> Vec<&SceneString> {
    scene.strings.iter().filter(|s| curve_box(s).overlaps(&area, 0.0)).collect()
}

/// The rectangle holding every card and string of the scene, or None for an empty one.
pub fn bounds(scene: &Scene) -> Option<Rect> {
    let cards = scene.cards.iter().map(|c| c.rect);
    Rect::bounding(cards.chain(scene.strings.iter().map(curve_box)))
}

/// A box holding the whole curve: the box around its three control points.
fn curve_box(string: &SceneString) -> Rect {
    let curve = string.curve();
    let points = [curve.from, curve.control, curve.to];
    let (xs, ys) = (points.map(|p| p.x), points.map(|p| p.y));
    let (left, top) = (xs.into_iter().fold(f64::MAX, f64::min), ys.into_iter().fold(f64::MAX, f64::min));
    let (right, bottom) = (xs.into_iter().fold(f64::MIN, f64::max), ys.into_iter().fold(f64::MIN, f64::max));
    Rect { x: left, y: top, width: right - left, height: bottom - top }
}

/// The cork's grain, the air-mail stripes of a postcard and the darker edges of the board.
pub const DEFS: &str = r##"<defs>
<pattern id="cork" width="29" height="23" patternUnits="userSpaceOnUse">
<circle cx="8" cy="7" r="1.2" fill="#4a280e" fill-opacity="0.42"/>
<circle cx="20" cy="14" r="1" fill="#ffe2b0" fill-opacity="0.3"/>
<circle cx="13" cy="19" r="1.6" fill="#42240c" fill-opacity="0.3"/>
<circle cx="25" cy="4" r="0.8" fill="#ffecc8" fill-opacity="0.25"/>
<circle cx="3" cy="15" r="0.9" fill="#4a280e" fill-opacity="0.35"/>
</pattern>
<pattern id="airmail" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="10" height="40" fill="#c62a2a"/><rect x="10" width="10" height="40" fill="#ffffff"/>
<rect x="20" width="10" height="40" fill="#1f4fa0"/><rect x="30" width="10" height="40" fill="#ffffff"/>
</pattern>
<radialGradient id="vignette">
<stop offset="0.6" stop-color="#281405" stop-opacity="0"/>
<stop offset="1" stop-color="#281405" stop-opacity="0.4"/>
</radialGradient>
</defs>
"##;

fn draw_card(out: &mut String, card: &SceneCard) {
    let Rect { x, y, width, height } = card.rect;
    let fan = matches!(card.face, Face::Fan { .. });
    let rect = |out: &mut String, (dx, dy, w, h): (f64, f64, f64, f64), paint: &str| {
        let _ = writeln!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}" rx="3" {paint}/>"#,
            x + dx,
            y + dy
        );
    };
    // The whole title, for readers and search, whatever the card's face had room for.
    let name = match &card.face {
        Face::Fan { text } if card.title.trim().is_empty() => text.lines().next().unwrap_or_default(),
        _ => &card.title,
    };
    // The card's id and its paper's class let a reader of the picture find each card's box.
    let _ = writeln!(out, "<g data-card=\"{}\">\n<title>{}</title>", escape(&card.id), escape(name));
    rect(out, (2.0, 4.0, width, height), r##"fill="#1e0c00" fill-opacity="0.3""##);
    if card.kind == Kind::Case && !fan {
        // The folder's tab, behind the folder.
        rect(out, (0.0, -12.0, 92.0, 16.0), r##"fill="#d2ae62""##);
    }
    rect(out, (0.0, 0.0, width, height), &format!(r#"class="paper" fill="{}""#, paper(card.kind, fan)));
    if fan && card.kind != Kind::Note {
        let outline = format!(
            r#"fill="none" stroke="{FAN_BLUE}" stroke-opacity="0.55" stroke-width="2" stroke-dasharray="6 4""#
        );
        rect(out, (7.0, 7.0, width - 14.0, height - 14.0), &outline);
    }
    match (card.kind, fan) {
        (Kind::Note, _) => rect(out, (0.0, 0.0, width, 6.0), r##"fill="#f2d45c""##),
        (Kind::Evidence, false) => rect(out, (0.0, 0.0, width, 30.0), &format!(r#"fill="{CANON_RED}""#)),
        (Kind::Place, false) => rect(out, (0.0, 0.0, width, 7.0), r#"fill="url(#airmail)""#),
        (Kind::Episode, false) => {
            // The ticket's punched notches show the cork through.
            for notch_x in [x, x + width] {
                let _ = writeln!(
                    out,
                    r#"<circle cx="{notch_x:.1}" cy="{:.1}" r="9" fill="{CORK}"/>"#,
                    y + height / 2.0
                );
            }
        }
        _ => {}
    }
    let top = if card.kind == Kind::Character { draw_photo(out, card, fan) } else { 0.0 };
    let at = pin(card.rect.origin(), card.kind);
    let _ = writeln!(
        out,
        r##"<circle cx="{:.1}" cy="{:.1}" r="8" fill="{PIN_RED}" stroke="#7a0d08"/><circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#ff8a7a"/>"##,
        at.x,
        at.y,
        at.x - 2.5,
        at.y - 2.5
    );
    draw_words(out, card, top);
    out.push_str("</g>\n");
}

/// The card's colour: the paper, folder, ticket, postcard or tag it is made of.
fn paper(kind: Kind, fan: bool) -> &'static str {
    match (kind, fan) {
        (Kind::Note, _) => "#fde96a",
        (_, true) => "#fffdf6",
        (Kind::Character, false) => "#fbf8f0",
        (Kind::Case, false) => "#e9cd8e",
        (Kind::Episode, false) => "#f3dea7",
        (Kind::Place, false) => "#eef3f4",
        (Kind::Evidence, false) => "#fffdf7",
    }
}

/// A character's instant photo, their initials for a face (a fan's character has a "?");
/// returns how far down the card it reaches.
fn draw_photo(out: &mut String, card: &SceneCard, fan: bool) -> f64 {
    const BOTTOM: f64 = 84.0;
    let Rect { x, y, width, .. } = card.rect;
    let initials = if fan { "?".to_string() } else { initials(&card.title) };
    let _ = writeln!(
        out,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#4a555c"/><text x="{:.1}" y="{:.1}" font-family="{TYPEWRITER}" font-size="20" font-weight="700" fill="#ffffff" fill-opacity="0.85" text-anchor="end">{}</text>"##,
        x + PADDING,
        y + 10.0,
        width - 2.0 * PADDING,
        BOTTOM - 10.0,
        x + width - PADDING - 6.0,
        y + BOTTOM - 8.0,
        escape(&initials)
    );
    BOTTOM
}

/// The words above the title, as on the board, and their colour.
fn tag_of(card: &SceneCard) -> Option<(String, &'static str)> {
    match (card.kind, &card.face) {
        (Kind::Note, _) => None,
        (kind, Face::Fan { .. }) => Some((format!("Your {}", kind.label()), FAN_BLUE)),
        (kind, Face::Canon { .. }) => {
            let colour = match kind {
                Kind::Place => AIRMAIL_BLUE,
                Kind::Evidence => "#ffffff",
                _ => CANON_RED,
            };
            Some((kind_tag(kind).to_string(), colour)).filter(|(tag, _)| !tag.is_empty())
        }
    }
}

/// The kind tag, the title in bold and the face's lines, wrapped to the card and cut (with an
/// ellipsis) where the card ends. `top` is where the card's picture, if any, ends.
fn draw_words(out: &mut String, card: &SceneCard, top: f64) {
    let Rect { x, y, width, .. } = card.rect;
    let left = x + PADDING;
    let room = width - 2.0 * PADDING;
    let bottom = card.rect.bottom() - 10.0;
    let mut baseline = y + top.max(16.0);
    if let Some((tag, colour)) = tag_of(card) {
        baseline += 8.0;
        let _ = writeln!(
            out,
            r#"<text x="{left:.1}" y="{baseline:.1}" font-family="{TYPEWRITER}" font-size="{TAG_SIZE}" font-weight="700" letter-spacing="1.5" fill="{colour}">{}</text>"#,
            escape(&tag.to_uppercase())
        );
        baseline += 6.0;
    }
    let title_font = if card.kind == Kind::Case && !matches!(card.face, Face::Fan { .. }) {
        format!(r#" font-family="{TYPEWRITER}""#)
    } else {
        String::new()
    };
    let title_lines = if card.kind == Kind::Episode { 1 } else { 2 };
    for line in at_most(wrap(&card.title, chars_in(room, TITLE_SIZE * TITLE_CHAR_WIDTH)), title_lines) {
        baseline += TITLE_SIZE * 1.2;
        let _ = writeln!(
            out,
            r#"<text x="{left:.1}" y="{baseline:.1}" font-size="{TITLE_SIZE}" font-weight="700" fill="{INK}"{title_font}>{}</text>"#,
            escape(&line)
        );
    }
    let line_height = LINE_SIZE * 1.3;
    baseline += 4.0;
    let fitting = ((bottom - baseline) / line_height).floor().max(0.0) as usize;
    let width_in_chars = chars_in(room, LINE_SIZE * LINE_CHAR_WIDTH);
    let lines: Vec<String> = card.face.lines().iter().flat_map(|line| wrap(line, width_in_chars)).collect();
    for line in at_most(lines, fitting) {
        baseline += line_height;
        let _ = writeln!(
            out,
            r#"<text x="{left:.1}" y="{baseline:.1}" font-size="{LINE_SIZE}" fill="{INK_SOFT}">{}</text>"#,
            escape(&line)
        );
    }
}

/// How many characters of `char_width` fit in `room` (at least one).
fn chars_in(room: f64, char_width: f64) -> usize {
    ((room / char_width).floor() as usize).max(1)
}

/// Breaks `text` into lines of at most `width` characters, at spaces where it can; a word longer
/// than a line is split. The text's own line breaks are kept.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let (mut line, mut length) = (String::new(), 0);
        for word in paragraph.split_whitespace() {
            let mut chars: Vec<char> = word.chars().collect();
            while !chars.is_empty() {
                let gap = usize::from(length > 0);
                if length + gap + chars.len() <= width {
                    if gap == 1 {
                        line.push(' ');
                    }
                    length += gap + chars.len();
                    line.extend(chars.drain(..));
                } else if length > 0 {
                    lines.push(std::mem::take(&mut line));
                    length = 0;
                } else {
                    let rest = chars.split_off(width);
                    lines.push(chars.into_iter().collect());
                    chars = rest;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The first `max` lines; when some are left out, the last one kept ends in an ellipsis.
fn at_most(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn draw_string(out: &mut String, string: &SceneString) {
    let path = string.curve().svg_path();
    match &string.thread {
        Thread::Canon => {
            let _ = writeln!(
                out,
                r##"<path d="{path}" fill="none" stroke="#1e0a00" stroke-opacity="0.3" stroke-width="3" transform="translate(2 4)"/>
<path d="{path}" fill="none" stroke="{CANON_RED}" stroke-width="3" stroke-linecap="round"/>"##
            );
        }
        Thread::Theory { confidence, .. } => {
            // As on the board: dashed, thicker the surer, a debunked one faded.
            let width = match confidence {
                Confidence::Confirmed => 6.0,
                Confidence::Likely => 4.5,
                Confidence::Suspected => 3.0,
                Confidence::Debunked => 2.5,
            };
            let opacity = if *confidence == Confidence::Debunked { 0.45 } else { 1.0 };
            let _ = writeln!(
                out,
                r#"<path d="{path}" fill="none" stroke="{}" stroke-width="{width}" stroke-dasharray="10 6" stroke-linecap="round" opacity="{opacity}"/>"#,
                colour_of(string)
            );
        }
    }
}

/// The label on a small tag at the lowest point of the string, edged in the string's colour.
fn draw_label(out: &mut String, string: &SceneString) {
    let label = string.label.trim();
    if label.is_empty() {
        return;
    }
    let mut shown: String = label.chars().take(LONGEST_LABEL).collect();
    if shown.len() < label.len() {
        shown.push('…');
    }
    let width = shown.chars().count() as f64 * LABEL_SIZE * TITLE_CHAR_WIDTH + 12.0;
    let Point { x, y } = string.curve().midpoint();
    let struck = matches!(string.thread, Thread::Theory { confidence: Confidence::Debunked, .. });
    let _ = writeln!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="{width:.1}" height="18" rx="3" fill="{TAG_PAPER}" stroke="{}" stroke-width="1.5"/><text x="{x:.1}" y="{:.1}" font-size="{LABEL_SIZE}" font-weight="700" fill="{INK}" text-anchor="middle"{}>{}</text>"#,
        x - width / 2.0,
        y - 9.0,
        colour_of(string),
        y + 4.0,
        if struck { r#" text-decoration="line-through""# } else { "" },
        escape(&shown)
    );
}

/// The string's colour, if it is a `#rrggbb` colour: it is written into an attribute.
fn colour_of(string: &SceneString) -> &str {
    safe_colour(&string.colour)
}
