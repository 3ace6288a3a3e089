//! `--format github`: GitHub Actions workflow commands, which annotate the files of a pull
//! request. Suppressed and waived results are left out.

use super::ci::{CiLevel, CiReport};

/// A command's data: `%`, CR and LF escaped.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
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
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
