//! Records that earlier builds kept in localStorage, and moving them into the
//! row backend on first start.
//!
//! The move is careful: all rows go in one transaction, then every one is read
//! back and compared, and only then is the old copy removed. Data written by a
//! newer build, or unreadable as a whole, is left where it is.

use super::collection::Collection;
use super::row::{Row, RowBackend};
use super::{StoreError, UNITS_SETTING};
use crate::model::admin_unit::AdminUnitList;
use crate::model::enterprise::Enterprise;
use std::collections::HashMap;

pub const ENTERPRISE_KEY: &str = "nscl.v1.enterprise";
pub const UNITS_KEY: &str = "nscl.v1.admin_units";

/// Where the old copy lives (localStorage in the browser).
pub trait LegacySource {
    fn get(&self, key: &str) -> Option<String>;
    fn remove(&self, key: &str);
}

/// Whether `legacy` holds anything an earlier build left: only then is there something to `migrate`.
pub fn anything_to_move(legacy: &impl LegacySource) -> bool {
    [ENTERPRISE_KEY, UNITS_KEY].iter().any(|key| legacy.get(key).is_some())
}

/// The stored collection (`{"schema":1,"kind":"enterprise","records":[…]}`) as
/// rows; records that do not decode become rows of their own, kept verbatim.
pub fn enterprise_rows(raw: &str) -> Result<Vec<Row>, StoreError> {
    let collection = Collection::<Enterprise>::decode(Some(raw))?;
    let mut rows = collection.records.iter().map(Row::from_record).collect::<Result<Vec<_>, _>>()?;
    rows.extend(collection.quarantined.iter().enumerate().map(|(i, v)| Row::unreadable(i, v)));
    Ok(rows)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationReport {
    pub moved: usize,
    /// Rows already in the backend at the same or a later version.
    pub kept_newer: usize,
    pub units_moved: bool,
}

pub async fn migrate<B: RowBackend>(backend: &B, legacy: &impl LegacySource) -> Result<MigrationReport, StoreError> {
    let mut report = MigrationReport::default();
    if let Some(raw) = legacy.get(ENTERPRISE_KEY) {
        let rows = enterprise_rows(&raw)?;
        let existing: HashMap<String, i64> =
            backend.load_rows("enterprise", None, None).await?.into_iter().map(|r| (r.id, r.updated_ms)).collect();
        // Never let the old copy overwrite a later edit (a move that was interrupted after writing).
        let (to_write, newer): (Vec<Row>, Vec<Row>) =
            rows.into_iter().partition(|r| existing.get(&r.id).is_none_or(|&t| t < r.updated_ms));
        report.kept_newer = newer.len();
        report.moved = to_write.len();
        let expected: Vec<(String, String)> = to_write.iter().map(|r| (r.id.clone(), r.json.clone())).collect();
        if !to_write.is_empty() {
            backend.put_rows("enterprise", to_write, Some(super::DEFAULT_HISTORY_DEPTH)).await?;
        }
        let stored: HashMap<String, String> =
            backend.load_rows("enterprise", None, None).await?.into_iter().map(|r| (r.id, r.json)).collect();
        if expected.iter().any(|(id, json)| stored.get(id) != Some(json)) {
            return Err(StoreError::Other("migrated records did not read back identical".into()));
        }
        legacy.remove(ENTERPRISE_KEY);
    }
    if let Some(raw) = legacy.get(UNITS_KEY) {
        let units: AdminUnitList = serde_json::from_str(&raw).map_err(|_| StoreError::Corrupt)?;
        if backend.get_setting(UNITS_SETTING).await?.is_none() {
            let json = serde_json::to_string(&units).map_err(|e| StoreError::Other(e.to_string()))?;
            backend.put_setting(UNITS_SETTING, &json).await?;
            report.units_moved = true;
        }
        legacy.remove(UNITS_KEY);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{ent, ready};
    use crate::store::{MemoryBackend, RecordStore};
    use std::cell::RefCell;

    #[derive(Default)]
    struct Legacy(RefCell<HashMap<String, String>>);
    impl LegacySource for Legacy {
        fn get(&self, key: &str) -> Option<String> {
            self.0.borrow().get(key).cloned()
        }
        fn remove(&self, key: &str) {
            self.0.borrow_mut().remove(key);
        }
    }

    fn legacy_with(records: &str) -> Legacy {
        let l = Legacy::default();
        l.0.borrow_mut().insert(ENTERPRISE_KEY.into(), records.into());
        l
    }

    /// Sample data exactly as the localStorage build (schema 1) wrote it.
    const V1_SAMPLE: &str = r#"{"schema":1,"kind":"enterprise","records":[
        {"created_ms":1700000000000,"device_id":"d1","id":"a","kind":"enterprise","payload":{"name":"Công ty Cổ phần Đồng Tháp","tax_code":"0100233488","admin_unit_id":"tp-sa-dec","employees":45,"revenue_bn_vnd":12.5},"updated_ms":1700000000500},
        {"created_ms":1700000001000,"device_id":"d1","id":"b","kind":"enterprise","payload":{"name":"HTX Xoài Mỹ Xương"},"updated_ms":1700000001000},
        {"id":"broken","payload":"written by a broken build"}
    ]}"#;

    #[test]
    fn v1_local_storage_moves_into_rows_and_the_old_copy_goes_only_after_verification() {
        let backend = MemoryBackend::default();
        let legacy = legacy_with(V1_SAMPLE);
        legacy.0.borrow_mut().insert(UNITS_KEY.into(), serde_json::to_string(&AdminUnitList::default_list()).unwrap());
        let report = ready(migrate(&backend, &legacy)).unwrap();
        assert_eq!(report, MigrationReport { moved: 3, kept_newer: 0, units_moved: true });
        assert!(legacy.get(ENTERPRISE_KEY).is_none() && legacy.get(UNITS_KEY).is_none());

        let store = RecordStore::new(backend.clone());
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        assert_eq!(loaded.quarantined(), 1, "the broken record moved too, verbatim");
        let a = loaded.records.iter().find(|r| r.id == "a").unwrap();
        assert_eq!(a.payload.revenue_bn_vnd, Some(12.5));
        assert_eq!(a.updated_ms(), 1_700_000_000_500);
        assert_eq!(a.v, crate::model::record::RECORD_FORMAT, "upgraded on the way in");
        assert!(backend.raw_json("enterprise", "broken").unwrap().contains("written by a broken build"));
    }

    #[test]
    fn a_failed_write_keeps_the_old_copy() {
        let backend = MemoryBackend::with_quota(100);
        let legacy = legacy_with(V1_SAMPLE);
        assert_eq!(ready(migrate(&backend, &legacy)), Err(StoreError::QuotaExceeded));
        assert_eq!(legacy.get(ENTERPRISE_KEY).as_deref(), Some(V1_SAMPLE));
    }

    #[test]
    fn newer_or_unreadable_old_data_is_left_untouched() {
        for raw in [r#"{"schema":99,"kind":"enterprise","records":[]}"#, "{not json"] {
            let backend = MemoryBackend::default();
            let legacy = legacy_with(raw);
            assert!(ready(migrate(&backend, &legacy)).is_err());
            assert_eq!(legacy.get(ENTERPRISE_KEY).as_deref(), Some(raw));
            assert!(ready(backend.load_rows("enterprise", None, None)).unwrap().is_empty());
        }
    }

    #[test]
    fn an_interrupted_move_resumes_without_undoing_later_edits() {
        let backend = MemoryBackend::default();
        let store = RecordStore::new(backend.clone());
        // The first attempt wrote "a", then the officer edited it, then the page closed before cleanup.
        let mut edited = ent("a", "Tên đã sửa");
        edited.updated.ms = 1_800_000_000_000;
        ready(store.put(&edited)).unwrap();
        let legacy = legacy_with(V1_SAMPLE);
        let report = ready(migrate(&backend, &legacy)).unwrap();
        assert_eq!((report.moved, report.kept_newer), (2, 1));
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        assert_eq!(loaded.records.iter().find(|r| r.id == "a").unwrap().payload.name, "Tên đã sửa");
    }

    #[test]
    fn nothing_to_move_is_a_no_op() {
        let backend = MemoryBackend::default();
        assert_eq!(ready(migrate(&backend, &Legacy::default())).unwrap(), MigrationReport::default());
    }
}
