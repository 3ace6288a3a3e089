//! plancheck checks China's provincial carbon-peaking plans against national requirements.
//!
//! The pipeline, one module per stage:
//! [`syntax`] (text to pest pairs to the typed [`ast`]) → [`resolve`] (names, units and
//! years, giving the [`model`]) → [`eval`] (verdicts) → [`finding`] (what is reported) →
//! [`render`] (human, JSON). [`check`] runs the whole of it.

// The parsers pest derives name `alloc`, which pest without `std` leaves to the crate.
extern crate alloc;

pub mod ast;
pub mod bundled;
pub mod catalogue;
pub mod check;
pub mod cities;
pub mod codes;
pub mod eval;
pub mod explain;
pub mod finding;
pub mod fmt;
pub mod input;
pub mod invisible;
pub mod lint;
pub mod lsp;
pub mod model;
pub mod plantext;
pub mod problem;
pub mod provinces;
pub mod render;
pub mod report;
pub mod resolve;
pub mod ruletest;
pub mod scenario;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod units;
pub mod workload;
