//! The app's one sort.
//!
//! Every `sort_by` of the standard library with its own element type and comparison is a copy
//! of its own of the whole driftsort (4-5 KB of wasm each, and five of them sat in the first
//! download). Here only `[u32]` is sorted, by a comparison behind `dyn`: a list is sorted as
//! the positions of its items, then its items are put in that order. It is stable, as
//! `<[T]>::sort_by` is. Use these instead of the slice methods (`tests/one_sort.rs` checks).

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives the items at them, equal ones in position
/// order: the only instantiation of the standard library's sort the app needs.
pub fn sorted_positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    // `u32`: a list the app sorts is far below four thousand million items, and half the
    // memory of `usize` positions on a 64-bit build.
    debug_assert!(u32::try_from(len).is_ok(), "{len} items");
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Puts `items` in the order `order` names: afterwards `items[i]` is what was at `order[i]`.
/// `order` must hold each of `0..items.len()` once; it is used up (every entry becomes its own
/// position).
fn put_in_order<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        // Each cycle of the permutation is walked once, its first place holding what the
        // cycle's next place wants, until the cycle comes back to where it started.
        let mut here = start;
        loop {
            let from = order[here] as usize;
            order[here] = here as u32;
            if from == start || from == here {
                break;
            }
            items.swap(here, from);
            here = from;
        }
    }
}

/// A stable sort of `items` by `cmp`, as `<[T]>::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = sorted_positions(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    put_in_order(items, &mut order);
}

/// A stable sort of `items` by `key`, as `<[T]>::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// A stable sort of `items` by a key worked out once per item, as `<[T]>::sort_by_cached_key`.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order = sorted_positions(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    put_in_order(items, &mut order);
}

/// `items` sorted, each once: what collecting into a `BTreeSet` gives, without a copy of the
/// standard sort of its own for each element type (`BTreeSet::from_iter` sorts with one).
pub fn sorted_unique<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = items.into_iter().collect();
    sort(&mut out);
    out.dedup();
    out
}

/// Sorts `items` in their natural order, as `<[T]>::sort` (and `sort_unstable`: equal items of
/// an `Ord` type are alike for every list the app sorts this way).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_short_lists_and_keeps_equal_items_in_their_order() {
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut names = vec!["Đồng Tháp".to_string(), "An Giang".into(), "Cần Thơ".into()];
        sort(&mut names);
        assert_eq!(names, ["An Giang", "Cần Thơ", "Đồng Tháp"]);
    }

    #[test]
    fn a_reversed_comparison_sorts_descending() {
        let mut xs = vec![3, 9, 1, 9, 4];
        sort_by(&mut xs, |a, b| b.cmp(a));
        assert_eq!(xs, [9, 9, 4, 3, 1]);
    }

    proptest! {
        // The standard library's stable sort is the reference: same order, equal keys included
        // (the tag tells equal keys apart), for every helper.
        #[test]
        fn every_helper_orders_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..200)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().enumerate().map(|(i, k)| (k, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|x| x.0);

            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by, &expected);

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |x| x.0);
            prop_assert_eq!(&by_key, &expected);

            let mut calls = 0;
            let mut cached = items.clone();
            sort_by_cached_key(&mut cached, |x| { calls += 1; x.0 });
            prop_assert_eq!(&cached, &expected);
            prop_assert!(items.len() < 2 || calls == items.len());

            let unique = sorted_unique(items.iter().map(|x| x.0));
            prop_assert_eq!(unique, items.iter().map(|x| x.0).collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>());

            let mut natural = items.clone();
            sort(&mut natural);
            let mut reference = items;
            reference.sort();
            prop_assert_eq!(natural, reference);
        }

        #[test]
        fn put_in_order_applies_any_permutation(perm in Just((0..60u32).collect::<Vec<_>>()).prop_shuffle()) {
            let items: Vec<String> = (0..perm.len()).map(|i| format!("item {i}")).collect();
            let expected: Vec<String> = perm.iter().map(|&p| items[p as usize].clone()).collect();
            let mut moved = items;
            let mut order = perm.clone();
            put_in_order(&mut moved, &mut order);
            prop_assert_eq!(moved, expected);
        }
    }
}
