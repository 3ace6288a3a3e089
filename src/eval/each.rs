//! A decision made into a finding: the values, margin and comparison that explain it.

use rust_decimal::Decimal;

use super::decide::{Decision, Judging, against_earlier, against_province, judged_set, reaching};
use super::judge::{Interval, accepted, committed, margin};
use crate::finding::{Finding, show_amount, show_interval};
use crate::model::*;
use crate::units::Unit;

/// A comparison made: the declared set, the figure it was written as (in base units), how
/// it was judged and the set accepted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Judged {
    pub declared: Interval,
    pub anchor: Decimal,
    pub judging: Judging,
    pub accepted: Interval,
}

/// The finding of rule `r` on plan `p`, from its decision.
pub(super) fn finding(rules: &RuleSet, r: usize, plans: &[Plan], p: usize, d: Decision) -> Finding {
    let plan = &plans[p];
    let mut f = Finding::new(r, Some(p), Some(plan.province));
    f.outcome = d.outcome;
    f.severity = d.severity;
    f.reason = d.reason;
    f.target = d.target;
    f.stand_in = d.stand_in;
    f.assigned = d.assigned;
    f.earlier = d.earlier;
    f.counterpart = d.counterpart;
    f.within_tolerance = d.within_tolerance;
    if let (Some(judging), Some(t)) = (d.judging, d.target) {
        let rule = &rules.rules[r];
        let higher = rules
            .indicator(rule.requirement.indicator)
            .higher_is_better();
        let row = d.assigned.map(|a| &rules.assignments[a.table].rows[a.row]);
        let theirs = d
            .counterpart
            .map(|(q, u)| province_figure(&plans[q].targets[u]));
        let condition = match (d.earlier, theirs, row) {
            (Some(e), _, _) => earlier_condition(rule, &plan.targets[e]),
            (None, Some(figure), _) => against_province(&figure, higher),
            (None, None, Some(row)) if d.assigned.is_some_and(|a| a.required) => {
                row.conditions(higher).expect("a row used has a figure").0
            }
            _ => rule.requirement.condition.clone(),
        };
        let declared = match (&plan.targets[t].value, theirs, row) {
            (Declared::Value { qualifier, amount }, _, _) => (*qualifier, *amount),
            (Declared::ByReference, Some(figure), _) => (reaching(higher), figure),
            (Declared::ByReference, None, Some(row)) => (
                reaching(higher),
                row.basic.expect("a row used has a figure"),
            ),
            (Declared::ByReference, None, None) => {
                unreachable!("decide: only figures are judged")
            }
        };
        let figure_to_figure = d.earlier.is_some() || d.counterpart.is_some();
        let judged = judged(&condition, declared, (judging, figure_to_figure), higher);
        explain(&mut f, rules, &condition, judged);
    }
    f
}

/// What was compared for a figure judged `judging`: the sets a decision was made on.
fn judged(
    condition: &Condition,
    (qualifier, amount): (Qualifier, Amount),
    (judging, figure_to_figure): (Judging, bool),
    higher: bool,
) -> Judged {
    Judged {
        declared: judged_set(qualifier, amount.base, judging, figure_to_figure),
        anchor: amount.base,
        judging,
        accepted: accepted(condition, higher).expect("a condition with a figure"),
    }
}

/// The province's figure an `as province` rule compared a city's with.
fn province_figure(theirs: &Target) -> Amount {
    let Declared::Value { amount, .. } = theirs.value else {
        unreachable!("decide: compared with a figure of the province's")
    };
    amount
}

/// What a no-fallback rule compared with: the earlier target's figure.
fn earlier_condition(rule: &Rule, earlier: &Target) -> Condition {
    let (Condition::OwnEarlier { op, .. }, Declared::Value { amount, .. }) =
        (&rule.requirement.condition, &earlier.value)
    else {
        unreachable!("decide: compared with an earlier figure")
    };
    against_earlier(*op, *amount)
}

/// Sets the value, margin, sets and comparison of a judged finding, in the requirement's
/// unit; the margin is measured from the declared figure.
pub(super) fn explain(f: &mut Finding, rules: &RuleSet, condition: &Condition, j: Judged) {
    let rule = &rules.rules[f.rule];
    let higher = rules
        .indicator(rule.requirement.indicator)
        .higher_is_better();
    let unit = rules.requirement_unit(rule);
    let m = margin(condition, j.anchor, higher).expect("a numeric condition");
    // A commitment with no bound on its less ambitious side has no distance to the
    // requirement: the figure written is not what it commits to.
    let unbounded = j.judging == Judging::Commitment && committed(j.declared, higher).is_none();
    f.value = Some(unit.from_base(j.anchor));
    f.margin = (!unbounded).then(|| unit.difference().from_base(m));
    f.declared_set = Some(j.declared);
    f.accepted_set = Some(j.accepted);
    let (inside, outside, what) = match j.judging {
        Judging::Commitment => ("∈", "∉", commitment_words(j.declared, higher, unit)),
        Judging::WholeSet => ("⊆", "⊄", show_interval(j.declared, unit)),
    };
    let sign = if f.outcome.is_inside() {
        inside
    } else {
        outside
    };
    f.comparison = Some(format!("{what} {sign} {}", show_interval(j.accepted, unit)));
}

/// What a declaration commits to, in words: `14.5 %`, `more than 65 %`, `no year`.
fn commitment_words(declared: Interval, higher: bool, unit: Unit) -> String {
    match committed(declared, higher) {
        None => "no bound".to_string(),
        Some(f) if !f.strictly_beyond => show_amount(f.value, unit),
        Some(f) if higher => format!("more than {}", show_amount(f.value, unit)),
        Some(f) => format!("less than {}", show_amount(f.value, unit)),
    }
}
