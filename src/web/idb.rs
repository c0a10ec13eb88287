//! IndexedDB as the row backend: one object store per record kind, keyed by
//! record id, with indexes for the queries the app needs (tax code,
//! administrative unit, updated time; surveys and self-assessments by
//! enterprise and status; activities by type, year and unit; indicator targets
//! by indicator), and a
//! `settings` store for reference data the officer edits. Every write of
//! several rows is one transaction.

use crate::store::batch::{Batch, HistoryWrite, Stale};
use crate::store::undo_text::{self, UndoRows};
use crate::store::{summary, HistoryRow, Row, RowBackend, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::future::VoidRequest;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;
use std::cell::RefCell;

pub const DB_NAME: &str = "nscl-tracker";
/// The IndexedDB schema version; each step up is one arm of `upgrade`.
/// A database at a higher version belongs to a newer build and is never written.
pub const DB_VERSION: u32 = 7;
const SETTINGS: &str = "settings";
/// A write of at least this many rows is marked for the browser's profiler and the tests.
const BULK_ROWS: usize = 100;
const HISTORY: &str = "history";
/// Export packs (`sync::pack`): copies of each kind's records a bucket at a time, which every
/// write of a record deletes in its own transaction (`drop_packs`).
pub(super) const PACKS: &str = "export_pack";

thread_local! {
    static DB: RefCell<Option<Database>> = const { RefCell::new(None) };
    /// The upgrade transaction of the open in progress, and the version it started from: if
    /// opening fails, its error says whether for want of space. Cleared when the open ends.
    static UPGRADE: RefCell<Option<(web_sys::IdbTransaction, u32)>> = const { RefCell::new(None) };
    /// The open in progress, settled when it ends: a page opens once at a time, or two callers
    /// at start-up would each run a province's upgrade (the browser holds the second open until
    /// the first is undone, and then upgrades again).
    static OPENING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// An upgrade that failed: this page tries no other (each attempt works out a province's
    /// summaries again), and every read and write says why until a reload.
    static FAILED_UPGRADE: RefCell<Option<StoreError>> = const { RefCell::new(None) };
    /// How a survey's or self-assessment's summary is worked out (`store::summary::summary_row`),
    /// once its code is fetched: only an upgrade from before schema 6 needs it, and it decodes
    /// whole records, code the first download leaves to a chunk (`split_pages::summary_maker`).
    static SUMMARY_ROW: std::cell::Cell<Option<crate::ui::split_pages::SummaryMaker>> = const { std::cell::Cell::new(None) };
    /// An open gave up its upgrade for want of that code: `open` fetches it and opens again.
    static SUMMARY_CODE_WANTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn dom_error_name(err: &indexed_db_futures::error::Error) -> Option<String> {
    use indexed_db_futures::error::{DomException, Error};
    match err {
        Error::DomException(d) => {
            let ex: &web_sys::DomException = match d {
                DomException::InvalidStateError(e)
                | DomException::TransactionInactiveError(e)
                | DomException::NotFoundError(e)
                | DomException::ConstraintError(e)
                | DomException::InvalidAccessError(e)
                | DomException::DataError(e)
                | DomException::AbortError(e)
                | DomException::ReadOnlyError(e)
                | DomException::DataCloneError(e)
                | DomException::SyntaxError(e)
                | DomException::Other(e) => e,
                #[allow(unreachable_patterns)]
                _ => return None,
            };
            Some(ex.name())
        }
        _ => None,
    }
}

pub(super) fn store_error(err: indexed_db_futures::error::Error) -> StoreError {
    error_named(dom_error_name(&err).as_deref(), || format!("{err}"))
}

/// The store's error for a DOMException of this name (`None`: not one), else `text`.
fn error_named(name: Option<&str>, text: impl FnOnce() -> String) -> StoreError {
    match name {
        Some("QuotaExceededError") => StoreError::QuotaExceeded,
        Some("VersionError") => StoreError::NewerSchema { found: DB_VERSION + 1 },
        Some("InvalidStateError") | Some("SecurityError") => StoreError::Unavailable,
        _ => StoreError::Other(text()),
    }
}

fn open_error(err: indexed_db_futures::error::OpenDbError) -> StoreError {
    use indexed_db_futures::error::OpenDbError;
    match err {
        OpenDbError::Base(e) => store_error(e),
        OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => StoreError::Unavailable,
        other => StoreError::Other(format!("{other}")),
    }
}

/// The open database, or what the last open left: a caller that arrives while another opens
/// waits for it and takes what it left.
fn opened() -> Option<Result<Database, StoreError>> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Some(Ok(db));
    }
    FAILED_UPGRADE.with(|f| f.borrow().clone()).map(Err)
}

/// Asks the browser to open the database before the app's first screen is built: the open (and
/// a new laptop's upgrade) runs in the browser while the page builds the shell, instead of after
/// it. Whoever reads first waits for this open rather than starting another; an open that fails
/// is tried again by the first caller, which then meets its error.
pub fn open_early() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = db().await;
    });
}

pub(super) async fn db() -> Result<Database, StoreError> {
    // Several callers may wake from one open that left nothing: the first opens again, the
    // others wait for that one.
    loop {
        if let Some(done) = opened() {
            return done;
        }
        let Some(opening) = OPENING.with(|o| o.borrow().clone()) else { break };
        let _ = wasm_bindgen_futures::JsFuture::from(opening).await;
    }
    let mut settle = None;
    OPENING.with(|o| *o.borrow_mut() = Some(js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve))));
    let result = open().await;
    OPENING.with(|o| *o.borrow_mut() = None);
    if let Some(settle) = settle {
        let _ = settle.call0(&wasm_bindgen::JsValue::NULL);
    }
    result
}

async fn open() -> Result<Database, StoreError> {
    let first = open_once().await;
    if !SUMMARY_CODE_WANTED.with(|w| w.replace(false)) {
        return first;
    }
    // The upgrade to summaries was undone before it began, for want of their code: fetched, the
    // upgrade runs again from the start. Without it the data stays as the earlier build left it,
    // and the page says to reload, as for any failed upgrade (this page tries no other).
    match crate::ui::split_pages::summary_maker().await {
        Ok(make) => {
            SUMMARY_ROW.with(|s| s.set(Some(make)));
            open_once().await
        }
        Err(_) => {
            let failed = StoreError::UpgradeFailed { full: false };
            FAILED_UPGRADE.with(|f| *f.borrow_mut() = Some(failed.clone()));
            Err(failed)
        }
    }
}

