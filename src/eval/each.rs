//! A rule against one province's plan.

use rust_decimal::Decimal;

use super::judge::{Interval, Verdict, accepted, committed, judge, margin, meets};
use super::lookup::{Lookup, lookup};
use crate::finding::{Finding, Outcome, Reason, Severity, StandInUse, show_amount, show_interval};
use crate::model::*;

pub(super) fn evaluate(rules: &RuleSet, r: usize, plans: &[Plan], p: usize) -> Finding {
    let rule = &rules.rules[r];
    let plan = &plans[p];
    let req = &rule.requirement;
    let mut f = Finding::new(r, Some(p), Some(plan.province));
    let found = lookup(plan, req.indicator, req.year, req.baseline);
    match (&req.condition, found) {
        (Condition::Qualitative(_), found) => {
            f.target = match found {
                Lookup::Found(t) | Lookup::OtherBaseline(t) => Some(t),
                Lookup::Missing => None,
            };
            not_checkable(&mut f, Reason::Qualitative, Severity::Note);
        }
        (Condition::OwnEarlier { op, year }, Lookup::Found(t)) => {
            let earlier = lookup(plan, req.indicator, Some(*year), req.baseline);
            compare_with_earlier(&mut f, rules, rule, plan, t, earlier, (*op, *year));
        }
        (_, Lookup::Found(t)) => judge_target(&mut f, rules, rule, plan, t, None),
        (_, Lookup::OtherBaseline(t)) => {
            f.target = Some(t);
            let declared = plan.targets[t].baseline;
            not_checkable(
                &mut f,
                Reason::BaselineMismatch { declared },
                rule.undeclared.into(),
            );
        }
        (_, Lookup::Missing) => stand_in_or_undeclared(&mut f, rules, rule, plan),
    }
    f
}

fn not_checkable(f: &mut Finding, reason: Reason, severity: Severity) {
    f.outcome = Outcome::NotCheckable;
    f.reason = Some(reason);
    f.severity = severity;
}

/// What is judged: a province's commitment, or a whole set of values partly unknown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Judging {
    Commitment,
    WholeSet,
}

/// Sets outcome, severity, value and margin from a verdict; the margin is measured from
/// `anchor`, the declared figure.
pub(super) fn record(
    f: &mut Finding,
    rules: &RuleSet,
    rule: &Rule,
    condition: &Condition,
    (declared, anchor, judging): (Interval, Decimal, Judging),
) -> Verdict {
    let higher = rules
        .indicator(rule.requirement.indicator)
        .higher_is_better();
    let unit = rules.requirement_unit(rule);
    let accepted = accepted(condition, higher).expect("a numeric condition");
    let verdict = match judging {
        Judging::WholeSet => judge(declared, accepted),
        Judging::Commitment if meets(committed(declared, higher), accepted, higher) => {
            Verdict::Pass
        }
        Judging::Commitment => Verdict::Fail,
    };
    let m = margin(condition, anchor, higher).expect("a numeric condition");
    f.value = Some(unit.from_base(anchor));
    // A commitment with no bound on its less ambitious side ("at least 2025" for a peak
    // year) has no distance to the requirement: the figure written is not what it commits to.
    let unbounded = judging == Judging::Commitment && committed(declared, higher).is_none();
    f.margin = (!unbounded).then(|| unit.difference().from_base(m));
    f.declared_set = Some(declared);
    f.accepted_set = Some(accepted);
    let (inside, outside, what) = match judging {
        Judging::Commitment => ("∈", "∉", commitment_words(declared, higher, unit)),
        Judging::WholeSet => ("⊆", "⊄", show_interval(declared, unit)),
    };
    let sign = if verdict == Verdict::Pass {
        inside
    } else {
        outside
    };
    f.comparison = Some(format!("{what} {sign} {}", show_interval(accepted, unit)));
    match verdict {
        Verdict::Pass => {
            f.outcome = Outcome::Pass;
            f.within_tolerance = matches!(condition, Condition::Around { .. })
                && m.is_sign_negative()
                && !m.is_zero();
            f.severity = if f.within_tolerance {
                Severity::Note
            } else {
                Severity::None
            };
        }
        Verdict::Fail => {
            f.outcome = Outcome::Fail;
            f.reason = unbounded.then_some(Reason::OpenEnded);
            f.severity = rule.severity.into();
        }
        Verdict::Open => not_checkable(f, Reason::OpenEnded, Severity::Note),
    }
    verdict
}

