//! The versions of records the page already holds in memory, by kind and id:
//! what an import's preview compares a file's records with before it reads
//! any of them from the store.
//!
//! A province's surveys and self-assessments are 30,000 rows: reading them
//! whole to learn that a file brings nothing new took most of a re-import's
//! four to five seconds (IndexedDB's work per row, not the bytes). The page
//! holds each one's summary, whose envelope is the record's own, so the
//! preview reads from the store only the records a file may change (and those
//! with conflict copies); a record the file brings only a version of that
//! the page already has, or an older one, is counted as unchanged unread.
//!
//! The page's copy lags the store: it changes after a write, never before. A
//! version the store moved on from stays known (the store's descends from it).
//! Only an import's undo takes the store back past what the page may hold, and
//! every import and undo writes the import log in its own transaction: the
//! page's copies carry the log as it read when they were read (`as_of`), and an
//! import's read that finds the log changed reads everything instead.

use crate::model::clock::{Hlc, VersionVector};
use crate::model::record::{Record, RecordKind};
use std::collections::{HashMap, HashSet};

/// A version known by its vector and change stamp.
#[derive(Debug, Clone, PartialEq)]
struct Stamp {
    version: VersionVector,
    updated: Hlc,
}

/// The versions the page holds of whole kinds. A kind not given is read
/// whole from the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    kinds: HashMap<&'static str, HashMap<String, Stamp>>,
    /// `log_hash` of the import log when the copies were read; `None`: not known.
    as_of: Option<u64>,
}

impl Known {
    /// Hands the versions known, kind by kind, to `parts`, to be freed a part at a time (a
    /// province's page knows tens of thousands).
    pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
        for (_, versions) in self.kinds {
            parts.add(versions.into_iter().collect::<Vec<_>>());
        }
    }

    /// Copies read while the import log's text hashed to `log` (`log_hash`).
    pub fn as_of(log: u64) -> Known {
        Known { kinds: HashMap::new(), as_of: Some(log) }
    }

    /// The import log's stored text (`None`: no log yet), as `as_of` takes it.
    pub fn log_hash(text: Option<&str>) -> u64 {
        text.map_or(0, crate::store::batch::text_hash)
    }

    /// Whether the import log still reads as when the copies were read: no import
    /// or undo was written since, so the store cannot hold less than they say.
    pub fn still_current(&self, log: Option<&str>) -> bool {
        self.as_of == Some(Known::log_hash(log))
    }

    /// Every record of `kind` the page holds, deleted ones included. Any payload
    /// serves (a summary's envelope is its record's). The register is never taken:
    /// an import reads it whole, since it matches a file's enterprises to the
    /// register's by tax code and names every record by its enterprise.
    pub fn add_kind<'a, P: 'a>(&mut self, kind: &'static str, records: impl IntoIterator<Item = &'a Record<P>>) {
        if kind == crate::model::enterprise::Enterprise::KIND {
            return;
        }
        let held = records.into_iter().map(|r| (r.id.clone(), Stamp { version: r.version.clone(), updated: r.updated.clone() })).collect();
        self.kinds.insert(kind, held);
    }

    /// Whether `kind` was given whole.
    pub fn covers(&self, kind: &str) -> bool {
        self.kinds.contains_key(kind)
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Leaves out what the store no longer holds (`stored`: every id of `kind` in
    /// the store): a record the page still shows but another tab has removed is
    /// absent, and a file's version of it new.
    pub fn keep_stored(&mut self, kind: &str, stored: &HashSet<String>) {
        if let Some(held) = self.kinds.get_mut(kind) {
            held.retain(|id, _| stored.contains(id));
        }
    }

    /// Whether the page holds `incoming` itself or a version made after seeing it:
    /// merging it would change nothing.
    pub fn knows<T: RecordKind>(&self, incoming: &Record<T>) -> bool {
        self.kinds.get(T::KIND).and_then(|held| held.get(&incoming.id)).is_some_and(|s| super::merge::stamp_same_or_newer(&s.version, &s.updated, incoming))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::Change;
    use crate::model::survey::Survey;

    fn change(device: &str, ms: i64) -> Change {
        Change { at: Hlc { ms, counter: 0, device: device.into() }, officer: String::new() }
    }

    fn survey(id: &str) -> Record<Survey> {
        Record::new(id.into(), &change("a", 1), Survey::default())
    }

    #[test]
    fn a_version_held_or_an_older_one_is_known_a_newer_or_concurrent_one_is_not() {
        let held = survey("s1");
        let newer = held.revised(&change("a", 2), Survey::default());
        let concurrent = held.revised(&change("b", 3), Survey::default());
        let mut known = Known::default();
        known.add_kind(Survey::KIND, [&newer]);
        assert!(known.knows(&held), "an older version");
        assert!(known.knows(&newer), "the version itself");
        assert!(!known.knows(&concurrent), "made without seeing the held one");
        assert!(!known.knows(&survey("s2")), "a record not held");
    }

    #[test]
    fn copies_are_current_only_while_the_import_log_reads_as_it_did() {
        let known = Known::as_of(Known::log_hash(Some("[1]")));
        assert!(known.still_current(Some("[1]")));
        assert!(!known.still_current(Some("[1,2]")), "an import or undo written since");
        assert!(!known.still_current(None));
        assert!(!Known::default().still_current(None), "copies of no known time");
        assert!(Known::as_of(Known::log_hash(None)).still_current(None), "no log then, none now");
    }

    #[test]
    fn the_register_is_never_taken() {
        use crate::model::enterprise::Enterprise;
        let mut known = Known::default();
        let e = Record::new("e1".into(), &change("a", 1), Enterprise::default());
        known.add_kind(Enterprise::KIND, [&e]);
        assert!(!known.covers(Enterprise::KIND) && !known.knows(&e));
    }

    #[test]
    fn a_record_the_store_no_longer_holds_is_not_known() {
        let mut known = Known::default();
        known.add_kind(Survey::KIND, [&survey("s1"), &survey("s2")]);
        known.keep_stored(Survey::KIND, &HashSet::from(["s2".to_string()]));
        assert!(!known.knows(&survey("s1")));
        assert!(known.knows(&survey("s2")));
        assert!(known.covers(Survey::KIND));
        assert!(!known.covers("enterprise"));
    }
}
