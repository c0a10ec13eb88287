//! How many rows each step of a long read takes. A step's decoding and
//! indexing run in one task, so its length is what the page cannot answer
//! for: parts of 500 enterprises took 20-30 ms on one day's machine and
//! 50-65 ms on another's (`docs/benchmarks.md`), and an officer's laptop may
//! be slower still. So each step takes as many rows as the last step timed
//! could decode and index in about `target_ms`, measured on this laptop: the
//! step two before it, since a step's rows are asked for while the one before
//! it is worked through (`RecordStore::read_first_then_steps`).

/// The sizes of a read's steps: `first` rows, then sized by time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepRows {
    pub first: usize,
    pub target_ms: f64,
    pub min: usize,
    pub max: usize,
}

impl StepRows {
    /// The rows of a step when one of `rows` rows took `took_ms` of work: as
    /// many as fit `target_ms` at that pace, at most twice or half as many as
    /// that step (one slow step, a collection say, does not shrink the read to
    /// crumbs), within `min..=max`.
    pub fn after(&self, rows: usize, took_ms: f64) -> usize {
        let (min, max) = (self.min.max(1), self.max.max(self.min.max(1)));
        let rows = rows.clamp(min, max);
        if !(took_ms.is_finite() && self.target_ms.is_finite()) || took_ms <= 0.0 || self.target_ms <= 0.0 {
            // A clock too coarse to see the step: it was quick.
            return (rows * 2).min(max);
        }
        let fit = (rows as f64 * self.target_ms / took_ms).clamp((rows / 2) as f64, (rows * 2) as f64);
        (fit as usize).clamp(min, max)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const REGISTER: StepRows = StepRows { first: 500, target_ms: 20.0, min: 100, max: 1000 };

    #[test]
    fn a_slow_step_makes_the_next_one_smaller_and_a_quick_one_larger() {
        // 500 rows in 50 ms: 200 fit 20 ms.
        assert_eq!(REGISTER.after(500, 50.0), 250, "at most half as many at once");
        assert_eq!(REGISTER.after(250, 25.0), 200);
        assert_eq!(REGISTER.after(500, 20.0), 500);
        assert_eq!(REGISTER.after(500, 10.0), 1000);
        assert_eq!(REGISTER.after(300, 5.0), 600, "at most twice as many at once");
        assert_eq!(REGISTER.after(100, 400.0), 100, "never under the least");
        assert_eq!(REGISTER.after(900, 1.0), 1000, "never over the most");
        assert_eq!(REGISTER.after(500, 0.0), 1000, "a step the clock did not see was quick");
        assert_eq!(REGISTER.after(500, f64::NAN), 1000);
    }

    proptest! {
        #[test]
        fn any_measure_gives_a_size_within_bounds(rows in 0usize..5000, took in proptest::num::f64::ANY, target in proptest::num::f64::ANY, min in 0usize..600, max in 0usize..2000) {
            let steps = StepRows { first: 1, target_ms: target, min, max };
            let next = steps.after(rows, took);
            prop_assert!(next >= min.max(1));
            prop_assert!(next <= max.max(min.max(1)));
        }

        #[test]
        fn a_steady_pace_settles_on_the_target(ms_per_row in 0.01f64..1.0) {
            // Steps that each cost rows × pace settle where a step takes about the target.
            let mut rows = REGISTER.first;
            for _ in 0..20 {
                rows = REGISTER.after(rows, rows as f64 * ms_per_row);
            }
            let fits = (REGISTER.target_ms / ms_per_row).clamp(REGISTER.min as f64, REGISTER.max as f64);
            prop_assert!((rows as f64 - fits).abs() <= 1.0 + fits * 0.01, "rows {} for {}", rows, fits);
        }
    }
}
