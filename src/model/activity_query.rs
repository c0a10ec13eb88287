//! The activity list's filters, kept in the page's address so a link (from
//! the dashboard, say) opens the list filtered: kind, plan item, year,
//! administrative unit, a text search, and a list of ids ("the records
//! behind this number").

use super::activity::Activity;
use super::record::Record;
use crate::text::fold;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityQuery {
    pub kind: Option<String>,
    pub plan_item: Option<String>,
    pub year: Option<i32>,
    pub unit: Option<String>,
    /// Words to find in the title, organiser, expert, reference or the enterprises' names.
    pub text: String,
    /// Only these records (`?ids=a,b,c`).
    pub ids: Option<Vec<String>>,
}

impl ActivityQuery {
    /// Reads the filters from the address's parameters; what does not read is no filter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ActivityQuery {
        let some = |k: &str| get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        ActivityQuery {
            kind: some("kind"),
            plan_item: some("plan"),
            year: some("year").and_then(|y| y.parse().ok()),
            unit: some("unit"),
            text: get("q").unwrap_or_default(),
            ids: get("ids").map(|ids| ids.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()),
        }
    }

    /// The address's query for these filters: `?kind=expert&year=2026`, or empty for none.
    pub fn to_search(&self) -> String {
        // Values encoded; the ids' commas stay readable.
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(v) = &self.kind {
            pairs.push(("kind", encode(v)));
        }
        if let Some(v) = &self.plan_item {
            pairs.push(("plan", encode(v)));
        }
        if let Some(v) = self.year {
            pairs.push(("year", v.to_string()));
        }
        if let Some(v) = &self.unit {
            pairs.push(("unit", encode(v)));
        }
        if !self.text.is_empty() {
            pairs.push(("q", encode(&self.text)));
        }
        if let Some(ids) = &self.ids {
            pairs.push(("ids", ids.iter().map(|i| encode(i)).collect::<Vec<_>>().join(",")));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("?{}", body.join("&"))
    }

}

/// What the activity list filters on, worked out once per change of the
/// activities or the register (`enterprise_name` gives a register
/// enterprise's name by id), live ones only, newest first (start date, then
/// last change): a search keystroke then looks in
/// each activity's folded text instead of gathering and folding its title,
/// organiser, expert and enterprises' names again.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityIndex {
    rows: Vec<ActivityKey>,
}

#[derive(Debug, Clone, PartialEq)]
struct ActivityKey {
    position: usize,
    id: String,
    kind: String,
    plan_item: String,
    year: Option<i32>,
    unit: Option<String>,
    /// `haystack`.
    text: String,
}

impl ActivityIndex {
    pub fn build(activities: &[Record<Activity>], enterprise_name: &dyn Fn(&str) -> Option<String>) -> ActivityIndex {
        let mut live: Vec<usize> = (0..activities.len()).filter(|&i| !activities[i].deleted).collect();
        crate::sort::sort_by(&mut live, |&a, &b| {
            let (a, b) = (&activities[a], &activities[b]);
            b.payload.start_date.cmp(&a.payload.start_date).then_with(|| b.updated.cmp(&a.updated))
        });
        let rows = live
            .into_iter()
            .map(|position| {
                let r = &activities[position];
                ActivityKey {
                    position,
                    id: r.id.clone(),
                    kind: r.payload.activity_type.clone(),
                    plan_item: r.payload.plan_item_id().to_string(),
                    year: r.payload.year(),
                    unit: r.payload.admin_unit_id.clone(),
                    text: haystack(&r.payload, enterprise_name),
                }
            })
            .collect();
        ActivityIndex { rows }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The positions (in the activities the index was built from) that pass every filter of `q`.
    pub fn positions(&self, q: &ActivityQuery) -> Vec<usize> {
        let terms: Vec<String> = fold(&q.text).split_whitespace().map(str::to_string).collect();
        self.rows
            .iter()
            .filter(|k| q.ids.as_ref().is_none_or(|ids| ids.iter().any(|i| *i == k.id)))
            .filter(|k| q.kind.as_deref().is_none_or(|kind| k.kind == kind))
            .filter(|k| q.plan_item.as_deref().is_none_or(|p| k.plan_item == p))
            .filter(|k| q.year.is_none_or(|y| k.year == Some(y)))
            .filter(|k| q.unit.as_deref().is_none_or(|u| k.unit.as_deref() == Some(u)))
            .filter(|k| terms.iter().all(|t| k.text.contains(t.as_str())))
            .map(|k| k.position)
            .collect()
    }
}

/// The folded text a search looks in.
fn haystack(a: &Activity, enterprise_name: &dyn Fn(&str) -> Option<String>) -> String {
    let mut parts: Vec<String> = vec![a.title.clone(), a.organiser.clone(), a.reference.clone()];
    if let Some(e) = &a.expert {
        parts.push(e.name.clone());
        parts.push(e.organisation.clone());
    }
    parts.extend(a.enterprise_ids.iter().filter_map(|id| enterprise_name(id)));
    fold(&parts.join(" "))
}

/// The years activities start in, newest first: the year filter's choices.
pub fn years(activities: &[Record<Activity>]) -> Vec<i32> {
    let mut years: Vec<i32> = activities.iter().filter(|r| !r.deleted).filter_map(|r| r.payload.year()).collect();
    crate::sort::sort_by(&mut years, |a, b| b.cmp(a));
    years.dedup();
    years
}

/// Percent-encodes a query value: everything but unreserved ASCII, as UTF-8 bytes.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arbitrary_text::text;
    use crate::model::activity::Expert;
    use crate::model::clock::Hlc;
    use crate::model::record::Change;
    use proptest::prelude::*;

