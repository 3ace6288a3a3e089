//! PC011: two rules asking about the same target (indicator, year, baseline and scope) that
//! no value can both meet. Rules are first grouped by target, so only rules that could
//! conflict are compared.

use std::collections::HashMap;

use super::{Context, LintFinding};
use crate::eval::judge::{Interval, Verdict, accepted, judge};
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
        for (j, &(later, second)) in target.iter().enumerate() {
            for &(earlier, first) in &target[..j] {
                if judge(first, second) == Verdict::Fail {
                    out.push(contradiction(cx, earlier, later));
                }
            }
        }
    }
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
