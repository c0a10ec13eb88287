//! Which of a list's changed page of rows are drawn at once.
//!
//! A keystroke that brings a new page of 50 rows had the browser build, lay
//! out and paint all 50 before it could show the keystroke: 15-30 ms of
//! style and layout and 14-19 ms of script at 13,000 enterprises
//! (`docs/benchmarks.md`), when a 1366×768 screen shows at most 14 of the
//! rows. So a change draws, in the page's order, every row already on the
//! page and the first `FRESH_AT_ONCE` new ones; the other new rows follow a
//! frame later. A keystroke that only narrows the hits (a row or two leave,
//! one comes at the bottom) still draws the whole page at once, as before.

use std::collections::HashSet;
use std::hash::Hash;

/// New rows a change draws before the next frame. A 1366×768 screen shows at
/// most 14 rows of a list below its heading, filters and count (37 px a row),
/// 7 under the backup reminder; a taller screen has its last rows a frame later.
pub const FRESH_AT_ONCE: usize = 16;

/// Which of `page`'s rows to draw now, by position: those whose key is in
/// `drawn` (a keyed list keeps them) and the first `fresh` of the others.
/// `None` when that is all of them.
pub fn drawn_now<K: Eq + Hash>(page: &[&K], drawn: &HashSet<&K>, fresh: usize) -> Option<Vec<bool>> {
    let mut new_rows = 0;
    let now: Vec<bool> = page
        .iter()
        .map(|key| {
            drawn.contains(key) || {
                new_rows += 1;
                new_rows <= fresh
            }
        })
        .collect();
    (new_rows > fresh).then_some(now)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rows drawn now, or all of them.
    fn now(page: &[u32], drawn: &[u32], fresh: usize) -> Vec<u32> {
        let keys: Vec<&u32> = page.iter().collect();
        match drawn_now(&keys, &drawn.iter().collect(), fresh) {
            None => page.to_vec(),
            Some(mask) => page.iter().zip(mask).filter(|(_, now)| *now).map(|(k, _)| *k).collect(),
        }
    }

    #[test]
    fn a_new_page_is_drawn_from_its_first_rows() {
        let page: Vec<u32> = (100..150).collect();
        assert_eq!(now(&page, &(0..50).collect::<Vec<_>>(), 20), (100..120).collect::<Vec<_>>());
        assert_eq!(now(&page, &[], 20), (100..120).collect::<Vec<_>>());
    }

    #[test]
    fn narrowing_draws_the_whole_page_at_once() {
        // One row near the top left; the rows below move up and one new row comes at the bottom.
        let before: Vec<u32> = (0..50).collect();
        let after: Vec<u32> = (0..50).filter(|&i| i != 3).chain([50]).collect();
        let keys: Vec<&u32> = after.iter().collect();
        assert_eq!(drawn_now(&keys, &before.iter().collect(), 20), None);
    }

    #[test]
    fn a_short_page_is_drawn_whole() {
        assert_eq!(drawn_now(&[&7, &8, &9], &HashSet::new(), 20), None);
        assert_eq!(drawn_now::<u32>(&[], &[&1, &2].into_iter().collect(), 20), None);
    }

    #[test]
    fn rows_kept_stay_drawn_wherever_they_are() {
        // Widening a search: new rows come between rows already drawn; none of those is taken out.
        let page: Vec<u32> = (0..50).collect();
        let drawn: Vec<u32> = (0..50).filter(|i| i % 5 == 0).collect();
        let first: Vec<u32> = (0..50).filter(|&i| i % 5 == 0 || i < 20).collect();
        assert_eq!(now(&page, &drawn, 16), first);
    }

    proptest! {
        #[test]
        fn draws_every_kept_row_and_the_first_new_ones_in_order(
            page in proptest::collection::vec(0u32..80, 0..60),
            drawn in proptest::collection::vec(0u32..80, 0..60),
            fresh in 0usize..30,
        ) {
            let first = now(&page, &drawn, fresh);
            let is_new = |k: &u32| !drawn.contains(k);
            let new_in_page: Vec<u32> = page.iter().copied().filter(is_new).collect();
            // Every kept row, and exactly the first `fresh` new rows (or all, when fewer), in the page's order.
            prop_assert_eq!(first.iter().filter(|k| !is_new(k)).count(), page.iter().filter(|k| !is_new(k)).count());
            prop_assert_eq!(first.iter().copied().filter(is_new).collect::<Vec<_>>(), new_in_page.iter().copied().take(fresh).collect::<Vec<_>>());
            let mut rest = page.iter();
            prop_assert!(first.iter().all(|k| rest.any(|p| p == k)), "a subsequence of the page");
        }
    }
}
