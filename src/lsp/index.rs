//! The names a file declares and uses, from its syntax tree: what go to definition, find
//! references and the outline work from. The tree is the parser's, so a name in a comment or
//! a string (`"a share of 20 %"`) is never taken for a use of `share`.

use miette::SourceSpan;

use crate::ast::{self, SetExpr, Spanned};
use crate::syntax::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Source,
    Indicator,
    Group,
    Rule,
    Assignment,
    /// A plan's target, named by its indicator and years: declared, never referred to.
    Target,
}

#[derive(Debug, Clone)]
pub struct Name {
    pub kind: Kind,
    pub name: String,
    pub span: SourceSpan,
    /// For a declaration, the whole of it (the outline's range); `None` for a use.
    pub declaration: Option<SourceSpan>,
}

impl Name {
    fn used(kind: Kind, name: &Spanned<String>) -> Name {
        Name {
            kind,
            name: name.node.clone(),
            span: name.span,
            declaration: None,
        }
    }

    fn declared(kind: Kind, name: &Spanned<String>, whole: SourceSpan) -> Name {
        Name {
            declaration: Some(whole),
            ..Name::used(kind, name)
        }
    }

    pub fn contains(&self, offset: usize) -> bool {
        (self.span.offset()..=self.span.offset() + self.span.len()).contains(&offset)
    }
}

/// Every name in `text`, in the language of its file; none when it does not parse.
pub fn names(text: &str, language: Language) -> Vec<Name> {
    match language {
        Language::Rules => {
            crate::syntax::parse_rules(text).map_or_else(|_| Vec::new(), |f| rule_names(&f))
        }
        Language::Plan => {
            crate::syntax::parse_plan(text).map_or_else(|_| Vec::new(), |p| plan_names(&p))
        }
        Language::Tests => Vec::new(),
    }
}

fn rule_names(file: &ast::RuleFile) -> Vec<Name> {
    let mut out = Vec::new();
    for s in &file.sources {
        out.push(Name::declared(Kind::Source, &s.name, s.at.0));
    }
    for i in &file.indicators {
        out.push(Name::declared(Kind::Indicator, &i.name, i.at.0));
        out.extend(i.resembles.iter().map(|r| Name::used(Kind::Indicator, r)));
    }
    for g in &file.groups {
        let whole = join(g.name.span, g.members.span);
        out.push(Name::declared(Kind::Group, &g.name, whole));
        groups_in(&g.members.node, &mut out);
    }
    for r in &file.rules {
        out.push(Name::declared(Kind::Rule, &r.id, r.at.0));
        if let Some(req) = &r.requirement {
            out.push(Name::used(Kind::Indicator, &req.node.indicator));
        }
        out.extend(
            r.accepts
                .iter()
                .map(|a| Name::used(Kind::Indicator, &a.indicator)),
        );
        out.extend(r.cites.iter().map(|c| Name::used(Kind::Source, &c.source)));
        if let Some(scope) = &r.scope {
            let (ast::ScopeExpr::Each(set) | ast::ScopeExpr::Sum { provinces: set, .. }) =
                &scope.node;
            groups_in(&set.node, &mut out);
        }
    }
    for a in &file.assignments {
        out.push(Name::declared(Kind::Assignment, &a.name, a.at.0));
        if let Some(target) = &a.target {
            out.push(Name::used(Kind::Indicator, &target.node.indicator));
        }
    }
    out
}

fn groups_in(set: &SetExpr, out: &mut Vec<Name>) {
    match set {
        SetExpr::Group(name) => out.push(Name::used(Kind::Group, name)),
        SetExpr::Chain(first, rest) => {
            groups_in(&first.node, out);
            rest.iter().for_each(|(_, s)| groups_in(&s.node, out));
        }
        SetExpr::Every | SetExpr::List(_) => {}
    }
}

fn plan_names(plan: &ast::PlanFile) -> Vec<Name> {
    let mut out = Vec::new();
    for t in &plan.targets {
        out.push(Name::used(Kind::Indicator, &t.indicator));
        let (year, baseline) = (
            t.period.year.as_ref().map(|y| y.node),
            t.period.baseline.as_ref().map(|b| b.node),
        );
        let period = crate::resolve::period_words(year, baseline);
        let label = format!("{} {period}", t.indicator.node);
        out.push(Name {
            kind: Kind::Target,
            name: label.trim_end().to_string(),
            span: t.indicator.span,
            declaration: Some(t.head.span()),
        });
    }
    out.extend(plan.waivers.iter().map(|w| Name::used(Kind::Rule, &w.rule)));
    out
}

fn join(a: SourceSpan, b: SourceSpan) -> SourceSpan {
    let end = (b.offset() + b.len()).max(a.offset() + a.len());
    (a.offset(), end - a.offset()).into()
}
