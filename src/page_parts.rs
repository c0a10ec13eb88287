//! How much of a list's changed page of rows is drawn at once.
//!
//! A keystroke that brings a new page of 50 rows had the browser build, lay
//! out and paint all 50 before it could show the keystroke: 15-30 ms of
//! style and layout and 14-19 ms of script at 13,000 enterprises
//! (`docs/benchmarks.md`), when a 1366×768 screen shows at most 14 of the
//! rows. So a change draws, in the page's order, the rows already on the
//! page and at most `FRESH_AT_ONCE` new ones; the rest follow a frame later.
//! A keystroke that only narrows the hits (a row or two leave, one comes at
//! the bottom) still draws the whole page at once, as before.

use std::collections::HashSet;
use std::hash::Hash;

/// New rows a change draws before the next frame. A 1366×768 screen shows at
/// most 14 rows of a list below its heading, filters and count (37 px a row),
/// 7 under the backup reminder; a taller screen has its last rows a frame later.
pub const FRESH_AT_ONCE: usize = 16;

/// How many of `page`'s rows to draw now: the longest start of `page` with
/// at most `fresh` rows whose key is not in `drawn`.
pub fn drawn_now<K: Eq + Hash>(page: &[&K], drawn: &HashSet<&K>, fresh: usize) -> usize {
    let mut new_rows = 0;
    for (i, key) in page.iter().enumerate() {
        if !drawn.contains(key) {
            new_rows += 1;
            if new_rows > fresh {
                return i;
            }
        }
    }
    page.len()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now(page: &[u32], drawn: &[u32], fresh: usize) -> usize {
        let page: Vec<&u32> = page.iter().collect();
        drawn_now(&page, &drawn.iter().collect(), fresh)
    }

    #[test]
    fn a_new_page_is_drawn_from_its_first_rows() {
        let page: Vec<u32> = (100..150).collect();
        assert_eq!(now(&page, &(0..50).collect::<Vec<_>>(), 20), 20);
        assert_eq!(now(&page, &[], 20), 20);
    }

    #[test]
    fn narrowing_draws_the_whole_page_at_once() {
        // One row near the top left; the rows below move up and one new row comes at the bottom.
        let before: Vec<u32> = (0..50).collect();
        let after: Vec<u32> = (0..50).filter(|&i| i != 3).chain([50]).collect();
        assert_eq!(now(&after, &before, 20), 50);
    }

    #[test]
    fn a_short_page_is_drawn_whole() {
        assert_eq!(now(&[7, 8, 9], &[], 20), 3);
        assert_eq!(now(&[], &[1, 2], 20), 0);
    }

    #[test]
    fn new_rows_after_kept_ones_count_from_where_they_are() {
        // Ten kept rows, then new ones: the ten and twenty new ones are drawn.
        let page: Vec<u32> = (0..50).collect();
        assert_eq!(now(&page, &(0..10).collect::<Vec<_>>(), 20), 30);
    }

    proptest! {
        #[test]
        fn draws_a_start_of_the_page_with_at_most_fresh_new_rows(
            page in proptest::collection::vec(0u32..80, 0..60),
            drawn in proptest::collection::vec(0u32..80, 0..60),
            fresh in 0usize..30,
        ) {
            let n = now(&page, &drawn, fresh);
            prop_assert!(n <= page.len());
            let new_in = |rows: &[u32]| rows.iter().filter(|k| !drawn.contains(k)).count();
            prop_assert!(new_in(&page[..n]) <= fresh);
            // The longest such start: one row more would be one new row too many.
            if n < page.len() {
                prop_assert!(!drawn.contains(&page[n]));
                prop_assert_eq!(new_in(&page[..n]), fresh);
            }
        }
    }
}
