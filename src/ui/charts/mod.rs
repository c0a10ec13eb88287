//! Charts on the page: [`ChartSvg`] sets a chart's SVG (the one place that
//! does), [`ChartFigure`] adds its numbers for screen readers and its
//! downloads. The charts themselves are drawn in `crate::charts`.

mod chart_svg;
mod figure;

pub use chart_svg::ChartSvg;
pub use figure::{ChartFigure, ChartTable};
