//! The lexical pieces of `grammar/common.pest`, read byte by byte. Each reader skips the
//! whitespace and comments after what it reads, as pest's implicit whitespace does.

use miette::SourceSpan;

use super::Fast;
use crate::ast::{CmpOp, Number, Period, Spanned};
use crate::source::BOM;
use crate::syntax::lower::{parse_decimal, unescape};
use crate::syntax::lower_plan::is_calendar_date;

/// The ideographic space, whitespace in both languages.
const IDEOGRAPHIC_SPACE: &str = "\u{3000}";

/// Keywords a unit may not start with (`reserved` in the grammar).
const RESERVED: [&str; 20] = [
    "commitment",
    "status",
    "document",
    "source",
    "value",
    "within",
    "and",
    "kind",
    "severity",
    "scope",
    "require",
    "undeclared",
    "cite",
    "help",
    "accept",
    "target",
    "allow",
    "waive",
    "expect",
    "margin",
];

/// Comparisons, each before any that is a prefix of it (`cmp_op`).
const CMP_OPS: [CmpOp; 5] = [CmpOp::Ge, CmpOp::Le, CmpOp::Eq, CmpOp::Gt, CmpOp::Lt];

pub(super) struct Cursor<'t> {
    text: &'t str,
    pos: usize,
    /// The end of the last piece read, before the whitespace after it.
    end: usize,
}

