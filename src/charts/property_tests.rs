//! Arbitrary input never panics a chart, and always gives a whole SVG.

use super::xml_check::assert_well_formed;
use super::*;
use crate::arbitrary_text::{long_text, text};
use crate::i18n::Lang;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Any value, weighted towards the ones that break arithmetic.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..=100.0f64,
        2 => any::<f64>(),
        1 => select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, -1.0, 100.0001, 1e308, -1e308, f64::MIN_POSITIVE]),
    ]
}

/// Dates as files bring them: real ones, impossible ones, and any text.
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1900u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => (0u32..=9999, 0u32..=99, 0u32..=99).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => text(),
    ]
}

fn size() -> impl Strategy<Value = u32> {
    prop_oneof![3 => 0u32..1500, 1 => any::<u32>()]
}

fn radar(axes: impl Into<proptest::collection::SizeRange>, label: BoxedStrategy<String>) -> impl Strategy<Value = Radar> {
    let axis =
        (label, proptest::option::of(value()), proptest::option::of(value())).prop_map(|(label, percent, previous)| RadarAxis { label, percent, previous });
    (text(), vec(axis, axes), size(), text(), text(), text()).prop_map(|(title, axes, size, empty_text, current_label, previous_label)| Radar {
        title,
        axes,
        size,
        empty_text,
        current_label,
        previous_label,
    })
}

fn line_chart(series: usize, points: usize, name: BoxedStrategy<String>) -> impl Strategy<Value = LineChart> {
    let one = (name, vec((date(), value()), 0..=points)).prop_map(|(name, points)| Series { name, points });
    let x_labels = prop_oneof![Just(XLabels::Dates), Just(XLabels::Years)];
    let y_range = prop_oneof![Just(YRange::Percent), Just(YRange::Fit)];
    let lang = prop_oneof![Just(Lang::Vi), Just(Lang::En)];
    (text(), text(), vec(one, 0..=series), x_labels, y_range, proptest::option::of((text(), value())), (size(), size()), lang, text()).prop_map(
        |(title, y_label, series, x_labels, y_range, target, (width, height), lang, empty_text)| LineChart {
            title,
            y_label,
            series,
            x_labels,
            y_range,
            target,
            width,
            height,
            lang,
            empty_text,
        },
    )
}

fn progress(rows: usize, label: BoxedStrategy<String>) -> impl Strategy<Value = ProgressChart> {
    let row =
        (label, value(), value(), proptest::option::of(value()), proptest::option::of(value())).prop_map(|(label, actual, target, stretch, expected_share)| {
            ProgressRow { label, actual, target, stretch, expected_share: expected_share.map(|e| e / 100.0) }
        });
    let lang = prop_oneof![Just(Lang::Vi), Just(Lang::En)];
    (text(), vec(row, 0..=rows), vec(text(), 7), size(), lang, text()).prop_map(|(title, rows, texts, width, lang, empty_text)| ProgressChart {
        title,
        rows,
        actual_label: texts[0].clone(),
        target_label: texts[1].clone(),
        stretch_label: texts[2].clone(),
        expected_label: texts[3].clone(),
        on_track_label: texts[4].clone(),
        behind_label: texts[5].clone(),
        axis_label: texts[6].clone(),
        width,
        lang,
        empty_text,
    })
}

fn bars(categories: usize, series: usize, label: BoxedStrategy<String>) -> impl Strategy<Value = BarChart> {
    let one = (label.clone(), vec(value(), 0..=categories + 1)).prop_map(|(name, values)| BarSeries { name, values });
    let lang = prop_oneof![Just(Lang::Vi), Just(Lang::En)];
    let flags = (any::<bool>(), any::<bool>());
    (text(), vec(label, 0..=categories), vec(one, 0..=series), flags, proptest::option::of((text(), value())), text(), (size(), size()), lang, text()).prop_map(
        |(title, categories, series, (horizontal, percent), target, value_label, (width, height), lang, empty_text)| BarChart {
            title,
            categories,
            series,
            horizontal,
            percent,
            target,
            value_label,
            width,
            height,
            lang,
            empty_text,
        },
    )
}

