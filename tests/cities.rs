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

/// A rule for cities: each city's target at least as ambitious as its province's plan's.
/// The citation is Guang'an's own plan, whose 2030 targets are 完成省上下达目标.
const CITY_RULES: &str = r#"source guangan {
    title   "广安市碳达峰实施方案"
    address "https://m.bjx.com.cn/mnews/20240207/1360708.shtml"
}

rule CITY-EI-2025 "a city cuts energy intensity at least as much as its province" {
    kind    floor
    scope   every province
    require energy_intensity_cut by 2025 from 2020 as province
    cite    guangan "完成省上下达目标"
}
"#;

/// A city's plan declaring `value` for the energy-intensity cut by 2025 (a test's own
/// figures, beside Guang'an's real 14.5 %以上).
fn city_plan(city: &str, value: &str) -> String {
    format!(
        "province \"Sichuan\"\ncity     \"{city}\"\n\ntarget energy_intensity_cut by 2025 from 2020 {{\n    value {value}\n}}\n"
    )
}

/// The `CITY-EI-2025` findings of a check, by city: (outcome, reason, message).
fn city_findings(dir: &std::path::Path, plans: &[String]) -> Vec<(String, String, String)> {
    let rules = write(dir, "city.rules", CITY_RULES);
    let mut args = vec!["check", "--extra-rules", &rules, "--format", "json"];
    args.extend(plans.iter().map(String::as_str));
    let doc = json(&args);
    let findings = doc["findings"].as_array().unwrap();
    let mine = findings.iter().filter(|f| f["rule"] == "CITY-EI-2025");
    mine.map(|f| {
        let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
        (text("outcome"), text("reason"), text("message"))
    })
    .collect()
}

#[test]
fn a_city_is_held_to_its_province_s_figure() {
    let dir = tempfile::tempdir().unwrap();
    let sichuan = common::root().join("fixtures/plans/sichuan.plan");
    let sichuan = sichuan.to_str().unwrap().to_string();
    let plans = [
        ("a.plan", "Guang'an", "at_least 14.5 %"),
        ("b.plan", "Leshan", "13 %"),
        ("c.plan", "Mianyang", "by_reference"),
    ];
    let mut paths: Vec<String> = plans
        .iter()
        .map(|(file, city, value)| write(dir.path(), file, &city_plan(city, value)))
        .collect();
    paths.push(sichuan.clone());
    let found = city_findings(dir.path(), &paths);
    let outcomes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(outcomes, ["pass", "fail", "pass"], "{found:#?}");
    assert!(
        found[0].2.ends_with(
            "required at least as ambitious as Sichuan's plan, 14 %: met with 0.5 pp to spare"
        ),
        "{}",
        found[0].2
    );
    assert!(found[1].2.ends_with("missed by 1 pp"), "{}", found[1].2);
    assert!(
        found[2]
            .2
            .contains("declared by reference to its province's figure"),
        "{}",
        found[2].2
    );
    // The finding points at the province's target too, in JSON and in the human output.
    let rules = write(dir.path(), "city.rules", CITY_RULES);
    let doc = json(&[
        "check",
        "--extra-rules",
        &rules,
        &paths[1],
        &sichuan,
        "--format",
        "json",
    ]);
    let findings = doc["findings"].as_array().unwrap();
    let leshan = findings
        .iter()
        .find(|f| f["rule"] == "CITY-EI-2025")
        .unwrap();
    assert_eq!(leshan["city"], "Leshan");
    assert_eq!(leshan["province_target"]["location"]["line"], 7);
    assert_eq!(leshan["province_target"]["declared"]["value"], "14");
    let human = stdout(&plancheck(&[
        "check",
        "--extra-rules",
        &rules,
        &paths[1],
        &sichuan,
    ]));
    assert!(
        human.contains("Sichuan's plan declares 14 %") && human.contains("the province's figure"),
        "{human}"
    );
}

#[test]
fn without_the_province_s_figure_a_city_is_not_checkable() {
    let dir = tempfile::tempdir().unwrap();
    let leshan = write(dir.path(), "leshan.plan", &city_plan("Leshan", "13 %"));
    let alone = city_findings(dir.path(), std::slice::from_ref(&leshan));
    assert_eq!(
        (alone[0].0.as_str(), alone[0].1.as_str()),
        ("not_checkable", "no_province_plan")
    );
    let silent = write(dir.path(), "sichuan.plan", "province Sichuan\n");
    let found = city_findings(dir.path(), &[leshan.clone(), silent]);
    assert_eq!(found[0].1, "province_undeclared", "{found:?}");
    let referring = "province Sichuan\n\ntarget energy_intensity_cut by 2025 from 2020 {\n    value by_reference\n}\n";
    let referring = write(dir.path(), "sichuan.plan", referring);
    let found = city_findings(dir.path(), &[leshan, referring]);
    assert_eq!(found[0].1, "province_by_reference", "{found:?}");
    let deyang = write(dir.path(), "deyang.plan", "province Sichuan\ncity Deyang\n");
    let found = city_findings(dir.path(), &[deyang]);
    assert_eq!(found[0].0, "undeclared");
}

