//! The text of a Word document (`.docx`): a zip archive whose `word/document.xml` holds
//! the paragraphs. Each paragraph becomes a line, so that spans point at lines and columns
//! a reviewer finds in the document.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// Larger than any plan's text; stops a zip bomb from filling memory.
const MAX_XML: u64 = 64 << 20;

/// The paragraphs of the document, one a line; or why there are none.
pub fn text_of(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a zip archive, as a .docx file is ({e})"))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "a zip archive without word/document.xml: not a Word document".to_string())?;
    let mut xml = String::new();
    entry
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| format!("word/document.xml cannot be read ({e})"))?;
    paragraphs(&xml).map_err(|e| format!("word/document.xml is not well-formed XML ({e})"))
}

/// Why a document's XML, read to its end without a fault, is still no document.
#[derive(Debug, thiserror::Error)]
enum Unfinished {
    #[error(transparent)]
    Xml(#[from] quick_xml::Error),
    #[error("it holds no <w:document> element")]
    NoDocument,
    #[error("it ends inside {0} element(s): the file is cut short")]
    CutShort(usize),
}

/// The text of the runs (`<w:t>`), with a line end after each paragraph (`</w:p>`). The
/// reader does not count open elements, so a file cut short is found here, and not read as
/// a shorter document.
fn paragraphs(xml: &str) -> Result<String, Unfinished> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let (mut in_text, mut open, mut document) = (false, 0usize, false);
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                open += 1;
                document |= e.name().as_ref() == "w:document";
                in_text = e.name().as_ref() == "w:t";
            }
            Event::End(e) => {
                open = open.saturating_sub(1);
                match e.name().as_ref() {
                    "w:t" => in_text = false,
                    "w:p" => out.push('\n'),
                    _ => {}
                }
            }
            Event::Empty(e) if matches!(e.name().as_ref(), "w:br" | "w:cr") => out.push('\n'),
            Event::Empty(e) if e.name().as_ref() == "w:tab" => out.push('\t'),
            Event::Text(t) if in_text => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = r.resolve_char_ref()? {
                    out.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    out.push_str(s);
                }
            }
            Event::Eof if !document => return Err(Unfinished::NoDocument),
            Event::Eof if open > 0 => return Err(Unfinished::CutShort(open)),
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}
