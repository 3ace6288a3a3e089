//! PC015 and PC016: indicators no rule uses, and sources no rule or assignment cites.

use super::{Context, LintFinding};
use crate::model::IndicatorId;

pub const INDICATOR: &str = "PC015";
pub const SOURCE: &str = "PC016";

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    let rules = &cx.rules.rules;
    for (i, indicator) in cx.rules.indicators.iter().enumerate() {
        let id = IndicatorId(i as u16);
        let used = rules
            .iter()
            .any(|r| r.requirement.indicator == id || r.accepts.iter().any(|(a, _)| *a == id));
        if !used {
            out.push(
                LintFinding::new(
                    INDICATOR,
                    indicator.site,
                    format!(
                        "indicator `{}` is declared but no rule requires or accepts it",
                        indicator.name
                    ),
                    "never used by a rule",
                )
                .with_help("remove it, or say why plans declare it: `allow PC015 because \"...\"`"),
            );
        }
    }
    let assigned = &cx.rules.assignments;
    for (s, source) in cx.rules.sources.iter().enumerate() {
        let by_rule = rules.iter().any(|r| r.cites.iter().any(|c| c.source == s));
        let by_row = assigned
            .iter()
            .any(|a| a.rows.iter().any(|row| row.cite.source == s));
        if !by_rule && !by_row {
            out.push(
                LintFinding::new(
                    SOURCE,
                    source.site,
                    format!(
                        "source `{}` is declared but no rule or assignment cites it",
                        source.name
                    ),
                    "never cited",
                )
                .with_help("cite it from the rules that come from it, or remove it"),
            );
        }
    }
}
