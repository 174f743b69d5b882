//! Orders of indices, all made by one sort.
//!
//! Every `sort_by` with a closure of its own is a copy of the standard library's sort, kilobytes
//! of wasm apiece; the orders made here share a single copy. A `collect` into a `BTreeMap` or
//! `BTreeSet` sorts too (one copy per element type), so maps and sets are filled by inserting,
//! except sets of `String`, whose one copy the app keeps.

use std::cmp::Ordering;

/// The indices `0..n`, ordered by `compare`, which must be a total order (break ties by index).
pub fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b));
    order
}
