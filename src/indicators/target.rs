//! The target of an indicator for a period: the plan's default, the next
//! term's uplift range, a year's share of its term, or what the department
//! stored (an `IndicatorTarget` record), in that order of precedence from last to first.

use super::definition::{Comparison, Indicator, Indicators, Per};
use super::period::Period;
use crate::model::indicator_target::IndicatorTarget;
use crate::model::record::Record;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum TargetSource {
    /// The plan's figure for its first term.
    Plan,
    /// The next term: the earlier term's target raised by the uplift's range.
    Uplift,
    /// A year: its term's target divided by the term's years.
    YearShare,
    /// Set by an officer (`IndicatorTarget` record `record_id`).
    Stored { record_id: String, officer: String, updated_ms: i64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub value: f64,
    /// A higher target to aim for (the uplift's upper end, or one stored).
    pub stretch: Option<f64>,
    /// The uplift's range, lower and upper end, when the target comes from it.
    pub range: Option<(f64, f64)>,
    pub comparison: Comparison,
    pub source: TargetSource,
}

/// The targets officers stored, latest version per indicator and period.
#[derive(Debug, Clone, Default)]
pub struct StoredTargets {
    by_key: HashMap<(String, String), (String, String, i64, IndicatorTarget)>,
}

impl StoredTargets {
    /// Deleted records and those resetting to the default (no value) leave the default in place.
    pub fn new(records: &[Record<IndicatorTarget>]) -> StoredTargets {
        let mut latest: HashMap<(String, String), &Record<IndicatorTarget>> = HashMap::new();
        for r in records {
            let key = (r.payload.indicator_id.clone(), r.payload.period.clone());
            if latest.get(&key).is_none_or(|here| r.updated > here.updated) {
                latest.insert(key, r);
            }
        }
        let by_key = latest
            .into_iter()
            .filter(|(_, r)| !r.deleted && r.payload.value.is_some_and(|v| v.is_finite() && v >= 0.0))
            .map(|(k, r)| (k, (r.id.clone(), r.officer.clone(), r.updated.ms, r.payload.clone())))
            .collect();
        StoredTargets { by_key }
    }

    pub fn get(&self, indicator: &str, period: Period) -> Option<&IndicatorTarget> {
        self.by_key.get(&(indicator.to_string(), period.key())).map(|(_, _, _, t)| t)
    }

    fn target(&self, indicator: &Indicator, period: Period) -> Option<Target> {
        let (record_id, officer, updated_ms, t) = self.by_key.get(&(indicator.id.clone(), period.key()))?;
        Some(Target {
            value: t.value?,
            stretch: t.stretch.filter(|s| s.is_finite()),
            range: None,
            comparison: indicator.target.map_or(Comparison::AtLeast, |p| p.comparison),
            source: TargetSource::Stored { record_id: record_id.clone(), officer: officer.clone(), updated_ms: *updated_ms },
        })
    }
}

/// `base` raised by `percent`, rounded up to a whole number (11.5 classes is a target of 12).
pub fn raised(base: f64, percent: u32) -> f64 {
    // Through whole hundredths, so 10 × 1.10 is 11 and not 11.000000000000002 rounded up to 12.
    ((base * f64::from(100 + percent)).round() / 100.0).ceil()
}

/// The plan's default for `period`, ignoring stored targets.
pub fn default_target(defs: &Indicators, indicator: &Indicator, period: Period) -> Option<Target> {
    target_with(defs, indicator, period, &StoredTargets::default())
}

/// The target in force for `period`: stored, else the default worked out from
/// the targets in force for the terms it derives from (a stored 2021-2025
/// target moves the 2026-2030 default with it).
pub fn target_with(defs: &Indicators, indicator: &Indicator, period: Period, stored: &StoredTargets) -> Option<Target> {
    if let Some(t) = stored.target(indicator, period) {
        return Some(t);
    }
    let plan = indicator.target?;
    let first = Period::parse(&defs.uplift.from_term)?;
    let next = Period::parse(&defs.uplift.to_term)?;
    if period == first {
        let value = match plan.per {
            Per::Term => plan.value,
            Per::Year => plan.value * f64::from(first.len()),
        };
        return Some(Target { value, stretch: None, range: None, comparison: plan.comparison, source: TargetSource::Plan });
    }
    if period == next {
        let base = target_with(defs, indicator, first, stored)?.value;
        let (low, high) = (raised(base, defs.uplift.min_percent), raised(base, defs.uplift.max_percent));
        return Some(Target { value: low, stretch: Some(high), range: Some((low, high)), comparison: plan.comparison, source: TargetSource::Uplift });
    }
    if period.is_year() {
        let term = period.term().filter(|t| *t == first || *t == next)?;
        let whole = target_with(defs, indicator, term, stored)?;
        // A year's part of a term's count, as a whole number: "at least" rounded up (a year
        // that meets it keeps the term on course), "about" to the nearest, never below one.
        // "≥ 0,8 lĩnh vực" in a signed report reads as an error.
        let share = |x: f64| {
            let part = (x / f64::from(term.len()) * 100.0).round() / 100.0;
            let whole = match whole.comparison {
                Comparison::AtLeast => part.ceil(),
                Comparison::About => part.round(),
            };
            if part > 0.0 { whole.max(1.0) } else { whole }
        };
        return Some(Target {
            value: share(whole.value),
            stretch: whole.stretch.map(share),
            range: whole.range.map(|(a, b)| (share(a), share(b))),
            comparison: whole.comparison,
            source: TargetSource::YearShare,
        });
    }
    None
}

/// The largest target an officer may type.
pub const MAX_TARGET: f64 = 1_000_000.0;

/// Why a typed target was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetInputError {
    Empty,
    NotANumber,
    Negative,
    TooLarge,
    /// A fraction: every indicator counts things (classes, people, enterprises: `Rule`).
    NotWhole,
    /// The stretch target is below the target.
    StretchBelow,
}

