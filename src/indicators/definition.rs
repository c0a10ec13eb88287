//! The plan's indicators as data (`data/indicators.json`): what each counts,
//! from which kinds of activity and by which rule, its default target and the
//! text that says on screen how it is counted. Loaded once and checked whole.

use crate::form::LocalText;
use crate::model::activity::{self, AwardResult};
use serde::Deserialize;
use std::sync::OnceLock;

pub const FORMAT: &str = "nscl-indicators";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Indicators {
    pub format: String,
    pub version: u32,
    pub source: LocalText,
    pub uplift: Uplift,
    pub baseline: Baseline,
    pub indicators: Vec<Indicator>,
}

/// The next term's targets are `min_percent`..`max_percent` above this term's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Uplift {
    pub from_term: String,
    pub to_term: String,
    pub min_percent: u32,
    pub max_percent: u32,
    pub source: LocalText,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Baseline {
    pub period: String,
    pub items: Vec<BaselineItem>,
    pub source: LocalText,
}

/// One result of the earlier programme, for comparison.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BaselineItem {
    /// The indicator it compares with, if one counts the same thing.
    #[serde(default)]
    pub indicator: Option<String>,
    pub value: f64,
    /// "300+": at least this many.
    #[serde(default)]
    pub or_more: bool,
    /// The value is a percentage of that programme's plan.
    #[serde(default)]
    pub unit_percent: bool,
    /// How far the earlier programme reached its own plan for this, in percent.
    #[serde(default)]
    pub percent_of_plan: Option<f64>,
    pub label: LocalText,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub label: LocalText,
    pub unit: LocalText,
    pub plan_item: String,
    pub count: Count,
    /// None: the plan sets no target; the indicator is shown for information.
    #[serde(default)]
    pub target: Option<PlanTarget>,
    /// How it is counted, shown beside the number.
    pub how: LocalText,
    pub source: LocalText,
}

/// Which activities an indicator counts and how.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Count {
    pub rule: Rule,
    /// Activity kinds (`data/activity_types.json`), retired ones included.
    pub kinds: Vec<String>,
    /// Only entries with one of these results (award entries).
    #[serde(default)]
    pub award_results: Vec<AwardResult>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Each record once.
    Records,
    /// Each enterprise once, however many records name it; a record naming none counts as one.
    DistinctEnterprises,
    /// Each person once (same name and organisation), plus the `experts_qualified` of course records.
    DistinctExperts,
    /// The sum of `organisations`; a record without it counts its linked enterprises.
    SumOrganisations,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct PlanTarget {
    /// For the plan's first term (`Uplift::from_term`).
    pub value: f64,
    pub per: Per,
    pub comparison: Comparison,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// The value is for the whole five-year term.
    Term,
    /// The value is for each year; a term's target is five times it.
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// "tối thiểu", "ít nhất".
    AtLeast,
    /// "khoảng".
    About,
}

const JSON: &str = include_str!("../../data/indicators.json");

