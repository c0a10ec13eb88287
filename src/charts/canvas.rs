//! The SVG every chart is drawn on, and the text it writes.

use super::label::escape_xml;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the charts draw on: an SVG written into a `String`.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// What drawing returns. Writing into a `String` does not fail, so an error
/// here can only be a plotters bug; the chart then shows what was drawn
/// before it (see [`render`]).
pub type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// The smallest and largest side of a chart in pixels: below, nothing fits;
/// above, a mistaken size would make a string of gigabytes' worth of nothing.
pub const MIN_SIDE: u32 = 160;
pub const MAX_SIDE: u32 = 4000;

pub fn side(px: u32) -> u32 {
    px.clamp(MIN_SIDE, MAX_SIDE)
}

/// Draws with `draw` on a white `width` × `height` SVG and returns its text,
/// titled `title` for screen readers (`role="img"` and a `<title>`).
///
/// A drawing error is dropped rather than passed on: the SVG backend closes
/// every tag it opened when it is dropped, so the string is still a whole
/// SVG, and a chart with a piece missing beats a page that fails.
pub fn render(width: u32, height: u32, title: &str, draw: impl FnOnce(&Area) -> Drawn) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE).and_then(|()| draw(&root));
        let _ = root.present();
    }
    accessible(svg, title)
}

/// Adds `role="img"` and a `<title>` to the root tag plotters wrote. Its
/// attributes are numbers and the namespace, so its first `>` ends it.
fn accessible(svg: String, title: &str) -> String {
    let Some(end) = svg.find('>') else { return svg };
    let (head, body) = svg.split_at(end + 1);
    let head = head.replacen("<svg ", "<svg role=\"img\" ", 1);
    format!("{head}\n<title>{}</title>{body}", escape_xml(title))
}

/// A text style of `px` pixels. plotters writes `font-size` as the size it is
/// given divided by 1.24 (its font sizes are em boxes); this undoes that so
/// the sizes here are the sizes in the SVG.
pub fn font(px: f64, color: RGBColor) -> TextStyle<'static> {
    // The family by name, not as text: plotters lower-cases a family given as text, which
    // would bring the standard library's case tables into the first download (`case`).
    (FontFamily::SansSerif, px * 1.24).into_font().color(&color)
}

/// Draws one line of text at a pixel of `area`, anchored as `h`/`v` say.
/// plotters' SVG backend writes it without measuring it (see `mod.rs`).
pub fn text(area: &Area, line: &str, at: (i32, i32), style: &TextStyle, h: HPos, v: VPos) -> Drawn {
    if line.is_empty() {
        return Ok(());
    }
    area.draw(&Text::new(line.to_string(), at, style.pos(Pos::new(h, v))))
}

/// A pixel coordinate from a computed position: rounded, and kept far from
/// `i32`'s ends so no arithmetic on it downstream overflows.
pub fn px(v: f64) -> i32 {
    if v.is_nan() {
        return 0;
    }
    v.round().clamp(-1_000_000.0, 1_000_000.0) as i32
}
