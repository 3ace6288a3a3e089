//! Pieces of lowering shared by both languages: spans, strings, numbers, years, fields.

use miette::SourceSpan;
use pest::Parser;
use rust_decimal::Decimal;

use super::expected::describe_failure;
use super::parser::{PlanCheckParser, Rule};
use super::{SyntaxError, check_line_ends, check_nesting};
use crate::ast::{Number, Period, PlanPeriod, Quantity, Spanned};

pub(crate) type Pair<'i> = pest::iterators::Pair<'i, Rule>;

/// Parses `text` as `rule` after the line-end and nesting checks; returns the top pair.
pub(crate) fn parse_top(rule: Rule, text: &str) -> Result<Pair<'_>, SyntaxError> {
    check_line_ends(text)?;
    check_nesting(text, true)?;
    match PlanCheckParser::parse(rule, text) {
        Ok(mut pairs) => Ok(pairs.next().expect("grammar: a file rule yields one pair")),
        Err(_) => Err(describe_failure(rule, text)),
    }
}

/// The span of a pair, without the whitespace and comments pest takes in after an
/// optional last part (`unit?`), so that labels end where the text does.
pub(super) fn span(pair: &Pair) -> SourceSpan {
    let s = pair.as_span();
    (s.start(), written_len(s.as_str())).into()
}

fn written_len(mut text: &str) -> usize {
    // Most pairs end with a token: nothing to trim, and no `#` on their last line.
    let ends_in_token = text.chars().next_back().is_some_and(|c| !c.is_whitespace());
    if ends_in_token && !text[text.rfind('\n').map_or(0, |i| i + 1)..].contains('#') {
        return text.len();
    }
    loop {
        text = text.trim_end();
        let line_start = text.rfind('\n').map_or(0, |i| i + 1);
        let code = line_without_comment(&text[line_start..]);
        if line_start + code.len() == text.len() {
            return text.len();
        }
        text = &text[..line_start + code.len()];
    }
}

/// A line up to its `#` comment, if any, outside strings.
pub(super) fn line_without_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' if in_string => escaped = !escaped,
            '"' if !escaped => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    line
}

/// The span from the start of `a` to the end of `b`.
pub(super) fn join(a: SourceSpan, b: SourceSpan) -> SourceSpan {
    let end = b.offset() + b.len();
    (a.offset(), end.saturating_sub(a.offset())).into()
}

pub(super) fn text(pair: &Pair) -> Spanned<String> {
    Spanned::new(pair.as_str().to_string(), span(pair))
}

/// A `string` pair without its quotes and with its escapes resolved.
/// A text that must say something (a reason, an approver): empty or only whitespace is an
/// error at the string, since it would pass for an accountable answer.
pub(super) fn require_text(
    text: &Spanned<String>,
    field: &'static str,
    context: &str,
    help: &'static str,
    errors: &mut Vec<SyntaxError>,
) {
    if is_blank(&text.node) {
        errors.push(SyntaxError::EmptyText {
            field,
            context: context.to_string(),
            span: text.span,
            help,
        });
    }
}

/// Nothing a reader can see: whitespace and invisible format characters (U+200B zero-width
/// space, U+2060 word joiner, U+FEFF, bidi controls) alone say nothing.
pub(super) fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || crate::invisible::is_format(c))
}

pub(super) fn lower_string(pair: Pair) -> Spanned<String> {
    // `"` ~ string_inner ~ `"`: the inside, without a walk to the inner pair.
    let quoted = pair.as_str();
    Spanned::new(unescape(&quoted[1..quoted.len() - 1]), span(&pair))
}

pub(super) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// A province name, quoted or bare.
pub(super) fn lower_name(pair: Pair) -> Spanned<String> {
    let inner = pair.into_inner().next().expect("grammar: name has inner");
    match inner.as_rule() {
        Rule::string => lower_string(inner),
        _ => text(&inner),
    }
}

pub(super) fn lower_number(pair: &Pair) -> Result<Spanned<Number>, SyntaxError> {
    let written = pair.as_str();
    if let Some(error) = not_decimal(written, span(pair)) {
        return Err(error);
    }
    parse_decimal(written, span(pair)).map(|value| {
        Spanned::new(
            Number {
                text: written.to_string(),
                value,
            },
            span(pair),
        )
    })
}

/// The error for a number the grammar takes in only to explain: one with an exponent, or
/// in hexadecimal.
fn not_decimal(written: &str, span: SourceSpan) -> Option<SyntaxError> {
    let digits = written.trim_start_matches('-');
    let (message, label, example) = if digits.len() > 1 && digits[..2].eq_ignore_ascii_case("0x") {
        (
            "hexadecimal numbers are not read",
            "hexadecimal",
            "`16` for `0x10`",
        )
    } else if digits.contains(['e', 'E']) {
        (
            "exponents are not read",
            "an exponent",
            "`2500` for `2.5e3`",
        )
    } else {
        return None;
    };
    Some(SyntaxError::Unexpected {
        message: format!("`{written}` is not a number here: {message}"),
        span,
        label: format!("{label}, not a decimal number"),
        help: Some(format!(
            "write the number out in decimal digits, such as {example}"
        )),
    })
}

