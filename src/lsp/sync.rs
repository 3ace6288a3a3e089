//! Incremental document sync: a change replaces a range of the text as the editor last
//! sent it, or, with no range, the whole text.

use lsp_types::TextDocumentContentChangeEvent;

use super::position::{Encoding, offset};

/// `text` after `changes`, applied in order as LSP requires: each change's range is in the
/// text the change before it left. A range past a line or the text is clamped to its end,
/// and a range given backwards replaces nothing before its start.
pub fn apply(text: &mut String, changes: Vec<TextDocumentContentChangeEvent>, encoding: Encoding) {
    for change in changes {
        match change.range {
            None => *text = change.text,
            Some(range) => {
                let start = offset(text, range.start, encoding);
                let end = offset(text, range.end, encoding).max(start);
                text.replace_range(start..end, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use lsp_types::{Position, Range};

    use super::*;

    fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn ranges_count_code_units_and_each_change_sees_the_one_before() {
        // 浙江 is two UTF-16 units and six UTF-8 bytes; 𝕏 two units and four bytes.
        let mut text = String::from("province 浙江\r\n# 𝕏 aroud\r\n");
        let changes = vec![
            edit((1, 5), (1, 10), "around"),
            edit((0, 9), (0, 11), "山东"),
            edit((1, 11), (1, 11), " 24 %"),
        ];
        apply(&mut text, changes, Encoding::Utf16);
        assert_eq!(text, "province 山东\r\n# 𝕏 around 24 %\r\n");
    }

    #[test]
    fn utf8_ranges_count_bytes() {
        let mut text = String::from("province 浙江\n");
        apply(
            &mut text,
            vec![edit((0, 9), (0, 15), "山东")],
            Encoding::Utf8,
        );
        assert_eq!(text, "province 山东\n");
    }

    #[test]
    fn a_whole_text_and_ranges_past_the_end_or_backwards() {
        let mut text = String::from("ab\r\ncd");
        let whole = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "xy\r\nzw".into(),
        };
        let changes = vec![
            whole,
            // Past the end of its line: before the line end, never inside `\r\n`.
            edit((0, 9), (0, 9), "!"),
            edit((7, 0), (9, 9), "?"),
            edit((1, 2), (1, 0), "-"),
        ];
        apply(&mut text, changes, Encoding::Utf16);
        assert_eq!(text, "xy!\r\nzw-?");
    }
}
