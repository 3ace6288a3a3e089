//! `plancheck lint`: every fixture in `fixtures/lint` reports the code it is named after, with
//! its human output kept as a snapshot; exit codes; the JSON output; suppressions.
//!
//! The folder is listed, not named file by file: a new fixture is tested as soon as it is
//! added. A fixture named after a code (`PC011.rules`) must report that code; any other
//! fixture (`suppressed.rules`) must have findings suppressed.

mod common;

use std::fs;
use std::path::Path;

use common::{code, plancheck, root, stderr, stdout};
use serde_json::Value;

const LINT: &str = "fixtures/lint";

/// The files in `fixtures/lint`, as paths relative to the repository root, sorted.
fn lint_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(root().join(LINT))
        .expect("fixtures/lint exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_str().expect("a UTF-8 name");
            format!("{LINT}/{name}")
        })
        .collect();
    files.sort();
    files
}

fn file_name(file: &str) -> &str {
    Path::new(file).file_name().unwrap().to_str().unwrap()
}

/// The code a fixture is named after, such as `PC011` for `PC011.rules`.
fn named_code(file: &str) -> Option<&str> {
    let stem = Path::new(file).file_stem()?.to_str()?;
    plancheck::codes::find(stem).map(|c| c.id)
}

/// The codes shown in human output: each diagnostic starts with its code on a line of its own.
fn codes_in(human: &str) -> Vec<&str> {
    human
        .lines()
        .filter(|line| plancheck::codes::find(line).is_some())
        .collect()
}

/// The number before " suppressed" in the summary line.
fn suppressed_count(human: &str) -> usize {
    let summary = human.lines().last().expect("a summary line");
    let (before, _) = summary
        .split_once(" suppressed")
        .expect("the summary counts suppressed findings");
    before.rsplit(' ').next().unwrap().parse().expect("a count")
}

fn lint_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["lint"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let output = plancheck(&all);
    let doc = serde_json::from_str(&stdout(&output)).expect("JSON output");
    (code(&output), doc)
}

#[test]
fn there_is_a_fixture_for_every_code_lint_reports_on_rule_files() {
    let files = lint_files();
    let expected = [
        "PC001", "PC002", "PC003", "PC004", "PC005", "PC006", "PC007", "PC008", "PC009", "PC010",
        "PC011", "PC012", "PC013", "PC014", "PC015", "PC016", "PC017", "PC018", "PC019", "PC020",
        "PC023", "PC025", "PC026", "PC027", "PC028", "PC029", "PC033", "PC035", "PC036", "PC037",
        "PC038",
    ];
    for id in expected {
        let file = format!("{LINT}/{id}.rules");
        assert!(files.contains(&file), "no fixture {file}");
    }
    for lint in plancheck::codes::CODES
        .iter()
        .filter(|c| c.kind == plancheck::codes::CodeKind::Lint)
    {
        assert!(
            expected.contains(&lint.id),
            "no fixture for lint {}",
            lint.id
        );
    }
    assert!(files.contains(&format!("{LINT}/suppressed.rules")));
}

#[test]
fn every_fixture_says_what_it_shows() {
    for file in lint_files() {
        let text = fs::read_to_string(root().join(&file)).unwrap();
        assert!(
            text.starts_with("# "),
            "{file} starts with a `#` comment saying what it shows"
        );
    }
}

