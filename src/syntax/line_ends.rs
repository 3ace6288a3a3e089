//! Line ends: LF or CRLF. A carriage return alone ended a line in old Mac files; counted
//! as a line end by some readers and not by others, it would put one error on three
//! different lines (miette's, the JSON location's and an editor's), so it is refused
//! before any reader sees the text.

use super::SyntaxError;

/// The first carriage return not followed by a line feed, as an error.
pub fn check_line_ends(text: &str) -> Result<(), SyntaxError> {
    let bytes = text.as_bytes();
    // `match_indices` finds the next `\r` with memchr: a file of CRLF lines costs little.
    let lone = text
        .match_indices('\r')
        .map(|(i, _)| i)
        .find(|&i| bytes.get(i + 1) != Some(&b'\n'));
    match lone {
        None => Ok(()),
        Some(at) => Err(SyntaxError::Unexpected {
            message: "a line ends with a carriage return alone (CR, U+000D)".to_string(),
            span: (at, 1).into(),
            label: "a CR without an LF after it".to_string(),
            help: Some(
                "plancheck reads lines that end with LF or CRLF; convert the file's line ends \
                 (for example with `mac2unix`, or in your editor)"
                    .to_string(),
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_and_crlf_pass_and_a_lone_cr_is_found() {
        assert!(check_line_ends("a\nb\r\nc").is_ok());
        let Err(SyntaxError::Unexpected { span, .. }) = check_line_ends("a\r\nb\rc\r") else {
            panic!("a lone CR passed");
        };
        assert_eq!(span.offset(), 4);
        assert!(check_line_ends("a\r").is_err());
    }
}
