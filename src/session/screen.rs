//! Where the board is on screen, as the layout last measured it: the views measure themselves
//! (`ui::chrome::measure`) and tell the session, which never reads the page's layout itself.

use crate::model::geometry::{Point, Rect, Size};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// The window's size.
    pub window: Size,
    /// The part of the window where the board can be seen: below the bars, beside or above the
    /// panel.
    pub visible: Rect,
    /// The board's top-left corner on the screen: pointer positions are measured from it.
    pub origin: Point,
}

impl Default for Layout {
    fn default() -> Layout {
        let window = Size { width: 800.0, height: 600.0 };
        let visible = Rect { x: 0.0, y: 0.0, width: window.width, height: window.height };
        Layout { window, visible, origin: Point::default() }
    }
}

/// The page's layout as a signal, for the whole page's life, and whether it has been measured
/// yet (before, it is a guess).
#[derive(Clone, Copy)]
pub struct Screen(RwSignal<Layout>, StoredValue<bool>);

impl Screen {
    pub fn new() -> Screen {
        Screen(RwSignal::new(Layout::default()), StoredValue::new(false))
    }

    /// Whether the page has measured its layout: a board opened after that can be fitted
    /// before it is first drawn.
    pub fn is_measured(self) -> bool {
        self.1.get_value()
    }

    /// The layout as last measured, tracked: what follows it is redone when it changes.
    pub fn get(self) -> Layout {
        self.0.get()
    }

    /// The layout as last measured, untracked.
    pub fn now(self) -> Layout {
        self.0.get_untracked()
    }

    /// Takes a new measurement; only a different one wakes what follows the layout.
    pub fn measured(self, layout: Layout) {
        self.1.set_value(true);
        if self.0.get_untracked() != layout {
            self.0.set(layout);
        }
    }
}

impl Default for Screen {
    fn default() -> Screen {
        Screen::new()
    }
}
