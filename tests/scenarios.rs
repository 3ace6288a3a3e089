//! `check --scenarios`: plan sets from sub-folders and JSON Lines files, each judged on its
//! own, the output in input order for any number of cores, and a summary across the sets.
//! Every set is made here, from the bundled plans or the seeded generator.

mod common;

use std::path::Path;

use common::{code, plancheck, root, stdout};
use serde_json::{Value, json};

fn json_of(output: std::process::Output) -> Value {
    serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&output)))
}

/// A folder of sets: `a` with three bundled plans, `b` with two of the same provinces.
fn folder_sets(dir: &Path) {
    for (set, plans) in [
        ("a", &["anhui", "beijing", "hebei"][..]),
        ("b", &["anhui", "beijing"]),
    ] {
        std::fs::create_dir_all(dir.join(set)).unwrap();
        for plan in plans {
            let from = root().join(format!("fixtures/plans/{plan}.plan"));
            std::fs::copy(from, dir.join(set).join(format!("{plan}.plan"))).unwrap();
        }
    }
}

/// A JSON Lines record: one energy-intensity cut for 2025 (a test's own figure).
fn record(scenario: &str, province: &str, cut: &str) -> String {
    let target = json!({"indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020,
        "value": cut.parse::<serde_json::Number>().unwrap(), "unit": "%"});
    json!({"scenario": scenario, "province": province, "targets": [target]}).to_string()
}

/// A fresh folder holding `runs.jsonl` of these lines, and the file's path.
fn jsonl(lines: &[String]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (dir, path.to_str().unwrap().to_string())
}

fn check_json(path: &str) -> std::process::Output {
    plancheck(&["check", "--scenarios", path, "--format", "json"])
}

fn scenarios(doc: &Value) -> Vec<&str> {
    let sets = doc["scenarios"].as_array().unwrap();
    sets.iter()
        .map(|s| s["scenario"].as_str().unwrap())
        .collect()
}

#[test]
fn each_sub_folder_is_a_set_and_one_province_in_two_sets_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    let top = dir.path().to_str().unwrap();
    let doc = json_of(check_json(top));
    let names: Vec<String> = ["a", "b"].iter().map(|s| format!("{top}/{s}")).collect();
    assert_eq!(scenarios(&doc), names);
    let plans: Vec<u64> = doc["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["check"]["summary"]["plans"].as_u64().unwrap())
        .collect();
    assert_eq!(plans, [3, 2]);
    assert_eq!(doc["errors"], json!([]));
    assert_eq!(doc["across"]["sets"], 2);
    assert_eq!(doc["across"]["plans"], 5);
    let output = plancheck(&["check", "--scenarios", top]);
    assert_ne!(code(&output), 2, "{}", stdout(&output));
}