#[test]
fn as_province_is_a_floor_or_a_sum_of_cities() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "city.rules",
        &CITY_RULES.replace("kind    floor", "kind    benchmark"),
    );
    let output = plancheck(&["lint", "--extra-rules", &rules]);
    assert_eq!(code(&output), 2);
    assert!(
        stdout(&output).contains("`as province` holds each city to its province's own figure"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_empty_city_is_refused_and_a_second_plan_for_a_city_points_at_its_city_line() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "e.plan", "province Sichuan\ncity \"\"\n");
    let output = plancheck(&["check", &empty]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).contains("PC040"), "{}", stdout(&output));
    let first = write(dir.path(), "a.plan", &city_plan("Leshan", "13 %"));
    let second = write(dir.path(), "b.plan", &city_plan("乐山市", "14 %"));
    let doc = json(&["check", &first, &second, "--format", "json"]);
    let error = &doc["errors"][0];
    assert_eq!(error["code"], "PC022");
    assert_eq!(error["location"]["line"], 2, "the `city` line: {error}");
}

#[test]
fn a_report_names_a_city_s_plan_as_the_city_s() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), "guangan.plan", GUANGAN);
    let doc = json(&["report", &plan, "--format", "json"]);
    let row = &doc["matrix"]["rows"][0];
    assert_eq!(
        (&row["province"], &row["province_zh"]),
        (&"Guang'an (Sichuan)".into(), &"广安市".into())
    );
    assert_eq!(row["city"], "Guang'an");
    assert_eq!(doc["provinces"][0]["city"], "Guang'an");
    // A city's figure is not ranked among the provinces'.
    let ranked = doc["rankings"].as_array().unwrap();
    assert!(
        ranked
            .iter()
            .all(|r| r["entries"].as_array().unwrap().is_empty()),
        "{ranked:?}"
    );
}

/// A sum of cities into their province: do the cities' plans add up to the province's?
const CITY_SUM: &str = r#"rule CITY-WS-2030 "a province's cities add up to its wind and solar capacity" {
    kind    aggregate
    scope   sum of every province
    require wind_solar_capacity by 2030 as province
    cite    domain "plan-texts/cities/sichuan-guangan.txt"
}
"#;

/// Plans declaring wind and solar capacity by 2030 (a test's own figures).
fn capacity(province: &str, city: Option<&str>, wan_kw: u32) -> String {
    let city = city.map(|c| format!("city \"{c}\"\n")).unwrap_or_default();
    format!(
        "province \"{province}\"\n{city}target wind_solar_capacity by 2030 {{\n    value {wan_kw} 万kW\n}}\n"
    )
}

