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
