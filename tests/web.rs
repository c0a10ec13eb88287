//! Browser tests of the storage edge, run in headless Chromium by
//! wasm-bindgen-test-runner (`make test`).
#![cfg(target_arch = "wasm32")]

use nscl_tracker::model::enterprise::Enterprise;
use nscl_tracker::model::record::{is_uuid, Record};
use nscl_tracker::store::{KeyValue, RecordStore, StoreError};
use nscl_tracker::web::{browser, LocalStorageKv};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

fn enterprise(id: &str, name: &str) -> Record<Enterprise> {
    Record::new(id.into(), browser::now_ms(), &browser::device_id(), Enterprise { name: name.into(), ..Default::default() })
}

#[wasm_bindgen_test]
async fn records_round_trip_through_local_storage() {
    clear();
    let store = RecordStore::new(LocalStorageKv);
    store.put(&enterprise("a", "Công ty Cổ phần Đồng Tháp <img src=x>")).await.unwrap();
    store.put(&enterprise("b", "HTX Xoài Mỹ Xương")).await.unwrap();
    let loaded = store.load::<Enterprise>().await.unwrap();
    let names: Vec<&str> = loaded.records.iter().map(|r| r.payload.name.as_str()).collect();
    assert_eq!(names, vec!["Công ty Cổ phần Đồng Tháp <img src=x>", "HTX Xoài Mỹ Xương"]);
    assert!(store.delete::<Enterprise>("a").await.unwrap());
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 1);
}

#[wasm_bindgen_test]
async fn a_full_quota_is_reported_and_stored_records_stay_intact() {
    clear();
    let store = RecordStore::new(LocalStorageKv);
    store.put(&enterprise("a", "Sa Đéc")).await.unwrap();
    let before = LocalStorageKv.get("nscl.v1.enterprise").unwrap();
    // Far beyond any browser's localStorage quota (5-10 MB).
    let huge = enterprise("b", &"x".repeat(12 * 1024 * 1024));
    assert_eq!(store.put(&huge).await, Err(StoreError::QuotaExceeded));
    assert_eq!(LocalStorageKv.get("nscl.v1.enterprise").unwrap(), before);
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 1);
}

#[wasm_bindgen_test]
fn ids_are_random_uuids_and_the_device_id_is_stable() {
    clear();
    let a = browser::new_id();
    let b = browser::new_id();
    assert!(is_uuid(&a) && is_uuid(&b));
    assert_ne!(a, b);
    let device = browser::device_id();
    assert!(is_uuid(&device));
    assert_eq!(browser::device_id(), device);
}

#[wasm_bindgen_test]
fn local_time_offset_is_whole_minutes_within_a_day() {
    let offset = browser::utc_offset_minutes();
    assert!((-14 * 60..=14 * 60).contains(&offset));
    assert!(browser::now_ms() > 1_700_000_000_000);
}
