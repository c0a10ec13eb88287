//! Bar charts: categories × one or more series, as columns or as horizontal
//! bars, with an optional target line and the values written on the bars.
//! The dashboard's trend (years), breakdown by administrative unit (long
//! Vietnamese names: horizontal, names wrapped on two lines and cut between
//! characters), the distribution of readiness scores (bins the caller
//! names), and the share of surveyed enterprises applying each system or
//! tool (a percent axis).
//!
//! Texts are placed here in pixels, none measured by plotters (see `mod.rs`).

use super::axis;
use super::canvas::{font, px, render, side, text, Area, Drawn, MAX_SIDE};
use super::label::{chars_in, clean, truncate, width_px, wrap};
use super::legend;
use super::palette;
use crate::format::{format_decimal, format_percent};
use crate::i18n::Lang;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

/// A bar chart's data and its texts, all in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    pub title: String,
    /// Along the category axis, in order: years, units, score bins, tools.
    pub categories: Vec<String>,
    /// One bar per category each, side by side, coloured in order from the
    /// palette; a legend names them when there are two or more.
    pub series: Vec<BarSeries>,
    /// Bars left to right, categories top to bottom (long names); else columns.
    pub horizontal: bool,
    /// Values are percentages: the axis runs 0–100 % and values outside are
    /// drawn at 0 or 100. Else the axis fits the values (and the target).
    pub percent: bool,
    /// A dashed line across the bars: its name and value.
    pub target: Option<(String, f64)>,
    /// Along the value axis ("Số lớp", "Tỷ lệ doanh nghiệp (%)").
    pub value_label: String,
    /// In pixels, each clamped to 160..=4000. A horizontal chart's height
    /// follows from its categories and `height` is not used.
    pub width: u32,
    pub height: u32,
    /// How numbers are written (`1.234,5` or `1,234.5`).
    pub lang: Lang,
    /// Shown instead of a chart when there is no category or no value.
    pub empty_text: String,
}

/// One series: its name and a value per category (by position). A value
/// missing, NaN or infinite draws no bar.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarSeries {
    pub name: String,
    pub values: Vec<f64>,
}

impl BarChart {
    /// Keeps the `n` categories with the highest total over the series, highest
    /// first (equal totals keep their order), and says whether any was left
    /// out. A value missing or not finite adds nothing. Why: the merged
    /// province's 102 communes and wards drawn as bars make a chart some 4,000
    /// pixels tall, which nobody reads; the table beside it lists every one.
    pub fn top(&mut self, n: usize) -> bool {
        let total = |i: usize| self.series.iter().filter_map(|s| s.values.get(i)).filter(|v| v.is_finite()).sum::<f64>();
        let mut order: Vec<(usize, f64)> = (0..self.categories.len()).map(|i| (i, total(i))).collect();
        crate::sort::sort_by(&mut order, |a, b| b.1.total_cmp(&a.1));
        let cut = order.len() > n;
        order.truncate(n);
        self.categories = order.iter().map(|(i, _)| self.categories[*i].clone()).collect();
        for s in &mut self.series {
            s.values = order.iter().map(|(i, _)| s.values.get(*i).copied().unwrap_or(f64::NAN)).collect();
        }
        cut
    }
}

const PAD: f64 = 8.0;
const TITLE_PX: f64 = 16.0;
const TEXT_PX: f64 = 12.0;
const TICK_PX: f64 = 11.0;
const VALUE_PX: f64 = 10.0;
const LINE: f64 = 14.0;
/// Lines a horizontal chart's category name may take (its band grows to hold them): the
/// plan items' names need three at a report's width.
const LABEL_LINES: usize = 3;
/// A horizontal bar's thickness.
const BAR: f64 = 16.0;
/// At most this many series are drawn (the palette repeats after six anyway).
const MAX_SERIES: usize = 12;
/// At most this many columns: past it each would be under a pixel on the widest chart.
const MAX_COLUMNS: usize = 1_000;
/// Past this many bars, values are not written on them.
const MAX_VALUE_TEXTS: usize = 200;
/// Values in a fitted axis are held within this (a thousand trillion), so its arithmetic stays finite.
const FIT_LIMIT: f64 = 1e15;
const MAX_TITLE_CHARS: usize = 500;

