//! An import's undo kept as JSON text made a record at a time and stored in
//! parts. The undo of an import that replaces a province's records holds every
//! row it replaced (about 50 MB of JSON at 5,000 enterprises): serialised in one
//! go, handed to the browser as one string and stored as one value, it held the
//! page for 1.2-1.4 s at the end of the import's transaction, and a value that
//! large costs the browser 150-165 ms of the page's time just to clone it
//! (`docs/benchmarks.md`, 2026-12-04 afternoon). Made here a row at a time,
//! between the write's steps, it is stored as parts of about `PART_BYTES`, each
//! under a key of its own, with their count and a hash of their text under the
//! undo's key: the parts are read one at a time, and another tab's import may
//! replace them meanwhile, which the hash tells.

use super::batch::{Batch, Expect, SettingWrite};
use super::row::{fnv1a_on, HistoryRow, Row, FNV1A_START};
use super::StoreError;
use serde::{Deserialize, Serialize};

/// About how many bytes of the undo's text each stored part holds.
pub const PART_BYTES: usize = 1 << 20;

/// The text of `Batch::undo` (exactly what `serde_json::to_string` makes of
/// it), made a piece at a time: the undo's write of each row the batch writes,
/// then (`settings`) its settings, then each history row it restores.
pub struct UndoRows {
    parts: Parts,
}

/// `UndoRows` once its rows and settings are written: the history rows next.
pub struct UndoHistory {
    parts: Parts,
}

struct Parts {
    part_bytes: usize,
    done: Vec<String>,
    current: String,
    /// The hash of all the text so far (`text_hash`, taken a piece at a time).
    hash: u64,
    /// Values in the JSON list opened last.
    items: usize,
}

impl Parts {
    fn push(&mut self, text: &str) {
        self.hash = fnv1a_on(self.hash, text);
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

    /// `text`, which opens a JSON list (ends in `[`).
    fn open_list(&mut self, text: &str) {
        self.push(text);
        self.items = 0;
    }

    /// A value of the list opened last.
    fn item<T: Serialize>(&mut self, value: &T) -> Result<(), StoreError> {
        if self.items > 0 {
            self.push(",");
        }
        self.items += 1;
        self.push_json(value)
    }

    fn take_done(&mut self) -> Vec<String> {
        std::mem::take(&mut self.done)
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
        let mut parts = Parts { part_bytes: part_bytes.max(1), done: Vec::new(), current: String::new(), hash: FNV1A_START, items: 0 };
        parts.open_list("{\"rows\":[");
        UndoRows { parts }
    }

    /// The undo of writing `new` over `old` (`None`: nothing was stored) in `kind`/`id`: put `old` back,
    /// if what is stored then is still `new`.
    pub fn row(&mut self, kind: &str, id: &str, new: Option<&Row>, old: Option<&Row>) -> Result<(), StoreError> {
        self.parts.item(&UndoRow { kind, id, expected: Expect::of(new.map(|r| r.json.as_str())), new: old })
    }

    /// The undo's settings (`Batch::undo_settings`); the history rows come next.
    pub fn settings(mut self, settings: &[SettingWrite]) -> Result<UndoHistory, StoreError> {
        self.parts.push("],\"settings\":");
        self.parts.push_json(&settings)?;
        self.parts.open_list(",\"history\":{\"Restore\":[");
        Ok(UndoHistory { parts: self.parts })
    }

    /// The parts filled so far, handed over once each.
    pub fn take_done(&mut self) -> Vec<String> {
        self.parts.take_done()
    }
}

impl UndoHistory {
    /// A history row the undo puts back.
    pub fn history_row(&mut self, row: &HistoryRow) -> Result<(), StoreError> {
        self.parts.item(row)
    }

    pub fn take_done(&mut self) -> Vec<String> {
        self.parts.take_done()
    }

    /// The parts not handed over yet, the last one included, and the hash of the whole text.
    pub fn finish(mut self) -> (Vec<String>, u64) {
        // An undo is never kept for another undo.
        self.parts.push("]},\"undo_key\":null}");
        let mut rest = self.parts.take_done();
        if !self.parts.current.is_empty() {
            rest.push(std::mem::take(&mut self.parts.current));
        }
        (rest, self.parts.hash)
    }
}

/// The key of an undo's part `n`: under the undo's own key, so every part of one undo sorts
/// together (`parts_range`).
pub fn part_key(key: &str, n: usize) -> String {
    format!("{key}#part{n:06}")
}

/// The keys the parts of the undo under `key` can have: from the first (included) to the
/// second (left out), `#part` then digits. (`:` sorts just after `9` in UTF-8 and in
/// IndexedDB's UTF-16 alike, so both backends find the same keys, and no other name that
/// starts so, such as `#partner`, falls inside.)
pub fn parts_range(key: &str) -> (String, String) {
    (format!("{key}#part0"), format!("{key}#part:"))
}

/// What the undo's key holds when the undo is in several parts.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PartList {
    pub undo_parts: usize,
    /// `text_hash` of the parts joined.
    pub hash: u64,
}

