//! Rules compiled once into an evaluation program. Every target a rule looks for becomes a
//! slot (indicator, year, baseline); a plan's targets are sorted into the slots in one pass,
//! and each check then reads its slot and compares decimals already in base units: no name
//! lookups, no string work and no allocation per check.

use rust_decimal::Decimal;

use super::judge::{Interval, accepted};
use crate::finding::Severity;
use crate::model::*;
use crate::provinces::{PROVINCES, Province, ProvinceSet};

/// What a rule looks for in a plan: a target of an indicator for a year (any year where
/// `None`) from a baseline year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct SlotKey {
    pub indicator: IndicatorId,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
}

impl SlotKey {
    /// Whether `target` is the one this slot holds, indicator, year and baseline alike
    /// (another plan's, where a city's figure meets its province's).
    pub fn holds(&self, target: &Target) -> bool {
        (target.indicator, target.year, target.baseline)
            == (self.indicator, self.year, self.baseline)
    }
}

/// The rules as checks over slots.
#[derive(Debug, Clone)]
pub struct Program {
    slots: Vec<SlotKey>,
    /// Each slot's index by its key, so that many rules find their slots at once.
    slot_index: std::collections::HashMap<SlotKey, usize>,
    /// For each indicator, the slots that look for it, with their keys at hand.
    by_indicator: Vec<Vec<(usize, SlotKey)>>,
    /// Rules over each province in scope, in rule order.
    pub(super) checks: Vec<Check>,
    /// Rules over a sum of provinces, in rule order.
    pub(super) sums: Vec<Sum>,
    /// Rules over the sum of each province's cities against its own plan (`kind aggregate`,
    /// `as province`), in rule order.
    pub(super) city_sums: Vec<CitySum>,
}

/// The sum of a province's cities' targets against the province's own target.
#[derive(Debug, Clone)]
pub(super) struct CitySum {
    pub rule: usize,
    pub provinces: ProvinceSet,
    pub key: SlotKey,
    pub higher: bool,
    pub severity: Severity,
    pub period: Option<PlanPeriod>,
}

#[derive(Debug, Clone)]
pub(super) struct Check {
    pub rule: usize,
    pub provinces: ProvinceSet,
    pub slot: usize,
    pub test: Test,
    pub higher: bool,
    /// A benchmark: its verdicts say where a plan stands, not whether it passes.
    pub benchmark: bool,
    /// The period whose plans the rule judges; `None`: every period.
    pub period: Option<PlanPeriod>,
    pub severity: Severity,
    pub undeclared: Severity,
    /// Stand-ins the rule accepts, in the order written.
    pub accepts: Vec<(usize, IndicatorId, StandIn)>,
    /// Look-alikes to name when the target is undeclared: any baseline, the rule's year.
    pub resembles: Vec<(usize, IndicatorId)>,
    /// The assignment of the rule's own target, by province: what `as assigned` requires,
    /// and what a declaration by reference stands for.
    pub assigned: Option<Box<AssignedTable>>,
    /// Provinces with no statistics for the indicator, which no rule on it can judge.
    pub unassessable: ProvinceSet,
}

impl Check {
    /// The plan's province's row of the assignment of the rule's target, if it has one.
    #[inline]
    pub fn row(&self, plan: &Plan) -> Option<Assigned> {
        self.assigned
            .as_ref()
            .and_then(|table| table[plan.province.index()])
    }

    /// The row a declaration by reference stands for: one whose figure a source gives as
    /// assigned, never one read only from the province's own plan.
    #[inline]
    pub fn referenced_row(&self, plan: &Plan) -> Option<Assigned> {
        self.row(plan).filter(|row| !row.own_plan)
    }
}

/// An assignment's figures, by province index.
pub(super) type AssignedTable = [Option<Assigned>; PROVINCES.len()];

/// A province's row of an assignment, compiled: the values its figures accept.
#[derive(Debug, Clone, Copy)]
pub(super) struct Assigned {
    pub table: u16,
    pub row: u16,
    /// The basic figure, in base units.
    pub figure: Decimal,
    pub basic: Interval,
    pub incentive: Option<Interval>,
    /// Known only from the province's own plan: no assignment a reference could mean.
    pub own_plan: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Test {
    Qualitative,
    /// A figure: the set of values accepted, and for `around` its central value.
    Figure {
        accepted: Interval,
        around: Option<Decimal>,
    },
    /// Each province's own row of the assignment (`as assigned`).
    Assigned,
    /// A city's plan against its province's plan, for the same target (`as province`).
    Province,
    /// The plan's own target in an earlier year, found in `slot`.
    OwnEarlier {
        slot: usize,
        op: CmpOp,
        year: u16,
    },
}

#[derive(Debug, Clone)]
pub(super) struct Sum {
    pub rule: usize,
    pub provinces: ProvinceSet,
    pub missing: MissingPolicy,
    pub slot: usize,
    pub accepted: Interval,
    pub higher: bool,
    pub undeclared: Severity,
    pub severity: Severity,
    pub period: Option<PlanPeriod>,
}

impl Program {
    pub fn compile(rules: &RuleSet) -> Program {
        let mut program = Program {
            slots: Vec::new(),
            slot_index: std::collections::HashMap::new(),
            by_indicator: vec![Vec::new(); rules.indicators.len()],
            checks: Vec::new(),
            sums: Vec::new(),
            city_sums: Vec::new(),
        };
        for (r, rule) in rules.in_force_rules() {
            match rule.scope {
                Scope::Each(provinces) => {
                    let check = program.check(rules, r, provinces);
                    program.checks.push(check);
                }
                Scope::Sum { provinces, .. }
                    if rule.requirement.condition == Condition::Province =>
                {
                    let req = &rule.requirement;
                    program.city_sums.push(CitySum {
                        rule: r,
                        provinces,
                        key: SlotKey {
                            indicator: req.indicator,
                            year: req.year,
                            baseline: req.baseline,
                        },
                        higher: rules.indicator(req.indicator).higher_is_better(),
                        severity: rule.severity.into(),
                        period: rule.period,
                    });
                }
                Scope::Sum { provinces, missing } => {
                    let sum = program.sum(rules, r, provinces, missing);
                    program.sums.push(sum);
                }
            }
        }
        program
    }

