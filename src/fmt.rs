//! `plancheck fmt`: the canonical layout of rule, plan and test files. Structure comes from
//! the parse tree, tokens from its leaves and the punctuation between them; comments stay
//! where they were, numbers, units and strings are kept exactly as written, and the order
//! of everything is left alone. A file that does not parse is not formatted.

mod layout;
mod tree;

use crate::source::BOM;
use crate::syntax::{Language, SyntaxError, parse_top};

/// The canonical form of `text`, or the syntax error that stops it being formatted.
pub fn format(text: &str, language: Language) -> Result<String, SyntaxError> {
    let top = parse_top(language.file_rule(), text)?;
    let items = tree::items(top, text);
    let comments = tree::comments(text);
    let body = layout::print(text, &items, &comments);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let bom = if text.starts_with(BOM) {
        "\u{FEFF}"
    } else {
        ""
    };
    Ok(format!("{bom}{}", body.replace('\n', newline)))
}

/// A part of a file (a requirement's condition) on one line, as [`format`] writes it:
/// tokens spaced as in the canonical layout, comments and line breaks left out. Messages
/// that echo what a rule requires show it so, however it was laid out.
pub(crate) fn one_line(pair: crate::syntax::Pair) -> String {
    let span = pair.as_span();
    let leaves = tree::leaves(pair);
    layout::join(
        &tree::tokens(span.get_input(), &leaves, span.start(), span.end()),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> String {
        format(text, Language::Rules).unwrap()
    }

    #[test]
    fn blocks_get_one_field_a_line_aligned() {
        let text = "indicator x { unit % baseline none title \"X\" }\n";
        assert_eq!(
            rules(text),
            "indicator x {\n    unit     %\n    baseline none\n    title    \"X\"\n}\n"
        );
    }

    #[test]
    fn comments_stay_where_they_were() {
        let text = "# head\n\n# about x\nindicator x { # trailing\n  unit %   # the unit\n  # before the end\n}\n# tail\n";
        let expected = "# head\n\n# about x\nindicator x { # trailing\n    unit % # the unit\n    # before the end\n}\n# tail\n";
        assert_eq!(rules(text), expected);
    }

    #[test]
    fn punctuation_is_spaced_like_prose() {
        let text = "group g=[ Beijing ,上海,\"Inner Mongolia\" ]\ngroup h = ( group g+[Tianjin] )&group g\n";
        assert_eq!(
            rules(text),
            "group g = [Beijing, 上海, \"Inner Mongolia\"]\ngroup h = (group g + [Tianjin]) & group g\n"
        );
    }

    #[test]
    fn numbers_units_and_strings_are_kept_as_written() {
        let text = "province 北京\ntarget wind_solar_capacity by 2030 { value 5400.0万千瓦 document \"a \\\"b\\\"\" }\n";
        let formatted = format(text, Language::Plan).unwrap();
        assert!(formatted.contains("value    5400.0 万千瓦"), "{formatted}");
        assert!(
            formatted.contains("document \"a \\\"b\\\"\""),
            "{formatted}"
        );
    }

    #[test]
    fn blocks_are_separated_by_a_blank_line_and_lines_keep_their_grouping() {
        let text = "province X\ntitle \"t\"\n\n\n\ntarget a by 2025 { value 1 % }\ntarget b by 2025 { value 2 % }\n";
        let expected = "province X\ntitle    \"t\"\n\ntarget a by 2025 {\n    value 1 %\n}\n\ntarget b by 2025 {\n    value 2 %\n}\n";
        assert_eq!(format(text, Language::Plan).unwrap(), expected);
    }

    #[test]
    fn crlf_and_bom_are_kept() {
        let text = "\u{FEFF}province X\r\ntitle \"t\"\r\n";
        assert_eq!(
            format(text, Language::Plan).unwrap(),
            "\u{FEFF}province X\r\ntitle    \"t\"\r\n"
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_an_error() {
        assert!(format("province X\ntarget {", Language::Plan).is_err());
    }
}
