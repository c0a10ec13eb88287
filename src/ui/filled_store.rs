//! Filled forms of either kind (field surveys, self-assessments) in the
//! register: store a new one, save a new version with a version check, and
//! read one again after another tab saved it. The kinds differ only in which
//! list of the register holds them and what the other tabs are told, so the
//! work is written once here; `survey_store` and `assessment_store` name it
//! for their kind.

use super::record_list::RecordList;
use super::state::Register;
use crate::model::clock::VersionVector;
use crate::model::filled::FilledForm;
use crate::model::record::Record;
use crate::store::summary::{summary_record, Summarised, SummaryOf};
use crate::store::StoreError;
use crate::sync::kinds::SyncKind;
use crate::web::{browser, record_store};
use std::future::Future;

/// A kind of filled form the register holds and the editor opens.
pub trait FilledKind: FilledForm + SyncKind + Summarised + super::deletion::Restorable + Send + Sync + 'static {
    /// The register's list of this kind: summaries.
    fn list(register: &Register) -> RecordList<SummaryOf<Self>>;
    /// Stores a new version (the kind's `Register::save_…`).
    fn save(register: Register, record: Record<Self>, base: VersionVector, keep_previous: bool) -> impl Future<Output = Result<Record<Self>, FilledSaveError<Self>>>;
}

#[derive(Debug, Clone)]
pub enum FilledSaveError<T> {
    /// The stored record changed since this page last saved it (another tab, or an import).
    Conflict(Box<Record<T>>),
    Store(StoreError),
}

impl Register {
    /// Stores a new record of a filled form made on this device; returns its id.
    pub(super) async fn store_new_filled<T: FilledKind>(self, payload: T) -> Result<String, StoreError> {
        let record = Record::new(browser::new_id(), &browser::change(), payload);
        record_store().put(&record).await?;
        T::notify(&record.id);
        let id = record.id.clone();
        T::list(&self).remember(summary_record(&record));
        Ok(id)
    }

    /// Another tab saved this record: read it alone and keep it if it is newer.
    pub(super) async fn reload_filled<T: FilledKind>(self, id: String) {
        if let Ok(Some(mut stored)) = record_store().get::<T>(&id).await {
            self.follow_aliases(std::slice::from_mut(&mut stored));
            let list = T::list(&self);
            if list.is_newer(&stored) {
                list.remember(summary_record(&stored));
            }
        }
    }

    /// Stores a new version of a filled form. `base` is the version this page
    /// last saw: if the stored one has moved on, nothing is written. With
    /// `keep_previous` the replaced version goes to the history; a draft's
    /// autosave does not keep one per keystroke.
    pub(super) async fn save_filled<T: FilledKind>(self, record: Record<T>, base: VersionVector, keep_previous: bool) -> Result<Record<T>, FilledSaveError<T>> {
        // As for enterprises and activities: an edit over conflict copies waiting would drop them
        // unseen (a version vector cannot tell), so it waits until they are resolved. The
        // editor keeps the answers and says why; its next change tries again.
        if crate::sync::local::in_conflict::<T, _>(&record_store(), &record.id).await.map_err(FilledSaveError::Store)? {
            return Err(FilledSaveError::Store(StoreError::InConflict));
        }
        match record_store().put_if_version(&record, &base, keep_previous).await.map_err(FilledSaveError::Store)? {
            Ok(()) => {}
            Err(Some(theirs)) => return Err(FilledSaveError::Conflict(Box::new(theirs))),
            // Stored, but not readable by this build: never written over.
            Err(None) => return Err(FilledSaveError::Store(StoreError::Corrupt)),
        }
        T::notify(&record.id);
        T::list(&self).remember(summary_record(&record));
        Ok(record)
    }
}
