//! What can be wrong with a file before its names are resolved.

use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

#[derive(Debug, Clone, Error, Diagnostic, PartialEq, Eq)]
pub enum SyntaxError {
    #[error("the file is empty")]
    #[diagnostic(code(PC102), help("{help}"))]
    Empty {
        #[label("nothing here but whitespace and comments")]
        span: SourceSpan,
        help: &'static str,
    },

    #[error("{message}")]
    #[diagnostic(code(PC103))]
    Unexpected {
        message: String,
        #[label("{label}")]
        span: SourceSpan,
        label: String,
        #[help]
        help: Option<String>,
    },

    #[error("nesting is deeper than {limit} levels")]
    #[diagnostic(
        code(PC104),
        help("no rule or plan needs this much nesting; flatten the expression")
    )]
    TooDeep {
        #[label("this bracket opens level {}", limit + 1)]
        span: SourceSpan,
        limit: usize,
    },

    #[error("a plan declares more than {limit} targets")]
    #[diagnostic(code(PC105), help("split the plan into one file per province"))]
    TooManyTargets {
        limit: usize,
        #[label("the first target past the limit")]
        span: SourceSpan,
    },

    #[error("number `{text}` cannot be held exactly")]
    #[diagnostic(
        code(PC106),
        help("plancheck compares exact decimals of at most 28 significant digits")
    )]
    NumberRange {
        text: String,
        #[label("out of range")]
        span: SourceSpan,
    },

    #[error("year `{text}` is not a four-digit year")]
    #[diagnostic(code(PC107))]
    BadYear {
        text: String,
        #[label("expected a year such as 2030")]
        span: SourceSpan,
    },

    #[error("{message}")]
    #[diagnostic(code(PC108))]
    BadDate {
        message: String,
        #[label("{label}")]
        span: SourceSpan,
        label: String,
        #[help]
        help: Option<String>,
    },

    #[error("`{field}` is given twice in {context}")]
    #[diagnostic(code(PC109), help("keep one of them"))]
    DuplicateField {
        field: String,
        context: String,
        #[label(primary, "given again here")]
        span: SourceSpan,
        #[label("first given here")]
        first: SourceSpan,
    },

    #[error("{context} has no `{field}`")]
    #[diagnostic(code(PC110))]
    MissingField {
        field: String,
        context: String,
        #[label("`{field}` is missing here")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("the {field} of {context} is empty")]
    #[diagnostic(code(PC117), help("{help}"))]
    EmptyText {
        field: &'static str,
        context: String,
        #[label("no text here")]
        span: SourceSpan,
        help: &'static str,
    },

    #[error("{field} should be {expected}, found {found}")]
    #[diagnostic(code(PC111))]
    WrongType {
        field: String,
        expected: String,
        found: String,
        #[label("expected {expected}")]
        span: SourceSpan,
    },

    #[error("unknown field `{field}` in {context}")]
    #[diagnostic(code(PC112))]
    UnknownField {
        field: String,
        context: String,
        #[label("not a field of {context}")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("a `by_reference` target has no {what}, but one is given")]
    #[diagnostic(
        code(PC113),
        help("drop the {what}, or give the target another qualifier")
    )]
    ValueWithReference {
        what: &'static str,
        #[label("a {what} on a by_reference target")]
        span: SourceSpan,
    },

    #[error("unknown {what} {}", crate::invisible::quoted(found))]
    #[diagnostic(code(PC114))]
    UnknownWord {
        what: String,
        found: String,
        #[label("not a known {what}")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },
}

impl SyntaxError {
    /// A date that is not a calendar date: one that names no day says why
    /// ("February 2022 has 28 days"), one of another shape is shown the shape.
    pub(crate) fn bad_date(text: String, span: SourceSpan) -> SyntaxError {
        match super::lower_plan::no_such_day(&text) {
            Some(why) => SyntaxError::BadDate {
                message: format!("no such date: `{text}`"),
                span,
                label: why,
                help: None,
            },
            None => SyntaxError::BadDate {
                message: format!("date `{text}` is not a valid date"),
                span,
                label: "not a calendar date".to_string(),
                help: Some("write dates as YYYY-MM-DD, for example 2022-09-30".to_string()),
            },
        }
    }
}