/// What a declaration commits to, in words: `14.5 %`, `more than 65 %`, `no year`.
fn commitment_words(declared: Interval, higher: bool, unit: crate::units::Unit) -> String {
    match committed(declared, higher) {
        None => "no bound".to_string(),
        Some(f) if !f.strictly_beyond => show_amount(f.value, unit),
        Some(f) if higher => format!("more than {}", show_amount(f.value, unit)),
        Some(f) => format!("less than {}", show_amount(f.value, unit)),
    }
}

fn judge_target(
    f: &mut Finding,
    rules: &RuleSet,
    rule: &Rule,
    plan: &Plan,
    t: usize,
    how: Option<StandIn>,
) {
    f.target = Some(t);
    let Declared::Value {
        qualifier, amount, ..
    } = &plan.targets[t].value
    else {
        return not_checkable(f, Reason::ByReference, Severity::Note);
    };
    let declared = Interval::declared(*qualifier, amount.base);
    let judged = match how {
        // The indicator itself is at least the stand-in: every value from there up.
        Some(StandIn::LowerBound) => (declared.and_above(), amount.base, Judging::WholeSet),
        _ => (declared, amount.base, Judging::Commitment),
    };
    let verdict = record(f, rules, rule, &rule.requirement.condition, judged);
    // A lower bound that may or may not settle the requirement leaves it open; one that
    // settles it either way (at least 35 % against at most 30 %) is a verdict.
    if verdict == Verdict::Open && how == Some(StandIn::LowerBound) {
        f.reason = Some(Reason::StandInShort);
    }
}

/// Tries the stand-ins the rule accepts; failing those, the target is undeclared, and a
/// look-alike the plan does declare is named so that it is not mistaken for the real one.
fn stand_in_or_undeclared(f: &mut Finding, rules: &RuleSet, rule: &Rule, plan: &Plan) {
    let req = &rule.requirement;
    for &(indicator, how) in &rule.accepts {
        if let Lookup::Found(t) = lookup(plan, indicator, req.year, req.baseline) {
            f.stand_in = Some(StandInUse {
                indicator,
                target: t,
                accepted: Some(how),
            });
            return judge_target(f, rules, rule, plan, t, Some(how));
        }
    }
    f.outcome = Outcome::Undeclared;
    f.severity = rule.undeclared.into();
    let resembles = &rules.indicator(req.indicator).resembles;
    f.stand_in =
        resembles
            .iter()
            .find_map(|&indicator| match lookup(plan, indicator, req.year, None) {
                Lookup::Found(t) | Lookup::OtherBaseline(t) => Some(StandInUse {
                    indicator,
                    target: t,
                    accepted: None,
                }),
                Lookup::Missing => None,
            });
}

/// A no-fallback rule: the later target against the same plan's earlier one, figure to
/// figure (what each commits to).
fn compare_with_earlier(
    f: &mut Finding,
    rules: &RuleSet,
    rule: &Rule,
    plan: &Plan,
    later: usize,
    earlier: Lookup,
    (op, year): (CmpOp, u16),
) {
    f.target = Some(later);
    let Lookup::Found(e) = earlier else {
        return not_checkable(f, Reason::NoEarlierTarget { year }, Severity::Note);
    };
    f.earlier = Some(e);
    let (Declared::Value { amount: l, .. }, Declared::Value { amount: base, .. }) =
        (&plan.targets[later].value, &plan.targets[e].value)
    else {
        return not_checkable(f, Reason::ByReference, Severity::Note);
    };
    let condition = Condition::Compare { op, value: *base };
    let judged = (Interval::point(l.base), l.base, Judging::Commitment);
    record(f, rules, rule, &condition, judged);
}
