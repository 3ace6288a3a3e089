//! A strict JSON reader (RFC 8259): the fast path for JSON plans. It gives no reasons: on
//! anything it does not accept it returns `None`, and the caller reads the text again with
//! jsonc-parser, which explains what is wrong.
//!
//! The tree is a tape: every value is one 16-byte entry, in document order, in one vector;
//! an object or array links to the entry after its last descendant. A tree of one vector per
//! object took twice the memory and an allocation per object, and a 4 MB plan then spent
//! more time in the allocator and in page faults than in reading.

use super::read::{Json, Kind, Prop};
use crate::syntax::MAX_DEPTH;

pub(super) struct Tree<'a> {
    text: &'a str,
    entries: Vec<Entry>,
    /// The strings that had escapes, decoded.
    decoded: Vec<String>,
}

/// One value: where it was written (a string's quotes included) and, for an object or array,
/// the entry after its last descendant; for a string, 0 when it is the text between its
/// quotes, else one more than its index in `decoded`.
#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    end: u32,
    link: u32,
    kind: Kind,
}

/// The one JSON value in `text`, with nothing but whitespace after it. Offsets are kept in 32
/// bits, so a text of 4 GiB or more goes the slow way.
pub(super) fn parse(text: &str) -> Option<Tree<'_>> {
    u32::try_from(text.len()).ok()?;
    let mut parser = Parser::new(text);
    parser.value()?;
    parser.skip_whitespace();
    (parser.pos == text.len()).then_some(parser.tree)
}

impl<'a> Tree<'a> {
    pub(super) fn root(&self) -> Node<'_> {
        Node { tree: self, at: 0 }
    }
}

/// A value in a [`Tree`].
#[derive(Clone, Copy)]
pub(super) struct Node<'t> {
    tree: &'t Tree<'t>,
    at: usize,
}

impl<'t> Node<'t> {
    fn entry(self) -> Entry {
        self.tree.entries[self.at]
    }

    /// The entry after this value and everything in it.
    fn after(self) -> usize {
        match self.entry() {
            Entry {
                kind: Kind::Object | Kind::Array,
                link,
                ..
            } => link as usize,
            _ => self.at + 1,
        }
    }

    fn children(self) -> Children<'t> {
        Children {
            tree: self.tree,
            at: self.at + 1,
            end: self.entry().link as usize,
        }
    }
}

impl<'t> Json<'t> for Node<'t> {
    fn kind(self) -> Kind {
        self.entry().kind
    }

    fn range(self) -> (usize, usize) {
        let e = self.entry();
        (e.start as usize, (e.end - e.start) as usize)
    }

    fn as_str(self) -> Option<&'t str> {
        let e = self.entry();
        match (e.kind, e.link) {
            (Kind::String, 0) => Some(&self.tree.text[e.start as usize + 1..e.end as usize - 1]),
            (Kind::String, n) => Some(&self.tree.decoded[n as usize - 1]),
            _ => None,
        }
    }

    fn as_number(self) -> Option<&'t str> {
        let e = self.entry();
        (e.kind == Kind::Number).then(|| &self.tree.text[e.start as usize..e.end as usize])
    }

    fn items(self) -> Option<impl Iterator<Item = Self> + Clone> {
        (self.kind() == Kind::Array).then(|| self.children())
    }

    fn props(self) -> Option<impl Iterator<Item = Prop<'t, Self>>> {
        if self.kind() != Kind::Object {
            return None;
        }
        let mut children = self.children();
        Some(std::iter::from_fn(move || {
            let name = children.next()?;
            Some(Prop {
                name: name.as_str()?,
                name_range: name.range(),
                value: children.next()?,
            })
        }))
    }
}