async fn open_once() -> Result<Database, StoreError> {
    let opened = Database::open(DB_NAME)
        .with_version(DB_VERSION)
        .with_on_upgrade_needed_fut(|event, db| async move {
            let old = event.old_version() as u32;
            if old < 1 {
                let store = db.create_object_store("enterprise").with_key_path(KeyPath::from("id")).build()?;
                store.create_index("by_tax_code", KeyPath::from("keys.tax_code")).build()?;
                store.create_index("by_unit", KeyPath::from("keys.admin_unit_id")).build()?;
                store.create_index("by_updated", KeyPath::from("updated_ms")).build()?;
                db.create_object_store(SETTINGS).build()?;
            }
            if old < 2 {
                // Version 2: earlier versions of records.
                let history = db.create_object_store(HISTORY).with_key_path(KeyPath::from("key")).build()?;
                history.create_index("by_record", KeyPath::from("record_id")).build()?;
            }
            if old < 3 {
                // Version 3: field survey responses.
                let surveys = db.create_object_store("survey").with_key_path(KeyPath::from("id")).build()?;
                surveys.create_index("by_enterprise", KeyPath::from("keys.enterprise_id")).build()?;
                surveys.create_index("by_status", KeyPath::from("keys.status")).build()?;
                surveys.create_index("by_updated", KeyPath::from("updated_ms")).build()?;
            }
            if old < 4 {
                // Version 4: enterprises' self-assessments, and the programme's activities.
                let assessments = db.create_object_store("assessment").with_key_path(KeyPath::from("id")).build()?;
                assessments.create_index("by_enterprise", KeyPath::from("keys.enterprise_id")).build()?;
                assessments.create_index("by_tax_code", KeyPath::from("keys.tax_code")).build()?;
                assessments.create_index("by_status", KeyPath::from("keys.status")).build()?;
                assessments.create_index("by_updated", KeyPath::from("updated_ms")).build()?;
                let activities = db.create_object_store("activity").with_key_path(KeyPath::from("id")).build()?;
                activities.create_index("by_type", KeyPath::from("keys.activity_type")).build()?;
                activities.create_index("by_year", KeyPath::from("keys.year")).build()?;
                activities.create_index("by_unit", KeyPath::from("keys.admin_unit_id")).build()?;
                activities.create_index("by_updated", KeyPath::from("updated_ms")).build()?;
            }
            if old < 5 {
                // Version 5: targets set in Settings for the plan's indicators.
                let targets = db.create_object_store("indicator_target").with_key_path(KeyPath::from("id")).build()?;
                targets.create_index("by_indicator", KeyPath::from("keys.indicator_id")).build()?;
                targets.create_index("by_updated", KeyPath::from("updated_ms")).build()?;
            }
            if old < 6 {
                // Version 6: summaries of surveys and self-assessments (`store::summary`), worked
                // out here from every stored record, in the upgrade's own transaction: a page that
                // opens the database finds every summary or none.
                let make = SUMMARY_ROW.with(|s| s.get());
                let filled: indexed_db_futures::Result<()> = async {
                    for (kind, name) in summary::SUMMARISED {
                        let summaries = db.create_object_store(name).with_key_path(KeyPath::from("id")).build()?;
                        if UPGRADE.with(|u| u.borrow().is_none()) {
                            use indexed_db_futures::internals::SystemRepr;
                            use wasm_bindgen::JsCast;
                            let store: web_sys::IdbObjectStore = summaries.as_sys().clone().unchecked_into();
                            UPGRADE.with(|u| *u.borrow_mut() = Some((store.transaction(), old)));
                            // The upgrade cannot wait for a chunk inside its transaction: undone
                            // here, it runs again once `open` has the code.
                            if old > 0 && make.is_none() {
                                SUMMARY_CODE_WANTED.with(|w| w.set(true));
                                return Err(wasm_bindgen::JsValue::from_str("the summaries' code is not loaded").into());
                            }
                            if old > 0 {
                                crate::web::browser::mark("nscl-schema-upgrade");
                            }
                        }
                        // A new database's record stores were created empty just above: reading them
                        // would only add round trips to every first start.
                        if let (true, Some(make)) = (old > 0, make) {
                            fill_summaries(&summaries, kind, make).await?;
                        }
                    }
                    Ok(())
                }
                .await;
                if let Err(e) = filled {
                    // A failed request aborts the upgrade by itself; any other error would let it
                    // commit schema 6 with summaries missing, and it never runs again.
                    UPGRADE.with(|u| u.borrow().as_ref().map(|(tx, _)| tx.abort()));
                    return Err(e);
                }
            }
            if old < 7 {
                // Version 7: export packs, built when first needed (`web::export_packs`). A later
                // change to how packs are made (`sync::pack::PACK_FORMAT`) clears the store in its
                // own upgrade.
                db.create_object_store(PACKS).build()?;
            }
            Ok(())
        })
        .await;
    let upgrade = UPGRADE.with(|u| u.borrow_mut().take());
    let db = match opened {
        Ok(db) => db,
        // Undone for want of the summaries' code, which `open` fetches: not a failed upgrade.
        Err(e) if SUMMARY_CODE_WANTED.with(|w| w.get()) => return Err(open_error(e)),
        Err(e) => {
            let e = open_error(e);
            return Err(match upgrade {
                // The upgrade's transaction was undone: the data is as the earlier build left it.
                // Chromium refuses a transaction too large for the quota when it commits, and
                // names the reason in the transaction's own error. (A new database has nothing
                // to upgrade: its failure is no upgrade's.)
                Some((tx, old)) if old > 0 && !matches!(e, StoreError::NewerSchema { .. }) => {
                    let full = e == StoreError::QuotaExceeded || tx.error().is_some_and(|x| x.name() == "QuotaExceededError");
                    let failed = StoreError::UpgradeFailed { full };
                    FAILED_UPGRADE.with(|f| *f.borrow_mut() = Some(failed.clone()));
                    failed
                }
                _ => e,
            });
        }
    };
    // Another tab (a newer build upgrading, or a reset) needs this connection gone, or it
    // waits forever. Close it; the next call reopens, and meets the newer schema if there is one.
    if let Ok(mut changes) = db.version_changes() {
        let closing = db.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if changes.recv().await.is_some() {
                DB.with(|d| *d.borrow_mut() = None);
                closing.close();
            }
        });
    }
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Writes the summary of every stored record of `kind` into `summaries`, inside the upgrade's
/// transaction, reading a part at a time so a province's records are never all in memory.
async fn fill_summaries(summaries: &indexed_db_futures::object_store::ObjectStore<'_>, kind: &str, summary_row: crate::ui::split_pages::SummaryMaker) -> indexed_db_futures::Result<()> {
    use indexed_db_futures::KeyRange;
    const PART: u32 = 1000;
    let tx = summaries.transaction();
    // A database from before a kind existed has its store created by this same upgrade, empty.
    let records = tx.object_store(kind)?;
    let mut after: Option<String> = None;
    loop {
        let from = KeyRange::LowerBound(after.clone().unwrap_or_default(), after.is_some());
        let keys: Vec<String> = records.get_all_keys::<String>().with_query::<String, _>(from.clone()).with_limit(PART).primitive()?.await?.filter_map(Result::ok).collect();
        let rows = records.get_all::<Row>().with_query::<String, _>(from).with_limit(PART).serde()?.await?;
        // A value that is not a row at all has no summary; it stays quarantined where it is.
        for row in rows.filter_map(Result::ok) {
            if let Some(summary) = summary_row(kind, &row) {
                summaries.put(summary).serde()?;
            }
        }
        if keys.len() < PART as usize {
            return Ok(());
        }
        after = keys.last().cloned();
    }
}

