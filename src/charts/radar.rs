//! A radar (spider) chart of readiness per module or section: one spoke per
//! axis, 0 % at the centre and 100 % at the rim, the assessment a filled
//! polygon, an earlier assessment a dashed one behind it.
//!
//! plotters has no radar chart, so this one is drawn on the drawing area in
//! pixels: guide rings at 25/50/75/100 %, dashed rings at the readiness
//! bands' edges (40 %: preparing, 70 %: ready; below 40 % is not ready),
//! spokes, labels outside the rim, the polygons and their points.

use super::canvas::{font, px, render, side, text, Area, Drawn};
use super::label::{chars_in, clean, truncate, width_px, wrap};
use super::palette;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::f64::consts::TAU;

/// A radar chart's data and its texts, all in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Radar {
    pub title: String,
    /// Clockwise from the top.
    pub axes: Vec<RadarAxis>,
    /// Width and height in pixels, clamped to 160..=4000.
    pub size: u32,
    /// Shown instead of a chart when there are no axes ("Chưa có dữ liệu").
    pub empty_text: String,
    /// The legend's names for the assessment and the earlier one; the legend
    /// shows only when some axis has an earlier value.
    pub current_label: String,
    pub previous_label: String,
}

/// One spoke: a module or section and its readiness.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RadarAxis {
    pub label: String,
    /// 0..=100; `None` (or NaN) when not assessed. Values outside are drawn at 0 or 100.
    pub percent: Option<f64>,
    /// The earlier assessment's value, the same way.
    pub previous: Option<f64>,
}

const PAD: f64 = 8.0;
const TITLE_PX: f64 = 16.0;
const LABEL_PX: f64 = 12.0;
const LINE_HEIGHT: f64 = 15.0;
const BAND_PX: f64 = 10.0;
/// Between the rim and an axis label.
const LABEL_GAP: f64 = 8.0;
const LEGEND_HEIGHT: f64 = 24.0;
/// At most this many axes are labelled (fewer on a small chart): the labels would overlap.
const MAX_LABELS: usize = 36;
/// A title's `<title>` text for screen readers is not cut to the width, but not endless either.
const MAX_TITLE_CHARS: usize = 500;

/// The guide rings, in percent; the last is the rim.
const RINGS: [f64; 4] = [25.0, 50.0, 75.0, 100.0];

/// The readiness bands' lower edges, dashed: preparing from 40 %, ready from 70 %.
const BANDS: [(f64, RGBColor, &str); 2] = [(40.0, palette::BAND_PREPARING, "40%"), (70.0, palette::BAND_READY, "70%")];

/// A value as the chart draws it: NaN is "not assessed", anything else is held to 0..=100.
fn percent(value: Option<f64>) -> Option<f64> {
    value.filter(|v| !v.is_nan()).map(|v| v.clamp(0.0, 100.0))
}

/// The SVG of a radar chart. Never panics; always a whole `<svg>` document.
pub fn radar_svg(chart: &Radar) -> String {
    let size = side(chart.size);
    let title = truncate(&clean(&chart.title), MAX_TITLE_CHARS);
    render(size, size, &title, |area| draw(area, chart, f64::from(size), &title))
}

/// Where the axes go: the centre, the rim's radius, and each axis's direction.
struct Geometry {
    centre: (f64, f64),
    radius: f64,
    /// Unit vectors, y pointing down as in the SVG.
    directions: Vec<(f64, f64)>,
}

impl Geometry {
    fn at(&self, axis: usize, percent: f64) -> (i32, i32) {
        let (dx, dy) = self.directions[axis];
        let r = self.radius * percent / 100.0;
        (px(self.centre.0 + r * dx), px(self.centre.1 + r * dy))
    }

    /// A ring at `percent`, closed: a polygon through the spokes, or a circle
    /// (as a 72-gon) when there are too few spokes to make a polygon.
    fn ring(&self, percent: f64) -> Vec<(i32, i32)> {
        let mut points: Vec<(i32, i32)> = if self.directions.len() >= 3 {
            (0..self.directions.len()).map(|i| self.at(i, percent)).collect()
        } else {
            let r = self.radius * percent / 100.0;
            (0..72).map(|k| TAU * f64::from(k) / 72.0).map(|a| (px(self.centre.0 + r * a.sin()), px(self.centre.1 - r * a.cos()))).collect()
        };
        points.extend(points.first().copied());
        points
    }
}

/// An axis label laid out: its lines and how they hang from the point outside the rim.
struct Label {
    lines: Vec<String>,
    h: HPos,
    v: VPos,
    width: f64,
    height: f64,
}

impl Label {
    fn new(lines: Vec<String>, (dx, dy): (f64, f64)) -> Label {
        let width = lines.iter().map(|l| width_px(l, LABEL_PX)).fold(0.0, f64::max);
        let height = lines.len() as f64 * LINE_HEIGHT;
        // Beside the rim the text runs away from the centre; near the top and
        // bottom it is centred on its spoke.
        let h = if dx > 0.25 {
            HPos::Left
        } else if dx < -0.25 {
            HPos::Right
        } else {
            HPos::Center
        };
        let v = if dy < -0.35 {
            VPos::Bottom
        } else if dy > 0.35 {
            VPos::Top
        } else {
            VPos::Center
        };
        Label { lines, h, v, width, height }
    }

