//! Browser tests of the storage edge, run in headless Chromium by
//! wasm-bindgen-test-runner (`make test`).
#![cfg(target_arch = "wasm32")]

use nscl_tracker::model::enterprise::Enterprise;
use nscl_tracker::model::record::{is_uuid, Record};
use nscl_tracker::store::legacy::{self, LegacySource};
use nscl_tracker::store::{RecordStore, RowBackend};
use nscl_tracker::web::{browser, IdbBackend, LegacyLocalStorage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn enterprise(id: &str, name: &str) -> Record<Enterprise> {
    Record::new(id.into(), &browser::change(), Enterprise { name: name.into(), ..Default::default() })
}

async fn clear() {
    let store = RecordStore::new(IdbBackend);
    for r in store.load::<Enterprise>().await.unwrap().records {
        store.delete::<Enterprise>(&r.id).await.unwrap();
    }
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
async fn records_round_trip_through_indexed_db() {
    clear().await;
    let store = RecordStore::new(IdbBackend);
    store.put(&enterprise("a", "Công ty Cổ phần Đồng Tháp <img src=x>")).await.unwrap();
    store.put_many(&[enterprise("b", "HTX Xoài Mỹ Xương"), enterprise("c", "Cơ sở Sen Tháp Mười")]).await.unwrap();
    let loaded = store.load::<Enterprise>().await.unwrap();
    let mut names: Vec<&str> = loaded.records.iter().map(|r| r.payload.name.as_str()).collect();
    names.sort();
    assert_eq!(names, vec!["Công ty Cổ phần Đồng Tháp <img src=x>", "Cơ sở Sen Tháp Mười", "HTX Xoài Mỹ Xương"]);
    assert!(store.delete::<Enterprise>("a").await.unwrap());
    assert!(!store.delete::<Enterprise>("a").await.unwrap());
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 2);
}

#[wasm_bindgen_test]
async fn survey_drafts_replace_themselves_and_completion_keeps_history() {
    use nscl_tracker::form::{Answer, FormLibrary};
    use nscl_tracker::model::survey::{Survey, SurveyStatus};
    let store = RecordStore::new(IdbBackend);
    let form = FormLibrary::shipped().latest(nscl_tracker::form::library::FIELD_SURVEY).unwrap();
    let mut r = Record::new(browser::new_id(), &browser::change(), Survey::new(&form, "e-1"));
    store.put(&r).await.unwrap();
    let first = r.clone();
    for name in ["N", "Ng", "Nguyễn"] {
        let mut p = r.payload.clone();
        p.answers.insert("respondent_name".into(), Answer::Text(name.into()));
        let next = r.revised(&browser::change(), p);
        assert_eq!(store.put_if_version(&next, &r.version, false).await.unwrap(), Ok(()));
        r = next;
    }
    assert!(store.history::<Survey>(&r.id).await.unwrap().is_empty(), "keystrokes are not history");
    // A tab still holding the first version is refused, in the same transaction as the check, and told what is stored.
    let stale = first.revised(&browser::change(), first.payload.clone());
    assert_eq!(store.put_if_version(&stale, &first.version, false).await.unwrap(), Err(Some(r.clone())));
    let mut done = r.payload.clone();
    done.status = SurveyStatus::Complete;
    store.put(&r.revised(&browser::change(), done)).await.unwrap();
    let history = store.history::<Survey>(&r.id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].payload.answers.get("respondent_name"), Some(&Answer::Text("Nguyễn".into())));
    let loaded = store.load::<Survey>().await.unwrap();
    assert!(loaded.records.iter().any(|s| s.id == r.id && s.payload.status == SurveyStatus::Complete));
}

#[wasm_bindgen_test]
async fn a_batch_with_one_bad_row_writes_nothing() {
    clear().await;
    let backend = IdbBackend;
    let store = RecordStore::new(backend);
    store.put(&enterprise("keep", "Sa Đéc")).await.unwrap();
    let rows: Vec<_> = (0..20).map(|i| nscl_tracker::store::Row::from_record(&enterprise(&format!("n{i}"), "X")).unwrap()).collect();
    // The disk fills up at the 11th of 20 writes.
    js_sys::eval(
        "(() => { const put = IDBObjectStore.prototype.put; let n = 0; \
          IDBObjectStore.prototype.put = function (...a) { \
            if (++n === 11) { IDBObjectStore.prototype.put = put; throw new DOMException('full', 'QuotaExceededError'); } \
            return put.apply(this, a); }; })()",
    )
    .unwrap();
    assert_eq!(backend.put_rows("enterprise", rows, Some(20)).await, Err(nscl_tracker::store::StoreError::QuotaExceeded));
    let loaded = store.load::<Enterprise>().await.unwrap();
    assert_eq!(loaded.records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["keep"]);
}

#[wasm_bindgen_test]
async fn settings_and_units_persist() {
    clear().await;
    let store = RecordStore::new(IdbBackend);
    let mut units = store.load_units().await.unwrap();
    units.add("Phường Mỹ Tho", "My Tho Ward", "ward").unwrap();
    store.save_units(&units).await.unwrap();
    assert_eq!(store.load_units().await.unwrap(), units);
}

#[wasm_bindgen_test]
async fn local_storage_records_move_into_indexed_db() {
    clear().await;
    let raw = r#"{"schema":1,"kind":"enterprise","records":[{"created_ms":1,"device_id":"d","id":"old-1","kind":"enterprise","payload":{"name":"Doanh nghiệp cũ"},"updated_ms":1}]}"#;
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.set_item(legacy::ENTERPRISE_KEY, raw).unwrap();
    let report = legacy::migrate(&IdbBackend, &LegacyLocalStorage).await.unwrap();
    assert_eq!(report.moved, 1);
    assert!(LegacyLocalStorage.get(legacy::ENTERPRISE_KEY).is_none());
    let loaded = RecordStore::new(IdbBackend).load::<Enterprise>().await.unwrap();
    assert_eq!(loaded.records[0].payload.name, "Doanh nghiệp cũ");
}

#[wasm_bindgen_test]
fn ids_are_random_uuids_and_the_device_id_is_stable() {
    let a = browser::new_id();
    let b = browser::new_id();
    assert!(is_uuid(&a) && is_uuid(&b));
    assert_ne!(a, b);
    let device = browser::device_id();
    assert!(is_uuid(&device));
    assert_eq!(browser::device_id(), device);
}

#[wasm_bindgen_test]
fn the_device_clock_only_moves_forward_and_past_what_it_has_seen() {
    let a = browser::change().at;
    let b = browser::change().at;
    assert!(b > a);
    let far = nscl_tracker::model::clock::Hlc { ms: browser::now_ms() + 600_000, counter: 3, device: "fast-laptop".into() };
    browser::observe(&far);
    assert!(browser::change().at > far, "an edit after seeing a fast clock sorts after it");
}

#[wasm_bindgen_test]
fn local_time_offset_is_whole_minutes_within_a_day() {
    let offset = browser::utc_offset_minutes();
    assert!((-14 * 60..=14 * 60).contains(&offset));
    assert!(browser::now_ms() > 1_700_000_000_000);
}