/// The items of an array, or the names and values of an object one after the other.
#[derive(Clone)]
struct Children<'t> {
    tree: &'t Tree<'t>,
    at: usize,
    end: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        if self.at == self.end {
            return None;
        }
        let node = Node {
            tree: self.tree,
            at: self.at,
        };
        self.at = node.after();
        Some(node)
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Brackets open around `pos`; the pre-scan of the slow path refuses more than
    /// [`MAX_DEPTH`], and so does this, which also keeps the recursion shallow.
    depth: usize,
    tree: Tree<'a>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            tree: Tree {
                text,
                entries: Vec::new(),
                decoded: Vec::new(),
            },
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// JSON's four whitespace bytes only: jsonc-parser takes more (form feed, Unicode
    /// spaces), which then go the slow way.
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips whitespace, then takes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    /// Adds the value from `start` to here; always `Some`, for the readers of one value to
    /// end with. `parse` made sure that offsets fit in 32 bits.
    fn push(&mut self, kind: Kind, start: usize, link: usize) -> Option<()> {
        self.tree.entries.push(Entry {
            start: start as u32,
            end: self.pos as u32,
            link: link as u32,
            kind,
        });
        Some(())
    }

    fn value(&mut self) -> Option<()> {
        self.skip_whitespace();
        let start = self.pos;
        match self.peek()? {
            b'{' => self.list(Kind::Object, b'}', Self::prop),
            b'[' => self.list(Kind::Array, b']', Self::value),
            b'"' => self.string(),
            b't' => self.word("true", Kind::Bool),
            b'f' => self.word("false", Kind::Bool),
            b'n' => self.word("null", Kind::Null),
            _ => {
                self.number()?;
                self.push(Kind::Number, start, 0)
            }
        }
    }

    /// An object or array, from its opening bracket to `close`, with each item read by
    /// `item`; its entry comes before its items', and is completed once it closes.
    fn list(
        &mut self,
        kind: Kind,
        close: u8,
        item: impl Fn(&mut Self) -> Option<()>,
    ) -> Option<()> {
        let (start, at) = (self.pos, self.tree.entries.len());
        self.pos += 1;
        self.push(kind, start, 0)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        if !self.eat(close) {
            loop {
                item(self)?;
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        self.depth -= 1;
        let link = self.tree.entries.len() as u32;
        let entry = &mut self.tree.entries[at];
        (entry.end, entry.link) = (self.pos as u32, link);
        Some(())
    }

    fn prop(&mut self) -> Option<()> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return None;
        }
        self.string()?;
        if !self.eat(b':') {
            return None;
        }
        self.value()
    }

    fn word(&mut self, word: &str, kind: Kind) -> Option<()> {
        let start = self.pos;
        if !self.bytes[start..].starts_with(word.as_bytes()) {
            return None;
        }
        self.pos += word.len();
        self.push(kind, start, 0)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; whatever follows is the
    /// caller's to accept or refuse, so `01` and `1.2.3` fail there.
    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits()?,
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        Some(())
    }

    /// Skips one digit or more.
    fn digits(&mut self) -> Option<()> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        (self.pos > start).then_some(())
    }

    /// A string from its opening quote. Nearly every string in a plan has no escapes, and is
    /// then kept as where it was written, without copying it.
    fn string(&mut self) -> Option<()> {
        let start = self.pos;
        let end = self.plain_run(start + 1);
        let link = match self.bytes.get(end)? {
            b'"' => {
                self.pos = end + 1;
                0
            }
            b'\\' => {
                let decoded = self.escaped(start + 1, end)?;
                self.tree.decoded.push(decoded);
                self.tree.decoded.len()
            }
            _ => return None,
        };
        self.push(Kind::String, start, link)
    }

    /// Where the bytes a string holds as they are, from `from` on, end: at a quote, a
    /// backslash, a raw control character (which JSON refuses) or the end of the text. The
    /// three stops are ASCII, so the run ends on a character boundary. Eight bytes at a time.
    fn plain_run(&self, from: usize) -> usize {
        let mut i = from;
        while let Some(chunk) = self.bytes.get(i..i + 8) {
            let stops = stops(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
            if stops != 0 {
                return i + (stops.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        let rest = self.bytes[i..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        rest.map_or(self.bytes.len(), |p| i + p)
    }

    /// The rest of a string that has escapes, from `start`, with the first escape at `end`.
    fn escaped(&mut self, mut start: usize, mut end: usize) -> Option<String> {
        let mut out = String::new();
        loop {
            out.push_str(&self.text[start..end]);
            match self.bytes.get(end)? {
                b'"' => {
                    self.pos = end + 1;
                    return Some(out);
                }
                b'\\' => {
                    self.pos = end + 1;
                    out.push(self.escape()?);
                }
                _ => return None,
            }
            start = self.pos;
            end = self.plain_run(start);
        }
    }

    /// One escape, from the byte after its backslash.
    fn escape(&mut self) -> Option<char> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(),
            _ => return None,
        })
    }

    /// `\uXXXX`, or two of them for a surrogate pair; a lone surrogate is refused.
    fn unicode(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            // `None` for a low surrogate without a high one before it.
            return char::from_u32(first);
        }
        if self.bytes.get(self.pos..self.pos + 2)? != b"\\u" {
            return None;
        }
        self.pos += 2;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        digits
            .iter()
            .try_fold(0, |acc, &d| Some(acc * 16 + char::from(d).to_digit(16)?))
    }
}

