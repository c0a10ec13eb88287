//! A legend laid out in rows under a chart: names with a swatch before
//! each, left to right, as many rows as allowed, the rest left out with `…`.
//! Each chart draws its own swatches (a bar, a line, a mark).

use super::canvas::{font, px, text, Area, Drawn};
use super::label::{chars_in, truncate, width_px};
use super::palette;
use plotters::style::text_anchor::{HPos, VPos};

pub const TEXT_PX: f64 = 12.0;
pub const ROW: f64 = 18.0;
pub const SWATCH: f64 = 22.0;
const GAP: f64 = 16.0;

/// A legend entry placed: which name it shows (`None` for the `…` that says
/// more were left out), its text, where it starts and on which row.
pub struct Entry {
    pub index: Option<usize>,
    pub name: String,
    pub x: f64,
    pub row: usize,
}

/// The entries for `names` (already cleaned) across `width`, from `left`,
/// and the number of rows used. Past `max_rows` rows the last entry becomes `…`.
pub fn layout(names: &[String], left: f64, width: f64, max_rows: usize) -> (Vec<Entry>, usize) {
    let name_chars = chars_in(width * 0.45, TEXT_PX);
    let mut placed: Vec<Entry> = Vec::new();
    let (mut x, mut row) = (left, 0);
    for (k, name) in names.iter().enumerate() {
        let name = truncate(name, name_chars);
        let item = SWATCH + 6.0 + width_px(&name, TEXT_PX);
        if x > left && x + item > width - left {
            row += 1;
            x = left;
        }
        if row >= max_rows {
            if let Some(last) = placed.last_mut() {
                last.index = None;
                last.name = "…".to_string();
            }
            return (placed, max_rows);
        }
        placed.push(Entry { index: Some(k), name, x, row });
        x += item + GAP;
    }
    let rows = placed.last().map_or(0, |e| e.row + 1);
    (placed, rows)
}

/// Draws the entries with their rows' tops at `top`: `swatch` draws entry
/// `index`'s swatch in the box from `(x, y - 6)` to `(x + SWATCH, y + 6)`.
pub fn draw(area: &Area, entries: &[Entry], top: f64, mut swatch: impl FnMut(usize, i32, i32) -> Drawn) -> Drawn {
    let style = font(TEXT_PX, palette::TEXT);
    for entry in entries {
        let (x, y) = (px(entry.x), px(top + entry.row as f64 * ROW + ROW / 2.0));
        if let Some(k) = entry.index {
            swatch(k, x, y)?;
        }
        text(area, &entry.name, (px(entry.x + SWATCH + 6.0), y), &style, HPos::Left, VPos::Center)?;
    }
    Ok(())
}
