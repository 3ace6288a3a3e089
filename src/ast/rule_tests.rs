//! The syntax tree of a rule-test file.

use super::{Loc, PlanFile, Quantity, Spanned};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TestFile {
    pub tests: Vec<TestDecl>,
}

/// A named case: one or more plans, and the outcomes they must produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestDecl {
    pub name: Spanned<String>,
    pub plans: Vec<TestPlan>,
    pub expects: Vec<Expectation>,
    pub head: Loc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestPlan {
    /// A plan written in the test, in the plan language.
    Inline(Box<PlanFile>),
    /// A plan file, relative to the test file.
    File(Spanned<String>),
}

/// `expect RULE [for PROVINCE] OUTCOME [margin NUMBER UNIT]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub rule: Spanned<String>,
    pub province: Option<Spanned<String>>,
    pub outcome: Spanned<ExpectedOutcome>,
    pub margin: Option<Quantity>,
    pub at: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExpectedOutcome {
    Pass,
    Fail,
    Undeclared,
    NotCheckable,
    ReachesBenchmark,
    ShortOfBenchmark,
    Waived,
}

impl ExpectedOutcome {
    pub fn name(self) -> &'static str {
        match self {
            ExpectedOutcome::Pass => "pass",
            ExpectedOutcome::Fail => "fail",
            ExpectedOutcome::Undeclared => "undeclared",
            ExpectedOutcome::NotCheckable => "not_checkable",
            ExpectedOutcome::ReachesBenchmark => "reaches_benchmark",
            ExpectedOutcome::ShortOfBenchmark => "short_of_benchmark",
            ExpectedOutcome::Waived => "waived",
        }
    }
}
