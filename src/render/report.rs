//! The compliance report in its four formats.

mod charts;
mod csv;
mod html;
mod markdown;
mod text;

pub use self::csv::render_report_csv;
pub use html::render_report_html;
pub use markdown::render_report_markdown;

use crate::report::Report;

pub fn render_report_json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("the report serialises");
    out.push('\n');
    out
}

/// An outcome in words for tables.
fn outcome_words(outcome: &str, waived: bool) -> &'static str {
    match (outcome, waived) {
        (_, true) => "waived",
        ("pass", _) => "pass",
        ("fail", _) => "fail",
        ("undeclared", _) => "undeclared",
        ("not_checkable", _) => "not checkable",
        _ => "",
    }
}
