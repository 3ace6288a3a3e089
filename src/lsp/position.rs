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
    let (line, line_start) = line_starts(text)
        .enumerate()
        .take_while(|&(_, start)| start <= offset)
        .last()
        .unwrap_or((0, 0));
    let character = before[line_start..]
        .chars()
        .map(|c| encoding.width(c))
        .sum();
    Position {
        line: line as u32,
        character,
    }
}

/// Where each line of `text` starts. LSP ends a line at `\n`, `\r\n` or a lone `\r`, as
/// the editor does; counting only `\n` would put the server's copy of a document with a
/// lone `\r` out of step with the editor's at the first ranged change.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let ends = bytes.iter().enumerate().filter_map(move |(i, &b)| match b {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    });
    std::iter::once(0).chain(ends)
}

pub fn range(text: &str, offset: usize, len: usize, encoding: Encoding) -> Range {
    Range {
        start: position(text, offset, encoding),
        end: position(text, offset + len, encoding),
    }
}

/// The byte offset of `pos` in `text`; past the end of a line is its end (before its line
/// end), past the last line the end of the text.
pub fn offset(text: &str, pos: Position, encoding: Encoding) -> usize {
    let Some(line_start) = line_starts(text).nth(pos.line as usize) else {
        return text.len();
    };
    let rest = &text[line_start..];
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
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
    fn a_lone_carriage_return_ends_a_line_as_editors_count_it() {
        let text = "province Anhui\r# old note\ntarget";
        let note = text.find('#').unwrap();
        assert_eq!(position(text, note, Encoding::Utf16), Position::new(1, 0));
        assert_eq!(offset(text, Position::new(1, 0), Encoding::Utf16), note);
        assert_eq!(offset(text, Position::new(0, 99), Encoding::Utf16), 14);
        let target = text.find("target").unwrap();
        assert_eq!(position(text, target, Encoding::Utf16), Position::new(2, 0));
        assert_eq!(
            offset(text, Position::new(2, 3), Encoding::Utf16),
            target + 3
        );
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
