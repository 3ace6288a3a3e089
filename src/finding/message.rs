//! The one-line message of a finding: what was declared, what is required, and the margin.

use super::show::{show_difference, show_value};
use super::{Finding, Outcome, Reason};
use crate::model::*;
use crate::resolve::period_words;

/// Composes the message from what evaluation recorded; nothing is judged again here.
pub fn describe(f: &Finding, rules: &RuleSet, plans: &[Plan]) -> String {
    let rule = &rules.rules[f.rule];
    let req = &rule.requirement;
    let indicator = rules.indicator(req.indicator);
    let subject = format!(
        "`{}` {}",
        indicator.name,
        period_words(req.year, req.baseline)
    );
    let subject = subject.trim_end();
    let wording = &req.wording;
    let Some(p) = f.plan else {
        return describe_aggregate(f, rules, subject);
    };
    let plan = &plans[p];
    let subject = format!("{}: {subject}", plan.province);
    let subject = subject.as_str();
    let unit = rules.requirement_unit(rule);
    let declared = f.target.map(|t| match (&plan.targets[t].value, f.value) {
        // Shown converted too where the plan wrote another unit than the requirement.
        (Declared::Value { amount, .. }, Some(v)) if amount.unit != unit => {
            format!(
                "{} (= {})",
                declared_words(&plan.targets[t]),
                show_value(v, unit)
            )
        }
        _ => declared_words(&plan.targets[t]),
    });
    let declared = f
        .target
        .zip(declared)
        .map(|(t, d)| format!("{d}{}", provenance(&plan.targets[t])));
    let outcome = outcome_words(f, rules);
    match (&f.reason, f.outcome) {
        (_, Outcome::Undeclared) => undeclared(f, rules, plan, subject, wording),
        (Some(Reason::ByReference), _) if f.earlier.is_none() && is_by_reference(f, plan) => {
            format!(
                "{subject} is declared by reference to the nationally assigned target, so `{wording}` cannot be checked"
            )
        }
        (Some(Reason::Qualitative), _) => {
            let Condition::Qualitative(words) = &req.condition else {
                unreachable!("only a qualitative condition gives this reason")
            };
            match declared {
                Some(d) => format!(
                    "{subject} is required to \"{words}\", which is not numeric; the plan declares {d}: not checkable"
                ),
                None => format!(
                    "{subject} is required to \"{words}\", which is not numeric: not checkable"
                ),
            }
        }
        (Some(Reason::BaselineMismatch { declared: b }), _) => format!(
            "{subject} is not declared; the plan declares it {} ({}), which is not comparable with `{wording}`",
            b.map_or("with no baseline year".to_string(), |b| format!("from {b}")),
            declared.unwrap_or_default()
        ),
        (Some(Reason::NoEarlierTarget { year }), _) => format!(
            "{subject} declared {}, but no {year} target to compare with `{wording}`: not checkable",
            declared.unwrap_or_default()
        ),
        _ => {
            let via = via_words(f, rules);
            let earlier = f
                .earlier
                .map(|e| {
                    format!(
                        " against its {} target of {}",
                        plan.targets[e].year.unwrap_or_default(),
                        declared_words(&plan.targets[e])
                    )
                })
                .unwrap_or_default();
            format!(
                "{subject}{via} declared {}{earlier}, required `{wording}`: {outcome}",
                declared.unwrap_or_default()
            )
        }
    }
}

fn is_by_reference(f: &Finding, plan: &Plan) -> bool {
    f.target
        .is_some_and(|t| plan.targets[t].value == Declared::ByReference)
}

/// How a plan wrote a value: `around 25 %`, `at least 14.4 %`, `by_reference`.
pub fn declared_words(target: &Target) -> String {
    let Declared::Value { qualifier, amount } = &target.value else {
        return "by reference".to_string();
    };
    let words = match qualifier {
        Qualifier::Exact | Qualifier::ByReference => "",
        Qualifier::Around => "around ",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
    };
    let unit = match amount.unit {
        crate::units::Unit::Year => String::new(),
        u => format!(" {u}"),
    };
    format!("{words}{}{unit}", target.detail.written)
}

/// How firm and how well sourced a target is, where that is worth a reviewer's notice: a
/// softer commitment (力争), or a source that is not verified.
fn provenance(target: &Target) -> String {
    let mut notes = Vec::new();
    if target.detail.commitment == Commitment::Strive {
        notes.push("strive, 力争".to_string());
    }
    match &target.detail.status {
        Some(s) if s.kind != StatusKind::Verified => notes.push(match &s.note {
            Some(note) => format!("{}: {note}", s.kind.name()),
            None => s.kind.name().to_string(),
        }),
        _ => {}
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    }
}