/// The earlier versions of one record, through the history store's `by_record` index.
async fn history_of(by_record: &indexed_db_futures::index::Index<'_>, kind: &str, id: String) -> Result<Vec<HistoryRow>, StoreError> {
    let read = history_read(by_record, id)?;
    of_kind(read.await, kind)
}

/// Issues the read of one record's earlier versions (all kinds: the index is by id alone).
fn history_read(by_record: &indexed_db_futures::index::Index<'_>, id: String) -> Result<indexed_db_futures::future::GetAllSerdeRequest<HistoryRow>, StoreError> {
    by_record.get_all::<HistoryRow>().with_query::<String, _>(id).serde().map_err(store_error)
}

fn of_kind(read: indexed_db_futures::Result<impl Iterator<Item = indexed_db_futures::Result<HistoryRow>>>, kind: &str) -> Result<Vec<HistoryRow>, StoreError> {
    let rows: Vec<HistoryRow> = read.map_err(store_error)?.collect::<Result<_, _>>().map_err(store_error)?;
    Ok(rows.into_iter().filter(|h| h.kind == kind).collect())
}

/// How many reads (of a record's history, or of a row a write replaces) a large write issues
/// together before it awaits them. Awaited one after another, each read cost a round trip to
/// the browser's database: an import updating 38,021 stored records read their histories
/// twice that way (for its undo and to trim each history to its depth) and took 46 s, where
/// the same import into an empty laptop takes 8 (`docs/benchmarks.md`, 2026-12-04 afternoon).
const READS_AT_ONCE: usize = 500;

/// One read for each of `records` (kind, id), their results in the same order: `issue` issues
/// a record's read and gives back what awaits it; `READS_AT_ONCE` are issued together, then
/// awaited in order. Each wait ends in its read's success event (or at once, if the read is
/// done), where the transaction is active, so it stays active throughout, and the browser
/// works through the reads without waiting for the page.
async fn read_together<'r, T, F>(records: &'r [(&'r str, &'r str)], issue: impl Fn(&'r str, &'r str) -> Result<F, StoreError>) -> Result<Vec<T>, StoreError>
where
    F: std::future::Future<Output = Result<T, StoreError>>,
{
    let mut out = Vec::with_capacity(records.len());
    for group in records.chunks(READS_AT_ONCE) {
        let reads = group.iter().map(|(kind, id)| issue(kind, id)).collect::<Result<Vec<_>, _>>()?;
        for read in reads {
            out.push(read.await?);
        }
    }
    Ok(out)
}

/// The earlier versions of each of `records` (kind, id), in their order.
async fn histories_of(by_record: &indexed_db_futures::index::Index<'_>, records: &[(&str, &str)]) -> Result<Vec<Vec<HistoryRow>>, StoreError> {
    read_together(records, |kind, id| {
        let read = history_read(by_record, id.to_string())?;
        Ok(async move { of_kind(read.await, kind) })
    })
    .await
}

/// The stored rows of `records` (kind, id), in their order.
async fn rows_of(tx: &indexed_db_futures::transaction::Transaction<'_>, records: &[(&str, &str)]) -> Result<Vec<Option<Row>>, StoreError> {
    read_together(records, |kind, id| {
        let read = tx.object_store(kind).map_err(store_error)?.get::<Row, _, _>(id).serde().map_err(store_error)?;
        Ok(async move { read.await.map_err(store_error) })
    })
    .await
}

/// Stores the undo's filled `parts` under `key`, numbered on from `stored`, in the write's steps.
async fn put_parts(settings: &indexed_db_futures::object_store::ObjectStore<'_>, steps: &mut Steps, key: &str, stored: &mut usize, parts: Vec<String>) -> Result<(), StoreError> {
    for part in parts {
        steps.issued(settings.put(part).with_key(undo_text::part_key(key, *stored)).without_key_type().primitive().map_err(store_error)?).await?;
        *stored += 1;
    }
    Ok(())
}

/// Every row of `store`, read `PART` at a time in one transaction: one request for a whole
/// kind made every row's value into the page's memory, and the app's rows from it, in one
/// task (250-410 ms for 15,000 surveys).
async fn all_rows(store: &indexed_db_futures::object_store::ObjectStore<'_>) -> Result<Vec<Row>, StoreError> {
    use indexed_db_futures::KeyRange;
    const PART: u32 = 1000;
    let mut out: Vec<Row> = Vec::new();
    loop {
        let from = KeyRange::LowerBound(out.last().map(|r| r.id.clone()).unwrap_or_default(), !out.is_empty());
        let before = out.len();
        let rows = store.get_all::<Row>().with_query::<String, _>(from).with_limit(PART).serde().map_err(store_error)?.await.map_err(store_error)?;
        for row in rows {
            out.push(row.map_err(store_error)?);
        }
        if out.len() - before < PART as usize {
            return Ok(out);
        }
    }
}

