//! Finding things on the board: search that ignores case and accents, the cards a few strings
//! away from one, and the spoiler horizon that keeps what later episodes reveal off the board.

use super::board::{Board, FanCard};
use super::order::sorted_indices;
use super::universe::{CanonLink, Entity, Universe};
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
    let view = View { universe, board, shown, horizon };
    let canon = universe.entities.iter().filter(|e| view.shows(&e.id)).filter_map(|e| canon_hit(e, &query));
    let fan = board.cards.values().filter(|c| view.shows(&c.id)).filter_map(|c| fan_hit(c, &query));
    let strings =
        view.strings().filter(|(_, _, label)| fold(label).contains(&query)).map(|(from, to, label)| {
            let detail = format!("string: {label} → {}", view.title(to));
            Hit { card: from.to_string(), title: view.title(from), detail, rank: Rank::StringLabel }
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
    let title = fan_title(card);
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

/// A fan card's title, or the first line of its text when it has none (as a sticky note does),
/// or "Untitled note" (or other kind) when it has neither.
fn fan_title(card: &FanCard) -> String {
    let title = card.title.trim();
    let title = if title.is_empty() { card.text.lines().next().unwrap_or("").trim() } else { title };
    if title.is_empty() {
        format!("Untitled {}", card.kind.label())
    } else {
        title.to_string()
    }
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

/// The strings on the board as pairs of card ids, for [`neighbourhood`]: canon strings known under
/// `horizon` and the fan's strings of shown theories, both of whose cards are on the board and
/// `shown` (as in [`search`]).
pub fn board_edges(
    universe: &Universe,
    board: &Board,
    shown: &dyn Fn(&str) -> bool,
    horizon: Horizon,
) -> Vec<(String, String)> {
    let view = View { universe, board, shown, horizon };
    view.strings().map(|(from, to, _)| (from.to_string(), to.to_string())).collect()
}

/// The board as search and the neighbourhood see it.
struct View<'a> {
    universe: &'a Universe,
    board: &'a Board,
    shown: &'a dyn Fn(&str) -> bool,
    horizon: Horizon,
}

impl<'a> View<'a> {
    fn shows(&self, id: &str) -> bool {
        let on_board = match self.board.cards.get(id) {
            Some(card) => self.board.shows_fan_card(card),
            None => self.universe.entity(id).is_some_and(|e| {
                !self.board.hidden.contains(id) && entity_known(e, self.horizon, self.universe.episodes)
            }),
        };
        on_board && (self.shown)(id)
    }

    fn title(&self, id: &str) -> String {
        match self.board.cards.get(id) {
            Some(card) => fan_title(card),
            None => self.universe.entity(id).map(|e| e.name.clone()).unwrap_or_default(),
        }
    }

    /// Every string shown, as (from, to, label).
    fn strings(&self) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> + '_ {
        let canon = self.universe.links.iter().filter(|l| link_known(self.universe, l, self.horizon));
        let canon = canon.map(|l| (l.from.as_str(), l.to.as_str(), l.label.as_str()));
        let theory_shown = |theory: &str| self.board.theories.get(theory).is_some_and(|t| t.visible);
        let fan = self.board.strings.values().filter(move |s| theory_shown(&s.theory));
        let fan = fan.map(|s| (s.from.as_str(), s.to.as_str(), s.label.as_str()));
        canon.chain(fan).filter(|(from, to, _)| self.shows(from) && self.shows(to))
    }
}

/// How far into the season the fan has watched: canon revealed later stays off the board.
/// Ordered from knowing least to knowing most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Horizon {
    /// No canon at all, not even the premise: the fan's own cards only.
    Nothing,
    /// Up to and including this episode.
    Episode(u32),
    #[default]
    Everything,
}

impl Horizon {
    pub fn label(self) -> String {
        match self {
            Horizon::Nothing => "Nothing yet".to_string(),
            Horizon::Episode(n) => format!("Episode {n}"),
            Horizon::Everything => "Everything".to_string(),
        }
    }

    /// Every horizon of a season of `episodes`, earliest first.
    pub fn options(episodes: u32) -> Vec<Horizon> {
        let each_episode = (1..=episodes).map(Horizon::Episode);
        std::iter::once(Horizon::Nothing).chain(each_episode).chain([Horizon::Everything]).collect()
    }
}

/// When something is first known, as far as the source says.
#[derive(Clone, Copy)]
struct Known {
    first_episode: Option<u32>,
    premise: bool,
    outside_season: bool,
}

/// Whether what is first known as `when` is known under `horizon`, in a season of `episodes`.
/// What the source places in no episode, and not in the premise, could come at any point of the
/// season: it is known once the whole season is; what lies beyond the season only under
/// "Everything".
fn known(when: Known, horizon: Horizon, episodes: u32) -> bool {
    match horizon {
        Horizon::Nothing => false,
        Horizon::Episode(_) if when.outside_season => false,
        Horizon::Episode(n) => match when.first_episode {
            Some(first) => first <= n,
            None => (when.premise && n >= 1) || n >= episodes,
        },
        Horizon::Everything => true,
    }
}

/// Whether `entity`, of a season of `episodes`, is known under `horizon`.
pub fn entity_known(entity: &Entity, horizon: Horizon, episodes: u32) -> bool {
    let when = Known {
        first_episode: entity.first_episode,
        premise: entity.premise,
        outside_season: entity.outside_season,
    };
    known(when, horizon, episodes)
}

/// A canon string is known when it is itself and both its cards are.
pub fn link_known(universe: &Universe, link: &CanonLink, horizon: Horizon) -> bool {
    let episodes = universe.episodes;
    let end_known = |id: &str| universe.entity(id).is_some_and(|e| entity_known(e, horizon, episodes));
    let when = Known { first_episode: link.first_episode, premise: link.premise, outside_season: false };
    known(when, horizon, episodes) && end_known(&link.from) && end_known(&link.to)
}

/// The board as a link or export made under `horizon` carries it: the places and hidden marks of
/// canon cards not yet known, and the fan's strings to them, are left out, so that nothing in the
/// file names what comes later. The fan's cards and theories are all kept.
pub fn board_within(board: &Board, universe: &Universe, horizon: Horizon) -> Board {
    let beyond = |id: &str| universe.entity(id).is_some_and(|e| !entity_known(e, horizon, universe.episodes));
    let mut within = board.clone();
    within.positions.retain(|id, _| !beyond(id));
    within.hidden.retain(|id| !beyond(id));
    within.strings.retain(|_, s| !beyond(&s.from) && !beyond(&s.to));
    within
}

/// Reads a horizon as stored or linked: none is everything, 0 is nothing, n an episode. An
/// episode the season does not have is refused, for the caller to fall back on everything and
/// say so.
pub fn parse_horizon(value: Option<u64>, episodes: u32) -> Result<Horizon, String> {
    match value {
        None => Ok(Horizon::Everything),
        Some(0) => Ok(Horizon::Nothing),
        Some(n) => u32::try_from(n)
            .ok()
            .filter(|&n| n <= episodes)
            .map(Horizon::Episode)
            .ok_or_else(|| format!("episode {n} is not in this season")),
    }
}

/// The stored or linked form of a horizon, read back by [`parse_horizon`].
pub fn horizon_value(horizon: Horizon) -> Option<u64> {
    match horizon {
        Horizon::Nothing => Some(0),
        Horizon::Episode(n) => Some(u64::from(n)),
        Horizon::Everything => None,
    }
}
