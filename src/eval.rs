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
use crate::model::{Plan, PlanPeriod, RuleSet};

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
    let mut run = program.start();
    let mut findings = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        run.check_plan(plan, |check, d| {
            findings.push(each::finding(rules, check.rule, plans, p, d));
        });
    }
    for (sum, total) in program.sums.iter().zip(&run.totals) {
        findings.push(total.finding(sum, rules));
    }
    for finding in &mut findings {
        finding.message = describe(finding, rules, plans);
    }
    findings
}

/// The targets of each plan that no finding is about, as (plan, target) in plan and
/// target order: a plan's figure no rule compared, to be listed rather than dropped.
pub fn unchecked_targets(findings: &[Finding], plans: &[Plan]) -> Vec<(usize, usize)> {
    let mut used: Vec<Vec<bool>> = plans.iter().map(|p| vec![false; p.targets.len()]).collect();
    let mut mark = |plan: usize, target: usize| used[plan][target] = true;
    for f in findings {
        if let Some(plan) = f.plan {
            f.target
                .into_iter()
                .chain(f.earlier)
                .for_each(|t| mark(plan, t));
        }
        for c in &f.contributors {
            mark(c.plan, c.target);
        }
    }
    let each = used.iter().enumerate().flat_map(|(p, targets)| {
        let unused = targets.iter().enumerate().filter(|(_, used)| !**used);
        unused.map(move |(t, _)| (p, t))
    });
    each.collect()
}

impl Program {
    /// Calls `visit` with every finding in brief, in the order of [`evaluate`].
    pub fn run(&self, plans: &[Plan], mut visit: impl FnMut(Brief)) {
        if plans.is_empty() {
            return;
        }
        let mut run = self.start();
        for plan in plans {
            run.add(plan, &mut visit);
        }
        run.finish(visit);
    }

    /// An evaluation fed one plan at a time.
    pub fn start(&self) -> Run<'_> {
        Run {
            program: self,
            hits: Hits::default(),
            totals: vec![Totals::new(); self.sums.len()],
            added: 0,
        }
    }
}

/// An evaluation fed one plan at a time, so that plans need not all be in memory at once:
/// each plan's findings come in brief as it is added, the sums' at the end. The sums keep
/// only a figure per province.
pub struct Run<'a> {
    program: &'a Program,
    hits: Hits,
    totals: Vec<Totals>,
    added: u32,
}

impl Run<'_> {
    /// Checks the next plan (numbered from 0 in the order added) and calls `visit` with its
    /// findings in brief.
    ///
    /// # Panics
    /// When more than `u32::MAX` plans are added.
    pub fn add(&mut self, plan: &Plan, mut visit: impl FnMut(Brief)) {
        let p = self.added;
        self.check_plan(plan, |check, d| {
            visit(Brief {
                rule: check.rule as u32,
                plan: Some(p),
                outcome: d.outcome,
                severity: d.severity,
            })
        });
    }

    /// The sums' findings in brief, over every plan added.
    pub fn finish(self, mut visit: impl FnMut(Brief)) {
        for (sum, total) in self.program.sums.iter().zip(&self.totals) {
            let d = total.decide(sum);
            visit(Brief {
                rule: sum.rule as u32,
                plan: None,
                outcome: d.outcome,
                severity: d.severity,
            });
        }
    }

    /// Decides every rule over each province for `plan`, and adds it to the sums.
    fn check_plan(&mut self, plan: &Plan, mut each: impl FnMut(&Check, Decision)) {
        let p = self.added;
        self.added = p.checked_add(1).expect("at most u32::MAX plans");
        // The national rules judge provinces; a city's plan is judged by no rule of theirs,
        // and adds nothing to their sums.
        if plan.city.is_some() {
            return;
        }
        self.hits.fill(self.program, plan);
        for check in &self.program.checks {
            if check.provinces.contains(plan.province)
                && PlanPeriod::meet(check.period, plan.period)
            {
                each(check, decide(check, plan, &self.hits));
            }
        }
        for (sum, total) in self.program.sums.iter().zip(&mut self.totals) {
            if PlanPeriod::meet(sum.period, plan.period) {
                total.add(sum, plan, p as usize, &self.hits);
            }
        }
    }
}