/// What a write replaces: the stored row, read in the same transaction, and the
/// record's history as stored before the write when the caller has read it
/// already (`None`: the write reads it if it needs it).
struct Replaced<'a> {
    row: Option<Row>,
    history: Option<&'a [HistoryRow]>,
}

/// Puts one row inside a write transaction (laid out in `steps`, issued at its next flush);
/// with `keep_history`, the row it replaces goes to the history store, which keeps at most
/// that many versions of the record.
#[allow(clippy::too_many_arguments)]
async fn write_row(
    tx: &indexed_db_futures::transaction::Transaction<'_>,
    history: &indexed_db_futures::object_store::ObjectStore<'_>,
    steps: &mut Steps,
    kind: &str,
    row: &Row,
    summary: Option<&Row>,
    replaced: Replaced<'_>,
    keep_history: Option<usize>,
) -> Result<(), StoreError> {
    let Replaced { row: old, history: history_before } = replaced;
    let changed = old.as_ref().is_some_and(|o| o.json != row.json);
    keep_summary(tx, steps, kind, &row.id, Some(row), summary)?;
    steps.put(kind, row)?;
    if let (Some(keep), true, Some(old)) = (keep_history, changed, old) {
        let entry = HistoryRow::of(kind, &old);
        // A sorted list, not a `BTreeSet`: collecting one sorts with a copy of the standard
        // sort of its own (src/sort.rs).
        let mut keys: Vec<String> = match history_before {
            Some(rows) => rows.iter().map(|h| h.key.clone()).collect(),
            None => {
                let by_record = history.index("by_record").map_err(store_error)?;
                history_of(&by_record, kind, row.id.clone()).await?.into_iter().map(|h| h.key).collect()
            }
        };
        keys.push(entry.key.clone());
        crate::sort::sort(&mut keys);
        keys.dedup();
        history.put(entry).serde().map_err(store_error)?;
        // Keys sort by record, then time: the first ones are the oldest.
        for key in keys.iter().take(keys.len().saturating_sub(keep)) {
            history.delete(key.as_str()).primitive().map_err(store_error)?;
        }
    }
    Ok(())
}

/// Deletes the parts of an undo stored under `key` (`store::undo_text`), if it has any.
fn delete_parts(settings: &indexed_db_futures::object_store::ObjectStore<'_>, key: &str) -> Result<(), StoreError> {
    let (first, last) = undo_text::parts_range(key);
    settings.delete::<String, _>(indexed_db_futures::KeyRange::Bound(first, false, last, true)).primitive().map_err(store_error)?;
    Ok(())
}

/// Rows a large write issues in one go before it lets the page run. Issuing a request costs
/// the page its serialisation and the browser's copy of the value (about 0.1 ms a row with its
/// summary), and the writes used to issue every row in one task: an import of 38,021 records
/// held the page for 4.8 s, nothing drawn and no click answered.
const ROWS_PER_STEP: usize = 250;

/// The text of rows laid out before their puts are issued. The puts are most of a row's cost
/// to the page, so they are issued a few dozen rows at a time, inside the step's time, not
/// all at its end (which held the page past 50 ms when a step's rows replaced stored ones);
/// and the decoding of a layout's text is one call however large it is.
const PUT_BYTES: usize = 64 * 1024;

/// A large write's steps. Rows are laid out (`put`) and their puts issued together
/// (`row_puts`), every `PUT_BYTES` of text and at the step's end. A step ends after
/// `ROWS_PER_STEP` rows or `STEP_MS`; it then waits for one of its requests. A wait ends in that request's success
/// event, where the transaction is active again, so the write stays one transaction. It waits
/// for the step's first request the browser has not written yet, not the last, so the browser
/// goes on writing the rest of the step while the page takes its turn. The steps still cost
/// time: a scratch probe that timed every `put` of a 38,021-record import saw them issued over
/// 5.4 s with no steps, 8.1 s waiting for each step's last row and 7.5 s waiting for its first
/// unwritten one (`docs/benchmarks.md`, 2026-12-04 midday).
///
/// Rows that each replace a stored record cost more (the replaced version goes to the
/// history, and the undo's text is made beside them), and 250 of them took 50-140 ms of the
/// page (`docs/benchmarks.md`, 2026-12-04 afternoon), as would a slower laptop's steps of any
/// rows: hence the time limit too.
///
/// Puts laid out but not issued would be lost: a write ends with `finish`, and anything that
/// must come after a laid-out put in the same store (a delete, a read) calls `flush` first.
struct Steps {
    tx: web_sys::IdbTransaction,
    /// The step's requests it may wait for: the record deletes and undo parts issued straight,
    /// and the first put of each layout issued.
    issued: Vec<web_sys::IdbRequest>,
    rows: usize,
    /// When the step began (the page's clock), once it has.
    began: Option<f64>,
    puts: crate::store::row_layout::RowLayout,
}

/// How long a step of a large write may hold the page, in milliseconds.
const STEP_MS: f64 = 25.0;

impl Steps {
    fn new(tx: &indexed_db_futures::transaction::Transaction<'_>) -> Steps {
        use indexed_db_futures::internals::SystemRepr;
        use wasm_bindgen::JsCast;
        Steps { tx: tx.as_sys().unchecked_ref::<web_sys::IdbTransaction>().clone(), issued: Vec::new(), rows: 0, began: None, puts: Default::default() }
    }

    /// Lays out the put of `row` into `store`.
    fn put(&mut self, store: &str, row: &Row) -> Result<(), StoreError> {
        self.puts.push(store, row)
    }

    /// Issues the puts laid out so far.
    fn flush(&mut self) -> Result<(), StoreError> {
        let first = super::row_puts::put_all(&self.tx, &self.puts).map_err(|e| request_failure(Some(&self.tx), &e))?;
        self.puts.clear();
        self.issued.extend(first);
        Ok(())
    }

