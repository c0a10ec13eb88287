//! An import's undo kept as JSON text made a record at a time and stored in
//! parts. The undo of an import that replaces a province's records holds every
//! row it replaced (about 50 MB of JSON at 5,000 enterprises): serialised in one
//! go, handed to the browser as one string and stored as one value, it held the
//! page for 1.2-1.4 s at the end of the import's transaction, and a value that
//! large costs the browser 150-165 ms of the page's time just to clone it
//! (`docs/benchmarks.md`, 2026-12-04 afternoon). Made here a row at a time,
//! between the write's steps, it is stored as parts of about `PART_BYTES`, each
//! under a key of its own, with the list of them under the undo's key.

use super::batch::{Batch, Expect, SettingWrite};
use super::row::{HistoryRow, Row};
use super::StoreError;
use serde::{Deserialize, Serialize};

/// About how many bytes of the undo's text each stored part holds.
pub const PART_BYTES: usize = 1 << 20;

/// The text of `Batch::undo` (exactly what `serde_json::to_string` makes of
/// it), made a piece at a time: the undo's write of each row the batch writes,
/// then (`settings`) its settings, then each history row it restores.
pub struct UndoRows {
    parts: Parts,
    rows: usize,
}

/// `UndoRows` once its rows and settings are written: the history rows next.
pub struct UndoHistory {
    parts: Parts,
    rows: usize,
}

struct Parts {
    part_bytes: usize,
    done: Vec<String>,
    current: String,
}

impl Parts {
    fn push(&mut self, text: &str) {
        self.current.push_str(text);
        if self.current.len() >= self.part_bytes {
            self.done.push(std::mem::take(&mut self.current));
        }
    }

    fn push_json<T: Serialize>(&mut self, value: &T) -> Result<(), StoreError> {
        let text = serde_json::to_string(value).map_err(|e| StoreError::Other(e.to_string()))?;
        self.push(&text);
        Ok(())
    }
}

/// The undo's write of one row: `RowWrite` with no summary, which serialises
/// the same, borrowing the replaced row instead of copying it.
#[derive(Serialize)]
struct UndoRow<'a> {
    kind: &'a str,
    id: &'a str,
    expected: Expect,
    new: Option<&'a Row>,
}

impl UndoRows {
    pub fn new(part_bytes: usize) -> UndoRows {
        UndoRows { parts: Parts { part_bytes: part_bytes.max(1), done: Vec::new(), current: String::from("{\"rows\":[") }, rows: 0 }
    }

    /// The undo of writing `new` over `old` (`None`: nothing was stored) in `kind`/`id`: put `old` back,
    /// if what is stored then is still `new`.
    pub fn row(&mut self, kind: &str, id: &str, new: Option<&Row>, old: Option<&Row>) -> Result<(), StoreError> {
        if self.rows > 0 {
            self.parts.push(",");
        }
        self.rows += 1;
        self.parts.push_json(&UndoRow { kind, id, expected: Expect::of(new.map(|r| r.json.as_str())), new: old })
    }

    /// The undo's settings (`Batch::undo_settings`); the history rows come next.
    pub fn settings(mut self, settings: &[SettingWrite]) -> Result<UndoHistory, StoreError> {
        self.parts.push("],\"settings\":");
        self.parts.push_json(&settings)?;
        self.parts.push(",\"history\":{\"Restore\":[");
        Ok(UndoHistory { parts: self.parts, rows: 0 })
    }

    /// The parts filled so far, handed over once each.
    pub fn take_done(&mut self) -> Vec<String> {
        std::mem::take(&mut self.parts.done)
    }
}

impl UndoHistory {
    /// A history row the undo puts back.
    pub fn history_row(&mut self, row: &HistoryRow) -> Result<(), StoreError> {
        if self.rows > 0 {
            self.parts.push(",");
        }
        self.rows += 1;
        self.parts.push_json(row)
    }

    pub fn take_done(&mut self) -> Vec<String> {
        std::mem::take(&mut self.parts.done)
    }

