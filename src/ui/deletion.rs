//! Deleting records and bringing them back. A deletion writes a tombstone
//! (the record, marked deleted, as a new version), which file sync passes on;
//! bringing one back writes the next version, not deleted, so a restore
//! travels in the next file the same way and beats the deletion everywhere.
//! Both check that the stored record is still the version the officer saw,
//! in the transaction that writes, as every save does.

use super::state::{DeleteError, Register};
use crate::i18n::Msg;
use crate::model::activity::Activity;
use crate::model::assessment::Assessment;
use crate::model::clock::VersionVector;
use crate::model::enterprise::Enterprise;
use crate::model::record::Record;
use crate::model::survey::Survey;
use crate::store::summary::summary_record;
use crate::store::StoreError;
use crate::sync::kinds::SyncKind;
use crate::web::{broadcast, browser, record_store};
use leptos::prelude::*;

/// A kind the "recently deleted" page lists and brings back.
pub trait Restorable: SyncKind + Send + Sync {
    /// What the page calls one of them.
    const NAME: Msg;
    /// Tells the app's other tabs that this one record changed, so they read it alone.
    fn notify(id: &str);
    /// Puts a version this page wrote into the register's copy.
    fn remember(register: &Register, record: Record<Self>);
}

impl Restorable for Enterprise {
    const NAME: Msg = Msg::KindEnterprise;
    fn notify(id: &str) {
        broadcast::notify_enterprise_changed(id);
    }
    fn remember(register: &Register, record: Record<Self>) {
        register.remember_enterprise(record);
    }
}

impl Restorable for Survey {
    const NAME: Msg = Msg::KindSurvey;
    fn notify(id: &str) {
        broadcast::notify_survey_changed(id);
    }
    fn remember(register: &Register, record: Record<Self>) {
        register.surveys.remember(summary_record(&record));
    }
}

impl Restorable for Assessment {
    const NAME: Msg = Msg::KindAssessment;
    fn notify(id: &str) {
        broadcast::notify_assessment_changed(id);
    }
    fn remember(register: &Register, record: Record<Self>) {
        register.assessments.remember(summary_record(&record));
    }
}

impl Restorable for Activity {
    const NAME: Msg = Msg::KindActivity;
    fn notify(id: &str) {
        broadcast::notify_activity_changed(id);
    }
    fn remember(register: &Register, record: Record<Self>) {
        register.activities.remember(record);
    }
}

#[derive(Debug)]
pub enum RestoreError {
    /// The record changed (another tab, an import) since the list was shown; nothing was written.
    Changed,
    /// Versions from other laptops wait in the conflicts list: they are resolved first.
    InConflict,
    /// Another enterprise in the register now holds this one's tax code.
    TaxCodeTaken,
    Store(StoreError),
}

impl RestoreError {
    pub fn msg(&self) -> Msg {
        match self {
            RestoreError::Changed => Msg::RestoreChangedMeanwhile,
            RestoreError::InConflict => Msg::EditInConflict,
            RestoreError::TaxCodeTaken => Msg::RestoreTaxCodeTaken,
            RestoreError::Store(e) => e.msg(),
        }
    }
}

impl Register {
    /// Replaces a record with its tombstone if it is still the version `seen`.
    pub async fn delete_record<T: Restorable>(self, id: &str, seen: &VersionVector) -> Result<Record<T>, DeleteError> {
        let store = record_store();
        let stored = store.get::<T>(id).await.map_err(DeleteError::Store)?.ok_or(DeleteError::Changed)?;
        if stored.deleted || stored.version != *seen {
            return Err(DeleteError::Changed);
        }
        if crate::sync::local::in_conflict::<T, _>(&store, id).await.map_err(DeleteError::Store)? {
            return Err(DeleteError::InConflict);
        }
        let tomb = stored.deleted_by(&browser::change());
        match store.put_if_version(&tomb, seen, true).await.map_err(DeleteError::Store)? {
            Ok(()) => {
                T::notify(id);
                T::remember(&self, tomb.clone());
                Ok(tomb)
            }
            Err(_) => Err(DeleteError::Changed),
        }
    }

    /// Brings a deleted record back as it was when deleted, as a new version, if the stored
    /// tombstone is still the version `seen` the page listed.
    pub async fn restore<T: Restorable>(self, id: &str, seen: &VersionVector) -> Result<Record<T>, RestoreError> {
        let store = record_store();
        let tomb = store.get::<T>(id).await.map_err(RestoreError::Store)?.filter(|t| t.deleted && t.version == *seen).ok_or(RestoreError::Changed)?;
        let tomb = &tomb;
        if crate::sync::local::in_conflict::<T, _>(&store, &tomb.id).await.map_err(RestoreError::Store)? {
            return Err(RestoreError::InConflict);
        }
        if self.tax_code_taken(&tomb.payload as &dyn std::any::Any, &tomb.id) {
            return Err(RestoreError::TaxCodeTaken);
        }
        let mut back = tomb.revised(&browser::change(), tomb.payload.clone());
        back.deleted = false;
        match store.put_if_version(&back, &tomb.version, true).await.map_err(RestoreError::Store)? {
            Ok(()) => {
                T::notify(&back.id);
                T::remember(&self, back.clone());
                Ok(back)
            }
            Err(_) => Err(RestoreError::Changed),
        }
    }

    /// For an enterprise coming back: whether another enterprise in the
    /// register holds its tax code now (two records with one code are what
    /// the register exists to prevent).
    fn tax_code_taken(&self, payload: &dyn std::any::Any, id: &str) -> bool {
        let Some(code) = payload.downcast_ref::<Enterprise>().and_then(|e| e.tax_code.clone()) else { return false };
        self.registry.with_untracked(|r| r.owner_of_tax_code(&code, Some(id)).is_some())
    }
}
