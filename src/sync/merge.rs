//! How versions of one record that come from several laptops become one
//! picture, the same on every laptop.
//!
//! Each laptop keeps, per record id, its *maximal versions*: the versions no
//! other version it knows descends from (by version vector). Usually there
//! is one. Two edits made without seeing each other are both kept: the one
//! shown (the winner) is chosen the same way on every laptop, and the other
//! is a conflict copy until someone resolves it. Merging is a set union that
//! then keeps only the maxima, which makes it commutative, associative and
//! idempotent: importing files in any order, any number of times, ends in the
//! same state. A version is only ever dropped for one that descends from it,
//! that is, one made by someone who had seen it. (A version vector cannot
//! tell a device's edit of the shown version from one that has seen that
//! device's own conflicting copy: so a record with copies waiting is not
//! edited until someone resolves them; see `sync::local::in_conflict`.)
//!
//! The winner among concurrent versions: an edit beats a deletion (a record
//! someone was still working on is not lost to a delete they never saw), then
//! the later hybrid-logical-clock time, then the device id (`Hlc`'s order).

use crate::model::clock::{Causality, VersionVector};
use crate::model::record::{Change, Record};
use std::cmp::Ordering;

/// The maximal versions of one record, the winner first.
#[derive(Debug, Clone, PartialEq)]
pub struct Versions<T> {
    versions: Vec<Record<T>>,
}

/// What merging one incoming version did to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Already held, or older than what is held: nothing changed.
    Unchanged,
    /// A newer version replaced what was held (a deletion if `deleted`).
    Updated { deleted: bool },
    /// It was made without seeing what is held: both are kept, one is shown.
    Conflict,
}

/// Whether `incoming` is `held` itself or older than it: merging it changes nothing.
pub(crate) fn same_or_newer<T>(held: &Record<T>, incoming: &Record<T>) -> bool {
    stamp_same_or_newer(&held.version, &held.updated, incoming)
}

/// `same_or_newer`, for a held version known only by its vector and change stamp. A
/// version is the held one itself when both match: two tabs of one device can reach the
/// same vector with different edits, and the stamp tells them apart.
pub(crate) fn stamp_same_or_newer<T>(version: &VersionVector, updated: &crate::model::clock::Hlc, incoming: &Record<T>) -> bool {
    (*version == incoming.version && *updated == incoming.updated) || version.compare(&incoming.version) == Causality::Descends
}

/// Whether `a` was made by someone who had seen `b`.
fn descends<T>(a: &Record<T>, b: &Record<T>) -> bool {
    a.version.compare(&b.version) == Causality::Descends
}

/// The order in which concurrent versions are shown: the first wins.
fn shown_first<T>(a: &Record<T>, b: &Record<T>) -> Ordering {
    // An edit before a deletion, then the later stamp (which ends with the device id).
    (!b.deleted, &b.updated).cmp(&(!a.deleted, &a.updated)).then_with(|| {
        // Only a damaged file has two versions with one stamp; order them by their vectors so
        // every laptop still agrees.
        serde_json::to_string(&b.version).unwrap_or_default().cmp(&serde_json::to_string(&a.version).unwrap_or_default())
    })
}

impl<T: Clone> Versions<T> {
    pub fn new(record: Record<T>) -> Versions<T> {
        Versions { versions: vec![record] }
    }

    /// The version shown and used everywhere (lists, counts, indicators).
    pub fn winner(&self) -> &Record<T> {
        &self.versions[0]
    }

    /// The other maximal versions: edits made without seeing the winner.
    pub fn conflicts(&self) -> &[Record<T>] {
        &self.versions[1..]
    }

    /// Every version held, the winner first.
    pub fn all(&self) -> &[Record<T>] {
        &self.versions
    }

    /// Whether `incoming` is already held, or older than what is held:
    /// merging it would change nothing.
    pub fn knows(&self, incoming: &Record<T>) -> bool {
        self.versions.iter().any(|held| same_or_newer(held, incoming))
    }

    /// Every version held, the winner first, taken out.
    pub fn into_all(self) -> Vec<Record<T>> {
        self.versions
    }

    /// `merge` of a version only borrowed: cloned only when it changes something (most of
    /// a file's records are new or already held, and a record's answers are costly to copy).
    pub fn merge_ref(&mut self, incoming: &Record<T>) -> Outcome {
        if self.knows(incoming) {
            return Outcome::Unchanged;
        }
        self.merge(incoming.clone())
    }

