//! Export packs in IndexedDB (`sync::pack`): read a kind's at once, build a missing one from its
//! bucket's rows. A pack's body stays bytes in the browser's memory from the store to the file:
//! a province's 46 MiB never pass through wasm (copying them in and out was most of what the
//! page did in an export).

use super::idb::{answer, commit, db, js_error, store_error, FetchedJsRows, PACKS};
use crate::model::clock::Hlc;
use crate::store::export::UnreadableRow;
use crate::store::{FetchedRows, StoreError};
use crate::sync::pack::{self, BOUNDS};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// A pack as kept: its body as bytes, and what the file needs to know of it.
#[derive(Clone)]
pub struct KeptPack {
    pub count: usize,
    pub latest: Option<Hlc>,
    pub unreadable: Vec<UnreadableRow>,
    pub body: Uint8Array,
}

const BUCKET: &str = "bucket";
const COUNT: &str = "count";
const LATEST: &str = "latest";
const UNREADABLE: &str = "unreadable";
const BODY: &str = "body";

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(name)).ok()
}

/// A stored pack's fields; `None` for a value that is not one (another build's), which is then
/// built again.
fn kept(value: &JsValue) -> Option<(usize, KeptPack)> {
    let bucket = field(value, BUCKET)?.as_f64()? as usize;
    let count = field(value, COUNT)?.as_f64()? as usize;
    let latest = serde_json::from_str(&field(value, LATEST)?.as_string()?).ok()?;
    let unreadable = serde_json::from_str(&field(value, UNREADABLE)?.as_string()?).ok()?;
    let body = field(value, BODY)?.dyn_into::<Uint8Array>().ok()?;
    (bucket < BOUNDS.len()).then_some((bucket, KeptPack { count, latest, unreadable, body }))
}

fn stored(bucket: usize, p: &KeptPack) -> Result<JsValue, StoreError> {
    let o = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&o, &JsValue::from_str(k), v).map(|_| ()).map_err(|e| js_error(&e, || "pack".into()));
    let json_error = |e: serde_json::Error| StoreError::Other(e.to_string());
    set(BUCKET, &JsValue::from_f64(bucket as f64))?;
    set(COUNT, &JsValue::from_f64(p.count as f64))?;
    set(LATEST, &JsValue::from_str(&serde_json::to_string(&p.latest).map_err(json_error)?))?;
    set(UNREADABLE, &JsValue::from_str(&serde_json::to_string(&p.unreadable).map_err(json_error)?))?;
    set(BODY, &p.body)?;
    Ok(o.into())
}

/// Every kept pack of `kind` (of this format) in one request: the values, or only their keys.
async fn all_of(kind: &str, keys_only: bool) -> Result<js_sys::Array, StoreError> {
    let db = db().await?;
    let tx = db.transaction(PACKS).build().map_err(store_error)?;
    let store = tx.object_store(PACKS).map_err(store_error)?;
    let failed = |e: JsValue| js_error(&e, || format!("packs of {kind}: {e:?}"));
    let (first, last) = pack::kind_keys(kind);
    let range = web_sys::IdbKeyRange::bound(&JsValue::from_str(&first), &JsValue::from_str(&last)).map_err(failed)?;
    let sys: &web_sys::IdbObjectStore = store.as_sys();
    let request = if keys_only { sys.get_all_keys_with_key(&range) } else { sys.get_all_with_key(&range) }.map_err(failed)?;
    answer(&request).await.map_err(failed)?.dyn_into().map_err(failed)
}

/// The packs of `kind` that are kept, by bucket (`None`: none kept, or not readable).
pub async fn read(kind: &str) -> Result<Vec<Option<KeptPack>>, StoreError> {
    let values = all_of(kind, false).await?;
    let mut out = vec![None; BOUNDS.len()];
    for (bucket, p) in values.iter().filter_map(|v| kept(&v)) {
        out[bucket] = Some(p);
    }
    Ok(out)
}

