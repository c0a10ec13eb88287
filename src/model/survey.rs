//! A field survey response: the answers an officer gave on one version of a
//! survey form about one registry enterprise.

use super::record::{Record, RecordKind};
use super::registry::Registry;
use super::filled::{AnswersMut, FilledForm, Summary};
use crate::form::{Answers, Form, Orphan};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SurveyStatus {
    /// Being filled; may break rules.
    #[default]
    Draft,
    /// Every rule passed when it was marked complete.
    Complete,
}

impl SurveyStatus {
    pub fn key(self) -> &'static str {
        match self {
            SurveyStatus::Draft => "draft",
            SurveyStatus::Complete => "complete",
        }
    }

    pub fn from_key(key: &str) -> Option<SurveyStatus> {
        match key {
            "draft" => Some(SurveyStatus::Draft),
            "complete" => Some(SurveyStatus::Complete),
            _ => None,
        }
    }
}

/// The question of the field survey whose answer dates the visit.
pub const SURVEY_DATE: &str = "survey_date";

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Survey {
    pub form_id: String,
    pub form_version: u32,
    pub enterprise_id: String,
    #[serde(default)]
    pub status: SurveyStatus,
    #[serde(default)]
    pub answers: Answers,
    /// Answers from an earlier form version that the current one cannot hold.
    #[serde(default)]
    pub orphans: Vec<Orphan>,
    /// Answered and total questions shown, as of the last save, so lists need not re-run the form.
    #[serde(default)]
    pub answered: usize,
    #[serde(default)]
    pub total: usize,
}

impl RecordKind for Survey {
    const KIND: &'static str = "survey";

    fn index_keys(&self) -> Vec<(&'static str, String)> {
        vec![("enterprise_id", self.enterprise_id.clone()), ("status", self.status.key().to_string())]
    }
}

impl Survey {
    pub fn new(form: &Form, enterprise_id: &str) -> Survey {
        Survey { form_id: form.id.clone(), form_version: form.version, enterprise_id: enterprise_id.to_string(), ..Default::default() }
    }

    /// The visit date the officer gave, if it is a date.
    pub fn survey_date(&self) -> Option<&str> {
        self.answers.get(SURVEY_DATE).and_then(|a| a.text()).filter(|d| crate::form::answer::is_date(d))
    }

}

impl AsRef<Survey> for Survey {
    fn as_ref(&self) -> &Survey {
        self
    }
}

impl FilledForm for Survey {
    fn form_id(&self) -> &str {
        &self.form_id
    }
    fn form_version(&self) -> u32 {
        self.form_version
    }
    fn answers(&self) -> &Answers {
        &self.answers
    }
    fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }
    fn is_done(&self) -> bool {
        self.status == SurveyStatus::Complete
    }
    fn set_done(&mut self, done: bool) {
        self.status = if done { SurveyStatus::Complete } else { SurveyStatus::Draft };
    }
    fn enterprise_id(&self) -> Option<&str> {
        Some(&self.enterprise_id)
    }
    fn summary(&self) -> Summary {
        Summary { answered: self.answered, total: self.total, readiness: None }
    }
    fn set_summary(&mut self, summary: Summary) {
        (self.answered, self.total) = (summary.answered, summary.total);
    }
    fn answers_mut(&mut self) -> AnswersMut<'_> {
        AnswersMut { answers: &mut self.answers, orphans: &mut self.orphans, form_version: &mut self.form_version }
    }
}

/// The filters of the survey list. Dates are "YYYY-MM-DD", inclusive.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurveyQuery {
    pub status: Option<SurveyStatus>,
    pub unit: Option<String>,
    pub officer: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The date a survey is listed under: the visit date, or the local day it was started.
pub fn listed_date<P: AsRef<Survey>>(survey: &Record<P>, local_day: &dyn Fn(i64) -> String) -> String {
    survey.payload.as_ref().survey_date().map_or_else(|| local_day(survey.created_ms()), str::to_string)
}

