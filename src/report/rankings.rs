//! Rankings: for each indicator and year that provinces declare, the provinces most ambitious
//! first, each against the national figure where a rule gives one for that year.
//!
//! A province is ranked by what its declaration commits to, as the judge reads it
//! ([`committed`]): `at least 14.4 %` commits to 14.4 %, `more than 65 %` to just above 65 %,
//! and `at least 2025` for a peak year (where earlier is more ambitious) to no year at all.
//! So a ranking never puts first what the verdict next to it fails.

use std::cmp::Ordering;

use super::build::{requirement_text, shown_margin};
use super::{LeftOut, NationalFigure, NationalTotal, RankEntry, Ranking};
use crate::check::Checked;
use crate::eval::judge::{Figure, Interval, committed};
use crate::finding::{Finding, declared_words, exact, show_amount};
use crate::model::{Condition, Declared, Indicator, IndicatorId, Rule, RuleSet, Scope, Target};

/// The indicator, year and baseline a ranking is about.
type Key = (IndicatorId, Option<u16>, Option<u16>);

pub fn rankings(checked: &Checked, rules: &RuleSet) -> Vec<Ranking> {
    let mut keys: Vec<Key> = Vec::new();
    // Provinces are ranked among provinces: a city's target makes no ranking of its own.
    for plan in checked.plans.iter().filter(|p| p.city.is_none()) {
        for t in plan
            .targets
            .iter()
            .filter(|t| matches!(t.value, Declared::Value { .. }))
        {
            let key = (t.indicator, t.year, t.baseline);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.sort();
    keys.into_iter()
        .map(|key| ranking(checked, rules, key))
        .collect()
}

/// The rule giving a national figure for a key: over each province, or (`sum`) a national
/// total over them, with a figure.
fn national_rule(rules: &RuleSet, (indicator, year, baseline): Key, sum: bool) -> Option<usize> {
    rules.rules.iter().position(|r| {
        let req = &r.requirement;
        req.indicator == indicator
            && req.year == year
            && req.baseline == baseline
            && matches!(r.scope, Scope::Sum { .. }) == sum
            && figure(r).is_some()
    })
}

/// A rule's figure, in the unit it is written in.
fn figure(rule: &Rule) -> Option<String> {
    match &rule.requirement.condition {
        Condition::Compare { value, .. } | Condition::Around { value, .. } => {
            Some(exact(value.in_own_unit()))
        }
        _ => None,
    }
}

fn national_figure(rules: &RuleSet, r: usize) -> NationalFigure {
    let rule = &rules.rules[r];
    NationalFigure {
        rule: rule.id.clone(),
        requirement: requirement_text(rules, rule),
        value: figure(rule).expect("national_rule picks rules with a figure"),
    }
}

/// The national total of an aggregate rule, with the sum its finding made.
fn national_total(checked: &Checked, rules: &RuleSet, r: usize) -> Option<NationalTotal> {
    let rule = &rules.rules[r];
    let f = checked.findings.iter().find(|f| f.rule == r)?;
    Some(NationalTotal {
        rule: rule.id.clone(),
        requirement: requirement_text(rules, rule),
        value: figure(rule)?,
        sum: f.value.map(exact),
        unit: rules.requirement_unit(rule).name().to_string(),
        contributors: f.contributors.len(),
        in_scope: f.contributors.len() + f.missing.len(),
        outcome: f.outcome.name().to_string(),
        reason: f.reason.as_ref().map(|r| r.name().to_string()),
    })
}

fn ranking(checked: &Checked, rules: &RuleSet, key: Key) -> Ranking {
    let indicator = rules.indicator(key.0);
    let rule = national_rule(rules, key, false);
    let total = national_rule(rules, key, true);
    let mut entries = Vec::new();
    // Provinces are ranked among provinces: a city's figure is not one of theirs.
    let provincial = checked
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.city.is_none());
    for (p, plan) in provincial {
        for (t, target) in plan.targets.iter().enumerate() {
            if (target.indicator, target.year, target.baseline) != key {
                continue;
            }
            let finding = rule.and_then(|r| {
                checked
                    .findings
                    .iter()
                    .find(|f| f.plan == Some(p) && f.rule == r && f.target == Some(t))
            });
            entries.extend(entry(indicator, plan, target, finding));
        }
    }
    // Provinces the national rule judged by a stand-in it accepts (Beijing's renewable
    // share for the non-fossil share), so that the ranking counts what the summary counts.
    for f in &checked.findings {
        let Some((p, t, s)) = stand_in(f, rule) else {
            continue;
        };
        let plan = &checked.plans[p];
        if let Some((figure, mut e)) = entry(indicator, plan, &plan.targets[t], Some(f)) {
            e.stand_in = Some(rules.indicator(s).name.clone());
            entries.push((figure, e));
        }
    }
    Ranking {
        indicator: indicator.name.clone(),
        title: indicator
            .title
            .clone()
            .unwrap_or_else(|| indicator.name.clone()),
        year: key.1,
        baseline: key.2,
        unit: indicator.unit.name().to_string(),
        margin_unit: rule.map(|r| super::build::margin_unit(rules, r)),
        national: rule.map(|r| national_figure(rules, r)),
        national_total: total.and_then(|r| national_total(checked, rules, r)),
        left_out: left_out(checked, key, &entries),
        entries: ranked(entries, indicator.higher_is_better()),
    }
}

/// Each provincial plan without an entry, and why it has no figure under `key`.
fn left_out(
    checked: &Checked,
    (indicator, year, baseline): Key,
    entries: &[(Option<Figure>, RankEntry)],
) -> Vec<LeftOut> {
    let ranked = |name: &str| entries.iter().any(|(_, e)| e.province == name);
    let provincial = checked
        .plans
        .iter()
        .filter(|p| p.city.is_none() && !ranked(p.province.english()));
    let mut out: Vec<LeftOut> = provincial
        .map(|plan| {
            let same = |t: &&Target| t.indicator == indicator && t.year == year;
            let targets: Vec<&Target> = plan.targets.iter().filter(same).collect();
            let by_reference = targets
                .iter()
                .any(|t| t.baseline == baseline && matches!(t.value, Declared::ByReference));
            let other = targets.iter().find(|t| t.baseline != baseline);
            let (reason, baseline) = match (by_reference, other) {
                (true, _) => ("by_reference", None),
                (false, Some(t)) => ("other_baseline", t.baseline),
                (false, None) => ("undeclared", None),
            };
            LeftOut {
                province: plan.province.english().to_string(),
                province_zh: plan.province.chinese().to_string(),
                reason: reason.to_string(),
                baseline,
            }
        })
        .collect();
    out.sort_by(|a, b| a.province.cmp(&b.province));
    out
}

/// The plan, target and indicator of a finding of `rule` made on an accepted stand-in.
fn stand_in(f: &Finding, rule: Option<usize>) -> Option<(usize, usize, IndicatorId)> {
    let s = f.stand_in.filter(|s| s.accepted.is_some())?;
    (Some(f.rule) == rule).then_some((f.plan?, f.target?, s.indicator))
}

/// A province's entry, with what its declaration commits to; `None` for `by_reference`.
fn entry(
    indicator: &Indicator,
    plan: &crate::model::Plan,
    target: &Target,
    finding: Option<&Finding>,
) -> Option<(Option<Figure>, RankEntry)> {
    let Declared::Value {
        qualifier, amount, ..
    } = &target.value
    else {
        return None;
    };
    // The set the judge compared, where a rule judged it; else the same reading of the
    // qualifier.
    let declared = finding
        .and_then(|f| f.declared_set)
        .unwrap_or_else(|| Interval::declared(*qualifier, amount.base));
    let figure = committed(declared, indicator.higher_is_better());
    let entry = RankEntry {
        rank: None,
        province: plan.province.english().to_string(),
        province_zh: plan.province.chinese().to_string(),
        value: exact(indicator.unit.from_base(amount.base)),
        commits_to: figure.map(|f| commits_to(f, indicator)),
        declared: declared_words(target),
        commitment: target.detail.commitment.name().to_string(),
        status: target
            .detail
            .status
            .as_ref()
            .map(|s| s.kind.name().to_string()),
        stand_in: None,
        outcome: finding.map(|f| f.outcome.name().to_string()),
        waived: finding.is_some_and(|f| f.waived.is_some()),
        margin: finding.and_then(shown_margin),
    };
    Some((figure, entry))
}

/// A commitment in words, in the indicator's unit: `14.5 %`, `more than 65 %`.
fn commits_to(f: Figure, indicator: &Indicator) -> String {
    let amount = show_amount(f.value, indicator.unit);
    match (f.strictly_beyond, indicator.higher_is_better()) {
        (false, _) => amount,
        (true, true) => format!("more than {amount}"),
        (true, false) => format!("less than {amount}"),
    }
}

/// Which of two commitments is more ambitious (`Less` first); no bound comes last.
fn ambition(a: &Option<Figure>, b: &Option<Figure>, higher: bool) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(a), Some(b)) => {
            let by_value = if higher {
                b.value.cmp(&a.value)
            } else {
                a.value.cmp(&b.value)
            };
            // Strictly beyond a figure is more ambitious than the figure itself.
            by_value.then(b.strictly_beyond.cmp(&a.strictly_beyond))
        }
    }
}

/// Entries most ambitious first, ranked as in a competition: equal commitments share a rank
/// and the next rank skips as many (1, 1, 1, 4). A commitment with no bound is not ranked.
fn ranked(mut entries: Vec<(Option<Figure>, RankEntry)>, higher: bool) -> Vec<RankEntry> {
    // A stable sort keeps plan order between equal commitments.
    entries.sort_by(|a, b| ambition(&a.0, &b.0, higher));
    let figures: Vec<Option<Figure>> = entries.iter().map(|e| e.0).collect();
    entries
        .into_iter()
        .map(|(figure, mut e)| {
            e.rank = figure.map(|f| {
                let this = Some(f);
                1 + figures
                    .iter()
                    .filter(|other| ambition(other, &this, higher).is_lt())
                    .count()
            });
            e
        })
        .collect()
}