/// Builds `kind`'s pack of `bucket` from the bucket's rows and keeps it, in one transaction:
/// no write can come between the read and the pack. A pack that could not be kept (a full
/// disk) is still given back, with `false`: it is what the rows held when read.
pub async fn build(kind: &str, bucket: usize) -> Result<(KeptPack, bool), StoreError> {
    let db = db().await?;
    let tx = db.transaction([kind, PACKS]).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
    let failed = |e: JsValue| js_error(&e, || format!("pack of {kind}: {e:?}"));
    let made = {
        let rows_store = tx.object_store(kind).map_err(store_error)?;
        let (from, to) = pack::range(bucket);
        let range = match to {
            Some(to) => web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(&JsValue::from_str(from), &JsValue::from_str(to), false, true),
            None => web_sys::IdbKeyRange::lower_bound(&JsValue::from_str(from)),
        }
        .map_err(failed)?;
        let sys: &web_sys::IdbObjectStore = rows_store.as_sys();
        let rows: js_sys::Array = answer(&sys.get_all_with_key(&range).map_err(failed)?).await.map_err(failed)?.dyn_into().map_err(failed)?;
        let rows = FetchedJsRows(rows).into_rows()?;
        let made = pack::make_pack(kind, rows).ok_or_else(|| StoreError::Other(format!("no packs of {kind}")))?.map_err(|e| StoreError::Other(e.to_string()))?;
        let made = KeptPack { count: made.count, latest: made.latest, unreadable: made.unreadable, body: Uint8Array::from(made.body.as_bytes()) };
        // Issued in the task the read answered in, so the transaction is still the read's.
        let packs = tx.object_store(PACKS).map_err(store_error)?;
        let packs: &web_sys::IdbObjectStore = packs.as_sys();
        packs.put_with_key(&stored(bucket, &made)?, &JsValue::from_str(&pack::pack_key(kind, bucket))).map_err(failed)?;
        made
    };
    // Kept or not, the pack is the rows as read.
    let kept = commit(tx).await.is_ok();
    // Counted by the tests: an export after one edit builds one pack.
    super::browser::mark("nscl-pack-built");
    Ok((made, kept))
}

/// Every pack of every kind, built where missing, a bucket at a time with the page free in
/// between. Run after an import and when the Sync page opens, so the export the officer asks
/// for next reads packs only. Once at a time in a page.
pub async fn refresh() {
    thread_local! {
        /// Whether a refresh runs, and whether another was asked for meanwhile (it then goes
        /// round again: packs it had passed may have been dropped since).
        static RUNNING: std::cell::Cell<(bool, bool)> = const { std::cell::Cell::new((false, false)) };
    }
    if RUNNING.with(|r| r.replace((true, r.get().0)).0) {
        RUNNING.with(|r| r.set((true, true)));
        return;
    }
    'again: loop {
        for kind in crate::sync::kinds::KINDS {
            // Only the keys: the bodies (a province's 46 MiB) are the export's to read.
            let Ok(keys) = all_of(kind, true).await else { break 'again };
            let mut kept = [false; BOUNDS.len()];
            for key in keys.iter().filter_map(|k| k.as_string()) {
                if let Some(bucket) = pack::bucket_of_key(kind, &key) {
                    kept[bucket] = true;
                }
            }
            for (bucket, _) in kept.iter().enumerate().filter(|(_, k)| !**k) {
                super::browser::next_task().await;
                // A pack the disk could not take: no more are tried (each would hold the kind's
                // store for nothing); an export builds what it needs.
                if !matches!(build(kind, bucket).await, Ok((_, true))) {
                    break 'again;
                }
            }
        }
        if !RUNNING.with(|r| r.replace((true, false)).1) {
            break;
        }
    }
    super::browser::mark("nscl-packs-refreshed");
    RUNNING.with(|r| r.set((false, false)));
}

/// Drops every pack: the disk is full, and the packs are the one thing stored that the
/// records can give again (a province's are about 46 MiB).
pub async fn clear() {
    let Ok(db) = db().await else { return };
    let Ok(tx) = db.transaction(PACKS).with_mode(TransactionMode::Readwrite).build() else { return };
    if let Ok(store) = tx.object_store(PACKS) {
        let _ = store.clear();
    }
    // Not `idb::commit`, which calls this on a full disk: a clear that failed is not tried again.
    let _ = tx.commit().await;
}
