//! Browser tests of the storage edge and of sync files' bytes (hashing, gzip, encryption), run in headless Chromium by
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

/// Empties every object store of the app's database (records of every kind,
/// history, settings) and localStorage, so no test sees another's data.
async fn clear() {
    // Opened through the app first, so the database exists at the current schema.
    IdbBackend.get_setting("none").await.unwrap();
    let emptied = js_sys::eval(
        "new Promise((resolve, reject) => { \
           const open = indexedDB.open('nscl-tracker'); \
           open.onerror = () => reject(open.error); \
           open.onsuccess = () => { \
             const db = open.result; const names = [...db.objectStoreNames]; \
             const tx = db.transaction(names, 'readwrite'); \
             for (const n of names) tx.objectStore(n).clear(); \
             tx.oncomplete = () => { db.close(); resolve(names.length); }; \
             tx.onerror = () => { db.close(); reject(tx.error); }; }; })",
    )
    .unwrap();
    let stores = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(emptied)).await.unwrap();
    assert_eq!(stores.as_f64(), Some(10.0), "every store of schema 7: five kinds, history, settings, two kinds' summaries, export packs");
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
    clear().await;
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

/// The index names of an object store, and the ids its index `index` finds for `key`, read with the browser's own API.
async fn index_lookup(store: &str, index: &str, key: &str) -> (String, Vec<String>) {
    let script = format!(
        "new Promise((resolve, reject) => {{ const open = indexedDB.open('nscl-tracker'); open.onerror = () => reject(open.error); \
          open.onsuccess = () => {{ const db = open.result; const s = db.transaction('{store}').objectStore('{store}'); \
            const names = [...s.indexNames].sort().join(','); const req = s.index('{index}').getAll('{key}'); \
            req.onsuccess = () => {{ db.close(); resolve([names, req.result.map((r) => r.id).sort()]); }}; }}; }})"
    );
    let value = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(js_sys::eval(&script).unwrap())).await.unwrap();
    let pair = js_sys::Array::from(&value);
    let ids = js_sys::Array::from(&pair.get(1)).iter().filter_map(|v| v.as_string()).collect();
    (pair.get(0).as_string().unwrap(), ids)
}

#[wasm_bindgen_test]
async fn self_assessments_and_activities_have_their_own_indexed_stores() {
    clear().await;
    use nscl_tracker::form::library::{FormLibrary, ISO9001_READINESS};
    use nscl_tracker::form::Answer;
    use nscl_tracker::model::activity::Activity;
    use nscl_tracker::model::assessment::{Assessment, TAX_CODE};
    let store = RecordStore::new(IdbBackend);
    let form = FormLibrary::shipped().latest(ISO9001_READINESS).unwrap();
    let mut sent = Assessment::new(&form, Some("e-42"));
    sent.answers.insert(TAX_CODE.into(), Answer::Text("1400100593".into()));
    let unlinked = Assessment::new(&form, None);
    let (a1, a2) = (browser::new_id(), browser::new_id());
    store.put_many(&[Record::new(a1.clone(), &browser::change(), sent), Record::new(a2.clone(), &browser::change(), unlinked)]).await.unwrap();
    let class = Activity { activity_type: "training_class".into(), title: "Lớp tập huấn ISO 9001 <Lai Vung>".into(), start_date: "2026-03-12".into(), admin_unit_id: Some("h-lai-vung".into()), ..Default::default() };
    let c1 = browser::new_id();
    store.put(&Record::new(c1.clone(), &browser::change(), class)).await.unwrap();

    let loaded = store.load::<Assessment>().await.unwrap();
    assert!([&a1, &a2].iter().all(|id| loaded.records.iter().any(|r| &&r.id == id)));
    let got = store.get::<Activity>(&c1).await.unwrap().unwrap();
    assert_eq!(got.payload.title, "Lớp tập huấn ISO 9001 <Lai Vung>");
    let (names, ids) = index_lookup("assessment", "by_enterprise", "e-42").await;
    assert_eq!(names, "by_enterprise,by_status,by_tax_code,by_updated");
    assert_eq!(ids, vec![a1.clone()], "an assessment not linked to an enterprise is not in the index");
    assert_eq!(index_lookup("assessment", "by_tax_code", "1400100593").await.1, vec![a1]);
    let (names, ids) = index_lookup("activity", "by_year", "2026").await;
    assert_eq!(names, "by_type,by_unit,by_updated,by_year");
    assert!(ids.contains(&c1));
    assert!(index_lookup("activity", "by_unit", "h-lai-vung").await.1.contains(&c1));
}

#[wasm_bindgen_test]
async fn rows_are_read_in_steps_after_the_last_id() {
    clear().await;
    let store = RecordStore::new(IdbBackend);
    let ids = ["e1", "e2", "e3", "e4", "e5"];
    store.put_many(&ids.map(|id| enterprise(id, &format!("Doanh nghiệp {id}")))).await.unwrap();
    let page = IdbBackend.load_rows("enterprise", Some("e2"), Some(2)).await.unwrap();
    assert_eq!(page.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["e3", "e4"], "after e2, two of them");
    assert_eq!(IdbBackend.load_rows("enterprise", Some("e5"), Some(2)).await.unwrap().len(), 0);
    assert_eq!(IdbBackend.load_rows("enterprise", None, None).await.unwrap().len(), 5);
    let pauses = std::cell::Cell::new(0);
    let stepped = store
        .load_in_steps::<Enterprise, _, _>(2, || {
            pauses.set(pauses.get() + 1);
            std::future::ready(())
        })
        .await
        .unwrap();
    assert_eq!(stepped.records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ids.to_vec());
    // Three reads (e1 e2 | e3 e4 | e5), each taken in and decoded in tasks of their own, and a
    // pause after each full one.
    assert_eq!(pauses.get(), 3 + 2, "three reads: e1 e2 | e3 e4 | e5");
}

