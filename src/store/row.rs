//! How one record is kept by a backend: its id, the fields indexes need, and
//! the record itself as JSON text.
//!
//! Keeping the record as text means a backend never reinterprets it: a record
//! from a newer or broken build round-trips byte for byte, and decoding (with
//! quarantine) happens in one place, `RecordStore::load`.

use super::StoreError;
use crate::model::record::{Record, RecordKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub updated_ms: i64,
    /// Index keys, such as `tax_code` and `admin_unit_id`; absent keys are not indexed.
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
    pub json: String,
}

impl Row {
    pub fn from_record<T: RecordKind + Serialize>(record: &Record<T>) -> Result<Row, StoreError> {
        Ok(Row {
            id: record.id.clone(),
            updated_ms: record.updated_ms(),
            keys: {
                // Inserted one by one: collecting a map sorts, one more copy of the sort's code
                // in the first download, for the two or three keys a record has.
                let mut keys = BTreeMap::new();
                for (k, v) in record.payload.index_keys() {
                    keys.insert(k.to_string(), v);
                }
                keys
            },
            json: serde_json::to_string(record).map_err(|e| StoreError::Other(e.to_string()))?,
        })
    }

    /// A stored value that did not decode, kept as it was under an id of its own.
    pub fn unreadable(position: usize, raw: &serde_json::Value) -> Row {
        let id = raw.get("id").and_then(|v| v.as_str()).filter(|s| !s.is_empty()).map_or_else(|| format!("unreadable-{position}"), str::to_string);
        Row { id, updated_ms: 0, keys: BTreeMap::new(), json: raw.to_string() }
    }
}

/// An earlier version of a record, kept when a newer one replaced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    /// `<record id>/<updated ms, zero-padded>/<hash of the text>`: sorts by record, then time,
    /// and two versions saved in the same millisecond stay apart.
    pub key: String,
    pub record_id: String,
    pub kind: String,
    pub updated_ms: i64,
    pub json: String,
}

impl HistoryRow {
    pub fn of(kind: &str, replaced: &Row) -> HistoryRow {
        HistoryRow {
            key: format!("{}/{:015}/{:016x}", replaced.id, replaced.updated_ms.max(0), fnv1a(&replaced.json)),
            record_id: replaced.id.clone(),
            kind: kind.to_string(),
            updated_ms: replaced.updated_ms,
            json: replaced.json.clone(),
        }
    }
}

/// A store of rows, one collection per record kind. Every call may be
/// asynchronous. `put_rows` writes all rows or none, and in the same
/// transaction keeps each replaced version in the history, at most
/// `keep_history` versions per record (the oldest go first). With `None` the
/// rows replace what was there and no version is kept (a draft's autosave).
#[allow(async_fn_in_trait)]
pub trait RowBackend {
    /// A step of rows as the backend read them, not yet taken into Rust.
    type Fetched: FetchedRows;
    /// Rows in id order: those after `after` (all when `None`), at most `limit` of them, as
    /// read. A long read asks for its next step as soon as it knows where that starts, and
    /// takes this one in meanwhile: taking 500 rows into wasm took 11-13 ms, which the
    /// browser's read of the next step waited for when it came first (`RecordStore`'s reads in steps).
    async fn fetch_rows(&self, kind: &str, after: Option<&str>, limit: Option<usize>) -> Result<Self::Fetched, StoreError>;
    /// The same rows, taken in.
    async fn load_rows(&self, kind: &str, after: Option<&str>, limit: Option<usize>) -> Result<Vec<Row>, StoreError> {
        self.fetch_rows(kind, after, limit).await?.into_rows()
    }
    async fn get_row(&self, kind: &str, id: &str) -> Result<Option<Row>, StoreError>;
    /// The stored rows of `ids`, in their order (`None` where none is).
    async fn get_rows(&self, kind: &str, ids: &[String]) -> Result<Vec<Option<Row>>, StoreError>;
    /// The id of every row of `kind` stored, readable or not, without reading the rows.
    async fn stored_ids(&self, kind: &str) -> Result<Vec<String>, StoreError>;
    /// How many rows of `kind` are stored (readable or not): what a list says it is still reading.
    async fn count_rows(&self, kind: &str) -> Result<usize, StoreError>;
    /// How many rows of a kind kept with summaries (`summary`) have none, counted in one
    /// transaction: each readable record has one, so these are the unreadable ones.
    async fn count_unsummarised(&self, kind: &str) -> Result<usize, StoreError>;
    async fn put_rows(&self, kind: &str, rows: Vec<Row>, keep_history: Option<usize>) -> Result<(), StoreError>;
    /// Writes one row only if the row stored now (or its absence) passes
    /// `still_current`, checked and written in one transaction; otherwise
    /// writes nothing and returns what is stored.
    async fn put_row_if(&self, kind: &str, row: Row, keep_history: Option<usize>, still_current: &dyn Fn(Option<&Row>) -> bool) -> Result<Result<(), Option<Row>>, StoreError>;
    /// Earlier versions of one record, newest first.
    async fn load_history(&self, kind: &str, id: &str) -> Result<Vec<HistoryRow>, StoreError>;
    async fn delete_row(&self, kind: &str, id: &str) -> Result<bool, StoreError>;
    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError>;
    async fn put_setting(&self, key: &str, json: &str) -> Result<(), StoreError>;
    /// Replaces a setting with what `change` makes of the stored value, read
    /// and written in one transaction, so a change made in one tab never
    /// drops another tab's. `None` from `change` writes nothing.
    async fn update_setting(&self, key: &str, change: &dyn Fn(Option<&str>) -> Option<String>) -> Result<(), StoreError>;
    /// Writes a batch of rows of any kinds and settings in one transaction,
    /// only if every stored value is still what the batch expects; otherwise
    /// writes nothing and names the first that changed. With `undo_key`, the
    /// batch that undoes it is stored in the same transaction.
    async fn write_batch(&self, batch: &super::batch::Batch) -> Result<Result<(), super::batch::Stale>, StoreError>;
}

/// Rows a backend has read and not yet handed over as `Row`s (`RowBackend::fetch_rows`).
pub trait FetchedRows {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The last row's id, where the next step starts (`None` when there is none, or it is not text).
    fn last_id(&self) -> Option<String>;
    fn into_rows(self) -> Result<Vec<Row>, StoreError>;
}

pub(crate) fn fnv1a(text: &str) -> u64 {
    fnv1a_on(FNV1A_START, text)
}

/// Where `fnv1a` starts.
pub(crate) const FNV1A_START: u64 = 0xcbf2_9ce4_8422_2325;

/// `fnv1a` going on from `hash`: a text hashed a piece at a time
/// (`fnv1a_on(fnv1a_on(FNV1A_START, a), b)`) hashes as the whole (`fnv1a(a + b)`).
pub(crate) fn fnv1a_on(hash: u64, text: &str) -> u64 {
    text.bytes().fold(hash, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