/// The SVG of a bar chart. Never panics; always a whole `<svg>` document.
pub fn bars_svg(chart: &BarChart) -> String {
    let width = side(chart.width);
    let title = truncate(&clean(&chart.title), MAX_TITLE_CHARS);
    let data = Data::new(chart, f64::from(width), !title.is_empty());
    let height = if chart.horizontal && !data.is_empty() { side(horizontal_height(&data) as u32) } else { side(chart.height) };
    render(width, height, &title, |area| draw(area, chart, &data, (f64::from(width), f64::from(height)), &title))
}

/// The chart's numbers as drawn: values held to the axis, texts cleaned, layout that sets the height.
struct Data {
    top: f64,
    /// Category names, wrapped (horizontal) or cleaned (vertical), as many as are drawn.
    categories: Vec<String>,
    /// `values[k][i]`: series `k`, category `i`.
    values: Vec<Vec<Option<f64>>>,
    lo: f64,
    hi: f64,
    step: f64,
    target: Option<(String, f64)>,
    legend: Vec<legend::Entry>,
    legend_rows: usize,
    value_label: String,
    /// Horizontal: each category's lines, and the height of a category's band.
    label_lines: Vec<Vec<String>>,
    band: f64,
}

impl Data {
    fn new(chart: &BarChart, width: f64, titled: bool) -> Data {
        let top = if titled { PAD + TITLE_PX + 14.0 } else { PAD + 6.0 };
        let series = &chart.series[..chart.series.len().min(MAX_SERIES)];
        let held = |v: f64| if chart.percent { v.clamp(0.0, 100.0) } else { v.clamp(-FIT_LIMIT, FIT_LIMIT) };
        let target = chart.target.as_ref().filter(|(_, v)| v.is_finite()).map(|(name, v)| (clean(name), held(*v)));
        let names: Vec<String> = series.iter().map(|s| clean(&s.name)).collect();
        let value_label = clean(&chart.value_label);
        let (legend, legend_rows) = if series.len() > 1 { legend::layout(&names, PAD, width, 3) } else { (Vec::new(), 0) };

        // Horizontal: each band holds the series' bars and the name's lines; as many bands as fit in the tallest chart.
        let label_chars = chars_in(width * 0.3, TEXT_PX).max(6);
        let mut label_lines: Vec<Vec<String>> = Vec::new();
        let mut band = 0.0;
        let count = if chart.horizontal {
            label_lines = chart.categories.iter().take(MAX_SIDE as usize).map(|c| wrap(&clean(c), label_chars, LABEL_LINES)).collect();
            let most_lines = label_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
            band = (series.len().max(1) as f64 * if series.len() > 1 { BAR * 0.75 } else { BAR } + 10.0).max(most_lines as f64 * LINE + 8.0);
            let fixed = top + horizontal_fixed(&target, &value_label, legend_rows);
            (((f64::from(MAX_SIDE) - fixed) / band).floor().max(1.0) as usize).min(chart.categories.len())
        } else {
            chart.categories.len().min(MAX_COLUMNS)
        };
        label_lines.truncate(count);
        let values: Vec<Vec<Option<f64>>> =
            series.iter().map(|s| (0..count).map(|i| s.values.get(i).copied().filter(|v| v.is_finite()).map(held)).collect()).collect();
        let all = || values.iter().flatten().flatten().copied().chain(target.as_ref().map(|t| t.1));
        let (lo, hi, step) = if chart.percent {
            (0.0, 100.0, 20.0)
        } else if all().all(|v| v.abs() < 1e-12) {
            // Nothing but zeros (no class held yet): whole numbers, not a scale of 0 to 0,2.
            (0.0, 5.0, 1.0)
        } else {
            axis::fit_with(all(), all().all(|v| v.fract() == 0.0))
        };
        let categories = chart.categories.iter().take(count).map(|c| clean(c)).collect();
        Data { top, categories, values, lo, hi, step, target, legend, legend_rows, value_label, label_lines, band }
    }

    fn is_empty(&self) -> bool {
        self.categories.is_empty() || self.values.iter().flatten().all(Option::is_none)
    }

    fn legend_height(&self) -> f64 {
        if self.legend_rows == 0 {
            0.0
        } else {
            self.legend_rows as f64 * legend::ROW + 6.0
        }
    }
}

