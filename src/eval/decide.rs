//! The verdict of one rule on one plan: outcome, severity and what was compared, without
//! building any text. Explaining a decision (values, margin, message) is left to those that
//! report it.

use rust_decimal::Decimal;

use super::judge::{Interval, Verdict, accepted, committed, compare, judge, meets};
use super::lookup::{Hits, Lookup};
use super::program::{Assigned, Check, SlotKey, Test};
use crate::finding::{AssignedUse, Outcome, Reason, Severity, StandInUse};
use crate::model::*;

/// Whether a figure is judged as what a province commits to, or as a whole set of values
/// partly unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Judging {
    Commitment,
    WholeSet,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Decision {
    pub outcome: Outcome,
    pub severity: Severity,
    pub reason: Option<Reason>,
    pub target: Option<usize>,
    pub stand_in: Option<StandInUse>,
    pub assigned: Option<AssignedUse>,
    pub earlier: Option<usize>,
    /// The province's plan and target a city's was compared with (`as province`).
    pub counterpart: Option<(usize, usize)>,
    pub within_tolerance: bool,
    /// How a figure was judged, where one was.
    pub judging: Option<Judging>,
}

impl Decision {
    pub const fn new() -> Decision {
        Decision {
            outcome: Outcome::Undeclared,
            severity: Severity::None,
            reason: None,
            target: None,
            stand_in: None,
            assigned: None,
            earlier: None,
            counterpart: None,
            within_tolerance: false,
            judging: None,
        }
    }

    fn not_checkable(mut self, reason: Reason, severity: Severity) -> Decision {
        self.outcome = Outcome::NotCheckable;
        self.reason = Some(reason);
        self.severity = severity;
        self
    }
}

/// A rule over each province, on one plan whose targets are in `hits`.
#[inline]
pub(super) fn decide(check: &Check, plan: &Plan, hits: &Hits) -> Decision {
    let mut d = decide_plain(check, plan, hits);
    // What `as assigned` required is named even where nothing was compared with it.
    if let (Test::Assigned, None, Some(row)) = (check.test, d.assigned, check.row(plan)) {
        d.assigned = Some(AssignedUse {
            table: row.table as usize,
            row: row.row as usize,
            by_reference: false,
            required: true,
            short_of_incentive: false,
        });
    }
    if check.benchmark {
        Decision {
            outcome: d.outcome.as_benchmark(),
            ..d
        }
    } else {
        d
    }
}

/// The verdict as a requirement's: pass or fail.
#[inline]
fn decide_plain(check: &Check, plan: &Plan, hits: &Hits) -> Decision {
    let d = Decision::new();
    let unjudged = || Decision {
        target: hits.any(check.slot),
        ..d
    };
    if check.unassessable.contains(plan.province) {
        return unjudged().not_checkable(Reason::NotAssessable, Severity::Note);
    }
    match check.test {
        Test::Qualitative => return unjudged().not_checkable(Reason::Qualitative, Severity::Note),
        Test::Assigned if check.row(plan).is_none() => {
            return unjudged().not_checkable(Reason::NoAssignment, Severity::Note);
        }
        _ => {}
    }
    match hits.lookup(check.slot) {
        Lookup::Found(t) => match check.test {
            Test::OwnEarlier { slot, op, year } => {
                compare_with_earlier(check, plan, t, hits.found(slot), (op, year))
            }
            _ => judge_target(check, plan, t, None),
        },
        Lookup::OtherBaseline(t) => other_baseline(check, plan, t),
        Lookup::Missing => stand_in_or_undeclared(check, plan, hits),
    }
}

/// The target is declared for the year, but from another baseline: not comparable.
fn other_baseline(check: &Check, plan: &Plan, t: usize) -> Decision {
    let declared = plan.targets[t].baseline;
    let d = Decision {
        target: Some(t),
        ..Decision::new()
    };
    d.not_checkable(Reason::BaselineMismatch { declared }, check.undeclared)
}

