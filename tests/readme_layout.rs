//! The README's examples of the rule, plan and test languages are in `fmt`'s canonical
//! layout, so that a reader who copies one gets a file `fmt --check` passes.

use plancheck::fmt::format;
use plancheck::syntax::Language;

/// Every fenced block of the README with its tag.
fn blocks(readme: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in readme.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(tag)) => open = Some((tag.to_string(), String::new())),
            (Some(_), Some("")) => found.extend(open.take()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    found
}

#[test]
fn the_readmes_examples_are_in_canonical_layout() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README");
    let mut checked = 0;
    for (tag, text) in blocks(&readme) {
        let Some(language) = Language::of(&format!("x.{tag}")) else {
            assert!(
                ["sh", "json", "yaml", "text", "lua", "js"].contains(&tag.as_str()),
                "a block tagged `{tag}`: tag the languages `rules`, `plan` or `tests`\n{text}"
            );
            continue;
        };
        let formatted = format(&text, language).unwrap_or_else(|e| panic!("{e}:\n{text}"));
        assert_eq!(formatted, text, "a `{tag}` example is not in fmt's layout");
        checked += 1;
    }
    assert!(checked >= 5, "the examples were found: {checked}");
}
