//! Reading a plan from the JSON interchange format, with exact decimals and with spans into
//! the JSON text, so its diagnostics point at the JSON as plan diagnostics point at a plan.

use jsonc_parser::ast::{Object, ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use miette::SourceSpan;
use rust_decimal::Decimal;

use super::lower::parse_decimal;
use super::lower_plan::is_calendar_date;
use super::{SyntaxError, check_nesting};
use crate::ast::*;
use crate::source::BOM;
use crate::suggest::did_you_mean;

/// Fields that must be given, and given a value (a by_reference target has no `value`).
const REQUIRED: [&str; 3] = ["province", "targets", "indicator"];
const PLAN_FIELDS: [&str; 4] = ["province", "title", "issued", "targets"];
const TARGET_FIELDS: [&str; 10] = [
    "indicator",
    "year",
    "baseline",
    "value",
    "unit",
    "qualifier",
    "commitment",
    "status",
    "document",
    "source",
];

/// Parses a JSON plan, returning every error found in it.
pub fn parse_json_plan(text: &str) -> Result<PlanFile, Vec<SyntaxError>> {
    let offset = if text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    };
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
    let mut reader = Reader {
        offset,
        errors: Vec::new(),
    };
    let plan = reader.plan(&root);
    if reader.errors.is_empty() {
        Ok(plan)
    } else {
        Err(reader.errors)
    }
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
/// so an unclosed string would be read up to the next quote, lines later.
fn check_strings(body: &str, offset: usize) -> Result<(), SyntaxError> {
    let bytes = body.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        match (start, bytes[i]) {
            (None, b'"') => start = Some(i),
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

struct Reader {
    offset: usize,
    errors: Vec<SyntaxError>,
}

/// What a JSON value is, in words.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}

impl Reader {
    fn span(&self, node: &impl Ranged) -> SourceSpan {
        let r = node.range();
        (r.start + self.offset, r.end - r.start).into()
    }

    /// `field` is a JSON field's name, or words such as "the plan" (starting with "the" or
    /// "a"), which are not quoted.
    fn wrong_type(&mut self, field: &str, expected: &str, value: &Value) {
        let field = if field.starts_with("the ") || field.starts_with("a ") {
            field.to_string()
        } else {
            format!("`{field}`")
        };
        self.errors.push(SyntaxError::WrongType {
            field,
            expected: expected.to_string(),
            found: kind_of(value).to_string(),
            span: self.span(value),
        });
    }

    /// The properties of `object`, each once, with unknown and repeated keys reported.
    fn fields<'o, 'a>(
        &mut self,
        object: &'o Object<'a>,
        known: &[&str],
        context: &str,
    ) -> Vec<(&'o str, &'o ObjectProp<'a>)> {
        let mut seen: Vec<(&str, &ObjectProp)> = Vec::new();
        for prop in &object.properties {
            let name = prop_name(prop);
            let name_span = self.span(&prop.name);
            if !known.contains(&name) {
                self.errors.push(SyntaxError::UnknownField {
                    field: name.to_string(),
                    context: context.to_string(),
                    span: name_span,
                    help: did_you_mean(name, known.iter().copied()),
                });
            } else if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                self.errors.push(SyntaxError::DuplicateField {
                    field: name.to_string(),
                    context: context.to_string(),
                    span: name_span,
                    first: self.span(&first.name),
                });
            } else {
                seen.push((name, prop));
            }
        }
        // `null` for an optional field means it is not given; a required one is still
        // reported, as of the wrong type.
        seen.retain(|(name, prop)| {
            !matches!(prop.value, Value::NullKeyword(_)) || REQUIRED.contains(name)
        });
        seen
    }

    fn plan(&mut self, root: &Value) -> PlanFile {
        let mut plan = PlanFile::default();
        let Value::Object(object) = root else {
            self.wrong_type("the plan", "an object", root);
            return plan;
        };
        let mut targets = None;
        let fields = self.fields(object, &PLAN_FIELDS, "the plan");
        let has_province = fields.iter().any(|(name, _)| *name == "province");
        for (name, prop) in fields {
            match name {
                "province" => plan.province = self.string(name, &prop.value),
                "title" => plan.title = self.string(name, &prop.value),
                "issued" => plan.issued = self.date(&prop.value),
                _ => targets = Some(&prop.value),
            }
        }
        match &plan.province {
            Some(p) => plan.header = Loc(p.span),
            // A province of the wrong type is reported as such, not as missing too.
            None if has_province => {}
            None => self.missing("province", "the plan", self.span(object)),
        }
        match targets {
            Some(Value::Array(array)) => {
                plan.targets = array
                    .elements
                    .iter()
                    .filter_map(|t| self.target(t))
                    .collect()
            }
            Some(other) => self.wrong_type("targets", "an array", other),
            None => self.missing("targets", "the plan", self.span(object)),
        }
        plan
    }

    fn missing(&mut self, field: &str, context: &str, span: SourceSpan) {
        self.errors.push(SyntaxError::MissingField {
            field: field.to_string(),
            context: context.to_string(),
            span: (span.offset(), 1).into(),
            help: None,
        });
    }

    fn string(&mut self, field: &str, value: &Value) -> Option<Spanned<String>> {
        match value {
            Value::StringLit(s) => Some(Spanned::new(s.value.to_string(), self.span(s))),
            other => {
                self.wrong_type(field, "a string", other);
                None
            }
        }
    }

    fn date(&mut self, value: &Value) -> Option<Spanned<String>> {
        let date = self.string("issued", value)?;
        if is_calendar_date(&date.node) {
            return Some(date);
        }
        self.errors.push(SyntaxError::BadDate {
            text: date.node,
            span: date.span,
        });
        None
    }

    fn number(&mut self, field: &str, value: &Value) -> Option<Spanned<Number>> {
        let Value::NumberLit(n) = value else {
            self.wrong_type(field, "a number", value);
            return None;
        };
        let span = self.span(n);
        let parsed = if n.value.contains(['e', 'E']) {
            Decimal::from_scientific(n.value).map_err(|_| SyntaxError::NumberRange {
                text: n.value.to_string(),
                span,
            })
        } else {
            parse_decimal(n.value, span)
        };
        match parsed {
            Ok(value) => Some(Spanned::new(
                Number {
                    text: n.value.to_string(),
                    value,
                },
                span,
            )),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    fn year(&mut self, field: &str, value: &Value) -> Option<Spanned<u16>> {
        let number = self.number(field, value)?;
        let year = u16::try_from(number.node.value.mantissa()).ok();
        match year {
            Some(y) if number.node.value.scale() == 0 && (1000..=9999).contains(&y) => {
                Some(Spanned::new(y, number.span))
            }
            _ => {
                self.errors.push(SyntaxError::BadYear {
                    text: number.node.text,
                    span: number.span,
                });
                None
            }
        }
    }

    fn target(&mut self, value: &Value) -> Option<TargetDecl> {
        let Value::Object(object) = value else {
            self.wrong_type("a target", "an object", value);
            return None;
        };
        let errors_before = self.errors.len();
        let fields = self.fields(object, &TARGET_FIELDS, "a target");
        let get = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, p)| &p.value)
        };
        let Some(indicator) = get("indicator") else {
            self.missing("indicator", "a target", self.span(object));
            return None;
        };
        let indicator = self.string("indicator", indicator)?;
        let period = Period {
            year: get("year").and_then(|v| self.year("year", v)),
            baseline: get("baseline").and_then(|v| self.year("baseline", v)),
        };
        let qualifier = get("qualifier").and_then(|v| self.qualifier(v));
        let value = self.declared(qualifier, get("value"), get("unit"), &indicator);
        let target = TargetDecl {
            head: Loc(indicator.span),
            indicator,
            period,
            value,
            commitment: get("commitment").and_then(|v| self.commitment(v)),
            status: get("status").and_then(|v| self.status(v)),
            document: get("document").and_then(|v| self.string("document", v)),
            source: get("source").and_then(|v| self.string("source", v)),
        };
        (self.errors.len() == errors_before).then_some(target)
    }

    fn word<T: Copy>(
        &mut self,
        what: &str,
        value: &Value,
        words: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let written = self.string(what, value)?;
        if let Some((_, v)) = words.iter().find(|(w, _)| *w == written.node) {
            return Some(Spanned::new(*v, written.span));
        }
        let names = words.iter().map(|(w, _)| *w);
        self.errors.push(SyntaxError::UnknownWord {
            what: what.to_string(),
            found: written.node.clone(),
            span: written.span,
            help: did_you_mean(&written.node, names.clone()).or_else(|| {
                Some(format!(
                    "expected one of {}",
                    names
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }),
        });
        None
    }

    fn qualifier(&mut self, value: &Value) -> Option<Spanned<Qualifier>> {
        let words = Qualifier::ALL.map(|q| (q.name(), q));
        self.word("qualifier", value, &words)
    }

    fn commitment(&mut self, value: &Value) -> Option<Spanned<Commitment>> {
        let words = [Commitment::Firm, Commitment::Strive].map(|c| (c.name(), c));
        self.word("commitment", value, &words)
    }

    /// A status as the CSV writes it: a word, then an optional note in parentheses.
    fn status(&mut self, value: &Value) -> Option<Spanned<Status>> {
        let written = self.string("status", value)?;
        let (word, note) = match written.node.split_once(" (") {
            Some((w, rest)) => match rest.strip_suffix(')') {
                Some(note) => (w, Some(note.to_string())),
                None => {
                    self.errors.push(SyntaxError::Unexpected {
                        message: "the note in `status` is not closed".into(),
                        span: written.span,
                        label: "expected `)` at the end".into(),
                        help: Some("write a status as `\"kind\"` or `\"kind (note)\"`".into()),
                    });
                    return None;
                }
            },
            None => (written.node.as_str(), None),
        };
        let kinds = [
            StatusKind::Verified,
            StatusKind::Conflicting,
            StatusKind::Secondary,
            StatusKind::Draft,
        ];
        let Some(kind) = kinds.into_iter().find(|k| k.name() == word) else {
            self.errors.push(SyntaxError::UnknownWord {
                what: "status".into(),
                found: word.to_string(),
                span: written.span,
                help: did_you_mean(word, kinds.iter().map(|k| k.name())),
            });
            return None;
        };
        Some(Spanned::new(Status { kind, note }, written.span))
    }

    fn declared(
        &mut self,
        qualifier: Option<Spanned<Qualifier>>,
        value: Option<&Value>,
        unit: Option<&Value>,
        indicator: &Spanned<String>,
    ) -> Option<Spanned<DeclaredValue>> {
        if let Some(q) = qualifier
            .as_ref()
            .filter(|q| q.node == Qualifier::ByReference)
        {
            for (what, given) in [("value", value), ("unit", unit)] {
                if let Some(v) = given {
                    let span = self.span(v);
                    self.errors
                        .push(SyntaxError::ValueWithReference { what, span });
                }
            }
            return Some(Spanned::new(DeclaredValue::ByReference, q.span));
        }
        let unit = unit.and_then(|u| self.string("unit", u));
        let Some(value) = value else {
            self.errors.push(SyntaxError::MissingField {
                field: "value".into(),
                context: format!("target `{}`", indicator.node),
                span: indicator.span,
                help: Some("give a value, or `\"qualifier\": \"by_reference\"`".into()),
            });
            return None;
        };
        let number = self.number("value", value)?;
        let span = number.span;
        let quantity = Quantity { number, unit };
        Some(Spanned::new(
            DeclaredValue::Number {
                qualifier,
                quantity,
            },
            span,
        ))
    }
}

fn prop_name<'a>(prop: &'a ObjectProp) -> &'a str {
    match &prop.name {
        jsonc_parser::ast::ObjectPropName::String(s) => &s.value,
        jsonc_parser::ast::ObjectPropName::Word(w) => w.value,
    }
}
