//! Reading a plan from the JSON interchange format, with exact decimals and with spans into
//! the JSON text, so its diagnostics point at the JSON as plan diagnostics point at a plan.
//!
//! Two ways in, one way out: a strict reader of our own ([`tree`]) is the fast path; where it
//! does not accept the text, jsonc-parser reads it again, after two pre-scans, to say what is
//! wrong. Either way the same [`read`] turns the JSON into a plan, so both give the same plan
//! and the same errors, spans included.

mod read;
mod tree;

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::{SyntaxError, check_line_ends, check_nesting};
use crate::ast::PlanFile;
use crate::invisible;
use crate::source::BOM;
use read::{Json, Kind, Prop, read_plan};

/// Parses a JSON plan, returning every error found in it.
pub fn parse_json_plan(text: &str) -> Result<PlanFile, Vec<SyntaxError>> {
    // JSON takes a lone CR as whitespace, but line numbers would disagree on it.
    check_line_ends(text).map_err(|e| vec![e])?;
    fast(text).unwrap_or_else(|| with_jsonc(text))
}

/// What a record of a JSON Lines file says of the plan set it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordScenario {
    /// Its `scenario` field, and where the field's value is (start, length).
    Named(String, (usize, usize)),
    /// It is a JSON object without a `scenario` field.
    Unnamed,
    /// Its `scenario` is not a string: where the value is (start, length).
    NotString((usize, usize)),
    /// It is JSON, but not an object.
    NotObject,
    /// It is not JSON: its errors come from reading it as a plan.
    NotJson,
}

/// The scenario a JSON Lines record names, read by the strict reader alone: the record is
/// read again as a plan when its set is checked, on whichever core that happens.
pub fn record_scenario(text: &str) -> RecordScenario {
    let offset = bom_len(text);
    let Some(tree) = tree::parse(&text[offset..]) else {
        return RecordScenario::NotJson;
    };
    let Some(mut props) = tree.root().props() else {
        return RecordScenario::NotObject;
    };
    let Some(field) = props.find(|p| p.name == "scenario") else {
        return RecordScenario::Unnamed;
    };
    let (start, len) = field.value.range();
    match field.value.as_str() {
        Some(name) => RecordScenario::Named(name.to_string(), (start + offset, len)),
        None => RecordScenario::NotString((start + offset, len)),
    }
}

/// The plan as the strict reader reads it, or `None` where it does not accept the text.
pub(super) fn fast(text: &str) -> Option<Result<PlanFile, Vec<SyntaxError>>> {
    let offset = bom_len(text);
    let tree = tree::parse(&text[offset..])?;
    Some(read_plan(tree.root(), offset))
}

fn bom_len(text: &str) -> usize {
    if text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    }
}

/// The plan as jsonc-parser reads it, with the reasons for any JSON it refuses.
pub(super) fn with_jsonc(text: &str) -> Result<PlanFile, Vec<SyntaxError>> {
    let offset = bom_len(text);
    let body = &text[offset..];
    check_nesting(body, false).map_err(|e| vec![shift(e, offset)])?;
    check_strings(body, offset).map_err(|e| vec![e])?;
    if body.trim().is_empty() {
        return Err(vec![SyntaxError::Empty {
            span: (0, text.len()).into(),
            help: "a JSON plan is an object with `province` and `targets`",
        }]);
    }
    let root = parse_to_ast(body, &CollectOptions::default(), &strict())
        .map_err(|e| vec![json_syntax(&e, offset)])?
        .value
        .expect("a non-empty document has a value");
    read_plan(&root, offset)
}

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn shift(error: SyntaxError, offset: usize) -> SyntaxError {
    match error {
        SyntaxError::TooDeep { span, limit } => SyntaxError::TooDeep {
            span: (span.offset() + offset, span.len()).into(),
            limit,
        },
        other => other,
    }
}

