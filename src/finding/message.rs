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
    if rule.kind == RuleKind::Aggregate {
        return describe_city_sum(f, rules, (plan, subject));
    }
    let subject = format!("{}: {subject}", plan.name());
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
    let row = f.assigned.map(|a| &rules.assignments[a.table].rows[a.row]);
    let declared = match (f.assigned, row) {
        (Some(a), Some(row)) if a.by_reference => Some(format!(
            "by reference to {}{}",
            assigned_words(row, false),
            f.target
                .map(|t| provenance(&plan.targets[t]))
                .unwrap_or_default()
        )),
        _ => declared,
    };
    let outcome = outcome_words(f, rules);
    // What the rule asks of this province: its own assigned figure, or the rule's.
    let required = match (f.assigned, row) {
        (Some(a), Some(row)) if a.required => assigned_words(row, true),
        _ if req.condition == Condition::Province => province_words(f, plan, plans),
        _ => format!("{} `{wording}`", rule.figure_role()),
    };
    let declared = match (f.counterpart, f.target) {
        (Some(_), Some(t)) if plan.targets[t].value == Declared::ByReference => Some(format!(
            "by reference to its province's figure{}",
            provenance(&plan.targets[t])
        )),
        _ => declared,
    };
    match (&f.reason, f.outcome) {
        (_, Outcome::Undeclared) => undeclared(f, rules, plan, subject, &required),
        (Some(Reason::NotAssessable), _) => not_assessable(rules, req.indicator, plan, subject),
        (Some(Reason::NoAssignment), _) => format!(
            "{subject}: no assigned figure is known for {}, so `{wording}` cannot be checked{}",
            plan.province,
            declared
                .map(|d| format!("; the plan declares {}", it_if_by_reference(&d)))
                .unwrap_or_default()
        ),
        (Some(Reason::ByReference), _) if f.earlier.is_none() && is_by_reference(f, plan) => {
            format!(
                "{subject} is declared by reference to the nationally assigned target, so `{wording}` cannot be checked"
            )
        }
        (Some(Reason::Qualitative), _) => {
            let Condition::Qualitative(words) = &req.condition else {
                unreachable!("only a qualitative condition gives this reason")
            };
            let (what, after) = match rule.kind {
                RuleKind::Benchmark => (": the national benchmark, to", ", is not numeric"),
                _ => (" is required to", ", which is not numeric"),
            };
            match declared {
                Some(d) => format!(
                    "{subject}{what} \"{words}\"{after}; the plan declares {d}: not checkable"
                ),
                None => format!("{subject}{what} \"{words}\"{after}: not checkable"),
            }
        }
        (Some(Reason::BaselineMismatch { declared: b }), _) => format!(
            "{subject} is not declared; the plan declares it {} ({}), which is not comparable with {}",
            b.map_or("with no baseline year".to_string(), |b| format!("from {b}")),
            declared.unwrap_or_default(),
            required.trim_start_matches("required ")
        ),
        (
            Some(Reason::NoProvincePlan | Reason::ProvinceUndeclared | Reason::ProvinceByReference),
            _,
        ) => {
            format!(
                "{subject} declared {}, {required}: not checkable",
                declared.unwrap_or_default()
            )
        }
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
            if let (Some(a), Some(row)) = (f.assigned, row)
                && a.required
                && a.by_reference
            {
                let provenance = f.target.map(|t| provenance(&plan.targets[t]));
                return by_reference_to_assigned(f, rules, row, (subject, provenance));
            }
            format!(
                "{subject}{via} declared {}{earlier}, {required}: {outcome}",
                declared.unwrap_or_default(),
            )
        }
    }
}

/// What an `as province` rule requires of a city: its province's figure, or why there is
/// none to compare with.
fn province_words(f: &Finding, plan: &Plan, plans: &[Plan]) -> String {
    let province = plan.province.english();
    match (f.counterpart, f.reason) {
        (Some(_), Some(Reason::ProvinceByReference)) => format!(
            "and {province}'s plan declares its own by reference, so there is no figure to compare with"
        ),
        (Some((q, u)), _) => format!(
            "required at least as ambitious as {province}'s plan, {}",
            declared_words(&plans[q].targets[u])
        ),
        (None, Some(Reason::NoProvincePlan)) => {
            format!("to compare with {province}'s plan, which is not in this run")
        }
        (None, Some(Reason::ProvinceUndeclared)) => {
            format!("but {province}'s plan declares no such target to compare with")
        }
        _ => format!("required at least as ambitious as {province}'s plan"),
    }
}

