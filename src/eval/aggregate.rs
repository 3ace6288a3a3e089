//! A rule over the sum of the provinces' declared values.

use rust_decimal::Decimal;

use super::each::{Judging, record};
use super::judge::{End, Interval, Verdict, committed};
use super::lookup::{Lookup, lookup};
use crate::finding::{Contributor, Finding, Reason, Severity};
use crate::model::*;

pub(super) fn evaluate(rules: &RuleSet, r: usize, plans: &[Plan]) -> Finding {
    let rule = &rules.rules[r];
    let Scope::Sum { provinces, missing } = rule.scope else {
        unreachable!("only sums are aggregated")
    };
    let req = &rule.requirement;
    let unit = rules.requirement_unit(rule);
    let higher = rules.indicator(req.indicator).higher_is_better();
    let mut f = Finding::new(r, None, None);
    let mut sum = Interval::point(Decimal::ZERO);
    let mut anchor = Decimal::ZERO;
    for province in provinces.iter() {
        let declared = plans.iter().enumerate().find_map(|(p, plan)| {
            if plan.province != province {
                return None;
            }
            let Lookup::Found(t) = lookup(plan, req.indicator, req.year, req.baseline) else {
                return None;
            };
            match &plan.targets[t].value {
                Declared::Value {
                    qualifier, amount, ..
                } => Some((p, t, *qualifier, amount.base)),
                Declared::ByReference => None,
            }
        });
        match declared {
            Some((plan, target, qualifier, base)) => {
                sum = sum.plus(commitment(qualifier, base, higher));
                anchor = anchor.saturating_add(base);
                let value = unit.from_base(base);
                f.contributors.push(Contributor {
                    province,
                    plan,
                    target,
                    value,
                });
            }
            None => {
                sum = sum.plus(unknown_share(missing));
                f.missing.push(province);
                if !plans.iter().any(|p| p.province == province) {
                    f.without_plan.push(province);
                }
            }
        }
    }
    let judged = (sum, anchor, Judging::WholeSet);
    if record(&mut f, rules, rule, &req.condition, judged) == Verdict::Open {
        f.reason = Some(Reason::NotEnoughData);
        f.severity = Severity::from(rule.undeclared);
    }
    f
}

/// A province's part of the sum: what it commits to ("at least 2000" counts as 2000). Just
/// above a figure is written `(v, v]`, which sums and compares as intended.
fn commitment(qualifier: Qualifier, base: Decimal, higher: bool) -> Interval {
    let declared = Interval::declared(qualifier, base);
    match committed(declared, higher) {
        Some(figure) => Interval {
            low: Some(End {
                value: figure.value,
                inclusive: !figure.strictly_beyond,
            }),
            high: Some(End {
                value: figure.value,
                inclusive: true,
            }),
        },
        None => declared,
    }
}

/// What a province that declares nothing may add: anything from zero up, or zero.
fn unknown_share(policy: MissingPolicy) -> Interval {
    let zero = Some(End {
        value: Decimal::ZERO,
        inclusive: true,
    });
    match policy {
        MissingPolicy::Unknown => Interval {
            low: zero,
            high: None,
        },
        MissingPolicy::Zero => Interval::point(Decimal::ZERO),
    }
}
