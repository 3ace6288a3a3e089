//! The compliance report in its four formats.

mod charts;
mod csv;
mod html;
mod markdown;
pub(super) use markdown::table as markdown_table;
pub(super) mod study;
mod text;

pub use self::csv::render_report_csv;
pub use html::render_report_html;
pub use markdown::render_report_markdown;
pub use study::{render_study_csv, render_study_html, render_study_json, render_study_markdown};

use crate::report::Report;

pub fn render_report_json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("the report serialises");
    out.push('\n');
    out
}
