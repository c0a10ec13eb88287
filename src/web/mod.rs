//! The browser edge: the few places that touch web APIs. Kept thin so that
//! everything else stays testable natively.

pub mod browser;
pub mod local_storage;
pub mod service_worker;

pub use local_storage::LocalStorageKv;

use crate::store::RecordStore;

/// The record store the app uses on this device.
pub fn record_store() -> RecordStore<LocalStorageKv> {
    RecordStore::new(LocalStorageKv)
}
