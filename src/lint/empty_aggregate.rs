//! PC018: an aggregate over a scope that cannot declare its indicator: no province at all.

use super::{Context, LintFinding};
use crate::model::Scope;

pub const CODE: &str = "PC018";

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for (file, decl, rule) in cx.declared_rules() {
        let Some(scope) = &decl.scope else {
            continue;
        };
        if matches!(rule.scope, Scope::Sum { provinces, .. } if provinces.is_empty()) {
            out.push(
                LintFinding::new(
                    CODE,
                    Context::site(file, scope.span),
                    format!("aggregate `{}` sums over no province, so nothing can be declared toward it", rule.id),
                    "a sum over nobody",
                )
                .with_help("the sum is always zero; scope it over the provinces that hold the total"),
            );
        }
    }
}
