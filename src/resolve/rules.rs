//! Resolving rule files into one [`RuleSet`].

use std::collections::{HashMap, HashSet};

use crate::ast::{self, Spanned};
use crate::finding::show_value;
use crate::model::*;
use crate::problem::Problem;
use crate::provinces::{Province, ProvinceSet};
use crate::suggest::did_you_mean;
use crate::units::{Dimension, Unit};

use super::ResolveError;
use super::error::Dialect;
use super::quantity::{Expect, resolve_quantity, resolve_unit};

mod assignment;

/// Resolves the rule files together: a rule may use an indicator declared in another file.
pub fn resolve_rules(
    files: &[(FileId, ast::RuleFile)],
    sources: &Sources,
) -> Result<RuleSet, Vec<Problem>> {
    let mut r = Resolver {
        sources,
        set: RuleSet {
            files: files.iter().map(|(id, _)| *id).collect(),
            ..RuleSet::default()
        },
        problems: Vec::new(),
        file: FileId(0),
        failed_groups: HashSet::new(),
        failed_indicators: HashSet::new(),
        all_groups: files
            .iter()
            .flat_map(|(_, f)| f.groups.iter().map(|g| g.name.node.clone()))
            .collect(),
        names: Names::default(),
    };
    r.each(files, |r, f| f.sources.iter().for_each(|s| r.source(s)));
    r.each(files, |r, f| {
        f.indicators.iter().for_each(|i| r.indicator(i))
    });
    r.each(files, |r, f| {
        f.indicators.iter().for_each(|i| r.resembles(i))
    });
    r.each(files, |r, f| f.groups.iter().for_each(|g| r.group(g)));
    r.each(files, |r, f| {
        f.assignments.iter().for_each(|a| r.assignment(a))
    });
    r.each(files, |r, f| {
        let period = f.period.as_ref().map(|p| p.node);
        f.rules.iter().for_each(|rule| r.rule(rule, period))
    });
    if r.problems.is_empty() {
        Ok(r.set)
    } else {
        Err(r.problems)
    }
}

struct Resolver<'a> {
    sources: &'a Sources,
    set: RuleSet,
    problems: Vec<Problem>,
    /// The file being resolved.
    file: FileId,
    /// Groups whose definition failed: using one is not an error of its own.
    failed_groups: HashSet<String>,
    /// Indicators whose unit is missing or unknown: reported once, where the unit is
    /// written, and not again as unknown wherever the indicator is used.
    failed_indicators: HashSet<String>,
    /// Every group declared in the files, resolved or not yet.
    all_groups: Vec<String>,
    names: Names,
}

/// Sources, groups and rules by name, so that a rule set of a hundred thousand rules is
/// resolved without walking them all for each name.
#[derive(Default)]
struct Names {
    sources: HashMap<String, usize>,
    groups: HashMap<String, usize>,
    rules: HashMap<String, usize>,
}

