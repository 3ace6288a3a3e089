//! A JSON value to a plan: every field checked for its name, its type and its words. The
//! reader sees values through [`Json`], so the fast path's tape and jsonc-parser's tree are
//! read by the same code and give the same plan and the same errors, spans included.

use miette::SourceSpan;
use rust_decimal::Decimal;

use crate::ast::*;
use crate::suggest::did_you_mean;
use crate::syntax::lower::parse_decimal;
use crate::syntax::lower_plan::is_calendar_date;
use crate::syntax::{MAX_TARGETS, SyntaxError};

/// What the reader needs of a JSON value, whichever parser read it. Ranges are byte offsets
/// (start, length) into the text after any BOM.
pub(super) trait Json<'t>: Copy {
    fn kind(self) -> Kind;
    fn range(self) -> (usize, usize);
    /// The string, decoded; `None` for any other kind.
    fn as_str(self) -> Option<&'t str>;
    /// The number as written; `None` for any other kind.
    fn as_number(self) -> Option<&'t str>;
    /// The items of an array, `None` for any other kind; they can be counted before they
    /// are read.
    fn items(self) -> Option<impl Iterator<Item = Self> + Clone>;
    /// The properties of an object as written, repeated names included; `None` for any
    /// other kind.
    fn props(self) -> Option<impl Iterator<Item = Prop<'t, Self>>>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    /// What a JSON value is, in words.
    fn words(self) -> &'static str {
        match self {
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Bool => "a boolean",
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::Null => "null",
        }
    }
}

/// One property of an object: its name, decoded, where the name was written, and its value.
#[derive(Clone, Copy)]
pub(super) struct Prop<'t, N> {
    pub name: &'t str,
    pub name_range: (usize, usize),
    pub value: N,
}

/// Fields that must be given, and given a value (a by_reference target has no `value`).
const REQUIRED: [&str; 3] = ["province", "targets", "indicator"];
/// `scenario` names the plan set of a record in a JSON Lines file (`check --scenarios`); a
/// plan on its own is in no set, and the field is only checked to be a string.
const PLAN_FIELDS: [&str; 7] = [
    "province", "city", "title", "issued", "period", "targets", "scenario",
];
const TARGET_FIELDS: [&str; 11] = [
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
    // Where `plancheck extract` read the target in a document: kept for people, not read.
    "read_from",
];

/// The plan in `root`, or every error found in it; `offset` is the length of the BOM the
/// parser was not given.
pub(super) fn read_plan<'t>(
    root: impl Json<'t>,
    offset: usize,
) -> Result<PlanFile, Vec<SyntaxError>> {
    let mut reader = Reader {
        offset,
        errors: Vec::new(),
    };
    let plan = reader.plan(root);
    if reader.errors.is_empty() {
        Ok(plan)
    } else {
        Err(reader.errors)
    }
}

struct Reader {
    offset: usize,
    errors: Vec<SyntaxError>,
}

impl Reader {
    fn at(&self, (start, len): (usize, usize)) -> SourceSpan {
        (start + self.offset, len).into()
    }

