//! PC011: two rules asking about the same target (indicator, year and baseline) of some
//! province that no value can both meet. Rules on one province need not share their scope:
//! `group tier1` asking `>= 14.5 %` and `[河北] < 12 %` contradict each other for Hebei.
//!
//! Rules are first grouped by target, and a target's rules split into views: the provinces
//! that are in the scope of exactly the same rules, and those rules (one view for rules over
//! every province, as the national rules are). An aggregate is about its whole scope, so
//! aggregates share a view only with the same scope. Within a view, each rule is reported
//! with the first rule (in file order) it contradicts. Two sets of values are disjoint
//! exactly when one lies wholly below the other, so a sweep in file order, with the earlier
//! rules' ends in two trees, finds that rule in O(log n): O(n log n) for a view, not a pair
//! at a time.

use std::collections::{BTreeMap, HashMap};

use super::{Context, LintFinding};
use rust_decimal::Decimal;

use super::min_tree::SuffixMin;
use crate::eval::judge::{End, Interval, accepted};
use crate::model::IndicatorId;
use crate::model::{Rule, Scope};
use crate::provinces::{Province, ProvinceSet};

pub const CONTRADICTION: &str = "PC011";

/// The numeric rules on one target, in file order: each rule's index and the values it
/// accepts.
pub type Target = Vec<(usize, Interval)>;

/// Rules on one target as some provinces see them: every rule whose scope holds them.
pub struct View {
    pub provinces: ProvinceSet,
    pub rules: Target,
}

/// Every view of every target, the targets in the order of their first rule.
pub fn views(cx: &Context) -> Vec<View> {
    let mut views = Vec::new();
    for (target, sum) in targets(cx) {
        match sum {
            Some(scope) => views.push(View {
                provinces: scope.provinces(),
                rules: target,
            }),
            None => views.extend(split(cx, target)),
        }
    }
    views
}

/// The provinces seeing the same two or more rules of `target`, together.
fn split(cx: &Context, target: Target) -> Vec<View> {
    let mut index: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut views: Vec<View> = Vec::new();
    for p in Province::all() {
        let holds = |&&(i, _): &&(usize, Interval)| cx.rules.rules[i].scope.provinces().contains(p);
        let rules: Target = target.iter().filter(holds).copied().collect();
        if rules.len() < 2 {
            continue;
        }
        let key = rules.iter().map(|(i, _)| *i).collect();
        let at = *index.entry(key).or_insert_with(|| {
            views.push(View {
                provinces: ProvinceSet::EMPTY,
                rules,
            });
            views.len() - 1
        });
        views[at].provinces = views[at].provinces.union(ProvinceSet::single(p));
    }
    views
}

/// The numeric rules grouped by target (indicator, year and baseline year; for an
/// aggregate, its scope too), the groups in the order of their first rule, each with the
/// scope of its aggregates.
fn targets(cx: &Context) -> Vec<(Target, Option<Scope>)> {
    type Key = (IndicatorId, Option<u16>, Option<u16>, Option<Scope>);
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut groups: Vec<(Target, Option<Scope>)> = Vec::new();
    for (i, rule) in cx.rules.rules.iter().enumerate() {
        let Some(values) = accepted_values(cx, rule) else {
            continue;
        };
        let r = &rule.requirement;
        let sum = matches!(rule.scope, Scope::Sum { .. }).then_some(rule.scope);
        let key = (r.indicator, r.year, r.baseline, sum);
        let group = *index.entry(key).or_insert_with(|| {
            groups.push((Vec::new(), sum));
            groups.len() - 1
        });
        groups[group].0.push((i, values));
    }
    groups
}

/// ` for Hebei`: the provinces two rules were compared on, when their scopes differ.
pub fn compared_on(cx: &Context, a: usize, b: usize, provinces: ProvinceSet) -> String {
    let (a, b) = (&cx.rules.rules[a].scope, &cx.rules.rules[b].scope);
    if a == b {
        return String::new();
    }
    let names: Vec<&str> = provinces.iter().map(Province::english).collect();
    match names.len() {
        0..=6 => format!(" for {}", names.join(", ")),
        n => format!(" for {n} provinces ({}, ...)", names[..5].join(", ")),
    }
}