/// What the survey list filters on, worked out once per change of the
/// surveys or the register, not per keystroke: at province scale (39,000
/// surveys) folding each officer's name, finding each enterprise's unit and
/// sorting by the last change cost 30-45 ms a keystroke. Live surveys only,
/// most recently changed first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurveyIndex {
    /// Each live survey's position in the surveys the index was built from, in
    /// the list's order; the columns below are in the same order. Columns, not
    /// one struct a row: a keystroke's filter then reads a few bytes a survey,
    /// not the whole row's cache line (39,000 surveys at province scale).
    positions: Vec<usize>,
    statuses: Vec<SurveyStatus>,
    /// The enterprise's unit, as its place in `unit_ids`.
    units: Vec<Option<u32>>,
    unit_ids: Vec<String>,
    /// The officer, as their place in `officers`.
    officer_of: Vec<u32>,
    /// Each officer's name folded, once: a province's 39,000 surveys are by a few dozen
    /// officers, so a keystroke in the officer filter looks in these, not in every row.
    officers: Vec<String>,
    /// `listed_date`.
    days: Vec<String>,
}

/// The place of `key` in `names`, added at the end the first time it is seen.
fn place_of<'a>(key: &'a str, places: &mut std::collections::HashMap<&'a str, u32>, names: &mut Vec<String>, name: impl FnOnce() -> String) -> u32 {
    *places.entry(key).or_insert_with(|| {
        names.push(name());
        (names.len() - 1) as u32
    })
}

impl SurveyIndex {
    pub fn build<P: AsRef<Survey>>(surveys: &[Record<P>], registry: &Registry, local_day: &dyn Fn(i64) -> String) -> SurveyIndex {
        let mut live: Vec<usize> = (0..surveys.len()).filter(|&i| !surveys[i].deleted).collect();
        crate::sort::sort_by(&mut live, |&a, &b| surveys[b].updated.cmp(&surveys[a].updated));
        let mut index = SurveyIndex { statuses: Vec::with_capacity(live.len()), units: Vec::with_capacity(live.len()), officer_of: Vec::with_capacity(live.len()), days: Vec::with_capacity(live.len()), ..Default::default() };
        let (mut officer_at, mut unit_at) = (std::collections::HashMap::new(), std::collections::HashMap::new());
        for &position in &live {
            let s = &surveys[position];
            let survey = s.payload.as_ref();
            index.statuses.push(survey.status);
            let unit = registry.get(&survey.enterprise_id).and_then(|e| e.payload.admin_unit_id.as_deref());
            index.units.push(unit.map(|u| place_of(u, &mut unit_at, &mut index.unit_ids, || u.to_string())));
            index.officer_of.push(place_of(&s.officer, &mut officer_at, &mut index.officers, || crate::text::fold(&s.officer)));
            index.days.push(listed_date(s, local_day));
        }
        index.positions = live;
        index
    }

    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// The positions (in the surveys the index was built from) that pass
    /// every filter of `q`, most recently changed first: a list keeps these
    /// and builds only the page it shows.
    pub fn positions(&self, q: &SurveyQuery) -> Vec<usize> {
        let officer = q.officer.as_deref().map(crate::text::fold).filter(|o| !o.is_empty());
        // Which officers the filter's text finds, worked out once per officer.
        let officers: Option<Vec<bool>> = officer.map(|o| self.officers.iter().map(|name| name.contains(o.as_str())).collect());
        // A unit no survey's enterprise is in finds nothing.
        let unit = match q.unit.as_deref() {
            None => None,
            Some(u) => match self.unit_ids.iter().position(|x| x == u) {
                Some(place) => Some(place as u32),
                None => return Vec::new(),
            },
        };
        let (status, from, to) = (q.status, q.from.as_deref(), q.to.as_deref());
        // No filter set (the officer box cleared): every survey, with no pass over 39,000 of them.
        if status.is_none() && unit.is_none() && officers.is_none() && from.is_none() && to.is_none() {
            return self.positions.clone();
        }
        let n = self.positions.len();
        let (statuses, units, officer_of, days) = (&self.statuses[..n], &self.units[..n], &self.officer_of[..n], &self.days[..n]);
        // One loop with one plain test per filter that is set: a keystroke in the officer filter
        // walks a province's 39,000 surveys, and the chain of `filter` adaptors it replaces
        // (a call per filter per survey, at the release build's opt-level "z") took 1.8 ms of it.
        let mut out = Vec::new();
        for i in 0..n {
            if let Some(st) = status {
                if statuses[i] != st {
                    continue;
                }
            }
            if let Some(u) = unit {
                if units[i] != Some(u) {
                    continue;
                }
            }
            if let Some(found) = officers.as_deref() {
                if !found[officer_of[i] as usize] {
                    continue;
                }
            }
            if let Some(f) = from {
                if days[i].as_str() < f {
                    continue;
                }
            }
            if let Some(t) = to {
                if days[i].as_str() > t {
                    continue;
                }
            }
            out.push(self.positions[i]);
        }
        out
    }
}

