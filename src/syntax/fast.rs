//! The fast path: hand-written readers for well-formed files, tried before pest.
//!
//! They read a subset of what the grammar accepts (no errors, nothing a lint or a message
//! would need pest's pairs for) and build the same tree, spans included. On anything else
//! they give up with `None`, and pest reads the file and explains what is wrong. The
//! differential tests (tests/fast_path.rs) and fuzz targets hold both to the same answers.

mod cursor;
mod plan;
mod rules;

pub(super) use plan::plan;
pub(super) use rules::rules;

use miette::SourceSpan;

use crate::ast::Spanned;
use cursor::Cursor;

/// `None`: not a file (or not a piece) the fast path reads; pest decides.
type Fast<T> = Option<T>;

/// Stores a field given once per block; a second one is an error, which pest reports.
fn once<T>(slot: &mut Option<Spanned<T>>, value: Spanned<T>) -> Fast<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// A block, `{ field* }`: `field` reads what follows each field's keyword, given with its
/// span.
fn fields<'t>(
    c: &mut Cursor<'t>,
    mut field: impl FnMut(&mut Cursor<'t>, &'t str, SourceSpan) -> Fast<()>,
) -> Fast<()> {
    c.expect(b'{')?;
    while !c.eat(b'}') {
        let (word, span) = c.any_keyword()?;
        field(c, word, span)?;
    }
    Some(())
}

/// A string that says something (a reason, an approver); an empty one is an error.
fn said(c: &mut Cursor) -> Fast<Spanned<String>> {
    let text = c.string()?;
    (!text.node.trim().is_empty()).then_some(text)
}