#[wasm_bindgen_test]
async fn the_store_counts_its_rows_unreadable_ones_too() {
    clear().await;
    let store = RecordStore::new(IdbBackend);
    assert_eq!(store.count::<Enterprise>().await.unwrap(), 0);
    store.put_many(&["c1", "c2", "c3"].map(|id| enterprise(id, "Hợp tác xã Sen Tháp Mười"))).await.unwrap();
    let mut bad = IdbBackend.load_rows("enterprise", None, Some(1)).await.unwrap().remove(0);
    bad.id = "c4".into();
    bad.json = "{not json".into();
    IdbBackend.put_rows("enterprise", vec![bad], None).await.unwrap();
    assert_eq!(store.count::<Enterprise>().await.unwrap(), 4);
    assert_eq!(IdbBackend.count_rows("survey").await.unwrap(), 0);
    // An import's read: every stored id without the rows, then only the rows it needs.
    assert_eq!(IdbBackend.stored_ids("enterprise").await.unwrap(), ["c1", "c2", "c3", "c4"]);
    // The ids cross as one JSON text: an id with quotes, a backslash, a line break and
    // Vietnamese letters comes back as it was stored.
    let odd = "c5 \"Đồng\" \\ Tháp\n";
    store.put_many(&[enterprise(odd, "Hợp tác xã Sen Tháp Mười")]).await.unwrap();
    assert_eq!(IdbBackend.stored_ids("enterprise").await.unwrap(), ["c1", "c2", "c3", "c4", odd]);
    assert_eq!(IdbBackend.stored_ids("survey").await.unwrap(), Vec::<String>::new());
    IdbBackend.delete_row("enterprise", odd).await.unwrap();
    let ids = ["c3", "none", "c4"].map(String::from);
    let rows = IdbBackend.get_rows("enterprise", &ids).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.as_ref().map(|r| r.id.as_str())).collect::<Vec<_>>(), [Some("c3"), None, Some("c4")]);
    let loaded = store.load_ids_seeing::<Enterprise, _, _>(&ids, 2, || std::future::ready(()), &mut |_, _| ()).await.unwrap();
    assert_eq!((loaded.records.len(), loaded.unreadable.len()), (1, 1), "c3 read, c4 unreadable, none absent");
}

