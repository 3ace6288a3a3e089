//! PC009: a year outside the range any carbon-peaking target could mean.

use miette::SourceSpan;

use super::{Context, LintFinding};
use crate::ast::{Condition, Quantity};
use crate::units::Unit;

pub const CODE: &str = "PC009";
const SANE: std::ops::RangeInclusive<u16> = 1950..=2100;

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for (file, ast) in cx.files {
        for rule in &ast.rules {
            let Some(req) = &rule.requirement else {
                continue;
            };
            let period = &req.node.period;
            let mut years: Vec<(u16, SourceSpan)> = period
                .year
                .iter()
                .chain(&period.baseline)
                .map(|y| (y.node, y.span))
                .collect();
            years.extend(condition_years(&req.node.condition.node));
            for (year, span) in years.into_iter().filter(|(y, _)| !SANE.contains(y)) {
                out.push(
                    LintFinding::new(
                        CODE,
                        Context::site(*file, span),
                        format!("year {year} is outside 1950 to 2100"),
                        "an unlikely year",
                    )
                    .with_help("check for a typing mistake; carbon-peaking targets run from the 2005 baseline to 2060"),
                );
            }
        }
    }
}

/// The years a condition names: `no later than 2030`, `its 2025 value`, `<= 2030 year`.
fn condition_years(condition: &Condition) -> Vec<(u16, SourceSpan)> {
    let year_of = |q: &Quantity| {
        let unit = q.unit.as_ref().and_then(|u| Unit::parse(&u.node));
        let value = &q.number.node.value;
        let whole = u16::try_from(value.mantissa())
            .ok()
            .filter(|_| value.scale() == 0);
        (unit == Some(Unit::Year))
            .then_some(whole.map(|y| (y, q.number.span)))
            .flatten()
    };
    match condition {
        Condition::NoLaterThan(y) | Condition::NoEarlierThan(y) | Condition::OwnEarlier(_, y) => {
            vec![(y.node, y.span)]
        }
        Condition::Compare(_, q) => year_of(q).into_iter().collect(),
        Condition::Between(low, high) => [low, high].into_iter().filter_map(year_of).collect(),
        Condition::Around { value, .. } => year_of(value).into_iter().collect(),
        Condition::Qualitative(_) | Condition::Assigned | Condition::Province => Vec::new(),
    }
}
