//! `plancheck check` as a user runs it: the bundled data, paths, formats and exit codes.

mod common;

use std::process::Command;

use common::{code, plancheck, plancheck_in, root, stderr, stdout};
use serde_json::Value;

/// Every outcome a finding can have; the summary counts each.
const OUTCOMES: [&str; 6] = [
    "pass",
    "fail",
    "undeclared",
    "not_checkable",
    "reaches_benchmark",
    "short_of_benchmark",
];

#[test]
fn bundled_check_human_output() {
    let output = plancheck(&["check"]);
    assert_eq!(
        code(&output),
        0,
        "no finding on the bundled data is at error level"
    );
    insta::assert_snapshot!("bundled_human", stdout(&output));
}

#[test]
fn bundled_check_json_output() {
    let output = plancheck(&["check", "--format", "json"]);
    assert_eq!(code(&output), 0);
    insta::assert_snapshot!("bundled_json", stdout(&output));
}

#[test]
fn the_json_document_has_the_documented_shape() {
    let output = plancheck(&["check", "--format", "json"]);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["version"], 1);
    let findings = doc["findings"].as_array().unwrap();
    let summary = &doc["summary"];
    assert_eq!(summary["plans"], 31);
    assert_eq!(
        summary["findings"].as_u64().unwrap() as usize,
        findings.len()
    );
    let counted: u64 = OUTCOMES.iter().map(|k| summary[k].as_u64().unwrap()).sum();
    assert_eq!(counted as usize, findings.len());
    for f in findings {
        for key in [
            "rule",
            "severity",
            "outcome",
            "province",
            "indicator",
            "year",
            "baseline",
            "declared",
            "required",
            "margin",
            "message",
            "location",
            "rule_location",
        ] {
            assert!(f.get(key).is_some(), "finding without `{key}`: {f}");
        }
        for key in ["file", "line", "column", "offset", "length"] {
            assert!(f["location"].get(key).is_some() && f["rule_location"].get(key).is_some());
        }
    }
    let aggregate = findings.iter().find(|f| f["rule"] == "WS-2030").unwrap();
    assert!(aggregate["province"].is_null());
    let contributors = aggregate["contributors"].as_array().unwrap();
    let names: Vec<&str> = contributors
        .iter()
        .map(|c| c["province"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Zhejiang", "Fujian", "Chongqing"],
        "those that declare it for 2030"
    );
    assert_eq!(aggregate["outcome"], "not_checkable");
    assert_eq!(aggregate["reason"], "not_enough_data");
    let liaoning = findings
        .iter()
        .find(|f| f["rule"] == "EI-2025" && f["province"] == "Liaoning")
        .unwrap();
    assert_eq!(
        liaoning["declared"]["value"], "14.5",
        "the exact digits as written"
    );
    assert_eq!(liaoning["declared"]["status"], "conflicting");
    assert_eq!(liaoning["required"]["operator"], ">=");
    assert_eq!(liaoning["required"]["value"], "13.5");
    assert_eq!(liaoning["margin"], "1");
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let first = plancheck(&["check", "--format", "json"]);
    let second = plancheck(&["check", "--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
    let first = plancheck(&["check"]);
    let second = plancheck(&["check"]);
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn deny_warnings_turns_warnings_into_exit_1() {
    let output = plancheck(&["check", "--deny-warnings"]);
    assert_eq!(code(&output), 1);
}

#[test]
fn an_error_level_finding_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("tianjin.plan");
    std::fs::write(
        &plan,
        "province Tianjin\ntarget co2_intensity_cut by 2030 from 2005 { value 60 % }\n",
    )
    .unwrap();
    let output = plancheck(&["check", plan.to_str().unwrap()]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("× Tianjin: `co2_intensity_cut` by 2030 from 2005 declared 60 %")
    );
}

#[test]
fn the_bundled_rules_and_plans_work_from_any_directory() {
    let elsewhere = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(["check", "--format", "json"])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    let here = plancheck(&["check", "--format", "json"]);
    assert_eq!(output.stdout, here.stdout);
}

#[test]
fn folders_of_plans_and_of_rules_are_read_in_a_stable_order() {
    let by_folder = plancheck(&[
        "check",
        "fixtures/plans",
        "--rules",
        "rules",
        "--format",
        "json",
    ]);
    let bundled = plancheck(&["check", "--format", "json"]);
    assert_eq!(code(&by_folder), 0);
    // The same files, the bundled ones named as built into the binary.
    let named = stdout(&bundled).replace("<bundled>/", "");
    assert_eq!(stdout(&by_folder), named);
}

#[test]
fn rules_given_replace_the_bundled_ones() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("one.rules");
    std::fs::write(
        &rules,
        "indicator non_fossil_share { unit % }\n\
         rule ONLY \"just one\" { kind floor require non_fossil_share by 2025 >= 50 % }\n",
    )
    .unwrap();
    let plan = dir.path().join("qinghai.plan");
    std::fs::write(
        &plan,
        "province 青海\ntarget non_fossil_share by 2025 { value 52.2 % }\n",
    )
    .unwrap();
    let args = [
        "check",
        plan.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--format",
        "json",
    ];
    let output = plancheck(&args);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["rule"], "ONLY");
    assert_eq!(findings[0]["outcome"], "pass", "Qinghai plans 52.2 %");
    assert_eq!(code(&output), 0);
    let bundled_plan = plancheck(&[
        "check",
        "fixtures/plans/qinghai.plan",
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(
        code(&bundled_plan),
        2,
        "the rules given declare no `forest_coverage`"
    );
    assert!(stdout(&bundled_plan).contains("unknown indicator `forest_coverage`"));
}

#[test]
fn unreadable_paths_and_wrong_kinds_exit_2() {
    let missing = plancheck(&["check", "no/such/plan.plan"]);
    assert_eq!(code(&missing), 2);
    assert!(stdout(&missing).contains("PC100"), "{}", stdout(&missing));
    let wrong = plancheck(&["check", "Cargo.toml"]);
    assert_eq!(code(&wrong), 2);
    assert!(stdout(&wrong).contains("PC115"), "{}", stdout(&wrong));
    let empty_dir = tempfile::tempdir().unwrap();
    let nothing = plancheck(&["check", empty_dir.path().to_str().unwrap()]);
    assert_eq!(code(&nothing), 2);
    assert!(stdout(&nothing).contains("PC116"), "{}", stdout(&nothing));
}

#[test]
fn a_bad_plan_does_not_stop_the_others_from_being_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.plan");
    std::fs::write(&bad, "province Nowhere\n").unwrap();
    let output = plancheck(&[
        "check",
        bad.to_str().unwrap(),
        "fixtures/plans/gansu.plan",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 2);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["errors"][0]["code"], "PC004");
    assert_eq!(doc["summary"]["plans"], 1);
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["province"] == "Gansu")
    );
}

