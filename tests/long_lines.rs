//! A file may hold everything on one very long line (minified, or generated). A diagnostic far
//! out on such a line is shown with the part of the line around it, at its true column;
//! miette would otherwise panic padding a label to a column past 65,535.

mod common;

use std::fs;

use common::{code, plancheck_in, stdout};

/// `before`, padded with spaces so that `after` starts at column 100,000 of line 1.
fn at_column_100_000(before: &str, after: &str) -> String {
    format!("{before}{}{after}\n", " ".repeat(99_999 - before.len()))
}

#[test]
fn a_syntax_error_at_column_100_000_of_a_plan_is_shown_there() {
    let dir = tempfile::tempdir().unwrap();
    let text = at_column_100_000("province Beijing", "@");
    fs::write(dir.path().join("long.plan"), text).unwrap();
    let output = plancheck_in(dir.path(), &["check", "long.plan"]);
    assert_eq!(code(&output), 2);
    let human = stdout(&output);
    assert!(human.contains("╭─[long.plan:1:100000]"), "{human}");
    assert!(human.lines().all(|l| l.chars().count() < 200), "{human}");
    insta::assert_snapshot!(human);
}

#[test]
fn an_unknown_indicator_at_column_100_000_of_a_rule_file_is_shown_there() {
    let dir = tempfile::tempdir().unwrap();
    let text = at_column_100_000(
        "rule X \"t\" { kind floor require",
        "nosuch by 2025 >= 1 % }",
    );
    fs::write(dir.path().join("long.rules"), text).unwrap();
    let output = plancheck_in(dir.path(), &["lint", "long.rules"]);
    assert_eq!(code(&output), 2);
    let human = stdout(&output);
    assert!(human.contains("╭─[long.rules:1:100000]"), "{human}");
    insta::assert_snapshot!(human);
}

#[test]
fn labels_far_apart_or_very_long_on_one_line_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let before =
        "province Beijing target energy_intensity_cut by 2025 from 2020 { value 14 % document \"";
    // Two labels (both `document` fields): a short one near the start and one at column
    // 100,000; then a label 100,000 characters long, of Chinese text, so that the window
    // is cut inside multi-byte characters.
    let far = at_column_100_000(&format!("{before}a\""), "document \"again\" }");
    let long = format!("{before}{}\" document \"again\" }}\n", "长".repeat(100_000));
    for (name, text) in [("far.plan", far), ("long.plan", long)] {
        fs::write(dir.path().join(name), text).unwrap();
        for format in ["human", "json", "sarif", "github", "junit"] {
            let output = plancheck_in(dir.path(), &["check", name, "--format", format]);
            assert_eq!(code(&output), 2, "{name} {format}");
            assert!(stdout(&output).contains("PC109"), "{name} {format}");
        }
    }
}
