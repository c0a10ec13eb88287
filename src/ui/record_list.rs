//! Records of one kind held by the page, read from the store after the
//! register (surveys, self-assessments, activities): at province scale they
//! are most of the data, and the enterprise list should not wait for them.

use crate::model::clock::Hlc;
use crate::model::record::Record;
use crate::store::export;
use leptos::prelude::*;
use std::collections::HashMap;

pub struct RecordList<T: Send + Sync + 'static> {
    /// Deleted ones included; lists leave them out.
    pub records: RwSignal<Vec<Record<T>>>,
    /// Whether `records` has been read from the store.
    pub ready: RwSignal<bool>,
    /// How many changed after the last export, and the oldest change: a memo,
    /// so a change to another kind does not walk these records again.
    unexported: Memo<(usize, Option<i64>)>,
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
        let unexported = Memo::new(move |_| last_export.with(|last| records.with(|all| export::unexported(all.iter(), last.as_ref()))));
        RecordList { records, ready: RwSignal::new(false), unexported }
    }

    /// A record this page stored or read: replaces the copy with its id.
    pub fn remember(&self, record: Record<T>) {
        self.records.update(|all| match all.iter_mut().find(|r| r.id == record.id) {
            Some(slot) => *slot = record,
            None => all.push(record),
        });
    }

    /// Whether `stored` is newer than the copy held here (or there is none).
    pub fn is_newer(&self, stored: &Record<T>) -> bool {
        self.records.with_untracked(|all| all.iter().find(|r| r.id == stored.id).is_none_or(|here| stored.updated > here.updated))
    }

    /// Takes what the store holds. A record saved here while the store was
    /// being read keeps its newer copy.
    pub fn merge_loaded(&self, stored: Vec<Record<T>>) {
        self.records.update(|mine| {
            let mut by_id: HashMap<String, Record<T>> = mine.drain(..).map(|r| (r.id.clone(), r)).collect();
            for s in stored {
                match by_id.get(&s.id) {
                    Some(here) if here.updated > s.updated => {}
                    _ => {
                        by_id.insert(s.id.clone(), s);
                    }
                }
            }
            *mine = by_id.into_values().collect();
        });
        if !self.ready.get_untracked() {
            self.ready.set(true);
        }
    }

    /// Records changed after the last export, and the wall-clock time of the oldest.
    pub fn unexported(&self) -> (usize, Option<i64>) {
        self.unexported.get()
    }

    /// How many there are, deleted ones left out.
    pub fn live_count(&self) -> usize {
        self.records.with(|all| all.iter().filter(|r| !r.deleted).count())
    }
}
