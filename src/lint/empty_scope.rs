//! PC017: a group, or a rule's scope, with no province in it.

use super::{Context, LintFinding};
use crate::model::Scope;

pub const CODE: &str = "PC017";

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for group in cx.rules.groups.iter().filter(|g| g.members.is_empty()) {
        out.push(
            LintFinding::new(
                CODE,
                group.site,
                format!("group `{}` has no province in it", group.name),
                "an empty group",
            )
            .with_help("a rule scoped to it checks nobody; check the set operations"),
        );
    }
    for (file, decl, rule) in cx.declared_rules() {
        let Some(scope) = &decl.scope else {
            continue;
        };
        if matches!(rule.scope, Scope::Each(set) if set.is_empty()) {
            out.push(
                LintFinding::new(
                    CODE,
                    Context::site(file, scope.span),
                    format!("rule `{}` applies to no province", rule.id),
                    "an empty scope",
                )
                .with_help("a rule over no province never produces a finding"),
            );
        }
    }
}
