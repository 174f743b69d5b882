//! How much each theory holds, as the Theories panel says it: counted for every theory in one pass
//! over the board, so a long list of theories costs what its cards and strings cost, not their
//! product.

use super::board::Board;
use super::horizon::Horizon;
use super::universe::Kind;
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TheoryCounts {
    /// Strings both of whose cards the horizon lets through.
    pub strings_shown: usize,
    /// Strings with a card beyond the horizon: counted apart, so that a count never gives away
    /// that a theory ties something the fan has not seen yet.
    pub strings_beyond: usize,
    pub notes: usize,
    /// Fan cards of other kinds than notes.
    pub cards: usize,
}

/// Every theory's counts, by theory id; a theory that holds nothing has no entry. `known` says
/// whether a card is within the horizon.
pub fn theory_counts(board: &Board, known: impl Fn(&str) -> bool) -> HashMap<String, TheoryCounts> {
    let mut counts: HashMap<String, TheoryCounts> = HashMap::new();
    for string in board.strings.values() {
        let entry = counts.entry(string.theory.clone()).or_default();
        if known(&string.from) && known(&string.to) {
            entry.strings_shown += 1;
        } else {
            entry.strings_beyond += 1;
        }
    }
    for card in board.cards.values() {
        if let Some(theory) = &card.theory {
            let entry = counts.entry(theory.clone()).or_default();
            match card.kind {
                Kind::Note => entry.notes += 1,
                _ => entry.cards += 1,
            }
        }
    }
    counts
}

impl TheoryCounts {
    /// "2 strings · 1 note", or "0 strings shown, 1 beyond episode 3 · 0 notes · 1 card".
    pub fn words(&self, horizon: Horizon) -> String {
        let strings = self.strings_shown;
        let mut text = match self.strings_beyond {
            0 => format!("{strings} string{}", plural(strings)),
            n => format!("{strings} string{} shown, {n} beyond {}", plural(strings), beyond_words(horizon)),
        };
        text += &format!(" · {} note{}", self.notes, plural(self.notes));
        if self.cards > 0 {
            text += &format!(" · {} card{}", self.cards, plural(self.cards));
        }
        text
    }
}

/// What lies beyond `horizon`, as a count names it ("1 beyond episode 3").
fn beyond_words(horizon: Horizon) -> String {
    match horizon {
        Horizon::Episode(n) => format!("episode {n}"),
        _ => "what you have watched".to_string(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
