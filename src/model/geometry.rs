//! Points, rectangles and the viewport (pan and zoom) in world and screen space.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn distance_to(self, other: Point) -> f64 {
        (other.x - self.x).hypot(other.y - self.y)
    }

    pub fn offset(self, dx: f64, dy: f64) -> Point {
        Point::new(self.x + dx, self.y + dy)
    }

    /// To a hundredth of a pixel: such numbers survive being written as JSON and read back exactly.
    pub fn rounded(self) -> Point {
        Point::new(round_to(self.x, 100.0), round_to(self.y, 100.0))
    }
}

fn round_to(value: f64, steps: f64) -> f64 {
    (value * steps).round() / steps
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn at(origin: Point, size: Size) -> Rect {
        Rect { x: origin.x, y: origin.y, width: size.width, height: size.height }
    }

    pub fn origin(&self) -> Point {
        Point::new(self.x, self.y)
    }

    /// The rectangle with `by` more room on every side.
    pub fn grown(&self, by: f64) -> Rect {
        Rect { x: self.x - by, y: self.y - by, width: self.width + 2.0 * by, height: self.height + 2.0 * by }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Whether `p` lies inside (edges included).
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }

    /// True when the two rectangles share area, or come closer than `gap`.
    pub fn overlaps(&self, other: &Rect, gap: f64) -> bool {
        self.x < other.right() + gap
            && other.x < self.right() + gap
            && self.y < other.bottom() + gap
            && other.y < self.bottom() + gap
    }

    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }

    /// The smallest rectangle holding all of them, or None for none.
    pub fn bounding(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
        rects.into_iter().reduce(|a, b| a.union(&b))
    }
}

/// Maps world coordinates to screen: `screen = world * zoom + (x, y)`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport { x: 0.0, y: 0.0, zoom: 1.0 }
    }
}

impl Viewport {
    /// Low enough that Fit shows a board of thousands of cards whole, even on a phone: that far
    /// out the board draws them as outlines.
    pub const MIN_ZOOM: f64 = 0.01;
    pub const MAX_ZOOM: f64 = 4.0;

    pub fn to_world(&self, screen: Point) -> Point {
        Point::new((screen.x - self.x) / self.zoom, (screen.y - self.y) / self.zoom)
    }

    pub fn to_screen(&self, world: Point) -> Point {
        Point::new(world.x * self.zoom + self.x, world.y * self.zoom + self.y)
    }

    /// The part of the world a screen of `size` shows.
    pub fn world_shown(&self, size: Size) -> Rect {
        let top_left = self.to_world(Point::new(0.0, 0.0));
        Rect { x: top_left.x, y: top_left.y, width: size.width / self.zoom, height: size.height / self.zoom }
    }

    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        Viewport { x: self.x + dx, y: self.y + dy, zoom: self.zoom }
    }

    /// Zooms by `factor` keeping the world point under `anchor` (a screen point) still.
    pub fn zoomed_at(&self, anchor: Point, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let zoom = (self.zoom * factor).clamp(Viewport::MIN_ZOOM, Viewport::MAX_ZOOM);
        let world = self.to_world(anchor);
        Viewport { x: anchor.x - world.x * zoom, y: anchor.y - world.y * zoom, zoom }
    }

    /// The viewport that shows all of `bounds`, centred, with `margin` screen pixels around it.
    pub fn fitting(bounds: Rect, screen: Size, margin: f64) -> Viewport {
        let room_w = (screen.width - 2.0 * margin).max(1.0);
        let room_h = (screen.height - 2.0 * margin).max(1.0);
        let zoom = (room_w / bounds.width.max(1.0))
            .min(room_h / bounds.height.max(1.0))
            .clamp(Viewport::MIN_ZOOM, Viewport::MAX_ZOOM);
        let center = bounds.center();
        Viewport { x: screen.width / 2.0 - center.x * zoom, y: screen.height / 2.0 - center.y * zoom, zoom }
    }

    /// The view that shows all of `bounds` inside `area` (screen pixels), as large as it can.
    pub fn fitting_in(bounds: Rect, area: Rect, margin: f64) -> Viewport {
        Viewport::fitting(bounds, Size { width: area.width, height: area.height }, margin)
            .panned(area.x, area.y)
    }

    /// The least pan that brings `rect` (world units) inside `area` (screen pixels) with
    /// `margin` to spare; a rectangle larger than the area keeps its top-left corner in view.
    /// Unchanged when it is inside already, so a card on screen never moves under the fan.
    pub fn revealing(&self, rect: Rect, area: Rect, margin: f64) -> Viewport {
        let top_left = self.to_screen(rect.origin());
        let (width, height) = (rect.width * self.zoom, rect.height * self.zoom);
        let shift = |start: f64, length: f64, low: f64, high: f64| {
            let (low, high) = (low + margin, high - margin);
            if start < low || length > high - low {
                low - start
            } else if start + length > high {
                high - (start + length)
            } else {
                0.0
            }
        };
        self.panned(
            shift(top_left.x, width, area.x, area.right()),
            shift(top_left.y, height, area.y, area.bottom()),
        )
    }

    /// Positions to a hundredth of a pixel and zoom to four decimals, so the view saves exactly.
    pub fn rounded(&self) -> Viewport {
        Viewport {
            x: round_to(self.x, 100.0),
            y: round_to(self.y, 100.0),
            zoom: round_to(self.zoom, 10_000.0),
        }
    }

    pub fn is_valid(&self) -> bool {
        self.x.is_finite()
            && self.y.is_finite()
            && self.zoom.is_finite()
            && (Viewport::MIN_ZOOM..=Viewport::MAX_ZOOM).contains(&self.zoom)
    }

    /// The CSS transform of the world layer.
    pub fn css_transform(&self) -> String {
        format!("translate({:.2}px, {:.2}px) scale({:.4})", self.x, self.y, self.zoom)
    }
}
