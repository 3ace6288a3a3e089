//! Size limits on hostile input: a file past 32 MiB and a plan past 100,000 targets get a
//! diagnostic (PC105) and exit 2, never a crash or a silent pass. Nesting past the limit is
//! in `bad_inputs.rs` and `large_expressions.rs`. The inputs are built here.

mod common;

use std::fs;

use common::{code, plancheck_in, stderr, stdout};
use serde_json::Value;

/// The errors of a `check --format json` run in `dir`.
fn errors(dir: &std::path::Path, file: &str) -> (i32, Vec<Value>) {
    let output = plancheck_in(dir, &["check", file, "--format", "json"]);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    let doc: Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    (code(&output), doc["errors"].as_array().unwrap().clone())
}

#[test]
fn a_fifty_megabyte_plan_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let target = "target non_fossil_share by 2025 { value 20 % }\n";
    let mut text = String::from("province Qinghai\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(target);
    }
    fs::write(dir.path().join("huge.plan"), &text).unwrap();
    let (exit, errors) = errors(dir.path(), "huge.plan");
    assert_eq!(exit, 2);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["code"], "PC105");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&text.len().to_string()) && message.contains("33554432"),
        "{message}"
    );
}

#[test]
fn a_plan_past_a_hundred_thousand_targets_is_refused_at_the_first_one_past() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("province Qinghai\n");
    // Distinct years, so that the plan is refused for its size and not for duplicates.
    for i in 0..100_001 {
        text.push_str(&format!(
            "target x by {} {{ value 1 % }}\n",
            1000 + i % 9000
        ));
        if i % 9000 == 8999 {
            text.push_str("# the years start again\n");
        }
    }
    fs::write(dir.path().join("many.plan"), &text).unwrap();
    let (exit, errors) = errors(dir.path(), "many.plan");
    assert_eq!(exit, 2);
    assert_eq!(errors.len(), 1, "the plan is not checked further");
    let limit = &errors[0];
    assert_eq!(limit["code"], "PC105");
    assert!(limit["message"].as_str().unwrap().contains("100000"));
    let line = limit["location"]["line"].as_u64().unwrap();
    let expected = 1 + 100_000 + 100_000 / 9000 + 1;
    assert_eq!(line as usize, expected, "{limit}");
}