    /// The label's extent left and right of its anchor point, and above and below it.
    fn extent(&self) -> ((f64, f64), (f64, f64)) {
        let x = match self.h {
            HPos::Left => (0.0, self.width),
            HPos::Right => (-self.width, 0.0),
            HPos::Center => (-self.width / 2.0, self.width / 2.0),
        };
        let y = match self.v {
            VPos::Bottom => (-self.height, 0.0),
            VPos::Top => (0.0, self.height),
            VPos::Center => (-self.height / 2.0, self.height / 2.0),
        };
        (x, y)
    }
}

/// The largest radius at which a label in direction `d` still fits between
/// `lo` and `hi` along one coordinate, `c` being the centre's.
fn fitting_radius(d: f64, c: f64, (lo, hi): (f64, f64), (extent_lo, extent_hi): (f64, f64)) -> f64 {
    if d > 1e-6 {
        (hi - c - extent_hi) / d - LABEL_GAP
    } else if d < -1e-6 {
        (lo - c - extent_lo) / d - LABEL_GAP
    } else {
        f64::INFINITY
    }
}

fn draw(area: &Area, chart: &Radar, size: f64, title: &str) -> Drawn {
    let title_line = truncate(title, chars_in(size - 2.0 * PAD, TITLE_PX));
    text(area, &title_line, (px(size / 2.0), px(PAD)), &font(TITLE_PX, palette::TEXT), HPos::Center, VPos::Top)?;
    let top = if title_line.is_empty() { PAD } else { PAD + TITLE_PX + 12.0 };

    let n = chart.axes.len();
    if n == 0 {
        let message = truncate(&clean(&chart.empty_text), chars_in(size - 2.0 * PAD, LABEL_PX));
        let middle = (px(size / 2.0), px((top + size - PAD) / 2.0));
        return text(area, &message, middle, &font(LABEL_PX, palette::MUTED_TEXT), HPos::Center, VPos::Center);
    }

    let has_previous = chart.axes.iter().any(|a| percent(a.previous).is_some());
    let bottom = size - PAD - if has_previous { LEGEND_HEIGHT } else { 0.0 };
    let (left, right) = (PAD, size - PAD);
    let centre = (size / 2.0, (top + bottom) / 2.0);
    let directions: Vec<(f64, f64)> = (0..n).map(|i| TAU * i as f64 / n as f64).map(|a| (a.sin(), -a.cos())).collect();

    // Labels of up to three lines; beside the rim a fifth of the width at
    // most (there a label takes width from the chart), above and below it
    // two fifths. The rim then shrinks until every label fits inside the
    // picture. Many axes leave each label less room: fewer lines, all
    // narrow, and past one label per 30 pixels of size only every k-th axis
    // is labelled.
    let every = n.div_ceil(((size / 30.0) as usize).clamp(4, MAX_LABELS));
    let labelled = n.div_ceil(every);
    let max_lines = match labelled {
        0..=8 => 3,
        9..=16 => 2,
        _ => 1,
    };
    let line_chars = |(dx, _): (f64, f64)| chars_in(size * if dx.abs() > 0.25 || labelled > 8 { 0.2 } else { 0.4 }, LABEL_PX).max(6);
    let labels: Vec<Option<Label>> = chart
        .axes
        .iter()
        .enumerate()
        .map(|(i, axis)| (i % every == 0).then(|| Label::new(wrap(&clean(&axis.label), line_chars(directions[i]), max_lines), directions[i])))
        .collect();
    let mut radius = ((right - left).min(bottom - top) / 2.0 - 2.0).max(1.0);
    for (label, &(dx, dy)) in labels.iter().zip(&directions) {
        let Some(label) = label.as_ref().filter(|l| !l.lines.is_empty()) else { continue };
        let (x_extent, y_extent) = label.extent();
        radius = radius.min(fitting_radius(dx, centre.0, (left, right), x_extent)).min(fitting_radius(dy, centre.1, (top, bottom), y_extent));
    }
    // However long the labels, the chart itself stays readable; a label may then reach the edge.
    let radius = radius.max(size * 0.12);
    let geometry = Geometry { centre, radius, directions };

    draw_guides(area, &geometry)?;
    draw_assessment(area, &geometry, chart.axes.iter().map(|a| percent(a.previous)), palette::PREVIOUS, true)?;
    draw_assessment(area, &geometry, chart.axes.iter().map(|a| percent(a.percent)), palette::series(0), false)?;
    draw_band_marks(area, &geometry)?;

    let label_font = font(LABEL_PX, palette::TEXT);
    let unassessed_font = font(LABEL_PX, palette::UNASSESSED_TEXT);
    for (i, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        let (dx, dy) = geometry.directions[i];
        let anchor = (centre.0 + (radius + LABEL_GAP) * dx, centre.1 + (radius + LABEL_GAP) * dy);
        let (_, (above, _)) = label.extent();
        let block_top = anchor.1 + above;
        let style = if percent(chart.axes[i].percent).is_some() { &label_font } else { &unassessed_font };
        for (k, line) in label.lines.iter().enumerate() {
            text(area, line, (px(anchor.0), px(block_top + k as f64 * LINE_HEIGHT)), style, label.h, VPos::Top)?;
        }
    }

    if has_previous {
        draw_legend(area, chart, size, centre.0)?;
    }
    Ok(())
}