/// An exact decimal, or an error when it needs more digits than can be held.
pub(crate) fn parse_decimal(written: &str, span: SourceSpan) -> Result<Decimal, SyntaxError> {
    Decimal::from_str_exact(written).map_err(|_| SyntaxError::NumberRange {
        text: written.to_string(),
        span,
    })
}

pub(super) fn lower_year(pair: &Pair) -> Result<Spanned<u16>, SyntaxError> {
    let written = pair.as_str();
    match written.parse::<u16>() {
        Ok(y) if written.len() == 4 && y >= 1000 => Ok(Spanned::new(y, span(pair))),
        _ => Err(SyntaxError::BadYear {
            text: written.to_string(),
            span: span(pair),
        }),
    }
}

/// The year inside a `by_year` or `from_year` pair.
pub(super) fn lower_year_clause(pair: Pair) -> Result<Spanned<u16>, SyntaxError> {
    let year = pair
        .into_inner()
        .find(|p| p.as_rule() == Rule::year)
        .expect("grammar: year clause has a year");
    lower_year(&year)
}

/// `by YEAR` and `from YEAR`, where present, among a declaration's children.
pub(super) fn lower_period<'i>(
    pairs: &mut std::iter::Peekable<impl Iterator<Item = Pair<'i>>>,
    errors: &mut Vec<SyntaxError>,
) -> Period {
    let mut period = Period {
        year: None,
        baseline: None,
    };
    while let Some(rule) = pairs.peek().map(Pair::as_rule) {
        let slot = match rule {
            Rule::by_year => &mut period.year,
            Rule::from_year => &mut period.baseline,
            _ => break,
        };
        let pair = pairs.next().expect("peeked");
        match lower_year_clause(pair) {
            Ok(y) => *slot = Some(y),
            Err(e) => errors.push(e),
        }
    }
    period
}

/// `number unit?` as a quantity.
pub(super) fn lower_quantity<'i>(
    mut pairs: impl Iterator<Item = Pair<'i>>,
) -> Result<Quantity, SyntaxError> {
    let number = pairs.next().expect("grammar: quantity has a number");
    Ok(Quantity {
        number: lower_number(&number)?,
        unit: pairs.next().map(|u| text(&u)),
    })
}

/// Stores a field given once per block; a second one is an error pointing at both.
/// `period 14th`, for a plan or a rule file: a period plancheck knows, or an error.
pub(super) fn lower_plan_period(
    field: Pair,
    context: &str,
    slot: &mut Option<Spanned<PlanPeriod>>,
    errors: &mut Vec<SyntaxError>,
) {
    let name = field
        .into_inner()
        .find(|p| p.as_rule() == Rule::period_name)
        .expect("grammar: a period has a name");
    let at = span(&name);
    match PlanPeriod::parse(name.as_str()) {
        Some(period) => set_once(slot, Spanned::new(period, at), "period", context, errors),
        None => errors.push(SyntaxError::UnknownWord {
            what: "five-year-plan period".to_string(),
            found: name.as_str().to_string(),
            span: at,
            help: Some(
                "plancheck knows the `14th` (2021-2025) and the `15th` (2026-2030) five-year plans"
                    .to_string(),
            ),
        }),
    }
}

pub(super) fn set_once<T>(
    slot: &mut Option<Spanned<T>>,
    value: Spanned<T>,
    field: &str,
    context: &str,
    errors: &mut Vec<SyntaxError>,
) {
    set_once_in(slot, value, field, || context.to_string(), errors)
}

/// [`set_once`], naming the block only when there is an error to name it in.
pub(super) fn set_once_in<T>(
    slot: &mut Option<Spanned<T>>,
    value: Spanned<T>,
    field: &str,
    context: impl FnOnce() -> String,
    errors: &mut Vec<SyntaxError>,
) {
    if let Some(first) = slot {
        errors.push(SyntaxError::DuplicateField {
            field: field.to_string(),
            context: context(),
            span: value.span,
            first: first.span,
        });
    } else {
        *slot = Some(value);
    }
}

/// An empty file is an error in every language; a file of comments counts as empty.
pub(super) fn empty_file(text: &str, help: &'static str) -> SyntaxError {
    SyntaxError::Empty {
        span: (0, text.len()).into(),
        help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        let d = parse_decimal("13.5", (0, 4).into()).unwrap();
        assert_eq!(d.to_string(), "13.5");
        assert_eq!(
            parse_decimal("0.10", (0, 4).into()).unwrap().to_string(),
            "0.10"
        );
    }

    #[test]
    fn too_many_digits_is_an_error_not_a_rounding() {
        let long = "1.00000000000000000000000000001";
        assert!(matches!(
            parse_decimal(long, (0, long.len()).into()),
            Err(SyntaxError::NumberRange { .. })
        ));
        let huge = "1".repeat(40);
        assert!(parse_decimal(&huge, (0, 40).into()).is_err());
    }

    #[test]
    fn escapes_are_resolved() {
        assert_eq!(unescape(r#"a \"b\" \\ c\nd"#), "a \"b\" \\ c\nd");
    }
}
