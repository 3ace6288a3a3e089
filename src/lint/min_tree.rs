//! The least rule index at or after a position, for the lints that compare many rules on
//! one target in O(n log n) rather than pair by pair.

/// The least value at or after a position, with values only ever lowered: a Fenwick tree
/// over the positions in reverse.
pub struct SuffixMin(Vec<usize>);

impl SuffixMin {
    pub fn new(len: usize) -> Self {
        SuffixMin(vec![usize::MAX; len + 1])
    }

    pub fn lower(&mut self, at: usize, value: usize) {
        let mut i = self.0.len() - 1 - at;
        while i < self.0.len() {
            self.0[i] = self.0[i].min(value);
            i += i & i.wrapping_neg();
        }
    }

    pub fn min_from(&self, at: usize) -> usize {
        let mut i = self.0.len() - 1 - at;
        let mut least = usize::MAX;
        while i > 0 {
            least = least.min(self.0[i]);
            i -= i & i.wrapping_neg();
        }
        least
    }
}

/// Random rule sets on one target, for checking the sweeps against every pair compared.
#[cfg(test)]
pub mod random {
    use rust_decimal::Decimal;

    use crate::eval::judge::{End, Interval};

    fn end(rng: &mut fastrand::Rng) -> Option<End> {
        let value = Decimal::from(rng.i64(0..4));
        let end = End {
            value,
            inclusive: rng.bool(),
        };
        rng.bool().then_some(end)
    }

    /// Up to eleven rules, numbered in file order, each accepting some value: a rule
    /// never accepts none (`between` is closed, and reversed bounds are refused).
    pub fn rules(rng: &mut fastrand::Rng) -> Vec<(usize, Interval)> {
        (0..rng.usize(1..12))
            .map(|i| {
                let (mut low, mut high) = (end(rng), end(rng));
                if let (Some(l), Some(h)) = (&mut low, &mut high) {
                    if l.value > h.value {
                        std::mem::swap(l, h);
                    }
                    if l.value == h.value {
                        (l.inclusive, h.inclusive) = (true, true);
                    }
                }
                (i, Interval { low, high })
            })
            .collect()
    }
}
