//! Long lists a page at a time. A panel renders the first rows of a list and a "Show more" button
//! for the rest, so its cost follows what the fan looks at, not what the board holds: 50,000
//! theories open as fast as five.

/// Rows a list shows at first, and how many more each "Show more" adds.
pub const PAGE: usize = 50;

/// How many of `total` rows a list shows after `pages` pages were asked for (the first page
/// needs no asking).
pub fn rows_shown(total: usize, pages: usize) -> usize {
    total.min(pages.max(1).saturating_mul(PAGE))
}

/// The rows a list draws, in list order: the first `shown`, and any later row `also` names (the
/// active theory, the open board), so that a row the fan is working with never hides on a later page.
pub fn rows_drawn<'a, T>(
    rows: &'a [T],
    shown: usize,
    also: impl Fn(&T) -> bool + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    rows.iter().enumerate().filter(move |(i, row)| *i < shown || also(row)).map(|(_, row)| row)
}

/// The button's words, while rows remain unshown: "Show 50 more theories", or the few left.
pub fn more_button(total: usize, shown: usize, noun: &str) -> Option<String> {
    let left = total.saturating_sub(shown);
    (left > 0).then(|| format!("Show {} more {noun}", grouped(left.min(PAGE))))
}

/// What a list says of itself while part of it is unshown: "Showing the first 50 of 50,000 theories."
pub fn shown_of(total: usize, shown: usize, noun: &str) -> Option<String> {
    (shown < total).then(|| format!("Showing the first {} of {} {noun}.", grouped(shown), grouped(total)))
}

/// A count with thousands grouped, as a fan reads it: 50000 → "50,000".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The most episode chips the timeline draws at once: a season's worth. A long-running show's
/// thousand episodes would not fit a screen's width, and each chip costs the board's opening.
pub const CHIPS: u32 = 16;

/// The episodes whose chips the timeline draws: all of a short season, else `CHIPS` in a row
/// around `anchor` (the chip the fan is on), kept within 1..=`episodes`.
pub fn chips_drawn(episodes: u32, anchor: u32) -> std::ops::RangeInclusive<u32> {
    if episodes <= CHIPS {
        return 1..=episodes;
    }
    let first = anchor.saturating_sub(CHIPS / 2).clamp(1, episodes - CHIPS + 1);
    first..=first + CHIPS - 1
}
