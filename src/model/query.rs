//! Finding things on the board: search that ignores case and accents, and the cards a few strings
//! away from one.

use super::board::{Board, FanCard};
use super::filter::Filters;
use super::horizon::Horizon;
use super::on_board::OnBoard;
use super::order::sorted_indices;
use super::universe::{Entity, Universe};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The most characters of a query searched for: longer than any title or label, and a pasted
/// page of text costs no more than this to fold.
pub const MAX_QUERY: usize = 200;

/// How much of a description or note a hit quotes, in characters, and how many of them come
/// before the match.
const EXCERPT: usize = 60;
const EXCERPT_LEAD: usize = 20;

/// The base letter of each code point from U+00C0 to U+017F (Latin-1 Supplement letters and
/// Latin Extended-A), both cases; `.` marks a sign kept as it is (×, ÷) or a letter folded to
/// two (æ, ß, þ, ĳ, œ, handled in [`fold_char`]).
const LATIN_FIRST: u32 = 0xC0;
const LATIN_BASE: &[u8; 192] = b"aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllllllllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Text as search compares it: lowercase, with the accents of Latin letters taken off, so that
/// "renee" finds "Renée" and "lodz" finds "Łódź". Other scripts are only lowercased.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut folded);
    }
    folded
}

/// Appends one character's folded form. Lowercasing comes first, so the table needs only the
/// small letters and a capital from elsewhere whose small form is in it (the ångström sign)
/// folds as well: folding twice changes nothing.
fn fold_char(c: char, out: &mut String) {
    for small in c.to_lowercase() {
        match small {
            // Combining accents: a decomposed "é" is "e" and U+0301.
            '\u{300}'..='\u{36F}' => {}
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            'þ' => out.push_str("th"),
            'ĳ' => out.push_str("ij"),
            'œ' => out.push_str("oe"),
            _ => out.push(latin_base(small).unwrap_or(small)),
        }
    }
}

fn latin_base(c: char) -> Option<char> {
    let index = (c as u32).checked_sub(LATIN_FIRST)?;
    let base = *LATIN_BASE.get(index as usize)?;
    (base != b'.').then_some(base as char)
}

/// How well a card matched, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// The title is the query.
    Title,
    TitleStart,
    /// A word of the title, not the first, starts with the query.
    WordStart,
    InTitle,
    Actor,
    /// In a canon card's description or a fan card's text.
    Text,
    /// In the label of a string tied from the card.
    StringLabel,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The card to fly to.
    pub card: String,
    pub title: String,
    /// What matched: the card's kind for its title, else the field and its words
    /// ("actor: Titus Welliver", "string: covered up → Lt. Grace Billets").
    pub detail: String,
    pub rank: Rank,
}

/// The cards matching `query`, best first, at most `limit`: one hit per card, its best.
///
/// Only cards on the board under `horizon` (canon not hidden and known by then, fan cards not in
/// a switched-off theory) for which `shown` is true (the caller's own filters) are found, and
/// only strings between two such cards. Ties go to the title earlier in the alphabet.
pub fn search(
    universe: &Universe,
    board: &Board,
    query: &str,
    shown: &dyn Fn(&str) -> bool,
    horizon: Horizon,
    limit: usize,
) -> Vec<Hit> {
    let query = fold(&query.trim().chars().take(MAX_QUERY).collect::<String>());
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let everything = Filters::default();
    let on_board = OnBoard { universe, board, filters: &everything, horizon };
    let canon = on_board.canon_cards().filter(|e| shown(&e.id)).filter_map(|e| canon_hit(e, &query));
    let fan = on_board.fan_cards().filter(|c| shown(&c.id)).filter_map(|c| fan_hit(c, &query));
    let title = |id: &str| match board.cards.get(id) {
        Some(card) => card.title_shown(),
        None => universe.entity(id).map(|e| e.name.clone()).unwrap_or_default(),
    };
    let strings = on_board
        .strings()
        .filter(|(from, to, label)| shown(from) && shown(to) && fold(label).contains(&query))
        .map(|(from, to, label)| {
            let detail = format!("string: {label} → {}", title(to));
            Hit { card: from.to_string(), title: title(from), detail, rank: Rank::StringLabel }
        });
    let mut best: BTreeMap<String, Hit> = BTreeMap::new();
    for hit in canon.chain(fan).chain(strings) {
        if best.get(&hit.card).is_none_or(|held| hit.rank < held.rank) {
            best.insert(hit.card.clone(), hit);
        }
    }
    let hits: Vec<Hit> = best.into_values().collect();
    let titles: Vec<String> = hits.iter().map(|hit| fold(&hit.title)).collect();
    let key = |i: usize| (hits[i].rank, &titles[i], &hits[i].card);
    sorted_indices(hits.len(), &|a, b| key(a).cmp(&key(b)))
        .into_iter()
        .take(limit)
        .map(|i| hits[i].clone())
        .collect()
}