    /// The parts not handed over yet, the last one included.
    pub fn finish(mut self) -> Vec<String> {
        // An undo is never kept for another undo.
        self.parts.push("]},\"undo_key\":null}");
        let mut rest = std::mem::take(&mut self.parts.done);
        if !self.parts.current.is_empty() {
            rest.push(std::mem::take(&mut self.parts.current));
        }
        rest
    }
}

/// The key of an undo's part `n`: under the undo's own key, so every part of one undo sorts
/// together (`parts_range`).
pub fn part_key(key: &str, n: usize) -> String {
    format!("{key}#part{n:06}")
}

/// The first and last key any part of the undo under `key` can have.
pub fn parts_range(key: &str) -> (String, String) {
    (format!("{key}#part"), format!("{key}#part\u{10FFFF}"))
}

/// What the undo's key holds when the undo is in several parts.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PartList {
    pub undo_parts: usize,
}

/// What is stored under an undo's key: the undo itself (made in one part,
/// or stored before undos had parts), or how many parts it has.
#[derive(Debug, PartialEq)]
pub enum StoredUndo {
    Whole(Batch),
    Parts(usize),
}

impl StoredUndo {
    /// `None` for a value that is neither (a damaged setting).
    pub fn read(text: &str) -> Option<StoredUndo> {
        if let Ok(batch) = serde_json::from_str::<Batch>(text) {
            return Some(StoredUndo::Whole(batch));
        }
        serde_json::from_str::<PartList>(text).ok().map(|p| StoredUndo::Parts(p.undo_parts))
    }
}

/// The undo stored under `key`, its parts joined; `None` if there is none.
/// A part missing or a text that does not read is `StoreError::Corrupt`.
pub async fn read<B: super::RowBackend>(store: &super::RecordStore<B>, key: &str) -> Result<Option<Batch>, StoreError> {
    let Some(text) = store.get_setting(key).await? else { return Ok(None) };
    match StoredUndo::read(&text) {
        Some(StoredUndo::Whole(batch)) => Ok(Some(batch)),
        Some(StoredUndo::Parts(n)) => {
            let mut whole = String::new();
            for i in 0..n {
                whole.push_str(&store.get_setting(&part_key(key, i)).await?.ok_or(StoreError::Corrupt)?);
            }
            serde_json::from_str(&whole).map(Some).map_err(|_| StoreError::Corrupt)
        }
        None => Err(StoreError::Corrupt),
    }
}

