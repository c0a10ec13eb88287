//! An in-memory row backend with an optional quota, for native tests.

use super::batch::{Batch, HistoryWrite, Stale};
use super::row::{FetchedRows, HistoryRow, Row, RowBackend};
use super::StoreError;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct MemoryBackend {
    rows: Rc<RefCell<HashMap<String, BTreeMap<String, Row>>>>,
    settings: Rc<RefCell<HashMap<String, String>>>,
    history: Rc<RefCell<BTreeMap<String, HistoryRow>>>,
    quota_bytes: Option<usize>,
    /// How large the parts of an undo are (`undo_text::PART_BYTES` if not set).
    undo_part_bytes: Option<usize>,
    /// When set, each step of rows asked for and each taken in, in order (`with_read_log`).
    read_log: Option<Rc<RefCell<Vec<String>>>>,
    /// Steps read from this backend name no last id (`with_nameless_steps`).
    nameless_steps: bool,
    /// The step of rows (counted from 0 over every read) that fails, as a browser's read can.
    failing_step: Option<usize>,
    /// How many steps of rows have been asked for, over every read (for `failing_step`).
    steps_asked: Rc<Cell<usize>>,
}

impl MemoryBackend {
    pub fn with_quota(quota_bytes: usize) -> Self {
        MemoryBackend { quota_bytes: Some(quota_bytes), ..Default::default() }
    }

    /// A backend that stores undos in parts of `bytes`: tiny parts put a test's undos in many.
    pub fn with_undo_parts_of(bytes: usize) -> Self {
        MemoryBackend { undo_part_bytes: Some(bytes), ..Default::default() }
    }

    /// A backend that logs each step of rows asked for (`fetch <after>`) and taken in
    /// (`take <first id>`), in the order they happen.
    pub fn with_read_log() -> (Self, Rc<RefCell<Vec<String>>>) {
        let log = Rc::new(RefCell::new(Vec::new()));
        (MemoryBackend { read_log: Some(log.clone()), ..Default::default() }, log)
    }

    /// A backend whose steps of rows name no last id, as a store whose keys were not text
    /// would: a read in steps must fail there, not end as if it had read everything.
    pub fn with_nameless_steps() -> Self {
        MemoryBackend { nameless_steps: true, ..Default::default() }
    }

    /// A backend whose `step`-th step of rows asked for (from 0) fails: a read in steps must
    /// fail with it, not end with the rows before it.
    pub fn with_failing_step(step: usize) -> Self {
        MemoryBackend { failing_step: Some(step), ..Default::default() }
    }

    /// Removes the parts of an undo stored under `key`.
    fn remove_parts(&self, key: &str) {
        let (first, last) = super::undo_text::parts_range(key);
        self.settings.borrow_mut().retain(|k, _| !(first.as_str() <= k.as_str() && k.as_str() < last.as_str()));
    }

    /// Records only: summaries are derived, and a quota test counts what it writes.
    fn used_bytes(&self) -> usize {
        let summaries: Vec<&str> = super::summary::SUMMARISED.iter().map(|(_, s)| *s).collect();
        self.rows.borrow().iter().filter(|(k, _)| !summaries.contains(&k.as_str())).flat_map(|(_, m)| m.values()).map(|r| r.json.len()).sum()
    }

    pub fn raw_json(&self, kind: &str, id: &str) -> Option<String> {
        self.rows.borrow().get(kind)?.get(id).map(|r| r.json.clone())
    }
}

impl MemoryBackend {
    /// Stores one row, keeping the version it replaces in the history when asked.
    fn put_one(&self, kind: &str, row: Row, summary: Option<&Row>, keep_history: Option<usize>) {
        self.keep_summary(kind, &row.id, Some(&row), summary);
        let mut all = self.rows.borrow_mut();
        let map = all.entry(kind.to_string()).or_default();
        let mut history = self.history.borrow_mut();
        let id = row.id.clone();
        let Some(keep_history) = keep_history else {
            map.insert(id, row);
            return;
        };
        if let Some(old) = map.insert(id.clone(), row) {
            if old.json != map[&id].json {
                let h = HistoryRow::of(kind, &old);
                history.insert(h.key.clone(), h);
            }
        }
        let mine: Vec<String> = history.values().filter(|h| h.record_id == id && h.kind == kind).map(|h| h.key.clone()).collect();
        for key in mine.iter().take(mine.len().saturating_sub(keep_history)) {
            history.remove(key);
        }
    }

    /// The summary of a row written (or removed, with `None`), as IndexedDB keeps it in the same transaction.
    fn keep_summary(&self, kind: &str, id: &str, row: Option<&Row>, given: Option<&Row>) {
        let Some(store) = super::summary::summary_store(kind) else { return };
        let mut all = self.rows.borrow_mut();
        let summaries = all.entry(store.to_string()).or_default();
        match row.and_then(|r| super::summary::summary_row_given(kind, r, given)) {
            Some(summary) => summaries.insert(id.to_string(), summary.into_owned()),
            None => summaries.remove(id),
        };
    }

