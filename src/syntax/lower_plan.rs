//! Lowering a plan file's pairs to [`PlanFile`].

use super::SyntaxError;
use super::expected::is_keyword;
use super::limits::MAX_TARGETS;
use super::lower::*;
use super::parser::Rule;
use crate::ast::*;

/// Parses a whole plan file, returning every error found in it.
pub fn parse_plan(text: &str) -> Result<PlanFile, Vec<SyntaxError>> {
    let top = parse_top(Rule::plan_file, text).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let Some(plan) = lower_plan_items(top.into_inner(), &mut errors) else {
        return Err(vec![empty_file(
            text,
            "a plan starts with `province NAME`, then declares its targets",
        )]);
    };
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// A plan from its items (in a plan file, or inline in a rule test); `None` when there are
/// none.
pub(super) fn lower_plan_items<'i>(
    items: impl Iterator<Item = Pair<'i>>,
    errors: &mut Vec<SyntaxError>,
) -> Option<PlanFile> {
    let mut plan = PlanFile::default();
    // Most items are targets: growing a vector of many thousands costs more than the guess.
    plan.targets.reserve(items.size_hint().0.min(MAX_TARGETS));
    let mut first_item = None;
    let mut targets = 0;
    for item in items {
        if item.as_rule() == Rule::target_decl {
            targets += 1;
            if targets > MAX_TARGETS {
                errors.push(SyntaxError::TooManyTargets {
                    limit: MAX_TARGETS,
                    span: span(&item),
                });
                break;
            }
        }
        if item.as_rule() != Rule::EOI && first_item.is_none() {
            let keyword = item
                .clone()
                .into_inner()
                .next()
                .map_or(span(&item), |k| span(&k));
            first_item = Some(keyword);
        }
        lower_item(&mut plan, item, errors);
    }
    match &plan.province {
        Some(province) => plan.header = Loc(province.span),
        None => errors.push(missing_province(first_item?)),
    }
    Some(plan)
}

/// Points at the plan's first item, where the `province` line should come before.
fn missing_province(first_item: miette::SourceSpan) -> SyntaxError {
    SyntaxError::MissingField {
        field: "province".into(),
        context: "the plan".into(),
        span: first_item,
        help: Some("start the plan with `province NAME`, for example `province Liaoning`".into()),
    }
}

fn parts(pair: Pair) -> impl Iterator<Item = Pair> {
    pair.into_inner().filter(|p| !is_keyword(p.as_rule()))
}

fn only(pair: Pair) -> Pair {
    parts(pair).next().expect("grammar: field has a value")
}

fn choice(pair: &Pair) -> Rule {
    pair.clone()
        .into_inner()
        .next()
        .expect("grammar: choice has a keyword")
        .as_rule()
}

fn lower_item(plan: &mut PlanFile, item: Pair, errors: &mut Vec<SyntaxError>) {
    const CONTEXT: &str = "the plan";
    match item.as_rule() {
        Rule::province_field => {
            let name = lower_name(only(item));
            set_once(&mut plan.province, name, "province", CONTEXT, errors)
        }
        Rule::city_field => {
            let name = lower_name(only(item));
            set_once(&mut plan.city, name, "city", CONTEXT, errors)
        }
        Rule::title_field => {
            let title = lower_string(only(item));
            set_once(&mut plan.title, title, "title", CONTEXT, errors)
        }
        Rule::issued_field => match lower_date(&only(item)) {
            Ok(date) => set_once(&mut plan.issued, date, "issued", CONTEXT, errors),
            Err(e) => errors.push(e),
        },
        Rule::period_field => lower_plan_period(item, CONTEXT, &mut plan.period, errors),
        Rule::target_decl => {
            if let Some(target) = lower_target(item, errors) {
                plan.targets.push(target);
            }
        }
        Rule::waive_decl => plan.waivers.push(lower_waiver(item, errors)),
        _ => {}
    }
}

fn lower_date(pair: &Pair) -> Result<Spanned<String>, SyntaxError> {
    let date = text(pair);
    if is_calendar_date(&date.node) {
        Ok(date)
    } else {
        Err(SyntaxError::bad_date(date.node, date.span))
    }
}

/// `YYYY-MM-DD` naming a day that exists.
pub fn calendar_date(date: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, &format).ok()
}

/// Why a date written `YYYY-MM-DD` names no day ("February 2026 has 28 days"); `None` for
/// a day that exists, or a text not written `YYYY-MM-DD` at all.
pub fn no_such_day(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped || is_calendar_date(date) {
        return None;
    }
    let year: i32 = date[..4].parse().ok()?;
    let month: u8 = date[5..7].parse().ok()?;
    let Ok(month) = time::Month::try_from(month) else {
        return Some(format!("there is no month {month}: a year has 12"));
    };
    Some(match &date[8..] {
        "00" => "there is no day 0".to_string(),
        _ => format!("{month} {year} has {} days", month.length(year)),
    })
}