/// Room above and below a horizontal chart's bands: the target's name above, ticks, axis name and legend below.
fn horizontal_fixed(target: &Option<(String, f64)>, value_label: &str, legend_rows: usize) -> f64 {
    let above = if target.as_ref().is_some_and(|t| !t.0.is_empty()) { 18.0 } else { 4.0 };
    let legend = if legend_rows == 0 { 0.0 } else { legend_rows as f64 * legend::ROW + 6.0 };
    above + 20.0 + if value_label.is_empty() { 0.0 } else { 18.0 } + legend + PAD
}

fn horizontal_height(data: &Data) -> f64 {
    data.top + horizontal_fixed(&data.target, &data.value_label, data.legend_rows) + data.categories.len() as f64 * data.band
}

fn value_text(v: f64, chart: &BarChart) -> String {
    if chart.percent {
        format_percent(v, chart.lang)
    } else {
        format_decimal(v, 2, chart.lang)
    }
}

fn tick_text(v: f64, chart: &BarChart) -> String {
    if chart.percent {
        format!("{}%", v.round() as i64)
    } else {
        format_decimal(v, 2, chart.lang)
    }
}

/// Where bar `k` of `series` sits across a band of `band` pixels: its offset and thickness.
fn slot(k: usize, series: usize, band: f64, fill: f64) -> (f64, f64) {
    let group = band * fill;
    let each = group / series.max(1) as f64;
    ((band - group) / 2.0 + k as f64 * each, each)
}

fn draw(area: &Area, chart: &BarChart, data: &Data, (width, height): (f64, f64), title: &str) -> Drawn {
    let title_line = truncate(title, chars_in(width - 2.0 * PAD, TITLE_PX));
    text(area, &title_line, (px(width / 2.0), px(PAD)), &font(TITLE_PX, palette::TEXT), HPos::Center, VPos::Top)?;
    if data.is_empty() {
        let message = truncate(&clean(&chart.empty_text), chars_in(width - 2.0 * PAD, TEXT_PX));
        let middle = (px(width / 2.0), px((data.top + height - PAD) / 2.0));
        return text(area, &message, middle, &font(TEXT_PX, palette::MUTED_TEXT), HPos::Center, VPos::Center);
    }
    if chart.horizontal {
        draw_horizontal(area, chart, data, width)?;
    } else {
        draw_vertical(area, chart, data, (width, height))?;
    }
    let legend_top = height - PAD - data.legend_height() + 6.0;
    legend::draw(area, &data.legend, legend_top, |k, x, y| {
        area.draw(&Rectangle::new([(x, y - 6), (x + px(legend::SWATCH), y + 6)], palette::series(k).filled()))
    })
}

/// The target's name on a white chip, left of `(x, y)`'s right or right of its left.
fn target_chip(area: &Area, name: &str, (x, y): (i32, i32), max_width: f64) -> Drawn {
    let name = truncate(name, chars_in(max_width, TICK_PX));
    let chip = px(width_px(&name, TICK_PX)) + 6;
    area.draw(&Rectangle::new([(x - 3, y - 7), (x + chip - 3, y + 7)], WHITE.mix(0.85).filled()))?;
    text(area, &name, (x, y), &font(TICK_PX, palette::TARGET), HPos::Left, VPos::Center)
}

