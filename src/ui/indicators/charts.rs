//! The dashboard's charts, drawn by `crate::charts` from the same numbers as
//! the tables beside them: progress against targets, year by year, by unit,
//! systems and tools applied, readiness bands. Each is a `ChartFigure`: the
//! picture, its numbers as a table for screen readers, SVG and PNG downloads.

use super::data::IndicatorData;
use super::data::unit_row_label;
use super::figures::DashboardFigures;
use crate::charts::{bars_svg, progress_svg, BarChart, BarSeries, ProgressChart, ProgressRow};
use crate::format::{format_decimal, format_int, format_percent};
use crate::i18n::{Lang, Msg};
use crate::indicators::{shipped, Period};
use crate::readiness::Band;
use crate::ui::charts::{ChartFigure, ChartTable};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;

const WIDTH: u32 = 900;
/// The trend chart shows these: counts of one order (the organisations guided, in hundreds, would flatten them).
const COUNTED: [&str; 5] = ["training_classes", "experts_trained", "enterprises_supported", "testing_fields", "award_entrants"];
/// The unit chart: what is done in a place (experts and testing fields belong to no unit).
const IN_UNITS: [&str; 3] = ["training_classes", "enterprises_supported", "award_entrants"];
/// The unit chart draws the units with the highest counts (`BarChart::top`); the unit table lists all.
const TOP_UNITS: usize = 15;

fn n(x: f64, l: Lang) -> String {
    format_decimal(x, 1, l)
}

