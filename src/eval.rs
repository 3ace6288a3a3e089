//! Step four: evaluation. Every rule meets every plan in its scope; an aggregate rule meets
//! all plans at once. The verdicts are made here and only here.
//!
//! The rules are first compiled into a [`Program`]. [`Program::run`] gives each verdict in
//! brief, with no text built; [`evaluate`] makes every verdict into a full [`Finding`].

mod aggregate;
mod decide;
mod each;
pub mod judge;
mod lookup;
mod program;
mod waivers;

pub use program::Program;
pub use waivers::apply_waivers;

use aggregate::Totals;
use decide::{Decision, decide};
use lookup::Hits;
use program::Check;

use crate::finding::{Finding, Outcome, Severity, describe};
use crate::model::{Plan, RuleSet};
use crate::provinces::ProvinceSet;

/// A finding in brief: whose, and what came of it. Waivers are applied to findings, not
/// here. Indices are `u32` so that a brief takes 12 bytes: collecting millions of them is
/// part of what a scenario study pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Brief {
    /// Index into the rule set's rules.
    pub rule: u32,
    /// Index into the plans; `None` for an aggregate.
    pub plan: Option<u32>,
    pub outcome: Outcome,
    pub severity: Severity,
}

/// Findings in a stable order: plan by plan in the order given, each in rule order, then
/// one finding per aggregate rule.
pub fn evaluate(rules: &RuleSet, plans: &[Plan]) -> Vec<Finding> {
    if plans.is_empty() {
        return Vec::new();
    }
    let program = Program::compile(rules);
    let mut findings = Vec::new();
    let (totals, with_plan) = program.walk(plans, |p, check, d| {
        findings.push(each::finding(rules, check.rule, plans, p, d));
    });
    for (sum, total) in program.sums.iter().zip(&totals) {
        findings.push(total.finding(sum, rules, with_plan));
    }
    for finding in &mut findings {
        finding.message = describe(finding, rules, plans);
    }
    findings
}

impl Program {
    /// Calls `visit` with every finding in brief, in the order of [`evaluate`].
    ///
    /// # Panics
    /// With more than `u32::MAX` plans.
    pub fn run(&self, plans: &[Plan], mut visit: impl FnMut(Brief)) {
        assert!(u32::try_from(plans.len()).is_ok(), "at most u32::MAX plans");
        if plans.is_empty() {
            return;
        }
        let (totals, _) = self.walk(plans, |p, check, d| {
            visit(Brief {
                rule: check.rule as u32,
                plan: Some(p as u32),
                outcome: d.outcome,
                severity: d.severity,
            })
        });
        for (sum, total) in self.sums.iter().zip(&totals) {
            let d = total.decide(sum);
            visit(Brief {
                rule: sum.rule as u32,
                plan: None,
                outcome: d.outcome,
                severity: d.severity,
            });
        }
    }

    /// Decides every rule over each province, plan by plan, and adds each plan to the sums;
    /// returns the sums and the provinces that have a plan.
    fn walk(
        &self,
        plans: &[Plan],
        mut each: impl FnMut(usize, &Check, Decision),
    ) -> (Vec<Totals>, ProvinceSet) {
        let mut hits = Hits::default();
        let mut totals = vec![Totals::new(); self.sums.len()];
        let mut with_plan = ProvinceSet::EMPTY;
        for (p, plan) in plans.iter().enumerate() {
            hits.fill(self, plan);
            with_plan = with_plan.union(ProvinceSet::single(plan.province));
            for check in &self.checks {
                if check.provinces.contains(plan.province) {
                    each(p, check, decide(check, plan, &hits));
                }
            }
            for (sum, total) in self.sums.iter().zip(&mut totals) {
                total.add(sum, plans, p, &hits);
            }
        }
        (totals, with_plan)
    }
}
