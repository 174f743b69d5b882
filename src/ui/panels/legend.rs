//! The legend: how canon strings and theory strings differ, and what thickness means.

use leptos::prelude::*;

#[component]
pub fn Legend() -> impl IntoView {
    let sample = |class: &'static str, width: &'static str, text: &'static str| {
        view! {
            <li>
                <svg class="legend-sample" width="56" height="14" aria-hidden="true">
                    <path class=class d="M2 7 Q28 13 54 7" style:stroke-width=width/>
                </svg>
                <span>{text}</span>
            </li>
        }
    };
    view! {
        <section class="legend panel-section" aria-label="Legend">
            <h2 class="panel-heading">"Legend"</h2>
            <ul class="legend-list">
                {sample("legend-canon", "3", "Canon: stated by the show (solid red)")}
                {sample("legend-theory", "6", "Your theory: confirmed (thickest)")}
                {sample("legend-theory", "4.5", "Likely")}
                {sample("legend-theory", "3", "Suspected")}
                {sample("legend-theory debunked", "2.5", "Debunked (faded, label struck through)")}
            </ul>
        </section>
    }
}
