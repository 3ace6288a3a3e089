//! PC012: a rule implied by another rule of the same kind on the same target: every value
//! that meets the other meets it too. Rules of different kinds say different things (a floor
//! and a benchmark may share a figure on purpose), so only rules of one kind are compared.
//!
//! Each redundant rule is reported once, naming the first rule (in file order) that implies
//! it; of two rules that accept exactly the same values, the later is the redundant one.
//! Comparing every pair would take time (and give warnings) quadratic in the number of
//! rules on a target; instead each rule's accepted interval becomes a point (how tight its
//! low end is, how tight its high end is), a rule implies another exactly when its point is
//! at least as tight on both, and one sweep over the points finds, for each, the first rule
//! at least as tight: O(n log n).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use super::conflicts::{compared_on, views};
use super::min_tree::SuffixMin;
use super::{Context, LintFinding};
use crate::eval::judge::{End, Interval};
use crate::provinces::ProvinceSet;

pub const REDUNDANT: &str = "PC012";

/// A rule implied on some provinces: where, and the first rule implying it on each view.
#[derive(Default)]
struct Implied {
    on: ProvinceSet,
    by: BTreeSet<usize>,
}

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    let mut implied: BTreeMap<usize, Implied> = BTreeMap::new();
    for view in views(cx) {
        let mut by_kind: HashMap<_, Vec<(usize, Interval)>> = HashMap::new();
        for &(rule, values) in &view.rules {
            by_kind
                .entry(cx.rules.rules[rule].kind)
                .or_default()
                .push((rule, values));
        }
        for rules in by_kind.values() {
            for (rule, by) in implied_rules(rules) {
                let entry = implied.entry(rule).or_default();
                entry.on = entry.on.union(view.provinces);
                entry.by.insert(by);
            }
        }
    }
    // Redundant only where implied on every province of its scope: elsewhere it still asks
    // something no other rule does.
    for (rule, found) in implied {
        if found.on == cx.rules.rules[rule].scope.provinces() {
            out.push(redundant(cx, rule, &found));
        }
    }
}

/// How tight a low end is: no end is the loosest, then by value, an open end tighter than a
/// closed one at the same value.
type LowTightness = Option<(Decimal, bool)>;

/// How tight a high end is: no end is the loosest, then a lower value is tighter, an open
/// end tighter than a closed one at the same value.
type HighTightness = Option<(Reverse<Decimal>, bool)>;

fn low_tightness(end: Option<End>) -> LowTightness {
    end.map(|e| (e.value, !e.inclusive))
}

fn high_tightness(end: Option<End>) -> HighTightness {
    end.map(|e| (Reverse(e.value), !e.inclusive))
}

/// Rules (by index, in file order) that accept the same values are one point.
struct Point {
    low: LowTightness,
    /// The rank of the high end's tightness among the rules compared.
    high: usize,
    /// The rules at this point, in file order.
    rules: Vec<usize>,
}

/// `(implied rule, the first rule that implies it)` for each redundant rule in `rules`.
fn implied_rules(rules: &[(usize, Interval)]) -> Vec<(usize, usize)> {
    let mut points = points(rules);
    let tighter = first_strictly_tighter(&mut points);
    let mut found = Vec::new();
    for (point, tighter) in points.iter().zip(tighter) {
        let first = point.rules[0];
        if let Some(by) = tighter {
            found.push((first, by));
        }
        // A later rule at the same point is implied by the first, or by an earlier rule
        // that is tighter still.
        for &rule in &point.rules[1..] {
            found.push((rule, tighter.map_or(first, |t| t.min(first))));
        }
    }
    found
}

fn points(rules: &[(usize, Interval)]) -> Vec<Point> {
    let mut highs: Vec<HighTightness> = rules.iter().map(|(_, v)| high_tightness(v.high)).collect();
    highs.sort();
    highs.dedup();
    let mut index: HashMap<(LowTightness, usize), usize> = HashMap::new();
    let mut points: Vec<Point> = Vec::new();
    for &(rule, values) in rules {
        let low = low_tightness(values.low);
        let high = highs
            .binary_search(&high_tightness(values.high))
            .expect("every high end is ranked");
        let at = *index.entry((low, high)).or_insert_with(|| {
            points.push(Point {
                low,
                high,
                rules: Vec::new(),
            });
            points.len() - 1
        });
        points[at].rules.push(rule);
    }
    points
}

/// For each point, the first rule at another point at least as tight at both ends (and so
/// strictly tighter at one). Sorts `points`, tightest low end first.
fn first_strictly_tighter(points: &mut [Point]) -> Vec<Option<usize>> {
    points.sort_by(|a, b| b.low.cmp(&a.low).then(b.high.cmp(&a.high)));
    let ranks = points.iter().map(|p| p.high).max().map_or(0, |m| m + 1);
    // Points with a tighter low end, by how tight their high end is.
    let mut seen = SuffixMin::new(ranks);
    let mut found = vec![None; points.len()];
    let mut start = 0;
    while start < points.len() {
        let end = start + points[start..].partition_point(|p| p.low == points[start].low);
        // Within one low end, sorted tightest high end first: the points before are tighter.
        let mut before = usize::MAX;
        for (i, point) in points[start..end].iter().enumerate() {
            let best = seen.min_from(point.high).min(before);
            found[start + i] = (best != usize::MAX).then_some(best);
            before = before.min(point.rules[0]);
        }
        for point in &points[start..end] {
            seen.lower(point.high, point.rules[0]);
        }
        start = end;
    }
    found
}

fn redundant(cx: &Context, rule: usize, found: &Implied) -> LintFinding {
    let first = *found.by.first().expect("implied by some rule");
    let on = compared_on(cx, first, rule, found.on);
    let (implied, by) = (&cx.rules.rules[rule], &cx.rules.rules[first]);
    let others = match found.by.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    let message = format!(
        "rule `{}` is implied by rule `{}`{others}{on}: every value that meets `{}` meets `{}`",
        implied.id, by.id, by.requirement.wording, implied.requirement.wording
    );
    LintFinding::new(
        REDUNDANT,
        implied.requirement.site,
        message,
        "implied by another rule",
    )
    .with_help("remove one, or say why both are kept: `allow PC012 because \"...\"`")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::judge::{Verdict, judge};

    /// Every pair compared, as the lint once did.
    fn pairwise(rules: &[(usize, Interval)]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for &(r, rv) in rules {
            let by = rules
                .iter()
                .filter(|&&(s, sv)| s != r && judge(sv, rv) == Verdict::Pass && (sv != rv || s < r))
                .map(|&(s, _)| s)
                .min();
            found.extend(by.map(|s| (r, s)));
        }
        found
    }

    #[test]
    fn the_sweep_finds_what_comparing_every_pair_finds() {
        let mut rng = fastrand::Rng::with_seed(12);
        for _ in 0..2000 {
            let rules = super::super::min_tree::random::rules(&mut rng);
            let mut swept = implied_rules(&rules);
            swept.sort();
            assert_eq!(swept, pairwise(&rules), "{rules:?}");
        }
    }
}
