//! PC009: a year outside the range any carbon-peaking target could mean.

use super::{Context, LintFinding};
use crate::ast::{Condition, Spanned};

pub const CODE: &str = "PC009";
const SANE: std::ops::RangeInclusive<u16> = 1950..=2100;

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for (file, ast) in cx.files {
        for rule in &ast.rules {
            let Some(req) = &rule.requirement else {
                continue;
            };
            let period = &req.node.period;
            let mut years: Vec<&Spanned<u16>> =
                period.year.iter().chain(&period.baseline).collect();
            match &req.node.condition.node {
                Condition::NoLaterThan(y)
                | Condition::NoEarlierThan(y)
                | Condition::OwnEarlier(_, y) => years.push(y),
                _ => {}
            }
            for year in years.into_iter().filter(|y| !SANE.contains(&y.node)) {
                out.push(
                    LintFinding::new(
                        CODE,
                        Context::site(*file, year.span),
                        format!("year {} is outside 1950 to 2100", year.node),
                        "an unlikely year",
                    )
                    .with_help("check for a typing mistake; carbon-peaking targets run from the 2005 baseline to 2060"),
                );
            }
        }
    }
}