fn draw_guides(area: &Area, g: &Geometry) -> Drawn {
    for level in RINGS {
        let colour = if level == 100.0 { palette::AXIS } else { palette::GRID };
        area.draw(&PathElement::new(g.ring(level), colour.stroke_width(1)))?;
    }
    for i in 0..g.directions.len() {
        area.draw(&PathElement::new(vec![g.at(i, 0.0), g.at(i, 100.0)], palette::GRID.stroke_width(1)))?;
    }
    for (level, colour, _) in BANDS {
        area.draw(&DashedPathElement::new(g.ring(level), 4, 3, colour.stroke_width(1)))?;
    }
    Ok(())
}

/// The bands' percentages, just right of the top spoke where their rings
/// cross it, on a white chip: drawn over the polygons, they stay readable.
fn draw_band_marks(area: &Area, g: &Geometry) -> Drawn {
    for (level, colour, mark) in BANDS {
        let (x, y) = (px(g.centre.0 + 6.0), px(g.centre.1 - g.radius * level / 100.0));
        let chip = px(width_px(mark, BAND_PX)) + 4;
        area.draw(&Rectangle::new([(x - 2, y - 6), (x + chip - 2, y + 6)], WHITE.mix(0.85).filled()))?;
        text(area, mark, (x, y), &font(BAND_PX, colour), HPos::Left, VPos::Center)?;
    }
    Ok(())
}

/// One assessment: a polygon through the assessed axes, and its points.
///
/// An axis not assessed is left out of the polygon, which joins its
/// neighbours directly; its spoke and (greyed) label stay. Counting it as
/// 0 % would draw a score of zero for a module nobody assessed, a dent that
/// reads as a finding, which is worse than a polygon with a corner missing.
/// Fewer than three assessed axes make a line or a single point.
fn draw_assessment(area: &Area, g: &Geometry, values: impl Iterator<Item = Option<f64>>, colour: RGBColor, earlier: bool) -> Drawn {
    let points: Vec<(i32, i32)> = values.enumerate().filter_map(|(i, v)| v.map(|v| g.at(i, v))).collect();
    let mut outline = points.clone();
    if points.len() >= 3 {
        area.draw(&Polygon::new(points.clone(), colour.mix(if earlier { 0.08 } else { 0.25 }).filled()))?;
        outline.extend(points.first().copied());
    }
    if earlier {
        area.draw(&DashedPathElement::new(outline, 5, 3, colour.stroke_width(2)))?;
        for &p in &points {
            area.draw(&Circle::new(p, 3, colour.stroke_width(1)))?;
        }
    } else {
        area.draw(&PathElement::new(outline, colour.stroke_width(2)))?;
        for &p in &points {
            area.draw(&Circle::new(p, 4, colour.filled()))?;
        }
    }
    Ok(())
}

/// The two polygons' names, centred under the chart.
fn draw_legend(area: &Area, chart: &Radar, size: f64, centre_x: f64) -> Drawn {
    const SWATCH: f64 = 18.0;
    const SPACING: f64 = 20.0;
    let max_chars = chars_in(size * 0.4 - SWATCH, LABEL_PX);
    let names = [truncate(&clean(&chart.current_label), max_chars), truncate(&clean(&chart.previous_label), max_chars)];
    let widths: Vec<f64> = names.iter().map(|n| SWATCH + 6.0 + width_px(n, LABEL_PX)).collect();
    let mut x = centre_x - (widths.iter().sum::<f64>() + SPACING) / 2.0;
    let y = px(size - PAD - LEGEND_HEIGHT / 2.0);
    let style = font(LABEL_PX, palette::TEXT);
    for (k, name) in names.iter().enumerate() {
        let (x0, x1) = (px(x), px(x + SWATCH));
        if k == 0 {
            let colour = palette::series(0);
            area.draw(&Rectangle::new([(x0, y - 5), (x1, y + 5)], colour.mix(0.25).filled()))?;
            area.draw(&PathElement::new(vec![(x0, y), (x1, y)], colour.stroke_width(2)))?;
        } else {
            area.draw(&DashedPathElement::new(vec![(x0, y), (x1, y)], 5, 3, palette::PREVIOUS.stroke_width(2)))?;
        }
        text(area, name, (px(x + SWATCH + 6.0), y), &style, HPos::Left, VPos::Center)?;
        x += widths[k] + SPACING;
    }
    Ok(())
}
