//! Assigned provincial targets: each province against its own row of an assignment (below
//! the basic figure an error, short of the incentive figure a note), a declaration by
//! reference read as the assigned figure, a province with no statistics not judged, and the
//! lints of an assignment table. Plans and rule files are written by the tests.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{code, plancheck_in, stdout};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Checks one plan against the bundled rules; the exit code and the findings in JSON.
fn check_plan(plan: &str) -> (i32, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.plan", plan);
    let out = plancheck_in(dir.path(), &["check", "--format", "json", "p.plan"]);
    let json: Value = serde_json::from_str(&stdout(&out)).expect("JSON output");
    let findings = json["findings"].as_array().unwrap().clone();
    (code(&out), findings)
}

fn finding<'a>(findings: &'a [Value], rule: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding of {rule}"))
}

fn ei_plan(province: &str, value: &str) -> String {
    format!(
        "province {province}\nperiod 14th\ntarget energy_intensity_cut by 2025 from 2020 {{\n    value {value}\n}}\n"
    )
}

#[test]
fn below_the_basic_figure_is_an_error_and_the_national_figure_stays_a_benchmark() {
    let (exit, findings) = check_plan(&ei_plan("Guizhou", "12.9 %"));
    let assigned = finding(&findings, "EI-2025-ASSIGNED");
    assert_eq!(assigned["outcome"], "fail");
    assert_eq!(assigned["severity"], "error");
    assert_eq!(assigned["margin"], "-0.1");
    assert_eq!(assigned["assigned"]["basic"], "13");
    assert_eq!(assigned["assigned"]["incentive"], "14.5");
    assert_eq!(assigned["assigned"]["status"], "indirect");
    let national = finding(&findings, "EI-2025");
    assert_eq!(national["outcome"], "short_of_benchmark");
    assert_eq!(exit, 1, "an error-level finding");
}

#[test]
fn between_basic_and_incentive_is_a_note_and_at_the_incentive_a_plain_pass() {
    let (_, findings) = check_plan(&ei_plan("Guizhou", "14 %"));
    let between = finding(&findings, "EI-2025-ASSIGNED");
    assert_eq!(between["outcome"], "pass");
    assert_eq!(between["severity"], "note");
    assert_eq!(between["assigned"]["short_of_incentive"], true);
    let message = between["message"].as_str().unwrap();
    assert!(
        message.contains("required its assigned basic 13 %, incentive 14.5 % (known indirectly"),
        "{message}"
    );
    assert!(
        message.contains("short of the incentive 14.5 %"),
        "{message}"
    );

    let (exit, findings) = check_plan(&ei_plan("Guizhou", "14.5 %"));
    let at = finding(&findings, "EI-2025-ASSIGNED");
    assert_eq!(
        (at["outcome"].as_str(), at["severity"].as_str()),
        (Some("pass"), Some("none"))
    );
    assert!(
        at["message"]
            .as_str()
            .unwrap()
            .contains("the incentive 14.5 % is reached")
    );
    assert_eq!(exit, 0);
}

#[test]
fn a_declaration_by_reference_meets_the_assigned_figure_by_reference() {
    let (_, findings) = check_plan(&ei_plan("Chongqing", "by_reference"));
    let assigned = finding(&findings, "EI-2025-ASSIGNED");
    assert_eq!(assigned["outcome"], "pass");
    assert_eq!(assigned["assigned"]["by_reference"], true);
    let message = assigned["message"].as_str().unwrap();
    assert!(
        message.contains("meets the assigned 14 % by reference"),
        "{message}"
    );
    assert!(
        message.contains("stated as assigned by its source"),
        "{message}"
    );
    // The benchmark compares the figure the reference stands for with the national one.
    let national = finding(&findings, "EI-2025");
    assert_eq!(national["outcome"], "reaches_benchmark");
    assert_eq!(national["margin"], "0.5");
    let message = national["message"].as_str().unwrap();
    assert!(
        message.contains("by reference to the assigned 14 %"),
        "{message}"
    );
}

