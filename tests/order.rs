//! The one sort the app's orders share.

use caseboard::model::order::sorted_indices;
use proptest::prelude::*;

proptest! {
    /// The result is a permutation of `0..n`, in the order the comparison gives.
    #[test]
    fn a_sorted_permutation(keys in proptest::collection::vec(-50i32..50, 0..60)) {
        let order = sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
        let mut seen = order.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..keys.len()).collect::<Vec<_>>());
        prop_assert!(order.windows(2).all(|w| (keys[w[0]], w[0]) < (keys[w[1]], w[1])));
    }
}