#[test]
fn every_fixture_reports_its_code() {
    let mut faults = Vec::new();
    for file in lint_files() {
        let output = plancheck(&["lint", &file]);
        let out = stdout(&output);
        if stderr(&output).contains("panicked") {
            faults.push(format!("{file}: panicked: {}", stderr(&output)));
        }
        match named_code(&file) {
            Some(id) if !codes_in(&out).contains(&id) => {
                faults.push(format!("{file}: no {id} in the output:\n{out}"))
            }
            Some(_) => {}
            None if suppressed_count(&out) == 0 => {
                faults.push(format!("{file}: nothing suppressed:\n{out}"))
            }
            None => {}
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_fixture_reports_its_own_code_only() {
    for file in lint_files() {
        let out = stdout(&plancheck(&["lint", &file]));
        let others: Vec<&str> = codes_in(&out)
            .into_iter()
            .filter(|c| Some(*c) != named_code(&file))
            .collect();
        assert!(others.is_empty(), "{file} also reports {others:?}:\n{out}");
    }
}

#[test]
fn the_human_output_of_every_fixture_is_as_reviewed() {
    for file in lint_files() {
        let output = plancheck(&["lint", &file]);
        insta::with_settings!({
            snapshot_suffix => file_name(&file),
            description => format!("plancheck lint {file}"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("human", stdout(&output));
        });
    }
}

#[test]
fn the_bundled_rules_lint_clean_with_their_two_suppressions_counted() {
    let output = plancheck(&["lint"]);
    let out = stdout(&output);
    assert_eq!(code(&output), 0, "{out}");
    assert_eq!(
        out, "linted 2 files: 0 errors, 0 warnings, 0 notes; 2 suppressed\n",
        "nothing but the summary"
    );
    let (exit, doc) = lint_json(&["--deny-warnings"]);
    assert_eq!(exit, 0);
    assert_eq!(doc["summary"]["suppressed"], 2);
}

#[test]
fn an_error_level_lint_exits_with_1() {
    let output = plancheck(&["lint", "fixtures/lint/PC011.rules"]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
}

#[test]
fn a_warning_exits_with_0_and_with_1_when_warnings_are_denied() {
    let file = "fixtures/lint/PC009.rules";
    assert_eq!(code(&plancheck(&["lint", file])), 0);
    assert_eq!(code(&plancheck(&["lint", file, "--deny-warnings"])), 1);
}

#[test]
fn a_file_that_does_not_parse_exits_with_2() {
    let output = plancheck(&["lint", "fixtures/bad/rules-stray-character.rules"]);
    assert_eq!(code(&output), 2);
    assert!(codes_in(&stdout(&output)).contains(&"PC103"));
}

#[test]
fn a_rule_file_that_does_not_resolve_exits_with_2_even_when_warnings_are_denied() {
    let output = plancheck(&["lint", "fixtures/lint/PC001.rules", "--deny-warnings"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn json_findings_have_code_severity_message_location_and_the_reason_when_suppressed() {
    let (exit, doc) = lint_json(&["fixtures/lint/suppressed.rules"]);
    assert_eq!(exit, 0);
    assert_eq!(doc["version"], 1);
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 4, "{doc:#}");
    for f in findings {
        assert!(f["code"].as_str().is_some_and(|c| c.starts_with("PC")));
        assert!(["error", "warning", "note"].contains(&f["severity"].as_str().unwrap()));
        assert!(!f["message"].as_str().unwrap().is_empty());
        assert_eq!(f["location"]["file"], "fixtures/lint/suppressed.rules");
        assert!(f["location"]["line"].as_u64().unwrap() >= 1);
        assert!(f["location"]["column"].as_u64().unwrap() >= 1);
        assert!(
            f["suppressed"].is_string(),
            "suppressed with a reason: {f:#}"
        );
    }
    let reason = |id: &str| -> Vec<&str> {
        findings
            .iter()
            .filter(|f| f["code"] == id)
            .map(|f| f["suppressed"].as_str().unwrap())
            .collect()
    };
    let file_level = "draft rules: citations are added once the text is final";
    assert_eq!(reason("PC013"), [file_level, file_level], "at file level");
    assert_eq!(
        reason("PC015"),
        ["Jiangsu declares it; no rule may take it for forest coverage"],
        "in an indicator"
    );
    assert_eq!(
        reason("PC012"),
        ["kept while the provinces comment on the stricter draft"],
        "in a rule"
    );
    let summary = &doc["summary"];
    assert_eq!(summary["suppressed"], 4);
    assert_eq!(
        (&summary["errors"], &summary["warnings"], &summary["notes"]),
        (&Value::from(0), &Value::from(0), &Value::from(0))
    );
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["input_errors"], 0);
}

#[test]
fn json_findings_that_are_not_suppressed_have_a_null_reason() {
    let (exit, doc) = lint_json(&["fixtures/lint/PC011.rules"]);
    assert_eq!(exit, 1);
    let f = &doc["findings"][0];
    assert_eq!(f["code"], "PC011");
    assert_eq!(f["severity"], "error");
    assert!(f["suppressed"].is_null());
    assert_eq!(f["location"]["line"], 22);
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["suppressed"], 0);
}

#[test]
fn suppressed_findings_are_counted_not_shown() {
    let out = stdout(&plancheck(&["lint", "fixtures/lint/suppressed.rules"]));
    assert_eq!(
        out,
        "linted 1 file: 0 errors, 0 warnings, 0 notes; 4 suppressed\n"
    );
}

/// A rule with `allow PC013` (no citation) in it, with or without the citation.
fn rule_file(cited: bool) -> String {
    let (source, cite) = if cited {
        (
            "source seed {\n    title \"China's Policies and Actions (2023)\"\n}\n",
            "cite     seed \"Table 1, Others (2030)\"",
        )
    } else {
        ("", "")
    };
    format!(
        r#"{source}
indicator co2_peak_year {{
    unit     year
    ambition earlier
}}

rule PEAK-2030 "CO2 emissions peak by 2030" {{
    kind     floor
    require  co2_peak_year no later than 2030
    {cite}
    allow    PC013 because "the source is being looked up"
}}
"#
    )
}

#[test]
fn an_allow_that_no_longer_suppresses_anything_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("peak.rules");
    let path = path.to_str().unwrap();

    fs::write(path, rule_file(false)).unwrap();
    let (exit, doc) = lint_json(&[path]);
    assert_eq!(exit, 0);
    assert_eq!(doc["summary"]["suppressed"], 1, "{doc:#}");
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);

    fs::write(path, rule_file(true)).unwrap();
    let (exit, doc) = lint_json(&[path]);
    assert_eq!(exit, 0, "an unused allow is a warning");
    assert_eq!(doc["summary"]["suppressed"], 0);
    assert_eq!(doc["summary"]["warnings"], 1);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{doc:#}");
    let f = &findings[0];
    assert_eq!(f["code"], "PC019");
    assert_eq!(f["severity"], "warning");
    assert!(f["suppressed"].is_null());
    assert_eq!(f["message"], "`allow PC013` suppresses nothing");
    assert_eq!(
        (&f["location"]["line"], &f["location"]["column"]),
        (&Value::from(14), &Value::from(5)),
        "at the `allow`"
    );

    let output = plancheck(&["lint", path, "--deny-warnings"]);
    assert_eq!(code(&output), 1);
    assert!(codes_in(&stdout(&output)).contains(&"PC019"));
}

#[test]
fn an_allow_of_a_code_that_is_not_a_lint_says_what_the_code_is() {
    let output = plancheck(&["lint", "fixtures/lint/PC033.rules", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PC033")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages[0],
        "`PC001` (unknown-indicator) cannot be allowed: it is a resolution error, not a lint"
    );
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("pc019.rules");
    std::fs::write(
        &rules,
        "allow PC019 because \"x\"\nsource seed { title \"t\" }\n",
    )
    .unwrap();
    let output = plancheck(&["lint", rules.to_str().unwrap(), "--format", "json"]);
    let text = stdout(&output);
    assert!(
        text.contains("`PC019` (unused-suppression) cannot be allowed: an unused `allow` is found only once the others are judged"),
        "{text}"
    );
}

/// A rule file with one rule per condition, all on the same target and of the same kind.
fn rules_requiring(conditions: &[String]) -> String {
    let mut text =
        String::from("allow PC013 because \"no sources here\"\nindicator x { unit % }\n");
    for (i, condition) in conditions.iter().enumerate() {
        text.push_str(&format!(
            "rule R{i} \"t\" {{ kind floor require x by 2025 {condition} }}\n"
        ));
    }
    text
}

/// `(rule, the rule it is implied by)` for every PC012 finding.
fn redundancies(text: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.rules");
    fs::write(&path, text).unwrap();
    let (exit, doc) = lint_json(&[path.to_str().unwrap()]);
    assert_eq!(exit, 0, "{doc}");
    let findings: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .collect();
    assert!(findings.iter().all(|f| f["code"] == "PC012"), "{doc}");
    findings
        .iter()
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
            (names[0].to_string(), names[1].to_string())
        })
        .collect()
}

#[test]
fn a_redundant_rule_is_reported_once_pointing_at_the_first_rule_that_implies_it() {
    // Three copies of one rule and a stricter one: every rule but the strictest is implied,
    // the first copy by the stricter rule (a later copy does not make an earlier redundant),
    // the other copies by the first.
    let conditions = [">= 10 %", ">= 10 %", ">= 10 %", ">= 20 %"].map(String::from);
    assert_eq!(
        redundancies(&rules_requiring(&conditions)),
        [("R0", "R3"), ("R1", "R0"), ("R2", "R0")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Ranges: [10, 30] is implied by [15, 25] and by == 20, the first of which is R1;
    // (5, ∞) by all but [5, 50], which holds 5.
    let conditions = [
        "between 10 % and 30 %",
        "between 15 % and 25 %",
        "== 20 %",
        "> 5 %",
        "between 5 % and 50 %",
    ]
    .map(String::from);
    assert_eq!(
        redundancies(&rules_requiring(&conditions)),
        [("R0", "R1"), ("R1", "R2"), ("R3", "R0"), ("R4", "R0")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn thousands_of_redundant_rules_give_one_warning_each() {
    let copies = vec![">= 10 %".to_string(); 3000];
    let found = redundancies(&rules_requiring(&copies));
    assert_eq!(found.len(), 2999);
    assert!(found.iter().all(|(_, by)| by == "R0"));

    // Each rule implied by every stricter one after it: the nearest is named.
    let rising: Vec<String> = (0..3000).map(|i| format!(">= {i} %")).collect();
    let found = redundancies(&rules_requiring(&rising));
    assert_eq!(found.len(), 2999);
    assert_eq!(found[0], ("R0".to_string(), "R1".to_string()));
}

#[test]
fn an_allow_between_declarations_applies_to_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.rules");
    let text = "indicator x { unit % }\n\
        rule A \"t\" { kind floor require x by 2025 >= 1 % }\n\
        allow PC013 because \"these rules are drafts\"\n\
        rule B \"t\" { kind floor require x by 2030 >= 2 % }\n";
    fs::write(&path, text).unwrap();
    let (exit, doc) = lint_json(&[path.to_str().unwrap()]);
    assert_eq!(exit, 0, "{doc}");
    let suppressed: Vec<(&str, &str)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["suppressed"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        suppressed,
        [
            ("PC013", "these rules are drafts"),
            ("PC013", "these rules are drafts")
        ],
        "rule A, above the allow, and rule B, below it"
    );
}
