//! The report as CSV: one row per province and rule, the matrix's columns, for spreadsheets.

use crate::report::Report;

const HEADER: [&str; 11] = [
    "province",
    "province_zh",
    "rule",
    "requirement",
    "outcome",
    "severity",
    "waived",
    "value",
    "margin",
    "margin_unit",
    "message",
];

pub fn render_report_csv(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).expect("writing to memory");
    for (p, row) in report.matrix.rows.iter().enumerate() {
        let section = &report.provinces[p];
        for cell in row.cells.iter().filter(|c| c.outcome != "not_in_scope") {
            let summary = report.summary.iter().find(|s| s.rule == cell.rule);
            let message = section
                .targets
                .iter()
                .flat_map(|t| &t.checks)
                .find(|c| c.rule == cell.rule)
                .map(|c| c.message.as_str())
                .or_else(|| {
                    section
                        .undeclared
                        .iter()
                        .find(|u| u.rule == cell.rule)
                        .map(|u| u.message.as_str())
                })
                .unwrap_or_default();
            writer
                .write_record([
                    row.province.as_str(),
                    row.province_zh.as_str(),
                    cell.rule.as_str(),
                    summary.map_or("", |s| s.requirement.as_str()),
                    cell.outcome.as_str(),
                    cell.severity.as_str(),
                    if cell.waived { "yes" } else { "no" },
                    cell.value.as_deref().unwrap_or_default(),
                    cell.margin.as_deref().unwrap_or_default(),
                    cell.margin_unit.as_deref().unwrap_or_default(),
                    message,
                ])
                .expect("writing to memory");
        }
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory")).expect("CSV of UTF-8 text")
}