/// Judges `(declared, anchor, judging)` against `accepted`; `around` is the central figure
/// of an `around` requirement, which a pass within the tolerance falls short of.
#[inline]
pub(super) fn record(
    mut d: Decision,
    (declared, anchor, judging): (Interval, Decimal, Judging),
    (accepted, around): (Interval, Option<Decimal>),
    (higher, severity): (bool, Severity),
) -> Decision {
    let commitment = committed(declared, higher);
    let verdict = match judging {
        Judging::WholeSet => judge(declared, accepted),
        Judging::Commitment if meets(commitment, accepted, higher) => Verdict::Pass,
        Judging::Commitment => Verdict::Fail,
    };
    d.judging = Some(judging);
    match verdict {
        Verdict::Pass => {
            d.outcome = Outcome::Pass;
            d.within_tolerance = around.is_some_and(|c| falls_short(anchor, c, higher));
            d.severity = if d.within_tolerance {
                Severity::Note
            } else {
                Severity::None
            };
            d
        }
        Verdict::Fail => {
            d.outcome = Outcome::Fail;
            // A commitment with no bound on its less ambitious side ("at least 2025" for a
            // peak year) is not what its figure says.
            let unbounded = judging == Judging::Commitment && commitment.is_none();
            d.reason = unbounded.then_some(Reason::OpenEnded);
            d.severity = severity;
            d
        }
        Verdict::Open => d.not_checkable(Reason::OpenEnded, Severity::Note),
    }
}

#[inline]
fn falls_short(value: Decimal, figure: Decimal, higher: bool) -> bool {
    let order = compare(value, figure);
    if higher { order.is_lt() } else { order.is_gt() }
}

#[inline]
fn judge_target(check: &Check, plan: &Plan, t: usize, how: Option<StandIn>) -> Decision {
    let d = Decision {
        target: Some(t),
        ..Decision::new()
    };
    let required = match check.test {
        Test::Assigned => check.row(plan),
        _ => None,
    };
    let (accepted, around) = match (check.test, required) {
        (Test::Figure { accepted, around }, _) => (accepted, around),
        (Test::Assigned, Some(row)) => (row.basic, None),
        _ => unreachable!("resolve: stand-ins and figures only where the rule has a figure"),
    };
    // A declaration by reference stands for the assigned figure, where one is known; a
    // stand-in's reference is to another target's, so it is not read.
    let by_reference = match how {
        None => check.referenced_row(plan),
        Some(_) => None,
    };
    let (qualifier, base, by_reference) = match (&plan.targets[t].value, by_reference) {
        (Declared::Value { qualifier, amount }, _) => (*qualifier, amount.base, None),
        (Declared::ByReference, Some(row)) => (reaching(check.higher), row.figure, Some(row)),
        (Declared::ByReference, None) => {
            return d.not_checkable(Reason::ByReference, Severity::Note);
        }
    };
    let judging = match how {
        Some(StandIn::LowerBound) => Judging::WholeSet,
        _ => Judging::Commitment,
    };
    let declared = judged_set(qualifier, base, judging, false);
    let d = record(
        d,
        (declared, base, judging),
        (accepted, around),
        (check.higher, check.severity),
    );
    let d = with_assigned(d, declared, (required, by_reference), check.higher);
    // A lower bound that may or may not settle the requirement leaves it open; one that
    // settles it either way (at least 35 % against at most 30 %) is a verdict.
    match d.reason {
        Some(Reason::OpenEnded)
            if d.outcome == Outcome::NotCheckable && how == Some(StandIn::LowerBound) =>
        {
            Decision {
                reason: Some(Reason::StandInShort),
                ..d
            }
        }
        _ => d,
    }
}

/// The qualifier of a commitment to reach a figure (确保完成国家下达目标).
pub(super) fn reaching(higher: bool) -> Qualifier {
    if higher {
        Qualifier::AtLeast
    } else {
        Qualifier::AtMost
    }
}

/// Records the assignment used, and for a pass of the basic figure that falls short of the
/// incentive figure, says so at note level.
fn with_assigned(
    mut d: Decision,
    declared: Interval,
    (required, by_reference): (Option<Assigned>, Option<Assigned>),
    higher: bool,
) -> Decision {
    let Some(row) = required.or(by_reference) else {
        return d;
    };
    let short_of_incentive = required.and_then(|r| r.incentive).is_some_and(|incentive| {
        d.outcome == Outcome::Pass && !meets(committed(declared, higher), incentive, higher)
    });
    if short_of_incentive {
        d.severity = Severity::Note;
    }
    // A figure known only from the province's own plan is no assignment: falling below it
    // is worth a warning, not an error.
    if required.is_some_and(|r| r.own_plan) {
        d.severity = d.severity.min(Severity::Warning);
    }
    d.assigned = Some(AssignedUse {
        table: row.table as usize,
        row: row.row as usize,
        by_reference: by_reference.is_some(),
        required: required.is_some(),
        short_of_incentive,
    });
    d
}

