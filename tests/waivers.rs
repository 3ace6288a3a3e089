//! A plan may waive a rule for itself, with a reason, an approver and an expiry date.

mod common;

use common::{code, plancheck, stdout};
use serde_json::Value;

const PLAN: &str = r#"province Gansu
target energy_intensity_cut by 2025 from 2020 { value 12.5 % }
target co2_peak_year { value 2030 }

waive EI-2025 {
    reason      "the nationally assigned target for Gansu"
    approved_by "NDRC, letter 2022-17"
    expires     2027-12-31
}
waive PEAK-2030 {
    reason      "the peak year was once undeclared"
    approved_by "NDRC"
    expires     2027-12-31
}
"#;

fn check(plan: &str, today: &str) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gansu.plan");
    std::fs::write(&path, plan).unwrap();
    let output = plancheck(&[
        "check",
        path.to_str().unwrap(),
        "--today",
        today,
        "--format",
        "json",
    ]);
    (
        code(&output),
        serde_json::from_str(&stdout(&output)).unwrap(),
    )
}

fn finding<'a>(doc: &'a Value, rule: &str) -> &'a Value {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap()
}

#[test]
fn a_live_waiver_covers_the_finding_and_says_why() {
    let (exit, doc) = check(PLAN, "2026-11-29");
    let ei = finding(&doc, "EI-2025");
    assert_eq!(
        ei["outcome"], "short_of_benchmark",
        "the verdict stands; it is waived, not changed"
    );
    assert_eq!(ei["severity"], "note");
    assert_eq!(ei["waived"]["severity"], "warning");
    assert_eq!(ei["waived"]["approved_by"], "NDRC, letter 2022-17");
    assert!(
        ei["message"]
            .as_str()
            .unwrap()
            .contains("waived until 2027-12-31")
    );
    assert_eq!(doc["summary"]["waived"], 1);
    assert_eq!(exit, 0, "an unused waiver is a warning");
}

#[test]
fn a_waiver_with_nothing_to_cover_is_a_warning() {
    let (_, doc) = check(PLAN, "2026-11-29");
    let waivers = doc["waivers"].as_array().unwrap();
    assert_eq!(waivers.len(), 1);
    assert_eq!(waivers[0]["rule"], "PEAK-2030");
    assert_eq!(
        (waivers[0]["code"].as_str(), waivers[0]["status"].as_str()),
        (Some("PC032"), Some("unused"))
    );
    assert_eq!(waivers[0]["waiver"]["location"]["line"], 10);
}

#[test]
fn an_expired_waiver_covers_nothing_and_is_an_error() {
    let (exit, doc) = check(PLAN, "2028-01-01");
    assert_eq!(exit, 1);
    let ei = finding(&doc, "EI-2025");
    assert!(ei["waived"].is_null());
    assert_eq!(ei["severity"], "warning");
    let expired: Vec<&str> = doc["waivers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["status"] == "expired")
        .map(|w| w["rule"].as_str().unwrap())
        .collect();
    assert_eq!(expired, ["EI-2025", "PEAK-2030"]);
    let (on_the_day, _) = check(PLAN, "2027-12-31");
    assert_eq!(on_the_day, 0, "a waiver is good through its expiry date");
}

#[test]
fn a_waiver_needs_a_known_rule_a_reason_an_approver_and_a_date() {
    let unknown = PLAN.replace("waive EI-2025", "waive EI-2052");
    let (exit, doc) = check(&unknown, "2026-11-29");
    assert_eq!(exit, 2);
    assert_eq!(doc["errors"][0]["code"], "PC030");
    assert!(
        doc["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("EI-2052")
    );
    let incomplete = "province Gansu\nwaive EI-2025 { reason \"x\" }\n";
    let (exit, doc) = check(incomplete, "2026-11-29");
    assert_eq!(exit, 2);
    let missing: Vec<&str> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].contains("approved_by") && missing[1].contains("expires"));
}

#[test]
fn today_must_be_a_date() {
    let output = plancheck(&["check", "--today", "2026-02-30"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn junit_lists_expired_and_unused_waivers_as_failures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gansu.plan"), PLAN).unwrap();
    let junit = |today: &str| {
        let output = common::plancheck_in(
            dir.path(),
            &["check", "gansu.plan", "--today", today, "--format", "junit"],
        );
        stdout(&output)
    };
    // One unused waiver (PEAK-2030: the plan declares its peak year).
    let xml = junit("2026-11-29");
    insta::assert_snapshot!("junit_unused_waiver", xml);
    let report = quick_junit::Report::deserialize_from_str(&xml).expect("JUnit XML");
    let case = report.test_suites[0]
        .test_cases
        .iter()
        .find(|c| c.name.as_str() == "PC032 PEAK-2030")
        .expect("a case for the unused waiver");
    let quick_junit::TestCaseStatus::NonSuccess {
        kind, description, ..
    } = &case.status
    else {
        panic!("a failure: {xml}");
    };
    assert_eq!(*kind, quick_junit::NonSuccessKind::Failure);
    assert!(
        description
            .as_deref()
            .unwrap()
            .starts_with("gansu.plan:10:7: ")
    );

    // Both expired.
    let report = quick_junit::Report::deserialize_from_str(&junit("2028-01-01")).unwrap();
    let failed: Vec<&str> = report.test_suites[0]
        .test_cases
        .iter()
        .filter(|c| matches!(c.status, quick_junit::TestCaseStatus::NonSuccess { .. }))
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        failed,
        ["CO2-2030", "PC031 EI-2025", "PC031 PEAK-2030"],
        "a benchmark is never a failed case, waived or not; the expired waiver is"
    );
}

#[test]
fn an_empty_reason_or_approver_is_refused_where_it_is_written() {
    let blank = PLAN
        .replace("\"the nationally assigned target for Gansu\"", "\"\"")
        .replace("\"NDRC\"", "\"  \\t \"");
    let (exit, doc) = check(&blank, "2026-11-29");
    assert_eq!(exit, 2);
    let errors = doc["errors"].as_array().unwrap();
    let found: Vec<(&str, &str, u64, u64)> = errors
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap(),
                e["message"].as_str().unwrap(),
                e["location"]["line"].as_u64().unwrap(),
                e["location"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "PC117",
                "the `reason` of the waiver of `EI-2025` is empty",
                6,
                17
            ),
            (
                "PC117",
                "the `approved_by` of the waiver of `PEAK-2030` is empty",
                12,
                17
            ),
        ]
    );
}

#[test]
fn an_allow_with_an_empty_reason_is_refused_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "allow PC013 because \" \"\nindicator x {\n    unit  %\n    allow PC015 because \"\"\n}\n";
    std::fs::write(dir.path().join("x.rules"), text).unwrap();
    let output = common::plancheck_in(dir.path(), &["lint", "x.rules"]);
    assert_eq!(code(&output), 2);
    insta::assert_snapshot!("allow_with_an_empty_reason", stdout(&output));
}