    fn span<'t>(&self, node: impl Json<'t>) -> SourceSpan {
        self.at(node.range())
    }

    /// `field` is a JSON field's name, or words such as "the plan" (starting with "the" or
    /// "a"), which are not quoted.
    fn wrong_type<'t>(&mut self, field: &str, expected: &str, node: impl Json<'t>) {
        let field = if field.starts_with("the ") || field.starts_with("a ") {
            field.to_string()
        } else {
            format!("`{field}`")
        };
        self.errors.push(SyntaxError::WrongType {
            field,
            expected: expected.to_string(),
            found: node.kind().words().to_string(),
            span: self.span(node),
        });
    }

    /// The properties of an object by field, the one named `known[i]` at `i`, each once;
    /// unknown and repeated names are reported.
    fn fields<'t, N: Json<'t>, const K: usize>(
        &mut self,
        props: impl Iterator<Item = Prop<'t, N>>,
        known: &[&str; K],
        context: &str,
    ) -> [Option<Prop<'t, N>>; K] {
        let mut fields: [Option<Prop<N>>; K] = [None; K];
        for prop in props {
            let Some(i) = known.iter().position(|k| *k == prop.name) else {
                self.errors.push(SyntaxError::UnknownField {
                    field: prop.name.to_string(),
                    context: context.to_string(),
                    span: self.at(prop.name_range),
                    help: did_you_mean(prop.name, known.iter().copied()),
                });
                continue;
            };
            match fields[i] {
                Some(first) => self.errors.push(SyntaxError::DuplicateField {
                    field: prop.name.to_string(),
                    context: context.to_string(),
                    span: self.at(prop.name_range),
                    first: self.at(first.name_range),
                }),
                None => fields[i] = Some(prop),
            }
        }
        // `null` for an optional field means it is not given; a required one is still
        // reported, as of the wrong type.
        for field in &mut fields {
            if field.is_some_and(|p| p.value.kind() == Kind::Null && !REQUIRED.contains(&p.name)) {
                *field = None;
            }
        }
        fields
    }

    fn plan<'t>(&mut self, root: impl Json<'t>) -> PlanFile {
        let mut plan = PlanFile::default();
        let Some(props) = root.props() else {
            self.wrong_type("the plan", "an object", root);
            return plan;
        };
        let [province, city, title, issued, period, targets, scenario] =
            self.fields(props, &PLAN_FIELDS, "the plan");
        if let Some(city) = city {
            plan.city = self.string("city", city.value);
        }
        if let Some(scenario) = scenario {
            self.string("scenario", scenario.value);
        }
        self.header(&mut plan, [province, title, issued, period]);
        match &plan.province {
            Some(p) => plan.header = Loc(p.span),
            // A province of the wrong type is reported as such, not as missing too.
            None if province.is_some() => {}
            None => self.missing("province", "the plan", self.span(root)),
        }
        match targets {
            Some(targets) => plan.targets = self.targets(targets.value),
            None => self.missing("targets", "the plan", self.span(root)),
        }
        plan
    }

    /// The province, title, date and period, read in the order written so that their errors come
    /// in that order too.
    fn header<'t, N: Json<'t>>(&mut self, plan: &mut PlanFile, given: [Option<Prop<'t, N>>; 4]) {
        let mut given: Vec<_> = given.into_iter().flatten().collect();
        given.sort_by_key(|p| p.name_range.0);
        for prop in given {
            match prop.name {
                "province" => plan.province = self.string("province", prop.value),
                "title" => plan.title = self.string("title", prop.value),
                "period" => {
                    let periods = PlanPeriod::ALL.map(|p| (p.name(), p));
                    plan.period = self.word("five-year-plan period", prop.value, &periods);
                }
                _ => plan.issued = self.date(prop.value),
            }
        }
    }

    fn targets<'t>(&mut self, node: impl Json<'t>) -> Vec<TargetDecl> {
        let Some(items) = node.items() else {
            self.wrong_type("targets", "an array", node);
            return Vec::new();
        };
        // At its full size from the start: grown by doubling, a vector of targets of 400
        // bytes each is copied at every step and ends up to twice its size, and for a large
        // plan that memory costs more than reading it.
        let count = items.clone().count();
        if let Some(past) = items.clone().nth(MAX_TARGETS) {
            // Every target counts, so that a million broken ones give one error, not a
            // million.
            self.errors.push(SyntaxError::TooManyTargets {
                limit: MAX_TARGETS,
                span: self.span(past),
            });
            return Vec::new();
        }
        let mut targets = Vec::with_capacity(count);
        targets.extend(items.filter_map(|t| self.target(t)));
        targets
    }

    fn missing(&mut self, field: &str, context: &str, span: SourceSpan) {
        self.errors.push(SyntaxError::MissingField {
            field: field.to_string(),
            context: context.to_string(),
            span: (span.offset(), 1).into(),
            help: None,
        });
    }

    fn string<'t>(&mut self, field: &str, node: impl Json<'t>) -> Option<Spanned<String>> {
        let text = self.text(field, node)?;
        Some(Spanned::new(text.to_string(), self.span(node)))
    }

    /// A string borrowed from the tree, for words that are looked up rather than kept.
    fn text<'t>(&mut self, field: &str, node: impl Json<'t>) -> Option<&'t str> {
        let text = node.as_str();
        if text.is_none() {
            self.wrong_type(field, "a string", node);
        }
        text
    }

    fn date<'t>(&mut self, node: impl Json<'t>) -> Option<Spanned<String>> {
        let date = self.string("issued", node)?;
        if is_calendar_date(&date.node) {
            return Some(date);
        }
        self.errors
            .push(SyntaxError::bad_date(date.node, date.span));
        None
    }

    fn number<'t>(&mut self, field: &str, node: impl Json<'t>) -> Option<Spanned<Number>> {
        let (value, text) = self.decimal(field, node)?;
        let text = text.to_string();
        Some(Spanned::new(Number { text, value }, self.span(node)))
    }

    /// A number's exact value, and its text as written.
    fn decimal<'t>(&mut self, field: &str, node: impl Json<'t>) -> Option<(Decimal, &'t str)> {
        let Some(text) = node.as_number() else {
            self.wrong_type(field, "a number", node);
            return None;
        };
        let span = self.span(node);
        let parsed = if text.bytes().any(|b| b == b'e' || b == b'E') {
            Decimal::from_scientific(text).map_err(|_| SyntaxError::NumberRange {
                text: text.to_string(),
                span,
            })
        } else {
            parse_decimal(text, span)
        };
        match parsed {
            Ok(value) => Some((value, text)),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// Four digits, as the plan language writes a year: `2025.0` and `2.025e3` are refused
    /// alike, though both are 2025.
    fn year<'t>(&mut self, field: &str, node: impl Json<'t>) -> Option<Spanned<u16>> {
        let (_, text) = self.decimal(field, node)?;
        let span = self.span(node);
        match text.parse::<u16>() {
            Ok(y) if text.len() == 4 && y >= 1000 => Some(Spanned::new(y, span)),
            _ => {
                self.errors.push(SyntaxError::BadYear {
                    text: text.to_string(),
                    span,
                });
                None
            }
        }
    }

    fn target<'t, N: Json<'t>>(&mut self, node: N) -> Option<TargetDecl> {
        let Some(props) = node.props() else {
            self.wrong_type("a target", "an object", node);
            return None;
        };
        let errors_before = self.errors.len();
        let [
            indicator,
            year,
            baseline,
            value,
            unit,
            qualifier,
            commitment,
            status,
            document,
            source,
            read_from,
        ] = self
            .fields(props, &TARGET_FIELDS, "a target")
            .map(|f| f.map(|p| p.value));
        let Some(indicator) = indicator else {
            self.missing("indicator", "a target", self.span(node));
            return None;
        };
        let indicator = self.string("indicator", indicator)?;
        if let Some(at) = read_from.filter(|v| v.props().is_none()) {
            self.wrong_type("read_from", "an object", at);
        }
        let period = Period {
            year: year.and_then(|v| self.year("year", v)),
            baseline: baseline.and_then(|v| self.year("baseline", v)),
        };
        let qualifier = qualifier.and_then(|v| self.qualifier(v));
        let value = self.declared(qualifier, value, unit, &indicator);
        let target = TargetDecl {
            head: Loc(indicator.span),
            indicator,
            period,
            value,
            commitment: commitment.and_then(|v| self.commitment(v)),
            status: status.and_then(|v| self.status(v)),
            document: document.and_then(|v| self.string("document", v)),
            source: source.and_then(|v| self.string("source", v)),
        };
        (self.errors.len() == errors_before).then_some(target)
    }

    fn word<'t, T: Copy>(
        &mut self,
        what: &str,
        value: impl Json<'t>,
        words: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let written = self.text(what, value)?;
        let span = self.span(value);
        if let Some((_, v)) = words.iter().find(|(w, _)| *w == written) {
            return Some(Spanned::new(*v, span));
        }
        let names = words.iter().map(|(w, _)| *w);
        self.errors.push(SyntaxError::UnknownWord {
            what: what.to_string(),
            found: written.to_string(),
            span,
            help: did_you_mean(written, names.clone()).or_else(|| {
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

    fn qualifier<'t>(&mut self, value: impl Json<'t>) -> Option<Spanned<Qualifier>> {
        let words = Qualifier::ALL.map(|q| (q.name(), q));
        self.word("qualifier", value, &words)
    }

    fn commitment<'t>(&mut self, value: impl Json<'t>) -> Option<Spanned<Commitment>> {
        let words = [Commitment::Firm, Commitment::Strive].map(|c| (c.name(), c));
        self.word("commitment", value, &words)
    }

    /// A status as the CSV writes it: a word, then an optional note in parentheses.
    fn status<'t>(&mut self, value: impl Json<'t>) -> Option<Spanned<Status>> {
        let written = self.text("status", value)?;
        let span = self.span(value);
        let (word, note) = match written.split_once(" (") {
            Some((w, rest)) => match rest.strip_suffix(')') {
                Some(note) => (w, Some(note.to_string())),
                None => {
                    self.errors.push(SyntaxError::Unexpected {
                        message: "the note in `status` is not closed".into(),
                        span,
                        label: "expected `)` at the end".into(),
                        help: Some("write a status as `\"kind\"` or `\"kind (note)\"`".into()),
                    });
                    return None;
                }
            },
            None => (written, None),
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
                span,
                help: did_you_mean(word, kinds.iter().map(|k| k.name())),
            });
            return None;
        };
        Some(Spanned::new(Status { kind, note }, span))
    }

    fn declared<'t, N: Json<'t>>(
        &mut self,
        qualifier: Option<Spanned<Qualifier>>,
        value: Option<N>,
        unit: Option<N>,
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
