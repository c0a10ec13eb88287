//! Records of one kind held by the page, read from the store after the
//! register (surveys, self-assessments, activities): at province scale they
//! are most of the data, and the enterprise list should not wait for them.

use crate::model::clock::Hlc;
use crate::model::record::Record;
use crate::model::record_counts::RecordCounts;
use crate::store::export;
use leptos::prelude::*;
use std::collections::HashMap;

pub struct RecordList<T: Send + Sync + 'static> {
    /// Deleted ones included; lists leave them out.
    pub records: RwSignal<Vec<Record<T>>>,
    /// Whether `records` has been read from the store.
    pub ready: RwSignal<bool>,
    /// While the store is first read: how many records it holds, so a list
    /// showing what has been read so far can say how many are still to come.
    pub expected: RwSignal<Option<usize>>,
    /// How many are live and how many changed after the last export, kept
    /// as records change (`RecordCounts`), not counted by walking them.
    counts: RwSignal<RecordCounts>,
    last_export: RwSignal<Option<Hlc>>,
    /// How many changed after the last export, and the oldest change.
    unexported: Memo<(usize, Option<i64>)>,
    /// While the store is read again: the ids of the records this page stored or read one
    /// at a time meanwhile (`remember`), whose copy here may be newer than the read's.
    remembered: StoredValue<Option<std::collections::HashSet<String>>>,
}

// Signals are handles: copying the list copies the handles, whatever `T` is.
impl<T: Send + Sync + 'static> Clone for RecordList<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for RecordList<T> {}

impl<T: Send + Sync + 'static> RecordList<T> {
    /// `last_export` is the device clock at the last backup export.
    pub fn new(last_export: RwSignal<Option<Hlc>>) -> Self {
        let records: RwSignal<Vec<Record<T>>> = RwSignal::new(Vec::new());
        let counts = RwSignal::new(RecordCounts::of(std::iter::empty::<&Record<T>>(), last_export.get_untracked().as_ref()));
        // Counts made against an earlier export (another tab exported, say) are walked once
        // more here until `rebase` catches them up.
        let unexported = Memo::new(move |_| {
            let last = last_export.get();
            counts.with(|c| if c.is_against(last.as_ref()) { c.unexported() } else { records.with_untracked(|all| export::unexported(all.iter(), last.as_ref())) })
        });
        RecordList { records, ready: RwSignal::new(false), expected: RwSignal::new(None), counts, last_export, unexported, remembered: StoredValue::new(None) }
    }

    /// A record this page stored or read: replaces the copy with its id.
    pub fn remember(&self, record: Record<T>) {
        self.remembered.update_value(|ids| {
            if let Some(ids) = ids {
                ids.insert(record.id.clone());
            }
        });
        self.records.update(|all| {
            let slot = all.iter().position(|r| r.id == record.id);
            self.counts.update(|c| c.replace(slot.map(|i| &all[i]), &record));
            match slot {
                Some(i) => all[i] = record,
                None => all.push(record),
            }
        });
    }

    /// The last export moved: counts again against it, once.
    pub fn rebase(&self) {
        let last = self.last_export.get_untracked();
        if !self.counts.with_untracked(|c| c.is_against(last.as_ref())) {
            self.counts.set(self.records.with_untracked(|all| RecordCounts::of(all.iter(), last.as_ref())));
        }
    }

    /// Whether `stored` (the record, or its summary) is newer than the copy held here (or there is none).
    pub fn is_newer<U>(&self, stored: &Record<U>) -> bool {
        self.records.with_untracked(|all| all.iter().find(|r| r.id == stored.id).is_none_or(|here| stored.updated > here.updated))
    }

    /// Takes what the store holds (the last part of it, when earlier parts
    /// came through `merge_step`). A record saved here while the store was
    /// being read keeps its newer copy.
    pub fn merge_loaded(&self, stored: Vec<Record<T>>) {
        self.merge_step(stored);
        if !self.ready.get_untracked() {
            self.ready.set(true);
        }
    }

    /// The store was found to hold none of these (not even an unreadable one): read, with
    /// whatever this page stored or read meanwhile.
    pub fn read_empty(&self) {
        if !self.ready.get_untracked() {
            self.ready.set(true);
        }
    }

    /// The store is about to be read again whole (`replace_loaded` takes the read).
    pub fn reading_again(&self) {
        self.remembered.set_value(Some(std::collections::HashSet::new()));
    }

    /// The read again failed: what the page holds stays as it is.
    pub fn read_again_failed(&self) {
        self.remembered.set_value(None);
    }

    /// Takes what the store holds as exactly what the page holds: a read again after
    /// an import's undo finds older versions, and fewer records, than the page has,
    /// and a merge by change time would keep what was undone. A record this page
    /// stored or read meanwhile (since `reading_again`) keeps its copy if it is newer.
    pub fn replace_loaded(&self, mut stored: Vec<Record<T>>)
    where
        T: Clone,
    {
        let meanwhile = self.remembered.try_update_value(Option::take).flatten().unwrap_or_default();
        if !meanwhile.is_empty() {
            self.records.with_untracked(|here| {
                for mine in here.iter().filter(|r| meanwhile.contains(&r.id)) {
                    match stored.iter_mut().find(|s| s.id == mine.id) {
                        Some(s) if s.updated < mine.updated => *s = mine.clone(),
                        Some(_) => {}
                        None => stored.push(mine.clone()),
                    }
                }
            });
        }
        let last = self.last_export.get_untracked();
        self.counts.set(RecordCounts::of(stored.iter(), last.as_ref()));
        self.records.set(stored);
        if !self.ready.get_untracked() {
            self.ready.set(true);
        }
    }

    /// Takes part of what the store holds while the rest is still being read.
    pub fn merge_step(&self, stored: Vec<Record<T>>) {
        if stored.is_empty() {
            return;
        }
        // Only the incoming ids are hashed, and records held here stay where they are: at
        // province scale a part of the first read meets tens of thousands already held.
        let at: HashMap<String, usize> = stored.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let mut incoming: Vec<Option<Record<T>>> = stored.into_iter().map(Some).collect();
        self.records.update(|mine| {
            self.counts.update(|counts| {
                for here in mine.iter_mut() {
                    if let Some(s) = at.get(&here.id).and_then(|&i| incoming[i].take()) {
                        if here.updated <= s.updated {
                            counts.replace(Some(&*here), &s);
                            *here = s;
                        }
                    }
                }
                for s in incoming.into_iter().flatten() {
                    counts.replace(None, &s);
                    mine.push(s);
                }
            });
        });
    }

    /// While the store is first read: how many records have been read, and how many it holds.
    pub fn still_reading(&self) -> Option<(usize, usize)> {
        if self.ready.get() {
            return None;
        }
        self.expected.get().map(|total| (self.records.with(Vec::len).min(total), total))
    }

    /// Records changed after the last export, and the wall-clock time of the oldest.
    pub fn unexported(&self) -> (usize, Option<i64>) {
        self.unexported.get()
    }

    /// How many there are, deleted ones left out.
    pub fn live_count(&self) -> usize {
        self.counts.with(RecordCounts::live)
    }
}