/// In the browser, definitions' patterns are its own RegExp (`form::pattern`): the shipped ones
/// compile, match whole answers when anchored, read Vietnamese letters, and a bad one is an error.
#[wasm_bindgen_test]
fn form_patterns_are_the_browsers_regexp() {
    use nscl_tracker::form::pattern::{anchored, check, is_match};
    let tax = anchored("[0-9]{10}(-[0-9]{3})?");
    assert!(is_match(&tax, "1400100593-001"));
    assert!(!is_match(&tax, "1400100593-01"));
    assert!(!is_match(&anchored("a|b"), "ab"), "the alternation stays inside the anchors");
    assert!(is_match(&anchored("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "cán.bộ@sởkhcn.vn"));
    assert!(is_match("^Đồng", "Đồng Tháp"));
    assert!(is_match("^.{5}$", "Thạnh"), "one character per letter, not per UTF-16 unit or byte");
    assert!(check("([0-9]").is_err());
    assert!(!is_match("([0-9]", "1"), "a pattern that does not compile matches nothing");
    for form in nscl_tracker::form::FormLibrary::shipped().all() {
        for q in form.questions() {
            if let Some(p) = &q.pattern {
                assert!(check(&p.anchored).is_ok(), "{}: {}", form.id, p.source);
            }
        }
    }
}

/// From now on the `n`th row put throws as a full disk does, until `real_put`.
fn disk_full_at_put(n: u32) {
    js_sys::eval(&format!(
        "(() => {{ const put = IDBObjectStore.prototype.put; let n = 0; window.__realPut = put; \
          IDBObjectStore.prototype.put = function (...a) {{ \
            if (++n === {n}) throw new DOMException('full', 'QuotaExceededError'); \
            return put.apply(this, a); }}; }})()"
    ))
    .unwrap();
}

/// Puts back the browser's own `put` (and `delete`) after `disk_full_at_put` or a counting stand-in.
fn real_put() {
    js_sys::eval("IDBObjectStore.prototype.put = window.__realPut; if (window.__realDelete) IDBObjectStore.prototype.delete = window.__realDelete").unwrap();
}

#[wasm_bindgen_test]
async fn a_batch_with_one_bad_row_writes_nothing() {
    clear().await;
    let backend = IdbBackend;
    let store = RecordStore::new(backend);
    store.put(&enterprise("keep", "Sa Đéc")).await.unwrap();
    let rows: Vec<_> = (0..20).map(|i| nscl_tracker::store::Row::from_record(&enterprise(&format!("n{i}"), "X")).unwrap()).collect();
    // The disk fills up at the 11th of 20 writes.
    disk_full_at_put(11);
    let result = backend.put_rows("enterprise", rows, Some(20)).await;
    // Put back before any assertion, so a failure here cannot leave later tests with a broken put.
    real_put();
    assert_eq!(result, Err(nscl_tracker::store::StoreError::QuotaExceeded));
    let loaded = store.load::<Enterprise>().await.unwrap();
    assert_eq!(loaded.records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["keep"]);
}

/// Every stored row, in key order, as JSON text read by the page's own `JSON.stringify`.
async fn stored_text(store: &str) -> String {
    let read = js_sys::eval(&format!(
        "new Promise((resolve, reject) => {{ \
           const open = indexedDB.open('nscl-tracker'); \
           open.onerror = () => reject(open.error); \
           open.onsuccess = () => {{ \
             const db = open.result; const all = db.transaction('{store}').objectStore('{store}').getAll(); \
             all.onsuccess = () => {{ db.close(); resolve(JSON.stringify(all.result)); }}; \
             all.onerror = () => {{ db.close(); reject(all.error); }}; }}; }})"
    ))
    .unwrap();
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(read)).await.unwrap().as_string().unwrap()
}

/// Rows reach IndexedDB laid out a step at a time (`store::row_layout`, `web::row_puts`): each is
/// stored as the object serde made of it, its strings cut at the right places (characters past
/// U+FFFF, two units each in the page, too).
#[wasm_bindgen_test]
async fn rows_laid_out_are_stored_as_serde_wrote_them() {
    use nscl_tracker::store::Row;
    clear().await;
    let row = |id: &str, ms: i64, keys: &[(&str, &str)], json: &str| Row { id: id.into(), updated_ms: ms, keys: keys.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), json: json.into() };
    let rows = vec![
        row("a😀b", 1_700_000_000_123, &[("admin_unit_id", "đồng-tháp-🌾"), ("tax_code", "0301234567")], r#"{"name":"Công ty \"Sen\" 🌸 <b>x</b>","n":1}"#),
        row("b", -5, &[], ""),
        row("c𝄞", 9_007_199_254_740_991, &[("tax_code", "")], "\u{1}\t\n\\ Ư"),
    ];
    IdbBackend.put_rows("enterprise", rows.clone(), None).await.unwrap();
    assert_eq!(stored_text("enterprise").await, serde_json::to_string(&rows).unwrap());
}

/// A large write (`put_rows`, and an import's `write_batch`) issues its rows in steps
/// (`ROWS_PER_STEP` in `src/web/idb.rs`): the page gets its turn between them, and the write is
/// still one transaction that a failure undoes whole.
#[wasm_bindgen_test]
async fn a_large_write_lets_the_page_run_between_steps_and_stays_one_transaction() {
    clear().await;
    let backend = IdbBackend;
    let store = RecordStore::new(backend);
    store.put(&enterprise("keep", "Sa Đéc")).await.unwrap();
    let rows = |prefix: &str| -> Vec<_> { (0..1250).map(|i| nscl_tracker::store::Row::from_record(&enterprise(&format!("{prefix}{i}"), "Hợp tác xã")).unwrap()).collect() };
    let (written, turns) = with_turns(backend.put_rows("enterprise", rows("a"), None)).await;
    written.unwrap();
    assert!(turned_inside(&turns, 1250), "the page had no turn between the write's rows: {turns:?}");
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 1251);

    // An import's batch (`write_batch`) too.
    let batch = nscl_tracker::store::batch::Batch {
        rows: rows("c")
            .into_iter()
            .map(|row| nscl_tracker::store::batch::RowWrite { kind: "enterprise".into(), id: row.id.clone(), expected: nscl_tracker::store::batch::Expect::Absent, new: Some(row), summary: None })
            .collect(),
        settings: Vec::new(),
        history: nscl_tracker::store::batch::HistoryWrite::Keep(20),
        undo_key: Some("undo-test".into()),
    };
    let (written, turns) = with_turns(backend.write_batch(&batch)).await;
    assert_eq!(written, Ok(Ok(())));
    assert!(turned_inside(&turns, 1250), "the page had no turn between the batch's rows: {turns:?}");
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 2501);

    // A batch of deletions alone (the undo of a first import): its steps let the page run too.
    let deletions = nscl_tracker::store::batch::Batch {
        rows: batch.rows.iter().map(|w| nscl_tracker::store::batch::RowWrite { expected: nscl_tracker::store::batch::Expect::of(w.new.as_ref().map(|r| r.json.as_str())), new: None, ..w.clone() }).collect(),
        settings: Vec::new(),
        history: nscl_tracker::store::batch::HistoryWrite::Keep(20),
        undo_key: None,
    };
    let (written, turns) = with_turns(backend.write_batch(&deletions)).await;
    assert_eq!(written, Ok(Ok(())));
    assert!(turned_inside(&turns, 1250), "the page had no turn between the batch's deletions: {turns:?}");
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 1251);

    // The disk fills up at the 1,100th row, after four of the write's waits: nothing of it stays.
    disk_full_at_put(1100);
    let result = backend.put_rows("enterprise", rows("b"), None).await;
    real_put();
    assert_eq!(result, Err(nscl_tracker::store::StoreError::QuotaExceeded));
    assert_eq!(store.load::<Enterprise>().await.unwrap().records.len(), 1251);
}

