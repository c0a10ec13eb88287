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
    /// The section of the plan the kind serves (`plan_items()`); a record may name another.
    pub plan_item: String,
    /// The fields the activity form shows for this kind, beyond those every activity has
    /// (kind, title, date, unit, plan item, organiser, funding, notes).
    #[serde(default)]
    pub fields: Vec<ActivityField>,
    /// No longer offered for new records; its records stay readable and keep counting.
    #[serde(default)]
    pub retired: bool,
}

impl ActivityType {
    pub fn has(&self, field: ActivityField) -> bool {
        self.fields.contains(&field)
    }
}

/// A field only some kinds of activity have (`ActivityType::fields`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityField {
    EndDate,
    Participants,
    Organisations,
    Enterprises,
    Topics,
    /// The person trained (name, organisation, certificate).
    Expert,
    ExpertsQualified,
    Certified,
    AwardResult,
    Budget,
    /// A code or number: the standard's code, the certificate's number, the field's name, the decision.
    Reference,
}

/// A section of the plan's tasks (2.3.1 to 2.3.5).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlanItem {
    pub id: String,
    pub label: LocalText,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: LocalText,
}

#[derive(Debug, Deserialize)]
struct ActivityTypesFile {
    plan_items: Vec<PlanItem>,
    types: Vec<ActivityType>,
    topics: Vec<Topic>,
}

const ACTIVITY_TYPES_JSON: &str = include_str!("../../data/activity_types.json");

fn file() -> &'static ActivityTypesFile {
    static FILE: OnceLock<ActivityTypesFile> = OnceLock::new();
    FILE.get_or_init(|| serde_json::from_str(ACTIVITY_TYPES_JSON).expect("data/activity_types.json is validated by the test suite"))
}

/// Every kind of activity, in the plan's order, retired ones included.
pub fn types() -> &'static [ActivityType] {
    &file().types
}

/// The kinds a new record may have: all but the retired.
pub fn current_types() -> impl Iterator<Item = &'static ActivityType> {
    types().iter().filter(|t| !t.retired)
}

/// The plan's task sections, 2.3.1 to 2.3.5.
pub fn plan_items() -> &'static [PlanItem] {
    &file().plan_items
}

pub fn plan_item(id: &str) -> Option<&'static PlanItem> {
    plan_items().iter().find(|p| p.id == id)
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

/// Where an activity's money came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// Ngân sách nhà nước.
    StateBudget,
    /// Kinh phí huy động (enterprises, sponsors, other programmes).
    Mobilised,
}

/// A person trained as an NSCL expert (the `expert` kind).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Expert {
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    /// The certificate's number, or empty while it is not issued.
    #[serde(default)]
    pub certificate: String,
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
    /// The plan's task section (`plan_items()`); empty means the kind's own (`plan_item_id`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan_item: String,
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
    /// For the retired course kind (`expert_training`): how many experts qualified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experts_qualified: Option<u32>,
    /// For the `expert` kind: the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert: Option<Expert>,
    /// For a support engagement: whether the system or tool was certified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award_result: Option<AwardResult>,
    /// A code or number (`ActivityField::Reference`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// Budget in VND.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_vnd: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
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

    /// The plan section it counts under: its own, or its kind's.
    pub fn plan_item_id(&self) -> &str {
        if !self.plan_item.is_empty() {
            return &self.plan_item;
        }
        activity_type(&self.activity_type).map(|t| t.plan_item.as_str()).unwrap_or("")
    }

    pub fn concerns(&self, enterprise_id: &str) -> bool {
        self.enterprise_ids.iter().any(|e| e == enterprise_id)
    }
}

/// The activities that concern one enterprise, newest first; deleted ones left out.
pub fn of_enterprise<'a>(activities: &'a [Record<Activity>], enterprise_id: &str) -> Vec<&'a Record<Activity>> {
    let mut out: Vec<&Record<Activity>> = activities.iter().filter(|a| !a.deleted && a.payload.concerns(enterprise_id)).collect();
    crate::sort::sort_by(&mut out, |a, b| b.payload.start_date.cmp(&a.payload.start_date).then_with(|| b.updated.cmp(&a.updated)));
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
        assert_eq!((raw["format"].as_str(), raw["version"].as_u64()), (Some("nscl-activity-types"), Some(2)));
        let ids: Vec<&str> = types().iter().map(|t| t.id.as_str()).collect();
        for id in ["training_class", "expert", "outreach", "enterprise_support", "testing_field", "award_entry", "standard_built", "certification", "tfp_task"] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        assert_eq!(plan_items().iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.3.5"]);
        for t in types() {
            assert!(!t.label.vi.trim().is_empty() && !t.label.en.trim().is_empty() && !t.description.vi.is_empty() && !t.description.en.is_empty(), "{}", t.id);
            assert!(plan_item(&t.plan_item).is_some(), "{} serves no plan item", t.id);
            assert_eq!(ids.iter().filter(|i| **i == t.id).count(), 1, "{} appears twice", t.id);
        }
        // A retired kind stays for the records that have it, and is not offered for new ones.
        assert!(activity_type("expert_training").is_some_and(|t| t.retired));
        assert!(current_types().all(|t| t.id != "expert_training"));
        assert!(activity_type("expert").is_some_and(|t| t.has(ActivityField::Expert)));
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
        assert_eq!(back.plan_item_id(), "2.3.2", "the kind's plan item when the record names none");
        assert_eq!(Activity { plan_item: "2.3.1".into(), ..back.clone() }.plan_item_id(), "2.3.1");
        assert_eq!(Activity { activity_type: "from_a_newer_file".into(), ..back }.plan_item_id(), "");

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
