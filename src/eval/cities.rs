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
    let key = sum.key;
    let same =
        |t: &Target| (t.indicator, t.year, t.baseline) == (key.indicator, key.year, key.baseline);
    let unit = rules.requirement_unit(&rules.rules[sum.rule]);
    let (contributors, bases): (Vec<Contributor>, Vec<Decimal>) =
        cities_of(province, plans, sum, &same, unit)
            .into_iter()
            .unzip();
    f.contributors = contributors;
    f.target = plans[q].targets.iter().position(same);
    let Some(t) = f.target else {
        return not_checkable(f, Reason::ProvinceUndeclared);
    };
    let Declared::Value { amount, .. } = &plans[q].targets[t].value else {
        return not_checkable(f, Reason::ProvinceByReference);
    };
    let total = bases
        .iter()
        .fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
    let margin = if sum.higher {
        total - amount.base
    } else {
        amount.base - total
    };
    f.value = Some(unit.from_base(total));
    f.margin = Some(unit.difference().from_base(margin));
    let every_city = f.contributors.len() == City::of(province).count();
    (f.outcome, f.severity, f.reason) = match (margin >= Decimal::ZERO, every_city) {
        (true, _) => (Outcome::Pass, Severity::None, None),
        (false, true) => (Outcome::Fail, sum.severity, None),
        // A city with no plan in the run could still make up the difference.
        (false, false) => (
            Outcome::NotCheckable,
            Severity::Note,
            Some(Reason::NotEnoughData),
        ),
    };
    f
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

fn not_checkable(mut f: Finding, reason: Reason) -> Finding {
    f.outcome = Outcome::NotCheckable;
    f.severity = Severity::Note;
    f.reason = Some(reason);
    f
}