impl Resolver<'_> {
    fn each(
        &mut self,
        files: &[(FileId, ast::RuleFile)],
        mut f: impl FnMut(&mut Self, &ast::RuleFile),
    ) {
        for (id, file) in files {
            self.file = *id;
            f(self, file);
        }
    }

    fn site(&self, span: miette::SourceSpan) -> Site {
        Site {
            file: self.file,
            span,
        }
    }

    fn error(&mut self, error: ResolveError) {
        let problem = Problem::new(self.sources.get(self.file), error);
        self.problems.push(problem);
    }

    /// A second declaration of a name, pointing at the first one wherever it is.
    fn duplicate(&mut self, error: ResolveError, what: &str, first: Site) {
        let note = ResolveError::FirstHere {
            what: what.to_string(),
            span: first.span,
        };
        let problem = Problem::new(self.sources.get(self.file), error)
            .with_related(Problem::new(self.sources.get(first.file), note));
        self.problems.push(problem);
    }

    fn declared_twice(&mut self, what: &str, name: &Spanned<String>, first: Site) {
        let error = ResolveError::DuplicateDeclaration {
            what: what.to_string(),
            name: name.node.clone(),
            span: name.span,
        };
        self.duplicate(error, &format!("{what} `{}` is", name.node), first);
    }

    fn source(&mut self, decl: &ast::SourceDecl) {
        if let Some(&first) = self.names.sources.get(&decl.name.node) {
            let site = self.set.sources[first].site;
            return self.declared_twice("source", &decl.name, site);
        }
        let at = self.set.sources.len();
        self.names.sources.insert(decl.name.node.clone(), at);
        let doc = SourceDoc {
            name: decl.name.node.clone(),
            title: decl.title.as_ref().map(|t| t.node.clone()),
            address: decl.address.as_ref().map(|a| a.node.clone()),
            site: self.site(decl.name.span),
        };
        self.set.sources.push(doc);
    }

    fn indicator(&mut self, decl: &ast::IndicatorDecl) {
        if let Some(id) = self.set.find_indicator(&decl.name.node) {
            let site = self.set.indicator(id).site;
            return self.declared_twice("indicator", &decl.name, site);
        }
        let unit = match &decl.unit {
            None => Err(None),
            Some(written) => resolve_unit(written).map_err(Some),
        };
        let unit = match unit {
            Ok(unit) => unit,
            Err(error) => {
                self.failed_indicators.insert(decl.name.node.clone());
                return match error {
                    Some(e) => self.error(e),
                    None => self.error_missing_unit(decl),
                };
            }
        };
        let default_ambition = if unit.dimension() == Dimension::Year {
            Ambition::Earlier
        } else {
            Ambition::Higher
        };
        if self.set.indicators.len() > usize::from(u16::MAX) {
            // An indicator is numbered in 16 bits; no rule set comes near.
            return self.error(ResolveError::TooManyIndicators {
                limit: usize::from(u16::MAX) + 1,
                span: decl.name.span,
            });
        }
        self.set.add_indicator(Indicator {
            name: decl.name.node.clone(),
            title: decl.title.as_ref().map(|t| t.node.clone()),
            unit,
            baseline: decl
                .baseline
                .as_ref()
                .map_or(BaselineNeed::None, |b| b.node),
            ambition: decl.ambition.as_ref().map_or(default_ambition, |a| a.node),
            resembles: Vec::new(),
            site: self.site(decl.name.span),
        });
    }

    fn error_missing_unit(&mut self, decl: &ast::IndicatorDecl) {
        let error = crate::syntax::SyntaxError::MissingField {
            field: "unit".into(),
            context: format!("indicator `{}`", decl.name.node),
            span: decl.name.span,
            help: Some("say what the indicator is measured in, for example `unit %`".into()),
        };
        self.problems
            .push(Problem::new(self.sources.get(self.file), error));
    }

    fn lookup_indicator(&mut self, name: &Spanned<String>) -> Option<IndicatorId> {
        let found = self.set.find_indicator(&name.node);
        if found.is_none() && !self.failed_indicators.contains(&name.node) {
            let names = self.set.indicators.iter().map(|i| i.name.as_str());
            let help = did_you_mean(&name.node, names);
            self.error(ResolveError::UnknownIndicator {
                name: name.node.clone(),
                span: name.span,
                help,
            });
        }
        found
    }

    fn resembles(&mut self, decl: &ast::IndicatorDecl) {
        let Some(own) = self.set.find_indicator(&decl.name.node) else {
            return;
        };
        for other in &decl.resembles {
            if let Some(id) = self.lookup_indicator(other) {
                self.set.indicators[own.0 as usize].resembles.push(id);
                if !self.set.indicator(id).resembles.contains(&own) {
                    self.set.indicators[id.0 as usize].resembles.push(own);
                }
            }
        }
    }

    fn group(&mut self, decl: &ast::GroupDecl) {
        if let Some(&first) = self.names.groups.get(&decl.name.node) {
            let site = self.set.groups[first].site;
            return self.declared_twice("group", &decl.name, site);
        }
        match self.provinces(&decl.members) {
            Some(members) => {
                let group = Group {
                    name: decl.name.node.clone(),
                    members,
                    site: self.site(decl.name.span),
                };
                let at = self.set.groups.len();
                self.names.groups.insert(group.name.clone(), at);
                self.set.groups.push(group);
            }
            None => {
                self.failed_groups.insert(decl.name.node.clone());
            }
        }
    }

    /// Evaluates a set expression; names are looked up once each and all errors reported.
    fn provinces(&mut self, expr: &Spanned<ast::SetExpr>) -> Option<ProvinceSet> {
        use ast::SetExpr::*;
        match &expr.node {
            Every => Some(ProvinceSet::ALL),
            Group(name) => self.group_members(name),
            List(names) => {
                let found: Vec<_> = names.iter().map(|n| self.province(n)).collect();
                found.into_iter().try_fold(ProvinceSet::EMPTY, |set, p| {
                    p.map(|p| set.union(ProvinceSet::single(p)))
                })
            }
            Chain(first, rest) => {
                let mut set = self.provinces(first);
                for (op, term) in rest {
                    // Every term is looked up, even after one that failed.
                    let term = self.provinces(term);
                    set = set.zip(term).map(|(a, b)| match op {
                        ast::SetOp::Union => a.union(b),
                        ast::SetOp::Intersect => a.intersect(b),
                        ast::SetOp::Except => a.except(b),
                    });
                }
                set
            }
        }
    }

    fn group_members(&mut self, name: &Spanned<String>) -> Option<ProvinceSet> {
        let found = self
            .names
            .groups
            .get(&name.node)
            .map(|&g| self.set.groups[g].members);
        if found.is_none() && !self.failed_groups.contains(&name.node) {
            // Groups are resolved in order, so a group may only be built from earlier ones.
            let later = self.all_groups.contains(&name.node);
            let (label, help) = if later {
                let help = format!("declare `{}` above the group that uses it", name.node);
                ("declared further down", Some(help))
            } else {
                let names = self.all_groups.iter().map(String::as_str);
                (
                    "no group of this name is declared",
                    did_you_mean(&name.node, names),
                )
            };
            self.error(ResolveError::UnknownGroup {
                name: name.node.clone(),
                later,
                span: name.span,
                label,
                help,
            });
        }
        found
    }

    fn province(&mut self, name: &Spanned<String>) -> Option<Province> {
        let found = Province::lookup(&name.node);
        if found.is_none() {
            self.error(ResolveError::UnknownProvince {
                name: name.node.clone(),
                span: name.span,
                help: Province::suggest(&name.node),
            });
        }
        found
    }

    fn rule(&mut self, decl: &ast::RuleDecl, period: Option<PlanPeriod>) {
        if let Some(&first) = self.names.rules.get(&decl.id.node) {
            let site = self.set.rules[first].site;
            let error = ResolveError::DuplicateRule {
                id: decl.id.node.clone(),
                span: decl.id.span,
            };
            return self.duplicate(error, &format!("rule `{}` is", decl.id.node), site);
        }
        let (Some(kind), Some(requirement)) = (&decl.kind, &decl.requirement) else {
            return; // reported by the parser
        };
        let before = self.problems.len();
        let scope = self.scope(decl);
        let requirement = self.requirement(requirement);
        let cites = self.cites(decl);
        let accepts = self.accepts(decl, requirement.as_ref());
        let (Some(scope), Some(requirement)) = (scope, requirement) else {
            return;
        };
        self.check_kind(kind, &scope, &requirement, decl);
        if self.problems.len() > before {
            return;
        }
        self.names
            .rules
            .insert(decl.id.node.clone(), self.set.rules.len());
        self.set.rules.push(Rule {
            id: decl.id.node.clone(),
            title: decl.title.node.clone(),
            kind: kind.node,
            severity: decl
                .severity
                .as_ref()
                .map_or(default_severity(kind.node), |s| s.node),
            undeclared: decl
                .undeclared
                .as_ref()
                .map_or(default_undeclared(kind.node), |s| s.node),
            scope,
            requirement,
            cites,
            help: decl.help.as_ref().map(|h| h.node.clone()),
            accepts,
            period,
            site: self.site(decl.header.span()),
            at: decl.at.span(),
        });
    }

    fn scope(&mut self, decl: &ast::RuleDecl) -> Option<Scope> {
        let Some(scope) = &decl.scope else {
            return Some(Scope::Each(ProvinceSet::ALL));
        };
        match &scope.node {
            ast::ScopeExpr::Each(set) => self.provinces(set).map(Scope::Each),
            ast::ScopeExpr::Sum { provinces, missing } => {
                let missing = missing.as_ref().map_or(MissingPolicy::Unknown, |m| m.node);
                let provinces = self.provinces(provinces)?;
                Some(Scope::Sum { provinces, missing })
            }
        }
    }

    fn requirement(&mut self, req: &Spanned<ast::Requirement>) -> Option<Requirement> {
        let id = self.lookup_indicator(&req.node.indicator)?;
        let indicator = self.set.indicator(id).clone();
        let period = &req.node.period;
        // A qualitative requirement may leave a required baseline out where its source
        // gives none ("decrease dramatically" by 2030): it is never judged numerically, so
        // no baseline is invented for it.
        let qualitative = matches!(req.node.condition.node, ast::Condition::Qualitative(_));
        let unmeasured = indicator.baseline == BaselineNeed::Required && period.baseline.is_none();
        let checked = (qualitative && unmeasured && period.year.is_some())
            || self.period(&indicator, &req.node.indicator, period);
        let condition = match req.node.condition.node {
            ast::Condition::Assigned => self.assigned(id, period, req.node.condition.span),
            ast::Condition::Province => Some(Condition::Province),
            _ => self.condition(&indicator, &req.node.condition),
        };
        let (true, Some(condition)) = (checked, condition) else {
            return None;
        };
        if let (ast::Condition::OwnEarlier(_, earlier), Some(year)) =
            (&req.node.condition.node, &period.year)
            && earlier.node >= year.node
        {
            self.error(ResolveError::EarlierNotBefore {
                earlier: earlier.node,
                year: year.node,
                span: earlier.span,
            });
            return None;
        }
        Some(Requirement {
            indicator: id,
            year: period.year.as_ref().map(|y| y.node),
            baseline: period.baseline.as_ref().map(|y| y.node),
            condition,
            wording: req.node.wording.clone(),
            site: self.site(req.span),
        })
    }

    /// Checks the target and baseline years against what the indicator needs.
    fn period(
        &mut self,
        indicator: &Indicator,
        name: &Spanned<String>,
        period: &ast::Period,
    ) -> bool {
        match check_period(indicator, name, period, Dialect::Text) {
            Ok(()) => true,
            Err(e) => {
                self.error(e);
                false
            }
        }
    }

    fn condition(
        &mut self,
        indicator: &Indicator,
        condition: &Spanned<ast::Condition>,
    ) -> Option<Condition> {
        match resolve_condition(indicator, &condition.node, condition.span) {
            Ok(c) => Some(c),
            Err(e) => {
                self.error(e);
                None
            }
        }
    }

    fn cites(&mut self, decl: &ast::RuleDecl) -> Vec<Citation> {
        let who = || format!("rule `{}`", decl.id.node);
        decl.cites
            .iter()
            .filter_map(|cite| self.citation(cite, who))
            .collect()
    }

    /// A citation of a declared source; `who` names the citing declaration in an error.
    fn citation(&mut self, cite: &ast::Cite, who: impl FnOnce() -> String) -> Option<Citation> {
        let found = self.names.sources.get(&cite.source.node).copied();
        if found.is_none() {
            let names = self.set.sources.iter().map(|s| s.name.as_str());
            let help = did_you_mean(&cite.source.node, names);
            self.error(ResolveError::UnknownSource {
                who: who(),
                source_name: cite.source.node.clone(),
                span: cite.source.span,
                help,
            });
        }
        found.map(|source| Citation {
            source,
            locator: cite.locator.node.clone(),
        })
    }

    fn accepts(
        &mut self,
        decl: &ast::RuleDecl,
        requirement: Option<&Requirement>,
    ) -> Vec<(IndicatorId, StandIn)> {
        let mut accepts = Vec::new();
        for accept in &decl.accepts {
            let Some(id) = self.lookup_indicator(&accept.indicator) else {
                continue;
            };
            let Some(req) = requirement else { continue };
            let own = self.set.indicator(req.indicator);
            let other = self.set.indicator(id);
            let message = if let Condition::Assigned { .. } = req.condition {
                Some(format!(
                    "`{}` cannot stand in here: `as assigned` holds each province to its own figure for `{}` itself",
                    other.name, own.name
                ))
            } else if !is_figure(&req.condition) {
                Some(format!(
                    "`{}` cannot stand in here: the requirement `{}` is not compared with a figure",
                    other.name, req.wording
                ))
            } else if id == req.indicator {
                Some(format!("`{}` cannot stand in for itself", own.name))
            } else if other.dimension() != own.dimension() {
                Some(format!(
                    "`{}` is {}, so it cannot stand in for `{}`, which is {}",
                    other.name,
                    other.dimension().name(),
                    own.name,
                    own.dimension().name()
                ))
            } else {
                None
            };
            match message {
                Some(message) => self.error(ResolveError::BadStandIn {
                    message,
                    span: accept.indicator.span,
                }),
                None => accepts.push((id, accept.how.node)),
            }
        }
        accepts
    }

    /// The kind of a rule must fit its scope and its condition.
    fn check_kind(
        &mut self,
        kind: &Spanned<RuleKind>,
        scope: &Scope,
        req: &Requirement,
        decl: &ast::RuleDecl,
    ) {
        let dimension = self.set.indicator(req.indicator).dimension();
        let scope_at = |label: &str| match &decl.scope {
            Some(s) => (s.span, label.to_string()),
            None => (
                decl.header.span(),
                "no `scope`: this rule covers each province".to_string(),
            ),
        };
        let problem = match (kind.node, scope, &req.condition) {
            (RuleKind::Aggregate, Scope::Each(_), _) => Some((
                "an `aggregate` rule needs a scope that sums over provinces",
                scope_at("each province, not a sum"),
                "write `scope sum of every province`",
            )),
            (_, Scope::Sum { .. }, _) if kind.node != RuleKind::Aggregate => Some((
                "only an `aggregate` rule sums over provinces",
                scope_at("a sum"),
                "make the rule `kind aggregate`, or scope it over each province",
            )),
            (RuleKind::Aggregate, _, _) if !dimension.is_amount() => Some((
                "an `aggregate` rule needs a total that can be summed (power, volume, energy or mass)",
                (
                    req.site.span,
                    format!(
                        "`{}` is {}",
                        self.set.indicator(req.indicator).name,
                        dimension.name()
                    ),
                ),
                "a sum of percentages or years means nothing; compare each province instead",
            )),
            (
                RuleKind::Aggregate,
                _,
                Condition::Qualitative(_)
                | Condition::OwnEarlier { .. }
                | Condition::Assigned { .. },
            ) => Some((
                "an `aggregate` rule needs a numeric condition",
                (req.site.span, "not a quantity".to_string()),
                "compare the sum with a quantity",
            )),
            (RuleKind::NoFallback, _, c) if !matches!(c, Condition::OwnEarlier { .. }) => Some((
                "a `no_fallback` rule compares a target with the plan's own earlier one",
                (req.site.span, "no earlier target is named".to_string()),
                "write the condition as `>= its 2025 value`",
            )),
            (k, _, Condition::OwnEarlier { .. }) if k != RuleKind::NoFallback => Some((
                "a comparison with the plan's own earlier target needs `kind no_fallback`",
                (kind.span, format!("`{}`", k.name())),
                "write `kind no_fallback`",
            )),
            (k, _, Condition::Province) if !matches!(k, RuleKind::Floor | RuleKind::Aggregate) => {
                Some((
                    "`as province` holds each city to its province's own figure (`kind floor`), or the sum of a province's cities to it (`kind aggregate`)",
                    (kind.span, format!("`{}`", k.name())),
                    "write `kind floor` or `kind aggregate`",
                ))
            }
            (k, _, Condition::Assigned { .. }) if k != RuleKind::Floor => Some((
                "`as assigned` holds each province to its own assigned figure, so it needs `kind floor`",
                (kind.span, format!("`{}`", k.name())),
                "write `kind floor`; a national figure to compare with is a benchmark rule of its own",
            )),
            _ => None,
        };
        if let Some((message, (span, label), help)) = problem {
            self.error(ResolveError::KindScopeMismatch {
                message: message.to_string(),
                label,
                span,
                help: Some(help.to_string()),
            });
        }
    }
}