#[test]
fn two_plans_for_one_province_in_one_set_stay_an_error_of_that_set() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    let from = root().join("fixtures/plans/anhui.plan");
    std::fs::copy(from, dir.path().join("b/anhui-draft.plan")).unwrap();
    let top = dir.path().to_str().unwrap();
    let output = check_json(top);
    assert_eq!(code(&output), 2);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let errors = |set: usize| {
        doc["scenarios"][set]["check"]["errors"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((errors(0), errors(1)), (0, 1));
    assert_eq!(doc["scenarios"][1]["check"]["errors"][0]["code"], "PC022");
    assert_eq!(doc["across"]["sets_with_input_errors"], 1);
}

#[test]
fn records_of_a_json_lines_file_make_sets_pointing_at_their_lines() {
    let lines = [
        record("low", "Hebei", "12"),
        record("low", "Shanxi", "14"),
        String::new(),
        record("high", "Hebei", "14.5"),
    ];
    let (_dir, path) = jsonl(&lines);
    let doc = json_of(check_json(&path));
    assert_eq!(scenarios(&doc), ["low", "high"]);
    let findings = doc["scenarios"][1]["check"]["findings"].as_array().unwrap();
    let ei = findings.iter().find(|f| f["rule"] == "EI-2025").unwrap();
    assert_eq!(ei["location"]["line"], 4, "the blank line is counted");
    let value_column = lines[3].find("14.5").unwrap() + 1;
    assert_eq!(ei["location"]["column"], value_column);
    let output = plancheck(&["check", "--scenarios", &path, "--format", "concise"]);
    assert!(
        stdout(&output).contains(&format!("{path}:2:")),
        "{}",
        stdout(&output)
    );
}

#[test]
fn the_summary_across_sets_counts_outcomes_and_spreads_the_tightest_margins() {
    // EI-2025 is a benchmark (13.5 %): a set's tightest margin is its lowest plan's.
    let lines = [
        record("a", "Hebei", "14.5"),
        record("a", "Shanxi", "12"),
        record("b", "Hebei", "15"),
        record("c", "Hebei", "13.5"),
    ];
    let (_dir, path) = jsonl(&lines);
    let doc = json_of(check_json(&path));
    let rules = doc["across"]["rules"].as_array().unwrap();
    let ei = rules.iter().find(|r| r["rule"] == "EI-2025").unwrap();
    let sets = json!({"pass": 0, "reaches_benchmark": 2, "undecided": 0,
        "short_of_benchmark": 1, "fail": 0});
    assert_eq!(ei["sets"], sets);
    let spread = json!({"min": "-1.5", "quartile1": "-1.5", "median": "0", "quartile3": "1.5",
        "max": "1.5"});
    assert_eq!(ei["tightest_margin"], spread);
    assert_eq!(ei["margin_unit"], "pp");
    let human = stdout(&plancheck(&["check", "--scenarios", &path]));
    let row = human.lines().find(|l| l.starts_with("EI-2025 ")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[..6], ["EI-2025", "0", "0", "0", "2", "1"], "{row}");
    assert!(row.ends_with("-1.5, -1.5, 0, 1.5, 1.5 pp"), "{row}");
}

#[test]
fn an_aggregate_is_judged_over_its_own_set() {
    let capacity = |scenario: &str, province: &str, wan_kw: u32| {
        let target = json!({"indicator": "wind_solar_capacity", "year": 2030, "value": wan_kw,
            "unit": "万kW"});
        json!({"scenario": scenario, "province": province, "targets": [target]}).to_string()
    };
    let lines = [
        capacity("x", "Hebei", 10000),
        capacity("x", "Shanxi", 20000),
        capacity("y", "Hebei", 5000),
    ];
    let (_dir, path) = jsonl(&lines);
    let doc = json_of(check_json(&path));
    let sum = |set: usize| {
        let findings = doc["scenarios"][set]["check"]["findings"]
            .as_array()
            .unwrap();
        let ws = findings.iter().find(|f| f["rule"] == "WS-2030").unwrap();
        let contributors = ws["contributors"].as_array().unwrap();
        (ws["value"].clone(), contributors.len())
    };
    assert_eq!(sum(0), (json!("3"), 2));
    assert_eq!(sum(1), (json!("0.5"), 1));
}

#[test]
fn the_output_is_the_same_on_one_core_and_many() {
    let mut out = Vec::new();
    plancheck::workload::write_scenarios(&mut out, 24, 31, 7).unwrap();
    let lines: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let (_dir, path) = jsonl(&lines);
    for format in ["human", "json"] {
        let run = |jobs: &str| {
            let output = plancheck(&[
                "check",
                "--scenarios",
                &path,
                "-j",
                jobs,
                "--format",
                format,
            ]);
            (code(&output), output.stdout)
        };
        let one = run("1");
        assert!(!one.1.is_empty());
        assert_eq!(one, run("3"), "{format}");
        assert_eq!(one, run("8"), "{format}");
    }
    let doc = json_of(check_json(&path));
    assert_eq!(doc["across"]["sets"], 24);
    assert_eq!(doc["across"]["plans"], 24 * 31);
}

#[test]
fn records_without_a_set_are_errors_and_the_other_sets_are_still_checked() {
    let lines = [
        record("low", "Hebei", "12"),
        r#"{"province": "Hebei", "targets": []}"#.to_string(),
        "{not json".to_string(),
        record("high", "Hebei", "14"),
        record("low", "Anhui", "14"),
    ];
    let (_dir, path) = jsonl(&lines);
    let output = check_json(&path);
    assert_eq!(code(&output), 2);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scenarios(&doc), ["low", "high"]);
    // The records after `low`'s first are `low`'s problems; the scenario named again is
    // no set's.
    let codes_lines = |errors: &Value| -> Vec<(String, u64)> {
        let each = errors.as_array().unwrap().iter();
        each.map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["location"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
    };
    let low = codes_lines(&doc["scenarios"][0]["check"]["errors"]);
    assert_eq!(low, [("PC125".to_string(), 2), ("PC103".to_string(), 3)]);
    assert_eq!(codes_lines(&doc["errors"]), [("PC126".to_string(), 5)]);
}

#[test]
fn usage_errors_exit_2_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let empty = empty.to_str().unwrap();
    let cases: [(&[&str], &str); 3] = [
        (&["check", "--scenarios"], "--scenarios needs"),
        (&["check", "--scenarios", "-"], "not from standard input"),
        (&["check", "--scenarios", empty, "-j", "0"], "0"),
    ];
    for (args, says) in cases {
        let output = plancheck(args);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(
            common::stderr(&output).contains(says),
            "{args:?}: {}",
            common::stderr(&output)
        );
    }
    let output = plancheck(&["check", "--scenarios", empty]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).contains("PC116"), "{}", stdout(&output));
    let output = plancheck(&["check", empty]);
    assert!(
        stdout(&output).contains("check it with `--scenarios`"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn the_report_of_a_study_counts_what_check_found_in_each_set() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    let top = dir.path().to_str().unwrap();
    let checked = json_of(check_json(top));
    let report = json_of(plancheck(&[
        "report",
        "--scenarios",
        top,
        "--format",
        "json",
    ]));
    let rows = report["sets"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for (row, set) in rows.iter().zip(checked["scenarios"].as_array().unwrap()) {
        assert_eq!(row["scenario"], set["scenario"]);
        let summary = &set["check"]["summary"];
        for outcome in [
            "pass",
            "fail",
            "undeclared",
            "not_checkable",
            "short_of_benchmark",
        ] {
            assert_eq!(row["counts"][outcome], summary[outcome], "{outcome}");
        }
    }
    assert_eq!(report["rules"], checked["across"]["rules"]);
    let md = stdout(&plancheck(&[
        "report",
        "--scenarios",
        top,
        "--format",
        "md",
    ]));
    assert!(md.contains(&format!("| {top}/b | 2 |")), "{md}");
    let csv = stdout(&plancheck(&[
        "report",
        "--scenarios",
        top,
        "--format",
        "csv",
        "--no-bom",
    ]));
    assert!(csv.starts_with("scenario,plans,pass,fail,"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
}

/// A scenario's name is one line in every row of the study's CSV, whatever it holds.
#[test]
fn a_newline_in_a_scenario_name_stays_in_its_cell() {
    let (_dir, path) = jsonl(&[
        record("two\nlines", "Hebei", "12"),
        record("plain", "Shanxi", "14"),
    ]);
    let csv = stdout(&plancheck(&[
        "report",
        "--scenarios",
        &path,
        "--format",
        "csv",
        "--no-bom",
    ]));
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("two\\nlines,1,"), "{csv}");
}

#[test]
fn the_html_report_of_a_study_is_a_page_a_browser_reads() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let page = elsewhere.path().join("study.html");
    let (top, out) = (dir.path().to_str().unwrap(), page.to_str().unwrap());
    let output = plancheck(&["report", "--scenarios", top, "-o", out]);
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    let html = scraper::Html::parse_document(&std::fs::read_to_string(&page).unwrap());
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    assert_eq!(html.select(&select("main")).count(), 1);
    let headers = html.select(&select("thead th")).count();
    assert_eq!(headers, html.select(&select("thead th[scope=col]")).count());
    let sets: Vec<String> = html
        .select(&select("#sets ~ div tbody th"))
        .map(|th| th.text().collect())
        .collect();
    assert_eq!(sets, [format!("{top}/a"), format!("{top}/b")]);
}

#[test]
fn no_report_is_made_while_a_set_has_problems() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    std::fs::write(
        dir.path().join("b/broken.plan"),
        "province \"Hebei\"\ntarget {\n",
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("study.md");
    let (top, path) = (dir.path().to_str().unwrap(), out.to_str().unwrap());
    let output = plancheck(&["report", "--scenarios", top, "-o", path]);
    assert_eq!(code(&output), 2);
    assert!(common::stderr(&output).contains("no report is made"));
    assert!(!out.exists());
}

/// Found by a new user's review: what a study's input can hold, and where it is reported.
#[test]
fn a_report_is_never_written_over_the_study() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    let top = dir.path().to_str().unwrap();
    let inside = dir.path().join("a/anhui.plan");
    let before = std::fs::read(&inside).unwrap();
    let output = plancheck(&[
        "report",
        "--scenarios",
        top,
        "--format",
        "md",
        "-o",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        common::stderr(&output).contains("which the study is read from"),
        "{}",
        common::stderr(&output)
    );
    assert_eq!(std::fs::read(&inside).unwrap(), before);
    let (_dir, path) = jsonl(&[record("low", "Hebei", "12")]);
    let before = std::fs::read(&path).unwrap();
    let output = plancheck(&[
        "report",
        "--scenarios",
        &path,
        "--format",
        "md",
        "-o",
        &path,
    ]);
    assert_eq!(code(&output), 2);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_json_lines_file_inside_a_set_is_refused_not_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    folder_sets(dir.path());
    std::fs::write(
        dir.path().join("b/more.jsonl"),
        record("x", "Hebei", "12") + "\n",
    )
    .unwrap();
    let output = check_json(dir.path().to_str().unwrap());
    assert_eq!(code(&output), 2);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let errors = &doc["scenarios"][1]["check"]["errors"];
    assert_eq!(errors[0]["code"], "PC115", "{errors}");
}

#[test]
fn a_broken_record_is_its_set_s_problem_at_its_place_in_the_file() {
    let lines = [
        record("a", "Hebei", "12"),
        r#"{"scenario": "a", "province": "Shanxi", "targets": [}"#.to_string(),
        record("b", "Hebei", "14"),
    ];
    let (_dir, path) = jsonl(&lines);
    let output = check_json(&path);
    assert_eq!(code(&output), 2);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["across"]["sets_with_input_errors"], 1);
    let error = &doc["scenarios"][0]["check"]["errors"][0];
    assert_eq!(error["code"], "PC103");
    assert_eq!(error["location"]["line"], 2);
    // Offsets count from the start of the file, as a JSON plan's do.
    let offset = error["location"]["offset"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(&text[offset..offset + 1], "}");
}

#[test]
fn files_named_in_any_order_give_the_same_study() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.jsonl");
    let two = dir.path().join("two.jsonl");
    std::fs::write(&one, record("low", "Hebei", "12") + "\n").unwrap();
    std::fs::write(&two, record("low", "Shanxi", "14") + "\n").unwrap();
    let (one, two) = (one.to_str().unwrap(), two.to_str().unwrap());
    let a = plancheck(&["check", "--scenarios", one, two, "--format", "json"]);
    let b = plancheck(&["check", "--scenarios", two, one, "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(stdout(&a).contains("PC126"));
}

#[test]
fn a_scenario_is_a_string_with_something_in_it() {
    let lines = [
        r#"{"scenario": 5, "province": "Hebei", "targets": []}"#.to_string(),
        r#"{"scenario": " ", "province": "Hebei", "targets": []}"#.to_string(),
        "[1, 2]".to_string(),
        record("ok", "Hebei", "12"),
    ];
    let (_dir, path) = jsonl(&lines);
    let output = plancheck(&["check", "--scenarios", &path]);
    assert_eq!(code(&output), 2);
    let out = stdout(&output);
    for label in [
        "`scenario` is not a string",
        "an empty `scenario`",
        "a record is a JSON object",
    ] {
        assert!(out.contains(label), "{label}: {out}");
    }
    let doc = json_of(check_json(&path));
    assert_eq!(scenarios(&doc), ["ok"]);
    let missing = plancheck(&["check", "--scenarios", "no/such/study"]);
    assert!(stdout(&missing).contains("PC100"), "{}", stdout(&missing));
}

#[test]
fn the_least_level_shown_holds_in_every_format_of_a_study() {
    let (_dir, path) = jsonl(&[
        record("low", "Hebei", "12"),
        record("high", "Hebei", "14.5"),
    ]);
    let doc = json_of(plancheck(&[
        "check",
        "--scenarios",
        &path,
        "--format",
        "json",
        "--min-level",
        "error",
    ]));
    for set in doc["scenarios"].as_array().unwrap() {
        let findings = set["check"]["findings"].as_array().unwrap();
        assert!(
            findings.iter().all(|f| f["severity"] == "error"),
            "{findings:?}"
        );
    }
    let output = plancheck(&["check", "-j", "2"]);
    assert_eq!(code(&output), 2, "-j is for --scenarios");
    let broken = [record("a", "Hebei", "12"), "{not json".to_string()];
    let (_dir, path) = jsonl(&broken);
    let concise = stdout(&plancheck(&[
        "check",
        "--scenarios",
        &path,
        "--format",
        "concise",
    ]));
    assert!(
        concise.contains(&format!("{path}:2:2: error[PC103]")),
        "{concise}"
    );
}
