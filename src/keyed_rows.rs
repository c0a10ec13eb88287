//! How the rows a list has drawn become the rows it must draw next, by key:
//! which stay (a row is never built again while its key is on the page), in
//! which order, and which are new. The browser edge (`web::table_rows`)
//! carries the plan out on a table's body; this part is pure and tested
//! natively.

use std::collections::HashMap;
use std::hash::Hash;

/// Where each of the next rows comes from, in their order: `Some(i)` is the
/// drawn row at position `i`, kept; `None` is a row to build. A drawn row no
/// position names leaves. A key given twice (which a list's keys never are)
/// keeps the drawn row once and builds the other.
pub fn plan<K: Eq + Hash>(drawn: &[&K], next: &[&K]) -> Vec<Option<usize>> {
    let mut at: HashMap<&K, usize> = drawn.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    next.iter().map(|k| at.remove(k)).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plan carried out as the edge does: the kept rows stay the same
    /// values (here, the drawn key with its old position), the new ones built.
    fn carried_out(drawn: &[u8], next: &[u8]) -> Vec<(u8, Option<usize>)> {
        let d: Vec<&u8> = drawn.iter().collect();
        let n: Vec<&u8> = next.iter().collect();
        plan(&d, &n).into_iter().zip(next).map(|(from, &k)| (from.map_or(k, |i| drawn[i]), from)).collect()
    }

    #[test]
    fn kept_rows_are_found_where_they_were() {
        assert_eq!(carried_out(&[1, 2, 3], &[3, 4, 1]), vec![(3, Some(2)), (4, None), (1, Some(0))]);
        assert_eq!(carried_out(&[], &[5, 6]), vec![(5, None), (6, None)]);
        assert_eq!(carried_out(&[5, 6], &[]), vec![]);
    }

    proptest! {
        /// The next rows come out in their order, each drawn row is kept at
        /// most once, and a row is built only when its key was not drawn.
        #[test]
        fn the_next_rows_are_drawn_and_only_new_keys_are_built(
            drawn in proptest::collection::hash_set(0u8..40, 0..30),
            next in proptest::collection::hash_set(0u8..40, 0..30),
        ) {
            let drawn: Vec<u8> = drawn.into_iter().collect();
            let next: Vec<u8> = next.into_iter().collect();
            let out = carried_out(&drawn, &next);
            prop_assert_eq!(out.iter().map(|(k, _)| *k).collect::<Vec<_>>(), next.clone());
            let kept: Vec<usize> = out.iter().filter_map(|(_, from)| *from).collect();
            let mut unique = kept.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), kept.len());
            for (k, from) in &out {
                prop_assert_eq!(from.is_none(), !drawn.contains(k));
            }
        }
    }
}
