//! `grammar/rules.pest` by hand, for rule files with nothing to report.
//!
//! Set expressions are grouped as lowering's Pratt parser groups them (`&` binds tighter
//! than `+` and `except`, all left-associative) and built with the same `extend_chain`, so
//! chains and brackets come out as the same tree. Brackets are counted as the nesting check
//! counts them, and a file nested deeper than it allows is left to pest, which refuses it.

use miette::SourceSpan;

use super::cursor::Cursor;
use super::{Fast, fields, once, said};
use crate::ast::*;
use crate::syntax::MAX_DEPTH;
use crate::syntax::lower::join;
use crate::syntax::lower_rules::extend_chain;

const BASELINES: [(&str, BaselineNeed); 2] = [
    ("required", BaselineNeed::Required),
    ("none", BaselineNeed::None),
];
const AMBITIONS: [(&str, Ambition); 3] = [
    ("higher", Ambition::Higher),
    ("lower", Ambition::Lower),
    ("earlier", Ambition::Earlier),
];
const KINDS: [(&str, RuleKind); 4] = [
    ("floor", RuleKind::Floor),
    ("benchmark", RuleKind::Benchmark),
    ("aggregate", RuleKind::Aggregate),
    ("no_fallback", RuleKind::NoFallback),
];
const LEVELS: [(&str, Level); 3] = [
    ("error", Level::Error),
    ("warning", Level::Warning),
    ("note", Level::Note),
];
const STAND_INS: [(&str, StandIn); 2] = [
    ("equivalent", StandIn::Equivalent),
    ("lower_bound", StandIn::LowerBound),
];
const POLICIES: [(&str, MissingPolicy); 2] = [
    ("unknown", MissingPolicy::Unknown),
    ("zero", MissingPolicy::Zero),
];
/// `no later than` and `no earlier than`: whether the year is the latest.
const DEADLINES: [(&str, bool); 2] = [("later", true), ("earlier", false)];

/// A rule file, if it is one the fast path reads.
pub(in crate::syntax) fn rules(text: &str) -> Fast<RuleFile> {
    let mut c = Cursor::new(text);
    if c.at_end() {
        return None;
    }
    let mut file = RuleFile::default();
    while !c.at_end() {
        let (word, head) = c.any_keyword()?;
        match word {
            "source" => file.sources.push(source(&mut c, head)?),
            "indicator" => file.indicators.push(indicator(&mut c, head)?),
            "group" => file.groups.push(group(&mut c)?),
            "rule" => file.rules.push(rule(&mut c, head)?),
            "allow" => file.allows.push(allow(&mut c, head)?),
            _ => return None,
        }
    }
    Some(file)
}

/// `allow CODE because "reason"`, after `allow`.
fn allow(c: &mut Cursor, keyword: SourceSpan) -> Fast<Allow> {
    let code = c.lint_code()?;
    c.expect_keyword("because")?;
    let reason = said(c)?;
    Some(Allow {
        at: Loc(join(keyword, reason.span)),
        code,
        reason,
    })
}

fn source(c: &mut Cursor, keyword: SourceSpan) -> Fast<SourceDecl> {
    let mut decl = SourceDecl::named(c.ident()?, Loc(keyword));
    fields(c, |c, word, field| match word {
        "title" => once(&mut decl.title, c.string()?),
        "address" => once(&mut decl.address, c.string()?),
        "allow" => push(&mut decl.allows, allow(c, field)?),
        _ => None,
    })?;
    decl.at = Loc(c.since(keyword.offset()));
    Some(decl)
}