    /// Notes a request issued straight (not laid out), for the step to wait for: a step of
    /// deletes alone (the undo of a province's first import) must let the page run too.
    fn note(&mut self, request: &VoidRequest) {
        use indexed_db_futures::internals::SystemRepr;
        use wasm_bindgen::JsCast;
        self.issued.push(request.as_sys().unchecked_ref::<web_sys::IdbRequest>().clone());
    }

    /// Notes a request issued straight (not laid out) as a row of the step.
    async fn issued(&mut self, request: VoidRequest) -> Result<(), StoreError> {
        self.note(&request);
        self.row_done().await
    }

    /// Ends a row; at the end of a step, issues its puts and waits for one of its requests.
    async fn row_done(&mut self) -> Result<(), StoreError> {
        self.rows += 1;
        if self.puts.text_bytes() >= PUT_BYTES {
            self.flush()?;
        }
        let now = crate::web::browser::page_clock_ms();
        let began = *self.began.get_or_insert(now);
        if self.rows < ROWS_PER_STEP && now - began < STEP_MS {
            return Ok(());
        }
        self.began = None;
        self.rows = 0;
        self.flush()?;
        let step = std::mem::take(&mut self.issued);
        // A request made in this task cannot have finished yet (its success event is a task of
        // its own). Only a step that waited inside (the history of a replaced record, a read of a
        // record given twice) may find every request written: it has waited already, and runs
        // on, its transaction active.
        let Some(waited) = step.iter().find(|r| r.ready_state() == web_sys::IdbRequestReadyState::Pending) else {
            return Ok(());
        };
        answer(waited).await.map(|_| ()).map_err(|e| request_failure(Some(&self.tx), &e))
    }

    /// Issues what is still laid out: the last thing a write does before its commit.
    fn finish(mut self) -> Result<(), StoreError> {
        self.flush()
    }
}

/// What a failed request or call says: a full disk when the transaction was aborted for want
/// of space, else the request's own error.
fn request_failure(tx: Option<&web_sys::IdbTransaction>, e: &wasm_bindgen::JsValue) -> StoreError {
    match tx.and_then(|t| t.error()) {
        Some(dom) if dom.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        _ => js_error(e, || format!("write: {e:?}")),
    }
}

/// Writes the summary of a row in the transaction that writes the row (`given`, when the
/// writer worked it out already), or removes it with the row (`None`, or a row that does not
/// decode). The transaction must include the summary store of a summarised kind (`stores_for`).
fn keep_summary(tx: &indexed_db_futures::transaction::Transaction<'_>, steps: &mut Steps, kind: &str, id: &str, row: Option<&Row>, given: Option<&Row>) -> Result<(), StoreError> {
    let Some(name) = summary::summary_store(kind) else { return Ok(()) };
    match row.and_then(|r| summary::summary_row_given(kind, r, given)) {
        Some(s) => steps.put(name, &s),
        None => {
            // After any laid-out put of the same summary.
            steps.flush()?;
            tx.object_store(name).map_err(store_error)?.delete(id).primitive().map_err(store_error)?;
            Ok(())
        }
    }
}

/// Deletes the export packs of the buckets `ids` of `kind` fall in, in the transaction that
/// writes those records: a pack that is kept then always holds what the rows hold. Once per
/// bucket, not per row: an import writes tens of thousands of rows into 32 buckets.
fn drop_packs<'a>(tx: &indexed_db_futures::transaction::Transaction<'_>, kind: &str, ids: impl IntoIterator<Item = &'a str>) -> Result<(), StoreError> {
    use crate::sync::pack::{bucket_of, pack_key, BOUNDS};
    if !crate::sync::pack::is_packed(kind) {
        return Ok(());
    }
    let mut touched = [false; BOUNDS.len()];
    for id in ids {
        touched[bucket_of(id)] = true;
    }
    let packs = tx.object_store(PACKS).map_err(store_error)?;
    for (b, _) in touched.iter().enumerate().filter(|(_, t)| **t) {
        packs.delete(pack_key(kind, b).as_str()).primitive().map_err(store_error)?;
    }
    Ok(())
}

/// The stores a write to `kinds` opens: theirs, their summaries' and, for a record kind, the
/// export packs.
fn stores_for<'a>(kinds: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for kind in kinds {
        names.push(kind);
        names.extend(summary::summary_store(kind));
        if crate::sync::pack::is_packed(kind) {
            names.push(PACKS);
        }
    }
    crate::sort::sort(&mut names);
    names.dedup();
    names
}

/// Commits a write transaction. Chromium checks the quota when a
/// transaction commits and aborts it; the library reports a bare abort, so
/// the transaction's own error is read to tell a full disk from the rest.
pub(super) async fn commit(tx: indexed_db_futures::transaction::Transaction<'_>) -> Result<(), StoreError> {
    use indexed_db_futures::internals::SystemRepr;
    use wasm_bindgen::JsCast;
    let sys: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
    let done = tx.commit().await.map_err(|e| failure(Some(&sys), e));
    if done == Err(StoreError::QuotaExceeded) {
        // The export packs are copies the records give again: room for the officer's next try.
        wasm_bindgen_futures::spawn_local(super::export_packs::clear());
    }
    done
}

/// What a failed write says: a full disk when the transaction was aborted for want of space,
/// whatever request or commit the failure surfaced in.
fn failure(tx: Option<&web_sys::IdbTransaction>, e: indexed_db_futures::error::Error) -> StoreError {
    match tx.and_then(|t| t.error()) {
        Some(dom) if dom.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        _ => store_error(e),
    }
}

/// The store's error for what a request or a call on the browser's IndexedDB threw, else `text`.
pub(super) fn js_error(e: &wasm_bindgen::JsValue, text: impl FnOnce() -> String) -> StoreError {
    use wasm_bindgen::JsCast;
    error_named(e.dyn_ref::<web_sys::DomException>().map(web_sys::DomException::name).as_deref(), text)
}

/// What `request` answers, or its error.
pub(super) async fn answer(request: &web_sys::IdbRequest) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsValue;
    let answered = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let answer = wasm_bindgen_futures::JsFuture::from(answered).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    answer.map_err(|_| request.error().ok().flatten().map_or(JsValue::NULL, JsValue::from))?;
    request.result()
}

