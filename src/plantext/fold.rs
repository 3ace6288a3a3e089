//! Folding a document into the text the plan-text grammar reads, with a map back to the
//! document, so that every span the grammar gives points at the characters it came from.
//!
//! Copies of plans differ in ways a reader does not see: PDF text breaks lines and words
//! anywhere ("单位地 区生产总值", "到 2025 年"), some copies use full-width digits and
//! punctuation (１３.５％，), many mirrors are converted to traditional characters (達到,
//! 萬千瓦). Folding removes the differences so that one grammar reads them all: whitespace
//! inside the text goes, full-width forms become ASCII, traditional characters become
//! simplified (one character for one, so offsets stay aligned).

/// The folded text and, for each of its bytes (and its end), the byte offset in the
/// document it came from.
pub struct Folded<'d> {
    pub text: String,
    origin: Vec<u32>,
    document: &'d str,
}

impl<'d> Folded<'d> {
    /// The document as given.
    pub fn document(&self) -> &'d str {
        self.document
    }

    /// The document offset of the folded offset `at`.
    pub fn origin(&self, at: usize) -> usize {
        self.origin[at] as usize
    }

    /// The document span of the folded span `start..end`: from the first character's start
    /// to the last character's end.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin(start);
        if end <= start {
            return (from, 0);
        }
        let last = self.text[..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let to = self.origin(end - last) + self.source_len(end - last);
        (from, to - from)
    }

    /// The length in the document of the character that folds to the one at `at`: not the
    /// distance to the next folded character, which may lie past whitespace that was removed.
    fn source_len(&self, at: usize) -> usize {
        let source = &self.document[self.origin(at)..];
        let folded = self.text[at..].chars().next();
        // A character an HTML reference stands for (`&percnt;` for `%`) ends with it.
        if source.starts_with('&') && (folded != Some('&') || stands_for_ampersand(source)) {
            return reference_len(source);
        }
        source.chars().next().map_or(0, char::len_utf8)
    }

    fn push(&mut self, c: char, at: usize) {
        for _ in 0..c.len_utf8() {
            self.origin.push(at as u32);
        }
        self.text.push(c);
    }

    /// A header or separator, on a line of its own, as written.
    fn keep_line(&mut self, line: &str, start: usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push('\n', start);
        }
        for (i, c) in line.char_indices() {
            self.push(c, start + i);
        }
        self.push('\n', start + line.len());
    }

    /// A line of text: its characters folded, its whitespace (line end included) gone.
    fn fold_line(&mut self, line: &str, simplified: &mut std::str::Chars, start: usize) {
        for ((i, c), s) in line.char_indices().zip(simplified) {
            if c.is_whitespace() || c == '\u{FEFF}' {
                continue;
            }
            self.push(ascii_form(s), start + i);
        }
    }
}

/// Lines kept whole: excerpt headers (`# address: …`) and separators between documents.
fn kept_whole(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('#') || (line.len() >= 3 && line.bytes().all(|b| b == b'='))
}

impl<'d> Folded<'d> {
    fn empty(document: &'d str) -> Self {
        Folded {
            text: String::with_capacity(document.len()),
            origin: Vec::with_capacity(document.len() + 1),
            document,
        }
    }
}

pub fn fold(document: &str) -> Folded<'_> {
    let simplified = fast2s::convert(document);
    let mut folded = Folded::empty(document);
    // One simplified character for each character of the document, in step with it.
    let mut simplified = simplified.chars();
    let mut start = 0;
    for line in document.split_inclusive('\n') {
        if line.trim().is_empty() {
            // A blank line: a paragraph break, kept as one line end.
            if !folded.text.is_empty() && !folded.text.ends_with('\n') {
                folded.push('\n', start);
            }
            simplified
                .by_ref()
                .take(line.chars().count())
                .for_each(drop);
        } else if kept_whole(line) {
            folded.keep_line(line.trim_end_matches(['\n', '\r']), start);
            simplified
                .by_ref()
                .take(line.chars().count())
                .for_each(drop);
        } else {
            folded.fold_line(line, &mut simplified, start);
        }
        start += line.len();
    }
    folded.origin.push(document.len() as u32);
    folded
}

/// An HTML page folded as a document: its text, without tags, scripts and styles, with
/// character references resolved, each character mapped back to its place in the HTML.
pub fn fold_html(html: &str) -> Folded<'_> {
    let visible = visible_chars(html);
    let text: String = visible.iter().map(|(c, _)| *c).collect();
    let simplified = fast2s::convert(&text);
    let mut folded = Folded::empty(html);
    for ((c, at), s) in visible.iter().zip(simplified.chars()) {
        if !c.is_whitespace() && *c != '\u{FEFF}' {
            folded.push(ascii_form(s), *at);
        }
    }
    folded.origin.push(html.len() as u32);
    folded
}

/// The text of a piece of a page as a browser shows it, markup and references resolved.
pub fn visible_text(html: &str) -> String {
    visible_chars(html).into_iter().map(|(c, _)| c).collect()
}