fn indicator(c: &mut Cursor, keyword: SourceSpan) -> Fast<IndicatorDecl> {
    let mut decl = IndicatorDecl::named(c.ident()?, Loc(keyword));
    fields(c, |c, word, field| match word {
        "title" => once(&mut decl.title, c.string()?),
        "unit" => once(&mut decl.unit, c.unit()??),
        "baseline" => once(&mut decl.baseline, c.one_of(&BASELINES)?),
        "ambition" => once(&mut decl.ambition, c.one_of(&AMBITIONS)?),
        "resembles" => push(&mut decl.resembles, c.ident()?),
        "allow" => push(&mut decl.allows, allow(c, field)?),
        _ => None,
    })?;
    decl.at = Loc(c.since(keyword.offset()));
    Some(decl)
}

fn group(c: &mut Cursor) -> Fast<GroupDecl> {
    let name = c.ident()?;
    c.expect(b'=')?;
    let members = set(c, 0)?;
    Some(GroupDecl { name, members })
}

fn rule(c: &mut Cursor, keyword: SourceSpan) -> Fast<RuleDecl> {
    let id = c.rule_id()?;
    let title = c.string()?;
    let header = Loc(join(keyword, title.span));
    let mut rule = RuleDecl::headed(id, title, header, header);
    fields(c, |c, word, field| rule_field(&mut rule, c, word, field))?;
    rule.at = Loc(c.since(keyword.offset()));
    (rule.kind.is_some() && rule.requirement.is_some()).then_some(rule)
}

fn rule_field(rule: &mut RuleDecl, c: &mut Cursor, word: &str, field: SourceSpan) -> Fast<()> {
    match word {
        "kind" => once(&mut rule.kind, c.one_of(&KINDS)?),
        "severity" => once(&mut rule.severity, c.one_of(&LEVELS)?),
        "undeclared" => once(&mut rule.undeclared, c.one_of(&LEVELS)?),
        "scope" => once(&mut rule.scope, scope(c)?),
        "require" => once(&mut rule.requirement, requirement(c)?),
        "help" => once(&mut rule.help, c.string()?),
        "cite" => push(&mut rule.cites, cite(c)?),
        "accept" => push(&mut rule.accepts, accept(c)?),
        "allow" => push(&mut rule.allows, allow(c, field)?),
        _ => None,
    }
}

/// Adds a field that may be given more than once.
fn push<T>(list: &mut Vec<T>, item: T) -> Fast<()> {
    list.push(item);
    Some(())
}

/// `cite SOURCE "locator"`, after `cite`.
fn cite(c: &mut Cursor) -> Fast<Cite> {
    let source = c.ident()?;
    let locator = c.string()?;
    Some(Cite { source, locator })
}

/// `accept INDICATOR as HOW`, after `accept`.
fn accept(c: &mut Cursor) -> Fast<Accept> {
    let indicator = c.ident()?;
    c.expect_keyword("as")?;
    let how = c.one_of(&STAND_INS)?;
    Some(Accept { indicator, how })
}

/// A scope, after `scope`: a set of provinces, each checked, or their sum.
fn scope(c: &mut Cursor) -> Fast<Spanned<ScopeExpr>> {
    let start = c.pos();
    let scope = if c.keyword("sum")? {
        c.expect_keyword("of")?;
        let provinces = set(c, 1)?;
        let missing = if c.eat(b',') {
            Some(missing_policy(c)?)
        } else {
            None
        };
        ScopeExpr::Sum { provinces, missing }
    } else {
        ScopeExpr::Each(set(c, 1)?)
    };
    Some(Spanned::new(scope, c.since(start)))
}

/// `missing counts as POLICY`, after the comma.
fn missing_policy(c: &mut Cursor) -> Fast<Spanned<MissingPolicy>> {
    for word in ["missing", "counts", "as"] {
        c.expect_keyword(word)?;
    }
    c.one_of(&POLICIES)
}

/// A set of provinces inside `depth` brackets: intersections joined by `+` and `except`.
fn set(c: &mut Cursor, depth: usize) -> Fast<Spanned<SetExpr>> {
    let mut set = intersection(c, depth)?;
    while let Some(op) = union_op(c)? {
        set = extend_chain(set, op, intersection(c, depth)?);
    }
    Some(set)
}