impl Indicators {
    /// Reads and checks a definitions file; every problem is listed.
    pub fn parse(json: &str) -> Result<Indicators, Vec<String>> {
        let file: Indicators = serde_json::from_str(json).map_err(|e| vec![e.to_string()])?;
        let problems = file.problems();
        if problems.is_empty() {
            Ok(file)
        } else {
            Err(problems)
        }
    }

    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.format != FORMAT || self.version != VERSION {
            out.push(format!("format {} version {} is not {FORMAT} version {VERSION}", self.format, self.version));
        }
        let text_ok = |t: &LocalText| !t.vi.trim().is_empty() && !t.en.trim().is_empty();
        if crate::indicators::Period::parse(&self.uplift.from_term).is_none() || crate::indicators::Period::parse(&self.uplift.to_term).is_none() {
            out.push("uplift terms are not periods".into());
        }
        if self.uplift.min_percent > self.uplift.max_percent {
            out.push("uplift: min_percent above max_percent".into());
        }
        let mut seen = std::collections::HashSet::new();
        for i in &self.indicators {
            if i.id.trim().is_empty() || !seen.insert(i.id.as_str()) {
                out.push(format!("indicator id {:?} is empty or repeated", i.id));
            }
            for (what, t) in [("label", &i.label), ("unit", &i.unit), ("how", &i.how), ("source", &i.source)] {
                if !text_ok(t) {
                    out.push(format!("{}: {what} needs Vietnamese and English", i.id));
                }
            }
            if activity::plan_item(&i.plan_item).is_none() {
                out.push(format!("{}: unknown plan item {}", i.id, i.plan_item));
            }
            if i.count.kinds.is_empty() {
                out.push(format!("{}: counts no kind", i.id));
            }
            for k in &i.count.kinds {
                if activity::activity_type(k).is_none() {
                    out.push(format!("{}: unknown activity kind {k}", i.id));
                }
            }
            if let Some(t) = &i.target {
                if !(t.value.is_finite() && t.value >= 0.0) {
                    out.push(format!("{}: target must be a number ≥ 0", i.id));
                }
            }
        }
        for b in &self.baseline.items {
            if b.indicator.as_deref().is_some_and(|id| !seen.contains(id)) {
                out.push(format!("baseline names unknown indicator {:?}", b.indicator));
            }
            if !text_ok(&b.label) {
                out.push("baseline item needs Vietnamese and English".into());
            }
        }
        out
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The baseline item that compares with an indicator.
    pub fn baseline_of(&self, id: &str) -> Option<&BaselineItem> {
        self.baseline.items.iter().find(|b| b.indicator.as_deref() == Some(id))
    }
}

/// The shipped definitions (checked by the test suite, so loading cannot fail in a release).
pub fn shipped() -> &'static Indicators {
    static FILE: OnceLock<Indicators> = OnceLock::new();
    FILE.get_or_init(|| Indicators::parse(JSON).expect("data/indicators.json is validated by the test suite"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_is_whole_and_has_the_plans_targets() {
        let d = Indicators::parse(JSON).unwrap_or_else(|e| panic!("{e:?}"));
        let t = |id: &str| d.get(id).and_then(|i| i.target).map(|t| (t.value, t.per, t.comparison));
        assert_eq!(t("training_classes"), Some((10.0, Per::Term, Comparison::AtLeast)));
        assert_eq!(t("experts_trained"), Some((20.0, Per::Term, Comparison::About)));
        assert_eq!(t("organisations_guided"), Some((100.0, Per::Year, Comparison::About)));
        assert_eq!(t("enterprises_supported"), Some((15.0, Per::Term, Comparison::AtLeast)));
        assert_eq!(t("testing_fields"), Some((3.0, Per::Term, Comparison::AtLeast)));
        assert_eq!(t("award_entrants"), Some((10.0, Per::Term, Comparison::AtLeast)));
        assert_eq!(t("award_gold"), Some((3.0, Per::Term, Comparison::AtLeast)));
        assert_eq!(t("standards_built"), None);
        assert_eq!(d.baseline_of("standards_built").map(|b| b.value), Some(446.0));
        assert_eq!(d.baseline_of("experts_trained").and_then(|b| b.percent_of_plan), Some(80.0));
        assert_eq!((d.uplift.min_percent, d.uplift.max_percent), (10, 15));
    }

    #[test]
    fn a_broken_file_lists_every_problem() {
        let mut raw: serde_json::Value = serde_json::from_str(JSON).unwrap();
        raw["version"] = 9.into();
        raw["indicators"][0]["count"]["kinds"][0] = "no_such_kind".into();
        raw["indicators"][1]["id"] = "training_classes".into();
        raw["indicators"][2]["how"]["en"] = "".into();
        raw["indicators"][3]["target"]["value"] = (-1).into();
        let errors = Indicators::parse(&raw.to_string()).unwrap_err();
        // Six: the repeated id also leaves the baseline naming an indicator that is gone.
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert!(Indicators::parse("{").is_err());
        assert!(Indicators::parse("[]").is_err());
    }
}