    pub(super) fn key(&self, slot: usize) -> SlotKey {
        self.slots[slot]
    }

    pub(super) fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// The slots that look for `indicator`.
    #[inline]
    pub(super) fn slots_of(&self, indicator: IndicatorId) -> &[(usize, SlotKey)] {
        &self.by_indicator[indicator.0 as usize]
    }

    /// The slot for `key`, shared with any rule that looks for the same target.
    fn slot_for(&mut self, key: SlotKey) -> usize {
        if let Some(&i) = self.slot_index.get(&key) {
            return i;
        }
        self.slot_index.insert(key, self.slots.len());
        self.slots.push(key);
        self.by_indicator[key.indicator.0 as usize].push((self.slots.len() - 1, key));
        self.slots.len() - 1
    }

    fn check(&mut self, rules: &RuleSet, r: usize, provinces: ProvinceSet) -> Check {
        let rule = &rules.rules[r];
        let req = &rule.requirement;
        let at = |indicator, baseline| SlotKey {
            indicator,
            year: req.year,
            baseline,
        };
        let slot = self.slot_for(at(req.indicator, req.baseline));
        let higher = rules.indicator(req.indicator).higher_is_better();
        let test = match &req.condition {
            Condition::Qualitative(_) => Test::Qualitative,
            Condition::Assigned { .. } => Test::Assigned,
            Condition::Province => Test::Province,
            Condition::OwnEarlier { op, year } => Test::OwnEarlier {
                slot: self.slot_for(SlotKey {
                    year: Some(*year),
                    ..at(req.indicator, req.baseline)
                }),
                op: *op,
                year: *year,
            },
            condition => figure(condition, higher),
        };
        let accepts = rule
            .accepts
            .iter()
            .map(|&(id, how)| (self.slot_for(at(id, req.baseline)), id, how))
            .collect();
        let resembles = rules
            .indicator(req.indicator)
            .resembles
            .iter()
            .map(|&id| (self.slot_for(at(id, None)), id))
            .collect();
        Check {
            rule: r,
            provinces,
            slot,
            test,
            higher,
            benchmark: rule.kind == RuleKind::Benchmark,
            period: rule.period,
            severity: rule.severity.into(),
            undeclared: rule.undeclared.into(),
            accepts,
            resembles,
            assigned: rules
                .assignment_for(req.indicator, req.year, req.baseline)
                .map(|table| assigned_table(rules, table, higher)),
            unassessable: unassessable(rules, req.indicator),
        }
    }

    fn sum(
        &mut self,
        rules: &RuleSet,
        r: usize,
        provinces: ProvinceSet,
        missing: MissingPolicy,
    ) -> Sum {
        let rule = &rules.rules[r];
        let req = &rule.requirement;
        let higher = rules.indicator(req.indicator).higher_is_better();
        Sum {
            rule: r,
            provinces,
            missing,
            slot: self.slot_for(SlotKey {
                indicator: req.indicator,
                year: req.year,
                baseline: req.baseline,
            }),
            accepted: accepted(&req.condition, higher).expect("resolve: a sum has a figure"),
            higher,
            undeclared: rule.undeclared.into(),
            severity: rule.severity.into(),
            period: rule.period,
        }
    }
}

fn assigned_table(rules: &RuleSet, table: usize, higher: bool) -> Box<AssignedTable> {
    let mut compiled = Box::new([None; PROVINCES.len()]);
    for (r, row) in rules.assignments[table].rows.iter().enumerate() {
        let Some((basic, incentive)) = row.conditions(higher) else {
            continue;
        };
        let accepts = |c: &Condition| accepted(c, higher).expect("a comparison has a figure");
        compiled[row.province.index()] = Some(Assigned {
            table: table as u16,
            row: r as u16,
            figure: row.basic.expect("a row with conditions has a figure").base,
            basic: accepts(&basic),
            incentive: incentive.as_ref().map(accepts),
            own_plan: row.status == AssignedStatus::OwnPlan,
        });
    }
    compiled
}

/// The provinces [`RuleSet::unassessable`] names for the indicator, as a set to test at once.
fn unassessable(rules: &RuleSet, indicator: IndicatorId) -> ProvinceSet {
    Province::all()
        .filter(|&p| rules.unassessable(indicator, p).is_some())
        .fold(ProvinceSet::EMPTY, |set, p| {
            set.union(ProvinceSet::single(p))
        })
}

fn figure(condition: &Condition, higher: bool) -> Test {
    Test::Figure {
        accepted: accepted(condition, higher).expect("a condition with a figure"),
        around: match condition {
            Condition::Around { value, .. } => Some(value.base),
            _ => None,
        },
    }
}