/// `+` or `except`, if one comes next.
fn union_op(c: &mut Cursor) -> Fast<Option<SetOp>> {
    if c.eat(b'+') {
        Some(Some(SetOp::Union))
    } else if c.keyword("except")? {
        Some(Some(SetOp::Except))
    } else {
        Some(None)
    }
}

/// Terms joined by `&`.
fn intersection(c: &mut Cursor, depth: usize) -> Fast<Spanned<SetExpr>> {
    let mut set = term(c, depth)?;
    while c.eat(b'&') {
        set = extend_chain(set, SetOp::Intersect, term(c, depth)?);
    }
    Some(set)
}

/// `every province`, `group NAME`, a list, or a set in brackets (spanned without them).
fn term(c: &mut Cursor, depth: usize) -> Fast<Spanned<SetExpr>> {
    let start = c.pos();
    if c.eat(b'(') {
        let set = set(c, deeper(depth)?)?;
        c.expect(b')')?;
        return Some(set);
    }
    let node = if c.eat(b'[') {
        deeper(depth)?;
        SetExpr::List(names(c)?)
    } else if c.keyword("every")? {
        c.expect_keyword("province")?;
        SetExpr::Every
    } else {
        c.expect_keyword("group")?;
        SetExpr::Group(c.ident()?)
    };
    Some(Spanned::new(node, c.since(start)))
}

/// The depth inside one more bracket, unless the nesting check would refuse it.
fn deeper(depth: usize) -> Fast<usize> {
    (depth < MAX_DEPTH).then_some(depth + 1)
}

/// The names of a list and its closing bracket: `A, B, C]`, with an optional last comma.
fn names(c: &mut Cursor) -> Fast<Vec<Spanned<String>>> {
    let mut names = Vec::new();
    while !c.eat(b']') {
        names.push(c.name()?);
        if !c.eat(b',') {
            c.expect(b']')?;
            break;
        }
    }
    Some(names)
}

/// `INDICATOR [by YEAR] [from YEAR] CONDITION`, after `require`.
fn requirement(c: &mut Cursor) -> Fast<Spanned<Requirement>> {
    let indicator = c.ident()?;
    let period = c.period()?;
    let condition = condition(c)?;
    let span = join(indicator.span, condition.span);
    let requirement = Requirement {
        indicator,
        period,
        condition,
    };
    Some(Spanned::new(requirement, span))
}

fn condition(c: &mut Cursor) -> Fast<Spanned<Condition>> {
    let start = c.pos();
    let condition = match c.cmp_op() {
        Some(op) if c.keyword("its")? => {
            let year = c.year()?;
            c.expect_keyword("value")?;
            Condition::OwnEarlier(op, year)
        }
        Some(op) => Condition::Compare(op, quantity(c)?),
        None => worded(c)?,
    };
    Some(Spanned::new(condition, c.since(start)))
}

/// A condition that starts with a keyword.
fn worded(c: &mut Cursor) -> Fast<Condition> {
    let (word, _) = c.any_keyword()?;
    Some(match word {
        "between" => {
            let low = quantity(c)?;
            c.expect_keyword("and")?;
            Condition::Between(low, quantity(c)?)
        }
        "around" => {
            let value = quantity(c)?;
            c.expect_keyword("within")?;
            let tolerance = quantity(c)?;
            Condition::Around { value, tolerance }
        }
        "no" => {
            let later = c.one_of(&DEADLINES)?.node;
            c.expect_keyword("than")?;
            let year = c.year()?;
            if later {
                Condition::NoLaterThan(year)
            } else {
                Condition::NoEarlierThan(year)
            }
        }
        "qualitative" => Condition::Qualitative(c.string()?),
        _ => return None,
    })
}

/// A number and its unit, which a rule must give.
fn quantity(c: &mut Cursor) -> Fast<Quantity> {
    let number = c.number()?;
    let unit = Some(c.unit()??);
    Some(Quantity { number, unit })
}