#[test]
fn a_declaration_by_reference_with_no_assigned_figure_stays_not_checkable() {
    let (_, findings) = check_plan(&ei_plan("Qinghai", "by_reference"));
    for rule in ["EI-2025", "EI-2025-ASSIGNED"] {
        let f = finding(&findings, rule);
        assert_eq!(f["outcome"], "not_checkable", "{rule}");
        assert_eq!(f["assigned"], Value::Null, "{rule}");
    }
    assert_eq!(finding(&findings, "EI-2025")["reason"], "by_reference");
    assert_eq!(
        finding(&findings, "EI-2025-ASSIGNED")["reason"],
        "no_assignment"
    );
}

#[test]
fn a_figure_read_from_the_province_s_own_plan_is_never_presented_as_the_state_council_s() {
    let (_, findings) = check_plan(&ei_plan("Gansu", "12.5 %"));
    let f = finding(&findings, "EI-2025-ASSIGNED");
    assert_eq!(f["assigned"]["status"], "own_plan");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains(
            "compared with the 12.5 % its own plan gives (no State Council source found)"
        ),
        "{message}"
    );
    assert!(!message.contains("assigned"), "{message}");
    // Below it is a warning, not the error of a missed assignment.
    let (exit, findings) = check_plan(&ei_plan("Gansu", "12 %"));
    let f = finding(&findings, "EI-2025-ASSIGNED");
    assert_eq!(
        (f["outcome"].as_str(), f["severity"].as_str()),
        (Some("fail"), Some("warning"))
    );
    assert_eq!(exit, 0);
}

#[test]
fn a_declaration_by_reference_is_never_read_as_a_figure_of_the_province_s_own_plan() {
    let (_, findings) = check_plan(&ei_plan("Gansu", "by_reference"));
    for rule in ["EI-2025", "EI-2025-ASSIGNED"] {
        let f = finding(&findings, rule);
        assert_eq!(f["outcome"], "not_checkable", "{rule}");
        assert_eq!(f["reason"], "by_reference", "{rule}");
    }
}

#[test]
fn a_declaration_by_reference_keeps_its_commitment_and_status_in_the_message() {
    let plan = "province Chongqing\nperiod 14th\ntarget energy_intensity_cut by 2025 from 2020 {\n    value by_reference\n    commitment strive\n    status draft \"征求意见稿\"\n}\n";
    let (_, findings) = check_plan(plan);
    let message = finding(&findings, "EI-2025-ASSIGNED")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("strive, 力争"), "{message}");
    assert!(message.contains("draft: 征求意见稿"), "{message}");
}

#[test]
fn tibet_is_not_judged_by_any_rule_on_energy_intensity() {
    let (exit, findings) = check_plan(&ei_plan("Tibet", "1 %"));
    for rule in ["EI-2025", "EI-2025-ASSIGNED"] {
        let f = finding(&findings, rule);
        assert_eq!(f["outcome"], "not_checkable", "{rule}");
        assert_eq!(f["reason"], "not_assessable", "{rule}");
        assert!(
            f["message"]
                .as_str()
                .unwrap()
                .contains("西藏自治区数据暂缺")
        );
    }
    assert_eq!(
        exit, 0,
        "a cut of 1 % is not judged where no statistics exist"
    );
}

const HEAD: &str = r#"
source s { title "a source" }
indicator energy_intensity_cut { unit % baseline required ambition higher }
indicator forest_coverage { unit % baseline none ambition higher }
rule A "assigned" { kind floor require energy_intensity_cut by 2025 from 2020 as assigned cite s "x" }
"#;

/// Lints a rule file made of `HEAD` and `table`; the exit code and the whole output.
fn lint(table: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rules", &format!("{HEAD}{table}"));
    let out = plancheck_in(dir.path(), &["lint", "a.rules"]);
    let text = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    (code(&out), text)
}

fn table(rows: &str) -> String {
    format!("assignment t {{\n    for energy_intensity_cut by 2025 from 2020\n{rows}}}\n")
}

#[test]
fn a_well_formed_assignment_lints_clean() {
    let (exit, out) = lint(&table(
        "province 贵州 { basic 13 % incentive 14.5 % status indirect cite s \"q\" }\n",
    ));
    assert_eq!(exit, 0, "{out}");
}

