//! Input strings made harmless for each output. A plan, a rule file, a test file or a file
//! name may hold terminal control sequences (`\x1b[2J`, an OSC title), bidi controls that
//! reorder what a reader sees (U+202E), or Markdown and HTML; none of it may act on the
//! reader. Each function is for one context, and leaves ordinary text, Chinese, CJK
//! punctuation and emoji included, as it is.

use std::borrow::Cow;
use std::fmt::Write;

/// Bidi controls: embeddings, overrides and isolates, and the marks that steer them.
fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A character that could act on a terminal or a viewer instead of being read: C0 and C1
/// controls (ESC, BEL, CR and CSI among them), DEL, bidi controls, and the Unicode line
/// and paragraph separators, which some viewers break lines at.
pub fn is_hostile(c: char) -> bool {
    c.is_control() || is_bidi(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A character as a visible escape: `\n`, `\t`, `\r`, else `\u{1B}`, as Rust writes it.
/// A character as a visible escape: `\u{1B}`, `\n`.
pub(crate) fn visible(c: char) -> String {
    let mut out = String::new();
    push_visible(&mut out, c);
    out
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c => {
            let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
        }
    }
}

/// Rewrites `s` one character at a time, or returns it as it is when `changes` finds no
/// character to rewrite: the common case, which allocates nothing.
fn rewrite<'a>(
    s: &'a str,
    changes: impl Fn(char) -> bool,
    push: impl Fn(&mut String, char, Option<char>),
) -> Cow<'a, str> {
    if !s.chars().any(&changes) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        push(&mut out, c, chars.peek().copied());
    }
    Cow::Owned(out)
}

/// Terminal or log text that must stay on one line (a message, a label, a name): every
/// hostile character, line breaks and tabs included, as a visible escape.
pub fn line(s: &str) -> Cow<'_, str> {
    rewrite(s, is_hostile, |out, c, _| match is_hostile(c) {
        true => push_visible(out, c),
        false => out.push(c),
    })
}

/// Whether the text form keeps `c`, followed by `next`, as it is: line feeds, tabs, and a
/// carriage return that ends a line with the line feed after it.
fn kept_in_text(c: char, next: Option<char>) -> bool {
    !is_hostile(c) || c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'))
}

/// Terminal text of several lines (a file's source, a CSV field): as [`line`], but line
/// breaks and tabs are kept. A lone carriage return is escaped: it would draw over the line.
pub fn text(s: &str) -> Cow<'_, str> {
    text_with_growth(s).0
}

/// [`text`], and where it grew, so that spans into `s` can be moved onto it: for each
/// escaped character, in order, the offset just past it in `s` and the bytes added up to
/// there.
pub fn text_with_growth(s: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    let mut growth = Vec::new();
    let mut chars = s.char_indices().peekable();
    let mut out: Option<String> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        if kept_in_text(c, next) {
            if let Some(out) = &mut out {
                out.push(c);
            }
            continue;
        }
        let out = out.get_or_insert_with(|| {
            let mut out = String::with_capacity(s.len() + 16);
            out.push_str(&s[..i]);
            out
        });
        push_visible(out, c);
        let end = i + c.len_utf8();
        growth.push((end, out.len() - end));
    }
    (out.map_or(Cow::Borrowed(s), Cow::Owned), growth)
}

/// What Markdown (and the HTML it may hold) gives a meaning to inline. `|` is left to the
/// table cell, which escapes it wherever it stands, code spans included.
fn is_markdown_punctuation(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '&'
    )
}

/// A string in Markdown text, shown literally wherever it stands: punctuation Markdown
/// reads is backslash-escaped, line breaks become `<br>` (so a value stays inside its
/// table cell or list item), other hostile characters visible escapes.
pub fn markdown(s: &str) -> Cow<'_, str> {
    let changes = |c| is_hostile(c) || is_markdown_punctuation(c);
    rewrite(s, changes, |out, c, next| match c {
        '\r' if next == Some('\n') => {}
        '\n' | '\r' => out.push_str("<br>"),
        c if is_hostile(c) => push_visible(out, c),
        c if is_markdown_punctuation(c) => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    })
}

/// A string as a Markdown code span, which shows its content literally (no emphasis, no
/// link, no HTML). Hostile characters, line breaks included, are visible escapes; the fence
/// is longer than any run of backticks inside.
pub fn markdown_code(s: &str) -> String {
    let s = line(s);
    let longest = s
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    // Markdown takes a space off each end of a span that has one at both: a span with a
    // backtick inside (which may stand at an end), spaces at both ends or nothing at all
    // gets one either side.
    let padded = longest > 0 || s.is_empty() || (s.starts_with(' ') && s.ends_with(' '));
    match padded {
        true => format!("{fence} {s} {fence}"),
        false => format!("{fence}{s}{fence}"),
    }
}