/// A declaration by reference, judged as the very figure the rule requires.
fn by_reference_to_assigned(
    f: &Finding,
    rules: &RuleSet,
    row: &AssignedRow,
    (subject, provenance): (&str, Option<String>),
) -> String {
    let basic = row
        .basic
        .map(|b| show_value(b.in_own_unit(), b.unit))
        .unwrap_or_default();
    let verb = if f.outcome.is_inside() {
        "meets"
    } else {
        "does not meet"
    };
    let incentive = incentive(f, rules);
    format!(
        "{subject} is declared by reference (确保完成国家下达目标){}: {verb} the assigned {basic} by reference ({}){incentive}",
        provenance.unwrap_or_default(),
        row.status_words()
    )
}

/// `declares by reference` reads `declares it by reference`.
fn it_if_by_reference(declared: &str) -> String {
    match declared.strip_prefix("by reference") {
        Some(rest) => format!("it by reference{rest}"),
        None => declared.to_string(),
    }
}

/// An assigned figure in words: `the assigned 14 % (stated as assigned by its source)`;
/// as a requirement, with the incentive figure beside the basic one.
fn assigned_words(row: &AssignedRow, as_required: bool) -> String {
    let show = |a: &Amount| show_value(a.in_own_unit(), a.unit);
    let basic = row.basic.as_ref().map(show).unwrap_or_default();
    let own_plan = row.status == AssignedStatus::OwnPlan;
    let figures = match (&row.incentive, as_required, own_plan) {
        (_, true, true) => format!("compared with the {basic} its own plan gives"),
        (Some(incentive), true, false) => format!(
            "required its assigned basic {basic}, incentive {}",
            show(incentive)
        ),
        (None, true, false) => format!("required its assigned {basic}"),
        (_, false, _) => format!("the assigned {basic}"),
    };
    format!("{figures} ({})", row.status_words())
}