/// A write over many stored records reads what it replaces, and each record's history, with
/// many reads in flight at once (`READS_AT_ONCE` in `src/web/idb.rs`), not one after another; each
/// history still ends at its depth, and the import's undo, kept in parts, puts back exactly what
/// was stored, its parts going with it.
#[wasm_bindgen_test]
async fn a_write_over_many_stored_records_reads_their_histories_together_and_undoes_exactly() {
    use nscl_tracker::store::batch::{Batch, Expect, HistoryWrite, RowWrite};
    clear().await;
    let backend = IdbBackend;
    // 600 records (more than one group of reads), each saved three times: two earlier versions kept.
    // Made once: a record's clock times differ each time one is made.
    let versions: Vec<Vec<nscl_tracker::store::Row>> = (0..=4)
        .map(|n: usize| -> Vec<nscl_tracker::store::Row> {
        (0..600)
            .map(|i| {
                let mut record = enterprise(&format!("e{i:03}"), &format!("Doanh nghiệp {i}, bản {n}"));
                record.updated.ms = 1_700_000_000_000 + n as i64 * 1000;
                nscl_tracker::store::Row::from_record(&record).unwrap()
            })
            .collect()
        })
        .collect();
    let version = |n: usize| versions[n].clone();
    for n in 1..=3 {
        count_reads_in_flight();
        let written = backend.put_rows("enterprise", version(n), Some(2)).await;
        let most = most_reads_in_flight();
        written.unwrap();
        assert!(most >= 100.0, "saving version {n} read one row at a time (at most {most} in flight)");
    }
    let stored = |n: usize| version(n).into_iter().map(|r| r.json).collect::<Vec<_>>();
    let history_texts = |rows: Vec<nscl_tracker::store::HistoryRow>| rows.into_iter().map(|h| h.json).collect::<Vec<_>>();
    assert_eq!(history_texts(backend.load_history("enterprise", "e599").await.unwrap()), vec![stored(2)[599].clone(), stored(1)[599].clone()]);
    let before: Vec<String> = backend.load_rows("enterprise", None, None).await.unwrap().into_iter().map(|r| r.json).collect();
    assert_eq!(before, stored(3));

    let batch = Batch {
        rows: version(4)
            .into_iter()
            .zip(version(3))
            .map(|(row, old)| RowWrite { kind: "enterprise".into(), id: row.id.clone(), expected: Expect::of(Some(&old.json)), new: Some(row), summary: None })
            .collect(),
        settings: Vec::new(),
        history: HistoryWrite::Keep(2),
        undo_key: Some("undo-test".into()),
    };
    count_reads_in_flight();
    let written = backend.write_batch(&batch).await;
    let most = most_reads_in_flight();
    assert_eq!(written, Ok(Ok(())));
    assert!(most >= 100.0, "the write's reads went one at a time (at most {most} in flight)");
    let rows: Vec<String> = backend.load_rows("enterprise", None, None).await.unwrap().into_iter().map(|r| r.json).collect();
    assert_eq!(rows, stored(4));
    for i in [0, 499, 500, 599] {
        let history = history_texts(backend.load_history("enterprise", &format!("e{i:03}")).await.unwrap());
        assert_eq!(history, vec![stored(3)[i].clone(), stored(2)[i].clone()], "record {i} keeps its two latest earlier versions");
    }

    // The undo the write kept restores every row and history as they were.
    assert!(backend.get_setting("undo-test#part000001").await.unwrap().is_some(), "an undo this large is kept in parts");
    let undo: Batch = nscl_tracker::store::undo_text::read(&RecordStore::new(backend), "undo-test", nscl_tracker::web::browser::next_task).await.unwrap().unwrap();
    assert_eq!(backend.write_batch(&undo).await, Ok(Ok(())));
    let after: Vec<String> = backend.load_rows("enterprise", None, None).await.unwrap().into_iter().map(|r| r.json).collect();
    assert_eq!(after, before);
    for i in [0, 599] {
        let history = history_texts(backend.load_history("enterprise", &format!("e{i:03}")).await.unwrap());
        assert_eq!(history, vec![stored(2)[i].clone(), stored(1)[i].clone()], "record {i}'s history is back");
    }
    assert_eq!(backend.get_setting("undo-test").await.unwrap(), None);
    assert_eq!(backend.get_setting("undo-test#part000000").await.unwrap(), None, "the parts went with the undo");

    // A batch of fewer rows of a kind than it reads whole reads each row it replaces, together too.
    let small = Batch {
        rows: version(4).into_iter().zip(version(3)).take(50).map(|(row, old)| RowWrite { kind: "enterprise".into(), id: row.id.clone(), expected: Expect::of(Some(&old.json)), new: Some(row), summary: None }).collect(),
        settings: Vec::new(),
        history: HistoryWrite::Keep(2),
        undo_key: None,
    };
    count_reads_in_flight();
    let written = backend.write_batch(&small).await;
    let most = most_reads_in_flight();
    assert_eq!(written, Ok(Ok(())));
    assert!(most >= 40.0, "a small batch read its rows one at a time (at most {most} in flight)");
    assert_eq!(backend.get_row("enterprise", "e049").await.unwrap().map(|r| r.json), Some(stored(4)[49].clone()));

    // A record given twice in one write: the second replaces the first, which goes to its history.
    let first = nscl_tracker::store::Row::from_record(&enterprise("twice", "Lần đầu")).unwrap();
    let mut second_record = enterprise("twice", "Lần sau");
    second_record.updated.ms += 1000;
    let second = nscl_tracker::store::Row::from_record(&second_record).unwrap();
    backend.put_rows("enterprise", vec![first.clone(), second.clone()], Some(2)).await.unwrap();
    assert_eq!(backend.get_row("enterprise", "twice").await.unwrap().map(|r| r.json), Some(second.json));
    assert_eq!(history_texts(backend.load_history("enterprise", "twice").await.unwrap()), vec![first.json]);
}

