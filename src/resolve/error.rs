//! What can be wrong with names, units and years once a file has parsed.

use std::fmt::Display;

use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

use crate::invisible::quoted;

/// How the input writes years, so that help names what the author would type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// The rule and plan languages: `by 2025 from 2020`.
    Text,
    /// The JSON plan format: `"year": 2025, "baseline": 2020`.
    Json,
}

impl Dialect {
    fn year(self, year: impl Display) -> String {
        match self {
            Dialect::Text => format!("`by {year}`"),
            Dialect::Json => format!("`\"year\": {year}`"),
        }
    }

    fn baseline(self, year: impl Display) -> String {
        match self {
            Dialect::Text => format!("`from {year}`"),
            Dialect::Json => format!("`\"baseline\": {year}`"),
        }
    }
}

#[derive(Debug, Clone, Error, Diagnostic, PartialEq, Eq)]
pub enum ResolveError {
    #[error("unknown indicator {}", quoted(name))]
    #[diagnostic(code(PC001))]
    UnknownIndicator {
        name: String,
        #[label("no indicator of this name is declared in the rules")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("unknown unit {}", quoted(name))]
    #[diagnostic(code(PC002))]
    UnknownUnit {
        name: String,
        #[label("not a unit plancheck knows")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("{}", if *.later { format!("group `{name}` is used before it is declared") } else { format!("unknown group {}", quoted(name)) })]
    #[diagnostic(code(PC003))]
    UnknownGroup {
        name: String,
        later: bool,
        #[label("{label}")]
        span: SourceSpan,
        label: &'static str,
        #[help]
        help: Option<String>,
    },

    #[error("unknown province {}", quoted(name))]
    #[diagnostic(code(PC004))]
    UnknownProvince {
        name: String,
        #[label("not one of the 31 provincial-level divisions")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("`{name}` is no city, prefecture or county of {province}")]
    #[diagnostic(code(PC040))]
    UnknownCity {
        name: String,
        province: String,
        #[label("not a division of {province}")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("`{unit}` measures {found}, but {what} is {expected}")]
    #[diagnostic(code(PC005))]
    UnitMismatch {
        unit: &'static str,
        found: &'static str,
        what: String,
        expected: &'static str,
        #[label("{found}")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("`{indicator}` is measured against a baseline year, but none is given")]
    #[diagnostic(code(PC006), help("add the baseline year, for example {}", dialect.baseline(2020)))]
    MissingBaseline {
        indicator: String,
        dialect: Dialect,
        #[label("no {} here", dialect.baseline("YEAR"))]
        span: SourceSpan,
    },

    #[error("`{indicator}` has no baseline year, but one is given")]
    #[diagnostic(code(PC007), help("remove {}", dialect.baseline(baseline)))]
    UnexpectedBaseline {
        indicator: String,
        baseline: u16,
        dialect: Dialect,
        #[label("not a baseline indicator")]
        span: SourceSpan,
    },

    #[error("baseline year {baseline} is not before the target year {year}")]
    #[diagnostic(
        code(PC008),
        help("a cut is measured from an earlier year: the baseline comes first")
    )]
    BaselineNotBefore {
        baseline: u16,
        year: u16,
        #[label("should be earlier than {year}")]
        span: SourceSpan,
    },

    #[error("`its {earlier} value` must name a year before the target year {year}")]
    #[diagnostic(
        code(PC008),
        help("a target is compared with the same plan's target for an earlier year")
    )]
    EarlierNotBefore {
        earlier: u16,
        year: u16,
        #[label("not before {year}")]
        span: SourceSpan,
    },

    #[error("rule `{id}` is declared twice")]
    #[diagnostic(
        code(PC010),
        help("rule identifiers are stable codes; give each rule its own")
    )]
    DuplicateRule {
        id: String,
        #[label("declared again here")]
        span: SourceSpan,
    },

    #[error("{who} cites `{source_name}`, which is not declared")]
    #[diagnostic(code(PC014))]
    UnknownSource {
        /// The citing declaration, such as "rule `EI-2025`".
        who: String,
        source_name: String,
        #[label("no `source {source_name}` is declared")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("{what} `{name}` is declared twice")]
    #[diagnostic(code(PC020))]
    DuplicateDeclaration {
        what: String,
        name: String,
        #[label("declared again here")]
        span: SourceSpan,
    },

    #[error("target `{indicator}`{period} is declared twice")]
    #[diagnostic(
        code(PC021),
        help("a plan declares each indicator once per year and baseline")
    )]
    DuplicateTarget {
        indicator: String,
        period: String,
        #[label(primary, "declared again here")]
        span: SourceSpan,
        #[label("first declared here")]
        first: SourceSpan,
    },

    #[error("the rules declare more than {limit} indicators")]
    #[diagnostic(
        code(PC105),
        help("no rule set needs this many; check how the file was made")
    )]
    TooManyIndicators {
        limit: usize,
        #[label("the first indicator past the limit")]
        span: SourceSpan,
    },

    #[error("two plans are given for {province}")]
    #[diagnostic(
        code(PC022),
        help(
            "check one plan per province (or city) at a time; drafts side by side go in sets of their own, with `--scenarios`"
        )
    )]
    DuplicatePlan {
        province: String,
        #[label("second plan for {province}")]
        span: SourceSpan,
    },

    #[error("this plan for {province} is checked in place of the bundled plan `{bundled}`")]
    #[diagnostic(
        code(PC039),
        severity(Advice),
        help("the bundled plan is left out of this run, so each province is checked once")
    )]
    ReplacesBundled {
        province: String,
        bundled: String,
        #[label("checked instead of the bundled plan for {province}")]
        span: SourceSpan,
    },

    #[error("the bundled plan for {province}, left out")]
    #[diagnostic(severity(Advice))]
    BundledLeftOut {
        province: String,
        #[label("not checked in this run")]
        span: SourceSpan,
    },

    #[error("`{indicator}` needs the year it is for")]
    #[diagnostic(code(PC023), help("add the target year, for example {}", dialect.year(2025)))]
    MissingYear {
        indicator: String,
        dialect: Dialect,
        #[label("no {} here", dialect.year("YEAR"))]
        span: SourceSpan,
    },

    #[error("`{indicator}` is itself a year, so it takes no target year")]
    #[diagnostic(code(PC024), help("remove {}; the value is the year", dialect.year(year)))]
    UnexpectedYear {
        indicator: String,
        year: u16,
        dialect: Dialect,
        #[label("not for a year indicator")]
        span: SourceSpan,
    },

    #[error("the bounds of `between` are reversed: {low} is above {high}")]
    #[diagnostic(code(PC025), help("write the lower bound first"))]
    ReversedBounds {
        low: String,
        high: String,
        #[label("no value lies in this range")]
        span: SourceSpan,
    },

    #[error("`{text}` is not a four-digit year")]
    #[diagnostic(code(PC107), help("a year is a whole number such as 2030"))]
    NotAYear {
        text: String,
        #[label("not a year")]
        span: SourceSpan,
    },

    #[error("`{text} {unit}` is below zero, which no capacity or stock can be")]
    #[diagnostic(
        code(PC034),
        help("write the amount itself; a fall is a smaller amount, not a negative one")
    )]
    NegativeTotal {
        text: String,
        unit: &'static str,
        #[label("a negative amount")]
        span: SourceSpan,
    },

    #[error("a tolerance cannot be negative")]
    #[diagnostic(
        code(PC029),
        help("write how far below the figure still passes, e.g. `within 1 pp`")
    )]
    NegativeTolerance {
        #[label("below zero")]
        span: SourceSpan,
    },

    #[error("`{phrase}` compares years, but `{indicator}` is {dimension}")]
    #[diagnostic(
        code(PC005),
        help("compare `{indicator}` with a quantity, such as `>= 20 %`")
    )]
    YearComparison {
        phrase: &'static str,
        indicator: String,
        dimension: &'static str,
        #[label("a comparison of years")]
        span: SourceSpan,
    },

    #[error("`{text} {unit}` does not fit once converted to {base}")]
    #[diagnostic(
        code(PC026),
        help(
            "plancheck holds exact decimals of about 28 significant digits; check the value and its unit"
        )
    )]
    ConversionOverflow {
        text: String,
        unit: &'static str,
        base: &'static str,
        #[label("too large in {base}")]
        span: SourceSpan,
    },

    #[error("{message}")]
    #[diagnostic(
        code(PC027),
        help(
            "accept another indicator measured in the same dimension, such as `renewable_share` for `non_fossil_share`"
        )
    )]
    BadStandIn {
        message: String,
        #[label("cannot stand in here")]
        span: SourceSpan,
    },

    #[error("{message}")]
    #[diagnostic(code(PC028))]
    KindScopeMismatch {
        message: String,
        label: String,
        #[label("{label}")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("{message}")]
    #[diagnostic(code(PC035))]
    DuplicateAssignment {
        message: String,
        #[label("assigned again here")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("`as assigned`, but no assignment gives figures for `{indicator}`{period}")]
    #[diagnostic(
        code(PC036),
        help(
            "declare `assignment NAME {{ for {indicator}{period} ... }}` with a row for each province, or compare with a figure"
        )
    )]
    UnknownAssignment {
        indicator: String,
        /// ` by 2025 from 2020`.
        period: String,
        #[label("no assignment for this target")]
        span: SourceSpan,
    },

    #[error("{message}")]
    #[diagnostic(code(PC037))]
    BadAssignedRow {
        message: String,
        label: String,
        #[label("{label}")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("unknown rule {}", quoted(id))]
    #[diagnostic(code(PC030))]
    UnknownRule {
        id: String,
        #[label("no rule of this name is in the rules")]
        span: SourceSpan,
        #[help]
        help: Option<String>,
    },

    #[error("{what} first declared here")]
    #[diagnostic(severity(Advice))]
    FirstHere {
        what: String,
        #[label("first here")]
        span: SourceSpan,
    },
}
