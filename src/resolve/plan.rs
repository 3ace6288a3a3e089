//! Resolving a plan against the indicators of a rule set.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use crate::ast;
use crate::cities::City;
use crate::model::*;
use crate::problem::Problem;
use crate::provinces::Province;
use crate::suggest::did_you_mean;
use crate::syntax::calendar_date;

use super::ResolveError;
use super::error::Dialect;
use super::quantity::{Expect, resolve_quantity};
use super::rules::check_period;

/// Resolves one plan file; `rules` supplies the indicators it may declare.
pub fn resolve_plan(
    plan: &ast::PlanFile,
    file: FileId,
    sources: &Sources,
    rules: &RuleSet,
) -> Result<Plan, Vec<Problem>> {
    let text = sources.get(file);
    let dialect = if crate::check::is_json(text) {
        Dialect::Json
    } else {
        Dialect::Text
    };
    let mut errors = Vec::new();
    let province = plan.province.as_ref().and_then(|name| {
        let found = Province::lookup(&name.node);
        if found.is_none() {
            errors.push(ResolveError::UnknownProvince {
                name: name.node.clone(),
                span: name.span,
                help: Province::suggest(&name.node),
            });
        }
        found
    });
    let city = province
        .zip(plan.city.as_ref())
        .and_then(|(province, name)| {
            let found = Some(name.node.trim())
                .filter(|n| !n.is_empty())
                .and_then(|n| City::lookup(province, n));
            if found.is_none() {
                errors.push(unknown_city(province, name));
            }
            found
        });
    let mut targets: Vec<Target> = Vec::new();
    let mut first_of: BTreeMap<(IndicatorId, Option<u16>, Option<u16>), &ast::TargetDecl> =
        BTreeMap::new();
    for decl in &plan.targets {
        match resolve_target(decl, file, rules, dialect) {
            Ok(target) => {
                let key = (target.indicator, target.year, target.baseline);
                match first_of.entry(key) {
                    Entry::Occupied(first) => {
                        errors.push(duplicate(&target, decl, first.get(), rules))
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(decl);
                    }
                }
                targets.push(target);
            }
            Err(e) => errors.push(e),
        }
    }
    let waivers = resolve_waivers(plan, file, rules, &mut errors);
    match (province, errors.is_empty()) {
        (Some(province), true) => Ok(Plan {
            file,
            province,
            city,
            title: plan.title.as_ref().map(|t| t.node.clone()),
            issued: plan.issued.as_ref().map(|d| d.node.clone()),
            period: plan_period(plan),
            targets,
            waivers,
            // A city's plan is known by its `city` line.
            header: Site {
                file,
                span: plan.city.as_ref().map_or(plan.header.span(), |c| c.span),
            },
        }),
        _ => Err(errors.into_iter().map(|e| Problem::new(text, e)).collect()),
    }
}

/// The period a plan belongs to: the one it states, else the one its issue date falls in
/// (a plan issued in 2022 is a 14th-period plan, though it sets targets for 2030 too).
/// Target years do not tell: a 14th-period plan may declare only 2030 targets. With
/// neither, `None`, and every rule judges the plan, so that none is silently skipped.
fn plan_period(plan: &ast::PlanFile) -> Option<PlanPeriod> {
    if let Some(stated) = &plan.period {
        return Some(stated.node);
    }
    let issued = plan.issued.as_ref()?;
    PlanPeriod::of_year(issued.node.get(..4)?.parse().ok()?)
}

fn resolve_waivers(
    plan: &ast::PlanFile,
    file: FileId,
    rules: &RuleSet,
    errors: &mut Vec<ResolveError>,
) -> Vec<Waiver> {
    let mut waivers: Vec<Waiver> = Vec::new();
    for decl in &plan.waivers {
        let Some(rule) = rules.rules.iter().position(|r| r.id == decl.rule.node) else {
            let ids = rules.rules.iter().map(|r| r.id.as_str());
            errors.push(ResolveError::UnknownRule {
                id: decl.rule.node.clone(),
                span: decl.rule.span,
                help: did_you_mean(&decl.rule.node, ids),
            });
            continue;
        };
        if waivers.iter().any(|w| w.rule == rule) {
            errors.push(ResolveError::DuplicateDeclaration {
                what: "the waiver of rule".into(),
                name: decl.rule.node.clone(),
                span: decl.head.span(),
            });
            continue;
        }
        let text = |s: &Option<ast::Spanned<String>>| s.as_ref().map(|s| s.node.clone());
        let expires = decl.expires.as_ref().and_then(|d| calendar_date(&d.node));
        if let (Some(reason), Some(approved_by), Some(expires)) =
            (text(&decl.reason), text(&decl.approved_by), expires)
        {
            waivers.push(Waiver {
                rule,
                reason,
                approved_by,
                expires,
                site: Site {
                    file,
                    span: decl.head.span(),
                },
            });
        }
    }
    waivers
}