/// A step of rows as IndexedDB handed them over, still JavaScript objects (`RowBackend::fetch_rows`).
pub struct FetchedJsRows(pub(super) js_sys::Array);

impl crate::store::FetchedRows for FetchedJsRows {
    fn len(&self) -> usize {
        self.0.length() as usize
    }

    fn last_id(&self) -> Option<String> {
        let last = self.0.length().checked_sub(1)?;
        js_sys::Reflect::get(&self.0.get(last), &wasm_bindgen::JsValue::from_str("id")).ok()?.as_string()
    }

    fn into_rows(self) -> Result<Vec<Row>, StoreError> {
        use indexed_db_futures::DeserialiseFromJs;
        self.0.into_iter().map(|row| Row::deserialise_from_js(row).map_err(store_error)).collect()
    }
}

/// The browser's IndexedDB, opened once per page.
#[derive(Clone, Copy, Default)]
pub struct IdbBackend;

impl RowBackend for IdbBackend {
    type Fetched = FetchedJsRows;

    async fn fetch_rows(&self, kind: &str, after: Option<&str>, limit: Option<usize>) -> Result<FetchedJsRows, StoreError> {
        use indexed_db_futures::internals::SystemRepr;
        use wasm_bindgen::{JsCast, JsValue};
        let db = db().await?;
        let tx = db.transaction(kind).build().map_err(store_error)?;
        let store = tx.object_store(kind).map_err(store_error)?;
        let failed = |e: JsValue| js_error(&e, || format!("rows of {kind}: {e:?}"));
        // Ids are text, and every text key sorts at or after "": one request shape serves every call.
        let from = web_sys::IdbKeyRange::lower_bound_with_open(&JsValue::from_str(after.unwrap_or_default()), after.is_some()).map_err(failed)?;
        let limit = limit.and_then(|n| u32::try_from(n).ok()).unwrap_or(u32::MAX);
        let sys: &web_sys::IdbObjectStore = store.as_sys();
        let request = sys.get_all_with_key_and_limit(&from, limit).map_err(failed)?;
        let rows = answer(&request).await.map_err(failed)?;
        Ok(FetchedJsRows(rows.dyn_into().map_err(failed)?))
    }

    async fn get_row(&self, kind: &str, id: &str) -> Result<Option<Row>, StoreError> {
        let db = db().await?;
        let tx = db.transaction(kind).build().map_err(store_error)?;
        let store = tx.object_store(kind).map_err(store_error)?;
        store.get(id).serde().map_err(store_error)?.await.map_err(store_error)
    }

    async fn get_rows(&self, kind: &str, ids: &[String]) -> Result<Vec<Option<Row>>, StoreError> {
        let db = db().await?;
        let tx = db.transaction(kind).build().map_err(store_error)?;
        let records: Vec<(&str, &str)> = ids.iter().map(|id| (kind, id.as_str())).collect();
        rows_of(&tx, &records).await
    }

    async fn stored_ids(&self, kind: &str) -> Result<Vec<String>, StoreError> {
        let db = db().await?;
        let tx = db.transaction(kind).build().map_err(store_error)?;
        let store = tx.object_store(kind).map_err(store_error)?;
        // The keys cross into wasm as one JSON text: taken one by one, a province's 15,000
        // survey ids were 15,000 calls across the boundary, a task of 40-80 ms.
        use indexed_db_futures::internals::SystemRepr;
        use wasm_bindgen::JsValue;
        let failed = |e: JsValue| js_error(&e, || format!("stored ids of {kind}: {e:?}"));
        let sys: &web_sys::IdbObjectStore = store.as_sys();
        let request = sys.get_all_keys().map_err(failed)?;
        let keys = answer(&request).await.map_err(failed)?;
        let keys = js_sys::JSON::stringify(&keys).map_err(failed)?;
        serde_json::from_str(&String::from(keys)).map_err(|e| StoreError::Other(format!("stored ids of {kind}: {e}")))
    }

    async fn count_rows(&self, kind: &str) -> Result<usize, StoreError> {
        let db = db().await?;
        let tx = db.transaction(kind).build().map_err(store_error)?;
        let store = tx.object_store(kind).map_err(store_error)?;
        let n: u32 = store.count().primitive().map_err(store_error)?.await.map_err(store_error)?;
        Ok(n as usize)
    }

    async fn count_unsummarised(&self, kind: &str) -> Result<usize, StoreError> {
        let Some(name) = summary::summary_store(kind) else { return Ok(0) };
        let db = db().await?;
        let tx = db.transaction([kind, name]).build().map_err(store_error)?;
        let rows: u32 = tx.object_store(kind).map_err(store_error)?.count().primitive().map_err(store_error)?.await.map_err(store_error)?;
        let summaries: u32 = tx.object_store(name).map_err(store_error)?.count().primitive().map_err(store_error)?.await.map_err(store_error)?;
        Ok(rows.saturating_sub(summaries) as usize)
    }

