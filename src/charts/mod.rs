//! Charts as SVG text: pure functions from data to a `String` the page
//! inlines, drawn with plotters' SVG backend. No browser API, no Leptos:
//! the charts are tested natively with `cargo test`, against stored SVG
//! snapshots (`snapshots/*.svg`, `UPDATE_SNAPSHOTS=1` rewrites them).
//!
//! - [`radar_svg`]: readiness per module on one assessment, and the one before.
//! - [`line_svg`]: readiness (or an indicator) over time, against a target.
//!
//! **Text is placed here, never measured by plotters.** In the wasm build
//! plotters measures text by adding a `<span>` to the page's `<body>` (its
//! `web` font module, with `unwrap`s): the result would depend on the
//! browser's fonts, differ from the native snapshots, and panic wherever
//! there is no `<body>`. What makes plotters measure is a chart caption
//! (`ChartBuilder::caption`), its series legend (`configure_series_labels`),
//! labels right of an axis and `MultiLineText`; the charts use none of them and
//! estimate widths themselves (`label::width_px`). `Text` elements are written
//! by the SVG backend without measuring.
//!
//! **Escaping.** Every text is someone's input. plotters' SVG backend escapes
//! `<`, `>`, `&`, `"` and `'` in text and attribute values
//! (`text_is_escaped_once`); what it does not handle, characters XML forbids
//! outright such as NUL, `label::clean` removes; the `<title>` the charts add
//! themselves is escaped by `label::escape_xml`.
//!
//! **No panics.** Values may be NaN, infinite or out of range, texts empty or
//! endless, sizes zero or huge; each chart documents what it draws then, and
//! the property tests throw arbitrary input at both.
//!
//! The output is deterministic: plotters writes integer pixel coordinates and
//! the charts format their own numbers.

mod canvas;
mod label;
mod line;
mod palette;
mod radar;

pub use line::{line_svg, LineChart, Series, XLabels, YRange};
pub use radar::{radar_svg, Radar, RadarAxis};

#[cfg(test)]
mod xml_check;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod snapshot_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;

#[cfg(test)]
mod tests {
    use super::xml_check::assert_well_formed;
    use super::*;

    fn radar_with_label(label: &str) -> Radar {
        Radar {
            title: label.to_string(),
            axes: vec![
                RadarAxis { label: label.to_string(), percent: Some(50.0), previous: Some(30.0) },
                RadarAxis { label: "b".into(), percent: Some(60.0), previous: None },
                RadarAxis { label: "c".into(), percent: None, previous: None },
            ],
            size: 1200,
            empty_text: String::new(),
            current_label: label.to_string(),
            previous_label: label.to_string(),
        }
    }

    fn line_with_label(label: &str) -> LineChart {
        LineChart {
            title: label.to_string(),
            y_label: label.to_string(),
            series: vec![Series { name: label.to_string(), points: vec![("2025-06-01".into(), 40.0), ("2026-06-01".into(), 70.0)] }],
            target: Some((label.to_string(), 70.0)),
            width: 1200,
            height: 600,
            ..LineChart::default()
        }
    }

    #[test]
    fn text_is_escaped_once() {
        let hostile = r#"<script>alert(1)</script> "&'"#;
        for svg in [radar_svg(&radar_with_label(hostile)), line_svg(&line_with_label(hostile))] {
            assert_well_formed(&svg);
            assert!(!svg.contains("<script"), "{svg}");
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{svg}");
            assert!(svg.contains("&quot;&amp;&apos;"), "{svg}");
            assert!(!svg.contains("&amp;lt;"), "escaped twice: {svg}");
        }
    }