pub(super) fn check_period(
    indicator: &Indicator,
    name: &Spanned<String>,
    period: &ast::Period,
    dialect: Dialect,
) -> Result<(), ResolveError> {
    let is_year = indicator.dimension() == Dimension::Year;
    match (&period.year, &period.baseline, indicator.baseline) {
        (None, _, _) if !is_year => Err(ResolveError::MissingYear {
            indicator: indicator.name.clone(),
            dialect,
            span: name.span,
        }),
        // A peak year is itself the year: another year beside it would let two targets
        // of one indicator disagree unnoticed.
        (Some(y), _, _) if is_year => Err(ResolveError::UnexpectedYear {
            indicator: indicator.name.clone(),
            year: y.node,
            dialect,
            span: y.span,
        }),
        (year, None, BaselineNeed::Required) => Err(ResolveError::MissingBaseline {
            indicator: indicator.name.clone(),
            dialect,
            span: year.as_ref().map_or(name.span, |y| y.span),
        }),
        (_, Some(b), BaselineNeed::None) => Err(ResolveError::UnexpectedBaseline {
            indicator: indicator.name.clone(),
            baseline: b.node,
            dialect,
            span: b.span,
        }),
        (Some(y), Some(b), _) if b.node >= y.node => Err(ResolveError::BaselineNotBefore {
            baseline: b.node,
            year: y.node,
            span: b.span,
        }),
        _ => Ok(()),
    }
}