#[test]
fn lints_of_an_assignment_table() {
    let cases = [
        (
            "province Atlantis { basic 13 % status stated cite s \"q\" }\n",
            "PC004",
            2,
        ),
        (
            "province 贵州 { basic 13 % status stated cite s \"q\" }\nprovince Guizhou { basic 14 % status stated cite s \"q\" }\n",
            "PC035",
            2,
        ),
        (
            "province 贵州 { basic 14.5 % incentive 13 % status indirect cite s \"q\" }\n",
            "PC038",
            1,
        ),
        (
            "province 贵州 { basic 13 万kW status stated cite s \"q\" }\n",
            "PC005",
            2,
        ),
        (
            "province 西藏 { basic 1 % status not_assessable cite s \"q\" }\n",
            "PC037",
            2,
        ),
        ("province 贵州 { status stated cite s \"q\" }\n", "PC037", 2),
        (
            "province 贵州 { basic 13 % status stated cite nowhere \"q\" }\n",
            "PC014",
            2,
        ),
    ];
    for (rows, expected, exit) in cases {
        let (got, out) = lint(&table(rows));
        assert!(out.contains(expected), "{rows}: no {expected}:\n{out}");
        assert_eq!(got, exit, "{rows}:\n{out}");
    }
}

#[test]
fn as_assigned_needs_an_assignment_for_its_own_target() {
    let (exit, out) = lint(
        "assignment t {\n    for energy_intensity_cut by 2025 from 2015\n    province 贵州 { basic 13 % status stated cite s \"q\" }\n}\n",
    );
    assert!(out.contains("PC036"), "{out}");
    assert_eq!(exit, 2);
    let (_, out) = lint(&format!(
        "{}assignment u {{ for energy_intensity_cut by 2025 from 2020 }}\n",
        table("")
    ));
    assert!(
        out.contains("PC035"),
        "a second assignment for one target:\n{out}"
    );
}

#[test]
fn as_assigned_is_a_floor_and_a_province_is_assessable_in_every_assignment_of_an_indicator_or_none()
{
    let dir = tempfile::tempdir().unwrap();
    let benchmark = HEAD.replace("kind floor", "kind benchmark");
    write(
        dir.path(),
        "b.rules",
        &format!(
            "{benchmark}{}",
            table("province 贵州 { basic 13 % status stated cite s \"q\" }\n")
        ),
    );
    let out = plancheck_in(dir.path(), &["lint", "b.rules"]);
    assert!(stdout(&out).contains("PC028"), "{}", stdout(&out));
    assert_eq!(code(&out), 2);
    let later = "assignment u {\n    for energy_intensity_cut by 2030 from 2020\n    province 西藏 { basic 14 % status stated cite s \"q\" }\n}\n";
    let (exit, out) = lint(&format!(
        "{}{later}",
        table("province 西藏 { status not_assessable cite s \"q\" }\n")
    ));
    assert!(
        out.contains("PC037") && out.contains("`not_assessable` in one assignment"),
        "{out}"
    );
    assert_eq!(exit, 2);
}

#[test]
fn a_row_without_its_status_or_citation_is_a_syntax_error() {
    let (exit, out) = lint(&table("province 贵州 { basic 13 % }\n"));
    assert_eq!(exit, 2, "{out}");
    assert!(out.contains("`status`") && out.contains("`cite`"), "{out}");
}

#[test]
fn an_assignment_is_formatted_like_every_other_block() {
    let dir = tempfile::tempdir().unwrap();
    let written = format!(
        "{HEAD}{}",
        table("province 贵州 { basic 13 % incentive 14.5 % status indirect cite s \"q\" }\n")
    );
    write(dir.path(), "a.rules", &written);
    let out = plancheck_in(dir.path(), &["fmt", "a.rules"]);
    assert_eq!(code(&out), 0);
    let formatted = std::fs::read_to_string(dir.path().join("a.rules")).unwrap();
    let expected = "assignment t {\n    for energy_intensity_cut by 2025 from 2020\n    province 贵州 {\n        basic     13 %\n        incentive 14.5 %\n        status    indirect\n        cite      s \"q\"\n    }\n}\n";
    assert!(formatted.ends_with(expected), "{formatted}");
    let again = plancheck_in(dir.path(), &["fmt", "--check", "a.rules"]);
    assert_eq!(code(&again), 0, "formatting is stable");
}
