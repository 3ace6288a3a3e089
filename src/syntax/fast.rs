//! The fast path: hand-written readers for well-formed files, tried before pest.
//!
//! They read a subset of what the grammar accepts (no errors, nothing a lint or a message
//! would need pest's pairs for) and build the same tree, spans included. On anything else
//! they give up with `None`, and pest reads the file and explains what is wrong. The
//! differential tests (tests/fast_path.rs) and fuzz target hold both to the same answers.

mod cursor;
mod plan;

pub(super) use plan::plan;

use crate::ast::Spanned;

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
