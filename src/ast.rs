//! Step two: the typed syntax tree. Every node carries the byte span it came from;
//! spans never take part in equality, so two trees that say the same thing compare equal.

mod plan;
mod rule_tests;
mod rules;

pub use plan::*;
pub use rule_tests::*;
pub use rules::*;

use miette::SourceSpan;
use rust_decimal::Decimal;

/// A node and where it was written.
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub node: T,
    pub span: SourceSpan,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: impl Into<SourceSpan>) -> Self {
        Spanned {
            node,
            span: span.into(),
        }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T: Eq> Eq for Spanned<T> {}

/// A place in the source that takes no part in equality, like the span of a [`Spanned`].
#[derive(Debug, Clone, Copy)]
pub struct Loc(pub SourceSpan);

impl PartialEq for Loc {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Loc {}

impl Loc {
    pub fn span(self) -> SourceSpan {
        self.0
    }
}

/// A lint suppressed with its reason: `allow PC015 because "..."`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow {
    pub code: Spanned<String>,
    pub reason: Spanned<String>,
    pub at: Loc,
}

/// A number exactly as written, and its exact decimal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub text: String,
    pub value: Decimal,
}

/// A number with the unit written after it (the unit's name is resolved later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub number: Spanned<Number>,
    pub unit: Option<Spanned<String>>,
}

/// The year a target is for and the year it is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub year: Option<Spanned<u16>>,
    pub baseline: Option<Spanned<u16>>,
}

/// A five-year-plan period, to which national requirements and provincial targets belong.
/// National requirements differ by period (in the 15th, CO2 intensity is measured from
/// 2025), so a rule file states its period and a plan is judged by the rules of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanPeriod {
    /// The 14th five-year plan, 2021-2025.
    Fourteenth,
    /// The 15th five-year plan, 2026-2030.
    Fifteenth,
}

impl PlanPeriod {
    pub const ALL: [PlanPeriod; 2] = [PlanPeriod::Fourteenth, PlanPeriod::Fifteenth];

    pub fn name(self) -> &'static str {
        match self {
            PlanPeriod::Fourteenth => "14th",
            PlanPeriod::Fifteenth => "15th",
        }
    }

    pub fn parse(word: &str) -> Option<PlanPeriod> {
        PlanPeriod::ALL.into_iter().find(|p| p.name() == word)
    }

    /// The first and last year of the period.
    pub fn years(self) -> (u16, u16) {
        match self {
            PlanPeriod::Fourteenth => (2021, 2025),
            PlanPeriod::Fifteenth => (2026, 2030),
        }
    }

    /// Whether a rule of period `rule` judges a plan of period `plan`: one of no stated
    /// period goes with every period.
    #[inline]
    pub fn meet(rule: Option<PlanPeriod>, plan: Option<PlanPeriod>) -> bool {
        match (rule, plan) {
            (Some(r), Some(p)) => r == p,
            _ => true,
        }
    }

    /// The period a year falls in, if plancheck knows one.
    pub fn of_year(year: u16) -> Option<PlanPeriod> {
        PlanPeriod::ALL.into_iter().find(|p| {
            let (first, last) = p.years();
            (first..=last).contains(&year)
        })
    }
}
