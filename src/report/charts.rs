//! Section II's charts, from the same report as the tables: the indicators
//! against their targets (`charts::progress_svg`) and the budget of each plan
//! item by source (`charts::bars_svg`), in millions of VND.

use super::Report;
use crate::charts::{BarChart, BarSeries, ProgressChart, ProgressRow};
use crate::i18n::{Lang, Msg};

/// Wide enough for the indicators' names beside their bars on an A4 page.
const WIDTH: u32 = 640;

/// The indicators with a target, each as a share of it, and how much of the period has passed on `today`.
pub fn progress_chart(report: &Report, today: &str, lang: Lang) -> ProgressChart {
    let elapsed = if report.period.not_started(today) { None } else { report.period.elapsed_share(today) };
    ProgressChart {
        title: lang.t(Msg::ReportChartProgress).to_string(),
        rows: report
            .indicators
            .iter()
            .filter_map(|r| r.target.map(|target| ProgressRow { label: r.label.clone(), actual: r.actual, target, stretch: r.stretch, expected_share: elapsed }))
            .collect(),
        actual_label: lang.t(Msg::ReportColActual).to_string(),
        target_label: lang.t(Msg::ReportColTarget).to_string(),
        stretch_label: lang.t(Msg::ReportColStretch).to_string(),
        expected_label: lang.t(Msg::ReportChartExpected).to_string(),
        on_track_label: lang.t(Msg::ReportPaceOnTrack).to_string(),
        behind_label: lang.t(Msg::ReportPaceBehind).to_string(),
        axis_label: lang.t(Msg::ReportChartPercentOfTarget).to_string(),
        width: WIDTH,
        lang,
        empty_text: lang.t(Msg::ReportNoRows).to_string(),
    }
}

/// The budget of each plan item, one series per source, in millions of VND.
pub fn budget_chart(report: &Report, lang: Lang) -> BarChart {
    let lines = &report.budget.lines;
    let million = |x: u64| x as f64 / 1_000_000.0;
    let series = |msg: Msg, f: fn(&super::content::Money) -> u64| BarSeries { name: lang.t(msg).to_string(), values: lines.iter().map(|l| million(f(&l.money))).collect() };
    let mut all = vec![series(Msg::ReportFundingState, |m| m.state_budget), series(Msg::ReportFundingMobilised, |m| m.mobilised)];
    // "Not stated" only when some budget has no source, so a clean year's chart has two series.
    if report.budget.total.not_stated > 0 {
        all.push(series(Msg::ReportFundingNotStated, |m| m.not_stated));
    }
    BarChart {
        title: lang.t(Msg::ReportChartBudget).to_string(),
        categories: lines.iter().map(|l| if l.plan_item.is_empty() { l.label.clone() } else { format!("{} {}", l.plan_item, l.label) }).collect(),
        series: all,
        horizontal: true,
        percent: false,
        target: None,
        value_label: lang.t(Msg::ReportChartMillionVnd).to_string(),
        width: WIDTH,
        height: 320,
        lang,
        empty_text: lang.t(Msg::ReportNoRows).to_string(),
    }
}
