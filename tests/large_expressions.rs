//! Scope expressions of any length, and nesting past the limit, are handled without
//! overflowing the stack: a chain of terms is kept as a list however long it is, and
//! brackets nested deeper than 64 levels are refused (PC104) before any parser recurses on
//! them. The inputs are built here, so the tests do not depend on files of a release.

mod common;

use std::fs;
use std::path::Path;

use common::{code, plancheck_in, stdout};
use serde_json::Value;

const NAMES: [&str; 5] = ["Beijing", "Tianjin", "Hebei", "Shanxi", "Liaoning"];

/// `count` one-province lists joined by `op`, cycling through five provinces.
fn chain(count: usize, op: &str) -> String {
    (0..count)
        .map(|i| format!("[{}]", NAMES[i % NAMES.len()]))
        .collect::<Vec<_>>()
        .join(&format!(" {op} "))
}

/// A rule file with one rule whose scope is `scope`.
fn rules_with_scope(scope: &str) -> String {
    format!(
        "indicator x {{ unit % }}\n\nrule X \"t\" {{\n    kind floor\n    scope {scope}\n    require x by 2025 >= 1 %\n}}\n"
    )
}

const PLAN: &str = "province Beijing\ntarget x by 2025 { value 2 % }\n";

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

/// The outcome of rule `X` for Beijing, or null when Beijing is not in its scope.
fn beijing_outcome(dir: &Path) -> Value {
    let output = plancheck_in(
        dir,
        &[
            "check",
            "--rules",
            "x.rules",
            "beijing.plan",
            "--format",
            "json",
        ],
    );
    assert!(code(&output) < 2, "{}", stdout(&output));
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = doc["findings"].as_array().unwrap().clone();
    findings
        .into_iter()
        .find(|f| f["rule"] == "X" && f["province"] == "Beijing")
        .map_or(Value::Null, |f| f["outcome"].clone())
}

#[test]
fn a_scope_of_fifty_thousand_terms_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "beijing.plan", PLAN);
    let cases = [
        (chain(50_000, "+"), "\"pass\""),
        (chain(50_000, "&"), "null"),
        (
            format!("every province except {}", chain(50_000, "except")),
            "null",
        ),
        (format!("[Beijing] & {}", chain(50_000, "+")), "\"pass\""),
    ];
    for (scope, beijing) in cases {
        write(dir.path(), "x.rules", &rules_with_scope(&scope));
        let lint = plancheck_in(dir.path(), &["lint", "x.rules"]);
        assert!(code(&lint) < 2, "{}", stdout(&lint));
        assert_eq!(
            beijing_outcome(dir.path()).to_string(),
            beijing,
            "{}",
            &scope[..40]
        );
    }
    let fmt = plancheck_in(dir.path(), &["fmt", "x.rules"]);
    assert_eq!(code(&fmt), 0, "{}", stdout(&fmt));
    assert_eq!(
        beijing_outcome(dir.path()).to_string(),
        "\"pass\"",
        "formatted"
    );
}

#[test]
fn a_group_of_fifty_thousand_terms_is_resolved() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "beijing.plan", PLAN);
    let text = format!(
        "group g = {}\n\n{}",
        chain(50_000, "+"),
        rules_with_scope("group g")
    );
    write(dir.path(), "x.rules", &text);
    assert_eq!(beijing_outcome(dir.path()).to_string(), "\"pass\"");
}

/// How deep the bracket at `offset` opens (the rule files here have no strings with brackets).
fn depth_at(text: &str, offset: usize) -> i64 {
    text[..=offset]
        .bytes()
        .map(|b| match b {
            b'(' | b'[' | b'{' => 1,
            b')' | b']' | b'}' => -1,
            _ => 0,
        })
        .sum()
}

#[test]
fn a_hundred_thousand_nested_parentheses_are_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}[Beijing]{}", "(".repeat(100_000), ")".repeat(100_000));
    let in_scope = rules_with_scope(&deep);
    let in_group = format!("group g = {deep}\n");
    for text in [in_scope, in_group] {
        write(dir.path(), "x.rules", &text);
        let output = plancheck_in(dir.path(), &["lint", "x.rules", "--format", "json"]);
        assert_eq!(code(&output), 2, "{}", stdout(&output));
        let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let error = &doc["errors"][0];
        assert_eq!(error["code"], "PC104");
        let offset = error["location"]["offset"].as_u64().unwrap() as usize;
        assert_eq!(
            depth_at(&text, offset),
            65,
            "the first bracket past 64 levels"
        );
        for args in [
            &["check", "--rules", "x.rules"][..],
            &["fmt", "x.rules"],
            &["test", "--rules", "x.rules"],
        ] {
            let output = plancheck_in(dir.path(), args);
            assert_eq!(code(&output), 2, "{args:?}");
            assert!(stdout(&output).contains("PC104"), "{args:?}");
        }
    }
}

#[test]
fn chains_keep_precedence_and_left_to_right_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "beijing.plan", PLAN);
    let cases = [
        ("[Beijing] + [Tianjin] except [Beijing]", "null"),
        ("[Beijing] + ([Tianjin] except [Beijing])", "\"pass\""),
        ("[Beijing] + [Tianjin] & [Hebei]", "\"pass\""),
        ("([Beijing] + [Tianjin]) & [Hebei]", "null"),
        ("(every province except [Tianjin]) except [Beijing]", "null"),
        (
            "every province except ([Beijing] except [Beijing])",
            "\"pass\"",
        ),
    ];
    for (scope, beijing) in cases {
        write(dir.path(), "x.rules", &rules_with_scope(scope));
        assert_eq!(beijing_outcome(dir.path()).to_string(), beijing, "{scope}");
    }
}
