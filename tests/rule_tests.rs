//! `plancheck test`: the rule authors' test runner.

mod common;

use std::fs;

use common::{code, plancheck, stdout};
use serde_json::Value;

const RULES: &str = r#"
source seed { title "the seed" }
indicator energy_intensity_cut { unit % baseline required }
indicator co2_peak_year { unit year ambition earlier }
rule EI "13.5 % by 2025" {
    kind    benchmark
    require energy_intensity_cut by 2025 from 2020 >= 13.5 %
    cite    seed "Table 1, note a"
}
rule PEAK "peak by 2030" {
    kind    floor
    require co2_peak_year no later than 2030
    cite    seed "Table 1"
}
"#;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_national_rules_pass_their_own_tests_and_every_rule_is_covered() {
    let output = plancheck(&["test", "--coverage", "--min-coverage", "100"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.contains("31 passed, 0 failed"), "{text}");
    assert!(text.contains("coverage: 17 of 17 rules (100 %)"), "{text}");
}

#[test]
fn every_national_rule_is_tested_for_each_outcome_it_can_have() {
    let output = plancheck(&["test", "--format", "json"]);
    assert_eq!(code(&output), 0);
    let tests = fs::read_to_string(common::root().join("rules/national.tests")).unwrap();
    let requirements = ["CO2-2030", "FC-HOLD", "PEAK-2030"];
    let benchmarks = [
        "EI-2025",
        "CO2-2025",
        "NF-2025",
        "NF-2030",
        "NF-2060",
        "FC-2025",
        "FC-2030",
        "NEUTRAL-2060",
    ];
    let outcomes = |benchmark: bool| match benchmark {
        false => ["pass", "fail", "undeclared", "not_checkable"],
        true => [
            "reaches_benchmark",
            "short_of_benchmark",
            "undeclared",
            "not_checkable",
        ],
    };
    let kinds = requirements.map(|r| (r, false));
    for (rule, benchmark) in kinds.into_iter().chain(benchmarks.map(|r| (r, true))) {
        for outcome in outcomes(benchmark) {
            let wanted = format!("expect {rule} {outcome}");
            assert!(
                tests.contains(&wanted),
                "no `{wanted}` in rules/national.tests"
            );
        }
    }
    for aggregate in ["FS-2025", "FS-2030", "WS-2030"] {
        for outcome in ["pass", "not_checkable"] {
            assert!(
                tests.contains(&format!("expect {aggregate} {outcome}")),
                "{aggregate} {outcome}"
            );
        }
    }
    assert!(
        tests.contains("expect EI-2030 not_checkable"),
        "a qualitative rule is only ever not checkable"
    );
}

#[test]
fn failures_point_at_the_expectation_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(&dir, "my.rules", RULES);
    let tests = write(
        &dir,
        "my.tests",
        r#"
test "meets it" {
    plan { province Beijing target energy_intensity_cut by 2025 from 2020 { value 14 % } }
    expect EI reaches_benchmark margin 0.5 pp
}
test "wrong on purpose" {
    plan { province Beijing target energy_intensity_cut by 2025 from 2020 { value 13 % } }
    expect EI reaches_benchmark
    expect PEAK undeclared
    expect EI short_of_benchmark margin -0.4 pp
}
"#,
    );
    let output = plancheck(&["test", &tests, "--rules", &rules]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.contains("\"meets it\" ... ok"), "{text}");
    assert!(text.contains("\"wrong on purpose\" ... FAILED"), "{text}");
    assert!(
        text.contains("expected `EI` reaches_benchmark, got short_of_benchmark"),
        "{text}"
    );
    assert!(
        text.contains("expected a margin of -0.4 pp, got -0.5 pp"),
        "{text}"
    );
    assert!(
        text.contains("my.tests:8:5]"),
        "the failure points at its `expect` line: {text}"
    );
    let summary = format!("1 passed, 1 failed, against `{rules}`");
    assert!(text.trim_end().ends_with(&summary), "{text}");
}

#[test]
fn rules_found_beside_the_tests_are_the_rules_tested() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir, "my.rules", RULES);
    write(
        &dir,
        "beijing.plan",
        "province Beijing\ntarget co2_peak_year { value 2029 }\n",
    );
    write(
        &dir,
        "my.tests",
        "test \"from a file\" { plan \"beijing.plan\" expect PEAK pass margin 1 year expect EI undeclared }\n",
    );
    let output = plancheck(&["test", dir.path().to_str().unwrap(), "--coverage"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("coverage: 2 of 2 rules (100 %)"));
}

/// A folder with the two rules of `RULES` and a test that names one of them.
fn half_covered() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir, "my.rules", RULES);
    write(
        &dir,
        "my.tests",
        "test \"one\" { plan { province Hebei } expect EI undeclared }\n",
    );
    dir
}

