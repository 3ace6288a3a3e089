//! Rankings: for each indicator and year that provinces declare, the provinces most ambitious
//! first, each against the national figure where a rule gives one for that year.

use super::build::requirement;
use super::{NationalFigure, RankEntry, Ranking};
use crate::check::Checked;
use crate::finding::{declared_words, exact};
use crate::model::{Condition, Declared, IndicatorId, RuleSet, Scope};

/// The indicator, year and baseline a ranking is about.
type Key = (IndicatorId, Option<u16>, Option<u16>);

pub fn rankings(checked: &Checked, rules: &RuleSet) -> Vec<Ranking> {
    let mut keys: Vec<Key> = Vec::new();
    for plan in &checked.plans {
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

/// The rule giving the national figure for a key: one over each province, with a figure.
fn national_rule(rules: &RuleSet, (indicator, year, baseline): Key) -> Option<usize> {
    rules.rules.iter().position(|r| {
        let req = &r.requirement;
        req.indicator == indicator
            && req.year == year
            && req.baseline == baseline
            && matches!(r.scope, Scope::Each(_))
            && matches!(
                req.condition,
                Condition::Compare { .. } | Condition::Around { .. }
            )
    })
}

fn ranking(checked: &Checked, rules: &RuleSet, key: Key) -> Ranking {
    let indicator = rules.indicator(key.0);
    let rule = national_rule(rules, key);
    let national = rule.map(|r| {
        let rule = &rules.rules[r];
        let figure = match &rule.requirement.condition {
            Condition::Compare { value, .. } | Condition::Around { value, .. } => {
                exact(value.in_own_unit())
            }
            _ => unreachable!("national_rule picks rules with a figure"),
        };
        NationalFigure {
            rule: rule.id.clone(),
            requirement: requirement(rules, rule),
            value: figure,
        }
    });
    let mut entries = Vec::new();
    for (p, plan) in checked.plans.iter().enumerate() {
        for (t, target) in plan.targets.iter().enumerate() {
            let Declared::Value { amount, .. } = &target.value else {
                continue;
            };
            if (target.indicator, target.year, target.baseline) != key {
                continue;
            }
            let finding = rule.and_then(|r| {
                checked
                    .findings
                    .iter()
                    .find(|f| f.plan == Some(p) && f.rule == r && f.target == Some(t))
            });
            let value = indicator.unit.from_base(amount.base);
            entries.push((
                value,
                RankEntry {
                    rank: 0,
                    province: plan.province.english().to_string(),
                    province_zh: plan.province.chinese().to_string(),
                    value: exact(value),
                    declared: declared_words(target),
                    commitment: target.commitment.name().to_string(),
                    outcome: finding.map(|f| f.outcome.name().to_string()),
                    margin: finding.and_then(super::build::shown_margin),
                },
            ));
        }
    }
    // Most ambitious first; a stable sort keeps plan order between equal figures.
    if indicator.higher_is_better() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    } else {
        entries.sort_by_key(|e| e.0);
    }
    let entries = entries
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut e))| {
            e.rank = i + 1;
            e
        })
        .collect();
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
        national,
        entries,
    }
}
