//! Running totals over one kind's records, kept as records change rather than
//! counted by walking them all: how many are live (not deleted), and how many
//! changed after the last export with the time of the oldest such change (the
//! "not exported since…" reminder). At province scale (39,000 surveys) a walk
//! per saved answer is what this replaces.

use super::clock::Hlc;
use super::record::Record;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordCounts {
    /// The last export these counts are against.
    basis: Option<Hlc>,
    live: usize,
    /// Wall-clock times (ms) of the changes after `basis`, with how many records have each.
    unexported: BTreeMap<i64, usize>,
    unexported_total: usize,
}

impl RecordCounts {
    /// Counts every record once, against the export at `last_export`.
    pub fn of<'a, T: 'a>(records: impl Iterator<Item = &'a Record<T>>, last_export: Option<&Hlc>) -> RecordCounts {
        let mut counts = RecordCounts { basis: last_export.cloned(), ..Default::default() };
        for r in records {
            counts.add(r, 1);
        }
        counts
    }

    /// Whether these counts are against the export at `last_export`.
    pub fn is_against(&self, last_export: Option<&Hlc>) -> bool {
        self.basis.as_ref() == last_export
    }

    /// A record changed from `old` (absent when new here) to `new`.
    pub fn replace<T>(&mut self, old: Option<&Record<T>>, new: &Record<T>) {
        if let Some(old) = old {
            self.add(old, -1);
        }
        self.add(new, 1);
    }

    fn add<T>(&mut self, r: &Record<T>, sign: i8) {
        if !r.deleted {
            self.live = if sign > 0 { self.live + 1 } else { self.live.saturating_sub(1) };
        }
        if self.basis.as_ref().is_none_or(|t| r.updated > *t) {
            let ms = r.updated.ms;
            if sign > 0 {
                *self.unexported.entry(ms).or_insert(0) += 1;
                self.unexported_total += 1;
            } else if let Some(n) = self.unexported.get_mut(&ms) {
                *n -= 1;
                if *n == 0 {
                    self.unexported.remove(&ms);
                }
                self.unexported_total = self.unexported_total.saturating_sub(1);
            }
        }
    }

    /// How many are not deleted.
    pub fn live(&self) -> usize {
        self.live
    }

    /// How many changed after the last export (all when there was none), and the time of the oldest.
    pub fn unexported(&self) -> (usize, Option<i64>) {
        (self.unexported_total, self.unexported.keys().next().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;
    use crate::model::record::Change;
    use proptest::prelude::*;

    fn at(ms: i64) -> Change {
        Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() }
    }

    fn walk(records: &[Record<Enterprise>], last: Option<&Hlc>) -> (usize, (usize, Option<i64>)) {
        (records.iter().filter(|r| !r.deleted).count(), crate::store::export::unexported(records.iter(), last))
    }

    proptest! {
        /// Any sequence of new records, edits and deletions, against any last export: the running
        /// totals are what walking every record gives.
        #[test]
        fn running_totals_match_a_walk(steps in proptest::collection::vec((0usize..6, 1i64..50, any::<bool>()), 0..40), last in proptest::option::of(0i64..60)) {
            let last = last.map(|ms| Hlc { ms, counter: 0, device: "d".into() });
            let mut records: Vec<Record<Enterprise>> = Vec::new();
            let mut counts = RecordCounts::of(records.iter(), last.as_ref());
            for (slot, later, delete) in steps {
                let i = slot.min(records.len());
                let new = match records.get(i) {
                    Some(old) if delete => old.deleted_by(&at(old.updated.ms + later)),
                    Some(old) => old.revised(&at(old.updated.ms + later), Enterprise { name: format!("v{later}"), ..Default::default() }),
                    None => Record::new(format!("r{i}"), &at(later), Enterprise::default()),
                };
                counts.replace(records.get(i), &new);
                if i < records.len() { records[i] = new } else { records.push(new) }
                prop_assert_eq!((counts.live(), counts.unexported()), walk(&records, last.as_ref()));
            }
            prop_assert!(counts.is_against(last.as_ref()));
            prop_assert_eq!(RecordCounts::of(records.iter(), last.as_ref()), counts);
        }
    }
}
