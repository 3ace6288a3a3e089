//! Step four: evaluation. Every rule meets every plan in its scope; an aggregate rule meets
//! all plans at once. The verdicts are made here and only here.

mod aggregate;
mod each;
pub mod judge;
mod lookup;
mod waivers;

pub use waivers::apply_waivers;

use crate::finding::{Finding, describe};
use crate::model::{Plan, RuleSet, Scope};

/// Findings in a stable order: plan by plan in the order given, each in rule order, then
/// one finding per aggregate rule.
pub fn evaluate(rules: &RuleSet, plans: &[Plan]) -> Vec<Finding> {
    let mut findings = Vec::new();
    if plans.is_empty() {
        return findings;
    }
    for (p, plan) in plans.iter().enumerate() {
        for (r, rule) in rules.rules.iter().enumerate() {
            if let Scope::Each(set) = rule.scope
                && set.contains(plan.province)
            {
                findings.push(each::evaluate(rules, r, plans, p));
            }
        }
    }
    for (r, rule) in rules.rules.iter().enumerate() {
        if let Scope::Sum { .. } = rule.scope {
            findings.push(aggregate::evaluate(rules, r, plans));
        }
    }
    for finding in &mut findings {
        finding.message = describe(finding, rules, plans);
    }
    findings
}
