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

/// Where the next row at each position goes, once the drawn rows no position
/// names have left: the rows are placed in their order, so each goes just
/// before the first kept row not placed yet, or at the end when none is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A kept row already where it belongs: nothing to move.
    Stays,
    /// Before the drawn row at this position (a kept row, not yet placed).
    Before(usize),
    AtEnd,
}

/// Which of `drawn` rows a `plan` keeps; the others leave.
pub fn kept(from: &[Option<usize>], drawn: usize) -> Vec<bool> {
    let mut kept = vec![false; drawn];
    for &i in from.iter().flatten() {
        kept[i] = true;
    }
    kept
}

/// The places of the next rows, from their `plan` and the drawn rows it `kept`.
pub fn places(from: &[Option<usize>], kept: &[bool]) -> Vec<Place> {
    let mut placed = vec![false; kept.len()];
    // The kept rows not yet placed, in the order they stand: the first is where the next row goes.
    let mut waiting = (0..kept.len()).filter(|&i| kept[i]).peekable();
    from.iter()
        .map(|&from| {
            while waiting.next_if(|&i| placed[i]).is_some() {}
            let next = waiting.peek().copied();
            if let Some(i) = from {
                placed[i] = true;
            }
            match next {
                Some(n) if from == Some(n) => Place::Stays,
                Some(n) => Place::Before(n),
                None => Place::AtEnd,
            }
        })
        .collect()
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

    /// The rows as the body holds them after the plan and its places are
    /// carried out as the edge does: the drawn rows no one keeps removed, then
    /// each next row moved or built where its place says.
    fn body_after(drawn: &[u8], next: &[u8]) -> Vec<u8> {
        let from = plan(&drawn.iter().collect::<Vec<_>>(), &next.iter().collect::<Vec<_>>());
        let kept = kept(&from, drawn.len());
        let mut body: Vec<u8> = drawn.iter().zip(&kept).filter(|(_, k)| **k).map(|(d, _)| *d).collect();
        for ((&key, from), place) in next.iter().zip(&from).zip(places(&from, &kept)) {
            assert_eq!(from.map(|i| drawn[i]).unwrap_or(key), key);
            match place {
                Place::Stays => assert!(from.is_some() && body.contains(&key), "only a kept row stays"),
                Place::Before(i) => {
                    body.retain(|k| *k != key);
                    let at = body.iter().position(|k| *k == drawn[i]).expect("placed before a row the body holds");
                    body.insert(at, key);
                }
                Place::AtEnd => {
                    body.retain(|k| *k != key);
                    body.push(key);
                }
            }
        }
        body
    }

    #[test]
    fn rows_are_moved_only_when_their_order_changes() {
        let moves = |drawn: &[u8], next: &[u8]| {
            let from = plan(&drawn.iter().collect::<Vec<_>>(), &next.iter().collect::<Vec<_>>());
            places(&from, &kept(&from, drawn.len())).into_iter().filter(|p| *p != Place::Stays).count()
        };
        // Narrowing drops rows and keeps the others' order: nothing moves, the new rows come at the end.
        assert_eq!(moves(&[1, 2, 3, 4], &[1, 3, 4, 9]), 1);
        assert_eq!(moves(&[1, 2, 3], &[3, 1, 2]), 1);
        assert_eq!(body_after(&[1, 2, 3], &[3, 1, 2]), vec![3, 1, 2]);
        assert_eq!(body_after(&[1, 2, 3], &[]), Vec::<u8>::new());
    }

    proptest! {
        /// Whatever was drawn and whatever comes next, the body ends holding the next rows, in
        /// their order.
        #[test]
        fn the_body_ends_with_the_next_rows_in_order(
            drawn in proptest::collection::hash_set(0u8..40, 0..30),
            next in proptest::collection::hash_set(0u8..40, 0..30).prop_map(|s| s.into_iter().collect::<Vec<_>>()).prop_shuffle(),
        ) {
            let drawn: Vec<u8> = drawn.into_iter().collect();
            prop_assert_eq!(body_after(&drawn, &next), next);
        }


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
