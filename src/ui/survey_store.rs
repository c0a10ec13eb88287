//! Survey records and form definitions in the register: start, save with a
//! conflict check (the work itself is `filled_store`'s, shared with
//! self-assessments), and install a form definition from a file.

use super::filled_store::{FilledKind, FilledSaveError};
use super::record_list::RecordList;
use super::state::Register;
use crate::form::library::FIELD_SURVEY;
use crate::form::{evaluate, DefError, Form};
use crate::model::clock::VersionVector;
use crate::model::filled::FilledForm;
use crate::model::record::Record;
use crate::model::survey::{open_draft, Survey};
use crate::store::{InstalledForm, StoreError};
use crate::web::{broadcast, browser, record_store};
use leptos::prelude::*;
use std::sync::Arc;

/// The query parameter of a new survey's address that names the enterprise surveyed.
pub const NEW_FOR: &str = "for";

#[derive(Debug, Clone)]
pub enum InstallError {
    Invalid(Vec<DefError>),
    Store(StoreError),
}

impl FilledKind for Survey {
    fn list(register: &Register) -> RecordList<crate::store::summary::SummaryOf<Survey>> {
        register.surveys
    }
    async fn save(register: Register, record: Record<Survey>, base: VersionVector, keep_previous: bool) -> Result<Record<Survey>, FilledSaveError<Survey>> {
        register.save_survey(record, base, keep_previous).await
    }
}

impl Register {
    /// Another tab saved this survey: read it alone and keep it if it is newer.
    pub async fn reload_survey(self, id: String) {
        self.reload_filled::<Survey>(id).await
    }

    /// Where "survey this enterprise" goes: its draft on the field survey, or
    /// the address of a new survey, which is stored at its first answer.
    /// `None` when this device has no field survey form.
    pub fn survey_path_for(&self, enterprise_id: &str) -> Option<String> {
        let form = self.forms.with_untracked(|f| f.latest(FIELD_SURVEY))?;
        let draft = self.surveys.records.with_untracked(|all| open_draft(all, enterprise_id, &form.id).map(|s| s.id.clone()));
        Some(match draft {
            Some(id) => format!("/surveys/{id}"),
            None => format!("/surveys/{}?{}={}", browser::new_id(), NEW_FOR, String::from(js_sys::encode_uri_component(enterprise_id))),
        })
    }

    /// A new survey of an enterprise, not stored: the editor writes it at the
    /// first answer. `None` if the enterprise is not in the register.
    pub fn fresh_survey(&self, id: String, enterprise_id: &str) -> Option<Record<Survey>> {
        let enterprise = self.registry.with_untracked(|r| r.get(enterprise_id).map(|e| e.payload.clone()))?;
        let form = self.forms.with_untracked(|f| f.latest(FIELD_SURVEY))?;
        let mut survey = Survey::new(&form, enterprise_id);
        // What the register already holds, in the form's units: the officer checks it rather than types it.
        survey.answers = crate::form::prefill::prefilled(&form, |figure| enterprise.figure(figure));
        survey.record_summary(&form, &evaluate(&form, &survey.answers, &browser::today()));
        Some(Record::new(id, &browser::change(), survey))
    }

    /// Stores a new version of a survey. `base` is the version this page
    /// last saw: if the stored one has moved on, nothing is written. With
    /// `keep_previous` the replaced version goes to the history; a draft's
    /// autosave does not keep one per keystroke.
    pub async fn save_survey(self, record: Record<Survey>, base: VersionVector, keep_previous: bool) -> Result<Record<Survey>, FilledSaveError<Survey>> {
        self.save_filled(record, base, keep_previous).await
    }

    /// Checks a definition file and, if it is sound, keeps it on this device.
    pub async fn install_form(self, file: String, source: String) -> Result<Arc<Form>, InstallError> {
        // Checked against the shipped definitions, once they are in (a definition may not take
        // a shipped one's id and version with other content).
        self.wait_for_forms().await;
        let form = self.forms.get_untracked().install(&file, &source).map_err(InstallError::Invalid)?;
        let store = record_store();
        let mut installed = store.load_installed_forms().await.map_err(InstallError::Store)?;
        if !installed.iter().any(|f| f.source == source) {
            installed.push(InstalledForm { file: file.clone(), source: source.clone() });
            store.save_installed_forms(&installed).await.map_err(InstallError::Store)?;
            broadcast::notify_changed();
        }
        // Into the library as it is now, not the copy checked above: the definitions may have
        // changed during the writes (another tab's, read by a reload).
        self.forms.update(|forms| {
            let _ = forms.install(&file, &source);
        });
        Ok(form)
    }
}
