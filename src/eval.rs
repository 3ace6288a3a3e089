//! Step four: evaluation. Every rule meets every plan in its scope; an aggregate rule meets
//! all plans at once. The verdicts are made here and only here.
//!
//! The rules are first compiled into a [`Program`]. [`Program::run`] gives each verdict in
//! brief, with no text built; [`evaluate`] makes every verdict into a full [`Finding`].

mod aggregate;
mod cities;
mod decide;
mod each;
pub mod judge;
mod lookup;
mod program;
mod waivers;

pub use program::Program;

pub use waivers::apply_waivers;

use aggregate::Totals;
use decide::{Decision, decide, decide_city};
use lookup::Hits;
use program::{Check, Test};

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
    let provincial = provincial_plans(plans);
    for (p, plan) in plans.iter().enumerate() {
        let province = province_of(plan, &provincial, plans);
        run.check_plan(plan, province, |check, d| {
            findings.push(each::finding(rules, check.rule, plans, p, d));
        });
    }
    for (sum, total) in program.sums.iter().zip(&run.totals) {
        findings.push(total.finding(sum, rules));
    }
    // The sums of cities need every plan of the run, so they are judged here, and not in
    // brief by `Program::run`.
    for sum in &program.city_sums {
        findings.extend(cities::findings(sum, rules, plans));
    }
    for finding in &mut findings {
        finding.message = describe(finding, rules, plans);
    }
    findings
}

/// The first plan of each province's own (no city's), by province index.
fn provincial_plans(plans: &[Plan]) -> Vec<Option<usize>> {
    let mut first = vec![None; crate::provinces::PROVINCES.len()];
    for (p, plan) in plans.iter().enumerate() {
        if plan.city.is_none() {
            first[plan.province.index()].get_or_insert(p);
        }
    }
    first
}

/// The plan of a city's province, with its number; `None` for a province's own plan.
fn province_of<'p>(
    plan: &Plan,
    provincial: &[Option<usize>],
    plans: &'p [Plan],
) -> Option<(usize, &'p Plan)> {
    plan.city?;
    provincial[plan.province.index()].map(|q| (q, &plans[q]))
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
        let provincial = provincial_plans(plans);
        for plan in plans {
            run.add_beside(plan, province_of(plan, &provincial, plans), &mut visit);
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
    /// A city's plan is judged by the rules for cities (`as province`) without its
    /// province's plan, which a stream does not keep: not checkable.
    pub fn add(&mut self, plan: &Plan, visit: impl FnMut(Brief)) {
        self.add_beside(plan, None, visit);
    }

    /// [`Run::add`], with the plan of a city's province, numbered as added.
    fn add_beside(
        &mut self,
        plan: &Plan,
        province: Option<(usize, &Plan)>,
        mut visit: impl FnMut(Brief),
    ) {
        let p = self.added;
        self.check_plan(plan, province, |check, d| {
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

    /// Decides every rule over each province for `plan`, and adds it to the sums. A city's
    /// plan is judged only by the rules for cities, with its province's plan beside it, and
    /// adds nothing to the sums of provinces.
    fn check_plan(
        &mut self,
        plan: &Plan,
        province: Option<(usize, &Plan)>,
        mut each: impl FnMut(&Check, Decision),
    ) {
        let p = self.added;
        self.added = p.checked_add(1).expect("at most u32::MAX plans");
        self.hits.fill(self.program, plan);
        let city = plan.city.is_some();
        for check in &self.program.checks {
            let for_cities = matches!(check.test, Test::Province);
            if for_cities != city
                || !check.provinces.contains(plan.province)
                || !PlanPeriod::meet(check.period, plan.period)
            {
                continue;
            }
            let d = match for_cities {
                true => {
                    let key = self.program.key(check.slot);
                    decide_city(check, (plan, &self.hits), province, key)
                }
                false => decide(check, plan, &self.hits),
            };
            each(check, d);
        }
        if city {
            return;
        }
        for (sum, total) in self.program.sums.iter().zip(&mut self.totals) {
            if PlanPeriod::meet(sum.period, plan.period) {
                total.add(sum, plan, p as usize, &self.hits);
            }
        }
    }
}
