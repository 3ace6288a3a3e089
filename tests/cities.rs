//! Plans below the province: a city's plan names its city and its province, resolves
//! against the bundled list of divisions, and is kept apart from its province's plan. Its
//! figures come from the excerpt of Guang'an's plan in the domain reference.

mod common;

use common::{code, plancheck, stdout};
use serde_json::Value;

/// 广安市碳达峰实施方案: 单位地区生产总值能源消耗下降14.5%以上 by 2025.
const GUANGAN: &str = "province \"Sichuan\"\ncity     \"Guang'an\"\n\ntarget energy_intensity_cut by 2025 from 2020 {\n    value at_least 14.5 %\n}\n";

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(&plancheck(args))).unwrap()
}

#[test]
fn a_city_plan_is_read_kept_in_layout_and_judged_by_no_provincial_rule() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), "guangan.plan", GUANGAN);
    let output = plancheck(&["fmt", "--check", &plan]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let doc = json(&["check", &plan, "--format", "json"]);
    // Only the national sums speak, and the city is none of their provinces.
    let findings = doc["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["kind"] == "aggregate"), "{doc}");
    assert!(
        findings
            .iter()
            .all(|f| f["contributors"] == Value::Array(Vec::new()))
    );
    let unchecked = &doc["unchecked"][0];
    assert_eq!(
        (&unchecked["province"], &unchecked["city"]),
        (&"Sichuan".into(), &"Guang'an".into())
    );
    let human = stdout(&plancheck(&["check", &plan]));
    assert!(
        human.contains("(the plan of Guang'an (Sichuan): rules judge provinces' plans)"),
        "{human}"
    );
    let json_plan = r#"{"province": "Sichuan", "city": "广安市", "targets": [{"indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020, "value": 14.5, "unit": "%", "qualifier": "at_least"}]}"#;
    let path = write(dir.path(), "guangan.json", json_plan);
    let doc = json(&["check", &path, "--format", "json"]);
    assert_eq!(doc["unchecked"][0]["city"], "Guang'an");
}

#[test]
fn a_city_of_another_province_is_refused_saying_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), "p.plan", &GUANGAN.replace("Sichuan", "Hebei"));
    let output = plancheck(&["check", &plan]);
    assert_eq!(code(&output), 2);
    let out = stdout(&output);
    assert!(
        out.contains("PC040") && out.contains("Guang'an (广安市, Sichuan)"),
        "{out}"
    );
    let misspelt = write(
        dir.path(),
        "q.plan",
        &GUANGAN.replace("Guang'an", "Guangan"),
    );
    let out = stdout(&plancheck(&["check", &misspelt]));
    assert!(out.contains("did you mean `Guang'an`?"), "{out}");
}

#[test]
fn a_city_plan_stands_beside_its_province_and_a_second_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let city = write(dir.path(), "guangan.plan", GUANGAN);
    let province = common::root().join("fixtures/plans/sichuan.plan");
    let province = province.to_str().unwrap();
    let both = plancheck(&["check", &city, province, "--format", "json"]);
    assert_ne!(code(&both), 2, "{}", stdout(&both));
    let doc: Value = serde_json::from_str(&stdout(&both)).unwrap();
    assert_eq!(doc["summary"]["plans"], 2);
    let again = write(
        dir.path(),
        "guangan-draft.plan",
        &GUANGAN.replace("Guang'an", "广安"),
    );
    let output = plancheck(&["check", &city, &again]);
    assert_eq!(code(&output), 2);
    assert!(
        stdout(&output).contains("two plans are given for Guang'an (Sichuan)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_city_adds_nothing_to_a_national_sum() {
    let dir = tempfile::tempdir().unwrap();
    // The excerpt's 40万千瓦以上 is hydro, wind and solar together; the test's own figure.
    let text = "province \"Sichuan\"\ncity \"Guang'an\"\ntarget wind_solar_capacity by 2030 {\n    value 40 万kW\n}\n";
    let plan = write(dir.path(), "guangan.plan", text);
    let doc = json(&["check", &plan, "--format", "json"]);
    let findings = doc["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["rule"] != "WS-2030" || f["contributors"] == Value::Array(Vec::new())),
        "{doc}"
    );
    assert_eq!(doc["unchecked"].as_array().unwrap().len(), 1);
}

#[test]
fn a_district_of_a_municipality_is_a_city_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = "province \"Chongqing\"\ncity     綦江区\n";
    let plan = write(dir.path(), "qijiang.plan", text);
    let output = plancheck(&["check", &plan, "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}