pub(crate) fn is_calendar_date(date: &str) -> bool {
    calendar_date(date).is_some()
}

fn lower_target(pair: Pair, errors: &mut Vec<SyntaxError>) -> Option<TargetDecl> {
    let start = pair.as_span().start();
    let mut children = parts(pair).peekable();
    let indicator = children.next().expect("grammar: target has an indicator");
    // Named only in errors: most targets have none.
    let context = || format!("target `{}`", indicator.as_str());
    let period = lower_period(&mut children, errors);
    let mut target = TargetDecl::headed(start, text(&indicator), period);
    let mut value_written = false;
    for field in children {
        value_written |= field.as_rule() == Rule::value_field;
        lower_target_field(&mut target, field, context, errors);
    }
    if target.value.is_none() && value_written {
        return None;
    }
    if target.value.is_none() {
        errors.push(SyntaxError::MissingField {
            field: "value".into(),
            context: context(),
            span: target.head.span(),
            help: Some(
                "give the target a value, e.g. `value 14.5 %`, or `value by_reference`".into(),
            ),
        });
        return None;
    }
    Some(target)
}

fn lower_target_field(
    target: &mut TargetDecl,
    field: Pair,
    context: impl Fn() -> String,
    errors: &mut Vec<SyntaxError>,
) {
    match field.as_rule() {
        Rule::value_field => match lower_value(field) {
            Ok((value, strive)) => {
                set_once_in(&mut target.value, value, "value", &context, errors);
                if let Some(strive) = strive {
                    set_once_in(
                        &mut target.commitment,
                        strive,
                        "commitment",
                        context,
                        errors,
                    )
                }
            }
            Err(e) => errors.push(e),
        },
        Rule::commitment_field => {
            let pair = only(field);
            let commitment = match choice(&pair) {
                Rule::kw_firm => Commitment::Firm,
                _ => Commitment::Strive,
            };
            let value = Spanned::new(commitment, span(&pair));
            set_once_in(&mut target.commitment, value, "commitment", context, errors)
        }
        Rule::status_field => {
            let status = lower_status(field);
            set_once_in(&mut target.status, status, "status", context, errors)
        }
        Rule::document_field => {
            let document = lower_string(only(field));
            set_once_in(&mut target.document, document, "document", context, errors)
        }
        _ => {
            let source = lower_string(only(field));
            set_once_in(&mut target.source, source, "source", context, errors)
        }
    }
}

/// A value, and the commitment a Chinese word before it states (`力争`).
type Value = (Spanned<DeclaredValue>, Option<Spanned<Commitment>>);

fn lower_value(field: Pair) -> Result<Value, SyntaxError> {
    let mut children = parts(field).peekable();
    let first = children.peek().expect("grammar: value has content");
    let start = span(first);
    if first.as_rule() == Rule::by_reference {
        return Ok((Spanned::new(DeclaredValue::ByReference, start), None));
    }
    let (strive, before) = match children.next_if(|p| p.as_rule() == Rule::qualifier) {
        Some(q) => lower_qualifier(q),
        None => (None, None),
    };
    let number = children.next().expect("grammar: a value has a number");
    let unit = children.next_if(|p| p.as_rule() == Rule::unit);
    let quantity = lower_quantity([number].into_iter().chain(unit))?;
    let after = children
        .next()
        .map(|w| Spanned::new(chinese_qualifier(&w), span(&w)));
    let last = quantity
        .unit
        .as_ref()
        .map_or(quantity.number.span, |u| u.span);
    let end = after.as_ref().map_or(last, |a| a.span);
    let qualifier = match (before, after) {
        (Some(b), Some(a)) => return Err(two_qualifiers(b, a)),
        (b, a) => b.or(a),
    };
    let value = DeclaredValue::Number {
        qualifier,
        quantity,
    };
    Ok((Spanned::new(value, join(start, end)), strive))
}

fn chinese_qualifier(word: &Pair) -> Qualifier {
    Qualifier::from_chinese(word.as_str()).expect("grammar: a comparison word plancheck reads")
}

/// `超过 13.5 % 以上`: two words for one comparison, which may disagree.
fn two_qualifiers(before: Spanned<Qualifier>, after: Spanned<Qualifier>) -> SyntaxError {
    SyntaxError::Unexpected {
        message: format!(
            "a value has two qualifiers, `{}` before its number and `{}` after it",
            before.node.name(),
            after.node.name()
        ),
        span: after.span,
        label: "a second qualifier".into(),
        help: Some("keep one: a value is compared one way".into()),
    }
}