/// JSON strings hold no raw control characters; the parser lets a raw line break through,
/// so an unclosed string would be read up to the next quote, lines later. Between values,
/// JSON's whitespace is the space, the tab and the line ends (RFC 8259); the parser takes
/// any Unicode space too, which the strict reader and other JSON readers refuse.
fn check_strings(body: &str, offset: usize) -> Result<(), SyntaxError> {
    let bytes = body.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        match (start, bytes[i]) {
            (None, b'"') => start = Some(i),
            (None, c) if c >= 0x80 || (c < 0x20 && !b"\t\n\r".contains(&c)) => {
                if let Some(error) = not_json_space(body, i, offset) {
                    return Err(error);
                }
            }
            (Some(_), b'\\') => i += 1,
            (Some(_), b'"') => start = None,
            (Some(open), b'\n' | b'\r') => {
                return Err(SyntaxError::Unexpected {
                    message: "this string is not closed on its line".into(),
                    span: (open + offset, 1).into(),
                    label: "the string starts here".into(),
                    help: Some("a JSON string ends on the line it starts; write a line break inside it as `\\n`".into()),
                });
            }
            (Some(_), c) if c < 0x20 => {
                return Err(SyntaxError::Unexpected {
                    message: format!(
                        "a JSON string cannot hold the raw control character U+{c:04X}"
                    ),
                    span: (i + offset, 1).into(),
                    label: "a raw control character".into(),
                    help: Some("write it as an escape, such as `\\t` or `\\u0000`".into()),
                });
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The error for a character between JSON values that a reader would take for a space,
/// or could not see.
fn not_json_space(body: &str, at: usize, offset: usize) -> Option<SyntaxError> {
    // `get` is `None` inside a character: only its first byte is looked at.
    let c = body.get(at..)?.chars().next()?;
    let name = invisible::name(c)?;
    Some(SyntaxError::Unexpected {
        message: format!("{name} is not whitespace in JSON"),
        span: (at + offset, c.len_utf8()).into(),
        label: "not a JSON space".into(),
        help: Some(
            "between values JSON takes only spaces, tabs and line breaks (RFC 8259): write a plain space"
                .into(),
        ),
    })
}

fn json_syntax(error: &jsonc_parser::errors::ParseError, offset: usize) -> SyntaxError {
    use jsonc_parser::errors::ParseErrorKind::{UnterminatedArray, UnterminatedObject};
    let range = error.range();
    let message = lowercase_first(&error.kind().to_string());
    if matches!(error.kind(), UnterminatedObject | UnterminatedArray) {
        return SyntaxError::Unexpected {
            label: "opened here, never closed".into(),
            message: format!("invalid JSON: {message}"),
            span: (range.start + offset, 1).into(),
            help: None,
        };
    }
    SyntaxError::Unexpected {
        label: message.clone(),
        message: format!("invalid JSON: {message}"),
        span: (range.start + offset, range.end - range.start).into(),
        help: None,
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// jsonc-parser's tree, as the reader sees a JSON value.
impl<'t> Json<'t> for &'t Value<'t> {
    fn kind(self) -> Kind {
        match self {
            Value::StringLit(_) => Kind::String,
            Value::NumberLit(_) => Kind::Number,
            Value::BooleanLit(_) => Kind::Bool,
            Value::Object(_) => Kind::Object,
            Value::Array(_) => Kind::Array,
            Value::NullKeyword(_) => Kind::Null,
        }
    }

    fn range(self) -> (usize, usize) {
        let r = Ranged::range(self);
        (r.start, r.end - r.start)
    }

    fn as_str(self) -> Option<&'t str> {
        match self {
            Value::StringLit(s) => Some(&s.value),
            _ => None,
        }
    }

    fn as_number(self) -> Option<&'t str> {
        match self {
            Value::NumberLit(n) => Some(n.value),
            _ => None,
        }
    }

    fn items(self) -> Option<impl Iterator<Item = Self> + Clone> {
        match self {
            Value::Array(a) => Some(a.elements.iter()),
            _ => None,
        }
    }

    fn props(self) -> Option<impl Iterator<Item = Prop<'t, Self>>> {
        let Value::Object(o) = self else {
            return None;
        };
        Some(o.properties.iter().map(|p| {
            let (name, r) = match &p.name {
                ObjectPropName::String(s) => (&*s.value, s.range()),
                ObjectPropName::Word(w) => (w.value, w.range()),
            };
            Prop {
                name,
                name_range: (r.start, r.end - r.start),
                value: &p.value,
            }
        }))
    }
}
