//! The long explanation of a rule, for `plancheck explain RULE`.

use std::fmt::Write;

use crate::finding::show_value;
use crate::model::{Amount, Condition, RuleKind, RuleSet, Scope, Sources, StandIn};
use crate::provinces::ProvinceSet;
use crate::render::escape;

/// What a kind of rule is, in words.
fn kind_words(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Floor => "a floor every province in scope must meet",
        RuleKind::Benchmark => "a national figure each province's own target is compared with",
        RuleKind::Aggregate => "a national total, compared with the sum of the provinces' targets",
        RuleKind::NoFallback => "a target a province must not fall back from",
    }
}

/// The scope of a rule over no province, which checks nothing.
const NO_PROVINCE: &str =
    "no province, so the rule checks nothing (`plancheck lint` reports it as PC017)";

fn provinces_words(set: ProvinceSet) -> String {
    if set == ProvinceSet::ALL {
        return "every province".to_string();
    }
    let names: Vec<&str> = set.iter().map(|p| p.english()).collect();
    format!("{} provinces: {}", names.len(), names.join(", "))
}

/// The rows of an assignment, one line a province, as a reviewer weighs them.
fn assigned_rows(w: &mut String, rules: &RuleSet, table: usize) {
    let assignment = &rules.assignments[table];
    let _ = writeln!(w, "Assigned figures (`assignment {}`):", assignment.name);
    let show = |a: Amount| show_value(a.in_own_unit(), a.unit);
    for row in &assignment.rows {
        let figures = match (row.basic, row.incentive) {
            (Some(b), Some(i)) => format!("basic {}, incentive {}", show(b), show(i)),
            (Some(b), None) => show(b),
            (None, _) => "not assessable".to_string(),
        };
        let source = &rules.sources[row.cite.source];
        let _ = writeln!(
            w,
            "- {}: {figures} ({}; {}: \"{}\")",
            row.province,
            row.status.name(),
            source.name,
            row.cite.locator
        );
    }
}

/// The explanation of the rule `id`, or `None` when the rules have no such rule.
pub fn explain_rule(rules: &RuleSet, sources: &Sources, id: &str) -> Option<String> {
    let rule = rules.rules.iter().find(|r| r.id.eq_ignore_ascii_case(id))?;
    let mut out = String::new();
    let indicator = rules.indicator(rule.requirement.indicator);
    let w = &mut out;
    let _ = writeln!(w, "# {}: {}\n", rule.id, rule.title);
    let _ = writeln!(w, "Kind: {} ({}).", rule.kind.name(), kind_words(rule.kind));
    let _ = writeln!(
        w,
        "A miss is reported as {}; a plan that does not declare the target, as {}.",
        rule.severity.name(),
        rule.undeclared.name()
    );
    let scope = match rule.scope {
        Scope::Each(ProvinceSet::ALL) => "each province".to_string(),
        Scope::Each(set) if set.is_empty() => NO_PROVINCE.to_string(),
        Scope::Each(set) => format!("each of {}", provinces_words(set)),
        Scope::Sum { provinces, .. } if provinces.is_empty() => NO_PROVINCE.to_string(),
        Scope::Sum { provinces, .. } => format!("the sum over {}", provinces_words(provinces)),
    };
    // `as province` judges the cities of the provinces in scope, not the provinces.
    let scope = match (rule.kind, &rule.requirement.condition) {
        (RuleKind::Aggregate, Condition::Province) => {
            let provinces = match rule.scope.provinces() {
                ProvinceSet::ALL => "every province".to_string(),
                set => provinces_words(set),
            };
            format!("for {provinces}, the sum of its cities' plans, against its own plan")
        }
        (_, Condition::Province) => {
            format!("the plans of the cities of {scope}, each against its province's plan")
        }
        _ => scope,
    };
    let _ = writeln!(w, "Scope: {scope}.");
    let file = sources.get(rule.site.file);
    let title = indicator.title.as_deref().unwrap_or(&indicator.name);
    let written = crate::report::requirement_text(rules, rule);
    let _ = writeln!(w, "Requires: `{written}` ({title}).");
    for (id, how) in &rule.accepts {
        let how = match how {
            StandIn::Equivalent => "an equivalent",
            StandIn::LowerBound => "a lower bound",
        };
        let _ = writeln!(
            w,
            "Accepts `{}` in its place, as {how}.",
            rules.indicator(*id).name
        );
    }
    if let Condition::Assigned { table } = rule.requirement.condition {
        assigned_rows(w, rules, table);
    }
    for cite in &rule.cites {
        let source = &rules.sources[cite.source];
        let title = source.title.as_deref().unwrap_or(&source.name);
        let _ = writeln!(w, "Cites: {}, {} ({title}).", source.name, cite.locator);
    }
    if let Some(help) = &rule.help {
        let _ = writeln!(w, "\n{help}");
    }
    let _ = writeln!(w, "\n## As written in {}\n", file.name());
    let _ = writeln!(w, "```\n{}\n```", file.slice(rule.at));
    // Titles, help, citations and the rule's text come from the rule file, for a terminal.
    Some(escape::text(&out).into_owned())
}