/// A qualifier's 力争, if it has one, and its word, if it has one.
fn lower_qualifier(pair: Pair) -> (Option<Spanned<Commitment>>, Option<Spanned<Qualifier>>) {
    let mut words = pair.into_inner().peekable();
    let strive = words
        .next_if(|w| w.as_rule() == Rule::zh_strive)
        .map(|s| Spanned::new(Commitment::Strive, span(&s)));
    let word = words
        .next()
        .map(|w| Spanned::new(qualifier_word(&w), span(&w)));
    (strive, word)
}

fn qualifier_word(word: &Pair) -> Qualifier {
    match word.as_rule() {
        Rule::zh_before => chinese_qualifier(word),
        Rule::kw_around => Qualifier::Around,
        Rule::kw_at_least => Qualifier::AtLeast,
        Rule::kw_more_than => Qualifier::MoreThan,
        Rule::kw_at_most => Qualifier::AtMost,
        Rule::kw_less_than => Qualifier::LessThan,
        _ => Qualifier::Exact,
    }
}

fn lower_status(field: Pair) -> Spanned<Status> {
    let span = span(&field);
    let mut children = parts(field);
    let kind = match choice(&children.next().expect("grammar: status has a kind")) {
        Rule::kw_conflicting => StatusKind::Conflicting,
        Rule::kw_secondary => StatusKind::Secondary,
        Rule::kw_draft => StatusKind::Draft,
        _ => StatusKind::Verified,
    };
    let note = children.next().map(|s| lower_string(s).node);
    Spanned::new(Status { kind, note }, span)
}

fn lower_waiver(pair: Pair, errors: &mut Vec<SyntaxError>) -> WaiverDecl {
    let mut children = parts(pair);
    let rule = text(&children.next().expect("grammar: waive has a rule"));
    let mut waiver = WaiverDecl {
        head: Loc(rule.span),
        rule,
        reason: None,
        approved_by: None,
        expires: None,
    };
    let context = format!("the waiver of `{}`", waiver.rule.node);
    let mut written = Vec::new();
    for field in children {
        written.push(field.as_rule());
        match field.as_rule() {
            Rule::reason_field => {
                let reason = lower_string(only(field));
                let help = "say why the plan may depart from the rule";
                require_text(&reason, "`reason`", &context, help, errors);
                set_once(&mut waiver.reason, reason, "reason", &context, errors)
            }
            Rule::approved_field => {
                let by = lower_string(only(field));
                let help = "say who approved the waiver";
                require_text(&by, "`approved_by`", &context, help, errors);
                set_once(&mut waiver.approved_by, by, "approved_by", &context, errors)
            }
            _ => match lower_date(&only(field)) {
                Ok(date) => set_once(&mut waiver.expires, date, "expires", &context, errors),
                Err(e) => errors.push(e),
            },
        }
    }
    let required = [
        (Rule::reason_field, "reason", "say why: `reason \"...\"`"),
        (
            Rule::approved_field,
            "approved_by",
            "say who approved it: `approved_by \"...\"`",
        ),
        (
            Rule::expires_field,
            "expires",
            "say until when: `expires 2026-12-31`",
        ),
    ];
    for (rule, field, help) in required {
        if !written.contains(&rule) {
            errors.push(SyntaxError::MissingField {
                field: field.into(),
                context: context.clone(),
                span: waiver.head.span(),
                help: Some(help.into()),
            });
        }
    }
    waiver
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates() {
        assert!(is_calendar_date("2022-09-30"));
        assert!(is_calendar_date("2024-02-29"));
        assert!(!is_calendar_date("2023-02-29"));
        assert!(!is_calendar_date("2022-13-01"));
        assert!(!is_calendar_date("2022-04-31"));
        assert!(!is_calendar_date("2022-1-1"));
    }

    #[test]
    fn a_day_that_does_not_exist_is_told_apart_from_a_wrong_shape() {
        assert_eq!(
            no_such_day("2026-02-30").as_deref(),
            Some("February 2026 has 28 days")
        );
        assert_eq!(
            no_such_day("2024-02-30").as_deref(),
            Some("February 2024 has 29 days")
        );
        assert_eq!(
            no_such_day("2022-13-01").as_deref(),
            Some("there is no month 13: a year has 12")
        );
        assert_eq!(no_such_day("2022-09-30"), None);
        assert_eq!(no_such_day("2022/9/30"), None);
    }
}
