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
use cities::CityTotals;
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
        let number = run.number();
        run.check_plan(plan, number, province, |check, d| {
            findings.push(each::finding(rules, check.rule, plans, p, d));
        });
    }
    for (sum, total) in program.sums.iter().zip(&run.totals) {
        findings.push(total.finding(sum, rules));
    }
    // In full, with every city as a contributor; in brief, `Run::finish` judges them from
    // the counts a run keeps.
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
            city_totals: vec![CityTotals::new(); self.city_sums.len()],
            own: vec![None; crate::provinces::PROVINCES.len()],
            waiting: Vec::new(),
            added: 0,
        }
    }
}

/// An evaluation fed one plan at a time, so that plans need not all be in memory at once:
/// each plan's findings come in brief as it is added, the sums' at the end. The sums keep
/// only a figure per province (and a count per city); the run keeps each province's own
/// plan, which its cities' plans are judged against.
pub struct Run<'a> {
    program: &'a Program,
    hits: Hits,
    totals: Vec<Totals>,
    city_totals: Vec<CityTotals>,
    /// Each province's own plan, the first added, with its number.
    own: Vec<Option<(usize, Plan)>>,
    /// Cities' plans added before their province's, with their numbers.
    waiting: Vec<(u32, Plan)>,
    added: u32,
}

impl Run<'_> {
    /// Checks the next plan (numbered from 0 in the order added) and calls `visit` with its
    /// findings in brief. A city's plan is judged against its province's own plan: as it is
    /// added when that plan came before it, else at [`Run::finish`], the city's plan being
    /// kept until then (add the provinces' plans first to keep only those).
    ///
    /// # Panics
    /// When more than `u32::MAX` plans are added.
    pub fn add(&mut self, plan: &Plan, visit: impl FnMut(Brief)) {
        let i = plan.province.index();
        let p = self.number();
        self.count_cities(plan, p);
        match (plan.city, self.own[i].take()) {
            // Counted now, as `evaluate` counts a city's first plan; judged at the end.
            (Some(_), None) => self.waiting.push((p, plan.clone())),
            (Some(_), Some((q, own))) => {
                self.check_numbered(plan, p, Some((q, &own)), visit);
                self.own[i] = Some((q, own));
            }
            (None, own) => {
                self.check_numbered(plan, p, None, visit);
                self.own[i] = Some(own.unwrap_or_else(|| (p as usize, plan.clone())));
            }
        }
    }

    /// [`Run::add`], with the plan of a city's province, numbered as added.
    fn add_beside(
        &mut self,
        plan: &Plan,
        province: Option<(usize, &Plan)>,
        visit: impl FnMut(Brief),
    ) {
        let p = self.number();
        self.count_cities(plan, p);
        self.check_numbered(plan, p, province, visit);
    }

    /// Adds plan `p` to the sums of cities: a province's own figure, or a city's.
    fn count_cities(&mut self, plan: &Plan, p: u32) {
        for (sum, totals) in self.program.city_sums.iter().zip(&mut self.city_totals) {
            totals.add(sum, plan, p);
        }
    }

    fn check_numbered(
        &mut self,
        plan: &Plan,
        p: u32,
        province: Option<(usize, &Plan)>,
        mut visit: impl FnMut(Brief),
    ) {
        self.check_plan(plan, p, province, |check, d| {
            visit(Brief {
                rule: check.rule as u32,
                plan: Some(p),
                outcome: d.outcome,
                severity: d.severity,
            })
        });
    }

    fn number(&mut self) -> u32 {
        let p = self.added;
        self.added = p.checked_add(1).expect("at most u32::MAX plans");
        p
    }

    /// The findings of the cities' plans still waiting for their province's, then the
    /// sums', over every plan added, in brief.
    pub fn finish(mut self, mut visit: impl FnMut(Brief)) {
        for (p, plan) in std::mem::take(&mut self.waiting) {
            let own = self.own[plan.province.index()].take();
            self.check_numbered(&plan, p, own.as_ref().map(|(q, o)| (*q, o)), &mut visit);
            self.own[plan.province.index()] = own;
        }
        for (sum, total) in self.program.sums.iter().zip(&self.totals) {
            let d = total.decide(sum);
            visit(Brief {
                rule: sum.rule as u32,
                plan: None,
                outcome: d.outcome,
                severity: d.severity,
            });
        }
        for (sum, totals) in self.program.city_sums.iter().zip(&self.city_totals) {
            for (p, outcome, severity) in totals.decided(sum) {
                let rule = sum.rule as u32;
                let plan = Some(p);
                visit(Brief {
                    rule,
                    plan,
                    outcome,
                    severity,
                });
            }
        }
    }

    /// Decides every rule over each province for plan `p`, and adds it to the sums. A
    /// city's plan is judged only by the rules for cities, with its province's plan beside
    /// it, and adds nothing to the sums of provinces.
    fn check_plan(
        &mut self,
        plan: &Plan,
        p: u32,
        province: Option<(usize, &Plan)>,
        mut each: impl FnMut(&Check, Decision),
    ) {
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