/// A province the rules say publishes no statistics for the indicator.
fn not_assessable(rules: &RuleSet, indicator: IndicatorId, plan: &Plan, subject: &str) -> String {
    let (t, r) = rules
        .unassessable(indicator, plan.province)
        .expect("decide: a row says the province is not assessable");
    let row = &rules.assignments[t].rows[r];
    let source = &rules.sources[row.cite.source];
    format!(
        "{subject}: {} publishes no statistics for it (\"{}\", {}): not assessable, so not judged",
        plan.province,
        row.cite.locator,
        source.title.as_deref().unwrap_or(&source.name)
    )
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
        Qualifier::AtMost => "at most ",
        Qualifier::LessThan => "less than ",
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
    if f.outcome.is_benchmark() {
        return benchmark_words(f, rules);
    }
    let rule = &rules.rules[f.rule];
    let unit = rules.requirement_unit(rule);
    let indicator = rules.indicator(rule.requirement.indicator);
    match (f.outcome, &f.reason) {
        (Outcome::Fail, Some(Reason::OpenEnded)) => {
            return format!("not met: it commits to {}", no_bound(indicator.ambition));
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
    let strictly_beyond = strictly_beyond(f, rules);
    match f.outcome {
        Outcome::Pass if f.within_tolerance => {
            format!("met within the tolerance, {amount} short of the figure")
        }
        Outcome::Pass if m.is_zero() && strictly_beyond => {
            let beyond = match indicator.ambition {
                Ambition::Higher => "more",
                Ambition::Lower => "less",
                Ambition::Earlier => "earlier",
            };
            format!("met: {beyond} than the figure itself")
        }
        Outcome::Pass if m.is_zero() => {
            format!("met, exactly at the figure{}", incentive(f, rules))
        }
        Outcome::Pass => format!("met with {amount} to spare{}", incentive(f, rules)),
        Outcome::Fail if m.is_zero() || !m.is_sign_negative() => {
            "not met: the bound itself is excluded".to_string()
        }
        Outcome::Fail => format!("missed by {amount}"),
        _ => "not checkable: the declaration allows values on both sides of the requirement"
            .to_string(),
    }
}

/// For a pass of an assigned basic figure, whether the incentive figure is reached too.
fn incentive(f: &Finding, rules: &RuleSet) -> String {
    let Some(a) = f.assigned.filter(|a| a.required) else {
        return String::new();
    };
    let row = &rules.assignments[a.table].rows[a.row];
    let Some(incentive) = row.incentive else {
        return String::new();
    };
    let shown = show_value(incentive.in_own_unit(), incentive.unit);
    if a.short_of_incentive {
        format!(", short of the incentive {shown}")
    } else {
        format!(", and the incentive {shown} is reached")
    }
}

/// Where a plan stands against a benchmark, in the direction of ambition: `below the
/// national 20 % by 7 pp`. A benchmark is a comparison, so these words never say a plan
/// failed or missed.
fn benchmark_words(f: &Finding, rules: &RuleSet) -> String {
    let rule = &rules.rules[f.rule];
    let unit = rules.requirement_unit(rule);
    let national = format!("the national {}", figure_words(&rule.requirement.condition));
    let ambition = rules.indicator(rule.requirement.indicator).ambition;
    let (ahead, behind) = match ambition {
        Ambition::Higher => ("above", "below"),
        Ambition::Lower => ("below", "above"),
        Ambition::Earlier => ("earlier than", "later than"),
    };
    let reaches = f.outcome == Outcome::ReachesBenchmark;
    let Some(m) = f.margin else {
        return if reaches {
            format!("at or {ahead} {national}")
        } else {
            format!(
                "it commits to {}, so it does not reach {national}",
                no_bound(ambition)
            )
        };
    };
    let amount = show_difference(m.abs(), unit);
    match (reaches, m.is_sign_negative() && !m.is_zero()) {
        (true, _) if f.within_tolerance => {
            format!("within the tolerance of {national}, {amount} {behind} it")
        }
        (true, _) if m.is_zero() && strictly_beyond(f, rules) => format!("{ahead} {national}"),
        (true, _) if m.is_zero() => format!("at {national}"),
        (true, _) => format!("{ahead} {national} by {amount}"),
        (false, false) => format!("at {national}, which the benchmark excludes"),
        (false, true) => format!("{behind} {national} by {amount}"),
    }
}

/// What a declaration unbounded on its less ambitious side leaves open.
fn no_bound(ambition: Ambition) -> &'static str {
    match ambition {
        Ambition::Earlier => "no latest year",
        Ambition::Higher => "no lower limit",
        Ambition::Lower => "no upper limit",
    }
}

/// A requirement's figure in words: `13.5 %`, `around 20 %`, `2060`.
fn figure_words(condition: &Condition) -> String {
    let show = |a: &Amount| show_value(a.in_own_unit(), a.unit);
    match condition {
        Condition::Compare { value, .. } => show(value),
        Condition::Around { value, .. } => format!("around {}", show(value)),
        Condition::Between { low, high } => format!("{} to {}", show(low), show(high)),
        Condition::OwnEarlier { year, .. } => format!("{year} target"),
        Condition::Qualitative(words) => format!("\"{words}\""),
        Condition::Assigned { .. } => "assigned figure".to_string(),
        Condition::Province => "province's figure".to_string(),
    }
}

/// Whether the declaration commits to just beyond its figure (`more than 65 %`, or for a
/// cap `less than 14000 万tce`), so that a margin of zero is not "at the figure".
fn strictly_beyond(f: &Finding, rules: &RuleSet) -> bool {
    let higher = rules
        .indicator(rules.rules[f.rule].requirement.indicator)
        .higher_is_better();
    f.declared_set
        .and_then(|s| if higher { s.low } else { s.high })
        .is_some_and(|e| !e.inclusive)
}

fn undeclared(f: &Finding, rules: &RuleSet, plan: &Plan, subject: &str, required: &str) -> String {
    let base = format!("{subject} is not declared; {required}");
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

/// The sum of a province's cities against its own plan (`kind aggregate`, `as province`).
fn describe_city_sum(f: &Finding, rules: &RuleSet, (plan, subject): (&Plan, &str)) -> String {
    let unit = rules.requirement_unit(&rules.rules[f.rule]);
    let province = plan.province.english();
    let head = format!("{province}: sum of its cities' {subject}");
    let own = f.target.map(|t| declared_words(&plan.targets[t]));
    let divisions = crate::cities::City::of(plan.province).count();
    let total = f.value.map(|v| show_value(v, unit)).unwrap_or_default();
    let from = format!(
        "{total} from {} of {divisions} divisions",
        f.contributors.len()
    );
    match (f.reason, own) {
        (Some(Reason::ProvinceUndeclared), _) | (_, None) => {
            format!(
                "{head}: {province}'s plan declares no such target to compare with: not checkable"
            )
        }
        (Some(Reason::ProvinceByReference), _) => format!(
            "{head}: {province}'s plan declares it by reference, so there is no figure to compare with: not checkable"
        ),
        (Some(Reason::NotEnoughData), Some(own)) => format!(
            "{head}: {from}, against its own plan's {own}: not enough data, {} divisions have no figure in this run",
            divisions - f.contributors.len()
        ),
        (_, Some(own)) => format!(
            "{head}: {from}, against its own plan's {own}: {}",
            outcome_words(f, rules)
        ),
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
    // A plan of another period is no plan for a rule of one period.
    let no_plan = match rule.period {
        Some(period) => format!("no plan of the {} period in this run", period.name()),
        None => "no plan in this run".to_string(),
    };
    let (has, have) = (format!("has {no_plan}"), format!("have {no_plan}"));
    let why = match (silent, unplanned) {
        (0, n) => provinces(n, &has, &have),
        (n, 0) => provinces(n, "declares nothing", "declare nothing"),
        (n, m) => format!(
            "{} and {m} {have}",
            provinces(n, "declares nothing", "declare nothing")
        ),
    };
    match f.reason {
        Some(Reason::NotEnoughData) => format!("{head}: not enough data, {why}"),
        _ => format!("{head}: {}", outcome_words(f, rules)),
    }
}
