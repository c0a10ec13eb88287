//! The record open in the editor, of either kind (a field survey or a
//! self-assessment), behind a trait object. The editor, its autosave, its
//! history and the page that opens it are most of the code and are compiled
//! once; only this adapter is compiled per kind.

use crate::model::clock::{Hlc, VersionVector};
use crate::model::draft_rescue::DraftRescue;
use crate::model::filled::{FilledForm, FilledParts};
use crate::model::record::Record;
use crate::store::StoreError;
use crate::ui::filled_store::{FilledKind, FilledSaveError};
use crate::ui::state::{DeleteError, Register};
use crate::web::{browser, record_store};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// Work under way on the store, of whichever kind.
pub type Pending<T> = Pin<Box<dyn Future<Output = T>>>;

/// One stored version of the open record.
pub type Version = Arc<dyn OpenRecord>;

pub enum OpenSaveError {
    /// The stored record changed since this page last saved it: here is that version.
    Conflict(Version),
    Store(StoreError),
}

pub trait OpenRecord: Send + Sync {
    fn id(&self) -> &str;
    /// The change stamp of this version, which a rescue names.
    fn updated(&self) -> &Hlc;
    fn version(&self) -> &VersionVector;
    /// A tombstone: the record was deleted (another tab, or a file).
    fn is_deleted(&self) -> bool;
    /// Who made this version, as history and conflicts name them.
    fn author(&self) -> &str;
    fn updated_ms(&self) -> i64;
    fn filled(&self) -> &dyn FilledForm;
    /// A copy of the payload to work on before the editor opens (rescued answers, a newer form).
    fn payload(&self) -> Box<dyn FilledForm>;
    fn rescue_applies(&self, rescue: &DraftRescue) -> bool;
    /// The next version, made by this device now: `parts` written, every other
    /// field as stored. `None` when it would change nothing.
    fn with_parts(&self, parts: FilledParts) -> Option<Version>;
    /// Writes this version if the stored one is still `base`.
    fn save(&self, register: Register, base: VersionVector, keep_previous: bool) -> Pending<Result<Version, OpenSaveError>>;
    /// The earlier versions the store kept, newest first.
    fn history(&self) -> Pending<Result<Vec<Version>, StoreError>>;
    /// The version the register lists now (it follows this page's saves and other tabs'):
    /// when it moves, `stored` has a newer version to read.
    fn listed_version(&self, register: &Register) -> Option<VersionVector>;
    /// The version stored now; `None` when it is gone or unreadable.
    fn stored(&self) -> Pending<Option<Version>>;
    /// Deletes the record if this is still the version stored.
    fn delete(&self, register: Register) -> Pending<Result<(), DeleteError>>;
}

/// Reads a record of kind `T` as stored now; a deleted one is not opened.
pub fn load<T: FilledKind>(id: String) -> Pending<Option<Version>> {
    Box::pin(async move { record_store().get::<T>(&id).await.ok().flatten().filter(|r| !r.deleted).map(|r| Arc::new(r) as Version) })
}

impl<T: FilledKind> OpenRecord for Record<T> {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> &Hlc {
        &self.updated
    }
    fn version(&self) -> &VersionVector {
        &self.version
    }
    fn is_deleted(&self) -> bool {
        self.deleted
    }
    fn author(&self) -> &str {
        Record::<T>::author(self)
    }
    fn updated_ms(&self) -> i64 {
        Record::<T>::updated_ms(self)
    }
    fn filled(&self) -> &dyn FilledForm {
        &self.payload
    }
    fn payload(&self) -> Box<dyn FilledForm> {
        Box::new(self.payload.clone())
    }
    fn rescue_applies(&self, rescue: &DraftRescue) -> bool {
        rescue.applies_to(self)
    }
    fn with_parts(&self, parts: FilledParts) -> Option<Version> {
        let mut payload = self.payload.clone();
        payload.set_parts(parts);
        // Writing answers onto a version deleted elsewhere is the officer's choice to keep the record: it comes back.
        (payload != self.payload || self.deleted).then(|| {
            let mut next = self.revised(&browser::change(), payload);
            next.deleted = false;
            Arc::new(next) as Version
        })
    }
    fn save(&self, register: Register, base: VersionVector, keep_previous: bool) -> Pending<Result<Version, OpenSaveError>> {
        let record = self.clone();
        Box::pin(async move {
            match T::save(register, record, base, keep_previous).await {
                Ok(saved) => Ok(Arc::new(saved) as Version),
                Err(FilledSaveError::Conflict(theirs)) => Err(OpenSaveError::Conflict(Arc::new(*theirs))),
                Err(FilledSaveError::Store(e)) => Err(OpenSaveError::Store(e)),
            }
        })
    }
    fn history(&self) -> Pending<Result<Vec<Version>, StoreError>> {
        let id = self.id.clone();
        Box::pin(async move { Ok(record_store().history::<T>(&id).await?.into_iter().map(|r| Arc::new(r) as Version).collect()) })
    }
    fn delete(&self, register: Register) -> Pending<Result<(), DeleteError>> {
        let (id, seen) = (self.id.clone(), self.version.clone());
        Box::pin(async move { register.delete_record::<T>(&id, &seen).await.map(|_| ()) })
    }
    fn listed_version(&self, register: &Register) -> Option<VersionVector> {
        T::list(register).records.with(|all| all.iter().find(|r| r.id == self.id).map(|r| r.version.clone()))
    }
    fn stored(&self) -> Pending<Option<Version>> {
        let id = self.id.clone();
        Box::pin(async move { record_store().get::<T>(&id).await.ok().flatten().map(|r| Arc::new(r) as Version) })
    }
}