impl<'t> Cursor<'t> {
    /// A cursor past the byte order mark and the leading whitespace.
    pub fn new(text: &'t str) -> Self {
        let pos = if text.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            0
        };
        let mut cursor = Cursor {
            text,
            pos,
            end: pos,
        };
        cursor.skip_trivia();
        cursor
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.text.len()
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The span from `start` to the end of the last piece read.
    pub fn since(&self, start: usize) -> SourceSpan {
        (start, self.end - start).into()
    }

    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'#' => {
                    let rest = &bytes[self.pos..];
                    self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                }
                0xE3 if self.text[self.pos..].starts_with(IDEOGRAPHIC_SPACE) => {
                    self.pos += IDEOGRAPHIC_SPACE.len()
                }
                _ => return,
            }
        }
    }

    /// Moves to `end`, returning the span read, and skips what follows.
    fn take(&mut self, end: usize) -> SourceSpan {
        let span = (self.pos, end - self.pos).into();
        self.pos = end;
        self.end = end;
        self.skip_trivia();
        span
    }

    /// The end of the run of bytes from the cursor that `keep` accepts.
    fn run(&self, from: usize, keep: impl Fn(u8) -> bool) -> usize {
        let rest = &self.bytes()[from..];
        from + rest.iter().position(|&b| !keep(b)).unwrap_or(rest.len())
    }

    /// Whether the character at byte `i` continues a name (`name_char`), which ends a
    /// keyword or a year; `None` for a character this reader does not classify.
    fn name_char_at(&self, i: usize) -> Fast<bool> {
        match self.bytes().get(i) {
            None => Some(false),
            Some(&b) if b.is_ascii() => Some(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
            Some(_) => {
                let c = self.text[i..].chars().next()?;
                if c == '\u{3000}' {
                    Some(false)
                } else {
                    is_han(c).then_some(true)
                }
            }
        }
    }

    /// Whether the next byte is one `test` accepts.
    pub fn next_is(&self, test: impl Fn(u8) -> bool) -> bool {
        self.peek().is_some_and(test)
    }

    /// Consumes `punct` if it comes next.
    pub fn eat(&mut self, punct: u8) -> bool {
        let found = self.peek() == Some(punct);
        if found {
            self.take(self.pos + 1);
        }
        found
    }

    pub fn expect(&mut self, punct: u8) -> Fast<()> {
        self.eat(punct).then_some(())
    }

    /// Consumes `word`, which must come next as a keyword.
    pub fn expect_keyword(&mut self, word: &str) -> Fast<()> {
        self.keyword(word)?.then_some(())
    }

    /// Consumes `word` if it comes next as a keyword.
    pub fn keyword(&mut self, word: &str) -> Fast<bool> {
        if !self.text[self.pos..].starts_with(word) {
            return Some(false);
        }
        let end = self.pos + word.len();
        if self.name_char_at(end)? {
            return Some(false);
        }
        self.take(end);
        Some(true)
    }

    /// The next word, which must be a whole keyword, and its span.
    pub fn any_keyword(&mut self) -> Fast<(&'t str, SourceSpan)> {
        let end = self.run(self.pos, |b| b.is_ascii_alphanumeric() || b == b'_');
        if end == self.pos || self.name_char_at(end)? {
            return None;
        }
        let word = &self.text[self.pos..end];
        Some((word, self.take(end)))
    }

    /// One of `words`, as a keyword, with its span.
    pub fn one_of<T: Copy>(&mut self, words: &[(&str, T)]) -> Fast<Spanned<T>> {
        let (word, span) = self.any_keyword()?;
        let (_, value) = words.iter().find(|(w, _)| *w == word)?;
        Some(Spanned::new(*value, span))
    }

    /// `ident`: an ASCII letter or `_`, then letters, digits and `_`.
    pub fn ident(&mut self) -> Fast<Spanned<String>> {
        let first = self.peek()?;
        if !(first.is_ascii_alphabetic() || first == b'_') {
            return None;
        }
        let end = self.run(self.pos + 1, |b| b.is_ascii_alphanumeric() || b == b'_');
        Some(self.spanned_text(end))
    }

    /// `rule_id`: an ASCII letter, then letters, digits, `-`, `_` and `.`.
    pub fn rule_id(&mut self) -> Fast<Spanned<String>> {
        if !self.peek()?.is_ascii_alphabetic() {
            return None;
        }
        let end = self.run(self.pos + 1, |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
        });
        Some(self.spanned_text(end))
    }

    /// `lint_code`: ASCII letters, then digits (`PC015`).
    pub fn lint_code(&mut self) -> Fast<Spanned<String>> {
        let letters = self.run(self.pos, |b| b.is_ascii_alphabetic());
        let digits = self.run(letters, |b| b.is_ascii_digit());
        (letters > self.pos && digits > letters).then(|| self.spanned_text(digits))
    }

    /// A comparison (`cmp_op`), if one comes next.
    pub fn cmp_op(&mut self) -> Option<Spanned<CmpOp>> {
        let rest = &self.bytes()[self.pos..];
        let op = CMP_OPS
            .into_iter()
            .find(|op| rest.starts_with(op.symbol().as_bytes()))?;
        Some(Spanned::new(op, self.take(self.pos + op.symbol().len())))
    }

    fn spanned_text(&mut self, end: usize) -> Spanned<String> {
        let text = self.text[self.pos..end].to_string();
        Spanned::new(text, self.take(end))
    }

    /// A four-digit year, as lowering accepts it.
    pub fn year(&mut self) -> Fast<Spanned<u16>> {
        let end = self.run(self.pos, |b| b.is_ascii_digit());
        if end - self.pos != 4 || self.peek() == Some(b'0') || self.name_char_at(end)? {
            return None;
        }
        let year = self.text[self.pos..end].parse().ok()?;
        if self.bytes().get(end) == Some(&b'.') {
            return None;
        }
        Some(Spanned::new(year, self.take(end)))
    }

    /// `by YEAR` and `from YEAR`, each where written.
    pub fn period(&mut self) -> Fast<Period> {
        Some(Period {
            year: self.year_after("by")?,
            baseline: self.year_after("from")?,
        })
    }

    fn year_after(&mut self, keyword: &str) -> Fast<Option<Spanned<u16>>> {
        if self.keyword(keyword)? {
            Some(Some(self.year()?))
        } else {
            Some(None)
        }
    }

    /// A date that names a day (`YYYY-MM-DD`).
    pub fn date(&mut self) -> Fast<Spanned<String>> {
        if !self.peek()?.is_ascii_digit() {
            return None;
        }
        let end = self.run(self.pos, |b| {
            b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.')
        });
        let date = self.spanned_text(end);
        is_calendar_date(&date.node).then_some(date)
    }

    /// `-`? digits, then an optional fraction, as an exact decimal.
    pub fn number(&mut self) -> Fast<Spanned<Number>> {
        let sign = usize::from(self.peek() == Some(b'-'));
        let digits = self.run(self.pos + sign, |b| b.is_ascii_digit());
        if digits == self.pos + sign {
            return None;
        }
        let mut end = digits;
        if self.bytes().get(end) == Some(&b'.') {
            end = self.run(end + 1, |b| b.is_ascii_digit());
            if end == digits + 1 {
                return None;
            }
        }
        let text = &self.text[self.pos..end];
        let value = parse_decimal(text, (0, 0).into()).ok()?;
        let number = Number {
            text: text.to_string(),
            value,
        };
        Some(Spanned::new(number, self.take(end)))
    }

    /// A unit after a number, unless the next word is a keyword that may follow one.
    pub fn unit(&mut self) -> Fast<Option<Spanned<String>>> {
        // Keywords are lowercase letters and `_`: a longer run is not the keyword.
        let word_end = self.run(self.pos, |b| b.is_ascii_lowercase() || b == b'_');
        let word = &self.text[self.pos..word_end];
        if RESERVED.contains(&word) && !self.name_char_at(word_end)? {
            return Some(None);
        }
        let mut end = self.pos;
        for (i, c) in self.text[self.pos..].char_indices() {
            match c {
                '%' | '/' | '³' => {}
                c if c.is_ascii_alphanumeric() || is_han(c) => {}
                c if c.is_ascii() || c == '\u{3000}' => break,
                _ => return None,
            }
            end = self.pos + i + c.len_utf8();
        }
        Some((end > self.pos).then(|| self.spanned_text(end)))
    }

    /// A quoted string, unescaped, spanning its quotes.
    pub fn string(&mut self) -> Fast<Spanned<String>> {
        if self.peek()? != b'"' {
            return None;
        }
        let bytes = self.bytes();
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            match *bytes.get(i)? {
                b'"' => break,
                b'\\' => {
                    if !matches!(bytes.get(i + 1)?, b'"' | b'\\' | b'n' | b't') {
                        return None;
                    }
                    escaped = true;
                    i += 2;
                }
                b'\n' | b'\r' => return None,
                _ => i += 1,
            }
        }
        let raw = &self.text[start..i];
        let text = if escaped {
            unescape(raw)
        } else {
            raw.to_string()
        };
        Some(Spanned::new(text, self.take(i + 1)))
    }

    /// A province name: a string, or a word of letters (`word`).
    pub fn name(&mut self) -> Fast<Spanned<String>> {
        if self.peek()? == b'"' {
            return self.string();
        }
        let mut end = self.pos;
        for (i, c) in self.text[self.pos..].char_indices() {
            let continues = match c {
                c if c.is_ascii_alphabetic() || is_han(c) => true,
                c if c.is_ascii_digit() || c == '_' => i > 0,
                c if c.is_ascii() || c == '\u{3000}' => false,
                _ => return None,
            };
            if !continues {
                break;
            }
            end = self.pos + i + c.len_utf8();
        }
        (end > self.pos).then(|| self.spanned_text(end))
    }
}

/// Han characters of the first Unicode block, which have been letters (and so start and
/// continue names) since Unicode 1.1; other characters are left to pest's tables.
fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FA5}').contains(&c)
}
