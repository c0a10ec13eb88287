//! Self-assessment records in the register: start one on a questionnaire,
//! save with a conflict check, read one again after another tab saved it.
//! The work is `filled_store`'s, shared with field surveys.

use super::filled_store::{FilledKind, FilledSaveError};
use super::record_list::RecordList;
use super::state::Register;
use crate::form::{evaluate, Answer};
use crate::model::assessment::{Assessment, ASSESSMENT_DATE};
use crate::model::clock::VersionVector;
use crate::model::filled::FilledForm;
use crate::model::record::Record;
use crate::store::StoreError;
use crate::web::browser;
use leptos::prelude::*;

impl FilledKind for Assessment {
    fn list(register: &Register) -> RecordList<crate::store::summary::SummaryOf<Assessment>> {
        register.assessments
    }
    async fn save(register: Register, record: Record<Assessment>, base: VersionVector, keep_previous: bool) -> Result<Record<Assessment>, FilledSaveError<Assessment>> {
        register.save_assessment(record, base, keep_previous).await
    }
}

impl Register {
    /// Creates a draft self-assessment on the latest version of a
    /// questionnaire, dated today (the enterprise may change the date), for a
    /// register enterprise or, with `None`, for one not linked yet; returns its id.
    pub async fn start_assessment(self, form_id: &str, enterprise_id: Option<String>) -> Result<String, StoreError> {
        let form = self.forms.with_untracked(|f| f.latest(form_id)).ok_or_else(|| StoreError::Other(format!("no questionnaire {form_id}")))?;
        let mut assessment = Assessment::new(&form, enterprise_id.as_deref());
        let today = browser::today();
        // Only where the questionnaire asks for it: an answer to no question would be an orphan on the first save.
        if form.question(ASSESSMENT_DATE).is_some() {
            assessment.answers.insert(ASSESSMENT_DATE.to_string(), Answer::Text(today.clone()));
        }
        // A questionnaire that asks the enterprise's name and tax code (ISO 9001) starts with
        // what its profile already says, so the enterprise does not type them twice.
        let profile = enterprise_id.as_deref().and_then(|id| self.registry.with_untracked(|r| r.get(id).map(|e| (e.payload.name.clone(), e.payload.tax_code.clone()))));
        if let Some((name, tax_code)) = profile {
            for (question, value) in [(crate::model::assessment::ENTERPRISE_NAME, Some(name)), (crate::model::assessment::TAX_CODE, tax_code)] {
                if let Some(value) = value.filter(|v| !v.trim().is_empty() && form.question(question).is_some()) {
                    assessment.answers.insert(question.to_string(), Answer::Text(value));
                }
            }
        }
        assessment.record_summary(&form, &evaluate(&form, &assessment.answers, &today));
        self.store_new_filled(assessment).await
    }

    /// Stores a new version of a self-assessment. `base` is the version this
    /// page last saw: if the stored one has moved on, nothing is written. With
    /// `keep_previous` the replaced version goes to the history.
    pub async fn save_assessment(self, record: Record<Assessment>, base: VersionVector, keep_previous: bool) -> Result<Record<Assessment>, FilledSaveError<Assessment>> {
        self.save_filled(record, base, keep_previous).await
    }

    /// Another tab saved this self-assessment: read it alone and keep it if it is newer.
    pub async fn reload_assessment(self, id: String) {
        self.reload_filled::<Assessment>(id).await
    }
}
