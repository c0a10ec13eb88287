//! Hybrid logical clock (HLC) timestamps and version vectors.
//!
//! Officers' laptops disagree about the time. An HLC timestamp stays close to
//! the wall clock but never goes backwards on one device, and after a device
//! has seen another's timestamp it only issues later ones, so an edit made
//! after reading a record always sorts after it, whatever the clocks say.
//! Ties between devices break on the device id.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Hlc {
    /// Milliseconds since 1970, from the wall clock or carried forward.
    pub ms: i64,
    /// Orders events within the same millisecond.
    pub counter: u32,
    /// The device that issued it.
    pub device: String,
}

impl Ord for Hlc {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.ms, self.counter, &self.device).cmp(&(other.ms, other.counter, &other.device))
    }
}

impl PartialOrd for Hlc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hlc {
    /// The timestamp for a local change, after `last` (this device's latest).
    pub fn tick(last: &Hlc, wall_ms: i64, device: &str) -> Hlc {
        if wall_ms > last.ms {
            Hlc { ms: wall_ms, counter: 0, device: device.to_string() }
        } else {
            Hlc::after(last.ms, last.counter, device)
        }
    }

    /// The stamp right after `(ms, counter)`. A counter read from a file can be
    /// at its maximum: the next stamp is then the next millisecond, which still
    /// sorts after it, where `counter + 1` would overflow.
    fn after(ms: i64, counter: u32, device: &str) -> Hlc {
        let (ms, counter) = match counter.checked_add(1) {
            Some(next) => (ms, next),
            None if ms < i64::MAX => (ms + 1, 0),
            // The last stamp there is: no clock gets here, only a file can say so.
            None => (ms, counter),
        };
        Hlc { ms, counter, device: device.to_string() }
    }

    /// This device's clock after seeing `remote` (from another tab or a file):
    /// later than both, so the next local change sorts after what was seen.
    pub fn observe(last: &Hlc, remote: &Hlc, wall_ms: i64, device: &str) -> Hlc {
        let ms = wall_ms.max(last.ms).max(remote.ms);
        match (ms == last.ms, ms == remote.ms) {
            (true, true) => Hlc::after(ms, last.counter.max(remote.counter), device),
            (true, false) => Hlc::after(ms, last.counter, device),
            (false, true) => Hlc::after(ms, remote.counter, device),
            (false, false) => Hlc { ms, counter: 0, device: device.to_string() },
        }
    }
}

/// How many changes each device has made to a record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionVector(pub BTreeMap<String, u64>);

/// How two versions of a record relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Causality {
    Same,
    /// The left one includes every change of the right one, and more.
    Descends,
    /// The right one includes every change of the left one, and more.
    Precedes,
    /// Each has changes the other has not seen: a conflict.
    Concurrent,
}

impl VersionVector {
    pub fn bump(&mut self, device: &str) {
        // Saturating: a count read from a file can be at its maximum already.
        let n = self.0.entry(device.to_string()).or_insert(0);
        *n = n.saturating_add(1);
    }

    pub fn get(&self, device: &str) -> u64 {
        self.0.get(device).copied().unwrap_or(0)
    }

    pub fn compare(&self, other: &VersionVector) -> Causality {
        let devices = self.0.keys().chain(other.0.keys());
        let (mut ahead, mut behind) = (false, false);
        for d in devices {
            match self.get(d).cmp(&other.get(d)) {
                Ordering::Greater => ahead = true,
                Ordering::Less => behind = true,
                Ordering::Equal => {}
            }
        }
        match (ahead, behind) {
            (false, false) => Causality::Same,
            (true, false) => Causality::Descends,
            (false, true) => Causality::Precedes,
            (true, true) => Causality::Concurrent,
        }
    }