/// Two plans of the user's own for one province (here the bundled plan and the same plan
/// in JSON, which is not a bundled file) are an error.
#[test]
fn two_plans_for_one_province_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = std::fs::read_to_string(root().join("fixtures/plans/liaoning.plan")).unwrap();
    std::fs::write(
        dir.path().join("draft.plan"),
        format!("{bundled}# a draft\n"),
    )
    .unwrap();
    let json = root().join("fixtures/json/liaoning.json");
    let output = plancheck_in(dir.path(), &["check", "draft.plan", json.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    assert!(text.contains("PC022"), "{text}");
    assert!(
        text.contains("draft.plan:2:10"),
        "the first plan is shown too: {text}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let output = plancheck(&["check", "--format", "yaml"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("yaml"));
    assert_eq!(code(&plancheck(&["frobnicate"])), 2);
}

#[test]
fn the_checker_never_writes_to_its_inputs() {
    let before: Vec<(std::path::PathBuf, Vec<u8>)> =
        std::fs::read_dir(root().join("fixtures/plans"))
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                let bytes = std::fs::read(&path).unwrap();
                (path, bytes)
            })
            .collect();
    plancheck(&["check", "fixtures/plans", "--format", "json"]);
    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{}", path.display());
    }
}

/// A reviewer's terminal: notes are counted, not drawn, unless asked for; a table of
/// outcomes by province and rule closes the output.
#[test]
fn notes_are_folded_into_counts_and_a_table_ends_the_output() {
    let folded = stdout(&plancheck(&["check", "fixtures/plans/gansu.plan"]));
    let verbose = stdout(&plancheck(&[
        "check",
        "fixtures/plans/gansu.plan",
        "--verbose",
    ]));
    let as_min = stdout(&plancheck(&[
        "check",
        "fixtures/plans/gansu.plan",
        "--min-level",
        "note",
    ]));
    assert_eq!(verbose, as_min);
    assert!(
        folded.contains("10 findings at note level not shown"),
        "{folded}"
    );
    assert!(!folded.contains("  ☞ Gansu"), "{folded}");
    assert!(verbose.contains("  ☞ Gansu"));
    assert!(folded.lines().count() * 2 < verbose.lines().count());
    let row = folded
        .lines()
        .find(|l| l.starts_with("Gansu "))
        .expect("a row for Gansu");
    // EI-2025 is the first column: Gansu plans 12.5 %, short of the national 13.5 %.
    assert_eq!(row.split_whitespace().nth(1), Some("○"), "{row}");
    assert!(folded.contains("  1 EI-2025  2 EI-2030"), "{folded}");
}
