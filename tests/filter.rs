use caseboard::model::filter::{Filters, FAN_CARDS};
use caseboard::model::universe::Kind;

#[test]
fn filters_hide_kinds_by_name_and_say_when_they_are_on() {
    let filters = Filters::default();
    assert!(!filters.is_on() && filters.shows_canon(Kind::Case) && filters.shows_fan_cards());
    let no_cases = filters.toggled_kind("case");
    assert!(no_cases.is_on() && !no_cases.shows_canon(Kind::Case) && no_cases.shows_canon(Kind::Place));
    assert_eq!(no_cases.toggled_kind("case"), filters);
    assert!(!filters.toggled_kind(FAN_CARDS).shows_fan_cards());
    assert!(Filters { canon_strings: false, ..Filters::default() }.is_on());
    assert_eq!(filters.toggled_kind("spaceship").unknown_kinds(), vec!["spaceship".to_string()]);
}
