//! The shape of a string between two pins: a slight sag, like real string under its own weight.

use super::geometry::{Point, Rect};

/// A quadratic curve from `from` to `to` whose control point hangs below the midpoint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SaggingString {
    pub from: Point,
    pub control: Point,
    pub to: Point,
}

impl SaggingString {
    const SAG_PER_LENGTH: f64 = 0.12;
    const MAX_SAG: f64 = 70.0;

    pub fn between(from: Point, to: Point) -> SaggingString {
        let length = (to.x - from.x).hypot(to.y - from.y);
        let sag = (length * Self::SAG_PER_LENGTH).min(Self::MAX_SAG);
        let control = Point::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0 + sag);
        SaggingString { from, control, to }
    }

    /// The curve's point halfway along its parameter, where the label sits.
    pub fn midpoint(&self) -> Point {
        Point::new(
            (self.from.x + 2.0 * self.control.x + self.to.x) / 4.0,
            (self.from.y + 2.0 * self.control.y + self.to.y) / 4.0,
        )
    }

    /// The point at parameter `t` (0 at `from`, 1 at `to`).
    pub fn at(&self, t: f64) -> Point {
        let u = 1.0 - t;
        Point::new(
            u * u * self.from.x + 2.0 * u * t * self.control.x + t * t * self.to.x,
            u * u * self.from.y + 2.0 * u * t * self.control.y + t * t * self.to.y,
        )
    }

    /// The part of the curve between parameters `t0` and `t1`: itself a quadratic curve, exactly.
    pub fn part(&self, t0: f64, t1: f64) -> SaggingString {
        let blend = |a: f64, b: f64, c: f64| {
            let (u0, u1) = (1.0 - t0, 1.0 - t1);
            u0 * u1 * a + (u0 * t1 + t0 * u1) * b + t0 * t1 * c
        };
        SaggingString {
            from: self.at(t0),
            control: Point::new(
                blend(self.from.x, self.control.x, self.to.x),
                blend(self.from.y, self.control.y, self.to.y),
            ),
            to: self.at(t1),
        }
    }

    /// The length along the curve from its start to parameter `t`.
    pub fn length_to(&self, t: f64) -> f64 {
        const STEPS: usize = 32;
        let points: Vec<Point> = (0..=STEPS).map(|i| self.at(t * i as f64 / STEPS as f64)).collect();
        points.windows(2).map(|w| w[0].distance_to(w[1])).sum()
    }

    /// The span of parameters over which the curve may be inside `area`: from a little before the
    /// first point found inside to a little after the last. None when no part of it comes near.
    /// The curve is sampled at most a quarter of the area's smaller side apart, so it cannot
    /// cross the area between two samples unseen.
    pub fn span_within(&self, area: Rect) -> Option<(f64, f64)> {
        let reach = self.from.distance_to(self.control) + self.control.distance_to(self.to);
        let spacing = (area.width.min(area.height) / 4.0).max(1.0);
        const MAX_STEPS: usize = 4096;
        let wanted = (reach / spacing).ceil();
        // Too long to sample that finely: draw all of it rather than risk missing a part.
        if wanted > MAX_STEPS as f64 {
            return Some((0.0, 1.0));
        }
        let steps = (wanted as usize).max(8);
        let near = area.grown(spacing);
        let inside = |i: usize| {
            let p = self.at(i as f64 / steps as f64);
            p.x >= near.x && p.x <= near.right() && p.y >= near.y && p.y <= near.bottom()
        };
        let first = (0..=steps).find(|&i| inside(i))?;
        let last = (first..=steps).rev().find(|&i| inside(i))?;
        Some((first.saturating_sub(1) as f64 / steps as f64, ((last + 1).min(steps)) as f64 / steps as f64))
    }

    /// SVG path data for the part of the curve between parameters `t0` and `t1`, as a polyline.
    /// A string's hit area leaves out its ends, so the pins under them stay reachable.
    pub fn svg_part(&self, t0: f64, t1: f64, steps: usize) -> String {
        let steps = steps.max(1);
        (0..=steps)
            .map(|i| {
                let p = self.at(t0 + (t1 - t0) * i as f64 / steps as f64);
                format!("{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y)
            })
            .collect()
    }

    /// SVG path data.
    pub fn svg_path(&self) -> String {
        format!(
            "M{:.1} {:.1}Q{:.1} {:.1} {:.1} {:.1}",
            self.from.x, self.from.y, self.control.x, self.control.y, self.to.x, self.to.y
        )
    }
}