/// From now on, counts the reads of one row or one record's history that are in flight at once.
fn count_reads_in_flight() {
    js_sys::eval(
        "(() => { window.__realGet = IDBObjectStore.prototype.get; window.__realGetAll = IDBIndex.prototype.getAll; \
          window.__inFlight = 0; window.__mostInFlight = 0; \
          const counted = (real) => function (...a) { const q = real.apply(this, a); window.__inFlight++; \
            window.__mostInFlight = Math.max(window.__mostInFlight, window.__inFlight); \
            const done = () => { window.__inFlight--; }; q.addEventListener('success', done); q.addEventListener('error', done); return q; }; \
          IDBObjectStore.prototype.get = counted(window.__realGet); IDBIndex.prototype.getAll = counted(window.__realGetAll); })()",
    )
    .unwrap();
}

/// The most reads `count_reads_in_flight` saw in flight at once; puts back the browser's own reads.
fn most_reads_in_flight() -> f64 {
    js_sys::eval("IDBObjectStore.prototype.get = window.__realGet; IDBIndex.prototype.getAll = window.__realGetAll; window.__mostInFlight").unwrap().as_f64().unwrap_or(0.0)
}

/// From now on every enterprise row put or deleted is counted (not the export packs a write
/// deletes before its rows), and a timer that sets itself again notes the
/// count each time it runs: a count between none and all of a write's rows is a turn the page had
/// inside it.
fn count_puts_at_each_turn() {
    js_sys::eval(
        "(() => { const put = IDBObjectStore.prototype.put; window.__realPut = put; window.__puts = 0; window.__turns = []; \
          const del = IDBObjectStore.prototype.delete; window.__realDelete = del; \
          IDBObjectStore.prototype.put = function (...a) { if (this.name === 'enterprise') window.__puts++; return put.apply(this, a); }; \
          IDBObjectStore.prototype.delete = function (...a) { if (this.name === 'enterprise') window.__puts++; return del.apply(this, a); }; \
          const turn = () => { window.__turns.push(window.__puts); if (window.__turns.length < 100000) window.__turn = setTimeout(turn, 0); }; \
          window.__turn = setTimeout(turn, 0); })()",
    )
    .unwrap();
}

/// Runs `write` with its rows counted at each turn of the page (`count_puts_at_each_turn`):
/// what it gave, and the counts noted.
async fn with_turns<T>(write: impl std::future::Future<Output = T>) -> (T, Vec<f64>) {
    count_puts_at_each_turn();
    let written = write.await;
    (written, puts_at_turns())
}

/// Whether the page had a turn inside a write of `rows` rows: a count between none and all.
fn turned_inside(turns: &[f64], rows: usize) -> bool {
    turns.iter().any(|&n| n > 0.0 && n < rows as f64)
}

/// The counts `count_puts_at_each_turn` noted; stops its timer and puts back the real `put`.
fn puts_at_turns() -> Vec<f64> {
    let turns = js_sys::eval("clearTimeout(window.__turn); window.__turns").unwrap();
    real_put();
    js_sys::Array::from(&turns).iter().filter_map(|n| n.as_f64()).collect()
}

#[wasm_bindgen_test]
async fn settings_and_units_persist() {
    clear().await;
    let store = RecordStore::new(IdbBackend);
    let mut units = store.load_units().await.unwrap();
    units.add("Phường Mỹ Tho", "My Tho Ward", "ward").unwrap();
    let stored = store.update_units(&|u| u.add("Phường Mỹ Tho", "My Tho Ward", "ward").map(|_| ())).await.unwrap().unwrap();
    assert_eq!(stored, units);
    assert_eq!(store.load_units().await.unwrap(), units);
    // A change made from a stale copy is applied to the stored list, in the transaction that writes it.
    let written = store.update_units(&|u| u.add("Xã Tân Phước", "Tan Phuoc Commune", "commune").map(|_| ())).await.unwrap().unwrap();
    assert!(written.units.iter().any(|u| u.vi == "Phường Mỹ Tho") && written.units.iter().any(|u| u.vi == "Xã Tân Phước"));
    assert_eq!(store.load_units().await.unwrap(), written);
    let refused = store.update_units(&|u| u.add("xa tan phuoc", "x", "commune").map(|_| ())).await.unwrap();
    assert!(refused.is_err(), "a name already stored is refused, and nothing is written");
    assert_eq!(store.load_units().await.unwrap(), written);
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

// Sync files' bytes (web::file_codec): known answers from the standards, then round trips.

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn blob_of(bytes: &[u8]) -> web_sys::Blob {
    web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(bytes))).unwrap()
}

async fn bytes_of_blob(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buffer).to_vec()
}

#[wasm_bindgen_test]
async fn sha256_gives_the_fips_180_answer() {
    use nscl_tracker::web::file_codec::{sha256, sha256_blob};
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(hex(&sha256("abc").await.unwrap()), abc);
    assert_eq!(hex(&sha256_blob(&blob_of(b"abc")).await.unwrap()), abc);
}

