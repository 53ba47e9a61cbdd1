//! The one sort the app uses.
//!
//! The standard library's sorts are generic: each element type sorted
//! puts another copy of the whole algorithm (about 4 KiB of wasm for the
//! stable sort, 3 KiB for the unstable one) into the binary, and so does
//! each `collect` into a `BTreeMap` or `BTreeSet`, which sorts first. The
//! main module had 23 copies, 77 KiB of its 885 KiB. Here the sorting
//! itself runs once, on positions, through a comparison passed as
//! `&dyn Fn`; only the small wrappers are generic. The lists sorted are at
//! most a few thousand records, so the dynamic call costs nothing a
//! patient could notice.
//!
//! `tests/sorts.rs` fails on a standard sort anywhere else in `src/`.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` by the key of each, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives them, equal ones in
/// their own order: the one instantiation of the standard sort.
#[inline(never)]
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves each item to its place by swaps: afterwards the item at `i` is
/// the one that was at `order[i]`. Follows each cycle of the permutation
/// once, marking the places done.
#[inline(never)]
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut current = start;
        while order[current] != DONE {
            let from = order[current];
            order[current] = DONE;
            if from == start {
                break;
            }
            swap(current, from);
            current = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so a failure repeats.
    fn numbers(seed: u64, count: usize, below: u64) -> Vec<u64> {
        let mut state = seed;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % below
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for seed in 0..300 {
            let count = (seed % 40) as usize;
            // Few distinct keys, so equal keys are common; the position
            // tells whether their order was kept.
            let pairs: Vec<(u64, usize)> = numbers(seed, count, 5).into_iter().zip(0..).collect();
            let mut ours = pairs.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = pairs;
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "seed {seed}");
        }
    }

    #[test]
    fn sorts_empty_single_sorted_and_reversed_lists() {
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut sorted: Vec<u32> = (0..50).collect();
        sort(&mut sorted);
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        sort(&mut reversed);
        assert_eq!(reversed, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig"].map(String::from).to_vec();
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "fig", "apple"]);
    }
}