    /// Takes in one version from a file (or from this laptop).
    pub fn merge(&mut self, incoming: Record<T>) -> Outcome {
        if self.knows(&incoming) {
            return Outcome::Unchanged;
        }
        let winner_before = (self.versions[0].version.clone(), self.versions[0].updated.clone());
        self.versions.retain(|held| !descends(&incoming, held));
        // Kept in order by inserting, as a stable sort of the pushed version would place it: a
        // sort here was one more copy of the sort's code per record kind in the first download.
        let at = self.versions.iter().position(|held| shown_first(&incoming, held) == Ordering::Less).unwrap_or(self.versions.len());
        self.versions.insert(at, incoming);
        if self.versions.len() > 1 {
            Outcome::Conflict
        } else if (&self.versions[0].version, &self.versions[0].updated) != (&winner_before.0, &winner_before.1) {
            Outcome::Updated { deleted: self.versions[0].deleted }
        } else {
            Outcome::Unchanged
        }
    }

    /// Takes in every version another laptop holds of this record.
    pub fn merge_all(&mut self, other: &Versions<T>) {
        for v in other.all() {
            self.merge(v.clone());
        }
    }

    /// A resolution: a new version with `payload`, made on this laptop, that
    /// descends from every version held, so it replaces them all here and on
    /// every laptop that imports it. `deleted` resolves to a deletion.
    pub fn resolve(&self, change: &Change, payload: T, deleted: bool) -> Record<T> {
        let seen = self.versions.iter().fold(VersionVector::default(), |acc, v| acc.merged(&v.version));
        let latest = self.versions.iter().map(|v| &v.updated).max().unwrap_or(&self.versions[0].updated);
        let mut base = self.versions[0].clone();
        base.version = seen;
        base.updated = latest.clone();
        let mut resolved = base.revised(change, payload);
        resolved.deleted = deleted;
        resolved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Hlc;
    use crate::model::record::RecordKind;

    #[derive(Debug, Clone, PartialEq)]
    struct Note(String);
    impl RecordKind for Note {
        const KIND: &'static str = "note";
    }

    fn at(ms: i64, device: &str) -> Change {
        Change { at: Hlc { ms, counter: 0, device: device.into() }, officer: format!("cán bộ {device}") }
    }

    #[test]
    fn a_newer_version_replaces_an_older_one_and_an_older_one_changes_nothing() {
        let v1 = Record::new("r".into(), &at(1, "a"), Note("một".into()));
        let v2 = v1.revised(&at(2, "b"), Note("hai".into()));
        let mut held = Versions::new(v1.clone());
        assert_eq!(held.merge(v2.clone()), Outcome::Updated { deleted: false });
        assert_eq!(held.merge(v1), Outcome::Unchanged, "already seen by v2");
        assert_eq!(held.merge(v2.clone()), Outcome::Unchanged, "the same version again");
        assert_eq!(held.all(), std::slice::from_ref(&v2));
        assert_eq!(held.merge(v2.deleted_by(&at(3, "a"))), Outcome::Updated { deleted: true });
    }

    #[test]
    fn concurrent_edits_keep_both_and_every_laptop_shows_the_same_one() {
        let base = Record::new("r".into(), &at(1, "a"), Note("gốc".into()));
        let a = base.revised(&at(5, "a"), Note("sửa ở A".into()));
        let b = base.revised(&at(7, "b"), Note("sửa ở B".into()));
        let mut on_a = Versions::new(a.clone());
        let mut on_b = Versions::new(b.clone());
        assert_eq!(on_a.merge(b.clone()), Outcome::Conflict);
        assert_eq!(on_b.merge(a.clone()), Outcome::Conflict);
        assert_eq!(on_a, on_b);
        assert_eq!(on_a.winner().payload, Note("sửa ở B".into()), "the later stamp");
        assert_eq!(on_a.conflicts()[0].payload, Note("sửa ở A".into()));
        // The resolution replaces both, here and there.
        let resolved = on_a.resolve(&at(9, "a"), Note("đã gộp".into()), false);
        assert_eq!(on_a.merge(resolved.clone()), Outcome::Updated { deleted: false });
        assert_eq!(on_b.merge(resolved.clone()), Outcome::Updated { deleted: false });
        assert_eq!((on_a.all(), on_b.all()), (std::slice::from_ref(&resolved), std::slice::from_ref(&resolved)));
    }

    #[test]
    fn an_edit_beats_a_deletion_it_never_saw() {
        let base = Record::new("r".into(), &at(1, "a"), Note("gốc".into()));
        let deleted = base.deleted_by(&at(9, "a"));
        let edited = base.revised(&at(5, "b"), Note("vẫn dùng".into()));
        let mut held = Versions::new(deleted.clone());
        assert_eq!(held.merge(edited.clone()), Outcome::Conflict);
        assert_eq!(held.winner(), &edited, "the edit is shown although the deletion is later");
        assert_eq!(held.conflicts(), std::slice::from_ref(&deleted));
    }
}

/// Property tests: three laptops edit, delete and resolve at random, and
/// exchange what they hold in random orders and subsets.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::model::clock::Hlc;
    use crate::model::record::RecordKind;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Clone, PartialEq)]
    struct Note(u32);
    impl RecordKind for Note {
        const KIND: &'static str = "note";
    }

    type Laptop = BTreeMap<u8, Versions<Note>>;

    #[derive(Debug, Clone)]
    enum Step {
        Edit { laptop: usize, record: u8, value: u32 },
        Delete { laptop: usize, record: u8 },
        Resolve { laptop: usize, record: u8 },
        /// `to` imports everything `from` holds.
        Exchange { from: usize, to: usize },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => (0..3usize, 0..4u8, any::<u32>()).prop_map(|(laptop, record, value)| Step::Edit { laptop, record, value }),
            1 => (0..3usize, 0..4u8).prop_map(|(laptop, record)| Step::Delete { laptop, record }),
            1 => (0..3usize, 0..4u8).prop_map(|(laptop, record)| Step::Resolve { laptop, record }),
            3 => (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Exchange { from, to }),
        ]
    }

    fn import(into: &mut Laptop, file: &Laptop) {
        for (id, versions) in file {
            match into.get_mut(id) {
                Some(held) => held.merge_all(versions),
                None => {
                    into.insert(*id, versions.clone());
                }
            }
        }
    }

    /// Runs the steps; returns the laptops and every version ever made.
    fn run(steps: &[Step]) -> (Vec<Laptop>, Vec<Record<Note>>) {
        let mut laptops = vec![Laptop::new(), Laptop::new(), Laptop::new()];
        let mut made = Vec::new();
        for (i, s) in steps.iter().enumerate() {
            let now = |laptop: usize| Change { at: Hlc { ms: i as i64, counter: 0, device: format!("laptop-{laptop}") }, officer: String::new() };
            match *s {
                Step::Edit { laptop, record, value } => {
                    let change = now(laptop);
                    let next = match laptops[laptop].get(&record) {
                        Some(held) => held.winner().revised(&change, Note(value)),
                        None => Record::new(format!("r{record}"), &change, Note(value)),
                    };
                    made.push(next.clone());
                    laptops[laptop].entry(record).and_modify(|h| { h.merge(next.clone()); }).or_insert_with(|| Versions::new(next));
                }
                Step::Delete { laptop, record } => {
                    if let Some(held) = laptops[laptop].get_mut(&record) {
                        let tomb = held.winner().deleted_by(&now(laptop));
                        made.push(tomb.clone());
                        held.merge(tomb);
                    }
                }
                Step::Resolve { laptop, record } => {
                    if let Some(held) = laptops[laptop].get_mut(&record).filter(|h| !h.conflicts().is_empty()) {
                        let pick = held.conflicts()[0].payload.clone();
                        let resolved = held.resolve(&now(laptop), pick, false);
                        made.push(resolved.clone());
                        held.merge(resolved);
                    }
                }
                Step::Exchange { from, to } => {
                    let file = laptops[from].clone();
                    import(&mut laptops[to], &file);
                }
            }
        }
        (laptops, made)
    }

    /// Everyone sends everyone everything, twice round.
    fn exchange_all(laptops: &mut [Laptop]) {
        for _ in 0..2 {
            for from in 0..laptops.len() {
                for to in 0..laptops.len() {
                    let file = laptops[from].clone();
                    import(&mut laptops[to], &file);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn every_laptop_ends_in_the_same_state_and_no_edit_is_lost(steps in prop::collection::vec(step(), 0..60)) {
            let (mut laptops, made) = run(&steps);
            exchange_all(&mut laptops);
            prop_assert_eq!(&laptops[0], &laptops[1]);
            prop_assert_eq!(&laptops[1], &laptops[2]);
            // Every version made is held, or was seen by one that is held.
            for v in &made {
                let id: u8 = v.id[1..].parse().unwrap();
                let held = &laptops[0][&id];
                prop_assert!(held.all().iter().any(|h| same_or_newer(h, v)), "lost: {:?}", v);
            }
            // The held versions of a record never descend from one another.
            for held in laptops[0].values() {
                for a in held.all() {
                    prop_assert!(held.all().iter().all(|b| !descends(a, b)));
                }
                // A deletion is shown only when no edit it never saw is left.
                if held.winner().deleted {
                    prop_assert!(held.all().iter().all(|v| v.deleted));
                }
            }
        }

        #[test]
        fn importing_a_file_twice_changes_nothing_and_order_does_not_matter(steps in prop::collection::vec(step(), 0..40)) {
            let (laptops, _) = run(&steps);
            let (a, b, c) = (&laptops[0], &laptops[1], &laptops[2]);
            let mut once = a.clone();
            import(&mut once, b);
            let mut twice = once.clone();
            import(&mut twice, b);
            prop_assert_eq!(&once, &twice, "idempotent");
            let mut bc = a.clone();
            import(&mut bc, b);
            import(&mut bc, c);
            let mut cb = a.clone();
            import(&mut cb, c);
            import(&mut cb, b);
            prop_assert_eq!(bc, cb, "commutative");
        }
    }
}
