//! Step six: rendering. Findings and problems become text for people or for machines;
//! nothing here judges anything again.

mod ci;
mod concise;
mod diagnostic;
pub mod escape;
mod extract;
mod github;
mod human;
mod json;
mod junit;
mod lint;
mod outcome_table;
mod report;
mod ruletest;
mod sarif;

pub use ci::{CiReport, check_report, lint_report};
pub use concise::render_concise;
pub use diagnostic::{Report, finding_report, waiver_report};
pub use extract::{render_extracted_json, render_extracted_plan};
pub use github::{render_github, render_step_summary};
pub use human::{HumanOptions, render_human, render_problems};
pub use json::render_json;
pub use junit::{render_check_junit, render_lint_junit, render_tests_junit};
pub use lint::{LintSummary, render_lint_human, render_lint_json};
pub use report::{
    render_report_csv, render_report_html, render_report_json, render_report_markdown,
};
pub use ruletest::{render_tests_human, render_tests_json};
pub use sarif::render_sarif;
