//! Source text: files as read, with the byte offsets every span refers to.

use std::borrow::Cow;
use std::sync::Arc;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::render::escape;

/// The byte order mark some editors put at the start of UTF-8 files.
pub const BOM: char = '\u{FEFF}';

/// One input file, kept whole: spans are byte offsets into `text`, BOM included.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: Arc<str>,
    text: Arc<str>,
    line_starts: Arc<[usize]>,
    columns: Arc<Columns>,
    /// What miette draws instead, where the name or the text holds characters that would
    /// act on a terminal.
    shown: Option<Arc<Shown>>,
    /// The lines before the text in the file it was read from: a record of a JSON Lines
    /// file is read on its own, but its lines are numbered as in the file.
    lines_before: usize,
    /// Likewise the bytes before it, for offsets into the file.
    bytes_before: usize,
}

/// A file as a terminal may show it: a copy with every control character and bidi control
/// written as a visible escape (`\u{1B}`), built once, when the file is read.
#[derive(Debug)]
struct Shown {
    file: SourceFile,
    /// For each escaped character, in order, the offset just past it in the file and the
    /// bytes the copy has added up to there.
    growth: Vec<(usize, usize)>,
}

/// What counting a column takes: a column on a long line (a minified JSON plan is one
/// line) is counted from the nearest mark, not from the line's start, so that thousands of
/// locations on one line cost no more than on many.
#[derive(Debug)]
struct Columns {
    /// The characters before every `BLOCK`-th byte.
    marks: Vec<usize>,
    /// Where the BOMs are, which are not columns.
    boms: Vec<usize>,
}

/// Bytes between two marks of [`Columns::marks`].
const BLOCK: usize = 4096;

/// The characters that start in `bytes` (every byte but a UTF-8 continuation byte).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        SourceFile::on_line(name, text, 1)
    }

    /// A file of `text`, which starts on line `line` of the file `name`: one line of a JSON
    /// Lines file, whose locations give the line in the whole file.
    pub fn on_line(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>, line: usize) -> Self {
        let before = line.saturating_sub(1);
        let mut file = SourceFile::unescaped(name.into(), text.into(), before);
        let (shown_text, growth) = escape::text_with_growth(&file.text);
        let shown_name = escape::line(&file.name);
        if matches!(shown_text, Cow::Owned(_)) || matches!(shown_name, Cow::Owned(_)) {
            let copy = SourceFile::unescaped(shown_name.into(), shown_text.into(), before);
            file.shown = Some(Arc::new(Shown { file: copy, growth }));
        }
        file
    }

    fn unescaped(name: Arc<str>, text: Arc<str>, lines_before: usize) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let marks = std::iter::once(0)
            .chain(text.as_bytes().chunks(BLOCK).scan(0, |before, block| {
                *before += char_starts(block);
                Some(*before)
            }))
            .collect();
        let boms = text.match_indices(BOM).map(|(i, _)| i).collect();
        SourceFile {
            name,
            text,
            line_starts,
            columns: Arc::new(Columns { marks, boms }),
            shown: None,
            lines_before,
            bytes_before: 0,
        }
    }

    /// A label on the file moved onto what miette draws (see `read_span`): the labels of a
    /// diagnostic drawn on the file go through here.
    pub fn shown_label(&self, label: LabeledSpan) -> LabeledSpan {
        let Some(shown) = &self.shown else {
            return label;
        };
        let span = label.inner();
        let start = shown.moved(span.offset());
        let end = shown.moved(span.offset() + span.len());
        let text = label.label().map(str::to_string);
        match label.primary() {
            true => LabeledSpan::new_primary_with_span(text, (start, end - start)),
            false => LabeledSpan::new_with_span(text, (start, end - start)),
        }
    }

    /// The text as starting `bytes` into the file it was read from (a record of a JSON
    /// Lines file), so that [`SourceFile::file_offset`] gives offsets into that file.
    pub fn starting_at_byte(mut self, bytes: usize) -> Self {
        self.bytes_before = bytes;
        self
    }

    /// An offset into the text as an offset into the file it was read from.
    pub fn file_offset(&self, offset: usize) -> usize {
        self.bytes_before + offset
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
        let end = floor_char_boundary(&self.text, offset);
        let at = &self.columns.boms;
        let boms = at.partition_point(|&b| b < end) - at.partition_point(|&b| b < start);
        let column = self.chars_before(end) - self.chars_before(start) - boms + 1;
        LineCol {
            line: self.lines_before + line + 1,
            column,
        }
    }

    /// The characters before a byte offset on a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.columns.marks[block] + char_starts(&self.text.as_bytes()[block * BLOCK..offset])
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

impl Shown {
    /// Where an offset of the file lands in the copy.
    fn moved(&self, offset: usize) -> usize {
        let escaped = self.growth.partition_point(|&(end, _)| end <= offset);
        offset + escaped.checked_sub(1).map_or(0, |i| self.growth[i].1)
    }

    /// Where an offset of the copy came from in the file (an offset inside an escape, from
    /// the character escaped).
    fn origin(&self, offset: usize) -> usize {
        let escaped = self
            .growth
            .partition_point(|&(end, added)| end + added <= offset);
        let before = escaped.checked_sub(1).map_or(0, |i| self.growth[i].1);
        let at = offset - before;
        match self.growth.get(escaped) {
            Some(&(end, _)) if at >= end => end - 1,
            _ => at,
        }
    }
}

/// miette reads the text and its name from the file, or from its escaped copy where it has
/// one: a terminal is never sent what the file holds raw. Spans given to miette must then
/// be spans of the copy (`shown_span`); a header still gives the line and column in the
/// file as written.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        match &self.shown {
            None => self.read_text(span, context_lines_before, context_lines_after, |at| {
                self.line_col(at).column - 1
            }),
            Some(shown) => {
                shown
                    .file
                    .read_text(span, context_lines_before, context_lines_after, |at| {
                        self.line_col(shown.origin(at)).column - 1
                    })
            }
        }
    }
}

impl SourceFile {
    /// The text around a span, for miette; `column` gives the 0-based column of an offset
    /// for a header.
    fn read_text<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
        column: impl Fn(usize) -> usize,
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
            0 => column(span.offset()),
            _ => inner.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            without_lone_cr_at_end(inner.data()),
            (inner.span().offset() + from, inner.span().len()).into(),
            inner.line() + first + self.lines_before,
            column,
            inner.line_count() + first + self.lines_before,
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
    fn a_record_is_numbered_as_in_its_file() {
        let file = SourceFile::on_line("runs.jsonl", "{\"a\": 1}", 12);
        assert_eq!(
            file.line_col(2),
            LineCol {
                line: 12,
                column: 3
            }
        );
        let shown = file.read_span(&(2, 1).into(), 0, 0).unwrap();
        assert_eq!(shown.line(), 11, "miette's lines count from 0");
    }

    #[test]
    fn bom_and_crlf_do_not_shift_columns() {
        let file = SourceFile::new("t", "\u{FEFF}ab\r\ncd");
        assert_eq!(file.line_col(3), LineCol { line: 1, column: 1 });
        let d = file.text().find('d').unwrap();
        assert_eq!(file.line_col(d), LineCol { line: 2, column: 2 });
    }
}
