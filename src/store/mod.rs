//! The record store: how records are kept on the device.
//!
//! The interface is asynchronous on purpose: today the backend is a key-value
//! store (localStorage in the browser, memory in tests), and the offline-core
//! capability swaps in IndexedDB, whose calls are asynchronous, without
//! changing callers.
//!
//! Each record kind is one collection saved as one value, so every write is
//! all or nothing. Records that fail to decode (damaged, or written by a future
//! build) are quarantined: reported, kept byte for byte, and written back
//! untouched, never dropped.

mod collection;
mod key_value;

pub use collection::{Collection, SCHEMA_VERSION};
pub use key_value::{KeyValue, MemoryKeyValue};

use crate::i18n::{Lang, Msg};
use crate::model::admin_unit::AdminUnitList;
use crate::model::record::{Record, RecordKind};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused storage altogether (private mode, disabled).
    Unavailable,
    /// The write did not fit; nothing was changed.
    QuotaExceeded,
    /// The stored data was written by a newer app; it is never written to.
    NewerSchema { found: u32 },
    /// The stored value is not readable at all; it is never written to.
    Corrupt,
    Other(String),
}

impl StoreError {
    /// What the officer is told.
    pub fn msg(&self) -> Msg {
        match self {
            StoreError::Unavailable | StoreError::Other(_) => Msg::ErrStorageUnavailable,
            StoreError::QuotaExceeded => Msg::ErrStorageQuota,
            StoreError::NewerSchema { .. } => Msg::ErrStorageNewer,
            StoreError::Corrupt => Msg::ErrStorageCorrupt,
        }
    }

    pub fn message(&self, lang: Lang) -> &'static str {
        lang.t(self.msg())
    }

    /// Whether the stored data must not be written until the app is updated or repaired.
    pub fn blocks_writes(&self) -> bool {
        matches!(self, StoreError::NewerSchema { .. } | StoreError::Corrupt)
    }
}

const KEY_PREFIX: &str = "nscl.v1.";
const UNITS_KEY: &str = "nscl.v1.admin_units";

pub struct RecordStore<B: KeyValue> {
    backend: B,
}

impl<B: KeyValue> RecordStore<B> {
    pub fn new(backend: B) -> Self {
        RecordStore { backend }
    }

    fn key<T: RecordKind>() -> String {
        format!("{KEY_PREFIX}{}", T::KIND)
    }

    /// Every readable record of a kind, plus what had to be quarantined.
    pub async fn load<T: RecordKind + DeserializeOwned>(&self) -> Result<Collection<T>, StoreError> {
        Collection::decode(self.backend.get(&Self::key::<T>())?.as_deref())
    }

    fn write<T: RecordKind + Serialize>(&self, collection: &Collection<T>) -> Result<(), StoreError> {
        self.backend.set(&Self::key::<T>(), &collection.encode()?)
    }

    /// Inserts or replaces one record. Reads the stored collection first, so
    /// records another tab wrote in the meantime are kept.
    pub async fn put<T: RecordKind + Serialize + DeserializeOwned + Clone>(&self, record: &Record<T>) -> Result<(), StoreError> {
        let mut collection = self.load::<T>().await?;
        collection.upsert(record.clone());
        self.write(&collection)
    }

    /// Removes one record; returns whether it was there.
    pub async fn delete<T: RecordKind + Serialize + DeserializeOwned>(&self, id: &str) -> Result<bool, StoreError> {
        let mut collection = self.load::<T>().await?;
        let removed = collection.remove(id);
        if removed {
            self.write(&collection)?;
        }
        Ok(removed)
    }

    /// The officer's unit list, or the shipped default when none was saved.
    pub async fn load_units(&self) -> Result<AdminUnitList, StoreError> {
        match self.backend.get(UNITS_KEY)? {
            None => Ok(AdminUnitList::default_list()),
            Some(raw) => serde_json::from_str(&raw).map_err(|_| StoreError::Corrupt),
        }
    }

    pub async fn save_units(&self, units: &AdminUnitList) -> Result<(), StoreError> {
        let raw = serde_json::to_string(units).map_err(|e| StoreError::Other(e.to_string()))?;
        self.backend.set(UNITS_KEY, &raw)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// The key-value backends answer at once, so one poll finishes a call.
    pub fn ready<F: Future>(f: F) -> F::Output {
        match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("store call did not complete synchronously"),
        }
    }

