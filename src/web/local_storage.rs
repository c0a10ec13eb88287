//! localStorage as the key-value backend of the record store.

use crate::store::{KeyValue, StoreError};
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalStorageKv;

pub(crate) fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(StoreError::Unavailable)
}

fn classify(err: JsValue) -> StoreError {
    match err.dyn_ref::<web_sys::DomException>() {
        // Chromium and Firefox name it QuotaExceededError; old Firefox used NS_ERROR_DOM_QUOTA_REACHED.
        Some(ex) if ex.name() == "QuotaExceededError" || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        Some(ex) if ex.name() == "SecurityError" => StoreError::Unavailable,
        Some(ex) => StoreError::Other(format!("{}: {}", ex.name(), ex.message())),
        None => StoreError::Other(format!("{err:?}")),
    }
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(classify)
    }
}
