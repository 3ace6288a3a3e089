//! Words shared by the Markdown and HTML reports, so that both say the same thing the same
//! way.

use crate::render::escape::{self, is_hostile};
use crate::units::Unit;

/// A source worth a link: an `http` or `https` URL (the scheme in any case), trimmed.
/// Anything else (`javascript:`, `data:`, a bare path) is shown as text: a report opened in
/// a browser must not run what a plan file says.
pub fn web_link(source: &str) -> Option<&str> {
    let url = source.trim();
    let (scheme, rest) = url.split_once(':')?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    // Whitespace, quotes or angle brackets are not in a URL, and would end a Markdown
    // autolink early.
    // Nor is a bidi control, which would show the address in another order than it has.
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || is_hostile(c) || matches!(c, '<' | '>' | '"'));
    (web && rest.starts_with("//") && clean).then_some(url)
}

/// Between a number and its unit: a non-breaking space, so that `17.7 %` never breaks
/// across lines.
const NBSP: char = '\u{a0}';

/// An outcome in words: `pass`, `not checkable`; any outcome a waiver covers as `waived`.
pub fn outcome_words(outcome: &str, waived: bool) -> &'static str {
    match (outcome, waived) {
        (_, true) => "waived",
        ("pass", _) => "pass",
        ("fail", _) => "fail",
        ("undeclared", _) => "undeclared",
        ("not_checkable", _) => "not checkable",
        ("reaches_benchmark", _) => "reaches benchmark",
        ("short_of_benchmark", _) => "short of benchmark",
        _ => "",
    }
}

/// A value in its unit, `17.7 %`, `5400 万kW`; a year as just the year, `2032`.
pub fn quantity(value: &str, unit: &str) -> String {
    match unit {
        "year" | "" => value.to_string(),
        _ => format!("{value}{NBSP}{unit}"),
    }
}

/// A margin with its sign, in the unit of a difference: `+1 pp`, `0 pp`, `-2 years`.
pub fn margin(margin: &str, unit: &str) -> String {
    let signed = if margin.starts_with('-') || margin == "0" {
        margin.to_string()
    } else {
        format!("+{margin}")
    };
    let unit = match unit {
        "year" if margin.trim_start_matches('-') == "1" => "year",
        "year" => "years",
        unit => unit,
    };
    format!("{signed}{NBSP}{unit}")
}

/// An outcome with its margin, `pass (+0.5 pp)`; waived, `waived (fail, -1 pp)`.
pub fn verdict(outcome: &str, waived: bool, m: Option<&str>, unit: Option<&str>) -> String {
    let words = outcome_words(outcome, false);
    let m = m.map(|m| margin(m, unit.unwrap_or_default()));
    match (waived, m) {
        (false, None) => words.to_string(),
        (false, Some(m)) => format!("{words} ({m})"),
        (true, None) => format!("waived ({words})"),
        (true, Some(m)) => format!("waived ({words}, {m})"),
    }
}

/// The outcome of a national total: `not enough data` where the provinces that declare
/// nothing could still change it, else as any outcome.
pub fn total_outcome(outcome: &str, reason: Option<&str>) -> String {
    match reason {
        Some("not_enough_data") => "not enough data".to_string(),
        _ => verdict(outcome, false, None, None),
    }
}

/// The waiver covering a finding: `reason (approved by …, expires …)`.
pub fn waiver_words(reason: &str, approved_by: &str, expires: &str) -> String {
    format!("{reason} (approved by {approved_by}, expires {expires})")
}

/// A rank; a dash for a declaration that commits to no bound, which is not ranked.
pub fn rank(rank: Option<usize>) -> String {
    rank.map_or("—".to_string(), |r| r.to_string())
}

/// What a ranked declaration commits to: `more than 65 %`, or `no bound`.
pub fn commits_to(words: Option<&str>) -> String {
    words.map_or("no bound".to_string(), glue_units)
}

/// Text with a non-breaking space between each number and the unit after it, as messages
/// write them (`declared 17.7 %, required `around 20 %``).
pub fn glue_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for (i, c) in text.char_indices() {
        let unit_follows = || {
            let word = text[i + 1..]
                .split(|c: char| c.is_whitespace() || ",;:)`|".contains(c))
                .next()
                .unwrap_or_default();
            matches!(word, "years" | "year") || Unit::parse(word).is_some()
        };
        if c == ' ' && previous.is_some_and(|p: char| p.is_ascii_digit()) && unit_follows() {
            out.push(NBSP);
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// Text with its Markdown code spans (`` `EI-2025` ``) as HTML `<code>`, everything else
/// escaped, control and bidi characters as visible escapes: messages are written for
/// Markdown and terminals.
pub fn code_spans_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in glue_units(&escape::text(text)).split('`').enumerate() {
        let part = escape_html(part);
        // Odd parts lie between backticks.
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(&part);
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_make_links() {
        assert_eq!(
            web_link(" HTTPS://example.org/a "),
            Some("HTTPS://example.org/a")
        );
        assert_eq!(
            web_link("http://m.chinacrane.net/x"),
            Some("http://m.chinacrane.net/x")
        );
        for text in [
            "javascript:alert(document.domain)",
            " JavaScript:alert(1)",
            "data:text/html,<b>x</b>",
            "https:example.org",
            "https://a.org/<x>",
            "https://a.org/ b",
            "https://a.org/\u{202E}gpj.exe",
            "example.org",
            "",
        ] {
            assert_eq!(web_link(text), None, "{text}");
        }
    }

    #[test]
    fn outcomes_margins_and_values() {
        assert_eq!(verdict("not_checkable", false, None, None), "not checkable");
        assert_eq!(
            verdict("pass", false, Some("0.5"), Some("pp")),
            "pass (+0.5\u{a0}pp)"
        );
        assert_eq!(
            verdict("fail", true, Some("-1"), Some("pp")),
            "waived (fail, -1\u{a0}pp)"
        );
        assert_eq!(margin("0", "pp"), "0\u{a0}pp");
        assert_eq!(margin("-2", "year"), "-2\u{a0}years");
        assert_eq!(margin("1", "year"), "+1\u{a0}year");
        assert_eq!(quantity("2032", "year"), "2032");
        assert_eq!(quantity("17.7", "%"), "17.7\u{a0}%");
    }

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(
            glue_units("declared 17.7 %, required `around 20 %`: missed by 2 years"),
            "declared 17.7\u{a0}%, required `around 20\u{a0}%`: missed by 2\u{a0}years"
        );
        assert_eq!(
            glue_units("from 5 of 31 provinces"),
            "from 5 of 31 provinces"
        );
        assert_eq!(glue_units("5400 万kW"), "5400\u{a0}万kW");
    }

    #[test]
    fn code_spans_in_html() {
        assert_eq!(
            code_spans_html("`EI-2025` <b> & `x"),
            "<code>EI-2025</code> &lt;b&gt; &amp; <code>x</code>"
        );
    }
}
