//! The sum of a province's cities' targets against the province's own (`kind aggregate`,
//! `as province`): do the cities' plans add up to what the province plans? Judged over the
//! plans of a run, once every plan is in.

use rust_decimal::Decimal;

use super::program::CitySum;
use crate::cities::City;
use crate::finding::{Contributor, Finding, Outcome, Reason, Severity};
use crate::model::*;

/// One finding for each plan of a province in the rule's scope.
pub(super) fn findings(sum: &CitySum, rules: &RuleSet, plans: &[Plan]) -> Vec<Finding> {
    let each = plans.iter().enumerate().filter(|(_, p)| {
        p.city.is_none()
            && sum.provinces.contains(p.province)
            && PlanPeriod::meet(sum.period, p.period)
    });
    each.map(|(q, _)| finding(sum, rules, plans, q)).collect()
}

fn finding(sum: &CitySum, rules: &RuleSet, plans: &[Plan], q: usize) -> Finding {
    let province = plans[q].province;
    let mut f = Finding::new(sum.rule, Some(q), Some(province));
    let same = |t: &Target| sum.key.holds(t);
    let unit = rules.requirement_unit(&rules.rules[sum.rule]);
    let (contributors, bases): (Vec<Contributor>, Vec<Decimal>) =
        cities_of(province, plans, sum, &same, unit)
            .into_iter()
            .unzip();
    f.contributors = contributors;
    f.target = plans[q].targets.iter().position(&same);
    let own = Own::of(f.target.map(|t| &plans[q].targets[t]));
    let total = bases
        .iter()
        .fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
    let every_city = f.contributors.len() == City::of(province).count();
    let d = decide(sum, own, total, every_city);
    (f.outcome, f.severity, f.reason) = (d.outcome, d.severity, d.reason);
    if let Some(margin) = d.margin {
        f.value = Some(unit.from_base(total));
        f.margin = Some(unit.difference().from_base(margin));
    }
    f
}

/// A province's own figure for a city sum's target.
#[derive(Debug, Clone, Copy)]
enum Own {
    Undeclared,
    ByReference,
    /// In base units.
    Value(Decimal),
}

impl Own {
    fn of(target: Option<&Target>) -> Own {
        match target.map(|t| &t.value) {
            None => Own::Undeclared,
            Some(Declared::Value { amount, .. }) => Own::Value(amount.base),
            Some(_) => Own::ByReference,
        }
    }
}

/// What a city sum comes to for one province; the margin (in base units) where the sum
/// was compared.
struct SumDecision {
    outcome: Outcome,
    severity: Severity,
    reason: Option<Reason>,
    margin: Option<Decimal>,
}

fn decide(sum: &CitySum, own: Own, total: Decimal, every_city: bool) -> SumDecision {
    let unjudged = |reason| SumDecision {
        outcome: Outcome::NotCheckable,
        severity: Severity::Note,
        reason: Some(reason),
        margin: None,
    };
    let amount = match own {
        Own::Undeclared => return unjudged(Reason::ProvinceUndeclared),
        Own::ByReference => return unjudged(Reason::ProvinceByReference),
        Own::Value(amount) => amount,
    };
    let margin = if sum.higher {
        total - amount
    } else {
        amount - total
    };
    let (outcome, severity, reason) = match (margin >= Decimal::ZERO, every_city) {
        (true, _) => (Outcome::Pass, Severity::None, None),
        (false, true) => (Outcome::Fail, sum.severity, None),
        // A city with no plan in the run could still make up the difference.
        (false, false) => (
            Outcome::NotCheckable,
            Severity::Note,
            Some(Reason::NotEnoughData),
        ),
    };
    SumDecision {
        outcome,
        severity,
        reason,
        margin: Some(margin),
    }
}

/// What the plans seen so far contribute to one city sum, for a run fed a plan at a time:
/// each province's cities counted (a plan each, the first) and their figures added up, and
/// the provinces' own plans in the sum's scope, with their figures, in the order added.
#[derive(Debug, Clone, Default)]
pub(super) struct CityTotals {
    seen: std::collections::HashSet<City>,
    totals: Vec<(Decimal, usize)>,
    own: Vec<(u32, crate::provinces::Province, Own)>,
}

impl CityTotals {
    pub fn new() -> CityTotals {
        CityTotals {
            totals: vec![(Decimal::ZERO, 0); crate::provinces::PROVINCES.len()],
            ..CityTotals::default()
        }
    }

    /// Counts plan `p`, as [`findings`] counts it over all the plans at once.
    pub fn add(&mut self, sum: &CitySum, plan: &Plan, p: u32) {
        if !sum.provinces.contains(plan.province) || !PlanPeriod::meet(sum.period, plan.period) {
            return;
        }
        let target = plan.targets.iter().find(|t| sum.key.holds(t));
        let Some(city) = plan.city else {
            self.own.push((p, plan.province, Own::of(target)));
            return;
        };
        if !self.seen.insert(city) {
            return;
        }
        if let Own::Value(base) = Own::of(target) {
            let (total, counted) = &mut self.totals[plan.province.index()];
            *total = total.saturating_add(base);
            *counted += 1;
        }
    }

    /// The sum's verdict for each province's own plan, in the order the plans were added:
    /// (plan, outcome, severity).
    pub fn decided(&self, sum: &CitySum) -> impl Iterator<Item = (u32, Outcome, Severity)> {
        self.own.iter().map(move |&(p, province, own)| {
            let (total, counted) = self.totals[province.index()];
            let d = decide(sum, own, total, counted == City::of(province).count());
            (p, d.outcome, d.severity)
        })
    }
}

/// The figures of the province's cities' plans for the target, a plan each (the first),
/// with each figure in base units.
fn cities_of(
    province: crate::provinces::Province,
    plans: &[Plan],
    sum: &CitySum,
    same: &dyn Fn(&Target) -> bool,
    unit: crate::units::Unit,
) -> Vec<(Contributor, Decimal)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        let Some(city) = plan.city.filter(|c| c.province() == province) else {
            continue;
        };
        if !PlanPeriod::meet(sum.period, plan.period) || !seen.insert(city) {
            continue;
        }
        let found = plan.targets.iter().enumerate().find(|(_, t)| same(t));
        if let Some((
            t,
            Target {
                value: Declared::Value { amount, .. },
                ..
            },
        )) = found
        {
            let contributor = Contributor {
                province,
                plan: p,
                target: t,
                value: unit.from_base(amount.base),
            };
            out.push((contributor, amount.base));
        }
    }
    out
}