    async fn put_rows(&self, kind: &str, rows: Vec<Row>, keep_history: Option<usize>) -> Result<(), StoreError> {
        let db = db().await?;
        let tx = db.transaction(stores_for([kind, HISTORY]).as_slice()).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
        // A large write is a move or an import: the spec that closes the page in its middle waits for this.
        if rows.len() >= BULK_ROWS {
            super::browser::mark("nscl-bulk-write-open");
        }
        let repeats = rows.iter().map(|r| r.id.as_str()).collect::<std::collections::HashSet<_>>().len() < rows.len();
        drop_packs(&tx, kind, rows.iter().map(|r| r.id.as_str()))?;
        let mut steps = Steps::new(&tx);
        {
            let store = tx.object_store(kind).map_err(store_error)?;
            let history = tx.object_store(HISTORY).map_err(store_error)?;
            // What each row replaces, and the histories it joins, read before anything is written;
            // a record given twice replaces its first row the second time, so such a write reads
            // each row just before it writes it, as every write once did.
            if keep_history.is_some() && repeats {
                for row in rows {
                    // The read follows the put of the same record given before it.
                    steps.flush()?;
                    let old = store.get(row.id.as_str()).serde().map_err(store_error)?.await.map_err(store_error)?;
                    write_row(&tx, &history, &mut steps, kind, &row, None, Replaced { row: old, history: None }, keep_history).await?;
                    steps.row_done().await?;
                }
            } else {
                let (olds, histories) = match keep_history {
                    Some(_) => {
                        let records: Vec<(&str, &str)> = rows.iter().map(|r| (kind, r.id.as_str())).collect();
                        let olds = rows_of(&tx, &records).await?;
                        let existing: Vec<(&str, &str)> = records.iter().zip(&olds).filter(|(_, o)| o.is_some()).map(|(r, _)| *r).collect();
                        let by_record = history.index("by_record").map_err(store_error)?;
                        let mut histories = histories_of(&by_record, &existing).await?.into_iter();
                        let histories: Vec<Vec<HistoryRow>> = olds.iter().map(|o| if o.is_some() { histories.next().unwrap_or_default() } else { Vec::new() }).collect();
                        (olds, histories)
                    }
                    None => (vec![None; rows.len()], vec![Vec::new(); rows.len()]),
                };
                for ((row, old), before) in rows.iter().zip(olds).zip(&histories) {
                    write_row(&tx, &history, &mut steps, kind, row, None, Replaced { row: old, history: Some(before) }, keep_history).await?;
                    steps.row_done().await?;
                }
            }
        }
        steps.finish()?;
        commit(tx).await
    }

    async fn put_row_if(&self, kind: &str, row: Row, keep_history: Option<usize>, still_current: &dyn Fn(Option<&Row>) -> bool) -> Result<Result<(), Option<Row>>, StoreError> {
        let db = db().await?;
        let tx = db.transaction(stores_for([kind, HISTORY]).as_slice()).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
        {
            let store = tx.object_store(kind).map_err(store_error)?;
            let history = tx.object_store(HISTORY).map_err(store_error)?;
            let old: Option<Row> = store.get(row.id.as_str()).serde().map_err(store_error)?.await.map_err(store_error)?;
            if !still_current(old.as_ref()) {
                // Nothing was written; the read-only use of the transaction just ends.
                return Ok(Err(old));
            }
            drop_packs(&tx, kind, [row.id.as_str()])?;
            // One row: its put is issued by `finish`, and the commit waits for it.
            let mut steps = Steps::new(&tx);
            write_row(&tx, &history, &mut steps, kind, &row, None, Replaced { row: old, history: None }, keep_history).await?;
            steps.finish()?;
        }
        commit(tx).await.map(Ok)
    }

    async fn load_history(&self, kind: &str, id: &str) -> Result<Vec<HistoryRow>, StoreError> {
        let db = db().await?;
        let tx = db.transaction(HISTORY).build().map_err(store_error)?;
        let history = tx.object_store(HISTORY).map_err(store_error)?;
        let by_record = history.index("by_record").map_err(store_error)?;
        let mut rows = history_of(&by_record, kind, id.to_string()).await?;
        crate::sort::sort_by(&mut rows, |a, b| b.key.cmp(&a.key));
        Ok(rows)
    }

