//! The record store: how records are kept on the device.
//!
//! `RecordStore` turns records into rows and back; a `RowBackend` keeps the
//! rows (IndexedDB in the browser, memory in tests). Every call is
//! asynchronous, and a write of several records is one transaction.
//!
//! Records that fail to decode (damaged, or written by a future build) are
//! quarantined: reported, and left in the backend untouched, never dropped.
//! Earlier builds kept records in localStorage; `legacy` reads that format so
//! the app can move them into the backend on first start.

pub mod batch;
mod collection;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod decode_props;
pub mod export;
pub mod format;
pub mod legacy;
mod memory;
mod row;
pub mod row_layout;
pub mod step_rows;
pub mod summary;
pub mod undo_steps;
pub mod undo_text;

pub use collection::{Collection, SCHEMA_VERSION};
pub use memory::MemoryBackend;
pub use row::{FetchedRows, HistoryRow, Row, RowBackend};

use crate::both::both;
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
    /// The stored data could not be brought up to this build's schema (`full`: for want of
    /// space). The upgrade was undone, so the data is as the earlier build left it; nothing is
    /// read or written until a reload upgrades it.
    UpgradeFailed { full: bool },
    /// The record has conflict copies waiting for a person to choose (`sync::local::in_conflict`):
    /// a new version would look as if it had seen them, and they would be dropped unseen.
    /// Nothing was written.
    InConflict,
    /// The register's reading code (a chunk of the split build, `ui::split_pages::register_reading`)
    /// could not be fetched: nothing was read, and nothing is written until a reload reads it.
    CodeNotLoaded,
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
            StoreError::UpgradeFailed { full: true } => Msg::ErrUpgradeFull,
            StoreError::UpgradeFailed { full: false } => Msg::ErrUpgradeFailed,
            StoreError::InConflict => Msg::RecordInConflict,
            StoreError::CodeNotLoaded => Msg::ErrRegisterCodeNotLoaded,
        }
    }

    /// Why a save failed, said after the officer has left its page (`msg` speaks of the form
    /// still on screen).
    pub fn left_msg(&self) -> Msg {
        match self {
            StoreError::QuotaExceeded => Msg::LeftStorageFull,
            StoreError::InConflict => Msg::LeftChangedElsewhere,
            _ => Msg::LeftStorageFailed,
        }
    }

    pub fn message(&self, lang: Lang) -> &'static str {
        lang.t(self.msg())
    }

    /// Whether the stored data must not be written until the app is updated or repaired.
    pub fn blocks_writes(&self) -> bool {
        matches!(self, StoreError::NewerSchema { .. } | StoreError::Corrupt | StoreError::UpgradeFailed { .. } | StoreError::CodeNotLoaded)
    }
}

/// The readable records of a kind, and the stored rows that could not be
/// read, as they are stored: a backup carries them, so it never drops data.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub records: Vec<Record<T>>,
    pub unreadable: Vec<Row>,
}

impl<T> Loaded<T> {
    /// How many stored rows could not be read.
    pub fn quarantined(&self) -> usize {
        self.unreadable.len()
    }
}

/// The installed form definitions from their stored setting (`None`: none installed).
pub fn parse_installed_forms(raw: Option<&str>) -> Result<Vec<InstalledForm>, StoreError> {
    match raw {
        None => Ok(Vec::new()),
        Some(raw) => serde_json::from_str(raw).map_err(|_| StoreError::Corrupt),
    }
}

/// The settings key of the officer's administrative-unit list.
pub(crate) const UNITS_SETTING: &str = "admin_units";

/// The settings key of form definitions installed from files: `[{"file", "source"}]`.
pub(crate) const FORMS_SETTING: &str = "installed_forms";

/// A form definition a coordinator installed, as it was read from the file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct InstalledForm {
    pub file: String,
    pub source: String,
}

/// A stored record in any known format version, or `None` if it cannot be read.
pub fn decode<T: RecordKind + DeserializeOwned>(json: &str) -> Option<Record<T>> {
    match decode_current(json) {
        Current::Read(record) => Some(record),
        Current::Older => decode_value(serde_json::from_str(json).ok()?),
        Current::Unreadable => None,
    }
}

/// What `decode_current` made of a stored row.
pub enum Current<T> {
    Read(Record<T>),
    /// Not a record in the current format: one in an older format (`decode` reads those), or none.
    Older,
    /// Cannot be read in any format.
    Unreadable,
}

impl<T> Current<T> {
    /// The record, if it was read in the current format.
    pub fn read(self) -> Option<Record<T>> {
        match self {
            Current::Read(record) => Some(record),
            Current::Older | Current::Unreadable => None,
        }
    }
}

