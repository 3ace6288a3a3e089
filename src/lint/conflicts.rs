//! PC011 and PC012: two rules asking about the same target (indicator, year, baseline and
//! scope) that no value can both meet, or where meeting one always meets the other.

use super::{Context, LintFinding};
use crate::eval::judge::{Interval, Verdict, accepted, judge};
use crate::model::Rule;

pub const CONTRADICTION: &str = "PC011";
pub const REDUNDANT: &str = "PC012";

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    let rules = &cx.rules.rules;
    for (j, later) in rules.iter().enumerate() {
        for earlier in &rules[..j] {
            if let Some(finding) = compare(cx, earlier, later) {
                out.push(finding);
            }
        }
    }
}

/// The values a rule accepts, where it is a numeric rule about the same target as `other`.
fn accepted_if_same_target(cx: &Context, rule: &Rule, other: &Rule) -> Option<Interval> {
    let (a, b) = (&rule.requirement, &other.requirement);
    let same = a.indicator == b.indicator
        && a.year == b.year
        && a.baseline == b.baseline
        && rule.scope == other.scope;
    let higher = cx.rules.indicator(a.indicator).higher_is_better();
    same.then(|| accepted(&a.condition, higher)).flatten()
}

fn compare(cx: &Context, earlier: &Rule, later: &Rule) -> Option<LintFinding> {
    let first = accepted_if_same_target(cx, earlier, later)?;
    let second = accepted_if_same_target(cx, later, earlier)?;
    let (w1, w2) = (&earlier.requirement.wording, &later.requirement.wording);
    if judge(first, second) == Verdict::Fail {
        let message = format!(
            "rule `{}` contradicts rule `{}`: no value meets both `{w2}` and `{w1}`",
            later.id, earlier.id
        );
        let finding = LintFinding::new(
            CONTRADICTION,
            later.requirement.site,
            message,
            "cannot be met together",
        )
        .with_help(format!(
            "`{}` asks the same question of the same provinces; one of the two is wrong",
            earlier.id
        ));
        return Some(finding);
    }
    // Rules of different kinds say different things (a floor and a benchmark may share a
    // figure on purpose); of the same kind, the one implied by the other is redundant, and
    // of two equal rules, the later.
    if earlier.kind != later.kind {
        return None;
    }
    let (implied, by) = if judge(first, second) == Verdict::Pass {
        (later, earlier)
    } else if judge(second, first) == Verdict::Pass {
        (earlier, later)
    } else {
        return None;
    };
    let message = format!(
        "rule `{}` is implied by rule `{}`: every value that meets `{}` meets `{}`",
        implied.id, by.id, by.requirement.wording, implied.requirement.wording
    );
    let finding = LintFinding::new(
        REDUNDANT,
        implied.requirement.site,
        message,
        "implied by another rule",
    )
    .with_help("remove one, or say why both are kept: `allow PC012 because \"...\"`");
    Some(finding)
}
