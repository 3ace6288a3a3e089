//! What reading a document can report: sentences that look like targets but were not read,
//! and documents from which no plan can be made.

use miette::{Diagnostic, LabeledSpan, Severity, SourceSpan};
use thiserror::Error;

#[derive(Debug, Clone, Error, Diagnostic, PartialEq, Eq)]
pub enum TextNote {
    #[error("possible target not read: {why}")]
    #[diagnostic(
        code(PC120),
        severity(Advice),
        help("check this sentence by hand, or declare the target in a `.plan` file")
    )]
    NotRead {
        why: String,
        #[label("this sentence")]
        span: SourceSpan,
    },

    #[error("`{word}` is not a national indicator, though it looks like one: not read")]
    #[diagnostic(
        code(PC121),
        severity(Advice),
        help("{what}; plancheck never reads it as the indicator it resembles")
    )]
    LookAlike {
        word: String,
        what: &'static str,
        #[label("this target is about another thing")]
        span: SourceSpan,
    },

    #[error("{target} is stated twice: {outcome}")]
    #[diagnostic(code(PC122), severity(Advice))]
    StatedTwice {
        target: String,
        outcome: String,
        #[label(primary, "stated again here")]
        span: SourceSpan,
        #[label("first stated here")]
        first: SourceSpan,
    },

    /// What a plan file would be refused for too: a figure too long to hold (PC106).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Syntax(crate::syntax::SyntaxError),

    #[error("the file is empty")]
    #[diagnostic(
        code(PC102),
        help("a document to read targets from holds a plan's text")
    )]
    Empty {
        #[label("nothing here but whitespace")]
        span: SourceSpan,
    },

    #[error("the document names no province")]
    #[diagnostic(code(PC123))]
    NoProvince {
        #[label("no province name in this document")]
        span: SourceSpan,
        #[help]
        advice: String,
    },

    #[error(
        "the document reads as the plan of a division below {province}, not as {province}'s own"
    )]
    #[diagnostic(code(PC127))]
    BelowProvince {
        province: String,
        what: String,
        #[label("{what}")]
        span: SourceSpan,
        #[help]
        advice: String,
    },

    #[error("no target could be read from the document")]
    #[diagnostic(
        code(PC124),
        help(
            "plancheck reads sentences such as `到2025年,非化石能源消费比重达到20%`; see `plancheck explain PC124`"
        )
    )]
    NoTarget {
        #[label("no sentence here states a target plancheck reads")]
        span: SourceSpan,
    },
}

/// A note made an error (`extract --strict`): a possible target that was not read stops
/// the run instead of passing by.
#[derive(Debug, Error)]
#[error(transparent)]
pub struct Strict(pub TextNote);

impl Diagnostic for Strict {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.0.code()
    }

    fn severity(&self) -> Option<Severity> {
        Some(Severity::Error)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.0.help()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.0.labels()
    }
}
