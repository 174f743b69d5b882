//! How large a PNG of a picture is drawn: as sharp as it can be while it stays postable (most
//! sites keep a picture whole up to 4,096 px on its longest side, and refuse files over 5 MB).

use crate::model::geometry::Size;

/// The longest side of a PNG, in pixels.
pub const MAX_SIDE: f64 = 4_096.0;

/// Pixels in a PNG at most. The cork's grain and the cards' paper pack to about 0.85 bytes a
/// pixel (3,200 × 2,216 made 6 MB), so this keeps a picture near 4 MB.
pub const MAX_PIXELS: f64 = 4_500_000.0;

/// A PNG must come out smaller than this many bytes.
pub const MAX_BYTES: f64 = 5_000_000.0;

/// The scale to draw a picture of `size` CSS pixels at: `wanted` (for sharp text on dense
/// screens), or less where that would make a side longer than [`MAX_SIDE`] or more than
/// [`MAX_PIXELS`] in all.
pub fn png_scale(size: Size, wanted: f64) -> f64 {
    let (width, height) = (size.width.max(1.0), size.height.max(1.0));
    let by_side = MAX_SIDE / width.max(height);
    let by_pixels = (MAX_PIXELS / (width * height)).sqrt();
    wanted.min(by_side).min(by_pixels)
}

/// The scale to try next when a PNG drawn at `scale` came out `bytes` long, over [`MAX_BYTES`]:
/// smaller by the share it was over (bytes go with the pixels, the square of the scale), and a
/// tenth more for luck.
pub fn smaller_scale(scale: f64, bytes: f64) -> f64 {
    scale * (MAX_BYTES / bytes.max(MAX_BYTES)).sqrt() * 0.9
}