/// Reads a target as an officer types it (`12`, `1.000` in Vietnamese): a whole number, as every
/// indicator counts things, and the plan's later term is worked out from it rounding up.
pub fn parse_target(text: &str, lang: crate::i18n::Lang) -> Result<f64, TargetInputError> {
    if text.trim().is_empty() {
        return Err(TargetInputError::Empty);
    }
    let v = crate::format::parse_decimal(text, lang).ok_or(TargetInputError::NotANumber)?;
    if v < 0.0 {
        Err(TargetInputError::Negative)
    } else if v > MAX_TARGET {
        Err(TargetInputError::TooLarge)
    } else if v.fract() != 0.0 {
        Err(TargetInputError::NotWhole)
    } else {
        // -0 typed as "-0" is 0.
        Ok(v.abs())
    }
}

/// A target and an optional stretch target as typed; the stretch may be left empty.
pub fn parse_target_pair(value: &str, stretch: &str, lang: crate::i18n::Lang) -> Result<(f64, Option<f64>), TargetInputError> {
    let v = parse_target(value, lang)?;
    let s = match parse_target(stretch, lang) {
        Err(TargetInputError::Empty) => None,
        other => Some(other?),
    };
    if s.is_some_and(|s| s < v) {
        return Err(TargetInputError::StretchBelow);
    }
    Ok((v, s))
}

#[cfg(test)]
mod input_tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn typed_targets() {
        assert_eq!(parse_target("12", Lang::Vi), Ok(12.0));
        assert_eq!(parse_target(" 12,0 ", Lang::Vi), Ok(12.0));
        assert_eq!(parse_target("1.000", Lang::Vi), Ok(1000.0));
        assert_eq!(parse_target("1,000", Lang::En), Ok(1000.0));
        assert_eq!(parse_target(" 2,5 ", Lang::Vi), Err(TargetInputError::NotWhole));
        assert_eq!(parse_target("3.14", Lang::En), Err(TargetInputError::NotWhole));
        assert_eq!(parse_target("", Lang::Vi), Err(TargetInputError::Empty));
        assert_eq!(parse_target("mười", Lang::Vi), Err(TargetInputError::NotANumber));
        assert_eq!(parse_target("-3", Lang::Vi), Err(TargetInputError::Negative));
        assert_eq!(parse_target("2000000", Lang::Vi), Err(TargetInputError::TooLarge));
        assert_eq!(parse_target_pair("12", "", Lang::Vi), Ok((12.0, None)));
        assert_eq!(parse_target_pair("12", "14", Lang::Vi), Ok((12.0, Some(14.0))));
        assert_eq!(parse_target_pair("12", "11", Lang::Vi), Err(TargetInputError::StretchBelow));
        assert_eq!(parse_target_pair("12", "x", Lang::Vi), Err(TargetInputError::NotANumber));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod input_props {
    use super::*;
    use crate::arbitrary_text::{numberish, text};
    use crate::i18n::Lang;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_typed_text_is_a_target_in_range_or_a_reason(a in prop_oneof![text(), numberish()], b in prop_oneof![text(), numberish()]) {
            for lang in Lang::ALL {
                if let Ok((v, s)) = parse_target_pair(&a, &b, lang) {
                    prop_assert!((0.0..=MAX_TARGET).contains(&v) && v.fract() == 0.0);
                    prop_assert!(s.is_none_or(|s| s >= v && s <= MAX_TARGET));
                }
            }
        }
    }
}
