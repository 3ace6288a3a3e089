//! Step six: rendering. Findings and problems become text for people or for machines;
//! nothing here judges anything again.

mod diagnostic;
mod human;
mod json;
mod lint;
mod ruletest;

pub use diagnostic::{Report, finding_report, waiver_report};
pub use human::{HumanOptions, render_human, render_problems};
pub use json::render_json;
pub use lint::{LintSummary, render_lint_human, render_lint_json};
pub use ruletest::{render_tests_human, render_tests_json};