fn draw_vertical(area: &Area, chart: &BarChart, data: &Data, (width, height): (f64, f64)) -> Drawn {
    let ticks = axis::ticks(data.lo, data.hi, data.step);
    let tick_texts: Vec<String> = ticks.iter().map(|&v| tick_text(v, chart)).collect();
    let tick_width = tick_texts.iter().map(|t| width_px(t, TICK_PX)).fold(0.0, f64::max).min(width * 0.3);
    let left = PAD + if data.value_label.is_empty() { 0.0 } else { TEXT_PX + 8.0 } + tick_width + 8.0;
    let right = width - PAD - 4.0;
    let n = data.categories.len();
    let band_width = (right - left) / n as f64;
    // Category names: two lines under their column, or, when columns are too narrow for
    // four characters, one line under every k-th column.
    let every = (4.0 * TICK_PX * 0.55 / band_width).ceil().max(1.0) as usize;
    let (name_chars, name_lines) = if every == 1 { (chars_in(band_width - 4.0, TICK_PX), 2) } else { (chars_in(band_width * every as f64 - 6.0, TICK_PX), 1) };
    let names: Vec<Vec<String>> =
        data.categories.iter().enumerate().map(|(i, c)| if i % every == 0 { wrap(c, name_chars, name_lines) } else { Vec::new() }).collect();
    let name_height = 8.0 + names.iter().map(Vec::len).max().unwrap_or(0) as f64 * LINE;
    // Room above the tallest column for its value.
    let top = data.top + 12.0;
    let bottom = (height - PAD - data.legend_height() - name_height).max(top + 20.0);
    let right = right.max(left + 20.0);
    let band_width = (right - left) / n as f64;
    let y = |v: f64| bottom - (v - data.lo) / (data.hi - data.lo) * (bottom - top);

    let tick_style = font(TICK_PX, palette::TEXT);
    for (&v, label) in ticks.iter().zip(&tick_texts) {
        let ty = px(y(v));
        let colour = if v == data.lo { palette::AXIS } else { palette::GRID };
        area.draw(&PathElement::new(vec![(px(left), ty), (px(right), ty)], colour.stroke_width(1)))?;
        let label = truncate(label, chars_in(tick_width + 2.0, TICK_PX));
        text(area, &label, (px(left) - 6, ty), &tick_style, HPos::Right, VPos::Center)?;
    }
    area.draw(&PathElement::new(vec![(px(left), px(top)), (px(left), px(bottom))], palette::AXIS.stroke_width(1)))?;
    if !data.value_label.is_empty() {
        let style = font(TEXT_PX, palette::TEXT).transform(FontTransform::Rotate270);
        let label = truncate(&data.value_label, chars_in(bottom - top, TEXT_PX));
        text(area, &label, (px(PAD), px((top + bottom) / 2.0)), &style, HPos::Center, VPos::Top)?;
    }

    let series = data.values.len();
    let fill = if series > 1 { 0.84 } else { 0.7 };
    let zero = y(0.0f64.clamp(data.lo, data.hi));
    let bars = series * n;
    let value_style = font(VALUE_PX, palette::TEXT);
    for (k, values) in data.values.iter().enumerate() {
        let colour = palette::series(k);
        for (i, v) in values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let (offset, thickness) = slot(k, series, band_width, fill);
            let x0 = left + i as f64 * band_width + offset;
            let (x0, x1) = (px(x0), px(x0 + thickness).max(px(x0) + 1));
            let (y0, y1) = (px(y(v).min(zero)), px(y(v).max(zero)));
            area.draw(&Rectangle::new([(x0, y0), (x1, y1.max(y0 + 1))], colour.filled()))?;
            let label = value_text(v, chart);
            if bars <= MAX_VALUE_TEXTS && width_px(&label, VALUE_PX) <= thickness + 8.0 {
                let (ly, anchor) = if v >= 0.0 { (y0 - 3, VPos::Bottom) } else { (y1 + 3, VPos::Top) };
                text(area, &label, ((x0 + x1) / 2, ly), &value_style, HPos::Center, anchor)?;
            }
        }
    }
    if data.lo < 0.0 {
        area.draw(&PathElement::new(vec![(px(left), px(zero)), (px(right), px(zero))], palette::AXIS.stroke_width(1)))?;
    }

    for (i, lines) in names.iter().enumerate() {
        let x = px(left + (i as f64 + 0.5) * band_width);
        for (k, line) in lines.iter().enumerate() {
            text(area, line, (x, px(bottom + 6.0 + k as f64 * LINE)), &tick_style, HPos::Center, VPos::Top)?;
        }
    }

    if let Some((name, value)) = &data.target {
        let ty = px(y(*value));
        area.draw(&DashedPathElement::new(vec![(px(left), ty), (px(right), ty)], 6, 4, palette::TARGET.stroke_width(2)))?;
        if !name.is_empty() {
            target_chip(area, name, (px(left) + 6, ty - 10), (right - left) * 0.6)?;
        }
    }
    Ok(())
}