fn accepted_values(cx: &Context, rule: &Rule) -> Option<Interval> {
    let r = &rule.requirement;
    let higher = cx.rules.indicator(r.indicator).higher_is_better();
    accepted(&r.condition, higher)
}

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    // Each pair once, with every province it was found on, in the order of the later rule.
    let mut found: BTreeMap<(usize, usize), ProvinceSet> = BTreeMap::new();
    for view in views(cx) {
        for (earlier, later) in first_contradictions(&view.rules) {
            let on = found.entry((later, earlier)).or_insert(ProvinceSet::EMPTY);
            *on = on.union(view.provinces);
        }
    }
    for ((later, earlier), provinces) in found {
        out.push(contradiction(cx, earlier, later, provinces));
    }
}

/// Where an end lies on the line: past every value where there is none, an open end just
/// inside its value. A set lies wholly below another exactly when its high end lies below
/// the other's low end.
type Position = (u8, Decimal, i8);

fn high_position(end: Option<End>) -> Position {
    end.map_or((2, Decimal::ZERO, 0), |e| {
        (1, e.value, if e.inclusive { 0 } else { -1 })
    })
}

fn low_position(end: Option<End>) -> Position {
    end.map_or((0, Decimal::ZERO, 0), |e| {
        (1, e.value, if e.inclusive { 0 } else { 1 })
    })
}

/// `(earlier, later)` for each rule that contradicts an earlier one, with the first such.
fn first_contradictions(target: &Target) -> Vec<(usize, usize)> {
    let mut positions: Vec<Position> = target
        .iter()
        .flat_map(|(_, v)| [high_position(v.high), low_position(v.low)])
        .collect();
    positions.sort();
    positions.dedup();
    let rank = |p: Position| positions.binary_search(&p).expect("every end is ranked");
    let last = positions.len() - 1;
    // Earlier rules by their high end, mirrored (a suffix of the mirror is a prefix), and
    // by their low end.
    let (mut by_high, mut by_low) = (SuffixMin::new(last + 1), SuffixMin::new(last + 1));
    let mut found = Vec::new();
    for &(rule, values) in target {
        let (low, high) = (
            rank(low_position(values.low)),
            rank(high_position(values.high)),
        );
        // An earlier set wholly below this one (its high end before this low end), or
        // wholly above (its low end after this high end).
        let below = (low > 0).then(|| by_high.min_from(last + 1 - low));
        let above = (high < last).then(|| by_low.min_from(high + 1));
        let first = below
            .into_iter()
            .chain(above)
            .min()
            .filter(|&i| i != usize::MAX);
        found.extend(first.map(|earlier| (earlier, rule)));
        by_high.lower(last - high, rule);
        by_low.lower(low, rule);
    }
    found
}

fn contradiction(cx: &Context, e: usize, l: usize, provinces: ProvinceSet) -> LintFinding {
    let on = compared_on(cx, e, l, provinces);
    let (earlier, later) = (&cx.rules.rules[e], &cx.rules.rules[l]);
    let (w1, w2) = (&earlier.requirement.wording, &later.requirement.wording);
    let message = format!(
        "rule `{}` contradicts rule `{}`{on}: no value meets both `{w2}` and `{w1}`",
        later.id, earlier.id
    );
    LintFinding::new(
        CONTRADICTION,
        later.requirement.site,
        message,
        "cannot be met together",
    )
    .with_help(if on.is_empty() {
        format!(
            "`{}` asks the same question of the same provinces; one of the two is wrong",
            earlier.id
        )
    } else {
        format!(
            "`{}` asks the same question{on}; one of the two is wrong there",
            earlier.id
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::judge::{Verdict, judge};

    /// Every pair compared, as the lint once did, keeping each rule's first contradiction.
    fn pairwise(target: &Target) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (j, &(later, second)) in target.iter().enumerate() {
            let first = target[..j]
                .iter()
                .find(|&&(_, first)| judge(first, second) == Verdict::Fail);
            found.extend(first.map(|&(earlier, _)| (earlier, later)));
        }
        found
    }

    #[test]
    fn the_sweep_finds_what_comparing_every_pair_finds() {
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..3000 {
            let target: Target = super::super::min_tree::random::rules(&mut rng);
            assert_eq!(
                first_contradictions(&target),
                pairwise(&target),
                "{target:?}"
            );
        }
    }
}
