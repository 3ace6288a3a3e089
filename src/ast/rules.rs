//! The syntax tree of a rule file.

use super::{Allow, Loc, Period, Quantity, Spanned};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleFile {
    /// The five-year-plan period the file's rules belong to; none: every period.
    pub period: Option<Spanned<super::PlanPeriod>>,
    pub sources: Vec<SourceDecl>,
    pub indicators: Vec<IndicatorDecl>,
    pub groups: Vec<GroupDecl>,
    pub rules: Vec<RuleDecl>,
    pub assignments: Vec<AssignmentDecl>,
    /// Suppressions for the whole file.
    pub allows: Vec<Allow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDecl {
    pub name: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub address: Option<Spanned<String>>,
    pub allows: Vec<Allow>,
    pub at: Loc,
}

impl SourceDecl {
    /// A source with its name alone, its fields to be read.
    pub(crate) fn named(name: Spanned<String>, at: Loc) -> Self {
        SourceDecl {
            name,
            title: None,
            address: None,
            allows: Vec::new(),
            at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorDecl {
    pub name: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub baseline: Option<Spanned<BaselineNeed>>,
    pub ambition: Option<Spanned<Ambition>>,
    pub resembles: Vec<Spanned<String>>,
    pub allows: Vec<Allow>,
    pub at: Loc,
}

impl IndicatorDecl {
    /// An indicator with its name alone, its fields to be read.
    pub(crate) fn named(name: Spanned<String>, at: Loc) -> Self {
        IndicatorDecl {
            name,
            title: None,
            unit: None,
            baseline: None,
            ambition: None,
            resembles: Vec::new(),
            allows: Vec::new(),
            at,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BaselineNeed {
    Required,
    None,
}

/// Which way a value is more ambitious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ambition {
    Higher,
    Lower,
    Earlier,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDecl {
    pub name: Spanned<String>,
    pub members: Spanned<SetExpr>,
}

/// A set of provinces, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetExpr {
    Every,
    Group(Spanned<String>),
    List(Vec<Spanned<String>>),
    /// A set and the sets combined with it, left to right, all with operators of one
    /// precedence (an intersection inside a union is one term of it). A chain of any length
    /// is one node, so a scope of thousands of terms is a list to walk, not thousands of
    /// levels to recurse through; only brackets nest, and they are limited to 64 levels.
    Chain(Box<Spanned<SetExpr>>, Vec<(SetOp, Spanned<SetExpr>)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    Union,
    Intersect,
    Except,
}

impl SetOp {
    /// `&` binds tighter than `+` and `except`.
    pub fn binds_tighter(self) -> bool {
        self == SetOp::Intersect
    }
}

/// A national total split into a figure for each province: `assignment NAME { ... }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentDecl {
    pub name: Spanned<String>,
    pub title: Option<Spanned<String>>,
    /// `for INDICATOR by YEAR from YEAR`: the target each row assigns.
    pub target: Option<Spanned<AssignedFor>>,
    pub rows: Vec<AssignedRowDecl>,
    pub allows: Vec<Allow>,
    pub at: Loc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedFor {
    pub indicator: Spanned<String>,
    pub period: Period,
}

/// One province's row: its basic figure (and incentive figure), how the figure is known,
/// and where it is said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedRowDecl {
    pub province: Spanned<String>,
    pub basic: Option<Spanned<Quantity>>,
    pub incentive: Option<Spanned<Quantity>>,
    pub status: Option<Spanned<AssignedStatus>>,
    pub cite: Option<Spanned<Cite>>,
    /// The whole row.
    pub at: Loc,
}

/// How an assigned figure is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssignedStatus {
    /// A source states it as the figure the State Council assigned the province.
    Stated,
    /// Known through another body's document, such as a city passing it on.
    Indirect,
    /// Read only from the province's own plan: whether it is the assigned figure is not known.
    OwnPlan,
    /// The province publishes no statistics for the indicator, so it cannot be judged.
    NotAssessable,
}

impl AssignedStatus {
    pub fn name(self) -> &'static str {
        match self {
            AssignedStatus::Stated => "stated",
            AssignedStatus::Indirect => "indirect",
            AssignedStatus::OwnPlan => "own_plan",
            AssignedStatus::NotAssessable => "not_assessable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDecl {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// The `rule ID "title"` header, where rule-wide diagnostics point.
    pub header: Loc,
    /// The whole declaration.
    pub at: Loc,
    pub kind: Option<Spanned<RuleKind>>,
    pub severity: Option<Spanned<Level>>,
    pub undeclared: Option<Spanned<Level>>,
    pub scope: Option<Spanned<ScopeExpr>>,
    pub requirement: Option<Spanned<Requirement>>,
    pub cites: Vec<Cite>,
    pub help: Option<Spanned<String>>,
    pub accepts: Vec<Accept>,
    pub allows: Vec<Allow>,
}

impl RuleDecl {
    /// A rule with its header alone, its fields to be read.
    pub(crate) fn headed(
        id: Spanned<String>,
        title: Spanned<String>,
        header: Loc,
        at: Loc,
    ) -> Self {
        RuleDecl {
            id,
            title,
            header,
            at,
            kind: None,
            severity: None,
            undeclared: None,
            scope: None,
            requirement: None,
            cites: Vec::new(),
            help: None,
            accepts: Vec::new(),
            allows: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleKind {
    Floor,
    Benchmark,
    Aggregate,
    NoFallback,
}

impl RuleKind {
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Floor => "floor",
            RuleKind::Benchmark => "benchmark",
            RuleKind::Aggregate => "aggregate",
            RuleKind::NoFallback => "no_fallback",
        }
    }
}

/// How loudly a finding is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeExpr {
    Each(Spanned<SetExpr>),
    Sum {
        provinces: Spanned<SetExpr>,
        missing: Option<Spanned<MissingPolicy>>,
    },
}

/// What a province that declares nothing adds to a sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MissingPolicy {
    /// Nothing is known: the sum can pass, but never fail.
    Unknown,
    /// It adds zero.
    Zero,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub indicator: Spanned<String>,
    pub period: Period,
    pub condition: Spanned<Condition>,
    /// The condition on one line as the formatter writes it (`>= 13.5 %`), for messages:
    /// the same in every layout of the file, comments left out.
    pub wording: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Compare(Spanned<CmpOp>, Quantity),
    Between(Quantity, Quantity),
    Around {
        value: Quantity,
        tolerance: Quantity,
    },
    /// Against the same province's own target for an earlier year.
    OwnEarlier(Spanned<CmpOp>, Spanned<u16>),
    NoLaterThan(Spanned<u16>),
    NoEarlierThan(Spanned<u16>),
    Qualitative(Spanned<String>),
    /// `as assigned`: each province against its row of the assignment for the same target.
    Assigned,
    /// `as province`: a city's plan against its province's plan, for the same target.
    Province,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Ge => ">=",
            CmpOp::Gt => ">",
            CmpOp::Le => "<=",
            CmpOp::Lt => "<",
            CmpOp::Eq => "==",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub source: Spanned<String>,
    pub locator: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accept {
    pub indicator: Spanned<String>,
    pub how: Spanned<StandIn>,
}

/// How a rule may use another indicator in place of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StandIn {
    /// The other indicator measures the same thing.
    Equivalent,
    /// The other indicator never exceeds this one, so it can show a pass, never a fail.
    LowerBound,
}
