//! A rule over the sum of the provinces' declared values. Plans are visited once: each
//! adds its figure to the totals of the rules it counts for, so a sum costs O(plans).

use rust_decimal::Decimal;

use super::decide::{Decision, Judging, record};
use super::each::{Judged, explain};
use super::judge::{End, Interval, committed};
use super::lookup::Hits;
use super::program::Sum;
use crate::finding::{Contributor, Finding, Outcome, Reason};
use crate::model::*;
use crate::provinces::{PROVINCES, ProvinceSet};

/// A province's figure: the plan and target it comes from, and what was declared.
#[derive(Debug, Clone, Copy)]
struct Entry {
    plan: usize,
    target: usize,
    qualifier: Qualifier,
    base: Decimal,
}

/// What the plans seen so far contribute to one sum: the first figure of each province.
#[derive(Debug, Clone)]
pub(super) struct Totals {
    entries: [Option<Entry>; PROVINCES.len()],
    /// The provinces with a plan the sum counts (one of its period), figure or not: a
    /// province whose only plan is of another period has no plan for the sum.
    planned: ProvinceSet,
}

impl Totals {
    pub fn new() -> Totals {
        Totals {
            entries: [None; PROVINCES.len()],
            planned: ProvinceSet::EMPTY,
        }
    }

    /// Counts plan `p`, whose targets are in `hits`, where its province has no figure yet.
    pub fn add(&mut self, sum: &Sum, plan: &Plan, p: usize, hits: &Hits) {
        self.planned = self.planned.union(ProvinceSet::single(plan.province));
        let entry = &mut self.entries[plan.province.index()];
        if entry.is_some() || !sum.provinces.contains(plan.province) {
            return;
        }
        let Some(t) = hits.found(sum.slot) else {
            return;
        };
        if let Declared::Value {
            qualifier, amount, ..
        } = &plan.targets[t].value
        {
            *entry = Some(Entry {
                plan: p,
                target: t,
                qualifier: *qualifier,
                base: amount.base,
            });
        }
    }

    /// The sum of what the provinces commit to.
    fn total(&self, sum: &Sum) -> Interval {
        let mut total = Interval::point(Decimal::ZERO);
        for province in sum.provinces.iter() {
            total = total.plus(match self.entries[province.index()] {
                Some(e) => commitment(e.qualifier, e.base, sum.higher),
                None => unknown_share(sum.missing),
            });
        }
        total
    }

    /// The sum of the figures the provinces wrote, for the explanation: "at least 2000"
    /// counts as 2000 here too.
    fn anchor(&self, sum: &Sum) -> Decimal {
        let figures = sum.provinces.iter().filter_map(|p| self.entries[p.index()]);
        figures.fold(Decimal::ZERO, |a, e| a.saturating_add(e.base))
    }

    pub fn decide(&self, sum: &Sum) -> Decision {
        // A sum is never judged against an `around`, which alone reads the anchor.
        let d = record(
            Decision::new(),
            (self.total(sum), Decimal::ZERO, Judging::WholeSet),
            (sum.accepted, None),
            (sum.higher, sum.severity),
        );
        match d.outcome {
            Outcome::NotCheckable => Decision {
                reason: Some(Reason::NotEnoughData),
                severity: sum.undeclared,
                ..d
            },
            _ => d,
        }
    }

    /// The finding on the whole sum.
    pub fn finding(&self, sum: &Sum, rules: &RuleSet) -> Finding {
        let rule = &rules.rules[sum.rule];
        let unit = rules.requirement_unit(rule);
        let mut f = Finding::new(sum.rule, None, None);
        for province in sum.provinces.iter() {
            match self.entries[province.index()] {
                Some(e) => f.contributors.push(Contributor {
                    province,
                    plan: e.plan,
                    target: e.target,
                    value: unit.from_base(e.base),
                }),
                None => {
                    f.missing.push(province);
                    if !self.planned.contains(province) {
                        f.without_plan.push(province);
                    }
                }
            }
        }
        let d = self.decide(sum);
        f.outcome = d.outcome;
        f.severity = d.severity;
        f.reason = d.reason;
        let judged = Judged {
            declared: self.total(sum),
            anchor: self.anchor(sum),
            judging: Judging::WholeSet,
            accepted: sum.accepted,
        };
        explain(&mut f, rules, &rule.requirement.condition, judged);
        f
    }
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