proptest! {
    #[test]
    fn any_progress_chart_is_a_whole_svg(chart in progress(10, text().boxed())) {
        let svg = progress_svg(&chart);
        prop_assert!(svg.starts_with("<svg"));
        assert_well_formed(&svg);
    }

    #[test]
    fn any_bar_chart_is_a_whole_svg(chart in bars(14, 4, text().boxed())) {
        let svg = bars_svg(&chart);
        prop_assert!(svg.starts_with("<svg"));
        assert_well_formed(&svg);
    }

    #[test]
    fn the_top_categories_are_the_highest_totals_in_order(mut chart in bars(30, 3, text().boxed()), n in 0usize..20) {
        let total = |c: &BarChart, i: usize| c.series.iter().filter_map(|s| s.values.get(i)).filter(|v| v.is_finite()).sum::<f64>();
        let before = chart.clone();
        let mut all: Vec<f64> = (0..before.categories.len()).map(|i| total(&before, i)).collect();
        all.sort_by(|a, b| b.total_cmp(a));
        let cut = chart.top(n);
        prop_assert_eq!(cut, before.categories.len() > n);
        prop_assert_eq!(chart.categories.len(), before.categories.len().min(n));
        // Each kept category brings its own values, and the totals are the highest, highest first.
        let kept: Vec<f64> = (0..chart.categories.len()).map(|i| total(&chart, i)).collect();
        prop_assert_eq!(&kept[..], &all[..kept.len()]);
        for (i, name) in chart.categories.iter().enumerate() {
            let from = (0..before.categories.len()).filter(|j| &before.categories[*j] == name && total(&before, *j) == kept[i]).count();
            prop_assert!(from > 0, "{:?} is not one of the chart's categories with its total", name);
        }
        prop_assert!(chart.series.iter().all(|s| s.values.len() == chart.categories.len()));
        let svg = bars_svg(&chart);
        assert_well_formed(&svg);
    }

    #[test]
    fn any_radar_is_a_whole_svg(chart in radar(0..12, text().boxed())) {
        let svg = radar_svg(&chart);
        prop_assert!(svg.starts_with("<svg"));
        assert_well_formed(&svg);
    }

    #[test]
    fn any_line_chart_is_a_whole_svg(chart in line_chart(8, 12, text().boxed())) {
        let svg = line_svg(&chart);
        prop_assert!(svg.starts_with("<svg"));
        assert_well_formed(&svg);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// Thousands of axes and points.
    #[test]
    fn big_charts_are_whole_svgs(radar in radar(500..3_000, text().boxed()), chart in line_chart(3, 3_000, text().boxed())) {
        for svg in [radar_svg(&radar), line_svg(&chart)] {
            prop_assert!(svg.starts_with("<svg"));
            assert_well_formed(&svg);
        }
    }

    /// Hundreds of indicators, thousands of categories.
    #[test]
    fn big_programme_charts_are_whole_svgs(progress in progress(300, text().boxed()), bars in bars(3_000, 3, text().boxed())) {
        for svg in [progress_svg(&progress), bars_svg(&bars)] {
            prop_assert!(svg.starts_with("<svg"));
            assert_well_formed(&svg);
        }
    }

    /// Programme charts with labels of thousands of characters.
    #[test]
    fn long_programme_labels_are_whole_svgs(progress in progress(4, long_text().boxed()), bars in bars(4, 2, long_text().boxed())) {
        for svg in [progress_svg(&progress), bars_svg(&bars)] {
            prop_assert!(svg.starts_with("<svg"));
            assert_well_formed(&svg);
        }
    }

    /// Labels of thousands of characters.
    #[test]
    fn long_labels_are_whole_svgs(radar in radar(0..8, long_text().boxed()), chart in line_chart(3, 5, long_text().boxed())) {
        for svg in [radar_svg(&radar), line_svg(&chart)] {
            prop_assert!(svg.starts_with("<svg"));
            assert_well_formed(&svg);
        }
    }
}
