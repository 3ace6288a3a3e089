//! Parse errors in words a person understands: what was expected, named by what it means
//! (`a unit such as % or 万kW`), never by grammar rule.

use std::collections::BTreeSet;
use std::sync::Mutex;

use pest::Parser;
use pest::error::{Error, ErrorVariant, InputLocation};

use super::SyntaxError;
use super::lower::line_without_comment;
use super::parser::{PlanCheckParser, Rule};
use crate::invisible;
use crate::provinces::Province;

/// How a grammar rule is named in an error message.
enum Words {
    /// A word of the language, shown in backticks.
    Keyword(&'static str),
    /// A field or declaration, named by the word it starts with.
    Field(&'static str),
    /// A kind of thing, such as "a number".
    Thing(&'static str),
    /// Not worth naming: whitespace, or the inside of a token.
    Hidden,
}

pub(super) fn is_keyword(rule: Rule) -> bool {
    matches!(words(rule), Words::Keyword(_))
}

fn words(rule: Rule) -> Words {
    use Words::*;
    match rule {
        Rule::WHITESPACE | Rule::comment_text | Rule::bom | Rule::name_char => Hidden,
        Rule::string_inner | Rule::escape | Rule::reserved | Rule::EOI => Hidden,
        Rule::exponent => Hidden,
        // Choices between keywords: the keywords themselves are listed.
        Rule::qualifier | Rule::commitment | Rule::status | Rule::rule_kind | Rule::level => Hidden,
        Rule::stand_in | Rule::missing_policy | Rule::baseline_need | Rule::ambition => Hidden,
        Rule::assigned_status => Hidden,
        // Named by the English keywords beside them.
        Rule::zh_before | Rule::zh_after | Rule::zh_strive | Rule::qualifier_word => Hidden,
        Rule::ident => Thing("a name such as `energy_intensity_cut`"),
        Rule::word | Rule::province_name => Thing("a province name"),
        Rule::number => Thing("a number"),
        Rule::year => Thing("a year such as 2030"),
        Rule::period_name => Thing("a five-year-plan period such as `14th`"),
        Rule::unit | Rule::unit_field => Thing("a unit such as `%` or `万kW`"),
        Rule::string => Thing("a quoted string"),
        Rule::by_year => Field("by"),
        Rule::from_year => Field("from"),
        Rule::kw_title => Keyword("title"),
        Rule::title_field => Field("title"),
        Rule::kw_accept => Keyword("accept"),
        Rule::accept_field => Field("accept"),
        Rule::kw_address => Keyword("address"),
        Rule::address_field => Field("address"),
        Rule::kw_aggregate => Keyword("aggregate"),
        Rule::kw_ambition => Keyword("ambition"),
        Rule::ambition_field => Field("ambition"),
        Rule::kw_and => Keyword("and"),
        Rule::kw_around => Keyword("around"),
        Rule::around => Field("around"),
        Rule::kw_as => Keyword("as"),
        Rule::kw_at_least => Keyword("at_least"),
        Rule::kw_at_most => Keyword("at_most"),
        Rule::kw_baseline => Keyword("baseline"),
        Rule::baseline_field => Field("baseline"),
        Rule::kw_benchmark => Keyword("benchmark"),
        Rule::kw_between => Keyword("between"),
        Rule::between => Field("between"),
        Rule::kw_by => Keyword("by"),
        Rule::kw_by_reference => Keyword("by_reference"),
        Rule::by_reference => Field("by_reference"),
        Rule::kw_cite => Keyword("cite"),
        Rule::cite_field => Field("cite"),
        Rule::kw_commitment => Keyword("commitment"),
        Rule::commitment_field => Field("commitment"),
        Rule::kw_conflicting => Keyword("conflicting"),
        Rule::kw_counts => Keyword("counts"),
        Rule::kw_document => Keyword("document"),
        Rule::document_field => Field("document"),
        Rule::kw_draft => Keyword("draft"),
        Rule::kw_earlier => Keyword("earlier"),
        Rule::kw_equivalent => Keyword("equivalent"),
        Rule::kw_error => Keyword("error"),
        Rule::kw_every => Keyword("every"),
        Rule::every => Field("every"),
        Rule::kw_exact => Keyword("exact"),
        Rule::kw_except => Keyword("except"),
        Rule::except => Field("except"),
        Rule::kw_firm => Keyword("firm"),
        Rule::kw_floor => Keyword("floor"),
        Rule::kw_from => Keyword("from"),
        Rule::kw_group => Keyword("group"),
        Rule::group_ref | Rule::group_decl => Field("group"),
        Rule::kw_help => Keyword("help"),
        Rule::help_field => Field("help"),
        Rule::kw_higher => Keyword("higher"),
        Rule::kw_indicator => Keyword("indicator"),
        Rule::indicator_decl => Field("indicator"),
        Rule::kw_issued => Keyword("issued"),
        Rule::issued_field => Field("issued"),
        Rule::kw_its => Keyword("its"),
        Rule::kw_kind => Keyword("kind"),
        Rule::kind_field => Field("kind"),
        Rule::kw_later => Keyword("later"),
        Rule::kw_lower => Keyword("lower"),
        Rule::kw_lower_bound => Keyword("lower_bound"),
        Rule::kw_less_than => Keyword("less_than"),
        Rule::kw_missing => Keyword("missing"),
        Rule::missing_clause => Field("missing"),
        Rule::kw_more_than => Keyword("more_than"),
        Rule::kw_no => Keyword("no"),
        Rule::no_later | Rule::no_earlier => Field("no"),
        Rule::kw_no_fallback => Keyword("no_fallback"),
        Rule::kw_none => Keyword("none"),
        Rule::kw_note => Keyword("note"),
        Rule::kw_of => Keyword("of"),
        Rule::kw_province => Keyword("province"),
        Rule::kw_city => Keyword("city"),
        Rule::province_field => Field("province"),
        Rule::city_field => Field("city"),
        Rule::kw_qualitative => Keyword("qualitative"),
        Rule::qualitative => Field("qualitative"),
        Rule::kw_require => Keyword("require"),
        Rule::require_field => Field("require"),
        Rule::kw_required => Keyword("required"),
        Rule::kw_resembles => Keyword("resembles"),
        Rule::resembles_field => Field("resembles"),
        Rule::kw_rule => Keyword("rule"),
        Rule::rule_decl => Field("rule"),
        Rule::kw_scope => Keyword("scope"),
        Rule::scope_field => Field("scope"),
        Rule::kw_secondary => Keyword("secondary"),
        Rule::kw_severity => Keyword("severity"),
        Rule::kw_short_of_benchmark => Keyword("short_of_benchmark"),
        Rule::kw_reaches_benchmark => Keyword("reaches_benchmark"),
        Rule::severity_field => Field("severity"),
        Rule::kw_source => Keyword("source"),
        Rule::source_decl | Rule::url_field => Field("source"),
        Rule::kw_status => Keyword("status"),
        Rule::status_field => Field("status"),
        Rule::kw_strive => Keyword("strive"),
        Rule::kw_sum => Keyword("sum"),
        Rule::sum_scope => Field("sum"),
        Rule::kw_target => Keyword("target"),
        Rule::target_decl => Field("target"),
        Rule::kw_than => Keyword("than"),
        Rule::kw_undeclared => Keyword("undeclared"),
        Rule::undeclared_field => Field("undeclared"),
        Rule::kw_unit => Keyword("unit"),
        Rule::kw_unknown => Keyword("unknown"),
        Rule::kw_value => Keyword("value"),
        Rule::value_field => Field("value"),
        Rule::kw_verified => Keyword("verified"),
        Rule::kw_warning => Keyword("warning"),
        Rule::kw_within => Keyword("within"),
        Rule::kw_zero => Keyword("zero"),
        Rule::plan_file | Rule::plan_item => Thing("`province`, `title`, `issued` or `target`"),
        Rule::date => Thing("a date such as 2022-09-30"),
        Rule::target_field => {
            Thing("a target field (`value`, `commitment`, `status`, `document`, `source`)")
        }
        Rule::kw_allow => Keyword("allow"),
        Rule::allow_field => Field("allow"),
        Rule::kw_because => Keyword("because"),
        Rule::lint_code => Thing("a lint code such as `PC015`"),
        Rule::kw_waive => Keyword("waive"),
        Rule::waive_decl => Field("waive"),
        Rule::waive_field => Thing("a waiver field (`reason`, `approved_by`, `expires`)"),
        Rule::kw_reason => Keyword("reason"),
        Rule::reason_field => Field("reason"),
        Rule::kw_approved_by => Keyword("approved_by"),
        Rule::approved_field => Field("approved_by"),
        Rule::kw_expires => Keyword("expires"),
        Rule::expires_field => Field("expires"),
        Rule::kw_test => Keyword("test"),
        Rule::test_decl => Field("test"),
        Rule::tests_file => Thing("a test (`test \"name\" { ... }`)"),
        Rule::test_field => Thing("a test field (`plan`, `expect`)"),
        Rule::kw_period => Keyword("period"),
        Rule::period_field => Field("period"),
        Rule::kw_plan => Keyword("plan"),
        Rule::plan_block | Rule::plan_path => Field("plan"),
        Rule::kw_expect => Keyword("expect"),
        Rule::expect_field => Field("expect"),
        Rule::kw_for => Keyword("for"),
        Rule::kw_pass => Keyword("pass"),
        Rule::kw_fail => Keyword("fail"),
        Rule::kw_not_checkable => Keyword("not_checkable"),
        Rule::kw_waived => Keyword("waived"),
        Rule::outcome => Hidden,
        Rule::kw_margin => Keyword("margin"),
        Rule::margin_clause => Field("margin"),
        Rule::rules_file | Rule::rules_item => {
            Thing("a declaration (`source`, `indicator`, `group`, `rule` or `assignment`)")
        }
        Rule::indicator_field => {
            Thing("an indicator field (`title`, `unit`, `baseline`, `ambition`, `resembles`)")
        }
        Rule::rule_id => Thing("a rule identifier such as `EI-2025`"),
        Rule::rule_field => Thing(
            "a rule field (`kind`, `severity`, `scope`, `require`, `undeclared`, `cite`, `help`, `accept`)",
        ),
        Rule::province_set | Rule::set_term => {
            Thing("a set of provinces (`every province`, `group NAME`, `[A, B]`)")
        }
        Rule::set_op | Rule::union | Rule::intersect => Thing("`+`, `&` or `except`"),
        Rule::province_list => Thing("a list of provinces such as `[Beijing, 上海]`"),
        Rule::requirement => {
            Thing("a requirement such as `energy_intensity_cut by 2025 from 2020 >= 13.5 %`")
        }
        Rule::condition => Thing(
            "a condition (`>=`, `between`, `around`, `no later than`, `qualitative`, `as assigned`)",
        ),
        Rule::compare | Rule::cmp_op | Rule::own_compare => {
            Thing("a comparison (`>=`, `>`, `<=`, `<`, `==`)")
        }
        Rule::quantity => Thing("a number and its unit, such as `13.5 %`"),
        Rule::kw_assignment => Keyword("assignment"),
        Rule::assignment_decl => Field("assignment"),
        Rule::assignment_field => {
            Thing("an assignment field (`title`, `for`, `province NAME { ... }`)")
        }
        Rule::assigned_for => Field("for"),
        Rule::assigned_row => Field("province"),
        Rule::row_field => Thing("a row field (`basic`, `incentive`, `status`, `cite`)"),
        Rule::kw_basic => Keyword("basic"),
        Rule::basic_field => Field("basic"),
        Rule::kw_incentive => Keyword("incentive"),
        Rule::incentive_field => Field("incentive"),
        Rule::assigned_status_field => Field("status"),
        Rule::kw_stated => Keyword("stated"),
        Rule::kw_indirect => Keyword("indirect"),
        Rule::kw_own_plan => Keyword("own_plan"),
        Rule::kw_not_assessable => Keyword("not_assessable"),
        Rule::kw_assigned => Keyword("assigned"),
        Rule::as_assigned => Field("as assigned"),
        Rule::as_province => Field("as province"),
    }
}

/// Error detail costs time on every parse, so it is switched on only to explain a failure;
/// the lock keeps two failing parses from switching it off under each other.
static DETAIL: Mutex<()> = Mutex::new(());

/// Parses `text` again with error detail on, and says what went wrong.
pub(super) fn describe_failure(rule: Rule, text: &str) -> SyntaxError {
    let guard = DETAIL.lock().unwrap_or_else(|e| e.into_inner());
    pest::set_error_detail(true);
    let result = PlanCheckParser::parse(rule, text);
    pest::set_error_detail(false);
    drop(guard);
    let Err(error) = result else {
        unreachable!("a text that failed to parse parsed on the second try")
    };
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let expected = from_attempts(&error).unwrap_or_else(|| from_positives(&error.variant));
    unexpected(text, pos, expected)
}

/// Punctuation worth naming; other literal characters are the inside of a token.
const PUNCTUATION: [&str; 15] = [
    "{", "}", "[", "]", "(", ")", ",", "=", "+", "&", ">=", "<=", "==", ">", "<",
];

/// What was expected, from pest's record of the attempts at the furthest position: the
/// deepest rule of each attempt, or the punctuation it wanted.
fn from_attempts(error: &Error<Rule>) -> Option<BTreeSet<String>> {
    let attempts = error.parse_attempts()?;
    let mut expected = BTreeSet::new();
    // `as` of `as assigned` is named with its second word, as `no` is with its own; pest
    // folds the attempt into the requirement it is part of.
    let assigned = attempts.call_stacks().iter().any(|s| {
        s.parent == Some(Rule::as_assigned) || s.deepest.get_rule() == Some(&Rule::requirement)
    });
    // Literal punctuation and keywords, named as written. Other literals are the inside of
    // a token (the `-` of a date).
    for token in attempts.expected_tokens().iter().map(ToString::to_string) {
        if token == "no" {
            expected.insert("`no later than`".to_string());
            expected.insert("`no earlier than`".to_string());
        } else if token == "as" && assigned {
            expected.insert("`as assigned`".to_string());
            expected.insert("`as province`".to_string());
        } else if PUNCTUATION.contains(&token.as_str()) || is_keyword_text(&token) {
            expected.insert(format!("`{token}`"));
        }
    }
    for stack in attempts.call_stacks() {
        // pest folds many failed alternatives into their block (`target_decl`); those
        // alternatives are the keywords listed above, and the block names nothing more.
        let rule = stack.deepest.get_rule().copied().or(stack.parent);
        if stack.parent == Some(Rule::as_assigned) {
            insert_words(&mut expected, Rule::as_assigned);
        } else if let Some(rule) = rule.filter(|r| !is_block(*r)) {
            insert_words(&mut expected, rule);
        }
    }
    Some(expected)
}

fn from_positives(variant: &ErrorVariant<Rule>) -> BTreeSet<String> {
    let mut expected = BTreeSet::new();
    if let ErrorVariant::ParsingError { positives, .. } = variant {
        for rule in positives {
            insert_words(&mut expected, *rule);
        }
    }
    expected
}

/// Every word of the languages, such as `commitment`, once each, sorted.
pub fn keywords() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Rule::all_rules()
        .iter()
        .filter_map(|r| match words(*r) {
            Words::Keyword(k) => Some(k),
            _ => None,
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether `text` is a word of the languages, such as `commitment`.
fn is_keyword_text(text: &str) -> bool {
    Rule::all_rules()
        .iter()
        .any(|r| matches!(words(*r), Words::Keyword(k) if k == text))
}

/// Rules that span a whole declaration: naming one says nothing about the next token.
fn is_block(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::rules_file
            | Rule::plan_file
            | Rule::source_decl
            | Rule::indicator_decl
            | Rule::group_decl
            | Rule::rule_decl
            | Rule::assignment_decl
            | Rule::assigned_row
            | Rule::target_decl
            | Rule::waive_decl
            | Rule::tests_file
            | Rule::test_decl
            | Rule::plan_block
    )
}

fn insert_words(expected: &mut BTreeSet<String>, rule: Rule) {
    match words(rule) {
        Words::Keyword(k) | Words::Field(k) => expected.insert(format!("`{k}`")),
        Words::Thing(t) => expected.insert(t.to_string()),
        Words::Hidden => false,
    };
}

fn unexpected(text: &str, pos: usize, expected: BTreeSet<String>) -> SyntaxError {
    let found = found_at(text, pos);
    if found.starts_with('"')
        && let Some(fault) = string_fault(text, pos)
    {
        return fault;
    }
    let misspelt = misspelt(found, &expected);
    let list = one_of(&expected.iter().cloned().collect::<Vec<_>>());
    if found.is_empty() {
        // Nothing to underline at the end: point at the last thing written instead.
        let last = text.trim_end();
        let at = last.char_indices().last().map_or(0, |(i, _)| i);
        let len = last[at..].len();
        return SyntaxError::Unexpected {
            message: format!("expected {list}, found the end of the file"),
            span: (at, len).into(),
            label: "the file ends after this".to_string(),
            help: None,
        };
    }
    let help = spaced_province(text, pos, found)
        .or_else(|| spaced_unit(text, pos, found))
        .or_else(|| misplaced_comparison(found))
        .or(misspelt)
        .or_else(|| invisible_help(text, pos, found))
        .or_else(|| {
            list.contains("a unit")
                .then(|| crate::units::UNITS_KNOWN.to_string())
        });
    let message = format!("expected {list}, found {}", found_words(found));
    // A keyword or a closing bracket is in place somewhere: what is missing is more likely
    // at the end of the line before, so the error is shown there.
    let in_place = is_keyword_text(found) || ["}", "]", ")"].contains(&found);
    if let Some(end) = end_of_previous_line(text, pos).filter(|_| in_place) {
        return SyntaxError::Unexpected {
            message,
            span: end,
            label: format!("expected {list} after this"),
            help,
        };
    }
    SyntaxError::Unexpected {
        message,
        span: (pos, found.len()).into(),
        label: format!("expected {list}"),
        help,
    }
}

/// A hint when the word before `found` and `found` together name a province
/// (`province Inner Mongolia`): a name with a space is written in quotes.
fn spaced_province(text: &str, pos: usize, found: &str) -> Option<String> {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    let word = before
        .rsplit(|c: char| c.is_whitespace() || "[,(".contains(c))
        .next()?;
    let name = format!("{word} {found}");
    Province::lookup(&name)?;
    Some(format!(
        "a name with a space is written in quotes: `\"{name}\"`"
    ))
}

/// A hint when `found` is a word expected, misspelt (`aroud`), or an operator written
/// backwards (`=>`); a stray character alone (`;`) is no misspelling of anything.
fn misspelt(found: &str, expected: &BTreeSet<String>) -> Option<String> {
    let words = || {
        let quoted = expected.iter();
        quoted.filter_map(|e| e.strip_prefix('`')?.strip_suffix('`'))
    };
    let backwards: String = found.chars().rev().collect();
    if found.len() > 1 && words().any(|w| w == backwards) {
        return Some(format!("did you mean `{backwards}`?"));
    }
    let letters = found.chars().filter(|c| c.is_alphanumeric()).count();
    (letters >= 3).then(|| crate::suggest::did_you_mean(found, words()))?
}

/// A hint when `found` is a Chinese comparison word on the wrong side of its figure (`20 %
/// 不低于`): the plan language puts each where Chinese does.
fn misplaced_comparison(found: &str) -> Option<String> {
    const AFTER: [&str; 4] = ["以上", "以下", "以内", "左右"];
    let word = crate::ast::CHINESE_QUALIFIERS
        .iter()
        .map(|(w, _)| *w)
        .find(|w| found.starts_with(w))?;
    let example = match AFTER.contains(&word) {
        true => format!("after the figure: `value 20 % {word}`"),
        false => format!("before the figure: `value {word} 20 %`"),
    };
    Some(format!("`{word}` is written {example}"))
}

/// A hint when the word before `found` and `found` together are a unit (`10600 万 kW`): a
/// unit is one word.
fn spaced_unit(text: &str, pos: usize, found: &str) -> Option<String> {
    let before = text[..pos].trim_end_matches([' ', '\t', '\u{3000}']);
    let word = before.rsplit(char::is_whitespace).next()?;
    let unit = format!("{word}{found}");
    crate::units::Unit::parse(&unit)?;
    Some(format!("a unit is written without a space: `{unit}`"))
}

/// Why a string does not parse: an escape the languages do not have, or no closing quote
/// on its line; `None` for a whole string, which is wrong only where it stands. `pos` is
/// the opening quote.
fn string_fault(text: &str, pos: usize) -> Option<SyntaxError> {
    let mut chars = text[pos + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return None,
            '\n' | '\r' => break,
            '\\' => match chars.next() {
                Some((_, '"' | '\\' | 'n' | 't')) => {}
                Some((_, e)) if e != '\n' && e != '\r' => {
                    return Some(SyntaxError::Unexpected {
                        message: format!(
                            "unknown escape {} in a string",
                            invisible::quoted(&format!("\\{e}"))
                        ),
                        span: (pos + 1 + i, 1 + e.len_utf8()).into(),
                        label: "not an escape".to_string(),
                        help: Some(ESCAPES.to_string()),
                    });
                }
                _ => break,
            },
            _ => {}
        }
    }
    Some(SyntaxError::Unexpected {
        message: "this string is not closed".to_string(),
        span: (pos, 1).into(),
        label: "the string starts here".to_string(),
        help: Some(
            "a string ends with `\"` on the same line; write a quote inside it as `\\\"`"
                .to_string(),
        ),
    })
}

const ESCAPES: &str =
    "a string knows four escapes: `\\\"` (a quote), `\\\\` (a backslash), `\\n` and `\\t`";

/// `x`, or the character a reader could not see, named.
fn found_words(found: &str) -> String {
    match found.chars().next().and_then(invisible::name) {
        Some(name) => name,
        None => invisible::quoted(found),
    }
}

/// A hint for a found character that cannot be seen: which province the name around it
/// is without it (`Gan\u{200b}su`), or else that it is there at all.
fn invisible_help(text: &str, pos: usize, found: &str) -> Option<String> {
    let c = found
        .chars()
        .next()
        .filter(|&c| invisible::is_invisible(c))?;
    if let Some(name) = province_around(text, pos, c) {
        return Some(format!(
            "with the invisible character taken out, `{name}` is a province: write `{name}`"
        ));
    }
    Some(if c.is_whitespace() {
        "it looks like a space, but is not one here: write a plain space".to_string()
    } else {
        "it cannot be seen, but it is there: take it out".to_string()
    })
}

/// The province the word around the character `c` at `pos` names once the character is
/// taken out, unless the word before it is a whole name already (`Beijing\0`).
fn province_around(text: &str, pos: usize, c: char) -> Option<String> {
    let start = text[..pos]
        .char_indices()
        .rev()
        .find(|&(_, b)| b.is_whitespace() || "[,(\"".contains(b))
        .map_or(0, |(i, b)| i + b.len_utf8());
    if Province::lookup(&text[start..pos]).is_some() {
        return None;
    }
    let after = pos + c.len_utf8();
    let name = invisible::without(&text[start..after + found_at(text, after).len()])?;
    Province::lookup(&name).map(|_| name)
}

/// The last character written before `pos` when a line break lies between them (comments
/// are not written text): where something missing should have been.
fn end_of_previous_line(text: &str, pos: usize) -> Option<miette::SourceSpan> {
    let before = &text[..pos];
    let gap = before.len() - before.trim_end().len();
    if !before[before.len() - gap..].contains('\n') {
        return None;
    }
    let line_start = before.trim_end().rfind('\n').map_or(0, |i| i + 1);
    let line = &before.trim_end()[line_start..];
    let code = line_without_comment(line).trim_end();
    let (at, c) = code.char_indices().last()?;
    Some((line_start + at, c.len_utf8()).into())
}

/// The token at `pos`: up to the next space or bracket, at most 24 characters; or a
/// character that cannot be seen, alone, since that is what is wrong.
fn found_at(text: &str, pos: usize) -> &str {
    let rest = &text[pos.min(text.len())..];
    let unseen = |c: char| invisible::is_invisible(c) && !matches!(c, '\t' | '\n' | '\r');
    if let Some(c) = rest.chars().next().filter(|&c| unseen(c)) {
        return &rest[..c.len_utf8()];
    }
    let mut end = 0;
    for (i, c) in rest.char_indices().take(24) {
        if c.is_whitespace() || (i > 0 && "{}[](),\"#".contains(c)) {
            break;
        }
        end = i + c.len_utf8();
    }
    &rest[..end]
}

fn one_of(items: &[String]) -> String {
    match items {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