/// The surveys of one enterprise, newest visit first.
pub fn of_enterprise<'a, P: AsRef<Survey>>(surveys: &'a [Record<P>], enterprise_id: &str, local_day: &dyn Fn(i64) -> String) -> Vec<&'a Record<P>> {
    let mut out: Vec<&Record<P>> = surveys.iter().filter(|s| !s.deleted && s.payload.as_ref().enterprise_id == enterprise_id).collect();
    crate::sort::sort_by_key(&mut out, |s| std::cmp::Reverse((listed_date(s, local_day), s.updated.clone())));
    out
}

/// The enterprise's survey draft on `form_id` that "survey this enterprise"
/// opens instead of starting a second one: the one changed last.
pub fn open_draft<'a, P: AsRef<Survey>>(surveys: &'a [Record<P>], enterprise_id: &str, form_id: &str) -> Option<&'a Record<P>> {
    surveys
        .iter()
        .filter(|s| !s.deleted && { let p = s.payload.as_ref(); p.enterprise_id == enterprise_id && p.form_id == form_id && p.status == SurveyStatus::Draft })
        .max_by(|a, b| a.updated.cmp(&b.updated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Answer;
    use crate::model::clock::Hlc;
    use crate::model::enterprise::Enterprise;
    use crate::model::record::Change;

    fn at(ms: i64, officer: &str) -> Change {
        Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: officer.into() }
    }

    fn survey(id: &str, ent: &str, status: SurveyStatus, date: Option<&str>, ms: i64, officer: &str) -> Record<Survey> {
        let mut s = Survey { form_id: "field-survey".into(), form_version: 1, enterprise_id: ent.into(), status, ..Default::default() };
        if let Some(d) = date {
            s.answers.insert(SURVEY_DATE.into(), Answer::Text(d.into()));
        }
        Record::new(id.into(), &at(ms, officer), s)
    }

    fn day(ms: i64) -> String {
        format!("2026-01-{:02}", ms / 1000)
    }

    #[test]
    fn filters_by_status_unit_officer_and_date() {
        let registry = Registry::new(vec![
            Record::new("e1".into(), &at(1, ""), Enterprise { name: "A".into(), admin_unit_id: Some("tp-sa-dec".into()), ..Default::default() }),
            Record::new("e2".into(), &at(1, ""), Enterprise { name: "B".into(), admin_unit_id: Some("h-lap-vo".into()), ..Default::default() }),
        ]);
        let mut gone = survey("s5", "e1", SurveyStatus::Draft, None, 9000, "Lê Văn Tám");
        gone.deleted = true;
        let surveys = vec![
            survey("s1", "e1", SurveyStatus::Complete, Some("2026-03-10"), 1000, "Nguyễn Thị Hoa"),
            survey("s2", "e1", SurveyStatus::Draft, None, 5000, "Trần Văn Nam"),
            survey("s3", "e2", SurveyStatus::Complete, Some("2026-06-01"), 3000, "Nguyễn Thị Hoa"),
            survey("s4", "e2", SurveyStatus::Draft, Some("2026-13-01"), 7000, "Lê Văn Tám"),
            gone,
        ];
        let ids = |q: &SurveyQuery| SurveyIndex::build(&surveys, &registry, &day).positions(q).into_iter().map(|i| surveys[i].id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(&SurveyQuery::default()), vec!["s4", "s2", "s3", "s1"], "newest change first, deleted left out");
        assert_eq!(ids(&SurveyQuery { status: Some(SurveyStatus::Complete), ..Default::default() }), vec!["s3", "s1"]);
        assert_eq!(ids(&SurveyQuery { unit: Some("tp-sa-dec".into()), ..Default::default() }), vec!["s2", "s1"]);
        assert_eq!(ids(&SurveyQuery { unit: Some("x-khong-co".into()), ..Default::default() }), Vec::<&str>::new(), "a unit no survey is in");
        assert_eq!(ids(&SurveyQuery { officer: Some("nguyen thi".into()), ..Default::default() }), vec!["s3", "s1"]);
        // s2 has no visit date: listed on the day it was started (2026-01-05); s4's date is not a date.
        assert_eq!(ids(&SurveyQuery { from: Some("2026-01-01".into()), to: Some("2026-03-31".into()), ..Default::default() }), vec!["s4", "s2", "s1"]);
        assert_eq!(ids(&SurveyQuery { from: Some("2026-04-01".into()), ..Default::default() }), vec!["s3"]);
        let of_e1: Vec<&str> = of_enterprise(&surveys, "e1", &day).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(of_e1, vec!["s1", "s2"], "by visit date: March before the January draft, newest first");
    }

    proptest::proptest! {
        /// The officer filter looks in each officer's folded name once; it finds exactly the
        /// surveys whose officer's folded name holds the folded text, in the list's order.
        #[test]
        fn the_officer_filter_finds_what_a_look_in_every_row_finds(
            officers in proptest::collection::vec(proptest::sample::select(vec!["Nguyễn Thị Hoa", "NGUYỄN THỊ HOA", "Trần Văn Nam", "", "Lê Văn Tám", "Đặng Đức"]), 0..20),
            typed in "[ a-zđăâêôơưạảãàáễ]{0,6}",
        ) {
            let registry = Registry::new(Vec::new());
            let surveys: Vec<Record<Survey>> = officers.iter().enumerate().map(|(i, o)| survey(&format!("s{i}"), "e1", SurveyStatus::Draft, None, i as i64 * 1000, o)).collect();
            let index = SurveyIndex::build(&surveys, &registry, &day);
            let q = SurveyQuery { officer: Some(typed.clone()), ..Default::default() };
            let folded = crate::text::fold(&typed);
            let everyone = index.positions(&SurveyQuery::default());
            let expected: Vec<usize> = everyone.iter().copied().filter(|&i| folded.is_empty() || crate::text::fold(&surveys[i].officer).contains(folded.as_str())).collect();
            proptest::prop_assert_eq!(index.positions(&q), expected);
        }
    }

    proptest::proptest! {
        /// Every filter together finds what a look at each live survey finds, in the list's order.
        #[test]
        fn the_filters_find_what_a_look_in_every_row_finds(
            rows in proptest::collection::vec((proptest::bool::ANY, 0usize..3, 0usize..3, 1i64..9, proptest::bool::ANY), 0..25),
            status in proptest::option::of(proptest::bool::ANY),
            unit in proptest::option::of(0usize..4),
            officer in proptest::option::of(proptest::sample::select(vec!["", "nguyen", "an", "lê", "x"])),
            from in proptest::option::of(1i64..9),
            to in proptest::option::of(1i64..9),
        ) {
            let units = ["u0", "u1", "u2", "u-none"];
            let officers = ["Nguyễn An", "Lê Bình", "Trần An"];
            let registry = Registry::new((0..3).map(|u| Record::new(format!("e{u}"), &at(1, ""), Enterprise { name: "A".into(), admin_unit_id: Some(units[u].into()), ..Default::default() })).collect());
            let surveys: Vec<Record<Survey>> = rows.iter().enumerate().map(|(i, &(done, ent, who, day_n, gone))| {
                let status = if done { SurveyStatus::Complete } else { SurveyStatus::Draft };
                let mut s = survey(&format!("s{i}"), &format!("e{ent}"), status, Some(&format!("2026-01-{day_n:02}")), (i as i64 + 1) * 1000, officers[who]);
                s.deleted = gone;
                s
            }).collect();
            let q = SurveyQuery {
                status: status.map(|d| if d { SurveyStatus::Complete } else { SurveyStatus::Draft }),
                unit: unit.map(|u| units[u].to_string()),
                officer: officer.map(str::to_string),
                from: from.map(|d| format!("2026-01-{d:02}")),
                to: to.map(|d| format!("2026-01-{d:02}")),
            };
            let index = SurveyIndex::build(&surveys, &registry, &day);
            let folded = q.officer.as_deref().map(crate::text::fold).unwrap_or_default();
            let mut expected: Vec<usize> = (0..surveys.len()).filter(|&i| {
                let s = &surveys[i];
                let unit_of = registry.get(&s.payload.enterprise_id).and_then(|e| e.payload.admin_unit_id.clone());
                let d = listed_date(s, &day);
                !s.deleted
                    && q.status.is_none_or(|st| s.payload.status == st)
                    && q.unit.as_ref().is_none_or(|u| unit_of.as_ref() == Some(u))
                    && crate::text::fold(&s.officer).contains(folded.as_str())
                    && q.from.as_ref().is_none_or(|f| &d >= f)
                    && q.to.as_ref().is_none_or(|t| &d <= t)
            }).collect();
            expected.sort_by(|&a, &b| surveys[b].updated.cmp(&surveys[a].updated));
            proptest::prop_assert_eq!(index.positions(&q), expected);
        }
    }

    #[test]
    fn a_survey_is_a_filled_form() {
        let v1 = crate::form::FormLibrary::shipped().latest(crate::form::library::FIELD_SURVEY).unwrap();
        let mut v2def: serde_json::Value = serde_json::from_str(&v1.source).unwrap();
        v2def["version"] = (v1.version + 1).into();
        let v2 = Form::parse("v2.json", &v2def.to_string()).unwrap();
        let mut s = Survey::new(&v1, "e1");
        s.answers.insert("respondent_name".into(), Answer::Text("Lê Thị Thu".into()));
        let evaluation = crate::form::evaluate(&v1, &s.answers, "2026-12-01");
        s.record_summary(&v1, &evaluation);
        assert_eq!((s.answered, s.total), evaluation.answered_total());
        assert_eq!(s.summary().readiness, None, "a field survey is not scored");
        assert_eq!(FilledForm::enterprise_id(&s), Some("e1"));

        assert!(s.needs_upgrade(&v2));
        s.move_to(&v1, &v2);
        assert_eq!((s.form_version, s.answers.get("respondent_name").and_then(Answer::text)), (v2.version, Some("Lê Thị Thu")));
        s.set_done(true);
        assert_eq!(s.status, SurveyStatus::Complete);
        let mut v3 = v2.clone();
        v3.version += 1;
        assert!(!s.needs_upgrade(&v3), "a completed survey stays on its version");
    }

    #[test]
    fn survey_this_enterprise_reopens_its_latest_draft() {
        let mut a = survey("a", "e1", SurveyStatus::Draft, None, 1000, "A");
        let b = survey("b", "e1", SurveyStatus::Draft, None, 2000, "A");
        let done = survey("c", "e1", SurveyStatus::Complete, None, 3000, "A");
        let other = survey("d", "e2", SurveyStatus::Draft, None, 4000, "A");
        let mut gone = survey("e", "e1", SurveyStatus::Draft, None, 5000, "A");
        gone.deleted = true;
        let all = vec![a.clone(), b.clone(), done, other, gone];
        assert_eq!(open_draft(&all, "e1", "field-survey").map(|s| s.id.as_str()), Some("b"));
        assert_eq!(open_draft(&all, "e1", "other-form"), None);
        a = a.revised(&at(6000, "A"), a.payload.clone());
        let all = vec![a, b];
        assert_eq!(open_draft(&all, "e1", "field-survey").map(|s| s.id.as_str()), Some("a"), "the one changed last");
        assert_eq!(open_draft(&all, "e3", "field-survey"), None);
    }
}
