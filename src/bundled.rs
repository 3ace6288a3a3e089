//! The national rules and the 31 provincial plans, built into the binary.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

use crate::source::SourceFile;

/// What a bundled file's name starts with: `<bundled>/rules/national.rules` is the
/// repository's `rules/national.rules` as built into the binary. An installed binary runs in
/// folders that hold no such file, so a diagnostic naming the bare path would point nowhere.
pub const PREFIX: &str = "<bundled>/";

fn files(bundle: &[(&str, &'static str)]) -> Vec<SourceFile> {
    bundle
        .iter()
        .map(|(name, text)| SourceFile::new(format!("{PREFIX}{name}"), *text))
        .collect()
}

/// The national rules.
pub fn rule_files() -> Vec<SourceFile> {
    files(RULES)
}

/// The tests of the national rules.
pub fn test_files() -> Vec<SourceFile> {
    files(TESTS)
}

/// The 31 provincial plans.
pub fn plan_files() -> Vec<SourceFile> {
    files(PLANS)
}

/// Whether a plan's text is that of one of the bundled plans.
pub fn is_bundled_plan(text: &str) -> bool {
    PLANS.iter().any(|(_, bundled)| *bundled == text)
}

/// Whether a rule file's text is that of one of the national rule files.
pub fn is_bundled_rules(text: &str) -> bool {
    RULES.iter().any(|(_, bundled)| *bundled == text)
}
