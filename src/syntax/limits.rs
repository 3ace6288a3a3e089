//! Limits that keep hostile input harmless. The parsers recurse on brackets, so the nesting
//! depth is measured by a flat scan before any parser sees the text.

use super::SyntaxError;

/// Deeper than any real rule or plan needs (a plan nests 1 level, JSON 3), shallow enough for
/// the recursive parsers to stay far from the stack's end.
pub const MAX_DEPTH: usize = 64;

/// Far beyond any real plan (dozens of targets): a plan past it is refused, every target
/// counted, whether it lowers or not.
pub const MAX_TARGETS: usize = 100_000;

/// Problems shown for one file: past this many, the rest are counted, not listed, so that
/// a generated file of a million mistakes gives one screen of them, not a gigabyte.
pub const MAX_PROBLEMS: usize = 100;

/// Finds the first bracket that nests deeper than [`MAX_DEPTH`], outside strings and (where
/// the language has them) `#` comments.
pub fn check_nesting(text: &str, hash_comments: bool) -> Result<(), SyntaxError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i + 1),
            b'#' if hash_comments => i = skip_line(bytes, i),
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SyntaxError::TooDeep {
                        span: (i, 1).into(),
                        limit: MAX_DEPTH,
                    });
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Returns the index of the closing quote (or the end); an unterminated string is the
/// parser's to report.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_line(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "(".repeat(MAX_DEPTH + 1);
        assert!(check_nesting(&format!("\"{deep}\" # {deep}\n"), true).is_ok());
        assert!(check_nesting(&format!("# {deep}"), false).is_err());
    }

    #[test]
    fn reports_the_first_bracket_past_the_limit() {
        let text = format!("x {}", "[".repeat(100_000));
        match check_nesting(&text, true) {
            Err(SyntaxError::TooDeep { span, .. }) => assert_eq!(span.offset(), 2 + MAX_DEPTH),
            other => panic!("expected TooDeep, got {other:?}"),
        }
    }

    #[test]
    fn the_limit_itself_is_allowed() {
        let text = format!("{}{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(check_nesting(&text, true).is_ok());
    }
}
