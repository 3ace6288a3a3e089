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
