//! The plan's indicators against its targets, counted from records. Pure: no
//! browser APIs; the dashboard, the records-behind page and the annual report
//! call the same functions.
//!
//! The API, smallest first:
//! - [`shipped`] — the indicators (`data/indicators.json`): label, unit, rule, default target, "how it is counted".
//! - [`Period`] — 2021-2025, 2026-2030 or a year; `Period::parse`/`key` for URLs and stored targets.
//! - [`StoredTargets::new`] over `IndicatorTarget` records, then [`target_with`] (stored, else the plan's default, the 2026-2030
//!   uplift range with its upper end as the stretch, or a year's share of its term); [`default_target`] ignores stored ones.
//! - [`Facts::new`] reads the activities once; `Facts::actual` / `trend` / `breakdown` give a [`Figure`]:
//!   the value and the ids of the activities (and enterprises) behind it.
//! - [`progress`] — target, actual, % achieved and [`Pace`] on a given day (never the clock).
//! - [`SurveyFacts`] / [`AssessmentFacts`] — systems and tools applied among surveyed enterprises; readiness bands.
//!
//! How records count (also in `actual.rs`): deleted activities never; retired kinds and units always;
//! an activity counts in its own unit, else in its enterprises' units; with a unit chosen there is no target.

pub mod actual;
pub mod definition;
pub mod period;
pub mod progress;
pub mod survey_view;
pub mod target;
#[cfg(test)]
mod tests;

pub use actual::{Behind, Fact, Facts, Figure};
pub use definition::{shipped, Comparison, Indicator, Indicators, Per, Rule};
pub use period::Period;
pub use progress::{pace, percent_achieved, progress, Pace, Progress};
pub use survey_view::{AssessmentFacts, ModuleBands, RowShare, SurveyCounts, SurveyFacts, SurveyShares};
pub use target::{default_target, parse_target, parse_target_pair, raised, target_with, StoredTargets, Target, TargetInputError, TargetSource};
