//! Lowering a rule file's pairs to [`RuleFile`].

use std::sync::LazyLock;

use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::SyntaxError;
use super::expected::is_keyword;
use super::lower::*;
use super::parser::Rule;
use crate::ast::*;

/// Parses a whole rule file, returning every error found in it.
pub fn parse_rules(text: &str) -> Result<RuleFile, Vec<SyntaxError>> {
    let top = parse_top(Rule::rules_file, text).map_err(|e| vec![e])?;
    let mut file = RuleFile::default();
    let mut errors = Vec::new();
    for item in top.into_inner() {
        match item.as_rule() {
            Rule::source_decl => file.sources.push(lower_source(item, &mut errors)),
            Rule::indicator_decl => file.indicators.push(lower_indicator(item, &mut errors)),
            Rule::group_decl => file.groups.push(lower_group(item)),
            Rule::rule_decl => file.rules.push(lower_rule(item, &mut errors)),
            Rule::assignment_decl => file.assignments.push(lower_assignment(item, &mut errors)),
            Rule::allow_field => file.allows.push(lower_allow(item, &mut errors)),
            Rule::period_field => {
                lower_plan_period(item, "the rule file", &mut file.period, &mut errors)
            }
            _ => {}
        }
    }
    let declared =
        file.sources.len() + file.indicators.len() + file.groups.len() + file.assignments.len();
    if declared + file.rules.len() + file.allows.len() == 0 && errors.is_empty() {
        errors.push(empty_file(
            text,
            "a rule file declares sources, indicators, groups and rules",
        ));
    }
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

/// The children of a pair that carry meaning (keywords only mark the syntax).
fn parts(pair: Pair) -> impl Iterator<Item = Pair> {
    pair.into_inner().filter(|p| !is_keyword(p.as_rule()))
}

/// The one meaningful child of a pair, such as the string of `help "..."`.
fn only(pair: Pair) -> Pair {
    parts(pair).next().expect("grammar: field has a value")
}

/// The keyword chosen inside an alternative such as `level = { kw_error | kw_warning }`.
fn choice(pair: Pair) -> Rule {
    pair.into_inner()
        .next()
        .expect("grammar: choice has a keyword")
        .as_rule()
}

/// `allow CODE because "reason"`.
pub(super) fn lower_allow(pair: Pair, errors: &mut Vec<SyntaxError>) -> Allow {
    let at = Loc(span(&pair));
    let mut children = parts(pair);
    let code = text(&children.next().expect("grammar: allow has a code"));
    let reason = lower_string(children.next().expect("grammar: allow has a reason"));
    let context = format!("`allow {} because`", code.node);
    let help = "say why the lint does not apply here";
    require_text(&reason, "reason", &context, help, errors);
    Allow { code, reason, at }
}

fn lower_source(pair: Pair, errors: &mut Vec<SyntaxError>) -> SourceDecl {
    let at = Loc(span(&pair));
    let mut children = parts(pair);
    let name = text(&children.next().expect("grammar: source has a name"));
    let mut decl = SourceDecl::named(name, at);
    let context = format!("source `{}`", decl.name.node);
    for field in children {
        let (slot, label) = match field.as_rule() {
            Rule::title_field => (&mut decl.title, "title"),
            Rule::allow_field => {
                decl.allows.push(lower_allow(field, errors));
                continue;
            }
            _ => (&mut decl.address, "address"),
        };
        set_once(slot, lower_string(only(field)), label, &context, errors);
    }
    decl
}

fn lower_indicator(pair: Pair, errors: &mut Vec<SyntaxError>) -> IndicatorDecl {
    let at = Loc(span(&pair));
    let mut children = parts(pair);
    let name = text(&children.next().expect("grammar: indicator has a name"));
    let context = format!("indicator `{}`", name.node);
    let mut decl = IndicatorDecl::named(name, at);
    for field in children {
        match field.as_rule() {
            Rule::title_field => set_once(
                &mut decl.title,
                lower_string(only(field)),
                "title",
                &context,
                errors,
            ),
            Rule::unit_field => {
                set_once(&mut decl.unit, text(&only(field)), "unit", &context, errors)
            }
            Rule::baseline_field => {
                let need = lower_baseline_need(only(field));
                set_once(&mut decl.baseline, need, "baseline", &context, errors)
            }
            Rule::ambition_field => {
                let ambition = lower_ambition(only(field));
                set_once(&mut decl.ambition, ambition, "ambition", &context, errors)
            }
            Rule::allow_field => decl.allows.push(lower_allow(field, errors)),
            _ => decl.resembles.push(text(&only(field))),
        }
    }
    decl
}

fn lower_baseline_need(pair: Pair) -> Spanned<BaselineNeed> {
    let span = span(&pair);
    let need = match choice(pair) {
        Rule::kw_required => BaselineNeed::Required,
        _ => BaselineNeed::None,
    };
    Spanned::new(need, span)
}

fn lower_ambition(pair: Pair) -> Spanned<Ambition> {
    let span = span(&pair);
    let ambition = match choice(pair) {
        Rule::kw_higher => Ambition::Higher,
        Rule::kw_lower => Ambition::Lower,
        _ => Ambition::Earlier,
    };
    Spanned::new(ambition, span)
}

fn lower_group(pair: Pair) -> GroupDecl {
    let mut children = parts(pair);
    let name = text(&children.next().expect("grammar: group has a name"));
    let members = lower_set(children.next().expect("grammar: group has members"));
    GroupDecl { name, members }
}

static SET_OPS: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::union, Assoc::Left) | Op::infix(Rule::except, Assoc::Left))
        .op(Op::infix(Rule::intersect, Assoc::Left))
});

