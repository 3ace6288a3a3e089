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

pub fn render_github(report: &CiReport) -> String {
    let mut out = String::new();
    for r in report.results.iter().filter(|r| r.suppressed.is_none()) {
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
        properties.push(format!("title={}", escape_property(&r.rule)));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&r.message)
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
