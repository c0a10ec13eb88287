//! Large values freed a part at a time. A province's import holds its files,
//! what the laptop held and the preview, each some 38,000 records of a few
//! dozen allocations: dropped in one piece, the preview alone held the page
//! for 200-260 ms once the import was written. Lists put here are emptied
//! from their ends a few hundred items a step, with the page free between.

/// Lists waiting to be freed, a part at a time (`step`, or `run` with pauses).
#[derive(Default)]
pub struct DropInParts {
    lists: Vec<Box<dyn Shrink>>,
}

/// A list that can drop items from its end.
trait Shrink {
    /// Drops up to `n` items; how many it dropped.
    fn shrink(&mut self, n: usize) -> usize;
    fn is_empty(&self) -> bool;
}

impl<T> Shrink for Vec<T> {
    fn shrink(&mut self, n: usize) -> usize {
        let keep = self.len().saturating_sub(n);
        let dropped = self.len() - keep;
        self.truncate(keep);
        // The list's own buffer goes with its last item.
        if self.is_empty() {
            *self = Vec::new();
        }
        dropped
    }
    fn is_empty(&self) -> bool {
        self.is_empty()
    }
}

/// How many items a step drops: a survey or self-assessment took about 3 µs
/// to free in a test build, so a step is a few milliseconds.
pub const ITEMS_PER_STEP: usize = 1000;

impl DropInParts {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a list to free (an empty one is dropped now).
    pub fn add<T: 'static>(&mut self, list: Vec<T>) -> &mut Self {
        if !list.is_empty() {
            self.lists.push(Box::new(list));
        }
        self
    }

    /// Whether every list is freed.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// Drops up to `n` items (at least one), last list first; true once nothing is left.
    pub fn step(&mut self, n: usize) -> bool {
        let mut left = n.max(1);
        while left > 0 {
            let Some(last) = self.lists.last_mut() else { break };
            left -= last.shrink(left);
            if Shrink::is_empty(last.as_ref()) {
                self.lists.pop();
            }
        }
        self.lists.is_empty()
    }

    /// Frees everything, `ITEMS_PER_STEP` items a step with `pause` between.
    pub async fn run<P, F>(mut self, pause: P)
    where
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        while !self.step(ITEMS_PER_STEP) {
            pause().await;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;

    /// Counts its drops.
    struct Counted(Rc<Cell<usize>>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    fn counted(n: usize, drops: &Rc<Cell<usize>>) -> Vec<Counted> {
        (0..n).map(|_| Counted(drops.clone())).collect()
    }

    #[test]
    fn a_step_drops_at_most_its_share_across_lists() {
        let drops = Rc::new(Cell::new(0));
        let mut parts = DropInParts::new();
        parts.add(counted(3, &drops)).add(Vec::<Counted>::new()).add(counted(5, &drops));
        assert!(!parts.step(4));
        assert_eq!(drops.get(), 4, "four from the last list");
        assert!(parts.step(4), "its last one, then the first's three: nothing left");
        assert_eq!(drops.get(), 8);
        assert!(parts.is_empty());
        assert!(parts.step(4));
        assert_eq!(drops.get(), 8);
    }

    proptest! {
        /// Whatever the lists and the step, every item is dropped exactly once, a step never
        /// drops more than it may, and the steps end.
        #[test]
        fn every_item_is_dropped_once(lens in proptest::collection::vec(0usize..50, 0..6), n in 0usize..20) {
            let drops = Rc::new(Cell::new(0));
            let mut parts = DropInParts::new();
            for &len in &lens {
                parts.add(counted(len, &drops));
            }
            let total: usize = lens.iter().sum();
            let mut steps = 0;
            loop {
                let before = drops.get();
                let done = parts.step(n);
                prop_assert!(drops.get() - before <= n.max(1));
                steps += 1;
                prop_assert!(steps <= total + 1);
                if done {
                    break;
                }
            }
            prop_assert_eq!(drops.get(), total);
        }
    }

    #[test]
    fn run_pauses_between_steps() {
        let drops = Rc::new(Cell::new(0));
        let mut parts = DropInParts::new();
        parts.add(counted(ITEMS_PER_STEP * 2 + 1, &drops));
        let pauses = Cell::new(0);
        crate::store::tests::ready(parts.run(|| {
            pauses.set(pauses.get() + 1);
            std::future::ready(())
        }));
        assert_eq!(drops.get(), ITEMS_PER_STEP * 2 + 1);
        assert_eq!(pauses.get(), 2, "three steps, a pause between each");
    }
}
