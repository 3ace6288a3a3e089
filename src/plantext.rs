//! Reading a plan straight from its own Chinese text (work in progress, issue 11): the
//! document is folded ([`fold`]) into the text the plan-text grammar
//! (`grammar/plantext.pest`) reads, with a map back to the document for every span.

pub mod fold;
pub mod parser;
