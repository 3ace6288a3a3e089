//! Source text: files as read, with the byte offsets every span refers to.

use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// The byte order mark some editors put at the start of UTF-8 files.
pub const BOM: char = '\u{FEFF}';

/// One input file, kept whole: spans are byte offsets into `text`, BOM included.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: Arc<str>,
    text: Arc<str>,
    line_starts: Arc<[usize]>,
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where a byte offset falls. A BOM is not a column, and a CR before LF is not either.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let before = &self.text[start..floor_char_boundary(&self.text, offset)];
        let column = before.chars().filter(|&c| c != BOM).count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The 0-based line a byte offset is on.
    fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// The text under a span, for messages and tests.
    pub fn slice(&self, span: SourceSpan) -> &str {
        let end = (span.offset() + span.len()).min(self.text.len());
        self.text.get(span.offset()..end).unwrap_or("")
    }
}

/// miette reads the text and its name straight from the file.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette scans from the start of the text for every span; scanning only the lines
        // around it keeps diagnostics on large files cheap.
        let end = span.offset() + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (first, from, to) = self.window(span, context_lines_before, context_lines_after);
        let window = &self.text[from..to];
        // A span cut by the window is shown up to the cut.
        let start = span.offset().clamp(from, to);
        let local: SourceSpan = (start - from, end.clamp(start, to) - start).into();
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        // miette counts the column of a header in bytes; a reader counts characters.
        let column = match context_lines_before {
            0 => self.line_col(span.offset()).column - 1,
            _ => inner.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            without_lone_cr_at_end(inner.data()),
            (inner.span().offset() + from, inner.span().len()).into(),
            inner.line() + first,
            column,
            inner.line_count() + first,
        )))
    }
}

/// A line longer than this (in bytes) is shown only in part, around the span: miette pads
/// a label to its column with a width argument, which panics past 65,535, and a line of
/// thousands of characters would be unreadable anyway.
const LONG_LINE: usize = 1000;

/// How much of a long line is shown either side of the span, in bytes.
const MARGIN: usize = 60;

impl SourceFile {
    /// The text shown for a span: its lines and the context lines around it, as miette
    /// asks; but on a long line, only the part around the span (without context lines on
    /// the cut side, since the text shown must be one piece). Returns the 0-based line the
    /// text starts on and its byte range.
    fn window(&self, span: &SourceSpan, before: usize, after: usize) -> (usize, usize, usize) {
        let end = span.offset() + span.len();
        let start_line = self.line_index(span.offset());
        let end_line = self.line_index(end.saturating_sub(1).max(span.offset()));
        let line_end = |line: usize| {
            self.line_starts
                .get(line + 1)
                .copied()
                .unwrap_or(self.text.len())
        };
        let (mut first, mut from) = {
            let first = start_line.saturating_sub(before);
            (first, self.line_starts[first])
        };
        if span.offset() - self.line_starts[start_line] > LONG_LINE {
            first = start_line;
            from = floor_char_boundary(&self.text, span.offset() - MARGIN);
        }
        let mut to = line_end(end_line + after + 1);
        if line_end(end_line) - end > LONG_LINE {
            to = ceil_char_boundary(&self.text, end + MARGIN);
        }
        // A long span on one line (or labels far apart on one line, which miette joins into
        // one span) is shown from its start only; a later label in it goes unshown, but the
        // header still gives its line and column.
        if start_line == end_line && to - from > LONG_LINE {
            to = ceil_char_boundary(&self.text, span.offset() + 2 * MARGIN);
        }
        (first, from, to)
    }
}

/// miette numbers a last line that ends in a lone CR one lower than the lines before it;
/// the CR itself shows as nothing (a file with one is refused, pointing at it).
fn without_lone_cr_at_end(data: &[u8]) -> &[u8] {
    match data {
        [.., b'\n', b'\r'] | [b'\r'] => data,
        [rest @ .., b'\r'] => rest,
        _ => data,
    }
}

fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("t", "省 北京 x\nabc");
        let x = file.text().find('x').unwrap();
        assert_eq!(file.line_col(x), LineCol { line: 1, column: 6 });
        let b = file.text().find('b').unwrap();
        assert_eq!(file.line_col(b), LineCol { line: 2, column: 2 });
    }

    #[test]
    fn bom_and_crlf_do_not_shift_columns() {
        let file = SourceFile::new("t", "\u{FEFF}ab\r\ncd");
        assert_eq!(file.line_col(3), LineCol { line: 1, column: 1 });
        let d = file.text().find('d').unwrap();
        assert_eq!(file.line_col(d), LineCol { line: 2, column: 2 });
    }
}