    async fn delete_row(&self, kind: &str, id: &str) -> Result<bool, StoreError> {
        let db = db().await?;
        let tx = db.transaction(stores_for([kind]).as_slice()).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
        let existed = {
            let store = tx.object_store(kind).map_err(store_error)?;
            let found: Option<Row> = store.get(id).serde().map_err(store_error)?.await.map_err(store_error)?;
            if found.is_some() {
                store.delete(id).primitive().map_err(store_error)?;
                let mut steps = Steps::new(&tx);
                keep_summary(&tx, &mut steps, kind, id, None, None)?;
                steps.finish()?;
                drop_packs(&tx, kind, [id])?;
            }
            found.is_some()
        };
        commit(tx).await?;
        Ok(existed)
    }

    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let db = db().await?;
        let tx = db.transaction(SETTINGS).build().map_err(store_error)?;
        let store = tx.object_store(SETTINGS).map_err(store_error)?;
        let value: Option<String> = store.get(key).primitive().map_err(store_error)?.await.map_err(store_error)?;
        Ok(value)
    }

    async fn update_setting(&self, key: &str, change: &dyn Fn(Option<&str>) -> Option<String>) -> Result<(), StoreError> {
        let db = db().await?;
        let tx = db.transaction(SETTINGS).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
        {
            let store = tx.object_store(SETTINGS).map_err(store_error)?;
            let current: Option<String> = store.get(key).primitive().map_err(store_error)?.await.map_err(store_error)?;
            match change(current.as_deref()) {
                Some(json) => store.put(json).with_key(key).primitive().map_err(store_error)?,
                // Nothing to write: the read-only use of the transaction just ends.
                None => return Ok(()),
            };
        }
        commit(tx).await
    }

    async fn write_batch(&self, batch: &Batch) -> Result<Result<(), Stale>, StoreError> {
        let db = db().await?;
        let names = stores_for(batch.rows.iter().map(|w| w.kind.as_str()).chain([HISTORY, SETTINGS]));
        let tx = db.transaction(names.as_slice()).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
        if batch.rows.len() >= BULK_ROWS {
            super::browser::mark("nscl-bulk-write-open");
        }
        {
            let history = tx.object_store(HISTORY).map_err(store_error)?;
            let settings = tx.object_store(SETTINGS).map_err(store_error)?;
            let by_record = history.index("by_record").map_err(store_error)?;
            // Everything is read and checked before anything is written: a stale batch ends the
            // transaction having written nothing.
            // A kind with many rows in the batch is read whole in one request: one read per row,
            // each awaited, is most of an import's time (35,000 rows: about 4 s in Chromium).
            let mut per_kind: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for w in &batch.rows {
                *per_kind.entry(w.kind.as_str()).or_default() += 1;
            }
            let mut whole: std::collections::HashMap<&str, std::collections::HashMap<String, Row>> = std::collections::HashMap::new();
            for (kind, n) in per_kind {
                if n >= BULK_ROWS {
                    let store = tx.object_store(kind).map_err(store_error)?;
                    whole.insert(kind, all_rows(&store).await?.into_iter().map(|r| (r.id.clone(), r)).collect());
                }
            }
            // The rest one read per row, many in flight at once.
            let each: Vec<(&str, &str)> = batch.rows.iter().filter(|w| !whole.contains_key(w.kind.as_str())).map(|w| (w.kind.as_str(), w.id.as_str())).collect();
            let mut read = rows_of(&tx, &each).await?.into_iter();
            let mut old_rows: Vec<Option<Row>> = Vec::with_capacity(batch.rows.len());
            for w in &batch.rows {
                let old: Option<Row> = match whole.get_mut(w.kind.as_str()) {
                    Some(rows) => rows.remove(&w.id),
                    None => read.next().flatten(),
                };
                if !w.expected.admits(old.as_ref().map(|r| r.json.as_str())) {
                    return Ok(Err(Stale(format!("{}/{}", w.kind, w.id))));
                }
                old_rows.push(old);
            }
            let mut old_settings: Vec<Option<String>> = Vec::with_capacity(batch.settings.len());
            for w in &batch.settings {
                let old: Option<String> = settings.get(w.key.as_str()).primitive().map_err(store_error)?.await.map_err(store_error)?;
                if !w.expected.admits(old.as_deref()) {
                    return Ok(Err(Stale(w.key.clone())));
                }
                old_settings.push(old);
            }
            let mut kinds: Vec<&str> = batch.rows.iter().map(|w| w.kind.as_str()).collect();
            crate::sort::sort(&mut kinds);
            kinds.dedup();
            for kind in kinds {
                drop_packs(&tx, kind, batch.rows.iter().filter(|w| w.kind == kind).map(|w| w.id.as_str()))?;
            }
            // The undo needs the history of records that existed (new ones have none), and an
            // undo itself replaces the history of every record it touches.
            // Writing over a stored record trims its history, so its history is read too.
            let restoring = matches!(batch.history, HistoryWrite::Restore(_));
            let existed: Vec<bool> = old_rows.iter().map(Option::is_some).collect();
            let read_history: Vec<bool> = existed.iter().map(|e| *e || restoring).collect();
            let wanted: Vec<(&str, &str)> = batch.rows.iter().zip(&read_history).filter(|(_, read)| **read).map(|(w, _)| (w.kind.as_str(), w.id.as_str())).collect();
            let mut read = histories_of(&by_record, &wanted).await?.into_iter();
            let histories: Vec<Vec<HistoryRow>> = read_history.iter().map(|r| if *r { read.next().unwrap_or_default() } else { Vec::new() }).collect();
            let mut steps = Steps::new(&tx);
            // An undo replaces the history of every record it touches: a province's in steps too.
            if restoring {
                for h in histories.iter().flatten() {
                    steps.issued(history.delete(h.key.as_str()).primitive().map_err(store_error)?).await?;
                }
            }
            // The undo's text is made a row at a time beside the writes, and stored a part at a time.
            let mut undo = batch.undo_key.as_ref().map(|key| {
                // Parts of an earlier undo under the same key go first.
                delete_parts(&settings, key)?;
                Ok::<_, StoreError>((key, UndoRows::new(undo_text::PART_BYTES), 0usize))
            }).transpose()?;
            for ((w, old), before) in batch.rows.iter().zip(old_rows).zip(&histories) {
                if let Some((key, text, stored)) = undo.as_mut() {
                    text.row(&w.kind, &w.id, w.new.as_ref(), old.as_ref())?;
                    put_parts(&settings, &mut steps, key, stored, text.take_done()).await?;
                }
                match (&w.new, &batch.history) {
                    (Some(row), HistoryWrite::Keep(depth)) => write_row(&tx, &history, &mut steps, &w.kind, row, w.summary.as_ref(), Replaced { row: old, history: Some(before) }, Some(*depth)).await?,
                    (Some(row), HistoryWrite::Restore(_)) => {
                        keep_summary(&tx, &mut steps, &w.kind, &w.id, Some(row), w.summary.as_ref())?;
                        steps.put(&w.kind, row)?;
                    }
                    (None, _) => {
                        // After any laid-out put of the same record.
                        steps.flush()?;
                        keep_summary(&tx, &mut steps, &w.kind, &w.id, None, None)?;
                        steps.note(&tx.object_store(&w.kind).map_err(store_error)?.delete(w.id.as_str()).primitive().map_err(store_error)?);
                    }
                }
                steps.row_done().await?;
            }
            if let HistoryWrite::Restore(rows) = &batch.history {
                for h in rows {
                    steps.issued(history.put(h.clone()).serde().map_err(store_error)?).await?;
                }
            }
            for w in &batch.settings {
                match &w.new {
                    Some(v) => {
                        settings.put(v.as_str()).with_key(w.key.as_str()).primitive().map_err(store_error)?;
                    }
                    None => {
                        settings.delete(w.key.as_str()).primitive().map_err(store_error)?;
                        // An undo in parts goes with its parts (but for this batch's own undo,
                        // whose parts are already being written: it replaces the setting below).
                        if Some(&w.key) != batch.undo_key.as_ref() {
                            delete_parts(&settings, &w.key)?;
                        }
                    }
                }
            }
            if let Some((key, text, mut stored)) = undo {
                let mut text = text.settings(&batch.undo_settings(old_settings))?;
                // The history of the records that existed (new ones had none).
                for row in histories.iter().zip(&existed).filter(|(_, e)| **e).flat_map(|(h, _)| h) {
                    text.history_row(row)?;
                    put_parts(&settings, &mut steps, key, &mut stored, text.take_done()).await?;
                }
                for (k, v) in undo_text::settings_for(key, stored, text.finish())? {
                    settings.put(v).with_key(k).primitive().map_err(store_error)?;
                }
            }
            steps.finish()?;
        }
        commit(tx).await.map(Ok)
    }

    async fn put_setting(&self, key: &str, json: &str) -> Result<(), StoreError> {
        let db = db().await?;
        let tx = db.transaction(SETTINGS).with_mode(TransactionMode::Readwrite).build().map_err(store_error)?;
        {
            let store = tx.object_store(SETTINGS).map_err(store_error)?;
            store.put(json).with_key(key).primitive().map_err(store_error)?;
        }
        commit(tx).await
    }
}