/// What is stored under an undo's key: the undo itself (made in one part,
/// or stored before undos had parts), or how many parts it has.
#[derive(Debug, PartialEq)]
pub enum StoredUndo {
    Whole(Batch),
    Parts(PartList),
}

impl StoredUndo {
    /// `None` for a value that is neither (a damaged setting).
    pub fn read(text: &str) -> Option<StoredUndo> {
        if let Ok(batch) = serde_json::from_str::<Batch>(text) {
            return Some(StoredUndo::Whole(batch));
        }
        serde_json::from_str::<PartList>(text).ok().map(StoredUndo::Parts)
    }
}

/// How much of an undo's text is parsed between two turns of the page (about 10 ms in Chromium).
const READ_STEP_BYTES: usize = 1 << 20;

/// The undo stored under `key`, its parts joined; `None` if there is none.
/// The parts are read one at a time: another tab's import may store its own
/// undo meanwhile, so parts that do not join to the listed hash are read
/// again, from the list. A text that still does not read is `StoreError::Corrupt`.
/// The text is hashed a part at a time as the parts arrive, and parsed in steps
/// (`undo_steps`) with `pause` between them: a province's undo is 50 MB.
pub async fn read<B, P, F>(store: &super::RecordStore<B>, key: &str, pause: P) -> Result<Option<Batch>, StoreError>
where
    B: super::RowBackend,
    P: Fn() -> F,
    F: std::future::Future<Output = ()>,
{
    for _ in 0..3 {
        let Some(text) = store.get_setting(key).await? else { return Ok(None) };
        let list = match StoredUndo::read(&text) {
            Some(StoredUndo::Whole(batch)) => return Ok(Some(batch)),
            Some(StoredUndo::Parts(list)) => list,
            None => return Err(StoreError::Corrupt),
        };
        let (mut whole, mut hash) = (String::new(), FNV1A_START);
        for i in 0..list.undo_parts {
            match store.get_setting(&part_key(key, i)).await? {
                Some(part) => {
                    hash = fnv1a_on(hash, &part);
                    whole.push_str(&part);
                }
                None => break,
            }
        }
        if hash == list.hash {
            return super::undo_steps::read_in_steps(&whole, READ_STEP_BYTES, pause).await.map(Some).ok_or(StoreError::Corrupt);
        }
    }
    Err(StoreError::Corrupt)
}

