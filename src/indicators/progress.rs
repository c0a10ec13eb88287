//! Target against actual: % achieved, and whether the indicator is on track
//! for the share of the period that has passed.

use super::actual::{Behind, Facts, Figure};
use super::definition::{Indicator, Indicators};
use super::period::Period;
use super::target::{target_with, StoredTargets, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// No target for this period (or a unit: the plan's targets are the province's).
    NoTarget,
    /// The period has not begun.
    NotStarted,
    /// The actual has reached the target.
    Achieved,
    /// At least the target's share for the time passed.
    OnTrack,
    /// Below it.
    Behind,
    /// The period is over and the target was not reached.
    Missed,
}

impl Pace {
    pub fn key(self) -> &'static str {
        match self {
            Pace::NoTarget => "no_target",
            Pace::NotStarted => "not_started",
            Pace::Achieved => "achieved",
            Pace::OnTrack => "on_track",
            Pace::Behind => "behind",
            Pace::Missed => "missed",
        }
    }
}

/// `actual` against `target` when `elapsed` (0 to 1) of the period has passed;
/// `elapsed` `None` means the period has not started.
pub fn pace(actual: f64, target: Option<f64>, elapsed: Option<f64>) -> Pace {
    let Some(target) = target.filter(|t| t.is_finite()) else { return Pace::NoTarget };
    let Some(elapsed) = elapsed else { return Pace::NotStarted };
    if actual >= target {
        Pace::Achieved
    } else if elapsed >= 1.0 {
        Pace::Missed
    } else if actual >= target * elapsed {
        Pace::OnTrack
    } else {
        Pace::Behind
    }
}

/// The actual value as a percentage of the target; none for no target or a target of 0.
pub fn percent_achieved(actual: f64, target: Option<f64>) -> Option<f64> {
    target.filter(|t| *t > 0.0 && t.is_finite()).map(|t| actual / t * 100.0)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub target: Option<Target>,
    pub actual: Figure,
    pub percent: Option<f64>,
    /// Share of the period passed, 0 to 1 (`None` before it starts or for a bad date).
    pub elapsed: Option<f64>,
    /// The target's share for the time passed.
    pub expected: Option<f64>,
    pub pace: Pace,
}

/// One indicator's progress in a period and unit, on `today` (`YYYY-MM-DD`).
/// With a unit, there is no target: the plan's targets are the province's.
/// `behind`: whether its actual lists the records behind it.
pub fn progress(defs: &Indicators, indicator: &Indicator, facts: &Facts, stored: &StoredTargets, (period, unit): (Period, Option<&str>), today: &str, behind: Behind) -> Progress {
    let target = if unit.is_some() { None } else { target_with(defs, indicator, period, stored) };
    let actual = facts.actual_with(indicator, period, unit, behind);
    let elapsed = if period.not_started(today) { None } else { period.elapsed_share(today) };
    let value = target.as_ref().map(|t| t.value);
    let a = actual.value as f64;
    Progress {
        percent: percent_achieved(a, value),
        expected: value.zip(elapsed).map(|(t, e)| t * e),
        pace: pace(a, value, elapsed),
        elapsed,
        target,
        actual,
    }
}
