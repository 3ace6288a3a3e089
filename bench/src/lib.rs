//! plancheck side by side with two peers on the same workload: the regorus Rego interpreter
//! ([`rego`]) and a hand-written loop over typed structs ([`hand`]). Each finds the same
//! violations: a `fail` or an `undeclared` of a rule, for one plan or for a sum over all. The
//! benchmark asserts that the three sets are equal before it times anything.

pub mod engine;
pub mod hand;
pub mod rego;

/// A rule's `fail` or `undeclared`, for a plan (by index) or for a sum (`None`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Violation {
    pub rule: String,
    pub plan: Option<usize>,
    pub outcome: &'static str,
}

/// Violations in a stable order, for comparison.
pub fn sorted(mut v: Vec<Violation>) -> Vec<Violation> {
    v.sort();
    v
}
