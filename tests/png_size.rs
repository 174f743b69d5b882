use caseboard::formats::png_size::{png_scale, smaller_scale, MAX_BYTES, MAX_PIXELS, MAX_SIDE};
use caseboard::model::geometry::Size;
use proptest::prelude::*;

proptest! {
    /// Whatever the board's size, the PNG is never longer than 4,096 px on a side nor more
    /// than the pixel budget, and never drawn larger than asked.
    #[test]
    fn a_png_is_never_over_4096_px_nor_over_its_pixel_budget(
        width in 1.0..200_000.0f64, height in 1.0..200_000.0f64, wanted in 0.5..4.0f64,
    ) {
        let scale = png_scale(Size { width, height }, wanted);
        prop_assert!(scale > 0.0 && scale <= wanted);
        let (w, h) = ((width * scale).round(), (height * scale).round());
        prop_assert!(w <= MAX_SIDE && h <= MAX_SIDE, "{w} × {h}");
        prop_assert!(w * h <= MAX_PIXELS * 1.001 + w + h, "{w} × {h}");
    }

    /// A PNG that came out too large is drawn again smaller, by at least the share it was over.
    #[test]
    fn a_png_over_5_mb_is_drawn_smaller(scale in 0.01..4.0f64, over in 1.0..20.0f64) {
        let bytes = MAX_BYTES * over;
        let next = smaller_scale(scale, bytes);
        prop_assert!(next < scale);
        prop_assert!((next / scale).powi(2) * bytes < MAX_BYTES);
    }
}

#[test]
fn the_default_board_is_drawn_sharp_and_a_small_view_at_twice_its_size() {
    // The whole Ballard board with its band: about 1,916 × 1,032 CSS px.
    let board = png_scale(Size { width: 1_916.0, height: 1_032.0 }, 2.0);
    assert!(board > 1.0 && board < 2.0, "{board}");
    assert_eq!(png_scale(Size { width: 800.0, height: 600.0 }, 2.0), 2.0);
}
