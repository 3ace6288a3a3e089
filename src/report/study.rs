//! The report of a scenario study (`report --scenarios`): a row for each plan set, and for
//! each rule how the sets came out and how their tightest margins are spread. Built from
//! each set's findings as the set is checked, so that the sets need not be kept.

use serde::Serialize;

use super::build::{counts, hashed};
use super::{Counts, FileRef};
use crate::check::Checked;
use crate::finding::exact;
use crate::model::{RuleSet, Sources};
use crate::scenario::{Across, RuleAcross, SetOutcome};

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StudyReport {
    pub version: u32,
    pub title: String,
    pub tool: String,
    pub generated: String,
    pub rule_files: Vec<FileRef>,
    pub plans: usize,
    /// One row a set, in input order.
    pub sets: Vec<SetRow>,
    /// One row a rule that had a finding in some set, in rule order.
    pub rules: Vec<RuleRow>,
}

/// One plan set: its findings counted by outcome, as the report of a check counts them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SetRow {
    pub scenario: String,
    pub plans: usize,
    pub counts: Counts,
}

/// One rule across the sets.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RuleRow {
    pub rule: String,
    /// Sets by their outcome of the rule (the worst of their plans').
    pub sets: SetCounts,
    pub margin_unit: String,
    /// How the sets' tightest margins are spread, by nearest rank; `null` when no set had
    /// a margin.
    pub tightest_margin: Option<MarginSpread>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SetCounts {
    pub pass: usize,
    pub reaches_benchmark: usize,
    pub undecided: usize,
    pub short_of_benchmark: usize,
    pub fail: usize,
}

/// Figures written exactly, as decimals.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MarginSpread {
    pub min: String,
    pub quartile1: String,
    pub median: String,
    pub quartile3: String,
    pub max: String,
}

impl MarginSpread {
    /// The figures in order, min to max.
    pub fn figures(&self) -> [&str; 5] {
        [
            &self.min,
            &self.quartile1,
            &self.median,
            &self.quartile3,
            &self.max,
        ]
    }
}

/// A row for the set, from its findings.
pub fn set_row(name: &str, checked: &Checked) -> SetRow {
    SetRow {
        scenario: name.to_string(),
        plans: checked.plans.len(),
        counts: counts(checked.findings.iter()),
    }
}

/// Each rule's row across the sets.
pub fn rule_rows(across: &Across, rules: &RuleSet) -> Vec<RuleRow> {
    across.rules.iter().map(|r| rule_row(r, rules)).collect()
}

fn rule_row(entry: &RuleAcross, rules: &RuleSet) -> RuleRow {
    let rule = &rules.rules[entry.rule];
    RuleRow {
        rule: rule.id.clone(),
        sets: SetCounts {
            pass: entry.count(SetOutcome::Pass),
            reaches_benchmark: entry.count(SetOutcome::ReachesBenchmark),
            undecided: entry.count(SetOutcome::Undecided),
            short_of_benchmark: entry.count(SetOutcome::ShortOfBenchmark),
            fail: entry.count(SetOutcome::Fail),
        },
        margin_unit: rules.requirement_unit(rule).difference().name().to_string(),
        tightest_margin: entry.spread().map(|s| MarginSpread {
            min: exact(s.min),
            quartile1: exact(s.quartile1),
            median: exact(s.median),
            quartile3: exact(s.quartile3),
            max: exact(s.max),
        }),
    }
}

/// The report, once every set is in.
pub fn build_study(
    (sources, rules): (&Sources, &RuleSet),
    sets: Vec<SetRow>,
    across: &Across,
    generated: &str,
) -> StudyReport {
    StudyReport {
        version: 1,
        title: format!("Scenario study: {} plan sets", sets.len()),
        tool: format!("plancheck {}", env!("CARGO_PKG_VERSION")),
        generated: generated.to_string(),
        rule_files: rules
            .files
            .iter()
            .map(|&f| hashed(sources.get(f)))
            .collect(),
        plans: across.plans,
        sets,
        rules: rule_rows(across, rules),
    }
}
