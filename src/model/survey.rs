//! A field survey response: the answers an officer gave on one version of a
//! survey form about one registry enterprise.

use super::record::{Record, RecordKind};
use super::registry::Registry;
use crate::form::{migrate, Answers, Evaluation, Form, Orphan};
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

    pub fn record_summary(&mut self, evaluation: &Evaluation) {
        (self.answered, self.total) = evaluation.answered_total();
    }

    /// Moves the answers onto a newer version of the form, keeping what no longer fits.
    pub fn move_to(&mut self, from: &Form, to: &Form) {
        let (answers, orphans) = migrate(&self.answers, from, to);
        self.answers = answers;
        self.orphans.extend(orphans);
        self.form_version = to.version;
    }

    /// Whether this response should move to `latest` when opened: a draft on an older version.
    pub fn needs_upgrade(&self, latest: &Form) -> bool {
        self.status == SurveyStatus::Draft && self.form_id == latest.id && self.form_version < latest.version
    }
}

/// Answers of an open survey that were not written when its page went away,
/// and the stored version they were made on: they apply only to that version.
/// Versions are named by their change stamp (`Record::updated`), which is
/// unique to one write of one tab: two tabs of one device share a version
/// vector entry, so a vector cannot tell one tab's write from another's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRescue {
    /// The stamp of the stored version the answers were made on.
    pub base: super::clock::Hlc,
    /// The stamp of the write this tab had under way when the page went: if
    /// that write landed, the answers still apply on top of it.
    #[serde(default)]
    pub in_flight: Option<super::clock::Hlc>,
    /// The form version the answers are on; newer than the stored one when
    /// the page had moved the draft to a newer form before its write landed.
    pub form_version: u32,
    pub answers: Answers,
    pub orphans: Vec<Orphan>,
    /// When it was put aside (device clock, ms): of two that apply, the later wins.
    #[serde(default)]
    pub saved_ms: i64,
}

impl DraftRescue {
    /// Whether these answers may replace the stored ones: made on exactly
    /// the stored version, or on the version this tab was writing, and not
    /// already there. Anything else (another tab or device saved since) is
    /// never written over.
    pub fn applies_to(&self, stored: &Record<Survey>) -> bool {
        let lineage = stored.updated == self.base || self.in_flight.as_ref() == Some(&stored.updated);
        lineage && !stored.deleted && self.answers != stored.payload.answers
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
pub fn listed_date(survey: &Record<Survey>, local_day: &dyn Fn(i64) -> String) -> String {
    survey.payload.survey_date().map_or_else(|| local_day(survey.created_ms()), str::to_string)
}

impl SurveyQuery {
    /// The surveys that pass every filter, most recently changed first, as
    /// positions in `surveys`: a list keeps these and builds only the page it
    /// shows. Deleted ones are left out.
    pub fn positions(&self, surveys: &[Record<Survey>], registry: &Registry, local_day: &dyn Fn(i64) -> String) -> Vec<usize> {
        let officer = self.officer.as_deref().map(crate::text::fold).filter(|o| !o.is_empty());
        let mut out: Vec<usize> = surveys
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.deleted)
            .filter(|(_, s)| self.status.is_none_or(|st| s.payload.status == st))
            .filter(|(_, s)| {
                self.unit.as_deref().is_none_or(|u| registry.get(&s.payload.enterprise_id).and_then(|e| e.payload.admin_unit_id.as_deref()) == Some(u))
            })
            .filter(|(_, s)| officer.as_deref().is_none_or(|o| crate::text::fold(&s.officer).contains(o)))
            .filter(|(_, s)| {
                if self.from.is_none() && self.to.is_none() {
                    return true;
                }
                let day = listed_date(s, local_day);
                self.from.as_deref().is_none_or(|f| day.as_str() >= f) && self.to.as_deref().is_none_or(|t| day.as_str() <= t)
            })
            .map(|(i, _)| i)
            .collect();
        out.sort_by(|&a, &b| surveys[b].updated.cmp(&surveys[a].updated));
        out
    }
}

/// The surveys of one enterprise, newest visit first.
pub fn of_enterprise<'a>(surveys: &'a [Record<Survey>], enterprise_id: &str, local_day: &dyn Fn(i64) -> String) -> Vec<&'a Record<Survey>> {
    let mut out: Vec<&Record<Survey>> = surveys.iter().filter(|s| !s.deleted && s.payload.enterprise_id == enterprise_id).collect();
    out.sort_by_key(|s| std::cmp::Reverse((listed_date(s, local_day), s.updated.clone())));
    out
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
    fn a_rescue_applies_only_to_its_own_line_of_versions() {
        let r0 = survey("s", "e", SurveyStatus::Draft, None, 1000, "A");
        let mut answers = r0.payload.answers.clone();
        answers.insert("respondent_name".into(), Answer::Text("Lê Thị Thu".into()));
        let rescue = DraftRescue { base: r0.updated.clone(), in_flight: None, form_version: 1, answers: answers.clone(), orphans: vec![], saved_ms: 0 };
        assert!(rescue.applies_to(&r0));
        let mut written = r0.clone();
        written.payload.answers = answers.clone();
        assert!(!rescue.applies_to(&written), "already stored: nothing to bring back");
        // Another tab of the same device saved after this one's rescue: same device, a later version.
        let other_tab = r0.revised(&at(2000, "A"), r0.payload.clone());
        assert!(!rescue.applies_to(&other_tab), "another tab's later save is never written over");
        // This tab's own write of an earlier snapshot landed, the last one did not.
        let mine = r0.revised(&at(3000, "A"), r0.payload.clone());
        let with_flight = DraftRescue { in_flight: Some(mine.updated.clone()), ..rescue.clone() };
        assert!(with_flight.applies_to(&mine) && with_flight.applies_to(&r0));
        assert!(!with_flight.applies_to(&other_tab));
        let theirs = r0.revised(&Change { at: Hlc { ms: 3000, counter: 0, device: "other".into() }, officer: "B".into() }, r0.payload.clone());
        assert!(!rescue.applies_to(&theirs), "another device saved since: never written over");
        assert!(!rescue.applies_to(&r0.deleted_by(&at(4000, "A"))), "a deleted survey is not brought back by a rescue");
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
        let ids = |q: &SurveyQuery| q.positions(&surveys, &registry, &day).into_iter().map(|i| surveys[i].id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(&SurveyQuery::default()), vec!["s4", "s2", "s3", "s1"], "newest change first, deleted left out");
        assert_eq!(ids(&SurveyQuery { status: Some(SurveyStatus::Complete), ..Default::default() }), vec!["s3", "s1"]);
        assert_eq!(ids(&SurveyQuery { unit: Some("tp-sa-dec".into()), ..Default::default() }), vec!["s2", "s1"]);
        assert_eq!(ids(&SurveyQuery { officer: Some("nguyen thi".into()), ..Default::default() }), vec!["s3", "s1"]);
        // s2 has no visit date: listed on the day it was started (2026-01-05); s4's date is not a date.
        assert_eq!(ids(&SurveyQuery { from: Some("2026-01-01".into()), to: Some("2026-03-31".into()), ..Default::default() }), vec!["s4", "s2", "s1"]);
        assert_eq!(ids(&SurveyQuery { from: Some("2026-04-01".into()), ..Default::default() }), vec!["s3"]);
        let of_e1: Vec<&str> = of_enterprise(&surveys, "e1", &day).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(of_e1, vec!["s1", "s2"], "by visit date: March before the January draft, newest first");
    }
}
