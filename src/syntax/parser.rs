//! The pest parser, derived from the grammar files.

#[derive(pest_derive::Parser)]
#[grammar = "grammar/common.pest"]
#[grammar = "grammar/rules.pest"]
#[grammar = "grammar/plan.pest"]
#[grammar = "grammar/tests.pest"]
pub struct PlanCheckParser;
