//! The synchronous key-value backend beneath the record store.

use super::StoreError;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Replaces the value whole, or changes nothing and returns an error.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
}

/// An in-memory backend with an optional quota, for tests.
#[derive(Clone, Default)]
pub struct MemoryKeyValue {
    map: Rc<RefCell<HashMap<String, String>>>,
    quota_bytes: Option<usize>,
}

impl MemoryKeyValue {
    pub fn with_quota(quota_bytes: usize) -> Self {
        MemoryKeyValue { quota_bytes: Some(quota_bytes), ..Default::default() }
    }

    pub fn raw(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    pub fn set_raw(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
    }
}

impl KeyValue for MemoryKeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.raw(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_bytes {
            let others: usize = self.map.borrow().iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.set_raw(key, value);
        Ok(())
    }
}
