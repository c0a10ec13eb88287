//! A batch: rows of several kinds and settings written in one transaction,
//! all or nothing, and only if what is stored is still what the batch was
//! worked out from. An import is one batch; so is its undo, which the
//! backend records as it writes the import, from what it replaces.

use super::row::{fnv1a, HistoryRow, Row};
use serde::{Deserialize, Serialize};

/// What a write requires to be stored now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expect {
    /// Whatever is there.
    Any,
    /// Nothing.
    Absent,
    /// A value whose text hashes to this (`text_hash`).
    Hash(u64),
}

impl Expect {
    pub fn of(text: Option<&str>) -> Expect {
        text.map_or(Expect::Absent, |t| Expect::Hash(text_hash(t)))
    }

    pub fn admits(self, stored: Option<&str>) -> bool {
        match (self, stored) {
            (Expect::Any, _) | (Expect::Absent, None) => true,
            (Expect::Hash(h), Some(t)) => text_hash(t) == h,
            _ => false,
        }
    }
}

/// The hash a batch compares stored text by: only a change between a
/// preview and its apply is looked for, not an adversary.
pub fn text_hash(text: &str) -> u64 {
    fnv1a(text)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowWrite {
    pub kind: String,
    pub id: String,
    pub expected: Expect,
    /// The row to store; `None` removes it.
    pub new: Option<Row>,
    /// The summary of `new` (`summary::record_summary_row`), when whoever built the write had the
    /// record typed: an import of a province holds tens of thousands, and reading each back
    /// from its text inside the transaction was most of what summaries cost it. Without one,
    /// the backend works the summary out from `new`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingWrite {
    pub key: String,
    pub expected: Expect,
    /// The value to store; `None` removes it.
    pub new: Option<String>,
    /// Whether undoing the batch puts the old value back (a log says what happened, undone or not).
    #[serde(default = "yes")]
    pub undo: bool,
}

fn yes() -> bool {
    true
}

/// What happens to the history of the records a batch writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum HistoryWrite {
    /// Each replaced version goes to the history, at most this many per record.
    Keep(usize),
    /// The history of each record written becomes exactly these rows (an undo).
    Restore(Vec<HistoryRow>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub rows: Vec<RowWrite>,
    pub settings: Vec<SettingWrite>,
    pub history: HistoryWrite,
    /// Where to keep the batch that undoes this one, written in the same
    /// transaction (a setting key), or `None` to keep none.
    pub undo_key: Option<String>,
}

/// A batch was not written: this stored row or setting changed since the
/// batch was worked out (another tab, most likely). Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale(pub String);

impl Batch {
    /// The batch that puts back what this one replaces: `old_rows` and
    /// `old_settings` are what was stored (in the order of `rows` and
    /// `settings`), `old_history` the history of the records that existed.
    /// Its writes expect exactly what this batch writes, so an undo after
    /// someone edited one of the records refuses rather than lose that edit.
    /// (The backends make its text a row at a time, `undo_text::UndoRows`,
    /// which a property test checks against this.)
    pub fn undo(&self, old_rows: Vec<Option<Row>>, old_settings: Vec<Option<String>>, old_history: Vec<HistoryRow>) -> Batch {
        let rows = self
            .rows
            .iter()
            .zip(old_rows)
            .map(|(w, old)| RowWrite { kind: w.kind.clone(), id: w.id.clone(), expected: Expect::of(w.new.as_ref().map(|r| r.json.as_str())), new: old, summary: None })
            .collect();
        Batch { rows, settings: self.undo_settings(old_settings), history: HistoryWrite::Restore(old_history), undo_key: None }
    }

    /// The settings of the undo: the old values back, and the undo itself removed.
    pub fn undo_settings(&self, old_settings: Vec<Option<String>>) -> Vec<SettingWrite> {
        let mut settings: Vec<SettingWrite> = self
            .settings
            .iter()
            .zip(old_settings)
            .filter(|(w, _)| w.undo)
            .map(|(w, old)| SettingWrite { key: w.key.clone(), expected: Expect::of(w.new.as_deref()), new: old, undo: true })
            .collect();
        if let Some(key) = &self.undo_key {
            // Undoing once uses it up.
            settings.push(SettingWrite { key: key.clone(), expected: Expect::Any, new: None, undo: true });
        }
        settings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_compare_stored_text() {
        assert!(Expect::Any.admits(None) && Expect::Any.admits(Some("x")));
        assert!(Expect::Absent.admits(None) && !Expect::Absent.admits(Some("x")));
        assert!(Expect::of(Some("x")).admits(Some("x")) && !Expect::of(Some("x")).admits(Some("y")) && !Expect::of(Some("x")).admits(None));
    }
}