/// A text over a mebibyte goes to the browser in parts of 4 MiB (three here) and is hashed by
/// the worker; the test runner serves no `/hash-worker.js`, so this is the fallback on the page
/// (the worker itself: sync-safety.spec.js). The answer is Python's `hashlib.sha256`.
#[wasm_bindgen_test]
async fn sha256_of_a_large_text_in_parts_is_the_whole_texts() {
    let text = "Đồng Tháp ".repeat(700_000);
    assert_eq!(text.len(), 9_800_000);
    let expected = "ae5f38984c26eec2ea4923e86f7320e530869a47d31a1342df6f343561c53bd3";
    assert_eq!(hex(&nscl_tracker::web::file_codec::sha256(&text).await.unwrap()), expected);
}

#[wasm_bindgen_test]
async fn pbkdf2_gives_the_rfc_7914_answer() {
    let key = nscl_tracker::web::file_codec::pbkdf2_sha256(b"passwd", b"salt", 1, 512).await.unwrap();
    assert_eq!(
        hex(&key),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    );
}

#[wasm_bindgen_test]
async fn aes_gcm_gives_the_nist_test_case_14_answer() {
    let sealed = nscl_tracker::web::file_codec::aes_gcm_encrypt_raw(&[0; 32], &[0; 12], &[0; 16]).await.unwrap();
    assert_eq!(hex(&sealed), "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919", "ciphertext, then tag");
}

/// A Blob gzipped on the page, with nothing after it.
async fn gzip(blob: &web_sys::Blob) -> Result<web_sys::Blob, wasm_bindgen::JsValue> {
    let nothing_after = std::future::ready(Ok(((), String::new())));
    Ok(nscl_tracker::web::file_codec::gzip_then(blob, nothing_after).await?.0)
}

#[wasm_bindgen_test]
async fn gzip_round_trips_and_a_cut_stream_is_an_error() {
    use nscl_tracker::sync::envelope::is_gzip;
    use nscl_tracker::web::file_codec::gunzip;
    let plain: Vec<u8> = "Công ty Cổ phần Đồng Tháp\n".repeat(2000).into_bytes();
    let packed = bytes_of_blob(&gzip(&blob_of(&plain)).await.unwrap()).await;
    assert!(is_gzip(&packed) && packed.len() < plain.len() / 10);
    assert_eq!(gunzip(&js_sys::Uint8Array::from(&packed[..])).await.unwrap().to_vec(), plain);
    assert!(gunzip(&js_sys::Uint8Array::from(&packed[..packed.len() - 10])).await.is_err(), "cut short");
    assert!(gunzip(&js_sys::Uint8Array::from(&b"{\"not\":\"gzip\"}"[..])).await.is_err(), "not gzip");
    let empty = bytes_of_blob(&gzip(&blob_of(b"")).await.unwrap()).await;
    assert_eq!(gunzip(&js_sys::Uint8Array::from(&empty[..])).await.unwrap().length(), 0);
}

/// An export's gzip: the body is packed while its checksum is worked out, which then ends the
/// same stream; a checksum that fails fails the whole.
#[wasm_bindgen_test]
async fn gzip_then_packs_the_body_and_the_text_that_comes_later_as_one_stream() {
    use nscl_tracker::web::file_codec::{gunzip, gzip_then};
    let body: Vec<u8> = "{\"enterprise\":\"Công ty Cổ phần Đồng Tháp\"}\n".repeat(40_000).into_bytes();
    let tail = async {
        nscl_tracker::web::browser::next_task().await;
        Ok((7, ",\"checksum\":\"ab\"}".to_string()))
    };
    let (packed, value) = gzip_then(&blob_of(&body), tail).await.unwrap();
    assert_eq!(value, 7);
    let packed = bytes_of_blob(&packed).await;
    let mut whole = body.clone();
    whole.extend_from_slice(b",\"checksum\":\"ab\"}");
    assert_eq!(gunzip(&js_sys::Uint8Array::from(&packed[..])).await.unwrap().to_vec(), whole);
    let failed = gzip_then(&blob_of(&body), async { Err::<((), String), _>(wasm_bindgen::JsValue::from_str("no hash")) }).await;
    assert_eq!(failed.err().and_then(|e| e.as_string()).as_deref(), Some("no hash"));
}

