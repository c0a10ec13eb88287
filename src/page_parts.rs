//! Which of a list's changed page of rows are drawn at once.
//!
//! A keystroke that brings a new page of 50 rows had the browser build, lay
//! out and paint all 50 before it could show the keystroke: 15-30 ms of
//! style and layout and 14-19 ms of script at 13,000 enterprises
//! (`docs/benchmarks.md`), when a 1366×768 screen shows at most 14 of the
//! rows, 7 under the backup reminder. So a change draws, before the next
//! frame, every row already on the page (a keyed list keeps them) and the new
//! rows among those the screen shows; the other new rows follow a frame later.

use std::collections::HashSet;
use std::hash::Hash;

/// The rows the screen is taken to show when the list cannot measure it (its
/// first draw, before its table exists): a 1366×768 screen shows at most 14
/// rows of a list below its heading, filters and count (37 px a row).
pub const ON_SCREEN_UNMEASURED: usize = 14;

/// Which of `page`'s rows to draw now, by position: those whose key is in
/// `drawn` and every row among the first `on_screen`. `None` when that is
/// all of them.
pub fn drawn_now<K: Eq + Hash>(page: &[&K], drawn: &HashSet<&K>, on_screen: usize) -> Option<Vec<bool>> {
    let now: Vec<bool> = page.iter().enumerate().map(|(i, key)| i < on_screen || drawn.contains(key)).collect();
    now.contains(&false).then_some(now)
}

/// How many of a list's first rows a window `window_height` px tall shows
/// when its rows begin `top` px from the window's top (negative once
/// scrolled past) and are `row_height` px each: rows above the window count
/// too, since a row drawn later above the screen would move what it shows.
pub fn rows_on_screen(window_height: f64, top: f64, row_height: f64) -> usize {
    if !(window_height.is_finite() && top.is_finite() && row_height.is_finite()) || row_height < 1.0 {
        return ON_SCREEN_UNMEASURED;
    }
    // Past any page's length: a list 100,000 px above the screen has no use for more.
    ((window_height - top) / row_height).ceil().clamp(0.0, 10_000.0) as usize
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rows drawn now, or all of them.
    fn now(page: &[u32], drawn: &[u32], on_screen: usize) -> Vec<u32> {
        let keys: Vec<&u32> = page.iter().collect();
        match drawn_now(&keys, &drawn.iter().collect(), on_screen) {
            None => page.to_vec(),
            Some(mask) => page.iter().zip(mask).filter(|(_, now)| *now).map(|(k, _)| *k).collect(),
        }
    }

    #[test]
    fn a_new_page_is_drawn_from_its_first_rows() {
        let page: Vec<u32> = (100..150).collect();
        assert_eq!(now(&page, &(0..50).collect::<Vec<_>>(), 14), (100..114).collect::<Vec<_>>());
        assert_eq!(now(&page, &[], 7), (100..107).collect::<Vec<_>>());
    }

    #[test]
    fn narrowing_draws_what_the_screen_shows_at_once() {
        // One row near the top leaves; the rows below move up and one new row comes at the bottom,
        // below the screen: every row on the screen is already drawn.
        let before: Vec<u32> = (0..50).collect();
        let after: Vec<u32> = (0..50).filter(|&i| i != 3).chain([50]).collect();
        assert_eq!(now(&after, &before, 14), (0..50).filter(|&i| i != 3).collect::<Vec<_>>());
        // A screen tall enough for the whole page draws it at once.
        let keys: Vec<&u32> = after.iter().collect();
        assert_eq!(drawn_now(&keys, &before.iter().collect(), 50), None);
    }

    #[test]
    fn a_short_page_is_drawn_whole() {
        assert_eq!(drawn_now(&[&7, &8, &9], &HashSet::new(), 14), None);
        assert_eq!(drawn_now::<u32>(&[], &[&1, &2].into_iter().collect(), 14), None);
    }

    #[test]
    fn rows_kept_stay_drawn_wherever_they_are() {
        // Widening a search: new rows come between rows already drawn; none of those is taken out.
        let page: Vec<u32> = (0..50).collect();
        let drawn: Vec<u32> = (0..50).filter(|i| i % 5 == 0).collect();
        let first: Vec<u32> = (0..50).filter(|&i| i % 5 == 0 || i < 14).collect();
        assert_eq!(now(&page, &drawn, 14), first);
    }

    #[test]
    fn the_screen_is_counted_in_whole_rows() {
        // 768 px, the rows from 500 px, 37 px each: 7 rows and part of an eighth.
        assert_eq!(rows_on_screen(768.0, 500.0, 37.0), 8);
        assert_eq!(rows_on_screen(768.0, 290.0, 37.0), 13);
        // Scrolled down the list: the rows above the window count.
        assert_eq!(rows_on_screen(768.0, -370.0, 37.0), 31);
        // The list below the window: nothing new is drawn before the frame.
        assert_eq!(rows_on_screen(768.0, 900.0, 37.0), 0);
        // What cannot be measured (no rows to measure, a hidden list) falls back.
        assert_eq!(rows_on_screen(768.0, 290.0, 0.0), ON_SCREEN_UNMEASURED);
        assert_eq!(rows_on_screen(f64::NAN, 290.0, 37.0), ON_SCREEN_UNMEASURED);
        assert_eq!(rows_on_screen(768.0, f64::NEG_INFINITY, 37.0), ON_SCREEN_UNMEASURED);
        assert_eq!(rows_on_screen(768.0, -1e12, 37.0), 10_000);
    }

    proptest! {
        #[test]
        fn draws_every_kept_row_and_every_row_on_the_screen_in_order(
            page in proptest::collection::vec(0u32..80, 0..60),
            drawn in proptest::collection::vec(0u32..80, 0..60),
            on_screen in 0usize..60,
        ) {
            let keys: Vec<&u32> = page.iter().collect();
            let mask = drawn_now(&keys, &drawn.iter().collect(), on_screen);
            let is_kept = |k: &u32| drawn.contains(k);
            match mask {
                None => prop_assert!(page.iter().enumerate().all(|(i, k)| i < on_screen || is_kept(k)), "all drawn at once only when nothing waits"),
                Some(mask) => {
                    prop_assert_eq!(mask.len(), page.len());
                    prop_assert!(mask.contains(&false));
                    for (i, (k, now)) in page.iter().zip(&mask).enumerate() {
                        // A row is drawn now exactly when it is kept or on the screen.
                        prop_assert_eq!(*now, i < on_screen || is_kept(k), "row {}", i);
                    }
                }
            }
        }

        #[test]
        fn any_measure_gives_a_count_without_panic(h in proptest::num::f64::ANY, top in proptest::num::f64::ANY, row in proptest::num::f64::ANY) {
            prop_assert!(rows_on_screen(h, top, row) <= 10_000);
        }
    }
}