fn canon_hit(entity: &Entity, query: &str) -> Option<Hit> {
    let hit = |rank, detail| Some(Hit { card: entity.id.clone(), title: entity.name.clone(), detail, rank });
    if let Some(rank) = title_rank(&fold(&entity.name), query) {
        return hit(rank, entity.kind.label().to_string());
    }
    if let Some(actor) = entity.actor.as_deref().filter(|actor| fold(actor).contains(query)) {
        return hit(Rank::Actor, format!("actor: {actor}"));
    }
    let at = fold(&entity.description).find(query)?;
    hit(Rank::Text, format!("description: {}", excerpt(&entity.description, at)))
}

fn fan_hit(card: &FanCard, query: &str) -> Option<Hit> {
    let title = card.title_shown();
    let hit = |rank, detail| Some(Hit { card: card.id.clone(), title: title.clone(), detail, rank });
    if let Some(rank) = title_rank(&fold(&title), query) {
        return hit(rank, card.kind.label().to_string());
    }
    let at = fold(&card.text).find(query)?;
    hit(Rank::Text, format!("text: {}", excerpt(&card.text, at)))
}

/// How the (folded) title matches the (folded) query, if it does.
fn title_rank(title: &str, query: &str) -> Option<Rank> {
    if title == query {
        Some(Rank::Title)
    } else if title.starts_with(query) {
        Some(Rank::TitleStart)
    } else if word_starts(title).any(|at| title[at..].starts_with(query)) {
        Some(Rank::WordStart)
    } else if title.contains(query) {
        Some(Rank::InTitle)
    } else {
        None
    }
}

/// Where the words of `text` begin, in bytes: a letter or digit after anything else
/// ("Lt. Grace Billets", "cold-case").
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut after_word = false;
    text.char_indices().filter_map(move |(at, c)| {
        let starts = c.is_alphanumeric() && !after_word;
        after_word = c.is_alphanumeric();
        starts.then_some(at)
    })
}

/// The words of `text` around the place where its folded form has the match (`folded_at`, in
/// bytes of the folded form), on one line, with "…" where it is cut.
fn excerpt(text: &str, folded_at: usize) -> String {
    let (mut folded_len, mut scratch) = (0, String::new());
    let match_at = text.chars().position(|c| {
        scratch.clear();
        fold_char(c, &mut scratch);
        folded_len += scratch.len();
        folded_len > folded_at
    });
    let chars: Vec<char> = text.chars().collect();
    let from = match_at.unwrap_or(0).saturating_sub(EXCERPT_LEAD);
    let to = chars.len().min(from + EXCERPT);
    let mut quote = String::new();
    if from > 0 {
        quote.push('…');
    }
    quote.extend(chars[from..to].iter().map(|&c| if c.is_whitespace() { ' ' } else { c }));
    if to < chars.len() {
        quote.push('…');
    }
    quote
}

/// The cards within `depth` strings of `start`, `start` included, whichever way the strings run.
pub fn neighbourhood(edges: &[(String, String)], start: &str, depth: u32) -> BTreeSet<String> {
    let mut neighbours: HashMap<&str, Vec<&str>> = HashMap::new();
    for (a, b) in edges {
        neighbours.entry(a).or_default().push(b);
        neighbours.entry(b).or_default().push(a);
    }
    let mut reached = BTreeSet::from([start.to_string()]);
    let mut frontier = vec![start];
    for _ in 0..depth {
        let mut next = Vec::new();
        for card in frontier {
            for &neighbour in neighbours.get(card).into_iter().flatten() {
                if reached.insert(neighbour.to_string()) {
                    next.push(neighbour);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    reached
}