/// The import's inflater, fed the packed bytes a piece at a time: a file of many pieces
/// unpacks whole, one that unpacks past the limit stops there, damaged ones are errors.
#[wasm_bindgen_test]
async fn a_file_unpacks_piece_by_piece_within_its_limit() {
    use nscl_tracker::web::file_codec::gunzip_limited;
    // Bytes that barely pack (xorshift), then text that packs well: the packed file is many pieces.
    let mut x: u32 = 2463534242;
    let mut plain: Vec<u8> = (0..300_000).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    }).collect();
    // More than 4 MiB unpacked: the reads pause between tasks while the feeding waits.
    plain.extend("Hợp tác xã Xoài Mỹ Xương\n".repeat(200_000).into_bytes());
    let packed = bytes_of_blob(&gzip(&blob_of(&plain)).await.unwrap()).await;
    assert!(packed.len() > 10 * (16 << 10), "{} packed bytes", packed.len());
    let unpack = |bytes: &[u8], limit: f64| {
        let bytes = js_sys::Uint8Array::from(bytes);
        async move { gunzip_limited(&bytes, limit).await }
    };
    assert!(unpack(&packed, 2e9).await.unwrap().unwrap() == plain, "unpacked whole, in order");
    let stopped = unpack(&packed, 100_000.0).await.unwrap().unwrap_err();
    assert!(stopped > 100_000.0 && stopped < plain.len() as f64, "stopped past the limit, at {stopped}");
    assert!(unpack(&packed[..packed.len() - 10], 2e9).await.is_err(), "cut short");
    assert!(unpack(&packed[..packed.len() / 2], 2e9).await.is_err(), "cut in half");
    let mut damaged = packed.clone();
    damaged[packed.len() / 3] ^= 0x55;
    assert!(unpack(&damaged, 2e9).await.is_err(), "a byte changed");
    assert!(unpack(&[&packed[..], b"junk"].concat(), 2e9).await.is_err(), "bytes after the end");
    assert!(unpack(b"{\"not\":\"gzip\"}", 2e9).await.is_err(), "not gzip");
    let empty = bytes_of_blob(&gzip(&blob_of(b"")).await.unwrap()).await;
    assert_eq!(unpack(&empty, 2e9).await.unwrap().unwrap(), Vec::<u8>::new());
}

#[wasm_bindgen_test]
async fn encrypted_files_open_with_their_passphrase_only() {
    use nscl_tracker::sync::envelope::{Header, HeaderError, PBKDF2_ITERATIONS};
    use nscl_tracker::web::file_codec::{decrypt, encrypt, DecryptError};
    let plain = "{\"records\":[\"Hợp tác xã Xoài Mỹ Xương\"]}".as_bytes();
    // Precomposed here; typed below with decomposed marks, as pasted from macOS.
    let passphrase = "Sen Tháp Mười 2026";
    let file = bytes_of_blob(&encrypt(&blob_of(plain), passphrase).await.unwrap()).await;
    let (header, start) = Header::parse(&file).unwrap();
    assert_eq!(header.iterations, PBKDF2_ITERATIONS);
    assert_eq!(file.len(), start + plain.len() + 16, "header line, ciphertext, 16-byte tag");
    assert!(!file.windows(5).any(|w| w == b"Xo\xc3\xa0i"), "no plain text in the file");
    let open = |bytes: Vec<u8>, passphrase: &'static str| async move {
        decrypt(&js_sys::Uint8Array::from(&bytes[..]), passphrase).await.map(|plain| plain.to_vec())
    };

    assert_eq!(open(file.clone(), passphrase).await.as_deref(), Ok(plain));
    assert_eq!(open(file.clone(), "Sen Tha\u{301}p Mu\u{31B}o\u{31B}\u{300}i 2026").await.as_deref(), Ok(plain));
    assert_eq!(open(file.clone(), "Sen Thap Muoi 2026").await, Err(DecryptError::WrongPassphraseOrDamaged));
    let mut flipped = file.clone();
    flipped[start + 3] ^= 1;
    assert_eq!(open(flipped, passphrase).await, Err(DecryptError::WrongPassphraseOrDamaged));
    assert_eq!(open(file[..file.len() - 1].to_vec(), passphrase).await, Err(DecryptError::WrongPassphraseOrDamaged));
    let mut bad_header = file.clone();
    bad_header[start - 3] = b'!';
    assert!(matches!(open(bad_header, passphrase).await, Err(DecryptError::BadHeader(HeaderError::NotJson | HeaderError::Iv))));
    assert_eq!(open(plain.to_vec(), passphrase).await, Err(DecryptError::NotEncrypted));
    // Two files of the same bytes differ: fresh salt and IV each time.
    assert_ne!(bytes_of_blob(&encrypt(&blob_of(plain), passphrase).await.unwrap()).await, file);
}

/// Runs a script that returns a promise, and awaits it.
async fn run_js(script: &str) -> wasm_bindgen::JsValue {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(js_sys::eval(script).unwrap())).await.unwrap()
}

/// Deletes the app's database; the app's own connection closes itself when asked.
async fn delete_database() {
    run_js("new Promise((resolve, reject) => { const r = indexedDB.deleteDatabase('nscl-tracker'); r.onsuccess = () => resolve(true); r.onerror = () => reject(r.error); })").await;
}