fn city_sum(dir: &std::path::Path, plans: &[(&str, String)]) -> Value {
    let rules = write(dir, "sum.rules", CITY_SUM);
    let paths: Vec<String> = plans
        .iter()
        .map(|(name, text)| write(dir, name, text))
        .collect();
    let mut args = vec!["check", "--extra-rules", &rules, "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let doc = json(&args);
    let findings = doc["findings"].as_array().unwrap();
    findings
        .iter()
        .find(|f| f["rule"] == "CITY-WS-2030")
        .cloned()
        .unwrap()
}

#[test]
fn the_cities_of_a_province_are_summed_against_its_own_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut plans = vec![
        ("a.plan", capacity("Sichuan", Some("Guang'an"), 40)),
        ("b.plan", capacity("Sichuan", Some("乐山"), 60)),
        ("c.plan", capacity("Sichuan", None, 90)),
    ];
    let met = city_sum(dir.path(), &plans);
    assert_eq!(
        (&met["outcome"], &met["value"], &met["margin"]),
        (&"pass".into(), &"100".into(), &"10".into())
    );
    let cities: Vec<&Value> = met["contributors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["city"])
        .collect();
    assert_eq!(cities, [&Value::from("Guang'an"), &Value::from("Leshan")]);
    assert!(
        met["message"]
            .as_str()
            .unwrap()
            .contains("100 万kW from 2 of 21 divisions"),
        "{met}"
    );
    // Short of the province's figure while 19 divisions have no plan: it could still be met.
    plans[2].1 = capacity("Sichuan", None, 200);
    let open = city_sum(dir.path(), &plans);
    assert_eq!(
        (&open["outcome"], &open["reason"]),
        (&"not_checkable".into(), &"not_enough_data".into())
    );
}

#[test]
fn a_sum_of_every_city_short_of_its_province_fails() {
    let dir = tempfile::tempdir().unwrap();
    // Hainan's four prefecture-level divisions, each with a plan.
    let plans = vec![
        ("h.plan", capacity("Hainan", None, 500)),
        ("1.plan", capacity("Hainan", Some("Haikou"), 100)),
        ("2.plan", capacity("Hainan", Some("Sanya"), 100)),
        ("3.plan", capacity("Hainan", Some("三沙市"), 10)),
        ("4.plan", capacity("Hainan", Some("Danzhou"), 90)),
    ];
    let missed = city_sum(dir.path(), &plans);
    assert_eq!(
        (&missed["outcome"], &missed["margin"]),
        (&"fail".into(), &"-200".into()),
        "{missed}"
    );
    assert!(
        missed["message"]
            .as_str()
            .unwrap()
            .ends_with("missed by 200 万kW"),
        "{missed}"
    );
}

/// The engine's streaming run judges cities as `check` does, whatever order the plans come
/// in: a city against its province's own plan (held until that plan comes), and the sums of
/// cities at the end.
#[test]
fn a_streaming_run_judges_cities_as_check_does() {
    use plancheck::eval::{Brief, Program, evaluate};
    use plancheck::finding::Outcome;
    use plancheck::source::SourceFile;
    let mut rules = plancheck::bundled::rule_files();
    rules.push(SourceFile::new("city.rules", CITY_RULES));
    rules.push(SourceFile::new("sum.rules", CITY_SUM));
    let sichuan = std::fs::read_to_string(common::root().join("fixtures/plans/sichuan.plan"));
    let plans = [
        ("1.plan", capacity("Hainan", Some("Haikou"), 100)),
        ("g.plan", GUANGAN.to_string()),
        ("2.plan", capacity("Hainan", Some("Sanya"), 100)),
        ("3.plan", capacity("Hainan", Some("三沙市"), 10)),
        ("4.plan", capacity("Hainan", Some("Danzhou"), 90)),
        ("h.plan", capacity("Hainan", None, 500)),
        ("s.plan", sichuan.unwrap()),
        ("l.plan", city_plan("乐山", "13 %")),
    ];
    let files = plans
        .map(|(name, text)| SourceFile::new(name, text))
        .to_vec();
    let date = time::macros::date!(2026 - 01 - 01);
    let checked = plancheck::check::check(rules, files, Vec::new(), date);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let (rules, plans) = (checked.rules.as_ref().unwrap(), &checked.plans);
    let program = Program::compile(rules);
    let brief = |f: &plancheck::finding::Finding| Brief {
        rule: f.rule as u32,
        plan: f.plan.map(|p| p as u32),
        outcome: f.outcome,
        severity: f.severity,
    };
    let mut expected: Vec<Brief> = evaluate(rules, plans).iter().map(brief).collect();
    let mut briefs = Vec::new();
    program.run(plans, |b| briefs.push(b));
    assert_eq!(briefs, expected, "Program::run, in evaluate's order");
    // Streamed in the order given: the cities before their provinces wait for them.
    let mut streamed = Vec::new();
    let mut run = program.start();
    for plan in plans {
        run.add(plan, |b| streamed.push(b));
    }
    run.finish(|b| streamed.push(b));
    expected.sort();
    streamed.sort();
    assert_eq!(streamed, expected);
    // A second plan for Haikou, ten times the first, after its province's: the first is
    // the one summed, in a stream as in `evaluate`.
    let mut second = plans[0].clone();
    if let plancheck::model::Declared::Value { amount, .. } = &mut second.targets[0].value {
        amount.base *= rust_decimal::Decimal::TEN;
    }
    let twice: Vec<_> = plans.iter().cloned().chain([second]).collect();
    let mut whole: Vec<Brief> = evaluate(rules, &twice).iter().map(brief).collect();
    let mut run = program.start();
    let mut stream = Vec::new();
    for plan in &twice {
        run.add(plan, |b| stream.push(b));
    }
    run.finish(|b| stream.push(b));
    whole.sort();
    stream.sort();
    assert_eq!(stream, whole);
    let id = |b: &Brief| rules.rules[b.rule as usize].id.as_str();
    let of = |rule: &str| {
        streamed
            .iter()
            .filter(|b| id(b) == rule)
            .map(|b| b.outcome)
            .collect::<Vec<_>>()
    };
    assert!(
        of("CITY-EI-2025").contains(&Outcome::Pass),
        "Guang'an meets Sichuan's 14 %"
    );
    assert!(
        of("CITY-EI-2025").contains(&Outcome::Fail),
        "Leshan's 13 % does not"
    );
    assert!(
        of("CITY-WS-2030").contains(&Outcome::Fail),
        "Hainan's cities add up short"
    );
}
