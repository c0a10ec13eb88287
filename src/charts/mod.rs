//! Charts as SVG text: pure functions from data to a `String` the page
//! inlines, drawn with plotters' SVG backend. No browser API, no Leptos:
//! the charts are tested natively with `cargo test`, against stored SVG
//! snapshots (`snapshots/*.svg`, `UPDATE_SNAPSHOTS=1` rewrites them).
//!
//! - [`radar_svg`]: readiness per module on one assessment, and the one before.
//! - [`line_svg`]: readiness (or an indicator) over time, against a target.
//! - [`progress_svg`]: the programme's indicators against their targets, one
//!   bar each as a share of its target, with the stretch target and what the
//!   share of the period elapsed expects by now (on track or behind).
//! - [`bars_svg`]: categories × series as columns or horizontal bars, with a
//!   target line: trends by year, breakdowns by administrative unit, the
//!   distribution of readiness scores, shares of enterprises (percent axis).
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

mod axis;
mod bars;
mod canvas;
mod file_name;
mod label;
mod legend;
mod line;
mod palette;
mod progress;
mod radar;

pub use bars::{bars_svg, BarChart, BarSeries};
pub use file_name::file_stem;
pub use label::escape_xml;
pub use line::{line_svg, LineChart, Series, XLabels, YRange};
pub use progress::{progress_svg, ProgressChart, ProgressRow};
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

    fn progress_with_label(label: &str) -> ProgressChart {
        ProgressChart {
            title: label.to_string(),
            rows: vec![ProgressRow { label: label.to_string(), actual: 3.0, target: 10.0, stretch: Some(11.5), expected_share: Some(0.5) }],
            actual_label: label.to_string(),
            target_label: label.to_string(),
            stretch_label: label.to_string(),
            expected_label: label.to_string(),
            on_track_label: label.to_string(),
            behind_label: label.to_string(),
            axis_label: label.to_string(),
            width: 1200,
            ..ProgressChart::default()
        }
    }

    fn bars_with_label(label: &str, horizontal: bool) -> BarChart {
        BarChart {
            title: label.to_string(),
            categories: vec![label.to_string(), "b".into()],
            series: vec![BarSeries { name: label.to_string(), values: vec![1.0, 2.0] }, BarSeries { name: "s".into(), values: vec![3.0] }],
            horizontal,
            target: Some((label.to_string(), 1.5)),
            value_label: label.to_string(),
            width: 1200,
            height: 600,
            ..BarChart::default()
        }
    }

    #[test]
    fn text_is_escaped_once() {
        let hostile = r#"<script>alert(1)</script> "&'"#;
        let all = [
            radar_svg(&radar_with_label(hostile)),
            line_svg(&line_with_label(hostile)),
            progress_svg(&progress_with_label(hostile)),
            bars_svg(&bars_with_label(hostile, false)),
            bars_svg(&bars_with_label(hostile, true)),
        ];
        for svg in all {
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
            let all = [
                radar_svg(&radar_with_label(label)),
                line_svg(&line_with_label(label)),
                progress_svg(&progress_with_label(label)),
                bars_svg(&bars_with_label(label, false)),
                bars_svg(&bars_with_label(label, true)),
            ];
            for svg in all {
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
        let label = "a\0b\u{1}c\u{FFFF}";
        for svg in [radar_svg(&radar_with_label(label)), progress_svg(&progress_with_label(label)), bars_svg(&bars_with_label(label, true))] {
            assert_well_formed(&svg);
            assert!(svg.contains("a b c"), "{svg}");
        }
    }

    #[test]
    fn progress_is_on_track_when_it_keeps_up_with_the_period() {
        let row = |actual: f64, target: f64, expected_share: Option<f64>| ProgressRow { label: "x".into(), actual, target, stretch: None, expected_share };
        assert_eq!(row(6.0, 10.0, Some(0.6)).on_track(), Some(true), "6 of 10 at 60 % of the period");
        assert_eq!(row(5.0, 10.0, Some(0.6)).on_track(), Some(false));
        assert_eq!(row(5.0, 10.0, None).on_track(), None, "no expectation, no verdict");
        assert_eq!(row(5.0, 0.0, Some(0.6)).on_track(), None, "no target, no verdict");
        assert_eq!(row(9.0, 10.0, Some(7.0)).on_track(), Some(false), "a share past the period's end counts as its end");
        assert_eq!(row(f64::NAN, 10.0, Some(0.5)).percent(), None);
        assert_eq!(row(15.0, 10.0, None).percent(), Some(150.0));
    }

    #[test]
    fn progress_writes_each_rows_numbers_and_verdict() {
        let chart = ProgressChart {
            rows: vec![
                ProgressRow { label: "Lớp đào tạo".into(), actual: 7.0, target: 10.0, stretch: None, expected_share: Some(0.6) },
                ProgressRow { label: "Chuyên gia".into(), actual: 9.0, target: 20.0, stretch: None, expected_share: Some(0.6) },
                ProgressRow { label: "Thử nghiệm".into(), actual: 1.0, target: 0.0, stretch: None, expected_share: Some(0.6) },
            ],
            on_track_label: "Đúng tiến độ".into(),
            behind_label: "Chậm tiến độ".into(),
            width: 900,
            lang: crate::i18n::Lang::Vi,
            ..ProgressChart::default()
        };
        let svg = progress_svg(&chart);
        assert!(svg.contains(">\n7 / 10 · 70%\n</text>") && svg.contains(">\n9 / 20 · 45%\n</text>") && svg.contains(">\n1 / —\n</text>"), "{svg}");
        assert_eq!(svg.matches(">\nĐúng tiến độ\n</text>").count(), 2, "once for the row, once in the legend: {svg}");
        assert_eq!(svg.matches(">\nChậm tiến độ\n</text>").count(), 2, "{svg}");
        assert!(svg.contains(&format!("fill=\"#{:02X}{:02X}{:02X}\"", palette::BEHIND.0, palette::BEHIND.1, palette::BEHIND.2)), "{svg}");
    }

    #[test]
    fn bars_write_values_and_a_percent_axis() {
        let chart = BarChart {
            categories: vec!["ISO 9001".into(), "5S".into()],
            series: vec![BarSeries { name: "Tỷ lệ".into(), values: vec![34.5, 120.0] }],
            horizontal: true,
            percent: true,
            width: 640,
            lang: crate::i18n::Lang::Vi,
            ..BarChart::default()
        };
        let svg = bars_svg(&chart);
        assert!(svg.contains(">\n34,5%\n</text>") && svg.contains(">\n100%\n</text>"), "values past 100 % are drawn at 100 %: {svg}");
        assert!(!svg.contains("120"), "{svg}");
        assert!(!svg.contains("Tỷ lệ"), "one series needs no legend: {svg}");
    }

    #[test]
    fn counts_get_whole_ticks() {
        let chart = BarChart {
            categories: vec!["2021".into()],
            series: vec![BarSeries { name: "Lớp".into(), values: vec![12.0] }],
            width: 640,
            height: 300,
            ..BarChart::default()
        };
        let svg = bars_svg(&chart);
        assert!(svg.contains(">\n15\n</text>") && !svg.contains("2.5") && !svg.contains("2,5"), "{svg}");
        let zeros = bars_svg(&BarChart { series: vec![BarSeries { name: "Lớp".into(), values: vec![0.0] }], ..chart });
        assert!(zeros.contains(">\n5\n</text>") && !zeros.contains("0.2"), "{zeros}");
    }

    #[test]
    fn a_horizontal_chart_grows_with_its_categories() {
        let chart = |n: usize| BarChart {
            categories: (0..n).map(|i| format!("Xã số {i}")).collect(),
            series: vec![BarSeries { name: "x".into(), values: (0..n).map(|i| i as f64).collect() }],
            horizontal: true,
            width: 640,
            ..BarChart::default()
        };
        let height = |svg: &str| svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).and_then(|h| h.parse::<u32>().ok()).unwrap();
        assert!(height(&bars_svg(&chart(102))) > height(&bars_svg(&chart(12))));
        // Thousands of units: as many as fit in the tallest chart, still a whole SVG.
        let svg = bars_svg(&chart(5_000));
        assert_well_formed(&svg);
        assert!((3_900..=4_000).contains(&height(&svg)), "{}", height(&svg));
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
