//! A self-assessment: an enterprise's answers to a readiness questionnaire
//! (a scored form, such as `data/forms/iso9001_readiness.json`), sent to the
//! department.
//!
//! The enterprise fills it on its own device, where the department's register
//! does not exist, so it names itself in the answers (name and tax code).
//! `enterprise_id` links it to a register enterprise once the department
//! knows which one it is.

use super::filled::{AnswersMut, FilledForm, Summary};
use super::record::{Record, RecordKind};
use crate::form::{Answers, Form, Orphan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AssessmentStatus {
    /// Being filled by the enterprise.
    #[default]
    Draft,
    /// Every rule passed and the enterprise sent it.
    Submitted,
}

impl AssessmentStatus {
    pub fn key(self) -> &'static str {
        match self {
            AssessmentStatus::Draft => "draft",
            AssessmentStatus::Submitted => "submitted",
        }
    }
}

/// The questions every self-assessment questionnaire asks, by id.
pub const ENTERPRISE_NAME: &str = "enterprise_name";
pub const TAX_CODE: &str = "tax_code";
pub const ASSESSMENT_DATE: &str = "assessment_date";

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Assessment {
    pub form_id: String,
    pub form_version: u32,
    /// The register enterprise this is about, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_id: Option<String>,
    #[serde(default)]
    pub status: AssessmentStatus,
    #[serde(default)]
    pub answers: Answers,
    /// Answers from an earlier questionnaire version that the current one cannot hold.
    #[serde(default)]
    pub orphans: Vec<Orphan>,
    /// As of the last save, so lists need not re-run the questionnaire.
    #[serde(default)]
    pub answered: usize,
    #[serde(default)]
    pub total: usize,
    /// The readiness score, 0 to 100, as of the last save; `None` until a scored item is answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness: Option<f64>,
    /// The action plan: what the enterprise decided about each recommended action, by item key
    /// (`question` or `question.row`). Kept with the assessment it came from, so a later
    /// assessment starts a fresh plan and the old one stays as it was.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub actions: BTreeMap<String, ActionState>,
}

/// One action of the plan as the enterprise set it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionState {
    /// Who does it (free text: a name or a role).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default)]
    pub done: bool,
}

impl ActionState {
    /// Not done and due before `today` (both YYYY-MM-DD, which compare as text).
    pub fn is_overdue(&self, today: &str) -> bool {
        !self.done && self.due.as_deref().is_some_and(|d| crate::form::answer::is_date(d) && d < today)
    }
}

impl RecordKind for Assessment {
    const KIND: &'static str = "assessment";

    fn index_keys(&self) -> Vec<(&'static str, String)> {
        let mut keys = vec![("status", self.status.key().to_string()), ("form_id", self.form_id.clone())];
        if let Some(e) = &self.enterprise_id {
            keys.push(("enterprise_id", e.clone()));
        }
        // Normalised as the register indexes it, so the two can be matched; a code that does not parse is not indexed.
        if let Some(code) = self.tax_code().and_then(|c| super::tax_code::TaxCode::parse(c).ok()) {
            keys.push(("tax_code", code.to_string()));
        }
        keys
    }
}

impl Assessment {
    pub fn new(form: &Form, enterprise_id: Option<&str>) -> Assessment {
        Assessment { form_id: form.id.clone(), form_version: form.version, enterprise_id: enterprise_id.map(str::to_string), ..Default::default() }
    }

    fn text(&self, id: &str) -> Option<&str> {
        self.answers.get(id).and_then(|a| a.text()).map(str::trim).filter(|t| !t.is_empty())
    }

    /// The name the enterprise gave.
    pub fn enterprise_name(&self) -> Option<&str> {
        self.text(ENTERPRISE_NAME)
    }

    pub fn tax_code(&self) -> Option<&str> {
        self.text(TAX_CODE)
    }

    /// The date of the assessment, if it is a date.
    pub fn assessed_on(&self) -> Option<&str> {
        self.text(ASSESSMENT_DATE).filter(|d| crate::form::answer::is_date(d))
    }
}

impl AsRef<Assessment> for Assessment {
    fn as_ref(&self) -> &Assessment {
        self
    }
}

impl FilledForm for Assessment {
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
        self.status == AssessmentStatus::Submitted
    }
    fn set_done(&mut self, done: bool) {
        self.status = if done { AssessmentStatus::Submitted } else { AssessmentStatus::Draft };
    }
    fn enterprise_id(&self) -> Option<&str> {
        self.enterprise_id.as_deref()
    }
    fn summary(&self) -> Summary {
        Summary { answered: self.answered, total: self.total, readiness: self.readiness }
    }
    fn set_summary(&mut self, summary: Summary) {
        (self.answered, self.total, self.readiness) = (summary.answered, summary.total, summary.readiness);
    }
    fn answers_mut(&mut self) -> AnswersMut<'_> {
        AnswersMut { answers: &mut self.answers, orphans: &mut self.orphans, form_version: &mut self.form_version }
    }
}

