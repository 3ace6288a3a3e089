//! Words shared by the Markdown and HTML reports, so that both say the same thing the same
//! way.

/// A source worth a link: an `http` or `https` URL (the scheme in any case), trimmed.
/// Anything else (`javascript:`, `data:`, a bare path) is shown as text: a report opened in
/// a browser must not run what a plan file says.
pub fn web_link(source: &str) -> Option<&str> {
    let url = source.trim();
    let (scheme, rest) = url.split_once(':')?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    // Whitespace, quotes or angle brackets are not in a URL, and would end a Markdown
    // autolink early.
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'));
    (web && rest.starts_with("//") && clean).then_some(url)
}

/// Text as a Markdown code span, which shows it literally: no link, no HTML. The fence is
/// longer than any run of backticks inside.
pub fn code_span(text: &str) -> String {
    let longest = text
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
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
            "example.org",
            "",
        ] {
            assert_eq!(web_link(text), None, "{text}");
        }
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("a"), "` a `");
        assert_eq!(code_span("a`b``c"), "``` a`b``c ```");
    }
}
