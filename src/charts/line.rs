//! A line chart over dates: readiness per module across an enterprise's
//! assessments (0–100 %), or a programme indicator over the years against
//! its target.
//!
//! plotters lays out the plotting area and draws the lines; the axes, ticks,
//! legend and titles are placed here in pixels, because plotters measures
//! text to place its own (see `mod.rs`).

use super::axis;
use super::canvas::{font, px, render, side, text, Area, Drawn};
use super::label::{chars_in, clean, truncate, width_px};
use super::palette;
use crate::format::{format_date, format_decimal, parse_iso_date_ms};
use crate::i18n::Lang;
use chrono::{DateTime, Datelike};
use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

/// A line chart's data and its texts, all in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineChart {
    pub title: String,
    /// Along the vertical axis ("Mức sẵn sàng (%)").
    pub y_label: String,
    /// One line each, coloured in order from the palette.
    pub series: Vec<Series>,
    pub x_labels: XLabels,
    pub y_range: YRange,
    /// A horizontal dashed line: its name (shown at its right end) and value.
    pub target: Option<(String, f64)>,
    /// In pixels, each clamped to 160..=4000.
    pub width: u32,
    pub height: u32,
    /// How the vertical axis writes numbers (`2,5` or `2.5`).
    pub lang: Lang,
    /// Shown instead of a chart when no series has a point to draw.
    pub empty_text: String,
}

/// One line: a name for the legend and its values by date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    pub name: String,
    /// `(yyyy-mm-dd, value)`, in any order. A point whose date is not such a
    /// date, or whose value is NaN or infinite, is left out.
    pub points: Vec<(String, f64)>,
}

/// How the horizontal axis names its ticks, which stand at the data's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum XLabels {
    /// `30/11/2026`: assessments.
    #[default]
    Dates,
    /// `2026`, once per year: yearly indicators.
    Years,
}

/// The vertical axis's extent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YRange {
    /// 0 to 100 %, ticks every 20 %; values outside are drawn at 0 or 100.
    #[default]
    Percent,
    /// From 0 (or below, for negative values) to the largest value or
    /// target, rounded out to round numbers.
    Fit,
}

const PAD: f64 = 8.0;
const TITLE_PX: f64 = 16.0;
const TEXT_PX: f64 = 12.0;
const TICK_PX: f64 = 11.0;
const LEGEND_ROW: f64 = 18.0;
const SWATCH: f64 = 22.0;
/// Below the plot: tick marks and the date under them.
const X_AXIS_HEIGHT: f64 = 24.0;
/// Right of the plot: half the last date label sticks out past it.
const RIGHT_MARGIN: f64 = 36.0;
/// Points beyond this are not marked, only joined: markers would merge into a smear.
const MAX_MARKED: usize = 60;
/// Values in a `Fit` range are held within this (a trillion), so the axis arithmetic stays finite.
const FIT_LIMIT: f64 = 1e12;
const MS_PER_DAY: i64 = 86_400_000;
const MAX_TITLE_CHARS: usize = 500;

/// The SVG of a line chart. Never panics; always a whole `<svg>` document.
pub fn line_svg(chart: &LineChart) -> String {
    let (width, height) = (side(chart.width), side(chart.height));
    let title = truncate(&clean(&chart.title), MAX_TITLE_CHARS);
    render(width, height, &title, |area| draw(area, chart, (f64::from(width), f64::from(height)), &title))
}

/// A series as drawn: its palette index, legend name, and points by day number, in date order.
struct Line {
    index: usize,
    name: String,
    points: Vec<(i64, f64)>,
}

fn day_of(date: &str) -> Option<i64> {
    parse_iso_date_ms(date.trim()).map(|ms| ms.div_euclid(MS_PER_DAY))
}

fn lines(chart: &LineChart) -> Vec<Line> {
    let held = |v: f64| match chart.y_range {
        YRange::Percent => v.clamp(0.0, 100.0),
        YRange::Fit => v.clamp(-FIT_LIMIT, FIT_LIMIT),
    };
    chart
        .series
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let mut points: Vec<(i64, f64)> = s.points.iter().filter(|(_, v)| v.is_finite()).filter_map(|(d, v)| Some((day_of(d)?, held(*v)))).collect();
            // Stable: two assessments on one day keep the order they were given in.
            crate::sort::sort_by_key(&mut points, |&(day, _)| day);
            Line { index, name: clean(&s.name), points }
        })
        .filter(|l| !l.points.is_empty())
        .collect()
}

/// The vertical axis: its ends and its step.
fn y_axis(chart: &LineChart, lines: &[Line], target: Option<f64>) -> (f64, f64, f64) {
    match chart.y_range {
        YRange::Percent => (0.0, 100.0, 20.0),
        YRange::Fit => axis::fit(lines.iter().flat_map(|l| l.points.iter().map(|&(_, v)| v)).chain(target)),
    }
}

