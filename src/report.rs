//! `plancheck report`: a compliance report across provinces, built from the findings of a
//! check. The report model is what every format renders (Markdown, HTML, JSON, CSV); it
//! gathers and orders findings, and judges nothing again.

mod build;
mod rankings;
pub mod study;

pub use build::{build_report, requirement_text};

use serde::Serialize;

/// A file the report was made from, with a hash of its content.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FileRef {
    pub name: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Provenance {
    pub tool: String,
    pub generated: String,
    pub rule_files: Vec<FileRef>,
    pub plan_files: Vec<FileRef>,
}

/// How many provinces a rule found in each outcome. A finding a waiver covers is counted
/// once, as waived, whatever its outcome, so that the counts add up to the findings.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub undeclared: usize,
    pub not_checkable: usize,
    pub reaches_benchmark: usize,
    pub short_of_benchmark: usize,
    pub waived: usize,
}

/// A national total against the sum of what the provinces declare.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AggregateSummary {
    /// The sum declared, in the requirement's unit.
    pub total: String,
    pub unit: String,
    pub contributors: usize,
    pub in_scope: usize,
    pub outcome: String,
    pub reason: Option<String>,
    pub severity: String,
    pub margin: Option<String>,
    pub margin_unit: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RuleSummary {
    pub rule: String,
    pub title: String,
    pub kind: String,
    pub severity: String,
    pub requirement: String,
    pub citation: String,
    pub counts: Counts,
    pub aggregate: Option<AggregateSummary>,
}

/// One province against one rule.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Cell {
    pub rule: String,
    pub outcome: String,
    pub severity: String,
    pub waived: bool,
    /// The indicator the rule judged in place of its own, where it accepts one.
    pub stand_in: Option<String>,
    pub value: Option<String>,
    /// The unit of `value`: the requirement's.
    pub value_unit: Option<String>,
    pub margin: Option<String>,
    pub margin_unit: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRow {
    /// Whom the plan is for: the province, or `Guang'an (Sichuan)` for a city's plan.
    pub province: String,
    pub province_zh: String,
    /// The city, prefecture or county whose plan it is; absent for a province's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub cells: Vec<Cell>,
}

/// The rules in order, and a row per province with a cell per rule (an empty cell where the
/// rule does not apply to the province).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Matrix {
    pub rules: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

/// The national figure a ranking is held against: a rule on the same indicator and year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NationalFigure {
    pub rule: String,
    pub requirement: String,
    pub value: String,
}

/// A national total a ranking's provinces add up to: an aggregate rule on the same
/// indicator and year, and the sum of what the provinces declare. It is a figure for the
/// country, not for each province.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NationalTotal {
    pub rule: String,
    pub requirement: String,
    /// The national figure, in `unit` (the requirement's).
    pub value: String,
    /// The sum of the provinces' commitments, in `unit`.
    pub sum: Option<String>,
    pub unit: String,
    /// How many provinces contributed to the sum, of how many in the rule's scope.
    pub contributors: usize,
    pub in_scope: usize,
    pub outcome: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RankEntry {
    /// Competition ranking: equal commitments share a rank. `None` for a declaration that
    /// commits to no bound (`at least 2025` for a peak year), listed last.
    pub rank: Option<usize>,
    pub province: String,
    pub province_zh: String,
    /// The figure declared, in the ranking's unit.
    pub value: String,
    /// What the declaration commits to, what it is ranked by: `14.5 %`, `more than 65 %`;
    /// `None` for no bound.
    pub commits_to: Option<String>,
    /// As the plan wrote it: `at least 14.4 %`.
    pub declared: String,
    pub commitment: String,
    /// The target's status as the plan states it (`conflicting`, `secondary`, ...), so that a
    /// soft figure is marked wherever it is shown; `None` when it states none.
    pub status: Option<String>,
    /// The indicator declared in place of the ranking's own, which the national rule
    /// accepts (`renewable_share` for `non_fossil_share`).
    pub stand_in: Option<String>,
    /// Against the national figure, from the finding of its rule.
    pub outcome: Option<String>,
    /// Whether a waiver covers that outcome.
    pub waived: bool,
    pub margin: Option<String>,
}

/// The provinces that declare an indicator for a year, most ambitious first.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Ranking {
    pub indicator: String,
    pub title: String,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
    pub unit: String,
    /// The unit of the margins: that of a difference of the national figure's values.
    pub margin_unit: Option<String>,
    /// The national figure each province is compared with.
    pub national: Option<NationalFigure>,
    /// Or the national total their declarations add up to.
    pub national_total: Option<NationalTotal>,
    pub entries: Vec<RankEntry>,
    /// The provinces with a plan in the run that are not ranked, and why.
    pub left_out: Vec<LeftOut>,
}

/// A province a ranking leaves out.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LeftOut {
    pub province: String,
    pub province_zh: String,
    /// `by_reference` (its target has no figure), `other_baseline` (it measures the cut
    /// from another year) or `undeclared` (it states no target for the year).
    pub reason: String,
    /// The other baseline, for `other_baseline`.
    pub baseline: Option<u16>,
}

/// The waiver that covers a finding, as the plan gives it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WaiverNote {
    pub reason: String,
    pub approved_by: String,
    pub expires: String,
    /// The severity the finding would have had.
    pub severity: String,
}

/// A waiver that is itself a problem: expired (PC031, an error) or with nothing to cover
/// (PC032, a warning).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WaiverProblem {
    pub code: String,
    pub severity: String,
    /// `expired` or `unused`.
    pub status: String,
    pub province: String,
    pub province_zh: String,
    pub rule: String,
    pub reason: String,
    pub approved_by: String,
    pub expires: String,
    pub message: String,
}

/// A rule's verdict on one declared target.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TargetCheck {
    pub rule: String,
    pub requirement: String,
    pub outcome: String,
    pub severity: String,
    pub margin: Option<String>,
    pub margin_unit: Option<String>,
    pub waiver: Option<WaiverNote>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TargetRow {
    pub indicator: String,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
    pub declared: String,
    pub commitment: String,
    /// As the plan states it; `None` when it states none.
    pub status: Option<String>,
    pub status_note: Option<String>,
    pub document: Option<String>,
    pub source: Option<String>,
    pub checks: Vec<TargetCheck>,
}

/// A requirement the plan leaves undeclared, or that cannot be checked against it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OpenRow {
    pub rule: String,
    pub outcome: String,
    pub waiver: Option<WaiverNote>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProvinceSection {
    /// Whom the plan is for: the province, or `Guang'an (Sichuan)` for a city's plan.
    pub province: String,
    pub province_zh: String,
    /// The city, prefecture or county whose plan it is; absent for a province's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub file: String,
    pub title: Option<String>,
    pub counts: Counts,
    pub targets: Vec<TargetRow>,
    pub undeclared: Vec<OpenRow>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report {
    pub version: u32,
    pub title: String,
    pub provenance: Provenance,
    pub summary: Vec<RuleSummary>,
    pub matrix: Matrix,
    pub rankings: Vec<Ranking>,
    pub provinces: Vec<ProvinceSection>,
    /// Waivers that are problems, in plan order.
    pub waivers: Vec<WaiverProblem>,
    /// Notes on the input: sentences of documents not read (PC120), look-alikes (PC121),
    /// targets stated twice (PC122). A report is made only when nothing worse is there.
    pub notes: Vec<InputNote>,
}

/// A note on an input file, where it points.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InputNote {
    pub code: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}