    /// Removes a row and its summary; returns whether it was there.
    fn remove(&self, kind: &str, id: &str) -> bool {
        self.keep_summary(kind, id, None, None);
        self.rows.borrow_mut().get_mut(kind).and_then(|m| m.remove(id)).is_some()
    }

    fn stored(&self, kind: &str, id: &str) -> Option<Row> {
        self.rows.borrow().get(kind).and_then(|m| m.get(id)).cloned()
    }

    /// Every stored row, setting and history row, for tests that compare whole stores.
    pub fn dump(&self) -> String {
        let rows: BTreeMap<String, BTreeMap<String, Row>> = self.rows.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let settings: BTreeMap<String, String> = self.settings.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        serde_json::to_string(&(rows, settings, &*self.history.borrow())).unwrap_or_default()
    }
}

/// A step of rows read from memory.
pub struct MemoryRows {
    rows: Vec<Row>,
    log: Option<Rc<RefCell<Vec<String>>>>,
    nameless: bool,
}

impl FetchedRows for MemoryRows {
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn last_id(&self) -> Option<String> {
        self.rows.last().filter(|_| !self.nameless).map(|r| r.id.clone())
    }
    fn into_rows(self) -> Result<Vec<Row>, StoreError> {
        if let Some(log) = &self.log {
            log.borrow_mut().push(format!("take {}", self.rows.first().map_or("-", |r| r.id.as_str())));
        }
        Ok(self.rows)
    }
}

impl RowBackend for MemoryBackend {
    type Fetched = MemoryRows;

    async fn fetch_rows(&self, kind: &str, after: Option<&str>, limit: Option<usize>) -> Result<MemoryRows, StoreError> {
        use std::ops::Bound::{Excluded, Unbounded};
        if let Some(log) = &self.read_log {
            log.borrow_mut().push(format!("fetch {}", after.unwrap_or("-")));
        }
        let step = self.steps_asked.replace(self.steps_asked.get() + 1);
        if self.failing_step == Some(step) {
            return Err(StoreError::Other(format!("step {step} of {kind} could not be read")));
        }
        let all = self.rows.borrow();
        let from = after.map_or(Unbounded, Excluded);
        let rows = all.get(kind).map(|map| map.range::<str, _>((from, Unbounded)).map(|(_, r)| r.clone()).take(limit.unwrap_or(usize::MAX)).collect()).unwrap_or_default();
        Ok(MemoryRows { rows, log: self.read_log.clone(), nameless: self.nameless_steps })
    }

    async fn get_row(&self, kind: &str, id: &str) -> Result<Option<Row>, StoreError> {
        Ok(self.rows.borrow().get(kind).and_then(|m| m.get(id)).cloned())
    }

    async fn get_rows(&self, kind: &str, ids: &[String]) -> Result<Vec<Option<Row>>, StoreError> {
        let all = self.rows.borrow();
        Ok(ids.iter().map(|id| all.get(kind).and_then(|m| m.get(id)).cloned()).collect())
    }