/// Tries the stand-ins the rule accepts; failing those, the target is undeclared, and a
/// look-alike the plan does declare is named so that it is not mistaken for the real one.
fn stand_in_or_undeclared(check: &Check, plan: &Plan, hits: &Hits) -> Decision {
    for &(slot, indicator, how) in &check.accepts {
        if let Some(t) = hits.found(slot) {
            let d = judge_target(check, plan, t, Some(how));
            return Decision {
                stand_in: Some(StandInUse {
                    indicator,
                    target: t,
                    accepted: Some(how),
                }),
                ..d
            };
        }
    }
    Decision {
        severity: check.undeclared,
        stand_in: check.resembles.iter().find_map(|&(slot, indicator)| {
            hits.any(slot).map(|t| StandInUse {
                indicator,
                target: t,
                accepted: None,
            })
        }),
        ..Decision::new()
    }
}

/// A no-fallback rule: the later target against the same plan's earlier one, figure to
/// figure (what each commits to).
fn compare_with_earlier(
    check: &Check,
    plan: &Plan,
    later: usize,
    earlier: Option<usize>,
    (op, year): (CmpOp, u16),
) -> Decision {
    let d = Decision {
        target: Some(later),
        ..Decision::new()
    };
    let Some(e) = earlier else {
        return d.not_checkable(Reason::NoEarlierTarget { year }, Severity::Note);
    };
    let d = Decision {
        earlier: Some(e),
        ..d
    };
    let (
        Declared::Value {
            qualifier,
            amount: l,
            ..
        },
        Declared::Value { amount: base, .. },
    ) = (&plan.targets[later].value, &plan.targets[e].value)
    else {
        return d.not_checkable(Reason::ByReference, Severity::Note);
    };
    let condition = against_earlier(op, *base);
    let accepted = accepted(&condition, check.higher).expect("a comparison has a figure");
    let declared = judged_set(*qualifier, l.base, Judging::Commitment, true);
    let judged = (declared, l.base, Judging::Commitment);
    record(d, judged, (accepted, None), (check.higher, check.severity))
}

/// The set a figure is judged as: what its qualifier allows; for a lower-bound stand-in,
/// judged as a whole set, every value from there up (the indicator is at least the
/// stand-in); against the plan's own earlier figure, the bare figure.
pub(super) fn judged_set(
    qualifier: Qualifier,
    base: Decimal,
    judging: Judging,
    against_earlier: bool,
) -> Interval {
    match (judging, against_earlier) {
        (_, true) => Interval::point(base),
        (Judging::WholeSet, false) => Interval::declared(qualifier, base).and_above(),
        (Judging::Commitment, false) => Interval::declared(qualifier, base),
    }
}

/// What a no-fallback rule compares a later figure with: the earlier one, by `op`.
pub(super) fn against_earlier(op: CmpOp, earlier: Amount) -> Condition {
    Condition::Compare { op, value: earlier }
}

/// A city's plan against its province's (`as province`): the city's figure against the
/// province's, figure to figure, as a later target is against an earlier one. A city that
/// declares by reference (完成省上下达目标) commits to its province's figure.
pub(super) fn decide_city(
    check: &Check,
    (plan, hits): (&Plan, &Hits),
    province: Option<(usize, &Plan)>,
    key: SlotKey,
) -> Decision {
    let t = match hits.lookup(check.slot) {
        Lookup::Found(t) => t,
        Lookup::OtherBaseline(t) => return other_baseline(check, plan, t),
        Lookup::Missing => {
            return Decision {
                severity: check.undeclared,
                ..Decision::new()
            };
        }
    };
    let d = Decision {
        target: Some(t),
        ..Decision::new()
    };
    let Some((q, theirs)) = province else {
        return d.not_checkable(Reason::NoProvincePlan, Severity::Note);
    };
    let Some(u) = theirs.targets.iter().position(|t| key.holds(t)) else {
        return d.not_checkable(Reason::ProvinceUndeclared, Severity::Note);
    };
    let d = Decision {
        counterpart: Some((q, u)),
        ..d
    };
    let Declared::Value { amount: figure, .. } = &theirs.targets[u].value else {
        return d.not_checkable(Reason::ProvinceByReference, Severity::Note);
    };
    let accepted = accepted(&against_province(figure, check.higher), check.higher)
        .expect("a comparison has a figure");
    let (qualifier, base) = match &plan.targets[t].value {
        Declared::Value { qualifier, amount } => (*qualifier, amount.base),
        Declared::ByReference => (reaching(check.higher), figure.base),
    };
    let declared = judged_set(qualifier, base, Judging::Commitment, true);
    let judged = (declared, base, Judging::Commitment);
    record(d, judged, (accepted, None), (check.higher, check.severity))
}

/// What `as province` compares a city's figure with: its province's, in the direction of
/// ambition.
pub(super) fn against_province(figure: &Amount, higher: bool) -> Condition {
    let op = if higher { CmpOp::Ge } else { CmpOp::Le };
    against_earlier(op, *figure)
}