/// The characters of a page a browser shows, with the offset each starts at in the HTML.
fn visible_chars(html: &str) -> Vec<(char, usize)> {
    use html5gum::{DefaultEmitter, Token, Tokenizer};

    const HIDDEN: [&[u8]; 4] = [b"script", b"style", b"template", b"noscript"];
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style text is read raw, as a browser does, so that a `<` in a script
    // does not open a tag.
    emitter.naively_switch_states(true);
    let mut hidden: Option<Vec<u8>> = None;
    let mut out = Vec::with_capacity(html.len() / 2);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::String(text) if hidden.is_none() => {
                let (start, end) = (text.span.start, text.span.end);
                let decoded = String::from_utf8_lossy(&text.value);
                align(&decoded, &html[start..end.min(html.len())], start, &mut out);
            }
            Token::StartTag(tag) if hidden.is_none() && HIDDEN.contains(&&tag.name[..]) => {
                hidden = (!tag.self_closing).then(|| tag.name.to_vec());
            }
            Token::EndTag(tag) if hidden.as_deref() == Some(&tag.name[..]) => hidden = None,
            _ => {}
        }
    }
    out
}

/// Maps each character of a run of text, its character references resolved, to its place
/// in the HTML `raw` it was read from (at `start`): a character written as itself is where
/// it is written; one that a reference (`&nbsp;`, `&#21040;`) stands for is at the `&`.
fn align(decoded: &str, raw: &str, start: usize, out: &mut Vec<(char, usize)>) {
    let mut at = 0;
    for c in decoded.chars() {
        // The tokenizer reads a CRLF as one LF.
        if c == '\n' && raw[at..].starts_with('\r') {
            at += 1;
        }
        out.push((c, start + at));
        let rest = &raw[at..];
        if rest.starts_with('&') && (c != '&' || stands_for_ampersand(rest)) {
            at += reference_len(rest);
        } else if rest.starts_with(c) {
            at += c.len_utf8();
        }
    }
}

/// The length of the character reference `raw` starts with: `&name;`, `&#123;`, or a
/// legacy `&amp` without its `;`.
fn reference_len(raw: &str) -> usize {
    let name = raw[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(raw.len(), |i| i + 1);
    name + usize::from(raw[name..].starts_with(';'))
}

/// Whether `raw` starts with a reference to `&` itself (`&amp;`, `&#38;`, `&#x26;`), which
/// reads as the same character a bare `&` does.
fn stands_for_ampersand(raw: &str) -> bool {
    let name = raw[1..reference_len(raw)].trim_end_matches(';');
    let number = match name.strip_prefix('#') {
        Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
        Some(decimal) => decimal.parse().ok(),
        None => return name.eq_ignore_ascii_case("amp"),
    };
    number == Some(38)
}

/// The ASCII character a full-width form (U+FF01 to U+FF5E) stands for.
fn ascii_form(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_folds_to_its_text_with_spans_into_the_html() {
        let html = "<html><head><title>山东省</title><style>p{color:red}</style></head>\r\n\
                    <body><p>到&nbsp;2025&#24180;,<b>非化石</b>能源消费比重达到13%</p>\
                    <script>var a = '<p>下降99%';</script></body></html>";
        let f = fold_html(html);
        assert_eq!(f.text, "山东省到2025年,非化石能源消费比重达到13%");
        let at = f.text.find("13%").unwrap();
        let (from, len) = f.span(at, at + 3);
        assert_eq!(&html[from..from + len], "13%");
        let at = f.text.find('年').unwrap();
        assert_eq!(&html[f.origin(at)..f.origin(at) + 8], "&#24180;");
    }

    #[test]
    fn an_ampersand_written_as_a_reference_is_passed_whole() {
        for amp in ["&amp;", "&AMP;", "&#38;", "&#x26;", "&amp", "&"] {
            let html = format!("<p>A{amp} 达到13%</p>");
            let f = fold_html(&html);
            assert_eq!(f.text, "A&达到13%", "{amp}");
            let at = f.text.find("13%").unwrap();
            let (from, len) = f.span(at, at + 3);
            assert_eq!(&html[from..from + len], "13%", "{amp}");
            let at = f.text.find('&').unwrap();
            let (from, len) = f.span(at, at + 1);
            assert_eq!(&html[from..from + len], amp, "{amp}");
        }
    }

    #[test]
    fn spaces_go_and_spans_point_back() {
        let doc = "到 2025 年,比 2020 年下降 14%";
        let f = fold(doc);
        assert_eq!(f.text, "到2025年,比2020年下降14%");
        let at = f.text.find("14%").unwrap();
        let (from, len) = f.span(at, at + 3);
        assert_eq!(&doc[from..from + len], "14%");
    }

    #[test]
    fn a_span_ends_at_its_last_character_not_at_the_space_after_it() {
        let doc = "下降 14 %";
        let f = fold(doc);
        let at = f.text.find("14").unwrap();
        let (from, len) = f.span(at, at + 2);
        assert_eq!(&doc[from..from + len], "14");
    }

    #[test]
    fn full_width_and_traditional_forms_fold() {
        let doc = "達到１３.５％，萬千瓦";
        let f = fold(doc);
        assert_eq!(f.text, "达到13.5%,万千瓦");
        let (from, len) = f.span(0, f.text.len());
        assert_eq!((from, len), (0, doc.len()));
        let at = f.text.find('%').unwrap();
        assert_eq!(
            f.span(at, at + 1),
            (doc.find('％').unwrap(), '％'.len_utf8())
        );
    }

    #[test]
    fn a_word_broken_across_lines_is_whole_again() {
        let f = fold("二氧化\r\n碳排放");
        assert_eq!(f.text, "二氧化碳排放");
    }

    #[test]
    fn headers_and_separators_stay_on_lines_of_their_own() {
        let f = fold("# address: http://x\n到2025年\n\n=====\n# note\n到2030年");
        assert_eq!(
            f.text,
            "# address: http://x\n到2025年\n=====\n# note\n到2030年"
        );
    }
}