    async fn stored_ids(&self, kind: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.rows.borrow().get(kind).map(|m| m.keys().cloned().collect()).unwrap_or_default())
    }

    async fn count_rows(&self, kind: &str) -> Result<usize, StoreError> {
        Ok(self.rows.borrow().get(kind).map_or(0, BTreeMap::len))
    }

    async fn count_unsummarised(&self, kind: &str) -> Result<usize, StoreError> {
        let Some(store) = super::summary::summary_store(kind) else { return Ok(0) };
        let all = self.rows.borrow();
        let (rows, summaries) = (all.get(kind).map_or(0, BTreeMap::len), all.get(store).map_or(0, BTreeMap::len));
        Ok(rows.saturating_sub(summaries))
    }

    async fn put_rows(&self, kind: &str, rows: Vec<Row>, keep_history: Option<usize>) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_bytes {
            let replaced: usize = self.rows.borrow().get(kind).map_or(0, |m| rows.iter().filter_map(|r| m.get(&r.id)).map(|r| r.json.len()).sum());
            let added: usize = rows.iter().map(|r| r.json.len()).sum();
            if self.used_bytes() - replaced + added > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        for row in rows {
            self.put_one(kind, row, None, keep_history);
        }
        Ok(())
    }

    async fn put_row_if(&self, kind: &str, row: Row, keep_history: Option<usize>, still_current: &dyn Fn(Option<&Row>) -> bool) -> Result<Result<(), Option<Row>>, StoreError> {
        let stored = self.rows.borrow().get(kind).and_then(|m| m.get(&row.id)).cloned();
        if !still_current(stored.as_ref()) {
            return Ok(Err(stored));
        }
        self.put_rows(kind, vec![row], keep_history).await.map(Ok)
    }

    async fn load_history(&self, kind: &str, id: &str) -> Result<Vec<HistoryRow>, StoreError> {
        Ok(self.history.borrow().values().rev().filter(|h| h.record_id == id && h.kind == kind).cloned().collect())
    }

    async fn delete_row(&self, kind: &str, id: &str) -> Result<bool, StoreError> {
        Ok(self.remove(kind, id))
    }

    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.settings.borrow().get(key).cloned())
    }

    async fn put_setting(&self, key: &str, json: &str) -> Result<(), StoreError> {
        self.settings.borrow_mut().insert(key.to_string(), json.to_string());
        Ok(())
    }

    async fn write_batch(&self, batch: &Batch) -> Result<Result<(), Stale>, StoreError> {
        for w in &batch.rows {
            if !w.expected.admits(self.stored(&w.kind, &w.id).as_ref().map(|r| r.json.as_str())) {
                return Ok(Err(Stale(format!("{}/{}", w.kind, w.id))));
            }
        }
        for w in &batch.settings {
            if !w.expected.admits(self.settings.borrow().get(&w.key).map(String::as_str)) {
                return Ok(Err(Stale(w.key.clone())));
            }
        }
        let old_rows: Vec<Option<Row>> = batch.rows.iter().map(|w| self.stored(&w.kind, &w.id)).collect();
        if let Some(quota) = self.quota_bytes {
            let replaced: usize = old_rows.iter().flatten().map(|r| r.json.len()).sum();
            let added: usize = batch.rows.iter().filter_map(|w| w.new.as_ref()).map(|r| r.json.len()).sum();
            if self.used_bytes() - replaced + added > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        let touched: Vec<(&str, &str)> = batch.rows.iter().map(|w| (w.kind.as_str(), w.id.as_str())).collect();
        let history_of = |kind: &str, id: &str| -> Vec<HistoryRow> { self.history.borrow().values().filter(|h| h.kind == kind && h.record_id == id).cloned().collect() };
        // The undo's text, in parts as the browser's backend stores it.
        let undo = batch
            .undo_key
            .as_ref()
            .map(|_| -> Result<(Vec<String>, u64), StoreError> {
                let old_settings = batch.settings.iter().map(|w| self.settings.borrow().get(&w.key).cloned()).collect();
                let mut text = super::undo_text::UndoRows::new(self.undo_part_bytes.unwrap_or(super::undo_text::PART_BYTES));
                for (w, old) in batch.rows.iter().zip(&old_rows) {
                    text.row(&w.kind, &w.id, w.new.as_ref(), old.as_ref())?;
                }
                let mut text = text.settings(&batch.undo_settings(old_settings))?;
                for (w, _) in batch.rows.iter().zip(&old_rows).filter(|(_, old)| old.is_some()) {
                    for h in history_of(&w.kind, &w.id) {
                        text.history_row(&h)?;
                    }
                }
                Ok(text.finish())
            })
            .transpose()?;
        for w in &batch.rows {
            match (&w.new, &batch.history) {
                (Some(row), HistoryWrite::Keep(depth)) => self.put_one(&w.kind, row.clone(), w.summary.as_ref(), Some(*depth)),
                (Some(row), HistoryWrite::Restore(_)) => self.put_one(&w.kind, row.clone(), w.summary.as_ref(), None),
                (None, _) => {
                    self.remove(&w.kind, &w.id);
                }
            }
        }
        if let HistoryWrite::Restore(rows) = &batch.history {
            let mut history = self.history.borrow_mut();
            history.retain(|_, h| !touched.contains(&(h.kind.as_str(), h.record_id.as_str())));
            history.extend(rows.iter().map(|h| (h.key.clone(), h.clone())));
        }
        for w in &batch.settings {
            match &w.new {
                Some(v) => {
                    self.settings.borrow_mut().insert(w.key.clone(), v.clone());
                }
                None => {
                    self.settings.borrow_mut().remove(&w.key);
                    if Some(&w.key) != batch.undo_key.as_ref() {
                        self.remove_parts(&w.key);
                    }
                }
            }
        }
        if let (Some(key), Some(parts)) = (&batch.undo_key, undo) {
            self.remove_parts(key);
            self.settings.borrow_mut().extend(super::undo_text::settings_for(key, 0, parts)?);
        }
        Ok(Ok(()))
    }

    async fn update_setting(&self, key: &str, change: &dyn Fn(Option<&str>) -> Option<String>) -> Result<(), StoreError> {
        let next = change(self.settings.borrow().get(key).map(String::as_str));
        if let Some(json) = next {
            self.settings.borrow_mut().insert(key.to_string(), json);
        }
        Ok(())
    }
}