    fn ent(id: &str, name: &str) -> Record<Enterprise> {
        Record::new(id.into(), 1, "dev", Enterprise { name: name.into(), ..Default::default() })
    }

    #[test]
    fn put_load_delete_round_trip() {
        let store = RecordStore::new(MemoryKeyValue::default());
        assert!(ready(store.load::<Enterprise>()).unwrap().records.is_empty());
        ready(store.put(&ent("1", "Đồng Tháp <script>"))).unwrap();
        ready(store.put(&ent("2", "Sa Đéc"))).unwrap();
        let mut changed = ent("1", "Đồng Tháp mới");
        changed.updated_ms = 5;
        ready(store.put(&changed)).unwrap();
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        let names: Vec<&str> = loaded.records.iter().map(|r| r.payload.name.as_str()).collect();
        assert_eq!(names, vec!["Đồng Tháp mới", "Sa Đéc"]);
        assert!(ready(store.delete::<Enterprise>("1")).unwrap());
        assert!(!ready(store.delete::<Enterprise>("1")).unwrap());
        assert_eq!(ready(store.load::<Enterprise>()).unwrap().records.len(), 1);
    }

    #[test]
    fn a_full_disk_changes_nothing() {
        let backend = MemoryKeyValue::with_quota(700);
        let store = RecordStore::new(backend.clone());
        ready(store.put(&ent("1", "Một"))).unwrap();
        let before = backend.raw("nscl.v1.enterprise").unwrap();
        let big = ent("2", &"x".repeat(1000));
        assert_eq!(ready(store.put(&big)), Err(StoreError::QuotaExceeded));
        assert_eq!(backend.raw("nscl.v1.enterprise").unwrap(), before);
        assert_eq!(ready(store.load::<Enterprise>()).unwrap().records.len(), 1);
    }

    #[test]
    fn damaged_records_are_quarantined_and_survive_writes() {
        let backend = MemoryKeyValue::default();
        backend.set_raw(
            "nscl.v1.enterprise",
            r#"{"schema":1,"kind":"enterprise","records":[
                {"id":"ok","kind":"enterprise","created_ms":1,"updated_ms":1,"device_id":"d","payload":{"name":"Tốt"}},
                {"id":"bad","payload":"not an object"},
                42
            ]}"#,
        );
        let store = RecordStore::new(backend.clone());
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        assert_eq!(loaded.records.len(), 1);
        assert_eq!(loaded.quarantined.len(), 2);
        ready(store.put(&ent("new", "Mới"))).unwrap();
        let again = ready(store.load::<Enterprise>()).unwrap();
        assert_eq!(again.records.len(), 2);
        assert_eq!(again.quarantined.len(), 2, "damaged records are written back, not dropped");
        assert!(backend.raw("nscl.v1.enterprise").unwrap().contains("not an object"));
    }

    #[test]
    fn newer_or_unreadable_data_is_never_overwritten() {
        for raw in [r#"{"schema":99,"kind":"enterprise","records":[]}"#, "{not json", r#"{"schema":1,"records":"x"}"#] {
            let backend = MemoryKeyValue::default();
            backend.set_raw("nscl.v1.enterprise", raw);
            let store = RecordStore::new(backend.clone());
            let err = ready(store.load::<Enterprise>()).unwrap_err();
            assert!(matches!(err, StoreError::NewerSchema { found: 99 } | StoreError::Corrupt), "{raw}: {err:?}");
            assert!(ready(store.put(&ent("1", "X"))).is_err());
            assert_eq!(backend.raw("nscl.v1.enterprise").as_deref(), Some(raw));
        }
    }

    #[test]
    fn units_default_then_persist() {
        let store = RecordStore::new(MemoryKeyValue::default());
        let mut units = ready(store.load_units()).unwrap();
        assert_eq!(units.units.len(), 12);
        units.add("Phường Mỹ Tho", "My Tho Ward", "ward").unwrap();
        units.set_retired("h-lap-vo", true).unwrap();
        ready(store.save_units(&units)).unwrap();
        assert_eq!(ready(store.load_units()).unwrap(), units);
    }
}
