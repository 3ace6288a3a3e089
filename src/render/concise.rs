//! `--format concise`: one line a result, `file:line:column: level[CODE] message`, as
//! rustc's short format and ruff's concise one write them; suppressed results left out.

use super::ci::{CiLevel, CiReport};
use super::escape;

/// The lines of the results at `min` or above (all without it), then the counts of all, as
/// `--min-level` leaves the counts unchanged.
pub fn render_concise(report: &CiReport, min: Option<CiLevel>) -> String {
    let mut out = String::new();
    let mut counts = [0usize; 3];
    let shown = |level: CiLevel| min.is_none_or(|min| level as usize <= min as usize);
    for r in report.results.iter().filter(|r| r.suppressed.is_none()) {
        counts[r.level as usize] += 1;
        if !shown(r.level) {
            continue;
        }
        let place = r.location.as_ref().map_or(String::new(), |at| {
            format!(
                "{}:{}:{}: ",
                escape::line(&at.file),
                at.start.line,
                at.start.column
            )
        });
        out.push_str(&format!(
            "{place}{}[{}] {}\n",
            r.level.name(),
            escape::line(&r.rule),
            escape::line(&r.message)
        ));
    }
    let [errors, warnings, notes] = counts;
    out.push_str(&format!(
        "{}, {}, {}\n",
        count(errors, "error"),
        count(warnings, "warning"),
        count(notes, "note")
    ));
    out
}

fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        _ => format!("{n} {what}s"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn levels_index_the_counts_in_order() {
        use crate::render::ci::CiLevel;
        assert_eq!(
            [
                CiLevel::Error as usize,
                CiLevel::Warning as usize,
                CiLevel::Note as usize
            ],
            [0, 1, 2]
        );
    }
}
