//! PC013: a rule that cites no source.

use super::{Context, LintFinding};

pub const CODE: &str = "PC013";

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for (file, ast) in cx.files {
        for rule in ast.rules.iter().filter(|r| r.cites.is_empty()) {
            out.push(
                LintFinding::new(
                    CODE,
                    Context::site(*file, rule.header.span()),
                    format!("rule `{}` cites no source", rule.id.node),
                    "no `cite` in this rule",
                )
                .with_help("say where the requirement comes from: `cite seed \"Table 1, note a\"`"),
            );
        }
    }
}