fn draw_horizontal(area: &Area, chart: &BarChart, data: &Data, width: f64) -> Drawn {
    let n = data.categories.len();
    let label_width = data.label_lines.iter().flatten().map(|l| width_px(l, TEXT_PX)).fold(0.0, f64::max).min(width * 0.32);
    let value_texts: Vec<Vec<Option<String>>> = data.values.iter().map(|vs| vs.iter().map(|v| v.map(|v| value_text(v, chart))).collect()).collect();
    let value_width = value_texts.iter().flatten().flatten().map(|t| width_px(t, VALUE_PX)).fold(0.0, f64::max).min(width * 0.2);
    let ticks = axis::ticks(data.lo, data.hi, data.step);
    let tick_texts: Vec<String> = ticks.iter().map(|&v| tick_text(v, chart)).collect();
    let last_tick_half = tick_texts.last().map_or(0.0, |t| width_px(t, TICK_PX) / 2.0);
    let left = PAD + label_width + 10.0;
    let right = (width - PAD - value_width.max(last_tick_half) - 6.0).max(left + 20.0);
    let named_target = data.target.as_ref().is_some_and(|t| !t.0.is_empty());
    let top = data.top + if named_target { 18.0 } else { 4.0 };
    let bottom = top + n as f64 * data.band;
    let x = |v: f64| left + (v - data.lo) / (data.hi - data.lo) * (right - left);

    let tick_style = font(TICK_PX, palette::TEXT);
    let mut last_right = f64::NEG_INFINITY;
    for (&v, label) in ticks.iter().zip(&tick_texts) {
        let tx = x(v);
        let colour = if v == data.lo { palette::AXIS } else { palette::GRID };
        area.draw(&PathElement::new(vec![(px(tx), px(top)), (px(tx), px(bottom))], colour.stroke_width(1)))?;
        // Long numbers on a narrow chart: only the tick labels that do not touch the last one written.
        let half = width_px(label, TICK_PX) / 2.0;
        if tx - half > last_right + 6.0 {
            text(area, label, (px(tx), px(bottom + 4.0)), &tick_style, HPos::Center, VPos::Top)?;
            last_right = tx + half;
        }
    }
    if !data.value_label.is_empty() {
        let label = truncate(&data.value_label, chars_in(right - left + value_width, TEXT_PX));
        text(area, &label, (px((left + right) / 2.0), px(bottom + 22.0)), &font(TEXT_PX, palette::TEXT), HPos::Center, VPos::Top)?;
    }

    let label_style = font(TEXT_PX, palette::TEXT);
    for (i, lines) in data.label_lines.iter().enumerate() {
        let mid = top + (i as f64 + 0.5) * data.band;
        let first = mid - (lines.len().max(1) - 1) as f64 * LINE / 2.0;
        for (k, line) in lines.iter().enumerate() {
            text(area, line, (px(PAD), px(first + k as f64 * LINE)), &label_style, HPos::Left, VPos::Center)?;
        }
    }

    let series = data.values.len();
    let thickness = if series > 1 { BAR * 0.75 } else { BAR };
    let zero = x(0.0f64.clamp(data.lo, data.hi));
    let value_style = font(VALUE_PX, palette::TEXT);
    for (k, values) in data.values.iter().enumerate() {
        let colour = palette::series(k);
        for (i, v) in values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let y0 = top + i as f64 * data.band + (data.band - thickness * series as f64) / 2.0 + k as f64 * thickness;
            let (y0, y1) = (px(y0), px(y0 + thickness) - 1);
            let (x0, x1) = (px(x(v).min(zero)), px(x(v).max(zero)));
            area.draw(&Rectangle::new([(x0, y0), (x1.max(x0 + 1), y1)], colour.filled()))?;
            if let Some(label) = &value_texts[k][i] {
                let label = truncate(label, chars_in(value_width + 4.0, VALUE_PX));
                let mid = (y0 + y1) / 2;
                if v >= 0.0 {
                    text(area, &label, (x1.max(x0 + 1) + 4, mid), &value_style, HPos::Left, VPos::Center)?;
                } else {
                    text(area, &label, (x0 - 4, mid), &value_style, HPos::Right, VPos::Center)?;
                }
            }
        }
    }
    if data.lo < 0.0 {
        area.draw(&PathElement::new(vec![(px(zero), px(top)), (px(zero), px(bottom))], palette::AXIS.stroke_width(1)))?;
    }

    if let Some((name, value)) = &data.target {
        let tx = px(x(*value));
        area.draw(&DashedPathElement::new(vec![(tx, px(top) - 4), (tx, px(bottom))], 6, 4, palette::TARGET.stroke_width(2)))?;
        if !name.is_empty() {
            // Above the bars, starting at the line, or ending at it near the right edge.
            let name = truncate(name, chars_in((right - left) * 0.6, TICK_PX));
            let w = width_px(&name, TICK_PX);
            let start = if f64::from(tx) + w + 6.0 > width - PAD { f64::from(tx) - w - 3.0 } else { f64::from(tx) + 3.0 };
            target_chip(area, &name, (px(start.max(PAD)), px(top - 11.0)), (right - left) * 0.6)?;
        }
    }
    Ok(())
}