fn lower_set(pair: Pair) -> Spanned<SetExpr> {
    SET_OPS
        .map_primary(lower_set_term)
        .map_infix(|lhs, op, rhs| {
            let op = match op.as_rule() {
                Rule::union => SetOp::Union,
                Rule::intersect => SetOp::Intersect,
                _ => SetOp::Except,
            };
            extend_chain(lhs, op, rhs)
        })
        .parse(pair.into_inner())
}

/// `lhs op rhs`, with the operators left-associative: a chain of the same precedence on the
/// left is extended rather than nested, which evaluates the same, left to right.
pub(super) fn extend_chain(
    lhs: Spanned<SetExpr>,
    op: SetOp,
    rhs: Spanned<SetExpr>,
) -> Spanned<SetExpr> {
    let span = join(lhs.span, rhs.span);
    match lhs.node {
        SetExpr::Chain(first, mut rest) if rest[0].0.binds_tighter() == op.binds_tighter() => {
            rest.push((op, rhs));
            Spanned::new(SetExpr::Chain(first, rest), span)
        }
        node => {
            let lhs = Spanned::new(node, lhs.span);
            Spanned::new(SetExpr::Chain(Box::new(lhs), vec![(op, rhs)]), span)
        }
    }
}

fn lower_set_term(pair: Pair) -> Spanned<SetExpr> {
    let span = span(&pair);
    match pair.as_rule() {
        Rule::every => Spanned::new(SetExpr::Every, span),
        Rule::group_ref => Spanned::new(SetExpr::Group(text(&only(pair))), span),
        Rule::province_list => {
            let names = pair.into_inner().map(lower_name).collect();
            Spanned::new(SetExpr::List(names), span)
        }
        _ => lower_set(pair),
    }
}

fn lower_assignment(pair: Pair, errors: &mut Vec<SyntaxError>) -> AssignmentDecl {
    let at = Loc(span(&pair));
    let mut children = parts(pair);
    let name = text(&children.next().expect("grammar: assignment has a name"));
    let context = format!("assignment `{}`", name.node);
    let mut decl = AssignmentDecl {
        name,
        title: None,
        target: None,
        rows: Vec::new(),
        allows: Vec::new(),
        at,
    };
    for field in children {
        match field.as_rule() {
            Rule::title_field => {
                let title = lower_string(only(field));
                set_once(&mut decl.title, title, "title", &context, errors)
            }
            Rule::assigned_for => {
                let target = lower_assigned_for(field, errors);
                set_once(&mut decl.target, target, "for", &context, errors)
            }
            Rule::allow_field => decl.allows.push(lower_allow(field, errors)),
            _ => decl.rows.push(lower_assigned_row(field, errors)),
        }
    }
    if decl.target.is_none() {
        errors.push(SyntaxError::MissingField {
            field: "for".to_string(),
            context,
            span: decl.name.span,
            help: Some(
                "say which target the figures are for: `for INDICATOR by YEAR from YEAR`"
                    .to_string(),
            ),
        });
    }
    decl
}

fn lower_assigned_for(pair: Pair, errors: &mut Vec<SyntaxError>) -> Spanned<AssignedFor> {
    let span = span(&pair);
    let mut children = parts(pair).peekable();
    let indicator = text(&children.next().expect("grammar: `for` has an indicator"));
    let period = lower_period(&mut children, errors);
    Spanned::new(AssignedFor { indicator, period }, span)
}

