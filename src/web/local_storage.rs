//! localStorage: small settings (language, device id), and the records of
//! earlier builds, which `store::legacy` moves into IndexedDB.

use crate::store::legacy::LegacySource;
use crate::store::StoreError;

pub(crate) fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(StoreError::Unavailable)
}

/// The localStorage of this origin, as the source of records to move.
pub struct LegacyLocalStorage;

impl LegacySource for LegacyLocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    fn remove(&self, key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }
}
