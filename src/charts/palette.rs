//! The charts' colours, defined once.
//!
//! Series colours are the Okabe–Ito palette, which people with the common
//! colour-vision deficiencies can tell apart, with its orange darkened and its
//! yellow and sky blue left out: every series colour has at least 3:1
//! contrast on white (WCAG 1.4.11 for graphics). Colour is never the only cue:
//! each series also gets its own marker shape (`line.rs`), and the earlier
//! assessment on a radar is dashed.

use plotters::style::RGBColor;

/// Series colours in the order series take them; contrast on white in the comments.
pub const SERIES: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2), // blue, 5.2:1
    RGBColor(0xD5, 0x5E, 0x00), // vermillion, 3.9:1
    RGBColor(0x00, 0x9E, 0x73), // bluish green, 3.4:1
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple, 3.1:1
    RGBColor(0xB2, 0x6B, 0x00), // dark orange, 4.2:1
    RGBColor(0x00, 0x00, 0x00), // black
];

/// The colour of the `index`th series; the palette repeats past its end.
pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// Titles, labels of assessed axes, tick labels: 17:1.
pub const TEXT: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Secondary text (the "no data" message, band labels): 6.5:1.
pub const MUTED_TEXT: RGBColor = RGBColor(0x5E, 0x5E, 0x5E);
/// Labels of axes not assessed: greyed, yet 4.5:1, the least WCAG allows for text.
pub const UNASSESSED_TEXT: RGBColor = RGBColor(0x76, 0x76, 0x76);
/// Guide rings, grid lines, spokes: decoration, deliberately faint.
pub const GRID: RGBColor = RGBColor(0xD9, 0xD9, 0xD9);
/// Axes and the 100 % ring.
pub const AXIS: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
/// The earlier assessment on a radar.
pub const PREVIOUS: RGBColor = RGBColor(0x5E, 0x5E, 0x5E);
/// A target line.
pub const TARGET: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// The 40 % ring, where "preparing" starts.
pub const BAND_PREPARING: RGBColor = RGBColor(0xB2, 0x6B, 0x00);
/// The 70 % ring, where "ready" starts.
pub const BAND_READY: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// A progress bar's empty track.
pub const TRACK: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
/// An indicator at or ahead of what was expected by now (bluish green, 3.4:1).
pub const ON_TRACK: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// An indicator behind what was expected by now (vermillion, 3.9:1).
pub const BEHIND: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