/// The high bit of each byte of `word` (little-endian) that ends a plain run: a quote, a
/// backslash or a control character. Bytes above the lowest such byte may be marked wrongly
/// (a borrow carries upwards), so only the lowest mark is to be trusted.
fn stops(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64, byte: u8| word.wrapping_sub(ONES * u64::from(byte)) & !word & HIGH;
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    quote | backslash | below(word, 0x20)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(text: &str) -> bool {
        parse(text).is_some()
    }

    #[test]
    fn refuses_what_rfc_8259_refuses() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "// c\n{}",
            "{} {}",
            "tru",
            "nul",
            "[\"\t\"]",
            "\"\\x41\"",
            "\"\\'\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\u12\"",
            "\u{a0}1",
            "\u{c}1",
            "\"open",
            "\u{feff}{}",
            "[\"a\n]",
        ] {
            assert!(!accepts(text), "accepted {text:?}");
        }
    }

    #[test]
    fn accepts_what_rfc_8259_accepts() {
        for text in [
            "{}",
            "[]",
            " 0 ",
            "-0.5e+3",
            "1E-2",
            "true",
            "null",
            "\"\\u00e9\\ud83d\\ude00\\/\"",
            "{\"a\":[1,{\"b\":null}],\"a\":false}",
            "\"碳达峰\"",
        ] {
            assert!(accepts(text), "refused {text:?}");
        }
    }

    #[test]
    fn decodes_escapes_and_borrows_plain_strings() {
        let tree = parse("[\"a\\n\\u00e9\\ud83d\\ude00\\\"b\", \"碳\"]").unwrap();
        let items: Vec<_> = tree.root().items().unwrap().collect();
        assert_eq!(items[0].as_str(), Some("a\né😀\"b"));
        assert_eq!(items[1].as_str(), Some("碳"));
        assert_eq!(
            tree.decoded.len(),
            1,
            "only the string with escapes is copied"
        );
    }

    #[test]
    fn plain_runs_end_where_a_byte_by_byte_scan_ends() {
        let scan = |s: &str| {
            let stop = s.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20);
            stop.unwrap_or(s.len())
        };
        for filler in ["a", " ", "!", "#", "[", "]", "\u{7f}", "é", "碳"] {
            for stop in ["", "\"", "\\", "\u{0}", "\u{1f}", "\n", "\t"] {
                for before in 0..18 {
                    let text = format!("{}{stop}{}\u{1}", filler.repeat(before), filler.repeat(9));
                    assert_eq!(Parser::new(&text).plain_run(0), scan(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn spans_cover_the_written_value() {
        let tree = parse(" { \"k\" : [ 1.5 ], \"l\": {} } ").unwrap();
        let root = tree.root();
        assert_eq!(root.range(), (1, 26));
        let props: Vec<_> = root.props().unwrap().collect();
        assert_eq!((props[0].name, props[0].name_range), ("k", (3, 3)));
        assert_eq!(props[0].value.range(), (9, 7));
        assert_eq!(
            props[0].value.items().unwrap().next().unwrap().as_number(),
            Some("1.5")
        );
        assert_eq!((props[1].name, props[1].value.kind()), ("l", Kind::Object));
        assert_eq!(props.len(), 2);
    }

    #[test]
    fn the_depth_limit_is_that_of_the_pre_scan() {
        let nested = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(accepts(&nested(MAX_DEPTH)));
        assert!(!accepts(&nested(MAX_DEPTH + 1)));
    }
}
