//! Section I: each indicator of the period against its target, as the
//! indicators module computes it for the whole province.

use crate::i18n::{Lang, Msg};
use crate::indicators::{progress, Comparison, Facts, Indicators, Pace, Period, StoredTargets};

/// One line of the indicator table.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub label: String,
    /// "lớp", "doanh nghiệp".
    pub unit: String,
    pub target: Option<f64>,
    /// "khoảng" rather than "tối thiểu".
    pub about: bool,
    /// The upper end to aim for (2026-2030: the uplift's 15 %).
    pub stretch: Option<f64>,
    pub actual: f64,
    /// Actual over target, in percent.
    pub achieved_percent: Option<f64>,
    pub pace: Pace,
}

/// Every indicator of `defs` for the province in `period`, on `today`.
pub fn indicator_rows(
    defs: &Indicators,
    facts: &Facts,
    stored: &StoredTargets,
    period: Period,
    today: &str,
    lang: Lang,
) -> Vec<IndicatorRow> {
    defs.indicators
        .iter()
        .map(|i| {
            let p = progress(defs, i, facts, stored, (period, None), today, crate::indicators::Behind::CountOnly);
            IndicatorRow {
                id: i.id.clone(),
                label: i.label.get(lang).to_string(),
                unit: i.unit.get(lang).to_string(),
                about: p
                    .target
                    .as_ref()
                    .is_some_and(|t| t.comparison == Comparison::About),
                stretch: p.target.as_ref().and_then(|t| t.stretch),
                target: p.target.as_ref().map(|t| t.value),
                actual: p.actual.value as f64,
                achieved_percent: p.percent,
                pace: p.pace,
            }
        })
        .collect()
}

/// The assessment column's words.
pub fn pace_msg(pace: Pace) -> Msg {
    match pace {
        Pace::NoTarget => Msg::ReportPaceNoTarget,
        Pace::NotStarted => Msg::ReportPaceNotStarted,
        Pace::Achieved => Msg::ReportPaceAchieved,
        Pace::OnTrack => Msg::ReportPaceOnTrack,
        Pace::Behind => Msg::ReportPaceBehind,
        Pace::Missed => Msg::ReportPaceMissed,
    }
}
