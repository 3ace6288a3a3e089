//! PC011: two rules asking about the same target (indicator, year, baseline and scope) that
//! no value can both meet. Rules are first grouped by target, so only rules that could
//! conflict are compared; within a target, each rule is reported once, with the first rule
//! (in file order) it contradicts. Two sets of values are disjoint exactly when one lies
//! wholly below the other, so a sweep in file order, with the earlier rules' ends in two
//! trees, finds that rule in O(log n): O(n log n) for a target, not a pair at a time.

use std::collections::HashMap;

use super::{Context, LintFinding};
use rust_decimal::Decimal;

use super::min_tree::SuffixMin;
use crate::eval::judge::{End, Interval, accepted};
use crate::model::IndicatorId;
use crate::model::{Rule, Scope};

pub const CONTRADICTION: &str = "PC011";

/// The numeric rules on one target, in file order: each rule's index and the values it
/// accepts.
pub type Target = Vec<(usize, Interval)>;

/// The numeric rules grouped by target (indicator, year, baseline year and scope), the
/// groups in the order of their first rule.
pub fn targets(cx: &Context) -> Vec<Target> {
    type Key = (IndicatorId, Option<u16>, Option<u16>, Scope);
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut groups: Vec<Target> = Vec::new();
    for (i, rule) in cx.rules.rules.iter().enumerate() {
        let Some(values) = accepted_values(cx, rule) else {
            continue;
        };
        let r = &rule.requirement;
        let key = (r.indicator, r.year, r.baseline, rule.scope);
        let group = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push((i, values));
    }
    groups
}

fn accepted_values(cx: &Context, rule: &Rule) -> Option<Interval> {
    let r = &rule.requirement;
    let higher = cx.rules.indicator(r.indicator).higher_is_better();
    accepted(&r.condition, higher)
}

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for target in targets(cx) {
        for (earlier, later) in first_contradictions(&target) {
            out.push(contradiction(cx, earlier, later));
        }
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

fn contradiction(cx: &Context, earlier: usize, later: usize) -> LintFinding {
    let (earlier, later) = (&cx.rules.rules[earlier], &cx.rules.rules[later]);
    let (w1, w2) = (&earlier.requirement.wording, &later.requirement.wording);
    let message = format!(
        "rule `{}` contradicts rule `{}`: no value meets both `{w2}` and `{w1}`",
        later.id, earlier.id
    );
    LintFinding::new(
        CONTRADICTION,
        later.requirement.site,
        message,
        "cannot be met together",
    )
    .with_help(format!(
        "`{}` asks the same question of the same provinces; one of the two is wrong",
        earlier.id
    ))
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
