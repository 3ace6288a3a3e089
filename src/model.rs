//! Step three's result: rules and plans with every name resolved, every unit converted and
//! every province known. Evaluation works on these alone; spans are kept as [`Site`]s so that
//! findings can point back at the text.

use miette::SourceSpan;
use rust_decimal::Decimal;

pub use crate::ast::{
    Ambition, AssignedStatus, BaselineNeed, CmpOp, Commitment, Level, MissingPolicy, PlanPeriod,
    Qualifier, RuleKind, StandIn, Status, StatusKind,
};
use crate::provinces::{Province, ProvinceSet};
use crate::source::SourceFile;
use crate::units::{Dimension, Unit};

/// An input file, by its index in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Every file read in one run.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
}

/// A place in an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    pub file: FileId,
    pub span: SourceSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorId(pub u16);

#[derive(Debug, Clone)]
pub struct Indicator {
    pub name: String,
    pub title: Option<String>,
    pub unit: Unit,
    pub baseline: BaselineNeed,
    pub ambition: Ambition,
    /// Indicators this one is easily mistaken for; never used in their place unasked.
    pub resembles: Vec<IndicatorId>,
    pub site: Site,
}

impl Indicator {
    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// Whether larger numbers are more ambitious (for years, earlier is, so smaller).
    pub fn higher_is_better(&self) -> bool {
        self.ambition == Ambition::Higher
    }
}

#[derive(Debug, Clone)]
pub struct SourceDoc {
    pub name: String,
    pub title: Option<String>,
    pub address: Option<String>,
    pub site: Site,
}

#[derive(Debug, Clone)]
pub struct Citation {
    pub source: usize,
    pub locator: String,
}

/// A value in a dimension's base unit, with the unit it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub base: Decimal,
    pub unit: Unit,
}

impl Amount {
    /// The value in the unit it was written in.
    pub fn in_own_unit(&self) -> Decimal {
        self.unit.from_base(self.base)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Compare {
        op: CmpOp,
        value: Amount,
    },
    Between {
        low: Amount,
        high: Amount,
    },
    /// One-sided in the direction of ambition: only falling short by more than the
    /// tolerance fails.
    Around {
        value: Amount,
        tolerance: Amount,
    },
    /// Against the same province's own target for an earlier year.
    OwnEarlier {
        op: CmpOp,
        year: u16,
    },
    /// Not numeric ("decrease dramatically"): reported, never judged.
    Qualitative(String),
    /// Each province against its own row of an assignment (index into the rule set's
    /// assignments): below the basic figure fails, short of the incentive figure is a note.
    Assigned {
        table: usize,
    },
    /// A city's plan against its province's plan for the same target: at least as
    /// ambitious. The rule judges the plans of the cities of the provinces in its scope.
    Province,
}

#[derive(Debug, Clone)]
pub struct Requirement {
    pub indicator: IndicatorId,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
    pub condition: Condition,
    /// The condition as written in the rule file, e.g. `>= 13.5 %`.
    pub wording: String,
    pub site: Site,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Each(ProvinceSet),
    Sum {
        provinces: ProvinceSet,
        missing: MissingPolicy,
    },
}

impl Scope {
    pub fn provinces(&self) -> ProvinceSet {
        match self {
            Scope::Each(set) | Scope::Sum { provinces: set, .. } => *set,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub kind: RuleKind,
    pub severity: Level,
    pub undeclared: Level,
    pub scope: Scope,
    pub requirement: Requirement,
    pub cites: Vec<Citation>,
    pub help: Option<String>,
    pub accepts: Vec<(IndicatorId, StandIn)>,
    /// The five-year-plan period of the rule's file; `None`: every period.
    pub period: Option<PlanPeriod>,
    /// The rule's header, `rule ID "title"`.
    pub site: Site,
    /// The whole declaration, in the same file.
    pub at: SourceSpan,
}

impl Rule {
    /// What the rule's figure is to a plan, in words: a requirement, or for a benchmark a
    /// national figure to compare with, which no plan is required to meet.
    pub fn figure_role(&self) -> &'static str {
        match self.kind {
            RuleKind::Benchmark => "national benchmark",
            _ => "required",
        }
    }
}

/// A national total split into a figure for each province, such as the State Council's
/// energy-intensity cuts for 2021-2025.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub name: String,
    pub title: Option<String>,
    pub indicator: IndicatorId,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
    /// One row a province, in the order written.
    pub rows: Vec<AssignedRow>,
    /// The `assignment NAME` header.
    pub site: Site,
}

#[derive(Debug, Clone)]
pub struct AssignedRow {
    pub province: Province,
    /// The figure the province must reach; `None` where it is not assessable.
    pub basic: Option<Amount>,
    /// The more ambitious figure it is encouraged to reach.
    pub incentive: Option<Amount>,
    pub status: AssignedStatus,
    pub cite: Citation,
    /// The row, `province NAME { ... }`.
    pub site: Site,
}

impl AssignedRow {
    /// What the row requires of a province: its basic figure, and its incentive figure,
    /// as conditions in the direction of ambition.
    pub fn conditions(&self, higher_is_better: bool) -> Option<(Condition, Option<Condition>)> {
        let op = if higher_is_better {
            CmpOp::Ge
        } else {
            CmpOp::Le
        };
        let at = |value| Condition::Compare { op, value };
        self.basic.map(|b| (at(b), self.incentive.map(at)))
    }

