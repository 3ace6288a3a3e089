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
