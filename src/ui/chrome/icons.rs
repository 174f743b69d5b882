//! Toolbar icons, drawn as strokes so they need no font or image.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub enum Icon {
    Note,
    Card,
    Undo,
    Redo,
    Delete,
    Select,
    Panel,
    Share,
    Duplicate,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Note => "M5 4h14v11l-5 5H5z M14 20v-5h5",
            Icon::Card => "M12 5v14 M5 12h14",
            Icon::Undo => "M9 14 4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3",
            Icon::Redo => "M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3",
            Icon::Delete => "M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13 M10 11v6 M14 11v6",
            Icon::Select => {
                "M4 4h3 M10 4h4 M17 4h3v3 M20 10v4 M20 17v3h-3 M14 20h-4 M7 20H4v-3 M4 14v-4 M4 7V4"
            }
            Icon::Panel => "M4 6h16 M4 12h16 M4 18h16",
            Icon::Share => "M12 15V3 M7 8l5-5 5 5 M5 12v8h14v-8",
            Icon::Duplicate => "M9 9h11v11H9z M5 15H4V4h11v1",
        }
    }
}

#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d=icon.path()/>
        </svg>
    }
}
