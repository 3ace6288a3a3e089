//! Step five: findings. One per rule and province in scope (one per aggregate rule), each
//! carrying everything a renderer shows: outcome, severity, values, margin and message.
//! Renderers format findings; they never judge again.

mod message;
mod show;

pub use message::declared_words;
pub use message::describe;
pub use show::{exact, show_amount, show_difference, show_interval, show_value};

use rust_decimal::Decimal;

use crate::eval::judge::Interval;
use crate::model::{IndicatorId, Level, StandIn};
use crate::provinces::Province;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Pass,
    Fail,
    Undeclared,
    NotCheckable,
    /// A benchmark's national figure reached: where the plan stands, never a verdict.
    ReachesBenchmark,
    /// A benchmark's national figure not reached. A benchmark compares a province with a
    /// figure it was never required to meet, so this is a comparison, never a failure.
    ShortOfBenchmark,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Undeclared => "undeclared",
            Outcome::NotCheckable => "not_checkable",
            Outcome::ReachesBenchmark => "reaches_benchmark",
            Outcome::ShortOfBenchmark => "short_of_benchmark",
        }
    }

    /// The mark of the outcome in a table (the HTML heat map, the human output's table).
    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Pass => "✓",
            Outcome::Fail => "✗",
            Outcome::Undeclared => "·",
            Outcome::NotCheckable => "?",
            Outcome::ReachesBenchmark => "●",
            Outcome::ShortOfBenchmark => "○",
        }
    }

    pub fn from_name(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == name)
    }

    pub const ALL: [Outcome; 6] = [
        Outcome::Pass,
        Outcome::Fail,
        Outcome::Undeclared,
        Outcome::NotCheckable,
        Outcome::ReachesBenchmark,
        Outcome::ShortOfBenchmark,
    ];

    /// The figure compared lies inside what the rule accepts (a pass, or a benchmark
    /// reached).
    pub fn is_inside(self) -> bool {
        matches!(self, Outcome::Pass | Outcome::ReachesBenchmark)
    }

    /// The figure compared lies outside what the rule accepts (a fail, or a benchmark not
    /// reached).
    pub fn is_outside(self) -> bool {
        matches!(self, Outcome::Fail | Outcome::ShortOfBenchmark)
    }

    pub fn is_benchmark(self) -> bool {
        matches!(self, Outcome::ReachesBenchmark | Outcome::ShortOfBenchmark)
    }

    /// What a benchmark rule's verdict says: where the plan stands, not whether it passed.
    pub fn as_benchmark(self) -> Outcome {
        match self {
            Outcome::Pass => Outcome::ReachesBenchmark,
            Outcome::Fail => Outcome::ShortOfBenchmark,
            other => other,
        }
    }
}

/// A finding's level; a pass is reported at none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    None,
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl From<Level> for Severity {
    fn from(level: Level) -> Severity {
        match level {
            Level::Note => Severity::Note,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

/// Why a finding is not a plain pass or fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// "Meet the nationally assigned target": no number to compare.
    ByReference,
    /// The requirement itself is not numeric.
    Qualitative,
    /// The plan measures the target from another baseline year than the rule.
    BaselineMismatch { declared: Option<u16> },
    /// The declaration allows values on both sides of the requirement.
    OpenEnded,
    /// A lower-bound stand-in does not reach the requirement, which says nothing of the
    /// indicator itself.
    StandInShort,
    /// An aggregate whose missing provinces could still change the verdict.
    NotEnoughData,
    /// A no-fallback rule with no earlier target to compare with.
    NoEarlierTarget { year: u16 },
    /// The province publishes no statistics for the indicator (an assignment says so).
    NotAssessable,
    /// `as assigned`, and no figure is known for the province.
    NoAssignment,
    /// `as province`, and the run holds no plan of the city's province.
    NoProvincePlan,
    /// `as province`, and the province's plan declares no target to compare with.
    ProvinceUndeclared,
    /// `as province`, and the province's own target is declared by reference.
    ProvinceByReference,
}

impl Reason {
    pub fn name(&self) -> &'static str {
        match self {
            Reason::ByReference => "by_reference",
            Reason::Qualitative => "qualitative",
            Reason::BaselineMismatch { .. } => "baseline_mismatch",
            Reason::OpenEnded => "open_ended",
            Reason::StandInShort => "stand_in_short",
            Reason::NotEnoughData => "not_enough_data",
            Reason::NoEarlierTarget { .. } => "no_earlier_target",
            Reason::NotAssessable => "not_assessable",
            Reason::NoAssignment => "no_assignment",
            Reason::NoProvincePlan => "no_province_plan",
            Reason::ProvinceUndeclared => "province_undeclared",
            Reason::ProvinceByReference => "province_by_reference",
        }
    }
}

/// Another indicator's target, used in place of the rule's own or mentioned beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandInUse {
    pub indicator: IndicatorId,
    pub target: usize,
    /// How the rule accepts it; `None` when it was seen but not accepted.
    pub accepted: Option<StandIn>,
}

/// A province's row of an assignment, used in a finding: as what the rule requires, as
/// what a declaration by reference stands for, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssignedUse {
    /// Index into the rule set's assignments, and into its rows.
    pub table: usize,
    pub row: usize,
    /// The plan declares the target by reference, read as the row's basic figure.
    pub by_reference: bool,
    /// The rule requires the row's figures (`as assigned`).
    pub required: bool,
    /// Reaches the basic figure, but not the incentive figure.
    pub short_of_incentive: bool,
}

