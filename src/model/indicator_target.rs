//! A target the department set for one indicator and one period, overriding
//! the plan's default (`data/indicators.json`). A change is a new version of
//! the record, with its officer and time, so it travels to other laptops like
//! any record and its history shows field by field.
//!
//! One record per indicator and period, with an id made from both
//! (`record_id`): two laptops that set the same target make two versions of
//! one record, which sync resolves as a conflict, rather than two records
//! that would both claim to be the target.

use super::record::RecordKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorTarget {
    /// An id from `data/indicators.json`.
    pub indicator_id: String,
    /// `2021-2025`, `2026-2030` or a year (`indicators::Period::key`).
    pub period: String,
    /// The target; `None` puts the plan's default back (a version, so the history shows the reset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A higher target to aim for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stretch: Option<f64>,
    /// Why it was changed: the decision or document.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl RecordKind for IndicatorTarget {
    const KIND: &'static str = "indicator_target";

    fn index_keys(&self) -> Vec<(&'static str, String)> {
        vec![("indicator_id", self.indicator_id.clone()), ("period", self.period.clone())]
    }
}

/// The id of the one record that holds the target of `indicator` for `period`.
pub fn record_id(indicator: &str, period: &str) -> String {
    format!("target-{indicator}-{period}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_per_indicator_and_period_and_absent_values_left_out() {
        assert_eq!(record_id("training_classes", "2021-2025"), "target-training_classes-2021-2025");
        let t = IndicatorTarget { indicator_id: "training_classes".into(), period: "2021-2025".into(), ..Default::default() };
        let json = serde_json::to_value(&t).unwrap();
        assert!(json.get("value").is_none() && json.get("note").is_none());
        let back: IndicatorTarget = serde_json::from_value(serde_json::json!({"indicator_id": "x", "period": "2024", "value": 12.5})).unwrap();
        assert_eq!(back.value, Some(12.5));
        assert_eq!(t.index_keys()[1], ("period", "2021-2025".to_string()));
    }
}
