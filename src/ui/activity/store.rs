//! Activities in the register: save a version with a version check, delete
//! as a tombstone, read one again after another tab saved it. Each save keeps
//! the replaced version in the record's history, like an enterprise's.

use crate::model::activity::Activity;
use crate::model::clock::VersionVector;
use crate::model::record::Record;
use crate::store::StoreError;
use crate::ui::state::Register;
use crate::web::{broadcast, browser, record_store};

#[derive(Debug, Clone)]
pub enum ActivitySaveError {
    /// The stored record moved on since the form opened (another tab, an import): here it is.
    Changed(Box<Record<Activity>>),
    /// Versions from other laptops wait in the conflicts list: they are resolved first.
    InConflict,
    Store(StoreError),
}

impl Register {
    /// Stores an activity: a new record when `base` is `None`, else a new
    /// version of `base`, written only if the stored record is still `base`
    /// (checked in the write's transaction). Saving onto a tombstone restores it.
    pub async fn save_activity(self, payload: Activity, base: Option<Record<Activity>>) -> Result<Record<Activity>, ActivitySaveError> {
        let change = browser::change();
        let (record, expected) = match base {
            Some(old) => {
                let conflict = crate::sync::local::in_conflict::<Activity, _>(&record_store(), &old.id).await.map_err(ActivitySaveError::Store)?;
                if conflict {
                    return Err(ActivitySaveError::InConflict);
                }
                let mut record = old.revised(&change, payload);
                record.deleted = false;
                (record, old.version)
            }
            None => (Record::new(browser::new_id(), &change, payload), VersionVector::default()),
        };
        match record_store().put_if_version(&record, &expected, true).await.map_err(ActivitySaveError::Store)? {
            Ok(()) => {}
            Err(Some(stored)) => return Err(ActivitySaveError::Changed(Box::new(stored))),
            // Stored, but not readable by this build: never written over.
            Err(None) => return Err(ActivitySaveError::Store(StoreError::Corrupt)),
        }
        broadcast::notify_activity_changed(&record.id);
        self.activities.remember(record.clone());
        Ok(record)
    }

    /// Replaces the activity with a tombstone, which file sync passes on.
    /// `seen` is the version the officer confirmed: if the stored one differs,
    /// nothing is deleted and it is returned.
    pub async fn delete_activity(self, seen: Record<Activity>) -> Result<(), ActivitySaveError> {
        if crate::sync::local::in_conflict::<Activity, _>(&record_store(), &seen.id).await.map_err(ActivitySaveError::Store)? {
            return Err(ActivitySaveError::InConflict);
        }
        let tombstone = seen.deleted_by(&browser::change());
        match record_store().put_if_version(&tombstone, &seen.version, true).await.map_err(ActivitySaveError::Store)? {
            Ok(()) => {
                broadcast::notify_activity_changed(&seen.id);
                self.activities.remember(tombstone);
                Ok(())
            }
            Err(Some(stored)) => {
                self.activities.remember(stored.clone());
                Err(ActivitySaveError::Changed(Box::new(stored)))
            }
            Err(None) => Err(ActivitySaveError::Store(StoreError::Corrupt)),
        }
    }

    /// Another tab saved this activity: read it alone and keep it if it is newer.
    pub async fn reload_activity(self, id: String) {
        if let Ok(Some(mut stored)) = record_store().get::<Activity>(&id).await {
            self.follow_aliases(std::slice::from_mut(&mut stored));
            if self.activities.is_newer(&stored) {
                self.activities.remember(stored);
            }
        }
    }
}