/// The settings to store for an undo made in `parts` under `key` by a write that
/// stored `stored` of them already under their own keys: a single part is the undo's
/// value itself; more are each under `part_key`, listed under `key`.
pub fn settings_for(key: &str, stored: usize, mut rest: Vec<String>) -> Vec<(String, String)> {
    if stored == 0 && rest.len() == 1 {
        return vec![(key.to_string(), rest.remove(0))];
    }
    let total = stored + rest.len();
    let mut out: Vec<(String, String)> = rest.into_iter().enumerate().map(|(i, text)| (part_key(key, stored + i), text)).collect();
    out.push((key.to_string(), serde_json::json!({ "undo_parts": total }).to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::{HistoryWrite, RowWrite};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn row() -> impl Strategy<Value = Row> {
        // Text with quotes, backslashes, control characters and Vietnamese: what escaping must carry.
        ("[a-z0-9]{1,8}", any::<i64>(), prop::collection::btree_map("[a-z_]{1,6}", "\\PC{0,6}", 0..3), "(\\PC|[\"\\\\\n\u{1}])*").prop_map(|(id, updated_ms, keys, json)| Row { id, updated_ms, keys, json })
    }

    /// A batch, the rows and settings it replaces, and the history of its records.
    type Case = (Batch, Vec<Option<Row>>, Vec<Option<String>>, Vec<HistoryRow>);

    fn batch_and_old() -> impl Strategy<Value = Case> {
        let write = ("[a-z]{1,8}", "[a-z0-9]{1,8}", prop::option::of(row()), prop::option::of(row()));
        let setting = ("[a-z_#]{1,10}", prop::option::of("\\PC{0,12}"), any::<bool>(), prop::option::of("\\PC{0,12}"));
        let history = (row(), "[a-z]{1,8}").prop_map(|(r, kind)| HistoryRow::of(&kind, &r));
        (prop::collection::vec(write, 0..12), prop::collection::vec(setting, 0..4), prop::collection::vec(history, 0..6), prop::option::of("[a-z_]{1,10}")).prop_map(|(writes, settings, history, undo_key)| {
            let (rows, old_rows): (Vec<RowWrite>, Vec<Option<Row>>) =
                writes.into_iter().map(|(kind, id, new, old)| (RowWrite { kind, id, expected: Expect::Any, new, summary: None }, old)).unzip();
            let (settings, old_settings): (Vec<SettingWrite>, Vec<Option<String>>) =
                settings.into_iter().map(|(key, new, undo, old)| (SettingWrite { key, expected: Expect::Any, new, undo }, old)).unzip();
            (Batch { rows, settings, history: HistoryWrite::Keep(3), undo_key }, old_rows, old_settings, history)
        })
    }

    /// The undo's text made a piece at a time, in parts of `part_bytes`, taking filled parts as a backend does.
    fn made_in_parts(batch: &Batch, old_rows: &[Option<Row>], old_settings: Vec<Option<String>>, history: &[HistoryRow], part_bytes: usize) -> Vec<String> {
        let mut parts = Vec::new();
        let mut text = UndoRows::new(part_bytes);
        for (w, old) in batch.rows.iter().zip(old_rows) {
            text.row(&w.kind, &w.id, w.new.as_ref(), old.as_ref()).unwrap();
            parts.extend(text.take_done());
        }
        let mut text = text.settings(&batch.undo_settings(old_settings)).unwrap();
        for h in history {
            text.history_row(h).unwrap();
            parts.extend(text.take_done());
        }
        parts.extend(text.finish());
        parts
    }

    proptest! {
        /// Any batch, any part size: the parts joined are the text of `Batch::undo`, each
        /// part but the last at least `part_bytes` long, and what is stored reads back as the undo.
        #[test]
        fn an_undo_made_in_parts_is_the_undo_serialised_whole((batch, old_rows, old_settings, history) in batch_and_old(), part_bytes in 1usize..400, stored_early in 0usize..3) {
            let undo = batch.undo(old_rows.clone(), old_settings.clone(), history.clone());
            let parts = made_in_parts(&batch, &old_rows, old_settings, &history, part_bytes);
            prop_assert_eq!(parts.concat(), serde_json::to_string(&undo).unwrap());
            prop_assert!(parts.iter().rev().skip(1).all(|p| p.len() >= part_bytes));
            // Stored as a backend stores them: some parts already under their keys, the rest with the list.
            let early = stored_early.min(parts.len().saturating_sub(1));
            let mut settings: BTreeMap<String, String> = parts[..early].iter().enumerate().map(|(i, p)| (part_key("undo", i), p.clone())).collect();
            settings.extend(settings_for("undo", early, parts[early..].to_vec()));
            let read = match StoredUndo::read(&settings["undo"]).unwrap() {
                StoredUndo::Whole(batch) => batch,
                StoredUndo::Parts(n) => serde_json::from_str(&(0..n).map(|i| settings[&part_key("undo", i)].clone()).collect::<String>()).unwrap(),
            };
            prop_assert_eq!(read, undo);
            let (first, last) = parts_range("undo");
            prop_assert!(settings.keys().filter(|k| k.as_str() != "undo").all(|k| (first.as_str()..=last.as_str()).contains(&k.as_str())));
        }
    }

    #[test]
    fn an_undo_in_one_part_is_stored_as_before_parts() {
        let settings = settings_for("sync_undo", 0, vec!["{\"rows\":[]}".into()]);
        assert_eq!(settings, vec![("sync_undo".to_string(), "{\"rows\":[]}".to_string())]);
        assert_eq!(StoredUndo::read("{\"undo_parts\":3}"), Some(StoredUndo::Parts(3)));
        assert_eq!(StoredUndo::read("not an undo"), None);
    }
}
