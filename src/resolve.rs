//! Step three: names resolved, units converted, years checked. The syntax tree becomes the
//! model that evaluation reads; every problem found is returned, located in its file.

mod error;
mod plan;
mod plan_set;
mod quantity;
mod rules;

pub use error::ResolveError;
pub use plan::{period_words, resolve_plan};
pub use plan_set::{replace_bundled, unique_provinces};
pub use rules::resolve_rules;