/// The settings to store for an undo made in `parts` under `key` by a write that
/// stored `stored` of them already under their own keys: a single part is the undo's
/// value itself; more are each under `part_key`, listed under `key`.
pub fn settings_for(key: &str, stored: usize, (mut rest, hash): (Vec<String>, u64)) -> Result<Vec<(String, String)>, StoreError> {
    if stored == 0 && rest.len() == 1 {
        return Ok(vec![(key.to_string(), rest.remove(0))]);
    }
    let list = PartList { undo_parts: stored + rest.len(), hash };
    let mut out: Vec<(String, String)> = rest.into_iter().enumerate().map(|(i, text)| (part_key(key, stored + i), text)).collect();
    out.push((key.to_string(), serde_json::to_string(&list).map_err(|e| StoreError::Other(e.to_string()))?));
    Ok(out)
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
    fn made_in_parts(batch: &Batch, old_rows: &[Option<Row>], old_settings: Vec<Option<String>>, history: &[HistoryRow], part_bytes: usize) -> (Vec<String>, u64) {
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
        let (rest, hash) = text.finish();
        parts.extend(rest);
        (parts, hash)
    }

    proptest! {
        /// Any batch, any part size: the parts joined are the text of `Batch::undo`, each
        /// part but the last at least `part_bytes` long, and what is stored reads back as the undo.
        #[test]
        fn an_undo_made_in_parts_is_the_undo_serialised_whole((batch, old_rows, old_settings, history) in batch_and_old(), part_bytes in 1usize..400, stored_early in 0usize..3) {
            let undo = batch.undo(old_rows.clone(), old_settings.clone(), history.clone());
            let (parts, hash) = made_in_parts(&batch, &old_rows, old_settings, &history, part_bytes);
            prop_assert_eq!(parts.concat(), serde_json::to_string(&undo).unwrap());
            prop_assert_eq!(hash, crate::store::batch::text_hash(&parts.concat()));
            prop_assert!(parts.iter().rev().skip(1).all(|p| p.len() >= part_bytes));
            // Stored as a backend stores them: some parts already under their keys, the rest with the list.
            let early = stored_early.min(parts.len().saturating_sub(1));
            let mut settings: BTreeMap<String, String> = parts[..early].iter().enumerate().map(|(i, p)| (part_key("undo", i), p.clone())).collect();
            settings.extend(settings_for("undo", early, (parts[early..].to_vec(), hash)).unwrap());
            let read = match StoredUndo::read(&settings["undo"]).unwrap() {
                StoredUndo::Whole(batch) => batch,
                StoredUndo::Parts(list) => {
                    let joined: String = (0..list.undo_parts).map(|i| settings[&part_key("undo", i)].clone()).collect();
                    prop_assert_eq!(list.hash, crate::store::batch::text_hash(&joined));
                    serde_json::from_str(&joined).unwrap()
                }
            };
            prop_assert_eq!(read, undo);
            // Every part, and nothing else, falls in the parts' range.
            let (first, last) = parts_range("undo");
            settings.insert("undo#partner".into(), String::new());
            settings.insert("undo#part".into(), String::new());
            let in_range: Vec<&String> = settings.keys().filter(|k| first.as_str() <= k.as_str() && k.as_str() < last.as_str()).collect();
            prop_assert_eq!(in_range.len(), settings.len() - 3);
        }
    }

    /// Parts read while another tab's import replaced them do not join to the listed hash:
    /// they are read again, and never taken for the undo.
    #[test]
    fn parts_that_do_not_join_to_the_listed_hash_are_not_read_as_the_undo() {
        use crate::store::{tests::ready, MemoryBackend, RecordStore, RowBackend};
        let backend = MemoryBackend::default();
        let store = RecordStore::new(backend.clone());
        let undo = Batch { rows: Vec::new(), settings: Vec::new(), history: HistoryWrite::Restore(Vec::new()), undo_key: None };
        let text = serde_json::to_string(&undo).unwrap();
        let (a, b) = text.split_at(5);
        ready(backend.put_setting(&part_key("u", 0), a)).unwrap();
        ready(backend.put_setting(&part_key("u", 1), b)).unwrap();
        let list = |hash| serde_json::to_string(&PartList { undo_parts: 2, hash }).unwrap();
        ready(backend.put_setting("u", &list(crate::store::batch::text_hash(&text)))).unwrap();
        assert_eq!(ready(read(&store, "u", || std::future::ready(()))), Ok(Some(undo)));
        ready(backend.put_setting("u", &list(crate::store::batch::text_hash(&text) ^ 1))).unwrap();
        assert_eq!(ready(read(&store, "u", || std::future::ready(()))), Err(StoreError::Corrupt));
        ready(backend.put_setting("u", "{}")).unwrap();
        assert_eq!(ready(read(&store, "u", || std::future::ready(()))), Err(StoreError::Corrupt));
    }

    proptest! {
        /// Whatever text is stored under an undo's key (damaged, or another build's), reading it
        /// never panics; a part list reads as one exactly when its numbers fit.
        #[test]
        fn any_stored_text_reads_without_panic(text in "\\PC*", parts in "[1-9][0-9]{0,24}", hash in "[1-9][0-9]{0,24}") {
            let _ = StoredUndo::read(&text);
            let read = StoredUndo::read(&format!("{{\"undo_parts\":{parts},\"hash\":{hash}}}"));
            let expected = parts.parse::<usize>().ok().zip(hash.parse::<u64>().ok()).map(|(undo_parts, hash)| StoredUndo::Parts(PartList { undo_parts, hash }));
            prop_assert_eq!(read, expected);
        }
    }

    #[test]
    fn an_undo_in_one_part_is_stored_as_before_parts() {
        let settings = settings_for("sync_undo", 0, (vec!["{\"rows\":[]}".into()], 0)).unwrap();
        assert_eq!(settings, vec![("sync_undo".to_string(), "{\"rows\":[]}".to_string())]);
        assert_eq!(StoredUndo::read("{\"undo_parts\":3,\"hash\":7}"), Some(StoredUndo::Parts(PartList { undo_parts: 3, hash: 7 })));
        assert_eq!(StoredUndo::read("not an undo"), None);
    }
}
