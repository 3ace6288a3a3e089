//! Step one: text to pest pairs, and pairs to the typed syntax tree.
//!
//! Each language has one small `lower_<rule>` function per grammar rule. pest is the only
//! reader of the plan, rule and test languages, and explains what is wrong in the files it
//! refuses. JSON plans are read first by a strict reader of our own, which builds the same
//! tree several times faster; whatever it does not accept goes to jsonc-parser, which
//! explains what is wrong. Errors carry byte spans into the file;
//! [`crate::problem::Problem`] attaches the file when they are reported.

mod error;
mod expected;
mod json;
mod limits;
mod line_ends;
mod lower;
mod lower_plan;
mod lower_rules;
mod lower_tests;
pub(crate) mod parser;

pub use error::SyntaxError;
pub use expected::keywords;
pub use json::{RecordScenario, parse_json_plan, record_scenario};
pub use limits::{MAX_DEPTH, MAX_PROBLEMS, MAX_TARGETS, check_nesting};
pub use line_ends::check_line_ends;
pub(crate) use lower::{Pair, parse_decimal, parse_top};
pub use lower_plan::{calendar_date, no_such_day, parse_plan};
pub use lower_rules::parse_rules;
pub use lower_tests::parse_tests;

/// Both readers of JSON plans, which [`parse_json_plan`] chooses between, and the plan
/// grammar on its own: for the differential tests, fuzz targets and benchmarks, not an API.
#[doc(hidden)]
pub mod paths {
    use super::SyntaxError;
    use crate::ast::PlanFile;

    /// A JSON plan read by the strict reader: `None` where it does not accept the text.
    pub fn json_fast(text: &str) -> Option<Result<PlanFile, Vec<SyntaxError>>> {
        super::json::fast(text)
    }

    /// A JSON plan read by jsonc-parser, which explains the JSON it refuses.
    pub fn json_jsonc(text: &str) -> Result<PlanFile, Vec<SyntaxError>> {
        super::json::with_jsonc(text)
    }

    /// Whether the plan grammar accepts the text, with no lowering: the stage the parse
    /// benchmark holds to its target speed on its own.
    pub fn plan_grammar(text: &str) -> bool {
        use pest::Parser;
        super::parser::PlanCheckParser::parse(super::parser::Rule::plan_file, text).is_ok()
    }
}

/// The languages plancheck reads and formats, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Rules,
    Plan,
    Tests,
}

impl Language {
    pub fn of(path: &str) -> Option<Language> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "rules" => Some(Language::Rules),
            "plan" => Some(Language::Plan),
            "tests" => Some(Language::Tests),
            _ => None,
        }
    }

    pub(crate) fn file_rule(self) -> parser::Rule {
        match self {
            Language::Rules => parser::Rule::rules_file,
            Language::Plan => parser::Rule::plan_file,
            Language::Tests => parser::Rule::tests_file,
        }
    }
}