fn y_tick_text(value: f64, range: YRange, lang: Lang) -> String {
    match range {
        YRange::Percent => format!("{}%", value.round() as i64),
        YRange::Fit => format_decimal(value, 2, lang),
    }
}

fn x_tick_text(day: i64, labels: XLabels) -> String {
    let ms = day.saturating_mul(MS_PER_DAY);
    match labels {
        XLabels::Dates => format_date(ms, 0),
        XLabels::Years => DateTime::from_timestamp_millis(ms).map_or_else(String::new, |t| t.year().to_string()),
    }
}

/// A legend entry placed: the line it names (`None` for the `…` that says
/// more were left out), its name, and where it starts.
struct LegendEntry {
    line: Option<usize>,
    name: String,
    x: f64,
    row: usize,
}

/// The legend's entries in rows, left to right, and the number of rows.
/// Past `max_rows` rows the rest are left out and the last entry becomes `…`.
fn legend_layout(lines: &[Line], width: f64, max_rows: usize) -> (Vec<LegendEntry>, usize) {
    const GAP: f64 = 16.0;
    let name_chars = chars_in(width * 0.45, TEXT_PX);
    let mut placed: Vec<LegendEntry> = Vec::new();
    let (mut x, mut row) = (PAD, 0);
    for (k, line) in lines.iter().enumerate() {
        let name = truncate(&line.name, name_chars);
        let item = SWATCH + 6.0 + width_px(&name, TEXT_PX);
        if x > PAD && x + item > width - PAD {
            row += 1;
            x = PAD;
        }
        if row >= max_rows {
            if let Some(last) = placed.last_mut() {
                last.line = None;
                last.name = "…".to_string();
            }
            return (placed, max_rows);
        }
        placed.push(LegendEntry { line: Some(k), name, x, row });
        x += item + GAP;
    }
    let rows = placed.last().map_or(0, |e| e.row + 1);
    (placed, rows)
}

/// Each series's own marker shape, so lines differ by more than colour.
fn marker(area: &Area, index: usize, (x, y): (i32, i32), colour: RGBColor) -> Drawn {
    let style = colour.filled();
    match index % 4 {
        0 => area.draw(&Circle::new((x, y), 4, style)),
        1 => area.draw(&Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], style)),
        2 => area.draw(&TriangleMarker::new((x, y), 5, style)),
        _ => area.draw(&Polygon::new(vec![(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)], style)),
    }
}

