//! A programme activity: what the department and its partners did under the
//! provincial plan (section 2.3 of Plan 105/KH-UBND): a training class, the
//! training of experts, an awareness event, support for an enterprise, a new
//! testing field, a National Quality Award entry. The indicators against the
//! plan's targets are counted from these records.
//!
//! The kinds of activity and the topics they cover are data
//! (`data/activity_types.json`), Vietnamese and English side by side.

use super::record::{Record, RecordKind};
use crate::form::LocalText;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActivityType {
    pub id: String,
    pub label: LocalText,
    pub description: LocalText,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: LocalText,
}

#[derive(Debug, Deserialize)]
struct ActivityTypesFile {
    types: Vec<ActivityType>,
    topics: Vec<Topic>,
}

const ACTIVITY_TYPES_JSON: &str = include_str!("../../data/activity_types.json");

fn file() -> &'static ActivityTypesFile {
    static FILE: OnceLock<ActivityTypesFile> = OnceLock::new();
    FILE.get_or_init(|| serde_json::from_str(ACTIVITY_TYPES_JSON).expect("data/activity_types.json is validated by the test suite"))
}

/// Every kind of activity, in the plan's order.
pub fn types() -> &'static [ActivityType] {
    &file().types
}

pub fn activity_type(id: &str) -> Option<&'static ActivityType> {
    types().iter().find(|t| t.id == id)
}

/// Management systems, improvement tools and other subjects an activity covers.
pub fn topics() -> &'static [Topic] {
    &file().topics
}

pub fn topic(id: &str) -> Option<&'static Topic> {
    topics().iter().find(|t| t.id == id)
}

/// The outcome of a National Quality Award entry. The values are the field
/// survey's (`award_result`), with `pending` for an entry not yet judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwardResult {
    Pending,
    NotAwarded,
    /// Giải thưởng Chất lượng Quốc gia (≥ 600 points).
    Award,
    /// Giải Vàng (≥ 800 points).
    Gold,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Activity {
    /// An id from `types()`. An unknown id (from a newer file) is kept as it is.
    pub activity_type: String,
    pub title: String,
    /// `YYYY-MM-DD`; the year the activity counts towards.
    pub start_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_unit_id: Option<String>,
    /// Who ran it: the department, a centre, a consultant.
    #[serde(default)]
    pub organiser: String,
    /// Ids from `topics()`.
    #[serde(default)]
    pub topics: Vec<String>,
    /// People who took part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    /// Organisations and enterprises that took part or were guided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisations: Option<u32>,
    /// Register enterprises the activity concerns: those supported, or the award entrant.
    #[serde(default)]
    pub enterprise_ids: Vec<String>,
    /// For expert training: how many experts qualified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experts_qualified: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award_result: Option<AwardResult>,
    /// Budget in million VND.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_mn_vnd: Option<f64>,
    #[serde(default)]
    pub notes: String,
}

impl RecordKind for Activity {
    const KIND: &'static str = "activity";

    fn index_keys(&self) -> Vec<(&'static str, String)> {
        let mut keys = vec![("activity_type", self.activity_type.clone())];
        if let Some(year) = self.year() {
            keys.push(("year", year.to_string()));
        }
        if let Some(unit) = &self.admin_unit_id {
            keys.push(("admin_unit_id", unit.clone()));
        }
        keys
    }
}

impl Activity {
    /// The calendar year it started in, when the start date is a date.
    pub fn year(&self) -> Option<i32> {
        crate::form::answer::is_date(&self.start_date).then(|| self.start_date[..4].parse().ok()).flatten()
    }

    pub fn concerns(&self, enterprise_id: &str) -> bool {
        self.enterprise_ids.iter().any(|e| e == enterprise_id)
    }
}