fn lower_assigned_row(pair: Pair, errors: &mut Vec<SyntaxError>) -> AssignedRowDecl {
    let at = Loc(span(&pair));
    let mut children = parts(pair);
    let province = lower_name(children.next().expect("grammar: a row has a province"));
    let context = format!("the row of `{}`", province.node);
    let mut row = AssignedRowDecl {
        province,
        basic: None,
        incentive: None,
        status: None,
        cite: None,
        at,
    };
    for field in children {
        let at = span(&field);
        match field.as_rule() {
            Rule::basic_field | Rule::incentive_field => {
                let (slot, label) = match field.as_rule() {
                    Rule::basic_field => (&mut row.basic, "basic"),
                    _ => (&mut row.incentive, "incentive"),
                };
                match lower_quantity(only(field).into_inner()) {
                    Ok(q) => set_once(slot, Spanned::new(q, at), label, &context, errors),
                    Err(e) => errors.push(e),
                }
            }
            Rule::assigned_status_field => {
                let status = Spanned::new(lower_assigned_status(only(field)), at);
                set_once(&mut row.status, status, "status", &context, errors)
            }
            _ => {
                let cite = Spanned::new(lower_cite(field), at);
                set_once(&mut row.cite, cite, "cite", &context, errors)
            }
        }
    }
    for (field, missing, help) in [
        (
            "status",
            row.status.is_none(),
            "say how the figure is known: `status stated`, `indirect`, `own_plan` or `not_assessable`",
        ),
        (
            "cite",
            row.cite.is_none(),
            "say where the figure is given: `cite SOURCE \"quote\"`",
        ),
    ] {
        if missing {
            errors.push(SyntaxError::MissingField {
                field: field.to_string(),
                context: context.clone(),
                span: row.province.span,
                help: Some(help.to_string()),
            });
        }
    }
    row
}

fn lower_assigned_status(pair: Pair) -> AssignedStatus {
    match choice(pair) {
        Rule::kw_stated => AssignedStatus::Stated,
        Rule::kw_indirect => AssignedStatus::Indirect,
        Rule::kw_own_plan => AssignedStatus::OwnPlan,
        _ => AssignedStatus::NotAssessable,
    }
}

fn lower_cite(field: Pair) -> Cite {
    let mut children = parts(field);
    let source = text(&children.next().expect("grammar: cite has a source"));
    let locator = lower_string(children.next().expect("grammar: cite has a locator"));
    Cite { source, locator }
}

fn lower_rule(pair: Pair, errors: &mut Vec<SyntaxError>) -> RuleDecl {
    let at = Loc(span(&pair));
    let mut children = parts(pair);
    let id = text(&children.next().expect("grammar: rule has an id"));
    let title = lower_string(children.next().expect("grammar: rule has a title"));
    let header = Loc(join((at.span().offset(), 0).into(), title.span));
    let mut rule = RuleDecl::headed(id, title, header, at);
    let context = format!("rule `{}`", rule.id.node);
    let mut require_written = false;
    for field in children {
        require_written |= field.as_rule() == Rule::require_field;
        lower_rule_field(&mut rule, field, &context, errors);
    }
    // A requirement written but wrong is reported as wrong, not also as missing.
    if rule.requirement.is_none() && !require_written {
        errors.push(missing(
            &rule,
            "require",
            "add `require INDICATOR by YEAR >= VALUE UNIT`",
        ));
    }
    if rule.kind.is_none() {
        errors.push(missing(&rule, "kind", "say what the rule is: `kind floor`, `kind benchmark`, `kind aggregate` or `kind no_fallback`"));
    }
    rule
}

fn missing(rule: &RuleDecl, field: &str, help: &str) -> SyntaxError {
    SyntaxError::MissingField {
        field: field.to_string(),
        context: format!("rule `{}`", rule.id.node),
        span: rule.header.span(),
        help: Some(help.to_string()),
    }
}

fn lower_rule_field(
    rule: &mut RuleDecl,
    field: Pair,
    context: &str,
    errors: &mut Vec<SyntaxError>,
) {
    match field.as_rule() {
        Rule::kind_field => {
            let kind = lower_kind(only(field));
            set_once(&mut rule.kind, kind, "kind", context, errors)
        }
        Rule::severity_field => {
            let level = lower_level(only(field));
            set_once(&mut rule.severity, level, "severity", context, errors)
        }
        Rule::undeclared_field => {
            let level = lower_level(only(field));
            set_once(&mut rule.undeclared, level, "undeclared", context, errors)
        }
        Rule::scope_field => {
            let scope = lower_scope(only(field));
            set_once(&mut rule.scope, scope, "scope", context, errors)
        }
        Rule::require_field => match lower_requirement(only(field)) {
            Ok(req) => set_once(&mut rule.requirement, req, "require", context, errors),
            Err(e) => errors.push(e),
        },
        Rule::cite_field => rule.cites.push(lower_cite(field)),
        Rule::help_field => set_once(
            &mut rule.help,
            lower_string(only(field)),
            "help",
            context,
            errors,
        ),
        Rule::allow_field => rule.allows.push(lower_allow(field, errors)),
        _ => {
            let mut children = parts(field);
            let indicator = text(&children.next().expect("grammar: accept has an indicator"));
            let how = lower_stand_in(children.next().expect("grammar: accept has a kind"));
            rule.accepts.push(Accept { indicator, how });
        }
    }
}