    /// How the figure is known, in words a reviewer can weigh.
    pub fn status_words(&self) -> &'static str {
        match self.status {
            AssignedStatus::Stated => "stated as assigned by its source",
            AssignedStatus::Indirect => "known indirectly, from another body's document",
            AssignedStatus::OwnPlan => "no State Council source found",
            AssignedStatus::NotAssessable => "not assessable",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub members: ProvinceSet,
    pub site: Site,
}

/// The national rules (or whatever `--rules` gave), resolved.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub indicators: Vec<Indicator>,
    pub sources: Vec<SourceDoc>,
    pub groups: Vec<Group>,
    pub rules: Vec<Rule>,
    pub assignments: Vec<Assignment>,
    /// Indicators by name, so that a lookup does not walk them all: a plan of a hundred
    /// thousand targets looks up as many names.
    pub indicator_names: std::collections::HashMap<String, IndicatorId>,
    /// The rule files, in the order they were read.
    pub files: Vec<FileId>,
    /// The period chosen for the run (`--period`); `None`: every period.
    pub period: Option<PlanPeriod>,
}

impl RuleSet {
    /// The rules that take part in the run: of the chosen period, or of none.
    pub fn in_force_rules(&self) -> impl Iterator<Item = (usize, &Rule)> {
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, r)| PlanPeriod::meet(r.period, self.period))
    }

    pub fn indicator(&self, id: IndicatorId) -> &Indicator {
        &self.indicators[id.0 as usize]
    }

    /// The unit a rule's requirement is written in, in which values and margins are reported.
    pub fn requirement_unit(&self, rule: &Rule) -> Unit {
        match &rule.requirement.condition {
            Condition::Compare { value, .. } | Condition::Around { value, .. } => value.unit,
            Condition::Between { low, .. } => low.unit,
            Condition::OwnEarlier { .. }
            | Condition::Qualitative(_)
            | Condition::Assigned { .. }
            | Condition::Province => self.indicator(rule.requirement.indicator).unit,
        }
    }

    /// The assignment for a target, if one is declared.
    pub fn assignment_for(
        &self,
        indicator: IndicatorId,
        year: Option<u16>,
        baseline: Option<u16>,
    ) -> Option<usize> {
        self.assignments
            .iter()
            .position(|a| a.indicator == indicator && a.year == year && a.baseline == baseline)
    }

    /// A province's row of an assignment.
    pub fn assigned_row(&self, table: usize, province: Province) -> Option<(usize, &AssignedRow)> {
        self.assignments[table]
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.province == province)
    }

    /// A row saying that `province` publishes no statistics for `indicator`, in any
    /// assignment of it: no rule on the indicator can judge the province.
    pub fn unassessable(
        &self,
        indicator: IndicatorId,
        province: Province,
    ) -> Option<(usize, usize)> {
        self.assignments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.indicator == indicator)
            .find_map(|(t, a)| {
                a.rows
                    .iter()
                    .position(|r| {
                        r.province == province && r.status == AssignedStatus::NotAssessable
                    })
                    .map(|r| (t, r))
            })
    }

    pub fn find_indicator(&self, name: &str) -> Option<IndicatorId> {
        self.indicator_names.get(name).copied()
    }

    /// Adds an indicator, findable by name.
    pub fn add_indicator(&mut self, indicator: Indicator) -> IndicatorId {
        let id = IndicatorId(self.indicators.len() as u16);
        self.indicator_names.insert(indicator.name.clone(), id);
        self.indicators.push(indicator);
        id
    }
}

/// A declared value: a number with its qualifier, or a reference to the national target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    ByReference,
    Value {
        qualifier: Qualifier,
        amount: Amount,
    },
}

impl Declared {
    pub fn qualifier(&self) -> Qualifier {
        match self {
            Declared::ByReference => Qualifier::ByReference,
            Declared::Value { qualifier, .. } => *qualifier,
        }
    }
}

/// A plan's target: what the rules check, with the rest kept apart in `detail`, so that an
/// evaluation over many plans reads a few bytes of each target rather than all it says.
#[derive(Debug, Clone)]
pub struct Target {
    pub indicator: IndicatorId,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
    pub value: Declared,
    pub detail: Box<TargetDetail>,
}

/// What a target says besides its figure: how it was written, how firm, where from.
#[derive(Debug, Clone)]
pub struct TargetDetail {
    /// The number exactly as the plan wrote it; empty for a value by reference.
    pub written: String,
    pub commitment: Commitment,
    pub status: Option<Status>,
    pub document: Option<String>,
    pub source: Option<String>,
    /// The declared value in the plan text.
    pub site: Site,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub file: FileId,
    pub province: Province,
    /// The division below the province the plan is for; `None` for the province's own.
    pub city: Option<crate::cities::City>,
    pub title: Option<String>,
    pub issued: Option<String>,
    /// The five-year-plan period the plan belongs to: as it states, or as its issue date
    /// says; `None` when neither tells, and then every rule applies.
    pub period: Option<PlanPeriod>,
    pub targets: Vec<Target>,
    pub waivers: Vec<Waiver>,
    /// The plan's `province` line, where findings about undeclared targets point.
    pub header: Site,
}

impl Plan {
    /// Whom the plan is for: `Sichuan`, or `Guang'an (Sichuan)` for a city's.
    pub fn name(&self) -> String {
        match self.city {
            Some(city) => city.to_string(),
            None => self.province.english().to_string(),
        }
    }

    /// The plan's key in a run: its province, and its city if it is a city's.
    pub fn whose(&self) -> (crate::provinces::Province, Option<crate::cities::City>) {
        (self.province, self.city)
    }
}

/// A rule waived for one plan: its findings are reported as waived until `expires`.
#[derive(Debug, Clone)]
pub struct Waiver {
    /// Index into the rule set's rules.
    pub rule: usize,
    pub reason: String,
    pub approved_by: String,
    pub expires: time::Date,
    /// The `waive RULE` line.
    pub site: Site,
}