/// The activities that concern one enterprise, newest first; deleted ones left out.
pub fn of_enterprise<'a>(activities: &'a [Record<Activity>], enterprise_id: &str) -> Vec<&'a Record<Activity>> {
    let mut out: Vec<&Record<Activity>> = activities.iter().filter(|a| !a.deleted && a.payload.concerns(enterprise_id)).collect();
    out.sort_by(|a, b| b.payload.start_date.cmp(&a.payload.start_date).then_with(|| b.updated.cmp(&a.updated)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Hlc;
    use crate::model::record::Change;

    #[test]
    fn the_data_file_names_every_kind_and_topic_in_both_languages() {
        let raw: serde_json::Value = serde_json::from_str(ACTIVITY_TYPES_JSON).unwrap();
        assert_eq!((raw["format"].as_str(), raw["version"].as_u64()), (Some("nscl-activity-types"), Some(1)));
        let ids: Vec<&str> = types().iter().map(|t| t.id.as_str()).collect();
        for id in ["training_class", "expert_training", "outreach", "enterprise_support", "testing_field", "award_entry"] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        for t in types() {
            assert!(!t.label.vi.trim().is_empty() && !t.label.en.trim().is_empty() && !t.description.vi.is_empty() && !t.description.en.is_empty(), "{}", t.id);
        }
        let mut seen = std::collections::HashSet::new();
        for t in topics() {
            assert!(seen.insert(t.id.as_str()), "topic {} appears twice", t.id);
            assert!(!t.label.vi.trim().is_empty() && !t.label.en.trim().is_empty(), "{}", t.id);
        }
        assert_eq!(topic("iso_9001").map(|t| t.label.en.as_str()), Some("ISO 9001 – quality management"));
        // The topics share their ids with the field survey's systems and tools, so the two can be compared.
        let survey = crate::form::FormLibrary::shipped().latest(crate::form::library::FIELD_SURVEY).unwrap();
        for matrix in ["management_systems", "improvement_tools"] {
            let Some(crate::form::Kind::Matrix { rows, .. }) = survey.question(matrix).map(|q| &q.kind) else { panic!("{matrix}") };
            for r in rows {
                assert!(topic(&r.id).is_some(), "survey row {matrix}.{} has no topic", r.id);
            }
        }
    }

    #[test]
    fn index_keys_year_and_the_enterprises_it_concerns() {
        let a = Activity {
            activity_type: "award_entry".into(),
            title: "Giải thưởng Chất lượng Quốc gia 2024".into(),
            start_date: "2024-05-10".into(),
            admin_unit_id: Some("tp-sa-dec".into()),
            enterprise_ids: vec!["e1".into()],
            award_result: Some(AwardResult::Gold),
            ..Default::default()
        };
        assert_eq!(a.index_keys(), vec![("activity_type", "award_entry".to_string()), ("year", "2024".to_string()), ("admin_unit_id", "tp-sa-dec".to_string())]);
        assert_eq!(Activity { start_date: "2024".into(), ..a.clone() }.year(), None);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["award_result"], "gold");
        assert!(json.get("end_date").is_none(), "absent values are left out of the file");
        let back: Activity = serde_json::from_value(serde_json::json!({"activity_type": "outreach", "title": "Hội thảo", "start_date": "2023-01-02"})).unwrap();
        assert_eq!((back.year(), back.enterprise_ids.len()), (Some(2023), 0), "a minimal record reads");

        let at = |ms| Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() };
        let older = Record::new("a1".into(), &at(1), Activity { start_date: "2022-03-01".into(), ..a.clone() });
        let newer = Record::new("a2".into(), &at(2), a.clone());
        let mut gone = Record::new("a3".into(), &at(3), a.clone());
        gone.deleted = true;
        let other = Record::new("a4".into(), &at(4), Activity { enterprise_ids: vec!["e2".into()], ..a });
        let all = [older, newer, gone, other];
        let ids: Vec<&str> = of_enterprise(&all, "e1").iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["a2", "a1"]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{numberish, text};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn only_a_real_start_date_gives_a_year(start_date in prop_oneof![text(), numberish(), "[0-9]{4}-[0-9]{2}-[0-9]{2}"]) {
            let a = Activity { start_date: start_date.clone(), ..Default::default() };
            prop_assert_eq!(a.year().is_some(), crate::form::answer::is_date(&start_date));
            prop_assert_eq!(a.index_keys().iter().any(|(k, _)| *k == "year"), a.year().is_some());
        }
    }
}
