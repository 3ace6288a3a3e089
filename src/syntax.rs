//! Step one: text to pest pairs, and pairs to the typed syntax tree.
//!
//! Each language has one small `lower_<rule>` function per grammar rule. Errors carry byte
//! spans into the file; [`crate::problem::Problem`] attaches the file when they are reported.

mod error;
mod expected;
mod json;
mod limits;
mod lower;
mod lower_plan;
mod lower_rules;
mod lower_tests;
mod parser;

pub use error::SyntaxError;
pub use json::parse_json_plan;
pub use limits::{MAX_DEPTH, check_nesting};
pub use lower_plan::{calendar_date, parse_plan};
pub use lower_rules::parse_rules;
pub use lower_tests::parse_tests;