#[component]
pub fn IndicatorCharts(data: IndicatorData, figures: DashboardFigures, period: Signal<Period>) -> impl IntoView {
    let lang = use_lang();
    let register = expect_context::<crate::ui::state::Register>();
    let defs = shipped();
    let file = move |what: &str| format!("{what} {}", period.get().key());

    let progress_chart = Memo::new(move |_| {
        let l = lang.get();
        let p = period.get();
        figures.progress.with(|all| {
            // Only indicators with a target have a share of it; the table beside the chart has the others.
            let rows: Vec<(String, &crate::indicators::Progress)> =
                all.iter().filter(|(_, pr)| pr.target.is_some()).map(|(id, pr)| (defs.get(id).map(|d| d.label.get(l).to_string()).unwrap_or_default(), pr)).collect();
            // Once the period is over, "on track" means reached: the words say so.
            let over = rows.iter().any(|(_, pr)| pr.elapsed == Some(1.0));
            let chart = ProgressChart {
                title: format!("{} · {}", l.t(Msg::IndTitle), p.key()),
                rows: rows.iter().map(|(label, pr)| ProgressRow {
                    label: label.clone(),
                    actual: pr.actual.value as f64,
                    target: pr.target.as_ref().map_or(0.0, |t| t.value),
                    stretch: pr.target.as_ref().and_then(|t| t.stretch),
                    expected_share: pr.target.as_ref().and(pr.elapsed),
                }).collect(),
                actual_label: l.t(Msg::IndActual).into(),
                target_label: l.t(Msg::IndTarget).into(),
                stretch_label: l.t(Msg::TargetFieldStretch).into(),
                expected_label: l.t(Msg::IndChartExpected).into(),
                on_track_label: l.t(if over { Msg::IndPaceAchieved } else { Msg::IndPaceOnTrack }).into(),
                behind_label: l.t(if over { Msg::IndPaceMissed } else { Msg::IndPaceBehind }).into(),
                axis_label: l.t(Msg::IndChartAxis).into(),
                width: WIDTH,
                lang: l,
                empty_text: l.t(Msg::IndChartEmpty).into(),
            };
            let table = ChartTable {
                caption: chart.title.clone(),
                header: vec![l.t(Msg::IndIndicator).into(), l.t(Msg::IndTarget).into(), l.t(Msg::IndActual).into(), l.t(Msg::IndPercent).into(), l.t(Msg::IndPace).into()],
                rows: rows.iter().map(|(label, pr)| vec![
                    label.clone(),
                    pr.target.as_ref().map(|t| n(t.value, l)).unwrap_or_else(|| "—".into()),
                    format_int(pr.actual.value as i64, l),
                    pr.percent.map(|x| format_percent(x, l)).unwrap_or_else(|| "—".into()),
                    l.t(super::progress_table::pace_msg(pr.pace)).into(),
                ]).collect(),
            };
            (progress_svg(&chart), table)
        })
    });

    let trend_chart = Memo::new(move |_| {
        let l = lang.get();
        let term = period.get().term_or_self();
        let years: Vec<String> = term.years().map(|y| y.to_string()).collect();
        let series: Vec<BarSeries> = figures.trend.with(|rows| COUNTED.iter().filter_map(|id| Some((defs.get(id)?, &rows.iter().find(|(x, _)| x == id)?.1))).map(|(i, years)| BarSeries {
            name: i.label.get(l).to_string(),
            values: years.iter().map(|(_, x)| x.value as f64).collect(),
        }).collect());
        let chart = BarChart { title: format!("{} · {}", l.t(Msg::IndTrendTitle), term.key()), categories: years.clone(), series: series.clone(), value_label: l.t(Msg::IndChartCount).into(), width: WIDTH, height: 360, lang: l, empty_text: l.t(Msg::IndChartEmpty).into(), ..Default::default() };
        (bars_svg(&chart), bar_table(&chart, l))
    });

    let unit_chart = Memo::new(move |_| {
        let l = lang.get();
        let p = period.get();
        // The columns of the unit table that are done in a place, and the units where any of them counted.
        let columns: Vec<(usize, String)> = IN_UNITS.iter().filter_map(|id| defs.indicators.iter().position(|i| i.id == *id)).map(|c| (c, defs.indicators[c].label.get(l).to_string())).collect();
        let (categories, series) = figures.units.with(|rows| {
            let rows: Vec<_> = rows.iter().filter(|(_, values)| columns.iter().any(|(c, _)| values[*c].is_some())).collect();
            let categories = register.units.with(|units| rows.iter().map(|(u, _)| unit_row_label(units, u.as_deref(), l)).collect());
            let series = columns.iter().map(|(c, name)| BarSeries { name: name.clone(), values: rows.iter().map(|(_, values)| values[*c].unwrap_or(0) as f64).collect() }).collect();
            (categories, series)
        });
        let mut chart = BarChart { title: format!("{} · {}", l.t(Msg::IndBreakdownTitle), p.key()), categories, series, horizontal: true, value_label: l.t(Msg::IndChartCount).into(), width: WIDTH, height: 400, lang: l, empty_text: l.t(Msg::IndChartEmpty).into(), ..Default::default() };
        if chart.top(TOP_UNITS) {
            chart.title = format!("{} · {}", chart.title, l.t(Msg::IndBreakdownChartTop).replace("{n}", &TOP_UNITS.to_string()));
        }
        (bars_svg(&chart), bar_table(&chart, l))
    });

    let survey_chart = Memo::new(move |_| {
        let l = lang.get();
        let p = period.get();
        let categories = data.surveys.with(|s| s.rows.iter().map(|r| r.label.get(l).to_string()).collect());
        let values = figures.surveys.with(|s| s.applying.iter().map(|n| s.share(*n).unwrap_or(f64::NAN)).collect());
        let chart = BarChart {
            title: format!("{} · {}", l.t(Msg::IndSurveyTitle), p.key()),
            categories,
            series: vec![BarSeries { name: l.t(Msg::IndApplying).into(), values }],
            horizontal: true,
            percent: true,
            value_label: l.t(Msg::IndChartShareAxis).into(),
            width: WIDTH,
            height: 400,
            lang: l,
            empty_text: l.t(Msg::IndChartEmpty).into(),
            ..Default::default()
        };
        (bars_svg(&chart), bar_table(&chart, l))
    });

    let readiness_chart = Memo::new(move |_| {
        let l = lang.get();
        let p = period.get();
        let modules: Vec<(String, [usize; 3])> = figures.bands.with(|counts| data.assessments.with(|a| {
            a.with_counts(counts).map(|((_, short), c)| (short.get(l).to_string(), *c)).collect()
        }));
        let chart = BarChart {
            title: format!("{} · {}", l.t(Msg::IndReadinessTitle), p.key()),
            categories: modules.iter().map(|(short, _)| short.clone()).collect(),
            series: Band::ALL.iter().enumerate().map(|(i, b)| BarSeries { name: l.band(*b).into(), values: modules.iter().map(|(_, c)| c[i] as f64).collect() }).collect(),
            value_label: l.t(Msg::IndAssessments).into(),
            width: WIDTH,
            height: 360,
            lang: l,
            empty_text: l.t(Msg::IndChartEmpty).into(),
            ..Default::default()
        };
        (bars_svg(&chart), bar_table(&chart, l))
    });

    let fig = move |m: Memo<(String, ChartTable)>| (Signal::derive(move || m.with(|x| x.0.clone())), Signal::derive(move || m.with(|x| x.1.clone())));
    let (p_svg, p_table) = fig(progress_chart);
    let (t_svg, t_table) = fig(trend_chart);
    let (u_svg, u_table) = fig(unit_chart);
    let (s_svg, s_table) = fig(survey_chart);
    let (r_svg, r_table) = fig(readiness_chart);
    view! {
        <div class="ind-charts">
            <ChartFigure svg=p_svg table=p_table file_name=Signal::derive(move || file("chi tieu")) testid="chart-progress"/>
            <ChartFigure svg=t_svg table=t_table file_name=Signal::derive(move || file("theo nam")) testid="chart-trend"/>
            <ChartFigure svg=u_svg table=u_table file_name=Signal::derive(move || file("theo don vi")) testid="chart-units"/>
            <ChartFigure svg=s_svg table=s_table file_name=Signal::derive(move || file("he thong cong cu")) testid="chart-survey"/>
            <ChartFigure svg=r_svg table=r_table file_name=Signal::derive(move || file("muc san sang")) testid="chart-readiness"/>
        </div>
    }
}

/// A bar chart's numbers as a table: a row per category, a column per series.
fn bar_table(chart: &BarChart, l: Lang) -> ChartTable {
    let mut header = vec![String::new()];
    header.extend(chart.series.iter().map(|s| s.name.clone()));
    ChartTable {
        caption: chart.title.clone(),
        header,
        rows: chart.categories.iter().enumerate().map(|(i, c)| {
            let mut row = vec![c.clone()];
            row.extend(chart.series.iter().map(|s| match s.values.get(i) {
                Some(v) if v.is_finite() && chart.percent => format_percent(*v, l),
                Some(v) if v.is_finite() => n(*v, l),
                _ => "—".into(),
            }));
            row
        }).collect(),
    }
}