    #[test]
    fn vietnamese_comes_through_intact() {
        for label in ["Lãnh đạo", "Đo lường, phân tích"] {
            for svg in [radar_svg(&radar_with_label(label)), line_svg(&line_with_label(label))] {
                assert_well_formed(&svg);
                assert!(svg.contains(&format!(">\n{label}\n</text>")), "{label} in {svg}");
            }
        }
        // Decomposed, as pasted from macOS: composed on the way in.
        let svg = radar_svg(&radar_with_label("La\u{303}nh đa\u{323}o"));
        assert!(svg.contains("Lãnh đạo") && !svg.contains('\u{303}'));
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        let svg = radar_svg(&radar_with_label("a\0b\u{1}c\u{FFFF}"));
        assert_well_formed(&svg);
        assert!(svg.contains("a b c"));
    }

    #[test]
    fn the_title_is_there_for_screen_readers() {
        let svg = line_svg(&line_with_label("Mức sẵn sàng & mục tiêu"));
        assert!(svg.starts_with("<svg role=\"img\" "), "{svg}");
        assert!(svg.contains("<title>Mức sẵn sàng &amp; mục tiêu</title>"), "{svg}");
    }

    #[test]
    fn sizes_are_held_to_a_sensible_range() {
        let tiny = radar_svg(&Radar { size: 0, ..radar_with_label("x") });
        assert!(tiny.contains("width=\"160\" height=\"160\""), "{tiny}");
        let huge = line_svg(&LineChart { width: u32::MAX, height: 1, ..line_with_label("x") });
        assert!(huge.contains("width=\"4000\" height=\"160\""), "{huge}");
    }

    #[test]
    fn unassessed_axes_keep_their_spoke_and_a_greyed_label() {
        let svg = radar_svg(&radar_with_label("a"));
        // Axis "c" has no value: its label is drawn in the unassessed grey.
        let c = svg.find(">\nc\n</text>").expect("label c");
        let tag = &svg[svg[..c].rfind("<text").unwrap()..c];
        assert!(tag.contains("fill=\"#767676\""), "{tag}");
    }

    #[test]
    fn one_or_two_axes_draw_spokes_and_points() {
        for n in [1, 2] {
            let axes = (0..n).map(|i| RadarAxis { label: format!("trục {i}"), percent: Some(40.0 + 10.0 * i as f64), previous: None }).collect();
            let svg = radar_svg(&Radar { axes, size: 300, ..Radar::default() });
            assert_well_formed(&svg);
            assert_eq!(svg.matches("<circle").count(), n, "a point per axis: {svg}");
            assert!(!svg.contains("<polygon"), "no area without three points: {svg}");
            assert!(svg.contains(">\ntrục 0\n</text>"), "{svg}");
        }
    }

    #[test]
    fn bad_dates_and_values_are_skipped() {
        let chart = LineChart {
            series: vec![Series {
                name: "s".into(),
                points: vec![("2026-02-30".into(), 50.0), ("hôm qua".into(), 50.0), ("2026-01-01".into(), f64::NAN), ("2026-03-01".into(), 55.0)],
            }],
            empty_text: "Chưa có dữ liệu".into(),
            ..LineChart::default()
        };
        let svg = line_svg(&chart);
        assert!(svg.contains("01/03/2026") && !svg.contains("Chưa có dữ liệu"), "{svg}");
        let none = line_svg(&LineChart { series: vec![Series { name: "s".into(), points: vec![("x".into(), 1.0)] }], ..chart });
        assert!(none.contains("Chưa có dữ liệu"), "{none}");
    }

    #[test]
    fn years_are_labelled_once() {
        let chart = LineChart {
            series: vec![Series { name: "NSLĐ".into(), points: vec![("2024-03-01".into(), 1.0), ("2024-09-01".into(), 2.0), ("2025-12-31".into(), 3.5)] }],
            x_labels: XLabels::Years,
            y_range: YRange::Fit,
            width: 800,
            height: 400,
            ..LineChart::default()
        };
        let svg = line_svg(&chart);
        assert_eq!(svg.matches(">\n2024\n</text>").count(), 1, "{svg}");
        assert_eq!(svg.matches(">\n2025\n</text>").count(), 1, "{svg}");
        assert!(svg.contains(">\n3,5\n</text>") || svg.contains(">\n4\n</text>"), "Vietnamese decimals on the axis: {svg}");
    }
}

