//! `grammar/plan.pest` by hand, for plans with nothing to report.

use super::cursor::Cursor;
use super::{Fast, fields, once, said};
use crate::ast::*;
use crate::syntax::lower::join;

const QUALIFIERS: [(&str, Qualifier); 4] = [
    ("exact", Qualifier::Exact),
    ("around", Qualifier::Around),
    ("at_least", Qualifier::AtLeast),
    ("more_than", Qualifier::MoreThan),
];
const COMMITMENTS: [(&str, Commitment); 2] =
    [("firm", Commitment::Firm), ("strive", Commitment::Strive)];
const STATUSES: [(&str, StatusKind); 4] = [
    ("verified", StatusKind::Verified),
    ("conflicting", StatusKind::Conflicting),
    ("secondary", StatusKind::Secondary),
    ("draft", StatusKind::Draft),
];

/// A plan file, if it is one the fast path reads.
pub(in crate::syntax) fn plan(text: &str) -> Fast<PlanFile> {
    let mut c = Cursor::new(text);
    let mut plan = PlanFile::default();
    while !c.at_end() {
        let (word, head) = c.any_keyword()?;
        match word {
            "province" => once(&mut plan.province, c.name()?)?,
            "title" => once(&mut plan.title, c.string()?)?,
            "issued" => once(&mut plan.issued, c.date()?)?,
            "target" => plan.targets.push(target(&mut c, head)?),
            "waive" => plan.waivers.push(waiver(&mut c)?),
            _ => return None,
        }
    }
    plan.header = Loc(plan.province.as_ref()?.span);
    Some(plan)
}

fn target(c: &mut Cursor, keyword: miette::SourceSpan) -> Fast<TargetDecl> {
    let indicator = c.ident()?;
    let period = c.period()?;
    let mut target = TargetDecl::headed(keyword.offset(), indicator, period);
    fields(c, |c, word, field| match word {
        "value" => once(&mut target.value, value(c)?),
        "commitment" => once(&mut target.commitment, c.one_of(&COMMITMENTS)?),
        "status" => once(&mut target.status, status(c, field)?),
        "document" => once(&mut target.document, c.string()?),
        "source" => once(&mut target.source, c.string()?),
        _ => None,
    })?;
    target.value.is_some().then_some(target)
}

fn value(c: &mut Cursor) -> Fast<Spanned<DeclaredValue>> {
    let start = c.pos();
    if c.keyword("by_reference")? {
        let span = (start, "by_reference".len());
        return Some(Spanned::new(DeclaredValue::ByReference, span));
    }
    let qualifier = if c.next_is(|b| b.is_ascii_alphabetic()) {
        Some(c.one_of(&QUALIFIERS)?)
    } else {
        None
    };
    let number = c.number()?;
    let unit = c.unit()?;
    let start = qualifier.as_ref().map_or(number.span, |q| q.span);
    let end = unit.as_ref().map_or(number.span, |u| u.span);
    let quantity = Quantity { number, unit };
    let value = DeclaredValue::Number {
        qualifier,
        quantity,
    };
    Some(Spanned::new(value, join(start, end)))
}

fn status(c: &mut Cursor, keyword: miette::SourceSpan) -> Fast<Spanned<Status>> {
    let kind = c.one_of(&STATUSES)?;
    let note = if c.next_is(|b| b == b'"') {
        Some(c.string()?)
    } else {
        None
    };
    let end = note.as_ref().map_or(kind.span, |n| n.span);
    let status = Status {
        kind: kind.node,
        note: note.map(|n| n.node),
    };
    Some(Spanned::new(status, join(keyword, end)))
}

fn waiver(c: &mut Cursor) -> Fast<WaiverDecl> {
    let rule = c.rule_id()?;
    let mut waiver = WaiverDecl {
        head: Loc(rule.span),
        rule,
        reason: None,
        approved_by: None,
        expires: None,
    };
    fields(c, |c, word, _| match word {
        "reason" => once(&mut waiver.reason, said(c)?),
        "approved_by" => once(&mut waiver.approved_by, said(c)?),
        "expires" => once(&mut waiver.expires, c.date()?),
        _ => None,
    })?;
    let complete = waiver.reason.is_some() && waiver.approved_by.is_some();
    (complete && waiver.expires.is_some()).then_some(waiver)
}
