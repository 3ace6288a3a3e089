//! `--format github`: GitHub Actions workflow commands, which annotate the files of a pull
//! request. Suppressed and waived results are left out.

use super::ci::{CiLevel, CiReport};
use super::escape;

/// A command's data, on one line: control characters, CR and LF among them, and bidi
/// controls from the input as visible escapes (the log is a terminal too), then `%`
/// escaped. A command ends at a line break, so none is left raw.
fn escape_data(s: &str) -> String {
    escape::line(s).replace('%', "%25")
}

/// A command's property value: also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub shows only the first annotations of each level in a step, so errors come first,
/// then warnings, then notices; in order within each.
pub fn render_github(report: &CiReport) -> String {
    annotations(report, None)
}

/// One set's annotations (`check --scenarios`), each titled with its rule and its set.
pub fn render_github_scenario(name: &str, report: &CiReport) -> String {
    annotations(report, Some(name))
}

fn annotations(report: &CiReport, scenario: Option<&str>) -> String {
    let mut out = String::new();
    let mut shown: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.suppressed.is_none())
        .collect();
    shown.sort_by_key(|r| rank(r.level));
    for r in shown {
        let command = match r.level {
            CiLevel::Error => "error",
            CiLevel::Warning => "warning",
            CiLevel::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some(at) = &r.location {
            properties.push(format!("file={}", escape_property(&at.file)));
            properties.push(format!("line={}", at.start.line));
            properties.push(format!("col={}", at.start.column));
            properties.push(format!("endLine={}", at.end.line));
            properties.push(format!("endColumn={}", at.end.column));
        }
        let title = match scenario {
            Some(name) => format!("{} (scenario {name})", r.rule),
            None => r.rule.clone(),
        };
        properties.push(format!("title={}", escape_property(&title)));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&r.message)
        ));
    }
    out
}

fn rank(level: CiLevel) -> u8 {
    match level {
        CiLevel::Error => 0,
        CiLevel::Warning => 1,
        CiLevel::Note => 2,
    }
}

/// The Markdown a job's summary page shows (`$GITHUB_STEP_SUMMARY`): the results by level,
/// and a row for each rule or code with results, errors first.
pub fn render_step_summary(report: &CiReport) -> String {
    let shown: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.suppressed.is_none())
        .collect();
    let count = |level, rule: Option<&str>| {
        let of = |r: &&&super::ci::CiResult| r.level == level && rule.is_none_or(|id| r.rule == id);
        shown.iter().filter(of).count()
    };
    let mut out = format!("### plancheck {}\n\n", report.command);
    out.push_str(&format!(
        "shown: {} errors, {} warnings, {} notes\n\n",
        count(CiLevel::Error, None),
        count(CiLevel::Warning, None),
        count(CiLevel::Note, None)
    ));
    let mut ids: Vec<&str> = shown.iter().map(|r| r.rule.as_str()).collect();
    ids.sort();
    ids.dedup();
    let row =
        |id: &str| [CiLevel::Error, CiLevel::Warning, CiLevel::Note].map(|l| count(l, Some(id)));
    ids.sort_by_key(|id| std::cmp::Reverse(row(id)));
    if ids.is_empty() {
        return out;
    }
    out.push_str("| rule | title | errors | warnings | notes |\n|---|---|---:|---:|---:|\n");
    for id in ids {
        let title = report
            .rules
            .iter()
            .find(|r| r.id == id)
            .map_or("", |r| r.short.as_str());
        let [e, w, n] = row(id);
        let cell = |s: &str| escape::line(s).replace('|', "\\|");
        out.push_str(&format!(
            "| {} | {} | {e} | {w} | {n} |\n",
            cell(id),
            cell(title)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped_as_the_format_requires() {
        assert_eq!(escape_data("50% a"), "50%25 a");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("\x1b[2J\u{202E}"), "\\u{1B}[2J\\u{202E}");
        assert_eq!(escape_property("a\r\nb"), "a\\r\\nb");
    }
}