fn via_words(f: &Finding, rules: &RuleSet) -> String {
    match f.stand_in {
        Some(s) => {
            let how = match s.accepted {
                Some(StandIn::LowerBound) => "a lower bound",
                _ => "an equivalent",
            };
            format!(
                " (by `{}`, which the rule accepts as {how})",
                rules.indicator(s.indicator).name
            )
        }
        None => String::new(),
    }
}

/// The verdict and margin in words.
fn outcome_words(f: &Finding, rules: &RuleSet) -> String {
    let rule = &rules.rules[f.rule];
    let unit = rules.requirement_unit(rule);
    let indicator = rules.indicator(rule.requirement.indicator);
    match (f.outcome, &f.reason) {
        (Outcome::Fail, Some(Reason::OpenEnded)) if indicator.ambition == Ambition::Earlier => {
            return "not met: it commits to no latest year".to_string();
        }
        (Outcome::Fail, Some(Reason::OpenEnded)) => {
            return "not met: it commits to no upper limit".to_string();
        }
        (_, Some(Reason::StandInShort)) => {
            let stand_in = f.stand_in.map_or("the stand-in", |s| {
                rules.indicator(s.indicator).name.as_str()
            });
            return format!(
                "not checkable: `{stand_in}` is only a lower bound of `{}`, and does not settle the requirement",
                indicator.name
            );
        }
        _ => {}
    }
    let Some(m) = f.margin else {
        return f.outcome.name().replace('_', " ");
    };
    let amount = show_difference(m.abs(), unit);
    let strictly_beyond = f
        .declared_set
        .and_then(|s| s.low)
        .is_some_and(|e| !e.inclusive);
    match f.outcome {
        Outcome::Pass if f.within_tolerance => {
            format!("met within the tolerance, {amount} short of the figure")
        }
        Outcome::Pass if m.is_zero() && strictly_beyond => {
            "met: more than the figure itself".to_string()
        }
        Outcome::Pass if m.is_zero() => "met, exactly at the figure".to_string(),
        Outcome::Pass => format!("met with {amount} to spare"),
        Outcome::Fail if m.is_zero() || !m.is_sign_negative() => {
            "not met: the bound itself is excluded".to_string()
        }
        Outcome::Fail => format!("missed by {amount}"),
        _ => "not checkable: the declaration allows values on both sides of the requirement"
            .to_string(),
    }
}

fn undeclared(f: &Finding, rules: &RuleSet, plan: &Plan, subject: &str, wording: &str) -> String {
    let base = format!("{subject} is not declared; required `{wording}`");
    match f.stand_in {
        Some(s) => {
            let other = &plan.targets[s.target];
            format!(
                "{base}; the plan declares `{}` {} ({}), a different indicator this rule does not accept in its place",
                rules.indicator(s.indicator).name,
                period_words(other.year, other.baseline),
                declared_words(other)
            )
        }
        None => base,
    }
}

fn describe_aggregate(f: &Finding, rules: &RuleSet, subject: &str) -> String {
    let rule = &rules.rules[f.rule];
    let unit = rules.requirement_unit(rule);
    let in_scope = f.contributors.len() + f.missing.len();
    let total = f.value.map(|v| show_value(v, unit)).unwrap_or_default();
    let head = format!(
        "sum of {subject}: {total} from {} of {in_scope} provinces, required `{}`",
        f.contributors.len(),
        rule.requirement.wording
    );
    let unplanned = f.without_plan.len();
    let silent = f.missing.len() - unplanned;
    let provinces = |n: usize, verb: &str, verbs: &str| match n {
        1 => format!("1 province {verb}"),
        n => format!("{n} provinces {verbs}"),
    };
    let why = match (silent, unplanned) {
        (0, n) => provinces(n, "has no plan in this run", "have no plan in this run"),
        (n, 0) => provinces(n, "declares nothing", "declare nothing"),
        (n, m) => format!(
            "{} and {m} have no plan in this run",
            provinces(n, "declares nothing", "declare nothing")
        ),
    };
    match f.reason {
        Some(Reason::NotEnoughData) => format!("{head}: not enough data, {why}"),
        _ => format!("{head}: {}", outcome_words(f, rules)),
    }
}