fn resolve_condition(
    indicator: &Indicator,
    condition: &ast::Condition,
    span: miette::SourceSpan,
) -> Result<Condition, ResolveError> {
    let value = Expect {
        dimension: indicator.dimension(),
        indicator: &indicator.name,
        default: None,
        difference: false,
    };
    Ok(match condition {
        ast::Condition::Compare(op, q) => Condition::Compare {
            op: op.node,
            value: resolve_quantity(q, &value)?,
        },
        ast::Condition::Between(low, high) => {
            let (low, high) = (
                resolve_quantity(low, &value)?,
                resolve_quantity(high, &value)?,
            );
            if low.base > high.base {
                return Err(ResolveError::ReversedBounds {
                    low: show_value(low.in_own_unit(), low.unit),
                    high: show_value(high.in_own_unit(), high.unit),
                    span,
                });
            }
            Condition::Between { low, high }
        }
        ast::Condition::Around {
            value: v,
            tolerance,
        } => {
            let difference = Expect {
                dimension: indicator.dimension().difference(),
                indicator: &indicator.name,
                default: None,
                difference: true,
            };
            let tolerance_amount = resolve_quantity(tolerance, &difference)?;
            if tolerance_amount.base.is_sign_negative() && !tolerance_amount.base.is_zero() {
                return Err(ResolveError::NegativeTolerance {
                    span: tolerance.number.span,
                });
            }
            Condition::Around {
                value: resolve_quantity(v, &value)?,
                tolerance: tolerance_amount,
            }
        }
        ast::Condition::NoLaterThan(year) | ast::Condition::NoEarlierThan(year) => {
            let (op, phrase) = match condition {
                ast::Condition::NoLaterThan(_) => (CmpOp::Le, "no later than"),
                _ => (CmpOp::Ge, "no earlier than"),
            };
            if indicator.dimension() != Dimension::Year {
                return Err(ResolveError::YearComparison {
                    phrase,
                    indicator: indicator.name.clone(),
                    dimension: indicator.dimension().name(),
                    span,
                });
            }
            let value = Amount {
                base: year.node.into(),
                unit: Unit::Year,
            };
            Condition::Compare { op, value }
        }
        ast::Condition::OwnEarlier(op, year) => Condition::OwnEarlier {
            op: op.node,
            year: year.node,
        },
        ast::Condition::Qualitative(text) => Condition::Qualitative(text.node.clone()),
        ast::Condition::Assigned => unreachable!("resolved against the assignments"),
        ast::Condition::Province => unreachable!("resolved as it is"),
    })
}

fn default_severity(kind: RuleKind) -> Level {
    match kind {
        RuleKind::Floor => Level::Error,
        RuleKind::Benchmark | RuleKind::Aggregate | RuleKind::NoFallback => Level::Warning,
    }
}

fn default_undeclared(kind: RuleKind) -> Level {
    match kind {
        RuleKind::Floor => Level::Warning,
        RuleKind::Benchmark | RuleKind::Aggregate | RuleKind::NoFallback => Level::Note,
    }
}

/// Whether a condition compares with a figure, which a stand-in's value can be held to.
fn is_figure(condition: &Condition) -> bool {
    !matches!(
        condition,
        Condition::OwnEarlier { .. }
            | Condition::Qualitative(_)
            | Condition::Assigned { .. }
            | Condition::Province
    )
}