/// A stored record in the current format: the code that reads older ones (through a generic
/// value, `format::upgrade`) is not needed for it, and the register's read (with the register's
/// pages, `split_pages::register_reading`) leaves that code to a chunk of its own
/// (`split_pages::older_enterprises`, in `after_start`).
pub fn decode_current<T: RecordKind + DeserializeOwned>(json: &str) -> Current<T> {
    // A record nests about eight levels; far deeper, serde would recurse past the stack first.
    if crate::json_nesting::too_deep(json) {
        return Current::Unreadable;
    }
    // A row in the current format is read straight into its type: the detour through a generic
    // value, which only an older format needs, was most of the cost of a read, and every write
    // of a survey or self-assessment reads its row once more for the summary.
    if let Ok(record) = serde_json::from_str::<Record<T>>(json) {
        if record.v == crate::model::record::RECORD_FORMAT {
            return if record.kind == T::KIND && !record.id.is_empty() { Current::Read(record) } else { Current::Unreadable };
        }
    }
    Current::Older
}

/// The records of `rows` that decode and carry their row's id, each row's text to `seen`;
/// the rest go to `unreadable`. Both stepped reads (a whole kind, or given ids) sort rows so.
pub(crate) fn decode_rows<R>(rows: impl IntoIterator<Item = Row>, decode: &dyn Fn(&str) -> Option<Record<R>>, seen: &mut dyn FnMut(&str, &str), unreadable: &mut Vec<Row>) -> Vec<Record<R>> {
    let rows = rows.into_iter();
    let mut records = Vec::with_capacity(rows.size_hint().0);
    for row in rows {
        match decode(&row.json) {
            Some(record) if record.id == row.id => {
                seen(&row.id, &row.json);
                records.push(record)
            }
            _ => unreadable.push(row),
        }
    }
    records
}

/// The same as `decode`, from an already parsed value (the localStorage collection holds values).
pub fn decode_value<T: RecordKind + DeserializeOwned>(value: serde_json::Value) -> Option<Record<T>> {
    // Back through text rather than `from_value`: each kind then has one deserializer, the one
    // rows in the current format take, instead of a second for values only older rows need
    // (75 KB of the first download's wasm for the five kinds, 23 KB gzipped).
    let text = serde_json::to_string(&format::upgrade(value).ok()?).ok()?;
    let record: Record<T> = serde_json::from_str(&text).ok()?;
    (record.kind == T::KIND && !record.id.is_empty()).then_some(record)
}

/// How many earlier versions of each record are kept, unless Settings says otherwise.
pub const DEFAULT_HISTORY_DEPTH: usize = 20;

pub struct RecordStore<B: RowBackend> {
    backend: B,
    history_depth: usize,
}

impl<B: RowBackend> RecordStore<B> {
    pub fn new(backend: B) -> Self {
        RecordStore { backend, history_depth: DEFAULT_HISTORY_DEPTH }
    }

    pub fn with_history_depth(mut self, depth: usize) -> Self {
        self.history_depth = depth;
        self
    }

    pub async fn load<T: RecordKind + DeserializeOwned>(&self) -> Result<Loaded<T>, StoreError> {
        self.load_in_steps(usize::MAX, || std::future::ready(())).await
    }

