//! The national rules and the 31 provincial plans, built into the binary.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

use crate::source::SourceFile;

/// The files as they would be read from the repository, with the same names.
pub fn rule_files() -> Vec<SourceFile> {
    RULES
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect()
}

/// The tests of the national rules.
pub fn test_files() -> Vec<SourceFile> {
    TESTS
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect()
}

pub fn plan_files() -> Vec<SourceFile> {
    PLANS
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect()
}

/// Whether a plan's text is that of one of the bundled plans.
pub fn is_bundled_plan(text: &str) -> bool {
    PLANS.iter().any(|(_, bundled)| *bundled == text)
}
