//! What the plan targets share: the bundled rules, loaded once, and a plan checked against
//! them end to end, renderers included.

use std::sync::OnceLock;

use plancheck::check::{check_against, load_rules};
use plancheck::model::{RuleSet, Sources};
use plancheck::render::{HumanOptions, render_human, render_json};
use plancheck::source::SourceFile;

fn bundled() -> &'static (Sources, RuleSet) {
    static RULES: OnceLock<(Sources, RuleSet)> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut sources = Sources::default();
        let rules = load_rules(&mut sources, plancheck::bundled::rule_files())
            .expect("the bundled rules load");
        (sources, rules)
    })
}

/// Checks one plan file against the bundled rules and renders the result as a user sees it.
pub fn check_plan(name: &str, text: &str) {
    let (sources, rules) = bundled();
    let file = SourceFile::new(name, text);
    let today = time::macros::date!(2026 - 01 - 01);
    let checked = check_against(
        sources.clone(),
        rules.clone(),
        vec![file],
        Vec::new(),
        today,
        &mut || {},
    );
    let _ = render_human(&checked, &HumanOptions::default());
    let _ = render_json(&checked);
}
