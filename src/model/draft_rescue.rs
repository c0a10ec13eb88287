//! Answers typed into an open form that may not have been written when the
//! page went away (closed, reloaded, crashed): put aside synchronously in
//! localStorage, and brought back when the record opens again, only onto the
//! version they were typed on.

use super::clock::Hlc;
use super::filled::FilledForm;
use super::record::Record;
use crate::form::{Answers, Orphan};
use serde::{Deserialize, Serialize};

/// Answers of an open survey or self-assessment that were not written when its page went away,
/// and the stored version they were made on: they apply only to that version.
/// Versions are named by their change stamp (`Record::updated`), which is
/// unique to one write of one tab: two tabs of one device share a version
/// vector entry, so a vector cannot tell one tab's write from another's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRescue {
    /// The stamp of the stored version the answers were made on.
    pub base: Hlc,
    /// The stamp of the write this tab had under way when the page went: if
    /// that write landed, the answers still apply on top of it.
    #[serde(default)]
    pub in_flight: Option<Hlc>,
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
    pub fn applies_to<T: FilledForm>(&self, stored: &Record<T>) -> bool {
        let lineage = stored.updated == self.base || self.in_flight.as_ref() == Some(&stored.updated);
        lineage && !stored.deleted && self.answers != *stored.payload.answers()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Answer;
    use crate::model::record::Change;
    use crate::model::survey::{Survey, SurveyStatus};

    fn at(ms: i64, officer: &str) -> Change {
        Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: officer.into() }
    }

    fn survey(id: &str, ms: i64) -> Record<Survey> {
        let s = Survey { form_id: "field-survey".into(), form_version: 1, enterprise_id: "e".into(), status: SurveyStatus::Draft, ..Default::default() };
        Record::new(id.into(), &at(ms, "A"), s)
    }

    #[test]
    fn a_rescue_applies_only_to_its_own_line_of_versions() {
        let r0 = survey("s", 1000);
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
}
