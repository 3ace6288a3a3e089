//! Byte offsets in a document to LSP positions and back. LSP counts a line's characters in
//! UTF-16 code units unless client and server agree on UTF-8 (`positionEncoding`): a Chinese
//! character is one unit in UTF-16 and three bytes in UTF-8, and one outside the Basic
//! Multilingual Plane two units. Lines end at `\n` (a `\r` before it belongs to the line end,
//! and spans never point into it).

use lsp_types::{Position, Range};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

impl Encoding {
    fn width(self, c: char) -> u32 {
        match self {
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf8 => c.len_utf8() as u32,
        }
    }
}

/// The position of byte `offset` of `text` (clamped to the text, and back to a character
/// boundary).
pub fn position(text: &str, offset: usize, encoding: Encoding) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() as u32;
    let character = before[line_start..]
        .chars()
        .map(|c| encoding.width(c))
        .sum();
    Position { line, character }
}

pub fn range(text: &str, offset: usize, len: usize, encoding: Encoding) -> Range {
    Range {
        start: position(text, offset, encoding),
        end: position(text, offset + len, encoding),
    }
}

/// The byte offset of `pos` in `text`; past the end of a line is its end, past the last
/// line the end of the text.
pub fn offset(text: &str, pos: Position, encoding: Encoding) -> usize {
    let mut line_start = 0;
    for _ in 0..pos.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= pos.character {
            return line_start + i;
        }
        units += encoding.width(c);
    }
    line_start + line.len()
}

/// The whole text, as a range: what a formatting edit replaces.
pub fn whole(text: &str, encoding: Encoding) -> Range {
    range(text, 0, text.len(), encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_astral_characters_count_in_code_units() {
        let text = "province 河北\r\n# 𝕏 x\nvalue";
        let he = text.find('河').unwrap();
        assert_eq!(position(text, he, Encoding::Utf16), Position::new(0, 9));
        let x = text.rfind('x').unwrap();
        // `# `, 𝕏 (two UTF-16 units, four bytes), ` `.
        assert_eq!(position(text, x, Encoding::Utf16), Position::new(1, 5));
        assert_eq!(position(text, x, Encoding::Utf8), Position::new(1, 7));
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            // Line ends aside: a span never starts in one.
            let starts = text
                .char_indices()
                .filter(|(_, c)| *c != '\r' && *c != '\n');
            for (i, _) in starts {
                assert_eq!(
                    offset(text, position(text, i, encoding), encoding),
                    i,
                    "{i}"
                );
            }
        }
    }

    #[test]
    fn positions_past_a_line_or_the_text_are_clamped() {
        let text = "ab\r\ncd";
        assert_eq!(offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(
            offset(text, Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
    }
}
