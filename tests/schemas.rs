//! The JSON Schemas in `schemas/`: the same as the types the JSON is written from make
//! (`PLANCHECK_UPDATE_SCHEMAS=1 cargo test --test schemas` writes them anew), and every JSON
//! output valid against its schema.

mod common;

use common::{plancheck, root, shared, stdout};
use serde_json::Value;

#[test]
fn the_schemas_are_those_the_types_make() {
    let update = std::env::var_os("PLANCHECK_UPDATE_SCHEMAS").is_some();
    for (name, text) in plancheck::render::json_schemas() {
        let path = root().join("schemas").join(name);
        if update {
            std::fs::write(&path, &text).unwrap();
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            kept, text,
            "{name} is out of date: PLANCHECK_UPDATE_SCHEMAS=1 cargo test --test schemas"
        );
    }
}

fn valid(schema: &str, args: &[&str]) {
    let text = std::fs::read_to_string(root().join("schemas").join(schema)).unwrap();
    let validator = jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap();
    let output: Value = serde_json::from_str(&stdout(&plancheck(args))).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{args:?}: {errors:#?}");
}

#[test]
fn every_json_output_is_valid_against_its_schema() {
    let anhui = shared("plan-texts/anhui.txt").display().to_string();
    valid("check.schema.json", &["check", "--format", "json"]);
    valid("check.schema.json", &["check", &anhui, "--format", "json"]);
    valid(
        "check.schema.json",
        &["check", "fixtures/bad", "--format", "json"],
    );
    valid("lint.schema.json", &["lint", "--format", "json"]);
    valid(
        "lint.schema.json",
        &["lint", "fixtures/lint", "--format", "json"],
    );
    valid("test.schema.json", &["test", "--format", "json"]);
    valid("report.schema.json", &["report", "--format", "json"]);
    let dir = tempfile::tempdir().unwrap();
    let study = dir.path().join("study.jsonl");
    let mut lines = Vec::new();
    plancheck::workload::write_scenarios(&mut lines, 3, 31, 1).unwrap();
    std::fs::write(&study, &lines).unwrap();
    valid(
        "study.schema.json",
        &[
            "report",
            "--scenarios",
            study.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    // A record of no scenario, so that the document's `errors` are held to the schema too.
    lines.extend_from_slice(b"{\"province\": \"Hebei\", \"targets\": []}\n");
    std::fs::write(&study, lines).unwrap();
    let study = study.to_str().unwrap();
    valid(
        "scenarios.schema.json",
        &["check", "--scenarios", study, "--format", "json"],
    );
    valid(
        "report.schema.json",
        &["report", &anhui, "--format", "json"],
    );
}

/// The schemas hold the output to something: a document without its summary, or with a
/// count as a string, is refused.
#[test]
fn a_schema_refuses_what_the_output_is_not() {
    let text = std::fs::read_to_string(root().join("schemas/check.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap();
    let mut output: Value =
        serde_json::from_str(&stdout(&plancheck(&["check", "--format", "json"]))).unwrap();
    assert!(validator.is_valid(&output));
    output["summary"]["errors"] = Value::from("none");
    assert!(!validator.is_valid(&output));
    output.as_object_mut().unwrap().remove("summary");
    assert!(!validator.is_valid(&output));
}
