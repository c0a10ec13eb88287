//! Programme indicators against their targets: one horizontal bar per
//! indicator, all on one scale, the share of its own target achieved, so
//! every target mark stands at 100 % and rows of different units (classes,
//! experts, enterprises) read side by side.
//!
//! Each row: the indicator's name; a track with the bar of what was done;
//! the target's mark (solid), the stretch target's (dashed: 2026-2030's
//! upper end); a mark above the track at the share of the period elapsed
//! ("expected by now"), so a bar that stops short of it is behind; and the
//! numbers, `12 / 10 · 120%`, with "on track" or "behind" in words under
//! them. Colour says it too (green on track, vermillion behind, blue with
//! no expectation), but never alone.
//!
//! Texts are placed here in pixels, none measured by plotters (see `mod.rs`).

use super::canvas::{font, px, render, side, text, Area, Drawn, MAX_SIDE};
use super::label::{chars_in, clean, truncate, width_px, wrap};
use super::legend;
use super::palette;
use crate::format::{format_decimal, format_percent};
use crate::i18n::Lang;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Indicators against their targets, with every text in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressChart {
    pub title: String,
    /// Top to bottom.
    pub rows: Vec<ProgressRow>,
    /// The legend's names: the bar ("Thực hiện"), shown when no row has an
    /// expected share; the target's mark ("Mục tiêu"); the stretch target's
    /// ("Mục tiêu phấn đấu"); the expected mark ("Kỳ vọng đến nay"). An
    /// empty name leaves its entry out.
    pub actual_label: String,
    pub target_label: String,
    pub stretch_label: String,
    pub expected_label: String,
    /// Under a row's numbers when it has an expected share, and in the
    /// legend for the bars' two colours: "Đúng tiến độ", "Chậm tiến độ".
    pub on_track_label: String,
    pub behind_label: String,
    /// Under the axis: "% so với mục tiêu".
    pub axis_label: String,
    /// In pixels, clamped to 160..=4000; the height follows from the rows.
    pub width: u32,
    /// How numbers are written (`1.234,5` or `1,234.5`).
    pub lang: Lang,
    /// Shown instead of a chart when there are no rows.
    pub empty_text: String,
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressRow {
    pub label: String,
    /// What the records add up to. NaN or infinite: not known, no bar.
    pub actual: f64,
    /// The target for the period. Zero, negative or not finite: no target,
    /// so no share achieved, no marks, and the numbers only.
    pub target: f64,
    /// The stretch target (the upper end of a range), in the target's unit.
    pub stretch: Option<f64>,
    /// The share of the period elapsed, 0..=1 (held there): a row is on
    /// track when `actual >= expected_share × target`.
    pub expected_share: Option<f64>,
}

impl ProgressRow {
    /// The share of the target achieved, in percent, when there is a target.
    pub fn percent(&self) -> Option<f64> {
        (self.target.is_finite() && self.target > 0.0 && self.actual.is_finite()).then(|| self.actual.max(0.0) / self.target * 100.0)
    }

    /// On track (`Some(true)`) or behind, when the row has a target and an expected share.
    pub fn on_track(&self) -> Option<bool> {
        let expected = self.expected_share.filter(|e| e.is_finite())?.clamp(0.0, 1.0);
        let percent = self.percent()?;
        Some(percent + 1e-9 >= expected * 100.0)
    }
}

const PAD: f64 = 8.0;
const TITLE_PX: f64 = 16.0;
const TEXT_PX: f64 = 12.0;
const TICK_PX: f64 = 11.0;
const LINE: f64 = 14.0;
const ROW: f64 = 44.0;
/// A row's height when some name takes three lines: at `ROW` they nearly touched the next row's.
const ROW_THREE_LINES: f64 = 52.0;
/// Lines a row's name may take. The plan's longest indicator names need three at a report's
/// width, and a printed name cut with `…` cannot be read.
const LABEL_LINES: usize = 3;
const BAR: f64 = 14.0;
/// Below the rows: tick labels, then the axis's name.
const TICKS_HEIGHT: f64 = 20.0;
const AXIS_LABEL_HEIGHT: f64 = 16.0;
/// The scale stops here (percent of target); a bar past it reaches the end and its numbers say how far.
const MAX_PERCENT: f64 = 200.0;
/// Numbers past this (a thousand trillion) are written as this: nothing counted here gets near.
const VALUE_LIMIT: f64 = 1e15;
const MAX_TITLE_CHARS: usize = 500;

/// The SVG of the indicators' progress. Never panics; always a whole `<svg>` document.
pub fn progress_svg(chart: &ProgressChart) -> String {
    let width = side(chart.width);
    let title = truncate(&clean(&chart.title), MAX_TITLE_CHARS);
    let layout = Layout::new(chart, f64::from(width), !title.is_empty());
    let height = side(px(layout.height).max(0) as u32);
    render(width, height, &title, |area| draw(area, chart, &layout, &title))
}

/// What goes in the legend, in order.
#[derive(Clone, Copy)]
enum Key {
    Actual,
    OnTrack,
    Behind,
    Target,
    Stretch,
    Expected,
}

/// The chart's vertical layout, worked out before drawing because the height follows from it.
struct Layout {
    width: f64,
    height: f64,
    rows_top: f64,
    /// How many rows are drawn: as many as fit in the tallest chart.
    drawn: usize,
    /// Each row's height.
    row: f64,
    /// Each drawn row's name, a line at a time.
    labels: Vec<Vec<String>>,
    keys: Vec<Key>,
    legend: Vec<legend::Entry>,
    legend_rows: usize,
}

impl Layout {
    fn new(chart: &ProgressChart, width: f64, titled: bool) -> Layout {
        let rows_top = if titled { PAD + TITLE_PX + 14.0 } else { PAD + 6.0 };
        let has_expected = chart.rows.iter().any(|r| r.on_track().is_some());
        let has_stretch = chart.rows.iter().any(|r| stretch_percent(r).is_some());
        let has_target = chart.rows.iter().any(|r| r.percent().is_some());
        // A bar is green or vermillion when its row has a verdict, blue when it has none.
        let has_plain = chart.rows.is_empty() || chart.rows.iter().any(|r| r.on_track().is_none() && r.percent().is_some_and(|p| p > 0.0));
        let mut keys = Vec::new();
        if has_expected {
            keys.extend([Key::OnTrack, Key::Behind]);
        }
        if has_plain || !has_expected {
            keys.push(Key::Actual);
        }
        if has_target {
            keys.push(Key::Target);
        }
        if has_stretch {
            keys.push(Key::Stretch);
        }
        if has_expected {
            keys.push(Key::Expected);
        }
        keys.retain(|&k| !clean(key_name(chart, k)).is_empty());
        let names: Vec<String> = keys.iter().map(|&k| clean(key_name(chart, k))).collect();
        let (legend, legend_rows) = if chart.rows.is_empty() { (Vec::new(), 0) } else { legend::layout(&names, PAD, width, 3) };
        let below = TICKS_HEIGHT + if clean(&chart.axis_label).is_empty() { 0.0 } else { AXIS_LABEL_HEIGHT } + legend_rows as f64 * legend::ROW + 6.0 + PAD;
        let fit = |row: f64| ((f64::from(MAX_SIDE) - rows_top - below) / row).floor().max(1.0) as usize;
        // The rows the tallest chart could hold at the usual height decide it: a three-line
        // name that would not be drawn does not make every row taller.
        let label_chars = chars_in(width * 0.3, TEXT_PX).max(6);
        let mut labels: Vec<Vec<String>> = chart.rows.iter().take(fit(ROW)).map(|r| wrap(&clean(&r.label), label_chars, LABEL_LINES)).collect();
        let row = if labels.iter().any(|l| l.len() > 2) { ROW_THREE_LINES } else { ROW };
        let drawn = chart.rows.len().min(fit(row));
        labels.truncate(drawn);
        let height = if drawn == 0 { rows_top + 80.0 } else { rows_top + drawn as f64 * row + below };
        Layout { width, height, rows_top, drawn, row, labels, keys, legend, legend_rows }
    }
}

fn key_name(chart: &ProgressChart, key: Key) -> &str {
    match key {
        Key::Actual => &chart.actual_label,
        Key::OnTrack => &chart.on_track_label,
        Key::Behind => &chart.behind_label,
        Key::Target => &chart.target_label,
        Key::Stretch => &chart.stretch_label,
        Key::Expected => &chart.expected_label,
    }
}

fn stretch_percent(row: &ProgressRow) -> Option<f64> {
    let stretch = row.stretch.filter(|s| s.is_finite() && *s > 0.0)?;
    (row.target.is_finite() && row.target > 0.0).then(|| stretch / row.target * 100.0)
}

fn bar_colour(row: &ProgressRow) -> RGBColor {
    match row.on_track() {
        Some(true) => palette::ON_TRACK,
        Some(false) => palette::BEHIND,
        None => palette::series(0),
    }
}

fn number(v: f64, lang: Lang) -> String {
    format_decimal(v.clamp(-VALUE_LIMIT, VALUE_LIMIT), 1, lang)
}

/// A row's numbers: `12 / 10 · 120%`, or `12 / —` without a target; `—` for an unknown actual.
fn numbers_text(row: &ProgressRow, lang: Lang) -> String {
    let actual = if row.actual.is_finite() { number(row.actual, lang) } else { "—".to_string() };
    match row.percent() {
        Some(p) => format!("{actual} / {} · {}", number(row.target, lang), format_percent(p.min(VALUE_LIMIT), lang)),
        None if row.target.is_finite() && row.target > 0.0 => format!("{actual} / {}", number(row.target, lang)),
        None => format!("{actual} / —"),
    }
}

fn status_text(chart: &ProgressChart, row: &ProgressRow) -> String {
    match row.on_track() {
        Some(true) => clean(&chart.on_track_label),
        Some(false) => clean(&chart.behind_label),
        None => String::new(),
    }
}

/// The scale's end, in percent of target: 100, or more to hold the rows' bars and stretch marks, to 200.
fn scale_end(rows: &[ProgressRow]) -> (f64, f64) {
    let most = rows.iter().flat_map(|r| [r.percent(), stretch_percent(r)]).flatten().fold(100.0f64, f64::max).min(MAX_PERCENT);
    let step = if most <= 150.0 { 25.0 } else { 50.0 };
    ((most / step).ceil() * step, step)
}

fn draw(area: &Area, chart: &ProgressChart, layout: &Layout, title: &str) -> Drawn {
    let width = layout.width;
    let title_line = truncate(title, chars_in(width - 2.0 * PAD, TITLE_PX));
    text(area, &title_line, (px(width / 2.0), px(PAD)), &font(TITLE_PX, palette::TEXT), HPos::Center, VPos::Top)?;
    let rows = &chart.rows[..layout.drawn];
    if rows.is_empty() {
        let message = truncate(&clean(&chart.empty_text), chars_in(width - 2.0 * PAD, TEXT_PX));
        return text(area, &message, (px(width / 2.0), px(layout.rows_top + 40.0)), &font(TEXT_PX, palette::MUTED_TEXT), HPos::Center, VPos::Center);
    }

    // Columns: names left, numbers right, the track between.
    let (labels, row_height) = (&layout.labels, layout.row);
    let value_chars = chars_in(width * 0.28, TICK_PX).max(4);
    let values: Vec<[String; 2]> =
        rows.iter().map(|r| [truncate(&numbers_text(r, chart.lang), value_chars), truncate(&status_text(chart, r), value_chars)]).collect();
    let label_width = labels.iter().flatten().map(|l| width_px(l, TEXT_PX)).fold(0.0, f64::max).min(width * 0.32);
    let value_width = values.iter().flatten().map(|l| width_px(l, TICK_PX)).fold(0.0, f64::max).min(width * 0.3);
    let x0 = PAD + label_width + 10.0;
    let x1 = (width - PAD - value_width - 10.0).max(x0 + 20.0);
    let (end, step) = scale_end(rows);
    let at = |percent: f64| x0 + (x1 - x0) * percent.clamp(0.0, end) / end;
    let rows_bottom = layout.rows_top + rows.len() as f64 * row_height;

    // Grid and ticks: percent of target.
    let tick_style = font(TICK_PX, palette::TEXT);
    for k in 0..=((end / step).round() as usize) {
        let p = k as f64 * step;
        let x = px(at(p));
        let colour = if k == 0 { palette::AXIS } else { palette::GRID };
        area.draw(&PathElement::new(vec![(x, px(layout.rows_top)), (x, px(rows_bottom))], colour.stroke_width(1)))?;
        text(area, &format!("{}%", p.round() as i64), (x, px(rows_bottom + 4.0)), &tick_style, HPos::Center, VPos::Top)?;
    }
    let axis_label = clean(&chart.axis_label);
    if !axis_label.is_empty() {
        let axis_label = truncate(&axis_label, chars_in(x1 - x0 + 2.0 * value_width, TEXT_PX));
        text(area, &axis_label, (px((x0 + x1) / 2.0), px(rows_bottom + TICKS_HEIGHT + 2.0)), &font(TEXT_PX, palette::TEXT), HPos::Center, VPos::Top)?;
    }

    let label_style = font(TEXT_PX, palette::TEXT);
    let status_style = font(TICK_PX, palette::MUTED_TEXT);
    for (i, row) in rows.iter().enumerate() {
        let mid = layout.rows_top + i as f64 * row_height + row_height / 2.0;
        let (bar_top, bar_bottom) = (px(mid - BAR / 2.0), px(mid + BAR / 2.0));
        let first = mid - (labels[i].len().max(1) - 1) as f64 * LINE / 2.0;
        for (k, line) in labels[i].iter().enumerate() {
            text(area, line, (px(PAD), px(first + k as f64 * LINE)), &label_style, HPos::Left, VPos::Center)?;
        }

        area.draw(&Rectangle::new([(px(x0), bar_top), (px(x1), bar_bottom)], palette::TRACK.filled()))?;
        if let Some(p) = row.percent() {
            if p > 0.0 {
                area.draw(&Rectangle::new([(px(x0), bar_top), (px(at(p)).max(px(x0) + 1), bar_bottom)], bar_colour(row).filled()))?;
            }
            let x = px(at(100.0));
            area.draw(&PathElement::new(vec![(x, bar_top - 5), (x, bar_bottom + 5)], palette::TARGET.stroke_width(2)))?;
        }
        if let Some(s) = stretch_percent(row) {
            let x = px(at(s));
            area.draw(&DashedPathElement::new(vec![(x, bar_top - 5), (x, bar_bottom + 5)], 3, 2, palette::TARGET.stroke_width(2)))?;
        }
        if let (Some(e), Some(_)) = (row.expected_share.filter(|e| e.is_finite()), row.on_track()) {
            let x = px(at(e.clamp(0.0, 1.0) * 100.0));
            area.draw(&PathElement::new(vec![(x, bar_top), (x, bar_bottom)], palette::TEXT.stroke_width(1)))?;
            area.draw(&Polygon::new(vec![(x - 5, bar_top - 9), (x + 5, bar_top - 9), (x, bar_top - 2)], palette::TEXT.filled()))?;
        }

        let [numbers, status] = &values[i];
        let x = px(x1 + 10.0);
        if status.is_empty() {
            text(area, numbers, (x, px(mid)), &tick_style, HPos::Left, VPos::Center)?;
        } else {
            text(area, numbers, (x, px(mid - LINE / 2.0)), &tick_style, HPos::Left, VPos::Center)?;
            text(area, status, (x, px(mid + LINE / 2.0)), &status_style, HPos::Left, VPos::Center)?;
        }
    }

    let legend_top = rows_bottom + TICKS_HEIGHT + if axis_label.is_empty() { 0.0 } else { AXIS_LABEL_HEIGHT } + 6.0;
    let _ = layout.legend_rows;
    legend::draw(area, &layout.legend, legend_top, |k, x, y| {
        let (x1, mid) = (x + px(legend::SWATCH), x + px(legend::SWATCH / 2.0));
        match layout.keys[k] {
            Key::Actual => area.draw(&Rectangle::new([(x, y - 6), (x1, y + 6)], palette::series(0).filled())),
            Key::OnTrack => area.draw(&Rectangle::new([(x, y - 6), (x1, y + 6)], palette::ON_TRACK.filled())),
            Key::Behind => area.draw(&Rectangle::new([(x, y - 6), (x1, y + 6)], palette::BEHIND.filled())),
            Key::Target => area.draw(&PathElement::new(vec![(mid, y - 8), (mid, y + 8)], palette::TARGET.stroke_width(2))),
            Key::Stretch => area.draw(&DashedPathElement::new(vec![(mid, y - 8), (mid, y + 8)], 3, 2, palette::TARGET.stroke_width(2))),
            Key::Expected => area.draw(&Polygon::new(vec![(mid - 5, y - 5), (mid + 5, y - 5), (mid, y + 3)], palette::TEXT.filled())),
        }
    })
}
