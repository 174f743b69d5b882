//! A canon string: red, sagging between two pins, with its label.

use crate::model::layout::pin;
use crate::model::string_path::SaggingString;
use crate::model::universe::CanonLink;
use crate::ui::state::BoardState;
use leptos::prelude::*;

#[component]
pub fn CanonString(link: CanonLink, state: BoardState) -> Option<impl IntoView> {
    let (from, to) =
        state.universe.with_value(|u| Some((u.entity(&link.from)?.clone(), u.entity(&link.to)?.clone())))?;
    let (from_at, to_at) = (state.position(&from.id)?, state.position(&to.id)?);
    let curve =
        Memo::new(move |_| SaggingString::between(pin(from_at.get(), from.kind), pin(to_at.get(), to.kind)));
    let path = move || curve.get().svg_path();
    let label_at = Memo::new(move |_| curve.get().midpoint());
    let name = format!("{} — {} — {}", from.name, link.label, to.name);
    Some(view! {
        <g class="string canon" data-link-id=link.id data-from=link.from data-to=link.to role="img" aria-label=name>
            <path class="string-shadow" d=path/>
            <path class="string-line" d=path/>
            <text
                class="string-label"
                x=move || format!("{:.1}", label_at.get().x)
                y=move || format!("{:.1}", label_at.get().y + 5.0)
                text-anchor="middle"
            >
                {link.label}
            </text>
        </g>
    })
}