#[wasm_bindgen_test]
async fn upgrading_a_schema_5_database_gives_every_survey_and_self_assessment_its_summary() {
    use nscl_tracker::form::Answer;
    use nscl_tracker::model::assessment::{Assessment, TAX_CODE};
    use nscl_tracker::model::survey::{Survey, SURVEY_DATE};
    use nscl_tracker::store::summary::summary_record;
    use nscl_tracker::store::Row;
    clear().await;
    delete_database().await;
    // The database as the build before summaries left it: schema 5, records of both kinds and one unreadable row.
    let mut surveys = Vec::new();
    for i in 0..3 {
        let mut s = Survey { form_id: "field-survey".into(), form_version: 1, enterprise_id: format!("e-{i}"), answered: 4, total: 30, ..Default::default() };
        s.answers.insert(SURVEY_DATE.into(), Answer::Text(format!("2026-02-0{}", i + 1)));
        s.answers.insert("notes".into(), Answer::Text("Ghi chú dài <b>không</b> vào danh sách".into()));
        surveys.push(Record::new(browser::new_id(), &browser::change(), s));
    }
    surveys[2].deleted = true;
    let mut a = Assessment { form_id: "iso9001-readiness".into(), form_version: 1, enterprise_id: Some("e-1".into()), readiness: Some(62.5), ..Default::default() };
    a.answers.insert(TAX_CODE.into(), Answer::Text("1400100593".into()));
    a.answers.insert("clause_4".into(), Answer::Text("2".into()));
    let assessment = Record::new(browser::new_id(), &browser::change(), a);
    let rows = |rows: Vec<Row>| serde_json::to_string(&rows.iter().map(|r| serde_json::json!({"id": r.id, "updated_ms": r.updated_ms, "keys": r.keys, "json": r.json})).collect::<Vec<_>>()).unwrap();
    let mut survey_rows: Vec<Row> = surveys.iter().map(|r| Row::from_record(r).unwrap()).collect();
    survey_rows.push(Row { id: "zz-unreadable".into(), updated_ms: 0, keys: Default::default(), json: "{\"v\":2,".into() });
    let script = format!(
        "new Promise((resolve, reject) => {{ const open = indexedDB.open('nscl-tracker', 5); open.onerror = () => reject(open.error); \
           open.onupgradeneeded = () => {{ const db = open.result; \
             for (const k of ['enterprise', 'survey', 'assessment', 'activity', 'indicator_target']) db.createObjectStore(k, {{ keyPath: 'id' }}); \
             db.createObjectStore('history', {{ keyPath: 'key' }}).createIndex('by_record', 'record_id'); db.createObjectStore('settings'); \
             const tx = open.transaction; for (const r of {surveys}) tx.objectStore('survey').put(r); for (const r of {assessments}) tx.objectStore('assessment').put(r); }}; \
           open.onsuccess = () => {{ open.result.close(); resolve(true); }}; }})",
        surveys = rows(survey_rows),
        assessments = rows(vec![Row::from_record(&assessment).unwrap()]),
    );
    run_js(&script).await;

    // The app opens it at schema 7: the upgrade works out every summary in its own transaction.
    let store = RecordStore::new(IdbBackend);
    assert_eq!(store.count_summaries::<Survey>().await.unwrap(), 3, "the unreadable row has no summary");
    let mut listed = Vec::new();
    store.read_summaries_in_steps::<Survey, _, _>(2, || std::future::ready(()), &mut |step| listed.extend(step)).await.unwrap();
    listed.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected: Vec<_> = surveys.iter().map(summary_record).collect();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(listed, expected, "each summary matches its record, a deleted one too");
    assert!(listed.iter().all(|s| s.payload.answers.get("notes").is_none() && s.payload.survey_date().is_some()));
    let mut assessed = Vec::new();
    store.read_summaries_in_steps::<Assessment, _, _>(200, || std::future::ready(()), &mut |step| assessed.extend(step)).await.unwrap();
    assert_eq!(assessed, vec![summary_record(&assessment)]);
    assert_eq!(assessed[0].payload.readiness, Some(62.5));

    // From now on a save writes its summary in the same transaction, and a deletion removes it.
    let mut edited = surveys[0].payload.clone();
    edited.answered = 9;
    store.put(&surveys[0].revised(&browser::change(), edited)).await.unwrap();
    assert!(store.delete::<Survey>(&surveys[1].id).await.unwrap());
    let mut after = Vec::new();
    store.read_summaries_in_steps::<Survey, _, _>(200, || std::future::ready(()), &mut |step| after.extend(step)).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after.iter().find(|s| s.id == surveys[0].id).map(|s| s.payload.answered), Some(9));

    // The next test meets a database made whole by the app, every index included.
    delete_database().await;
}

#[wasm_bindgen_test]
fn going_to_the_address_shown_adds_no_history_entry_however_the_address_is_written() {
    use leptos::prelude::*;
    use nscl_tracker::ui::router::{provide_router, use_navigate, NavigateOptions};
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let opened_at = window.location().href().unwrap();
    let stay = NavigateOptions { scroll: false, ..Default::default() };
    let owner = Owner::new();
    // Entries added after each step, and the query as the address bar shows it after each.
    let (added, searches) = owner.with(|| {
        provide_router(&[]);
        let navigate = use_navigate();
        let before = history.length().unwrap();
        let (mut added, mut searches) = (Vec::new(), Vec::new());
        // Written as code builds it, again, then as the browser writes it (escaped), then another address.
        for to in ["/tìm?q=Lê Thị", "/tìm?q=Lê Thị", "/t%C3%ACm?q=L%C3%AA%20Th%E1%BB%8B", "/tìm?q=Lan"] {
            navigate(to, stay);
            added.push(history.length().unwrap() - before);
            searches.push(window.location().search().unwrap());
        }
        (added, searches)
    });
    owner.cleanup();
    // Back where the runner opened the page before asserting: a failed assertion stops the test here.
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&opened_at)).unwrap();
    assert_eq!(searches, ["?q=L%C3%AA%20Th%E1%BB%8B", "?q=L%C3%AA%20Th%E1%BB%8B", "?q=L%C3%AA%20Th%E1%BB%8B", "?q=Lan"], "the address bar has the query escaped");
    assert_eq!(added, vec![1, 1, 1, 2], "the page shown, written as code builds it or as the browser writes it, adds no entry; another address does");
}