fn lower_kind(pair: Pair) -> Spanned<RuleKind> {
    let span = span(&pair);
    let kind = match choice(pair) {
        Rule::kw_floor => RuleKind::Floor,
        Rule::kw_benchmark => RuleKind::Benchmark,
        Rule::kw_aggregate => RuleKind::Aggregate,
        _ => RuleKind::NoFallback,
    };
    Spanned::new(kind, span)
}

fn lower_level(pair: Pair) -> Spanned<Level> {
    let span = span(&pair);
    let level = match choice(pair) {
        Rule::kw_error => Level::Error,
        Rule::kw_warning => Level::Warning,
        _ => Level::Note,
    };
    Spanned::new(level, span)
}

fn lower_stand_in(pair: Pair) -> Spanned<StandIn> {
    let span = span(&pair);
    let how = match choice(pair) {
        Rule::kw_equivalent => StandIn::Equivalent,
        _ => StandIn::LowerBound,
    };
    Spanned::new(how, span)
}

fn lower_scope(pair: Pair) -> Spanned<ScopeExpr> {
    let span = span(&pair);
    if pair.as_rule() == Rule::province_set {
        return Spanned::new(ScopeExpr::Each(lower_set(pair)), span);
    }
    let mut children = parts(pair);
    let provinces = lower_set(children.next().expect("grammar: sum has provinces"));
    let missing = children.next().map(|clause| {
        let policy = only(clause);
        let at = super::lower::span(&policy);
        let policy = match choice(policy) {
            Rule::kw_zero => MissingPolicy::Zero,
            _ => MissingPolicy::Unknown,
        };
        Spanned::new(policy, at)
    });
    Spanned::new(ScopeExpr::Sum { provinces, missing }, span)
}

fn lower_requirement(pair: Pair) -> Result<Spanned<Requirement>, SyntaxError> {
    let span = span(&pair);
    let mut children = parts(pair).peekable();
    let indicator = text(
        &children
            .next()
            .expect("grammar: requirement has an indicator"),
    );
    let mut errors = Vec::new();
    let period = lower_period(&mut children, &mut errors);
    if let Some(e) = errors.pop() {
        return Err(e);
    }
    let condition = children
        .next()
        .expect("grammar: requirement has a condition");
    let wording = crate::fmt::one_line(condition.clone());
    let condition = lower_condition(condition)?;
    Ok(Spanned::new(
        Requirement {
            indicator,
            period,
            condition,
            wording,
        },
        span,
    ))
}

fn lower_condition(pair: Pair) -> Result<Spanned<Condition>, SyntaxError> {
    let span = span(&pair);
    let rule = pair.as_rule();
    let mut children = parts(pair);
    let mut next = || children.next().expect("grammar: condition parts");
    let condition = match rule {
        Rule::compare => {
            let op = next();
            let op = Spanned::new(lower_cmp_op(op.as_str()), super::lower::span(&op));
            Condition::Compare(op, lower_quantity(next().into_inner())?)
        }
        Rule::own_compare => {
            let op = next();
            let op = Spanned::new(lower_cmp_op(op.as_str()), super::lower::span(&op));
            Condition::OwnEarlier(op, lower_year(&next())?)
        }
        Rule::between => {
            let low = lower_quantity(next().into_inner())?;
            Condition::Between(low, lower_quantity(next().into_inner())?)
        }
        Rule::around => {
            let value = lower_quantity(next().into_inner())?;
            let tolerance = lower_quantity(next().into_inner())?;
            Condition::Around { value, tolerance }
        }
        Rule::no_later => Condition::NoLaterThan(lower_year(&next())?),
        Rule::no_earlier => Condition::NoEarlierThan(lower_year(&next())?),
        Rule::as_assigned => Condition::Assigned,
        Rule::as_province => Condition::Province,
        _ => Condition::Qualitative(lower_string(next())),
    };
    Ok(Spanned::new(condition, span))
}

fn lower_cmp_op(symbol: &str) -> CmpOp {
    match symbol {
        ">=" => CmpOp::Ge,
        ">" => CmpOp::Gt,
        "<=" => CmpOp::Le,
        "<" => CmpOp::Lt,
        _ => CmpOp::Eq,
    }
}
