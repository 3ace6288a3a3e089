//! Unusual but valid input checks normally: CRLF line endings, a byte order mark, Chinese
//! names, and a plan of ten megabytes. Spans must point at the right characters in each.

mod common;

use std::fs;

use common::{code, plancheck, root, stdout};
use serde_json::Value;

fn json_findings(args: &[&str]) -> Vec<Value> {
    let output = plancheck(args);
    assert!(code(&output) < 2, "{}", stdout(&output));
    let doc: Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    doc["findings"].as_array().expect("findings").clone()
}

/// The text a finding's location points at, read from the file on disk.
fn pointed_at(location: &Value) -> String {
    let file = root().join(location["file"].as_str().unwrap());
    let text = fs::read(&file).unwrap();
    let start = location["offset"].as_u64().unwrap() as usize;
    let len = location["length"].as_u64().unwrap() as usize;
    String::from_utf8(text[start..start + len].to_vec()).unwrap()
}

fn finding<'a>(findings: &'a [Value], rule: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding for {rule}"))
}

/// What a finding says, without where it was found.
fn verdicts(findings: &[Value]) -> Vec<(String, String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["rule"].to_string(),
                f["outcome"].to_string(),
                f["margin"].to_string(),
            )
        })
        .collect()
}

fn write_variant(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn crlf_and_bom_plans_check_like_the_original_with_spans_on_the_same_text() {
    let original = fs::read_to_string(root().join("fixtures/plans/zhejiang.plan")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let crlf = write_variant(&dir, "crlf.plan", &original.replace('\n', "\r\n"));
    let bom = write_variant(&dir, "bom.plan", &format!("\u{FEFF}{original}"));
    let both = write_variant(
        &dir,
        "both.plan",
        &format!("\u{FEFF}{}", original.replace('\n', "\r\n")),
    );

    let expected = json_findings(&["check", "fixtures/plans/zhejiang.plan", "--format", "json"]);
    for variant in [&crlf, &bom, &both] {
        let found = json_findings(&["check", variant, "--format", "json"]);
        assert_eq!(verdicts(&found), verdicts(&expected), "{variant}");
        for (f, e) in found.iter().zip(&expected) {
            if f["province"].is_null() {
                continue;
            }
            assert_eq!(
                pointed_at(&f["location"]),
                pointed_at(&e["location"]),
                "{variant}"
            );
            assert_eq!(f["location"]["line"], e["location"]["line"], "{variant}");
            assert_eq!(
                f["location"]["column"], e["location"]["column"],
                "{variant}"
            );
        }
    }
    let ei = finding(
        &json_findings(&["check", &both, "--format", "json"]),
        "EI-2025",
    )
    .clone();
    assert_eq!(pointed_at(&ei["location"]), "14.5 %");
}

#[test]
fn a_bom_does_not_count_as_a_column_on_the_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write_variant(&dir, "bom.plan", "\u{FEFF}province Atlantis\n");
    let output = plancheck(&["check", &plan, "--format", "json"]);
    assert_eq!(code(&output), 2);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let location = &doc["errors"][0]["location"];
    assert_eq!(
        (location["line"].as_u64(), location["column"].as_u64()),
        (Some(1), Some(10))
    );
    assert_eq!(
        location["offset"].as_u64(),
        Some(12),
        "byte offsets count the BOM's 3 bytes"
    );
}

#[test]
fn crlf_rule_files_give_the_same_verdicts() {
    let rules = fs::read_to_string(root().join("rules/national.rules")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let crlf = write_variant(
        &dir,
        "national.rules",
        &format!("\u{FEFF}{}", rules.replace('\n', "\r\n")),
    );
    let expected = json_findings(&["check", "--format", "json"]);
    let found = json_findings(&["check", "--rules", &crlf, "--format", "json"]);
    assert_eq!(verdicts(&found), verdicts(&expected));
    let ws = finding(&found, "WS-2030");
    assert_eq!(
        pointed_at(&ws["rule_location"]),
        "wind_solar_capacity by 2030 >= 12 亿kW"
    );
}

#[test]
fn chinese_names_and_text_point_at_the_right_characters() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# 浙江省碳达峰实施方案\nprovince 浙江\ntitle \"浙江省关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见\"\n\
                target wind_solar_capacity by 2030 { value 5400 万千瓦 document \"实施意见\" }\n\
                target non_fossil_share by 2025 { value around 24 % }\n";
    let plan = write_variant(&dir, "浙江.plan", text);
    let findings = json_findings(&["check", &plan, "--format", "json"]);
    let nf = finding(&findings, "NF-2025");
    assert_eq!(nf["province"], "Zhejiang");
    assert_eq!(nf["province_zh"], "浙江");
    assert_eq!(pointed_at(&nf["location"]), "around 24 %");
    assert_eq!(
        (
            nf["location"]["line"].as_u64(),
            nf["location"]["column"].as_u64()
        ),
        (Some(5), Some(41))
    );
    let ws = finding(&findings, "WS-2030");
    let contributor = &ws["contributors"][0];
    assert_eq!(pointed_at(&contributor["location"]), "5400 万千瓦");
    assert_eq!(contributor["declared"]["unit"], "万kW");
    assert_eq!(contributor["value"], "0.54", "5400 万kW is 0.54 亿kW");
}

/// Ten megabytes of valid plan: many targets, long documents and comments.
fn huge_plan() -> String {
    let mut text = String::from("province Qinghai\ntitle \"generated\"\n");
    let document = "青海省碳达峰实施方案 (青政〔2022〕65号) ".repeat(8);
    let mut year = 2000;
    while text.len() < 10 * 1024 * 1024 {
        for indicator in [
            "non_fossil_share",
            "forest_coverage",
            "renewable_share",
            "tree_cover",
        ] {
            text.push_str(&format!(
                "# {indicator} for {year}\ntarget {indicator} by {year} {{\n    value around {}.5 %\n    document \"{document}\"\n}}\n",
                year % 90
            ));
        }
        year += 1;
    }
    text
}

#[test]
fn a_ten_megabyte_plan_checks_normally() {
    let dir = tempfile::tempdir().unwrap();
    let text = huge_plan();
    assert!(text.len() >= 10 * 1024 * 1024);
    let plan = write_variant(&dir, "huge.plan", &text);
    let findings = json_findings(&["check", &plan, "--format", "json"]);
    let nf = finding(&findings, "NF-2025");
    assert_eq!(
        nf["outcome"], "reaches_benchmark",
        "around 45.5 % reaches around 20 %"
    );
    assert_eq!(pointed_at(&nf["location"]), "around 45.5 %");
    let fc = finding(&findings, "FC-2030");
    assert_eq!(pointed_at(&fc["location"]), "around 50.5 %");
    assert!(fc["location"]["line"].as_u64().unwrap() > 100);
}