    /// Every change of both.
    pub fn merged(&self, other: &VersionVector) -> VersionVector {
        let mut out = self.clone();
        for (d, &n) in &other.0 {
            let e = out.0.entry(d.clone()).or_insert(0);
            *e = (*e).max(n);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(ms: i64, counter: u32, device: &str) -> Hlc {
        Hlc { ms, counter, device: device.into() }
    }

    #[test]
    fn tick_follows_the_wall_clock_and_never_goes_back() {
        let t1 = Hlc::tick(&Hlc::default(), 1000, "a");
        assert_eq!(t1, h(1000, 0, "a"));
        let t2 = Hlc::tick(&t1, 1000, "a");
        assert_eq!(t2, h(1000, 1, "a"));
        // The laptop's clock jumped back an hour: still later.
        let t3 = Hlc::tick(&t2, 1000 - 3_600_000, "a");
        assert_eq!(t3, h(1000, 2, "a"));
        assert!(t1 < t2 && t2 < t3);
        assert!(Hlc::tick(&t3, 5000, "a") > t3);
    }

    #[test]
    fn an_edit_after_seeing_a_fast_clock_sorts_after_it() {
        // Laptop B's clock is 10 minutes fast; A reads B's record, then edits it.
        let from_b = h(1_000_600_000, 0, "b");
        let a_last = h(1_000_000_000, 4, "a");
        let a_now = Hlc::observe(&a_last, &from_b, 1_000_000_100, "a");
        let edit = Hlc::tick(&a_now, 1_000_000_200, "a");
        assert!(edit > from_b, "{edit:?} must sort after {from_b:?}");
        assert_eq!(Hlc::observe(&h(5, 2, "a"), &h(5, 7, "b"), 1, "a"), h(5, 8, "a"));
        assert_eq!(Hlc::observe(&h(3, 2, "a"), &h(1, 7, "b"), 9, "a"), h(9, 0, "a"));
    }

    #[test]
    fn ties_break_on_device() {
        assert!(h(5, 1, "a") < h(5, 1, "b"));
        assert!(h(5, 1, "b") < h(5, 2, "a"));
    }

    #[test]
    fn stamps_from_a_file_at_their_limits_still_move_forward() {
        let full = h(5, u32::MAX, "b");
        let next = Hlc::tick(&full, 1, "a");
        assert!(next > full && next == h(6, 0, "a"), "{next:?}");
        assert!(Hlc::observe(&h(1, 0, "a"), &full, 1, "a") > full);
        assert!(Hlc::observe(&full, &h(5, 3, "b"), 1, "a") > full);
        let end = h(i64::MAX, u32::MAX, "b");
        assert_eq!(Hlc::tick(&end, 0, "a"), h(i64::MAX, u32::MAX, "a"), "the very last stamp is kept, not overflowed");
        let mut v = VersionVector(BTreeMap::from([("a".to_string(), u64::MAX)]));
        v.bump("a");
        assert_eq!(v.get("a"), u64::MAX);
    }

    #[test]
    fn version_vectors_tell_descent_from_conflict() {
        let mut base = VersionVector::default();
        base.bump("a");
        let mut mine = base.clone();
        mine.bump("a");
        let mut theirs = base.clone();
        theirs.bump("b");
        assert_eq!(mine.compare(&base), Causality::Descends);
        assert_eq!(base.compare(&mine), Causality::Precedes);
        assert_eq!(mine.compare(&mine.clone()), Causality::Same);
        assert_eq!(mine.compare(&theirs), Causality::Concurrent);
        let merged = mine.merged(&theirs);
        assert_eq!((merged.get("a"), merged.get("b")), (2, 1));
        assert_eq!(merged.compare(&mine), Causality::Descends);
        assert_eq!(serde_json::to_string(&merged).unwrap(), r#"{"a":2,"b":1}"#);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn stamp() -> impl Strategy<Value = Hlc> {
        let edge_ms = prop_oneof![any::<i64>(), Just(i64::MAX), Just(i64::MIN), Just(0i64)];
        let edge_counter = prop_oneof![any::<u32>(), Just(u32::MAX), Just(0u32)];
        (edge_ms, edge_counter, "[ab]").prop_map(|(ms, counter, device)| Hlc { ms, counter, device })
    }

    /// (ms, counter): the order of stamps before the device breaks ties.
    fn at(h: &Hlc) -> (i64, u32) {
        (h.ms, h.counter)
    }

    proptest! {
        #[test]
        fn the_clock_never_goes_back_whatever_a_file_says(last in stamp(), remote in stamp(), wall in any::<i64>()) {
            let end = (i64::MAX, u32::MAX);
            let t = Hlc::tick(&last, wall, "a");
            prop_assert!(at(&t) > at(&last) || at(&last) == end, "{:?} after {:?}", t, last);
            let o = Hlc::observe(&last, &remote, wall, "a");
            prop_assert!((at(&o) > at(&last) || at(&last) == end) && (at(&o) > at(&remote) || at(&remote) == end), "{:?}", o);
        }

        #[test]
        fn version_vectors_from_a_file_bump_and_merge(counts in proptest::collection::btree_map("[a-c]", any::<u64>(), 0..4), device in "[a-d]") {
            let v = VersionVector(counts);
            let mut bumped = v.clone();
            bumped.bump(&device);
            prop_assert!(bumped.get(&device) >= v.get(&device));
            prop_assert!(matches!(bumped.compare(&v), Causality::Descends | Causality::Same));
            prop_assert_eq!(v.merged(&bumped).compare(&bumped), Causality::Same);
        }
    }
}