fn resolve_target(
    decl: &ast::TargetDecl,
    file: FileId,
    rules: &RuleSet,
    dialect: Dialect,
) -> Result<Target, ResolveError> {
    let id = rules.find_indicator(&decl.indicator.node).ok_or_else(|| {
        let names = rules.indicators.iter().map(|i| i.name.as_str());
        ResolveError::UnknownIndicator {
            name: decl.indicator.node.clone(),
            span: decl.indicator.span,
            help: did_you_mean(&decl.indicator.node, names),
        }
    })?;
    let indicator = rules.indicator(id);
    check_period(indicator, &decl.indicator, &decl.period, dialect)?;
    let value = decl.value.as_ref().expect("the parser requires a value");
    Ok(Target {
        indicator: id,
        year: decl.period.year.as_ref().map(|y| y.node),
        baseline: decl.period.baseline.as_ref().map(|y| y.node),
        value: resolve_value(&value.node, indicator)?,
        detail: Box::new(TargetDetail {
            written: match &value.node {
                ast::DeclaredValue::Number { quantity, .. } => quantity.number.node.text.clone(),
                ast::DeclaredValue::ByReference => String::new(),
            },
            commitment: decl
                .commitment
                .as_ref()
                .map_or(Commitment::Firm, |c| c.node),
            status: decl.status.as_ref().map(|s| s.node.clone()),
            document: decl.document.as_ref().map(|d| d.node.clone()),
            source: decl.source.as_ref().map(|s| s.node.clone()),
            site: Site {
                file,
                span: value.span,
            },
        }),
    })
}

fn resolve_value(
    value: &ast::DeclaredValue,
    indicator: &Indicator,
) -> Result<Declared, ResolveError> {
    let ast::DeclaredValue::Number {
        qualifier,
        quantity,
    } = value
    else {
        return Ok(Declared::ByReference);
    };
    let expect = Expect {
        dimension: indicator.dimension(),
        indicator: &indicator.name,
        default: Some(indicator.unit),
        difference: false,
    };
    Ok(Declared::Value {
        qualifier: qualifier.as_ref().map_or(Qualifier::Exact, |q| q.node),
        amount: resolve_quantity(quantity, &expect)?,
    })
}

fn duplicate(
    target: &Target,
    decl: &ast::TargetDecl,
    first: &ast::TargetDecl,
    rules: &RuleSet,
) -> ResolveError {
    ResolveError::DuplicateTarget {
        indicator: rules.indicator(target.indicator).name.clone(),
        period: match period_words(target.year, target.baseline) {
            p if p.is_empty() => p,
            p => format!(" {p}"),
        },
        span: decl.head.span(),
        first: first.head.span(),
    }
}

/// `by 2025 from 2020`, as a plan writes it.
pub fn period_words(year: Option<u16>, baseline: Option<u16>) -> String {
    let by = year.map(|y| format!("by {y}"));
    let from = baseline.map(|b| format!("from {b}"));
    [by, from]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A city not of the plan's province: where it is, if it is a division of another, else the
/// nearest name.
fn unknown_city(province: Province, name: &ast::Spanned<String>) -> ResolveError {
    let elsewhere: Vec<String> = City::elsewhere(province, &name.node)
        .iter()
        .map(|c| {
            format!(
                "{} ({}, {})",
                c.english(),
                c.chinese(),
                c.province().english()
            )
        })
        .collect();
    let help = match elsewhere.as_slice() {
        [] => City::suggest(province, &name.node),
        found => Some(format!(
            "that is a division of another province: {}; the plan's `province` says {}",
            found.join(", "),
            province.english()
        )),
    };
    ResolveError::UnknownCity {
        name: name.node.clone(),
        province: province.english().to_string(),
        span: name.span,
        help,
    }
}