    fn rec(id: &str, ms: i64, a: Activity) -> Record<Activity> {
        Record::new(id.into(), &Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() }, a)
    }

    fn activity(kind: &str, title: &str, date: &str, unit: Option<&str>) -> Activity {
        Activity { activity_type: kind.into(), title: title.into(), start_date: date.into(), admin_unit_id: unit.map(str::to_string), ..Default::default() }
    }

    fn set() -> Vec<Record<Activity>> {
        let mut gone = rec("a5", 5, activity("training_class", "Lớp đã xóa", "2026-01-01", None));
        gone.deleted = true;
        vec![
            rec("a1", 1, activity("training_class", "Lớp tập huấn ISO 9001", "2025-04-02", Some("tp-sa-dec"))),
            rec("a2", 2, Activity { enterprise_ids: vec!["e1".into()], organiser: "Chi cục TĐC".into(), ..activity("enterprise_support", "Hỗ trợ 5S", "2026-03-01", Some("h-lai-vung")) }),
            rec("a3", 3, Activity { expert: Some(Expert { name: "Trần Văn Bình".into(), ..Default::default() }), ..activity("expert", "Chuyên gia", "2026-06-01", None) }),
            rec("a4", 4, Activity { plan_item: "2.3.3".into(), ..activity("training_class", "Tập huấn Kaizen", "2026-03-01", Some("tp-sa-dec")) }),
            gone,
        ]
    }

    #[test]
    fn filters_combine_and_the_newest_comes_first() {
        let all = set();
        let names = |id: &str| (id == "e1").then(|| "Công ty Thủy sản Đồng Tháp".to_string());
        let ids = |q: ActivityQuery| ActivityIndex::build(&all, &names).positions(&q).into_iter().map(|i| all[i].id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(ActivityQuery::default()), ["a3", "a4", "a2", "a1"], "by start date, then the later change; deleted left out");
        assert_eq!(ids(ActivityQuery { kind: Some("training_class".into()), ..Default::default() }), ["a4", "a1"]);
        assert_eq!(ids(ActivityQuery { plan_item: Some("2.3.3".into()), ..Default::default() }), ["a4", "a2"], "a record's own plan item, else its kind's");
        assert_eq!(ids(ActivityQuery { year: Some(2026), unit: Some("tp-sa-dec".into()), ..Default::default() }), ["a4"]);
        assert_eq!(ids(ActivityQuery { text: "dong thap".into(), ..Default::default() }), ["a2"], "an enterprise's name, without diacritics");
        assert_eq!(ids(ActivityQuery { text: "BÌNH".into(), ..Default::default() }), ["a3"], "the expert's name");
        assert_eq!(ids(ActivityQuery { text: "chi cuc 5s".into(), ..Default::default() }), ["a2"], "every word, anywhere");
        assert_eq!(ids(ActivityQuery { ids: Some(vec!["a1".into(), "a5".into(), "a3".into()]), ..Default::default() }), ["a3", "a1"]);
        assert_eq!(ids(ActivityQuery { ids: Some(vec![]), ..Default::default() }), Vec::<&str>::new(), "an empty list is no records, not all");
        assert_eq!(years(&all), [2026, 2025]);
    }

    #[test]
    fn filters_travel_in_the_address() {
        let q = ActivityQuery { kind: Some("expert".into()), year: Some(2026), text: "Bình & co/1".into(), ids: Some(vec!["a".into(), "b".into()]), ..Default::default() };
        assert_eq!(q.to_search(), "?kind=expert&year=2026&q=B%C3%ACnh%20%26%20co%2F1&ids=a,b");
        assert_eq!(ActivityQuery::default().to_search(), "");
        let params = [("kind", "expert"), ("year", "2026"), ("q", "Bình & co/1"), ("ids", "a, b,"), ("unit", " ")];
        let back = ActivityQuery::from_params(|k| params.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string()));
        assert_eq!(back, q);
        let junk = ActivityQuery::from_params(|k| (k == "year").then(|| "hai nghìn".to_string()));
        assert_eq!(junk, ActivityQuery::default());
    }

    proptest! {
        #[test]
        fn any_typed_search_or_address_never_panics(s in text(), t in text()) {
            let all = set();
            let q = ActivityQuery::from_params(|k| match k { "q" => Some(s.clone()), "year" | "ids" => Some(t.clone()), _ => None });
            let _ = ActivityIndex::build(&all, &|_| Some(t.clone())).positions(&q);
            prop_assert!(q.to_search().is_ascii());
        }
    }
}