fn draw(area: &Area, chart: &LineChart, (width, height): (f64, f64), title: &str) -> Drawn {
    let title_line = truncate(title, chars_in(width - 2.0 * PAD, TITLE_PX));
    text(area, &title_line, (px(width / 2.0), px(PAD)), &font(TITLE_PX, palette::TEXT), HPos::Center, VPos::Top)?;
    let top = if title_line.is_empty() { PAD + 6.0 } else { PAD + TITLE_PX + 14.0 };

    let lines = lines(chart);
    if lines.is_empty() {
        let message = truncate(&clean(&chart.empty_text), chars_in(width - 2.0 * PAD, TEXT_PX));
        let middle = (px(width / 2.0), px((top + height - PAD) / 2.0));
        return text(area, &message, middle, &font(TEXT_PX, palette::MUTED_TEXT), HPos::Center, VPos::Center);
    }

    let target = chart.target.as_ref().filter(|(_, v)| v.is_finite()).map(|(name, v)| {
        let v = match chart.y_range {
            YRange::Percent => v.clamp(0.0, 100.0),
            YRange::Fit => v.clamp(-FIT_LIMIT, FIT_LIMIT),
        };
        (clean(name), v)
    });
    let (y_lo, y_hi, y_step) = y_axis(chart, &lines, target.as_ref().map(|t| t.1));
    let y_ticks = axis::ticks(y_lo, y_hi, y_step);
    let y_texts: Vec<String> = y_ticks.iter().map(|&v| y_tick_text(v, chart.y_range, chart.lang)).collect();

    let (legend, rows) = legend_layout(&lines, width, if height >= 320.0 { 3 } else { 1 });
    let legend_height = rows as f64 * LEGEND_ROW + 6.0;
    let y_label = clean(&chart.y_label);
    let tick_width = y_texts.iter().map(|t| width_px(t, TICK_PX)).fold(0.0, f64::max);
    let left = PAD + if y_label.is_empty() { 0.0 } else { TEXT_PX + 8.0 } + tick_width + 8.0;
    let right = width - RIGHT_MARGIN;
    let bottom = height - PAD - legend_height - X_AXIS_HEIGHT;
    // The smallest sizes squeeze the plot; it keeps at least a sliver so nothing inverts.
    let (right, bottom) = (right.max(left + 20.0), bottom.max(top + 20.0));

    let (first_day, last_day) = lines.iter().flat_map(|l| l.points.iter().map(|&(d, _)| d)).fold((i64::MAX, i64::MIN), |(a, b), d| (a.min(d), b.max(d)));
    let span = (last_day - first_day) as f64;
    let x_pad = if span > 0.0 {
        span * 0.04
    } else if chart.x_labels == XLabels::Years {
        180.0
    } else {
        15.0
    };
    let x_start = first_day as f64 - x_pad;
    let x_range = x_start..(last_day as f64 + x_pad);

    let plot_area = area.margin(px(top), px(height - bottom), px(left), px(width - right));
    let mut plot = ChartBuilder::on(&plot_area).build_cartesian_2d::<RangedCoordf64, RangedCoordf64>(x_range.into(), (y_lo..y_hi).into())?;
    // A copy of the plotting area, to map values to pixels while `plot` draws.
    let mapping = plot.plotting_area().clone();
    let at = |x: f64, y: f64| mapping.map_coordinate(&(x, y));

    // Grid and vertical axis.
    let tick_style = font(TICK_PX, palette::TEXT);
    for (&v, label) in y_ticks.iter().zip(&y_texts) {
        let (x0, y) = at(x_start, v);
        let colour = if v == y_lo { palette::AXIS } else { palette::GRID };
        area.draw(&PathElement::new(vec![(x0, y), (px(right), y)], colour.stroke_width(1)))?;
        text(area, label, (x0 - 6, y), &tick_style, HPos::Right, VPos::Center)?;
    }
    area.draw(&PathElement::new(vec![(px(left), px(top)), (px(left), px(bottom))], palette::AXIS.stroke_width(1)))?;
    if !y_label.is_empty() {
        let style = font(TEXT_PX, palette::TEXT).transform(FontTransform::Rotate270);
        let y_label = truncate(&y_label, chars_in(bottom - top, TEXT_PX));
        text(area, &y_label, (px(PAD), px((top + bottom) / 2.0)), &style, HPos::Center, VPos::Top)?;
    }

    // Ticks at the data's dates, as many as fit side by side.
    let mut days: Vec<i64> = lines.iter().flat_map(|l| l.points.iter().map(|&(d, _)| d)).collect();
    crate::sort::sort(&mut days);
    days.dedup();
    let mut last_right = f64::NEG_INFINITY;
    let mut last_text = String::new();
    for day in days {
        let label = x_tick_text(day, chart.x_labels);
        if label == last_text {
            continue;
        }
        let (x, y) = at(day as f64, y_lo);
        let half = width_px(&label, TICK_PX) / 2.0;
        if f64::from(x) - half < last_right + 10.0 {
            continue;
        }
        area.draw(&PathElement::new(vec![(x, y), (x, y + 4)], palette::AXIS.stroke_width(1)))?;
        text(area, &label, (x, y + 7), &tick_style, HPos::Center, VPos::Top)?;
        last_right = f64::from(x) + half;
        last_text = label;
    }

    if let Some((_, value)) = &target {
        let (x0, y) = at(x_start, *value);
        area.draw(&DashedPathElement::new(vec![(x0, y), (px(right), y)], 6, 4, palette::TARGET.stroke_width(2)))?;
    }

    for line in &lines {
        let colour = palette::series(line.index);
        plot.draw_series(LineSeries::new(line.points.iter().map(|&(d, v)| (d as f64, v)), colour.stroke_width(2)))?;
        if line.points.len() <= MAX_MARKED {
            for &(d, v) in &line.points {
                marker(area, line.index, at(d as f64, v), colour)?;
            }
        }
    }

    // The target's name above its line at the left, on a white chip over the lines.
    if let Some((name, value)) = target.as_ref().filter(|(name, _)| !name.is_empty()) {
        let (x0, y) = at(x_start, *value);
        let name = truncate(name, chars_in((right - left) * 0.6, TICK_PX));
        let (x, chip) = (x0 + 6, px(width_px(&name, TICK_PX)) + 6);
        area.draw(&Rectangle::new([(x - 3, y - 17), (x + chip - 3, y - 3)], WHITE.mix(0.85).filled()))?;
        text(area, &name, (x, y - 10), &font(TICK_PX, palette::TARGET), HPos::Left, VPos::Center)?;
    }

    let legend_top = height - PAD - legend_height + 6.0;
    let legend_style = font(TEXT_PX, palette::TEXT);
    for entry in &legend {
        let (x, y) = (entry.x, px(legend_top + entry.row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0));
        if let Some(k) = entry.line {
            let colour = palette::series(lines[k].index);
            area.draw(&PathElement::new(vec![(px(x), y), (px(x + SWATCH), y)], colour.stroke_width(2)))?;
            marker(area, lines[k].index, (px(x + SWATCH / 2.0), y), colour)?;
        }
        text(area, &entry.name, (px(x + SWATCH + 6.0), y), &legend_style, HPos::Left, VPos::Center)?;
    }
    Ok(())
}