/// A message, which marks names and requirements as code spans (`` `EI-2025` ``), as
/// Markdown: each code span stays one, shown literally, and the text between is escaped as
/// [`markdown`]. A backtick left without a partner is shown as one.
pub fn markdown_message(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let paired = parts.len() % 2 == 1;
    let mut out = String::with_capacity(s.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        let in_code = i % 2 == 1;
        if in_code && (paired || i + 1 < parts.len()) {
            if !part.is_empty() {
                out.push_str(&markdown_code(part));
            }
            continue;
        }
        if in_code {
            out.push_str("\\`");
        }
        out.push_str(&markdown(part));
    }
    out
}

/// Characters XML 1.0 does not allow at all, even as a reference, beyond the controls.
fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// XML text on one line (a JUnit name, message or line of details): as [`line`], and
/// nothing XML 1.0 forbids. In an attribute, a raw line break would be read as a space.
pub fn xml_line(s: &str) -> Cow<'_, str> {
    let changes = |c| is_hostile(c) || is_xml_forbidden(c);
    rewrite(s, changes, |out, c, _| match changes(c) {
        true => push_visible(out, c),
        false => out.push(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDINARY: &str = "辽宁省碳达峰实施方案：下降13.5%（力争）🌱 — “引号” a-b.c";

    #[test]
    fn ordinary_text_is_unchanged_everywhere() {
        assert!(matches!(line(ORDINARY), Cow::Borrowed(_)));
        assert!(matches!(text(ORDINARY), Cow::Borrowed(_)));
        assert_eq!(xml_line(ORDINARY), ORDINARY);
        assert_eq!(markdown("辽宁 13.5 % 🌱（力争）"), "辽宁 13.5 % 🌱（力争）");
    }

    #[test]
    fn terminal_controls_and_bidi_become_visible() {
        assert_eq!(line("\x1b[2J"), "\\u{1B}[2J");
        assert_eq!(line("\x1b]0;pwned\x07"), "\\u{1B}]0;pwned\\u{7}");
        assert_eq!(
            line("a\u{202E}b\u{2066}c\u{200F}"),
            "a\\u{202E}b\\u{2066}c\\u{200F}"
        );
        assert_eq!(line("\u{9B}31m\x7f"), "\\u{9B}31m\\u{7F}");
        assert_eq!(line("a\nb\tc\r"), "a\\nb\\tc\\r");
    }

    #[test]
    fn text_keeps_line_ends_but_not_a_lone_carriage_return() {
        assert_eq!(text("a\r\nb\n\tc"), "a\r\nb\n\tc");
        assert_eq!(text("a\rb\x1b"), "a\\rb\\u{1B}");
    }

    #[test]
    fn growth_says_how_far_each_offset_moved() {
        let (shown, growth) = text_with_growth("a\x1bb\u{202E}c");
        assert_eq!(shown, "a\\u{1B}b\\u{202E}c");
        // ESC (1 byte) ends at 2 and became 6 bytes; U+202E (3 bytes) ends at 6, and 5
        // more were added.
        assert_eq!(growth, vec![(2, 5), (6, 10)]);
        assert_eq!(&shown[6 + 10..], "c");
    }

    #[test]
    fn markdown_text_stays_text() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown("line1\n\n# heading"), "line1<br><br>\\# heading");
        assert_eq!(
            markdown("a\r\nb *c* _d_ `e` &amp;"),
            "a<br>b \\*c\\* \\_d\\_ \\`e\\` \\&amp;"
        );
        assert_eq!(markdown("\x1b[2J"), "\\u{1B}\\[2J");
    }

    #[test]
    fn code_spans_hold_anything() {
        assert_eq!(markdown_code("EI-2025"), "`EI-2025`");
        assert_eq!(markdown_code("a`b``c"), "``` a`b``c ```");
        assert_eq!(markdown_code("`a"), "`` `a ``");
        assert_eq!(markdown_code("a\n# b"), "`a\\n# b`");
        assert_eq!(markdown_code(""), "`  `");
    }

    #[test]
    fn messages_keep_their_code_spans() {
        assert_eq!(
            markdown_message("`EI-2025` waived: <b>ok</b> (`a_b`)"),
            "`EI-2025` waived: \\<b\\>ok\\</b\\> (`a_b`)"
        );
        assert_eq!(markdown_message("a `b` c`d"), "a `b` c\\`d");
        assert_eq!(markdown_message("x\n# y"), "x<br>\\# y");
    }

    #[test]
    fn xml_lines_hold_no_line_break_and_nothing_xml_forbids() {
        assert_eq!(
            xml_line("a\nb\u{FFFF}\x1b\x00"),
            "a\\nb\\u{FFFF}\\u{1B}\\u{0}"
        );
    }
}
