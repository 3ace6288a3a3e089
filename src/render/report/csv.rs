//! The report as CSV: one row per province and rule, the matrix's columns, and one row per
//! national total (no province; the sum as its value, and how many provinces contributed).

use crate::render::escape;
use crate::report::{Cell, MatrixRow, ProvinceSection, Report, RuleSummary};

const HEADER: [&str; 13] = [
    "province",
    "province_zh",
    "rule",
    "requirement",
    "outcome",
    "severity",
    "waived",
    "value",
    "value_unit",
    "margin",
    "margin_unit",
    "message",
    "contributors",
];

/// The byte order mark: Excel on Windows reads a CSV file without one in the local code
/// page, which garbles Chinese; with it, as UTF-8. Other readers skip it.
pub(super) const BOM: &str = "\u{feff}";

/// The CSV text; `bom` puts a UTF-8 byte order mark first.
pub fn render_report_csv(report: &Report, bom: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    write(&mut writer, HEADER);
    for (row, section) in report.matrix.rows.iter().zip(&report.provinces) {
        for cell in row.cells.iter().filter(|c| c.outcome != "not_in_scope") {
            write(&mut writer, province_record(report, row, section, cell));
        }
    }
    for summary in report.summary.iter().filter(|s| s.aggregate.is_some()) {
        write(&mut writer, aggregate_record(summary));
    }
    let text = String::from_utf8(writer.into_inner().expect("flushing to memory"))
        .expect("CSV of UTF-8 text");
    if bom { format!("{BOM}{text}") } else { text }
}

/// One record, control and bidi characters from the input as visible escapes (a CSV file
/// is read in terminals and spreadsheets alike); the csv crate quotes what needs quoting.
pub(super) fn write(
    writer: &mut csv::Writer<Vec<u8>>,
    fields: impl IntoIterator<Item = impl AsRef<str>>,
) {
    let shown = fields
        .into_iter()
        .map(|f| escape::text(f.as_ref()).into_owned());
    writer.write_record(shown).expect("writing to memory");
}

fn province_record<'a>(
    report: &'a Report,
    row: &'a MatrixRow,
    section: &'a ProvinceSection,
    cell: &'a Cell,
) -> [&'a str; 13] {
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
    [
        row.province.as_str(),
        row.province_zh.as_str(),
        cell.rule.as_str(),
        summary.map_or("", |s| s.requirement.as_str()),
        cell.outcome.as_str(),
        cell.severity.as_str(),
        if cell.waived { "yes" } else { "no" },
        cell.value.as_deref().unwrap_or_default(),
        cell.value_unit.as_deref().unwrap_or_default(),
        cell.margin.as_deref().unwrap_or_default(),
        cell.margin_unit.as_deref().unwrap_or_default(),
        message,
        "",
    ]
}

/// A national total: no province, the sum declared as its value.
fn aggregate_record(s: &RuleSummary) -> Vec<String> {
    let a = s.aggregate.as_ref().expect("only aggregates are passed");
    vec![
        String::new(),
        String::new(),
        s.rule.clone(),
        s.requirement.clone(),
        a.outcome.clone(),
        a.severity.clone(),
        "no".to_string(),
        a.total.clone(),
        a.unit.clone(),
        a.margin.clone().unwrap_or_default(),
        a.margin_unit.clone().unwrap_or_default(),
        a.message.clone(),
        a.contributors.to_string(),
    ]
}