#[test]
fn coverage_names_the_rules_no_test_names() {
    let dir = half_covered();
    let path = dir.path().to_str().unwrap();
    let output = plancheck(&["test", path, "--coverage"]);
    assert_eq!(code(&output), 0);
    assert!(
        stdout(&output).contains("coverage: 1 of 2 rules (50 %); no test names PEAK"),
        "{}",
        stdout(&output)
    );
    assert_eq!(code(&plancheck(&["test", path, "--min-coverage", "50"])), 0);
    assert_eq!(code(&plancheck(&["test", path, "--min-coverage", "60"])), 1);

    let json = plancheck(&["test", path, "--format", "json"]);
    let doc: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(doc["summary"]["uncovered"][0], "PEAK");
    assert_eq!(doc["summary"]["coverage"], "50");
    assert_eq!(doc["tests"][0]["passed"], true);
}

#[test]
fn several_plans_need_the_province_named_and_a_broken_test_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(&dir, "my.rules", RULES);
    let tests = write(
        &dir,
        "my.tests",
        "test \"two\" { plan { province Hebei } plan { province Henan } expect EI undeclared expect EI for 河南 undeclared }\n",
    );
    let output = plancheck(&["test", &tests, "--rules", &rules]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("say which with `for PROVINCE`"),
        "{}",
        stdout(&output)
    );

    let broken = write(
        &dir,
        "broken.tests",
        "test \"no plan\" { expect EI pass }\n",
    );
    let output = plancheck(&["test", &broken, "--rules", &rules]);
    assert_eq!(code(&output), 2);
    assert!(
        stdout(&output).contains("has no `plan`"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_expectation_for_a_province_with_no_plan_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(&dir, "my.rules", RULES);
    let tests = write(
        &dir,
        "my.tests",
        "test \"t\" { plan { province Beijing } expect PEAK for Tianjin undeclared }\n",
    );
    let output = plancheck(&["test", &tests, "--rules", &rules]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.contains("the test has no plan for Tianjin, so `PEAK` gives no finding for it"),
        "{text}"
    );
    assert!(!text.contains("scope"), "{text}");
}

#[test]
fn a_plan_file_that_cannot_be_read_is_shown_at_its_plan_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(&dir, "my.rules", RULES);
    let tests = write(
        &dir,
        "my.tests",
        "test \"t\" {\n    plan \"nope.plan\"\n    expect PEAK undeclared\n}\n",
    );
    let output = plancheck(&["test", &tests, "--rules", &rules]);
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    assert!(text.contains("PC100"), "{text}");
    assert!(
        text.contains("my.tests:2:10]"),
        "points at the plan line: {text}"
    );
    assert!(text.contains("the test reads this plan"), "{text}");
}

#[test]
fn min_coverage_outside_0_to_100_or_not_a_number_is_a_usage_error() {
    for value in ["-5", "100.5", "150", "abc", "", "NaN", "50%"] {
        let output = plancheck(&["test", &format!("--min-coverage={value}")]);
        assert_eq!(code(&output), 2, "`{value}`");
        assert!(
            common::stderr(&output).contains("--min-coverage"),
            "`{value}`: {}",
            common::stderr(&output)
        );
    }
    for value in ["0", "99.5", "100"] {
        let output = plancheck(&["test", "--min-coverage", value]);
        assert_eq!(code(&output), 0, "`{value}`");
    }
}

#[test]
fn a_coverage_shortfall_says_so_in_every_format_and_exits_1() {
    let dir = half_covered();
    let path = dir.path().to_str().unwrap();
    for format in ["human", "json", "junit"] {
        let output = plancheck(&["test", path, "--min-coverage", "75", "--format", format]);
        assert_eq!(code(&output), 1, "{format}");
        assert_eq!(
            common::stderr(&output),
            "error: 50 % of the rules are named by a test, below the minimum of 75 % \
             (--min-coverage); no test names PEAK\n",
            "{format}"
        );
    }
    let output = plancheck(&["test", path, "--min-coverage", "50"]);
    assert_eq!(code(&output), 0);
    assert_eq!(common::stderr(&output), "");
}

#[test]
fn a_single_test_file_is_run_against_the_rules_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir, "my.rules", RULES);
    let tests = write(
        &dir,
        "my.tests",
        "test \"beside\" { plan { province Hebei } expect EI undeclared expect PEAK undeclared }\n",
    );
    let output = plancheck(&["test", &tests, "--coverage"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("coverage: 2 of 2 rules (100 %)"),
        "the rules beside it, not the national ones: {}",
        stdout(&output)
    );

    // `--rules` still decides, and with no rule file beside it the national rules are tested.
    let national = write(
        &dir,
        "national.tests",
        "test \"national\" { plan { province Hebei } expect EI-2025 undeclared }\n",
    );
    let output = plancheck(&["test", &national, "--rules", "rules/national.rules"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let alone = tempfile::tempdir().unwrap();
    let national = write(
        &alone,
        "national.tests",
        "test \"national\" { plan { province Hebei } expect EI-2025 undeclared }\n",
    );
    let output = plancheck(&["test", &national]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}