    /// The same, reading and decoding `every` rows at a time (in id order)
    /// and awaiting `pause()` after each full step, so a page that reads tens
    /// of thousands of records in the background stays responsive to typing
    /// meanwhile: no single read hands the page more than `every` rows. Each
    /// step is its own read; a record another tab writes meanwhile reaches
    /// this one by its broadcast, not through this read.
    pub async fn load_in_steps<T, P, F>(&self, every: usize, pause: P) -> Result<Loaded<T>, StoreError>
    where
        T: RecordKind + DeserializeOwned,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        self.load_in_steps_seeing(every, pause, &mut |_, _| ()).await
    }

    /// The same, also handing each readable record's stored text to `seen`
    /// (an import notes what it was worked out from, to write only if that is still stored).
    pub async fn load_in_steps_seeing<T, P, F>(&self, every: usize, pause: P, seen: &mut dyn FnMut(&str, &str)) -> Result<Loaded<T>, StoreError>
    where
        T: RecordKind + DeserializeOwned,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let mut records = Vec::new();
        let unreadable = self.read_in_steps(every, pause, seen, &mut |step| records.extend(step)).await?;
        Ok(Loaded { records, unreadable })
    }

    /// The same, handing each step's records to `take` as soon as they are
    /// decoded (a list shows its first page before the rest is read); returns
    /// the rows that could not be read.
    pub async fn read_in_steps<T, P, F>(
        &self,
        every: usize,
        pause: P,
        seen: &mut dyn FnMut(&str, &str),
        take: &mut dyn FnMut(Vec<Record<T>>),
    ) -> Result<Vec<Row>, StoreError>
    where
        T: RecordKind + DeserializeOwned,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        self.read_store_in_steps(T::KIND, &mut |_| every, &|| 0.0, pause, &|json| decode::<T>(json), seen, take).await
    }

    /// Every record of `T`, as `read_in_steps` hands them over, but the first step
    /// `sizes.first` long, the second `sizes.min` (it is asked for before the first is
    /// timed) and each later one sized by how long the one two before it took (`StepRows`;
    /// `clock` reads milliseconds, and a step's decoding and `take` are timed together; a
    /// step is asked for while the one before it is worked through): a page shows its first
    /// rows from the first step (a full one may have more behind it; `take` is told which
    /// step it is given) instead of waiting for a province's whole register. Returns the
    /// rows that could not be read in the current format: those in an older one are read by
    /// `decode`, which the caller runs on them (`decode_current`).
    pub async fn read_first_then_steps<T, P, F>(&self, sizes: step_rows::StepRows, clock: &dyn Fn() -> f64, pause: P, take: &mut dyn FnMut(usize, Vec<Record<T>>)) -> Result<Vec<Row>, StoreError>
    where
        T: RecordKind + DeserializeOwned,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let (mut steps, mut asked) = (0, 0);
        // Until a step is timed: the first part, then the least, which a slow laptop can take
        // in one short task (500 rows took 50-65 ms on a slow day: `step_rows`).
        let mut size = |last: Option<(usize, f64)>| {
            asked += 1;
            match last {
                Some((rows, ms)) => sizes.after(rows, ms),
                None if asked == 1 => sizes.first,
                None => sizes.min.max(1),
            }
        };
        self.read_store_in_steps(T::KIND, &mut size, clock, pause, &|json| decode_current::<T>(json).read(), &mut |_, _| (), &mut |records| {
            take(steps, records);
            steps += 1;
        })
        .await
    }

    /// The summaries of `T` (`summary`), in steps as `read_in_steps` reads records;
    /// returns how many stored summaries could not be read.
    pub async fn read_summaries_in_steps<T, P, F>(&self, every: usize, pause: P, take: &mut dyn FnMut(Vec<Record<summary::SummaryOf<T>>>)) -> Result<usize, StoreError>
    where
        T: summary::Summarised,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let unreadable = self.read_store_in_steps(T::SUMMARY_STORE, &mut |_| every, &|| 0.0, pause, &|json| summary::decode_summary::<T>(json), &mut |_, _| (), take).await?;
        Ok(unreadable.len())
    }

    async fn read_store_in_steps<R, P, F>(
        &self,
        store: &str,
        // The rows of a step, given the rows of the last step worked through and how long `clock`
        // saw its decoding and `take` take (`None` while none has been): a step is asked for
        // while the one before it is worked through.
        step_size: &mut dyn FnMut(Option<(usize, f64)>) -> usize,
        clock: &dyn Fn() -> f64,
        pause: P,
        decode: &dyn Fn(&str) -> Option<Record<R>>,
        seen: &mut dyn FnMut(&str, &str),
        take: &mut dyn FnMut(Vec<Record<R>>),
    ) -> Result<Vec<Row>, StoreError>
    where
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let mut unreadable = Vec::new();
        let limit_of = |every: usize| (every != usize::MAX).then_some(every);
        let mut limit = limit_of(step_size(None).max(1));
        let mut fetched = self.backend.fetch_rows(store, None, limit).await?;
        let mut last = None;
        loop {
            let full = limit.is_some_and(|n| fetched.len() == n);
            // A full step's last id is text (ids are the store's text keys); were it not, the
            // step's rows would not be taken in either, which says so below.
            let after = if full { fetched.last_id() } else { None };
            // The next step's rows are asked for before this step's are taken in and worked
            // through, so the browser reads them meanwhile: one round trip a step, which a
            // province's 39,000 surveys read 200 at a time waited for 195 times, is then hidden
            // behind the work. Its size is therefore set by the step before this one.
            let next_limit = limit_of(step_size(last).max(1));
            let next = async {
                match &after {
                    Some(after) => Some(self.backend.fetch_rows(store, Some(after), next_limit).await),
                    None => None,
                }
            };
            let work = async {
                let read = fetched.len();
                // Taken into wasm in one task and decoded in the next: each takes milliseconds a
                // hundred rows, and a step of a thousand would hold the page for both at once.
                let rows = fetched.into_rows()?;
                pause().await;
                // Only the decoding and `take` are timed: `step_rows`' targets were set without the conversion.
                let began = clock();
                take(decode_rows(rows, decode, seen, &mut unreadable));
                Ok::<_, StoreError>((read, clock() - began))
            };
            // `both` starts `next` first: its request is made before the work begins.
            let (next_rows, timing) = both(next, work).await;
            last = Some(timing?);
            if full && after.is_none() {
                return Err(StoreError::Corrupt);
            }
            match next_rows {
                None => return Ok(unreadable),
                Some(next_rows) => {
                    fetched = next_rows?;
                    limit = next_limit;
                }
            }
            // The step's decoding may have ended in the task that brought the next rows: taking
            // those in goes in a task of its own.
            pause().await;
        }
    }

    /// How many stored records of `T` cannot be read: they have no summary.
    pub async fn count_unreadable<T: summary::Summarised>(&self) -> Result<usize, StoreError> {
        self.backend.count_unsummarised(T::KIND).await
    }

    /// How many summaries of `T` are stored: what a list reading them says it is still reading.
    pub async fn count_summaries<T: summary::Summarised>(&self) -> Result<usize, StoreError> {
        self.backend.count_rows(T::SUMMARY_STORE).await
    }

    /// How many records of `T` are stored, readable or not.
    pub async fn count<T: RecordKind>(&self) -> Result<usize, StoreError> {
        self.count_rows(T::KIND).await
    }

    /// `count` by the kind's name.
    pub async fn count_rows(&self, kind: &str) -> Result<usize, StoreError> {
        self.backend.count_rows(kind).await
    }

    /// One record as stored now, or `None` when absent or unreadable.
    pub async fn get<T: RecordKind + DeserializeOwned>(&self, id: &str) -> Result<Option<Record<T>>, StoreError> {
        Ok(self.backend.get_row(T::KIND, id).await?.and_then(|row| decode(&row.json)))
    }

    /// `get`, reading only the current format (`decode_current`): `None` for a record stored in
    /// an older one too.
    pub async fn get_current<T: RecordKind + DeserializeOwned>(&self, id: &str) -> Result<Option<Record<T>>, StoreError> {
        Ok(self.backend.get_row(T::KIND, id).await?.and_then(|row| decode_current(&row.json).read()))
    }

    /// Writes a new version of a record only if the stored one is still the
    /// version `expected` (or there is none): the check and the write are one
    /// transaction, so two tabs cannot both pass it. When the stored record
    /// has moved on, nothing is written and it is returned (`None` if it
    /// cannot be read, which is never written over). Only the envelope's
    /// version vector is read, not the payload: this runs on every autosave.
    /// With `keep_history` off the replaced version is not kept: a draft
    /// saving as the officer types would otherwise push real history out.
    pub async fn put_if_version<T: RecordKind + Serialize + DeserializeOwned>(
        &self,
        record: &Record<T>,
        expected: &crate::model::clock::VersionVector,
        keep_history: bool,
    ) -> Result<Result<(), Option<Record<T>>>, StoreError> {
        #[derive(serde::Deserialize)]
        struct Envelope {
            v: u32,
            version: crate::model::clock::VersionVector,
        }
        let current = |stored: Option<&Row>| match stored {
            None => true,
            Some(row) => match serde_json::from_str::<Envelope>(&row.json) {
                Ok(e) if e.v == crate::model::record::RECORD_FORMAT => e.version == *expected,
                // A row in an older record format (an earlier build's) is upgraded as a read
                // would, and compared by the version that upgrade gives it.
                _ => decode::<T>(&row.json).is_some_and(|r| r.version == *expected),
            },
        };
        let depth = keep_history.then_some(self.history_depth);
        match self.backend.put_row_if(T::KIND, Row::from_record(record)?, depth, &current).await? {
            Ok(()) => Ok(Ok(())),
            Err(stored) => Ok(Err(stored.and_then(|row| decode::<T>(&row.json)))),
        }
    }

    /// Writes a batch (see `batch`): rows of several kinds and settings, in one transaction.
    pub async fn write_batch(&self, batch: &batch::Batch) -> Result<Result<(), batch::Stale>, StoreError> {
        self.backend.write_batch(batch).await
    }

    pub async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.backend.get_setting(key).await
    }

    /// Replaces a setting with what `change` makes of the stored value, in one transaction.
    pub async fn update_setting(&self, key: &str, change: &dyn Fn(Option<&str>) -> Option<String>) -> Result<(), StoreError> {
        self.backend.update_setting(key, change).await
    }

    /// The id of every stored row of `kind`, readable or not.
    pub async fn stored_ids(&self, kind: &str) -> Result<Vec<String>, StoreError> {
        self.backend.stored_ids(kind).await
    }

    /// The records of `ids` that are stored, read `every` at a time with `pause` between,
    /// as `load_in_steps_seeing` reads them all: each readable row's text to `seen`, the
    /// rest returned as unreadable.
    pub async fn load_ids_seeing<T, P, F>(&self, ids: &[String], every: usize, pause: P, seen: &mut dyn FnMut(&str, &str)) -> Result<Loaded<T>, StoreError>
    where
        T: RecordKind + DeserializeOwned,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let mut loaded = Loaded { records: Vec::new(), unreadable: Vec::new() };
        for part in ids.chunks(every.max(1)) {
            let rows = self.backend.get_rows(T::KIND, part).await?.into_iter().flatten();
            let records = decode_rows(rows, &|json| decode::<T>(json), seen, &mut loaded.unreadable);
            loaded.records.extend(records);
            pause().await;
        }
        Ok(loaded)
    }

    /// One record's row as stored, text untouched.
    pub async fn get_row(&self, kind: &str, id: &str) -> Result<Option<Row>, StoreError> {
        self.backend.get_row(kind, id).await
    }

    pub fn history_depth(&self) -> usize {
        self.history_depth
    }

    pub async fn put<T: RecordKind + Serialize>(&self, record: &Record<T>) -> Result<(), StoreError> {
        self.put_many(std::slice::from_ref(record)).await
    }

    /// Writes every record in one transaction: all of them, or none.
    pub async fn put_many<T: RecordKind + Serialize>(&self, records: &[Record<T>]) -> Result<(), StoreError> {
        let rows = records.iter().map(Row::from_record).collect::<Result<Vec<_>, _>>()?;
        self.backend.put_rows(T::KIND, rows, Some(self.history_depth)).await
    }

    /// Earlier versions of a record, newest first; unreadable ones are skipped.
    pub async fn history<T: RecordKind + DeserializeOwned>(&self, id: &str) -> Result<Vec<Record<T>>, StoreError> {
        Ok(self.backend.load_history(T::KIND, id).await?.iter().filter_map(|h| decode(&h.json)).collect())
    }

    /// Removes one record; returns whether it was there.
    pub async fn delete<T: RecordKind>(&self, id: &str) -> Result<bool, StoreError> {
        self.backend.delete_row(T::KIND, id).await
    }

    /// The officer's unit list, or the shipped default when none was saved.
    pub async fn load_units(&self) -> Result<AdminUnitList, StoreError> {
        match self.backend.get_setting(UNITS_SETTING).await? {
            None => Ok(AdminUnitList::default_list()),
            Some(raw) => serde_json::from_str(&raw).map_err(|_| StoreError::Corrupt),
        }
    }

    /// Form definitions installed from files, oldest first.
    pub async fn load_installed_forms(&self) -> Result<Vec<InstalledForm>, StoreError> {
        parse_installed_forms(self.load_installed_forms_raw().await?.as_deref())
    }

    /// The installed definitions as stored, for `parse_installed_forms`: the start reads them
    /// before the code that decodes them is in (`ui::split_pages::form_installer`).
    pub async fn load_installed_forms_raw(&self) -> Result<Option<String>, StoreError> {
        self.backend.get_setting(FORMS_SETTING).await
    }

    pub async fn save_installed_forms(&self, forms: &[InstalledForm]) -> Result<(), StoreError> {
        let raw = serde_json::to_string(forms).map_err(|e| StoreError::Other(e.to_string()))?;
        self.backend.put_setting(FORMS_SETTING, &raw).await
    }

    /// Applies `change` to the unit list as stored now, in the transaction
    /// that writes it: a tab that added a unit since this one read the list
    /// keeps it. Returns the list written, or the change's own refusal (a
    /// name another tab took meanwhile), in which case nothing is written.
    pub async fn update_units(
        &self,
        change: &dyn Fn(&mut AdminUnitList) -> Result<(), crate::model::admin_unit::AdminUnitError>,
    ) -> Result<Result<AdminUnitList, crate::model::admin_unit::AdminUnitError>, StoreError> {
        let outcome = std::cell::RefCell::new(None);
        self.backend
            .update_setting(UNITS_SETTING, &|stored| {
                let parsed = stored.map_or_else(|| Ok(AdminUnitList::default_list()), serde_json::from_str::<AdminUnitList>);
                let Ok(mut units) = parsed else {
                    *outcome.borrow_mut() = Some(Err(StoreError::Corrupt));
                    return None;
                };
                match change(&mut units) {
                    Err(refused) => {
                        *outcome.borrow_mut() = Some(Ok(Err(refused)));
                        None
                    }
                    Ok(()) => match serde_json::to_string(&units) {
                        Ok(json) => {
                            *outcome.borrow_mut() = Some(Ok(Ok(units)));
                            Some(json)
                        }
                        Err(e) => {
                            *outcome.borrow_mut() = Some(Err(StoreError::Other(e.to_string())));
                            None
                        }
                    },
                }
            })
            .await?;
        outcome.into_inner().unwrap_or(Err(StoreError::Other("the unit list was not read".into())))
    }

}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// The memory backend answers at once, so one poll finishes a call.
    pub fn ready<F: Future>(f: F) -> F::Output {
        match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("store call did not complete synchronously"),
        }
    }

    pub fn ent(id: &str, name: &str) -> Record<Enterprise> {
        let change = crate::model::record::Change { at: crate::model::clock::Hlc { ms: 1, counter: 0, device: "dev".into() }, officer: String::new() };
        Record::new(id.into(), &change, Enterprise { name: name.into(), ..Default::default() })
    }

    #[test]
    fn put_load_delete_round_trip() {
        let store = RecordStore::new(MemoryBackend::default());
        assert!(ready(store.load::<Enterprise>()).unwrap().records.is_empty());
        ready(store.put(&ent("1", "Đồng Tháp <script>"))).unwrap();
        ready(store.put(&ent("2", "Sa Đéc"))).unwrap();
        let mut changed = ent("1", "Đồng Tháp mới");
        changed.updated.ms = 5;
        ready(store.put(&changed)).unwrap();
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        let names: Vec<&str> = loaded.records.iter().map(|r| r.payload.name.as_str()).collect();
        assert_eq!(names, vec!["Đồng Tháp mới", "Sa Đéc"]);
        let pauses = std::cell::Cell::new(0);
        let stepped = ready(store.load_in_steps::<Enterprise, _, _>(1, || {
            pauses.set(pauses.get() + 1);
            std::future::ready(())
        }))
        .unwrap();
        // Three steps (the last finds nothing): each taken in and decoded in tasks of their own,
        // and a pause after each full one.
        assert_eq!((stepped, pauses.get()), (loaded, 3 + 2), "the same records, read one at a time");
        assert_eq!(ready(store.get::<Enterprise>("1")).unwrap().unwrap().payload.name, "Đồng Tháp mới");
        assert!(ready(store.get::<Enterprise>("nope")).unwrap().is_none());
        // A write that expects the version it replaces goes through once; the second finds it moved on.
        let base = changed.version.clone();
        let mut mine = changed.revised(&crate::model::record::Change { at: crate::model::clock::Hlc { ms: 9, counter: 0, device: "a".into() }, officer: String::new() }, Enterprise { name: "tab A".into(), ..Default::default() });
        assert_eq!(ready(store.put_if_version(&mine, &base, false)).unwrap(), Ok(()));
        let theirs = changed.revised(&crate::model::record::Change { at: crate::model::clock::Hlc { ms: 9, counter: 0, device: "b".into() }, officer: String::new() }, Enterprise { name: "tab B".into(), ..Default::default() });
        assert_eq!(ready(store.put_if_version(&theirs, &base, false)).unwrap(), Err(Some(mine.clone())));
        assert_eq!(ready(store.get::<Enterprise>("1")).unwrap().unwrap().payload.name, "tab A");
        mine.id = "fresh".into();
        assert_eq!(ready(store.put_if_version(&mine, &base, false)).unwrap(), Ok(()), "nothing stored: nothing to conflict with");
        assert!(ready(store.delete::<Enterprise>("1")).unwrap());
        assert!(!ready(store.delete::<Enterprise>("1")).unwrap());
        assert_eq!(ready(store.load::<Enterprise>()).unwrap().records.len(), 2, "2 and fresh");
    }

    #[test]
    fn replaced_versions_go_to_history_up_to_the_depth() {
        let store = RecordStore::new(MemoryBackend::default()).with_history_depth(3);
        let mut r = ent("a", "v0");
        ready(store.put(&r)).unwrap();
        for i in 1..=5 {
            let change = crate::model::record::Change { at: crate::model::clock::Hlc { ms: 100 * i, counter: 0, device: "dev".into() }, officer: format!("cán bộ {i}") };
            r = r.revised(&change, Enterprise { name: format!("v{i}"), ..Default::default() });
            ready(store.put(&r)).unwrap();
        }
        ready(store.put(&r)).unwrap(); // an identical write is not a new version
        let v5 = r.version.clone();
        r = r.revised(&crate::model::record::Change { at: crate::model::clock::Hlc { ms: 900, counter: 0, device: "dev".into() }, officer: String::new() }, Enterprise { name: "draft".into(), ..Default::default() });
        assert_eq!(ready(store.put_if_version(&r, &v5, false)).unwrap(), Ok(())); // a draft's save replaces v5 without keeping it
        let names: Vec<String> = ready(store.history::<Enterprise>("a")).unwrap().into_iter().map(|h| h.payload.name).collect();
        assert_eq!(names, vec!["v4", "v3", "v2"], "newest first, oldest dropped");
        assert_eq!(ready(store.get::<Enterprise>("a")).unwrap().unwrap().payload.name, "draft");
        assert!(ready(store.history::<Enterprise>("other")).unwrap().is_empty());
    }

    #[test]
    fn a_checked_write_over_a_row_of_an_earlier_record_format_compares_its_upgraded_version() {
        let backend = MemoryBackend::default();
        let store = RecordStore::new(backend.clone());
        let v1 = r#"{"created_ms":1700000000000,"updated_ms":1700000000000,"device_id":"laptop-1","id":"e1","kind":"enterprise","payload":{"name":"Gạch ngói Đồng Tháp"}}"#;
        ready(backend.put_rows("enterprise", vec![Row { id: "e1".into(), updated_ms: 1, keys: Default::default(), json: v1.into() }], None)).unwrap();
        let stored = ready(store.get::<Enterprise>("e1")).unwrap().expect("an earlier format reads");
        let change = crate::model::record::Change { at: crate::model::clock::Hlc { ms: 1_800_000_000_000, counter: 0, device: "d".into() }, officer: String::new() };
        let edited = stored.revised(&change, Enterprise { name: "Gạch ngói Đồng Tháp (mới)".into(), ..Default::default() });
        assert_eq!(ready(store.put_if_version(&edited, &stored.version, true)).unwrap(), Ok(()), "the version it was read at");
        assert_eq!(ready(store.history::<Enterprise>("e1")).unwrap().len(), 1, "the earlier-format row kept in history");
        let stale = stored.revised(&change, Enterprise { name: "khác".into(), ..Default::default() });
        assert!(ready(store.put_if_version(&stale, &stored.version, true)).unwrap().is_err());
    }

    #[test]
    fn rows_carry_index_keys() {
        let mut e = ent("1", "X");
        e.payload.tax_code = Some("0100233488".into());
        e.payload.admin_unit_id = Some("tp-sa-dec".into());
        let row = Row::from_record(&e).unwrap();
        assert_eq!(row.keys.get("tax_code").map(String::as_str), Some("0100233488"));
        assert_eq!(row.keys.get("admin_unit_id").map(String::as_str), Some("tp-sa-dec"));
        assert!(Row::from_record(&ent("2", "Y")).unwrap().keys.is_empty(), "absent keys are not indexed");
    }

    #[test]
    fn a_batch_that_does_not_fit_writes_nothing() {
        let backend = MemoryBackend::with_quota(2_000);
        let store = RecordStore::new(backend.clone());
        ready(store.put(&ent("keep", "Một"))).unwrap();
        let batch: Vec<_> = (0..50).map(|i| ent(&format!("b{i}"), "xxxxxxxxxxxxxxxxxxxx")).collect();
        assert_eq!(ready(store.put_many(&batch)), Err(StoreError::QuotaExceeded));
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        assert_eq!(loaded.records.len(), 1);
        assert_eq!(loaded.records[0].payload.name, "Một");
    }

    #[test]
    fn unreadable_rows_are_counted_and_left_alone() {
        let backend = MemoryBackend::default();
        let store = RecordStore::new(backend.clone());
        ready(store.put(&ent("ok", "Tốt"))).unwrap();
        let broken = serde_json::json!({"id": "bad", "payload": "not an object"});
        ready(backend.put_rows("enterprise", vec![Row::unreadable(0, &broken)], Some(5))).unwrap();
        let loaded = ready(store.load::<Enterprise>()).unwrap();
        assert_eq!((loaded.records.len(), loaded.quarantined()), (1, 1));
        assert_eq!(loaded.unreadable[0].json, broken.to_string(), "kept as stored, for the backup");
        ready(store.put(&ent("new", "Mới"))).unwrap();
        ready(store.put(&ent("zz", "Cuối"))).unwrap();
        // Read two rows at a time, the unreadable one in the middle step.
        let stepped = ready(store.load_in_steps::<Enterprise, _, _>(2, || std::future::ready(()))).unwrap();
        let ids: Vec<&str> = stepped.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!((ids, stepped.quarantined()), (vec!["new", "ok", "zz"], 1), "in id order: bad, new | ok, zz");
        // Step by step, as a list shows them while the rest is read; the count includes the unreadable row.
        let mut steps: Vec<Vec<String>> = Vec::new();
        let unreadable = ready(store.read_in_steps::<Enterprise, _, _>(2, || std::future::ready(()), &mut |_, _| (), &mut |step| {
            steps.push(step.into_iter().map(|r| r.id).collect())
        }))
        .unwrap();
        assert_eq!(steps, vec![vec!["new".to_string()], vec!["ok".into(), "zz".into()], vec![]]);
        assert_eq!(unreadable.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["bad"]);
        assert_eq!(ready(store.count::<Enterprise>()).unwrap(), 4);
        assert_eq!(ready(store.count::<crate::model::survey::Survey>()).unwrap(), 0);
        assert_eq!(backend.raw_json("enterprise", "bad").as_deref(), Some(broken.to_string().as_str()));
    }

    #[test]
    fn a_row_holding_another_records_id_is_unreadable_by_either_stepped_read() {
        let backend = MemoryBackend::default();
        let store = RecordStore::new(backend.clone());
        ready(store.put(&ent("ok", "Tốt"))).unwrap();
        let mut moved = ready(backend.get_row("enterprise", "ok")).unwrap().unwrap();
        moved.id = "elsewhere".into();
        ready(backend.put_rows("enterprise", vec![moved], None)).unwrap();
        let whole = ready(store.load_in_steps::<Enterprise, _, _>(10, || std::future::ready(()))).unwrap();
        let ids = ["elsewhere".to_string(), "ok".to_string(), "absent".to_string()];
        let some = ready(store.load_ids_seeing::<Enterprise, _, _>(&ids, 2, || std::future::ready(()), &mut |_, _| ())).unwrap();
        for loaded in [whole, some] {
            assert_eq!(loaded.records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["ok"]);
            assert_eq!(loaded.unreadable.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["elsewhere"]);
        }
    }

    #[test]
    fn each_step_is_asked_for_before_the_one_before_it_is_taken_in() {
        let (backend, log) = MemoryBackend::with_read_log();
        let store = RecordStore::new(backend);
        for (id, name) in [("a", "An"), ("b", "Bình"), ("c", "Châu"), ("d", "Đức"), ("e", "Én")] {
            ready(store.put(&ent(id, name))).unwrap();
        }
        let loaded = ready(store.load_in_steps::<Enterprise, _, _>(2, || std::future::ready(()))).unwrap();
        assert_eq!(loaded.records.len(), 5);
        // Taking a step in (in the browser, out of JavaScript into wasm) comes after the next
        // step is asked for, so the browser reads meanwhile; the last, short step asks for none.
        assert_eq!(*log.borrow(), ["fetch -", "fetch b", "take a", "fetch d", "take c", "take e"]);
    }

    #[test]
    fn a_full_step_that_names_no_last_row_fails_the_read_instead_of_ending_it() {
        let store = RecordStore::new(MemoryBackend::with_nameless_steps());
        for (id, name) in [("a", "An"), ("b", "Bình"), ("c", "Châu")] {
            ready(store.put(&ent(id, name))).unwrap();
        }
        assert_eq!(ready(store.load_in_steps::<Enterprise, _, _>(2, || std::future::ready(()))).err(), Some(StoreError::Corrupt));
        // A step that is not full is the last: nothing after it is asked for.
        assert_eq!(ready(store.load_in_steps::<Enterprise, _, _>(5, || std::future::ready(()))).unwrap().records.len(), 3);
    }

    #[test]
    fn a_step_that_cannot_be_read_fails_the_whole_read() {
        // The first step, the one asked for while the first is worked through, and the last.
        for failing in 0..3 {
            let store = RecordStore::new(MemoryBackend::with_failing_step(failing));
            for (id, name) in [("a", "An"), ("b", "Bình"), ("c", "Châu"), ("d", "Đức"), ("e", "Én")] {
                ready(store.put(&ent(id, name))).unwrap();
            }
            let read = ready(store.load_in_steps::<Enterprise, _, _>(2, || std::future::ready(())));
            assert!(matches!(read, Err(StoreError::Other(ref e)) if e == &format!("step {failing} of enterprise could not be read")), "step {failing}: {read:?}");
        }
    }

    #[test]
    fn a_large_register_is_read_first_part_then_steps() {
        let store = RecordStore::new(MemoryBackend::default());
        for (id, name) in [("a", "An"), ("b", "Bình"), ("c", "Châu"), ("d", "Đức"), ("e", "Én"), ("f", "Phúc")] {
            ready(store.put(&ent(id, name))).unwrap();
        }
        let mut steps: Vec<(usize, Vec<String>)> = Vec::new();
        // A clock that moves 10 ms each time it is read: a step's work takes 10 ms, and 20 ms
        // fit twice as many rows (at most 3). Each step is asked for before the one before it
        // is timed: the second is the least (1), the third sized by the first (2 rows: 4, at
        // most 3), the fourth by the second (1 row: 2), and finds nothing left.
        let now = std::cell::Cell::new(0.0);
        let clock = || {
            now.set(now.get() + 10.0);
            now.get()
        };
        let sizes = step_rows::StepRows { first: 2, target_ms: 20.0, min: 1, max: 3 };
        let unreadable = ready(store.read_first_then_steps::<Enterprise, _, _>(sizes, &clock, || std::future::ready(()), &mut |n, records| {
            steps.push((n, records.into_iter().map(|r| r.id).collect()))
        }))
        .unwrap();
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(steps, vec![(0, ids(&["a", "b"])), (1, ids(&["c"])), (2, ids(&["d", "e", "f"])), (3, ids(&[]))], "the first part, the least, then sized by time, in id order");
        assert!(unreadable.is_empty());
    }

    #[test]
    fn two_tabs_changing_units_from_stale_copies_keep_both_changes() {
        use crate::model::admin_unit::AdminUnitError;
        let store = RecordStore::new(MemoryBackend::default());
        // Both tabs read the list before either wrote.
        let (tab_a, tab_b) = (ready(store.load_units()).unwrap(), ready(store.load_units()).unwrap());
        assert_eq!(tab_a, tab_b);
        ready(store.update_units(&|u| u.add("Phường Mỹ Tho", "My Tho Ward", "ward").map(|_| ()))).unwrap().unwrap();
        let written = ready(store.update_units(&|u| u.add("Xã Tân Phước", "Tan Phuoc Commune", "commune").map(|_| ()))).unwrap().unwrap();
        let names: Vec<&str> = written.units.iter().map(|u| u.vi.as_str()).collect();
        assert!(names.contains(&"Phường Mỹ Tho") && names.contains(&"Xã Tân Phước"), "{names:?}");
        assert_eq!(ready(store.load_units()).unwrap(), written);
        // A name the other tab took meanwhile is refused, and nothing is written.
        assert_eq!(ready(store.update_units(&|u| u.add("phuong my tho", "x", "ward").map(|_| ()))).unwrap(), Err(AdminUnitError::DuplicateName));
        assert_eq!(ready(store.load_units()).unwrap(), written);
    }

    #[test]
    fn units_default_then_persist() {
        let store = RecordStore::new(MemoryBackend::default());
        let mut units = ready(store.load_units()).unwrap();
        assert_eq!(units.units.len(), 12);
        units.add("Phường Mỹ Tho", "My Tho Ward", "ward").unwrap();
        units.set_retired("h-lap-vo", true).unwrap();
        let written = ready(store.update_units(&|u| {
            u.add("Phường Mỹ Tho", "My Tho Ward", "ward")?;
            u.set_retired("h-lap-vo", true)
        }))
        .unwrap()
        .unwrap();
        assert_eq!(written, units);
        assert_eq!(ready(store.load_units()).unwrap(), units);
    }
}
