//! Characters a reader cannot see, or cannot tell from a plain space: a message that shows
//! one as it is shows nothing, so messages name them ("the no-break space U+00A0").

/// The name of a character a reader would not see for what it is, or `None` for one that
/// shows as itself (a plain space included).
pub fn name(c: char) -> Option<String> {
    if let Some(known) = known_name(c) {
        return Some(format!("the {known} U+{:04X}", c as u32));
    }
    let kind = if c.is_control() {
        "control character"
    } else if c.is_whitespace() && c != ' ' {
        "space character"
    } else if is_format(c) {
        "invisible format character"
    } else {
        return None;
    };
    Some(format!("the {kind} U+{:04X}", c as u32))
}

/// Whether `c` is one that [`name`] names.
pub fn is_invisible(c: char) -> bool {
    name(c).is_some()
}

/// `text` in backticks, each invisible character in it written as an escape, and the first
/// of them named: "`Gan\u{200B}su` (with the zero-width space U+200B in it)".
pub fn quoted(text: &str) -> String {
    let Some(first) = text.chars().find_map(name) else {
        return format!("`{text}`");
    };
    let shown: String = text
        .chars()
        .map(|c| match is_invisible(c) {
            true => crate::render::escape::visible(c),
            false => c.to_string(),
        })
        .collect();
    format!("`{shown}` (with {first} in it)")
}

/// `text` with its invisible characters taken out, or `None` when it has none.
pub fn without(text: &str) -> Option<String> {
    text.chars()
        .any(is_invisible)
        .then(|| text.chars().filter(|&c| !is_invisible(c)).collect())
}

/// What the characters are called where a reader may meet them in a plan or rule file.
fn known_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0B}' => "vertical tab",
        '\u{0C}' => "form feed",
        '\r' => "carriage return",
        '\u{85}' => "next-line character",
        '\u{A0}' => "no-break space",
        '\u{AD}' => "soft hyphen",
        '\u{2002}' => "en space",
        '\u{2003}' => "em space",
        '\u{2009}' => "thin space",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{202F}' => "narrow no-break space",
        '\u{2060}' => "word joiner",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{3000}' => "ideographic space",
        '\u{FEFF}' => "byte order mark",
        _ => return None,
    })
}

/// An invisible format character (General Category Cf): zero-width spaces and joiners,
/// bidi controls, the BOM, the soft hyphen.
pub fn is_format(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.general_category() == GeneralCategory::Format
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_that_look_like_nothing_or_a_space_are_named() {
        assert_eq!(name('\u{A0}').as_deref(), Some("the no-break space U+00A0"));
        assert_eq!(
            name('\u{E0041}').as_deref(),
            Some("the invisible format character U+E0041")
        );
        assert_eq!(
            name('\u{1}').as_deref(),
            Some("the control character U+0001")
        );
        assert_eq!(name(' '), None);
        assert_eq!(name('甘'), None);
    }

    #[test]
    fn a_quoted_text_shows_and_names_what_it_hides() {
        assert_eq!(quoted("Gansu"), "`Gansu`");
        assert_eq!(
            quoted("Gan\u{200B}su"),
            "`Gan\\u{200B}su` (with the zero-width space U+200B in it)"
        );
        assert_eq!(without("Gan\u{200B}su").as_deref(), Some("Gansu"));
        assert_eq!(without("Gansu"), None);
    }
}
