//! The spoiler horizon: how far the fan has watched, and what is known by then. Canon revealed
//! later stays off the board, out of search and out of anything the fan shares.

use super::board::Board;
use super::universe::{CanonLink, Entity, Universe};

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
/// The premise is known before the first episode (it is what the show says of itself), so it
/// spoils nothing even for a fan who has watched nothing. What the source places in no episode,
/// and not in the premise, could come at any point of the season: it is known once the whole
/// season is; what lies beyond the season only under "Everything".
fn known(when: Known, horizon: Horizon, episodes: u32) -> bool {
    match horizon {
        Horizon::Nothing => when.premise && when.first_episode.is_none() && !when.outside_season,
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