/// The self-assessments linked to one enterprise, newest first; deleted ones left out.
pub fn of_enterprise<'a, P: AsRef<Assessment>>(assessments: &'a [Record<P>], enterprise_id: &str) -> Vec<&'a Record<P>> {
    let mut out: Vec<&Record<P>> = assessments.iter().filter(|a| !a.deleted && a.payload.as_ref().enterprise_id.as_deref() == Some(enterprise_id)).collect();
    crate::sort::sort_by(&mut out, |a, b| (b.payload.as_ref().assessed_on(), &b.updated).cmp(&(a.payload.as_ref().assessed_on(), &a.updated)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::library::{FormLibrary, ISO9001_READINESS};
    use crate::form::score;
    use crate::form::{evaluate, Answer};
    use crate::model::clock::Hlc;
    use crate::model::record::Change;

    #[test]
    fn the_shipped_questionnaire_scores_and_names_the_enterprise() {
        let form = FormLibrary::shipped().latest(ISO9001_READINESS).expect("the ISO 9001 questionnaire ships");
        assert!(score::is_scored(&form));
        let mut a = Assessment::new(&form, Some("e1"));
        for (id, v) in [(ENTERPRISE_NAME, "Công ty TNHH Thủy sản Sa Đéc"), (TAX_CODE, " 1400100593 "), (ASSESSMENT_DATE, "2026-11-30"), ("respondent_name", "Lê Thị Thu")] {
            a.answers.insert(id.into(), Answer::Text(v.into()));
        }
        // Every requirement of every clause "met", but design (8.3) not applicable.
        for q in form.questions() {
            if let crate::form::Kind::Matrix { rows, .. } = &q.kind {
                let cells = rows.iter().map(|r| (r.id.clone(), if r.id == "c8_3" { "not_applicable" } else { "compliant" }.to_string())).collect();
                a.answers.insert(q.id.clone(), Answer::Cells(cells));
            }
        }
        let evaluation = evaluate(&form, &a.answers, "2026-12-01");
        assert!(evaluation.is_complete(), "{:?}", evaluation.issues);
        a.record_summary(&form, &evaluation);
        assert_eq!(a.readiness, Some(100.0));
        assert_eq!((a.tax_code(), a.enterprise_name(), a.assessed_on()), (Some("1400100593"), Some("Công ty TNHH Thủy sản Sa Đéc"), Some("2026-11-30")));
        let keys = a.index_keys();
        assert!(keys.contains(&("enterprise_id", "e1".to_string())) && keys.contains(&("tax_code", "1400100593".to_string())), "{keys:?}");
        let mut spaced = a.clone();
        spaced.answers.insert(TAX_CODE.into(), Answer::Text("1400 100 593".into()));
        assert!(spaced.index_keys().contains(&("tax_code", "1400100593".to_string())), "indexed as the register writes it");
        spaced.answers.insert(TAX_CODE.into(), Answer::Text("14001".into()));
        assert!(!spaced.index_keys().iter().any(|(k, _)| *k == "tax_code"), "not a tax code: not indexed");

        // One requirement partly met out of 29 applicable.
        if let Some(Answer::Cells(cells)) = a.answers.get_mut("clause_4") {
            cells.insert("c4_2".into(), "partial".into());
        }
        a.record_summary(&form, &evaluate(&form, &a.answers, "2026-12-01"));
        let expected = 100.0 * 28.5 / 29.0;
        assert!((a.readiness.unwrap() - expected).abs() < 1e-9, "{:?}", a.readiness);

        let mut wrong = a.clone();
        wrong.answers.insert(TAX_CODE.into(), Answer::Text("14001".into()));
        wrong.answers.insert(ASSESSMENT_DATE.into(), Answer::Text("2027-01-01".into()));
        let e = evaluate(&form, &wrong.answers, "2026-12-01");
        assert!(e.issue(TAX_CODE).is_some() && e.issue(ASSESSMENT_DATE).is_some(), "{:?}", e.issues);
    }

    #[test]
    fn the_list_of_an_enterprise_is_newest_first() {
        let at = |ms| Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() };
        let on = |day: &str, ent: Option<&str>| {
            let mut a = Assessment { form_id: "iso9001-readiness".into(), form_version: 1, enterprise_id: ent.map(str::to_string), ..Default::default() };
            a.answers.insert(ASSESSMENT_DATE.into(), Answer::Text(day.into()));
            a
        };
        let all = [
            Record::new("a1".into(), &at(3), on("2025-01-10", Some("e1"))),
            Record::new("a2".into(), &at(1), on("2026-02-01", Some("e1"))),
            Record::new("a3".into(), &at(2), on("2026-03-01", None)),
            Record::new("a4".into(), &at(4), on("2026-04-01", Some("e2"))),
        ];
        let ids: Vec<&str> = of_enterprise(&all, "e1").iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["a2", "a1"]);
        let json = serde_json::to_value(&all[2].payload).unwrap();
        assert!(json.get("enterprise_id").is_none() && json.get("readiness").is_none());
        assert_eq!(json["status"], "draft");
    }

    /// The shipped questionnaire, one version on, with `edit` applied to its definition.
    fn newer(form: &Form, edit: impl Fn(&mut serde_json::Value)) -> Form {
        let mut v: serde_json::Value = serde_json::from_str(&form.source).unwrap();
        v["version"] = (form.version + 1).into();
        edit(&mut v);
        Form::parse("newer.json", &v.to_string()).unwrap()
    }

    #[test]
    fn a_draft_moves_to_a_newer_questionnaire_with_its_answers_and_its_action_plan() {
        let v1 = FormLibrary::shipped().latest(ISO9001_READINESS).unwrap();
        // Version 2 no longer asks for the scope.
        let v2 = newer(&v1, |d| {
            let questions = d["sections"][0]["questions"].as_array_mut().unwrap();
            questions.retain(|q| q["id"] != "scope");
        });
        let mut a = Assessment::new(&v1, None);
        a.answers.insert(ENTERPRISE_NAME.into(), Answer::Text("Công ty TNHH Thủy sản Sa Đéc".into()));
        a.answers.insert("scope".into(), Answer::Text("Chế biến cá tra".into()));
        a.answers.insert("clause_4".into(), Answer::Cells([("c4_1".to_string(), "partial".to_string())].into_iter().collect()));
        a.actions.insert("clause_4.c4_1".into(), ActionState { owner: "Phòng QA".into(), due: Some("2026-12-31".into()), done: false });
        assert!(a.needs_upgrade(&v2) && !a.needs_upgrade(&v1));

        let before = a.clone();
        a.move_to(&v1, &v2);
        assert_eq!(a.form_version, v2.version);
        assert_eq!(a.answers.get(ENTERPRISE_NAME), before.answers.get(ENTERPRISE_NAME));
        assert_eq!(a.answers.get("clause_4"), before.answers.get("clause_4"));
        assert!(a.answers.get("scope").is_none());
        assert_eq!(a.orphans.iter().map(|o| o.question.as_str()).collect::<Vec<_>>(), vec!["scope"], "what no longer fits is kept aside");
        assert_eq!(a.actions, before.actions, "the action plan is not the editor's to change");
        assert_eq!((a.enterprise_id.clone(), a.status), (None, AssessmentStatus::Draft));

        // A submitted one stays on the version it was submitted on.
        let mut sent = before.clone();
        sent.set_done(true);
        assert_eq!(sent.status, AssessmentStatus::Submitted);
        assert!(sent.is_done() && !sent.needs_upgrade(&v2));
    }

    #[test]
    fn what_the_editor_writes_leaves_the_rest_of_the_assessment_alone() {
        let form = FormLibrary::shipped().latest(ISO9001_READINESS).unwrap();
        let mut a = Assessment::new(&form, Some("e1"));
        a.actions.insert("clause_5.c5_1".into(), ActionState { owner: "Giám đốc".into(), due: None, done: true });
        let mut parts = a.parts();
        parts.answers.insert("clause_5".into(), Answer::Cells([("c5_1".to_string(), "compliant".to_string()), ("c5_2".to_string(), "not_applicable".to_string())].into_iter().collect()));
        parts.summary = Summary::of(&form, &parts.answers, &evaluate(&form, &parts.answers, "2026-12-01"));
        parts.done = true;
        let mut written = a.clone();
        written.set_parts(parts.clone());
        assert_eq!(written.parts(), parts);
        assert_eq!((written.actions.clone(), written.enterprise_id.clone(), written.status), (a.actions.clone(), Some("e1".to_string()), AssessmentStatus::Submitted));
        assert_eq!(written.readiness, Some(100.0), "one requirement met, one not applicable");
        assert_eq!(FilledForm::enterprise_id(&written), Some("e1"));

        // The summary lists show: progress, and the score of a scored questionnaire.
        let mut b = Assessment::new(&form, None);
        b.answers.insert("clause_4".into(), Answer::Cells([("c4_1".to_string(), "compliant".to_string()), ("c4_2".to_string(), "partial".to_string())].into_iter().collect()));
        let evaluation = evaluate(&form, &b.answers, "2026-12-01");
        b.record_summary(&form, &evaluation);
        assert_eq!((b.answered, b.total), evaluation.answered_total());
        assert_eq!(b.readiness, Some(75.0));
        assert_eq!(b.summary(), Summary { answered: b.answered, total: b.total, readiness: Some(75.0) });
    }
}