/// A province's part in an aggregate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributor {
    pub province: Province,
    pub plan: usize,
    pub target: usize,
    /// The declared value in the requirement's unit.
    pub value: Decimal,
}

/// A finding a plan's waiver covers, and the severity it would have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waived {
    /// Index into the plan's waivers.
    pub waiver: usize,
    pub severity: Severity,
}

/// A waiver that is itself a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaiverIssue {
    pub plan: usize,
    pub waiver: usize,
    pub problem: WaiverProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaiverProblem {
    /// Past its date: it covers nothing, and is an error.
    Expired,
    /// Nothing at warning level or above to cover: a warning.
    Unused,
}

impl WaiverProblem {
    pub fn code(self) -> &'static str {
        match self {
            WaiverProblem::Expired => "PC031",
            WaiverProblem::Unused => "PC032",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            WaiverProblem::Expired => Severity::Error,
            WaiverProblem::Unused => Severity::Warning,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            WaiverProblem::Expired => "expired",
            WaiverProblem::Unused => "unused",
        }
    }
}

impl WaiverIssue {
    pub fn message(&self, rules: &crate::model::RuleSet, plans: &[crate::model::Plan]) -> String {
        let plan = &plans[self.plan];
        let waiver = &plan.waivers[self.waiver];
        let rule = &rules.rules[waiver.rule].id;
        match self.problem {
            WaiverProblem::Expired => format!(
                "{}: the waiver of `{rule}` expired on {}, so it covers nothing",
                plan.province, waiver.expires
            ),
            WaiverProblem::Unused => format!(
                "{}: the waiver of `{rule}` covers nothing: the rule raises nothing at warning level or above for this plan",
                plan.province
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index into the rule set's rules.
    pub rule: usize,
    /// Index into the plans checked; `None` for an aggregate.
    pub plan: Option<usize>,
    pub province: Option<Province>,
    pub outcome: Outcome,
    pub severity: Severity,
    pub reason: Option<Reason>,
    /// The target compared, or shown beside the outcome; index into the plan's targets.
    pub target: Option<usize>,
    pub stand_in: Option<StandInUse>,
    pub assigned: Option<AssignedUse>,
    /// The earlier target a no-fallback rule compared with.
    pub earlier: Option<usize>,
    /// The province's plan and target an `as province` rule compared a city's with.
    pub counterpart: Option<(usize, usize)>,
    /// The value compared (a sum for aggregates), in the requirement's unit.
    pub value: Option<Decimal>,
    /// How far inside (positive) or outside (negative) the requirement, in the unit of a
    /// difference of the requirement's values (pp for %).
    pub margin: Option<Decimal>,
    /// A pass of an `around` requirement that falls short by no more than the tolerance.
    pub within_tolerance: bool,
    pub contributors: Vec<Contributor>,
    /// Provinces in an aggregate's scope that contributed nothing.
    pub missing: Vec<Province>,
    /// Those of `missing` with no plan in the run at all.
    pub without_plan: Vec<Province>,
    /// What the declaration allows and what the requirement accepts, in base units.
    pub declared_set: Option<Interval>,
    pub accepted_set: Option<Interval>,
    /// The comparison made, e.g. `14.5 % ∈ [13.5, ∞) %`.
    pub comparison: Option<String>,
    /// Set when a waiver in the plan covers this finding.
    pub waived: Option<Waived>,
    pub message: String,
}

impl Finding {
    /// A finding with nothing yet known but its rule, plan and province.
    pub fn new(rule: usize, plan: Option<usize>, province: Option<Province>) -> Finding {
        Finding {
            rule,
            plan,
            province,
            outcome: Outcome::Undeclared,
            severity: Severity::None,
            reason: None,
            target: None,
            stand_in: None,
            assigned: None,
            earlier: None,
            counterpart: None,
            value: None,
            margin: None,
            within_tolerance: false,
            contributors: Vec::new(),
            missing: Vec::new(),
            without_plan: Vec::new(),
            declared_set: None,
            accepted_set: None,
            comparison: None,
            waived: None,
            message: String::new(),
        }
    }
}

/// Counts of findings by outcome and by severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub plans: usize,
    pub rules: usize,
    pub pass: usize,
    pub fail: usize,
    pub undeclared: usize,
    pub not_checkable: usize,
    pub reaches_benchmark: usize,
    pub short_of_benchmark: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub waived: usize,
}

impl Summary {
    /// Counts findings by outcome and severity, waived ones apart, and the waivers that are
    /// problems by their own severity.
    pub fn of(findings: &[Finding], issues: &[WaiverIssue], plans: usize, rules: usize) -> Summary {
        let mut s = Summary {
            plans,
            rules,
            ..Summary::default()
        };
        for issue in issues {
            match issue.problem.severity() {
                Severity::Error => s.errors += 1,
                _ => s.warnings += 1,
            }
        }
        for f in findings {
            *match f.outcome {
                Outcome::Pass => &mut s.pass,
                Outcome::Fail => &mut s.fail,
                Outcome::Undeclared => &mut s.undeclared,
                Outcome::NotCheckable => &mut s.not_checkable,
                Outcome::ReachesBenchmark => &mut s.reaches_benchmark,
                Outcome::ShortOfBenchmark => &mut s.short_of_benchmark,
            } += 1;
            match (f.waived, f.severity) {
                (Some(_), _) => s.waived += 1,
                (None, Severity::Error) => s.errors += 1,
                (None, Severity::Warning) => s.warnings += 1,
                (None, Severity::Note) => s.notes += 1,
                (None, Severity::None) => {}
            }
        }
        s
    }
}
