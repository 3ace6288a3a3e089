//! Output for CI: SARIF 2.1.0 (validated against the official schema), GitHub Actions
//! workflow commands and JUnit XML, for `check`, `lint` and `test`.
//!
//! `tests/schemas/sarif-2.1.0.json` is the official schema, as shipped in the npm package
//! `@microsoft/sarif-multitool-linux` 5.7.0 (MIT licensed).

mod common;

use common::{code, plancheck, root, shared, stdout};
use serde_json::{Value, json};

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("the schema compiles")
}

/// Runs plancheck, asserts its SARIF is valid against the schema, and returns it.
fn valid_sarif(args: &[&str]) -> (i32, Value) {
    let output = plancheck(args);
    let sarif: Value = serde_json::from_str(&stdout(&output)).expect("SARIF is JSON");
    let errors: Vec<String> = schema()
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    (code(&output), sarif)
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().unwrap()
}

#[test]
fn check_sarif_is_valid_and_describes_the_rules() {
    let (exit, sarif) = valid_sarif(&["check", "--format", "sarif"]);
    assert_eq!(exit, 0, "exit codes do not depend on the format");
    assert_eq!(sarif["version"], "2.1.0");
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "plancheck");
    let rules = driver["rules"].as_array().unwrap();
    let ei = rules.iter().find(|r| r["id"] == "EI-2025").unwrap();
    assert_eq!(ei["defaultConfiguration"]["level"], "warning");
    assert!(
        ei["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("13.5 %")
    );
    assert!(ei["help"]["text"].as_str().unwrap().contains("Liaoning"));
    let gansu = results(&sarif)
        .iter()
        .find(|r| r["ruleId"] == "EI-2025" && r["properties"]["severity"] == "warning")
        .unwrap();
    assert_eq!(
        (&gansu["kind"], &gansu["level"]),
        (&json!("review"), &json!("none")),
        "a benchmark short of its figure is for review, never a SARIF `fail`"
    );
    assert_eq!(gansu["properties"]["outcome"], "short_of_benchmark");
    let region = &gansu["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        gansu["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%3Cbundled%3E/fixtures/plans/gansu.plan",
        "a bundled file is named as built in, percent-encoded"
    );
    assert_eq!(
        (region["startLine"].as_i64(), region["startColumn"].as_i64()),
        (Some(7), Some(16))
    );
    assert_eq!(region["endColumn"], 22, "`12.5 %` is six characters");
    let related = &gansu["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "%3Cbundled%3E/rules/national.rules"
    );
    assert_eq!(
        gansu["ruleIndex"]
            .as_i64()
            .map(|i| &rules[i as usize]["id"]),
        Some(&Value::from("EI-2025"))
    );

    // The schema does reject what is not SARIF.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!schema().is_valid(&broken));
}

#[test]
fn check_sarif_for_one_plan() {
    let (_, sarif) = valid_sarif(&["check", "fixtures/plans/gansu.plan", "--format", "sarif"]);
    insta::assert_snapshot!(
        "check_gansu_sarif",
        serde_json::to_string_pretty(&sarif).unwrap()
    );
}

#[test]
fn input_problems_and_waivers_are_results_too() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.plan");
    std::fs::write(&bad, "province Atlantis\n").unwrap();
    let waived = dir.path().join("waived.plan");
    std::fs::write(
        &waived,
        "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 { value 12.5 % }\n\
         waive EI-2025 { reason \"assigned 12.5 %\" approved_by \"NDRC\" expires 2030-01-01 }\n",
    )
    .unwrap();
    let args = [
        "check",
        bad.to_str().unwrap(),
        waived.to_str().unwrap(),
        "--format",
        "sarif",
        "--today",
        "2026-01-01",
    ];
    let (exit, sarif) = valid_sarif(&args);
    assert_eq!(exit, 2);
    let atlantis = results(&sarif)
        .iter()
        .find(|r| r["ruleId"] == "PC004")
        .unwrap();
    assert_eq!(atlantis["level"], "error");
    assert_eq!(
        atlantis["locations"][0]["physicalLocation"]["region"]["startColumn"],
        10
    );
    let ei = results(&sarif)
        .iter()
        .find(|r| r["ruleId"] == "EI-2025")
        .unwrap();
    assert_eq!(ei["suppressions"][0]["kind"], "inSource");
    assert!(
        ei["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .contains("NDRC")
    );
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(
        rules.iter().any(|r| r["id"] == "PC004"),
        "codes used are described as rules"
    );
}

#[test]
fn lint_sarif_is_valid_with_suppressions() {
    let (exit, sarif) = valid_sarif(&["lint", "fixtures/lint", "--format", "sarif"]);
    assert_eq!(exit, 2, "some fixtures do not resolve");
    let (exit, sarif_one) = valid_sarif(&[
        "lint",
        "fixtures/lint/suppressed.rules",
        "--format",
        "sarif",
    ]);
    assert_eq!(exit, 0);
    let suppressed: Vec<&Value> = results(&sarif_one)
        .iter()
        .filter(|r| r["suppressions"].is_array())
        .collect();
    assert_eq!(suppressed.len(), 4);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "PC015" && r["name"] == "UnusedIndicator")
    );
    let (_, bundled) = valid_sarif(&["lint", "--format", "sarif"]);
    assert_eq!(
        results(&bundled).len(),
        2,
        "the two allowed lints, suppressed"
    );
}

#[test]
fn lint_sarif_for_one_fixture() {
    let (_, sarif) = valid_sarif(&["lint", "fixtures/lint/PC012.rules", "--format", "sarif"]);
    insta::assert_snapshot!(
        "lint_pc012_sarif",
        serde_json::to_string_pretty(&sarif).unwrap()
    );
}

#[test]
fn github_annotations() {
    let check = plancheck(&["check", "fixtures/plans/gansu.plan", "--format", "github"]);
    assert_eq!(code(&check), 0);
    let text = stdout(&check);
    assert!(text.lines().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
    assert!(text.contains("::warning file=fixtures/plans/gansu.plan,line=7,col=16,endLine=7,endColumn=22,title=EI-2025::"));
    assert!(
        text.contains("national benchmark `>= 13.5 %25`"),
        "% is escaped in the message"
    );
    insta::assert_snapshot!("check_gansu_github", text);

    let lint = plancheck(&["lint", "fixtures/lint/PC011.rules", "--format", "github"]);
    assert_eq!(code(&lint), 1);
    insta::assert_snapshot!("lint_pc011_github", stdout(&lint));
}

fn junit(args: &[&str]) -> quick_junit::Report {
    quick_junit::Report::deserialize_from_str(&stdout(&plancheck(args))).expect("JUnit XML")
}

#[test]
fn junit_has_a_case_per_rule_and_plan() {
    let check = junit(&["check", "--format", "junit"]);
    // One suite per plan and one for the national aggregates.
    assert_eq!(check.test_suites.len(), 32);
    let gansu = check
        .test_suites
        .iter()
        .find(|s| s.name.as_str() == "<bundled>/fixtures/plans/gansu.plan")
        .unwrap();
    assert_eq!(
        gansu.test_cases.len(),
        16 - 3,
        "every rule but the three aggregates"
    );
    let ei = gansu
        .test_cases
        .iter()
        .find(|c| c.name.as_str() == "EI-2025")
        .unwrap();
    assert!(
        matches!(ei.status, quick_junit::TestCaseStatus::Success { .. }),
        "a benchmark is never a failed case"
    );
    assert!(
        ei.system_out
            .as_ref()
            .is_some_and(|o| o.as_str().contains("below the national 13.5 % by 1 pp"))
    );
    let hebei_peak = check
        .test_suites
        .iter()
        .find(|s| s.name.as_str() == "<bundled>/fixtures/plans/hebei.plan")
        .and_then(|s| s.test_cases.iter().find(|c| c.name.as_str() == "PEAK-2030"))
        .unwrap();
    assert!(
        matches!(
            hebei_peak.status,
            quick_junit::TestCaseStatus::NonSuccess { .. }
        ),
        "an undeclared floor at warning level is"
    );

    let lint = junit(&["lint", "--format", "junit"]);
    assert_eq!(
        lint.test_suites[0].test_cases.len(),
        16 + 1,
        "each rule, and the other declarations"
    );
    assert_eq!(lint.failures, 0);

    let tests = junit(&["test", "--format", "junit"]);
    assert_eq!(tests.tests, 31);
    assert_eq!(tests.failures, 0);
}

#[test]
fn junit_failures_of_a_test_are_one_a_line_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let tests = dir.path().join("my.tests");
    std::fs::write(
        &tests,
        "test \"wrong on purpose\" {\n    plan { province Beijing target energy_intensity_cut by 2025 from 2020 { value 13 % } }\n    expect EI-2025 reaches_benchmark\n    expect PEAK-2030 pass\n}\n",
    )
    .unwrap();
    let path = tests.to_str().unwrap();
    let xml = stdout(&plancheck(&["test", path, "--format", "junit"]));
    let report = quick_junit::Report::deserialize_from_str(&xml).expect("JUnit XML");
    let case = &report.test_suites[0].test_cases[0];
    let quick_junit::TestCaseStatus::NonSuccess {
        message,
        description,
        ..
    } = &case.status
    else {
        panic!("a failure: {xml}");
    };
    assert_eq!(message.as_deref(), Some("2 expectations do not hold"));
    let lines: Vec<&str> = description.as_deref().unwrap().lines().collect();
    assert_eq!(lines.len(), 2, "{xml}");
    assert!(lines[0].starts_with(&format!(
        "{path}:3:5: expected `EI-2025` reaches_benchmark, got short_of_benchmark"
    )));
    assert!(lines[1].starts_with(&format!("{path}:4:5: expected `PEAK-2030` pass")));
}

#[test]
fn junit_lint_failures_are_one_a_line_with_their_place() {
    let xml = stdout(&plancheck(&[
        "lint",
        "fixtures/lint/PC017.rules",
        "--format",
        "junit",
    ]));
    let report = quick_junit::Report::deserialize_from_str(&xml).expect("JUnit XML");
    let failed: Vec<&str> = report.test_suites[0]
        .test_cases
        .iter()
        .filter_map(|c| match &c.status {
            quick_junit::TestCaseStatus::NonSuccess { description, .. } => description.as_deref(),
            _ => None,
        })
        .flat_map(str::lines)
        .collect();
    assert!(!failed.is_empty(), "{xml}");
    for line in failed {
        assert!(line.starts_with("fixtures/lint/PC017.rules:"), "{line}");
    }
}

/// The artifact URIs of a SARIF log, each once, in order of first use.
fn artifact_uris(sarif: &Value) -> Vec<String> {
    let mut uris: Vec<String> = Vec::new();
    for result in results(sarif) {
        let locations = result["locations"].as_array().into_iter().flatten();
        let related = result["relatedLocations"].as_array().into_iter().flatten();
        for location in locations.chain(related) {
            let uri = &location["physicalLocation"]["artifactLocation"]["uri"];
            let uri = uri.as_str().unwrap().to_string();
            if !uris.contains(&uri) {
                uris.push(uri);
            }
        }
    }
    uris
}

#[test]
fn sarif_uris_are_percent_encoded_relative_or_file_urls() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub dir")).unwrap();
    for name in ["my plan #1 100%.plan", "北京.plan", "sub dir/a:b.plan"] {
        std::fs::write(dir.path().join(name), "province Beijing\n").unwrap();
    }
    let check = |paths: &[&str]| {
        let mut args = vec!["check", "--format", "sarif"];
        args.extend(paths);
        let output = common::plancheck_in(dir.path(), &args);
        let sarif: Value = serde_json::from_str(&stdout(&output)).expect("SARIF is JSON");
        assert!(schema().is_valid(&sarif));
        artifact_uris(&sarif)
    };
    let uris = check(&["my plan #1 100%.plan", "sub dir/a:b.plan", "北京.plan"]);
    for expected in [
        "my%20plan%20%231%20100%25.plan",
        "sub%20dir/a%3Ab.plan",
        "%E5%8C%97%E4%BA%AC.plan",
    ] {
        assert!(uris.iter().any(|u| u == expected), "{expected} in {uris:?}");
    }

    let absolute = dir.path().join("北京.plan");
    let uris = check(&[absolute.to_str().unwrap()]);
    let plan_uri = uris.iter().find(|u| u.ends_with(".plan")).unwrap();
    assert!(plan_uri.starts_with("file:///"), "{plan_uri}");
    assert!(plan_uri.ends_with("/%E5%8C%97%E4%BA%AC.plan"), "{plan_uri}");
    assert!(!plan_uri.contains(' ') && plan_uri.is_ascii(), "{plan_uri}");
}

/// A document's notes (a sentence not read) are notes in every CI format: a SARIF result at
/// level `note`, a GitHub `::notice`, a passing JUnit case that says what was not read.
#[test]
fn notes_on_a_document_are_notes_in_ci_formats() {
    let chongqing = shared("plan-texts/chongqing.txt").display().to_string();
    let (exit, sarif) = valid_sarif(&["check", &chongqing, "--format", "sarif"]);
    assert_eq!(exit, 0);
    let note = results(&sarif)
        .iter()
        .find(|r| r["ruleId"] == "PC120")
        .expect("the PC120 note is a result");
    assert_eq!(note["level"], "note");
    let github = stdout(&plancheck(&["check", &chongqing, "--format", "github"]));
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::notice ") && l.contains("PC120")),
        "{github}"
    );
    let report = junit(&["check", &chongqing, "--format", "junit"]);
    let input = report
        .test_suites
        .iter()
        .find(|s| s.name.as_str() == "input")
        .unwrap();
    assert_eq!(input.failures, 0);
    let case = &input.test_cases[0];
    assert!(
        case.name.as_str().starts_with("PC120 "),
        "{}",
        case.name.as_str()
    );
    assert!(matches!(
        case.status,
        quick_junit::TestCaseStatus::Success { .. }
    ));
}

/// Microsoft's SARIF Multitool, as `.ci/run` installs it (`PLANCHECK_SARIF_MULTITOOL`), or
/// where npm put it under `target/`.
fn multitool() -> Option<std::path::PathBuf> {
    let installed = root().join(
        "target/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
    );
    std::env::var_os("PLANCHECK_SARIF_MULTITOOL")
        .map(std::path::PathBuf::from)
        .or(Some(installed))
        .filter(|p| p.is_file())
}

/// The Multitool's own rules, SARIF's and GitHub's, find no error in what `check` and `lint`
/// write (its warnings and notes are advice: an `informationUri` needs a public address
/// the repository does not have yet).
#[test]
fn the_sarif_multitool_finds_no_error() {
    let Some(tool) = multitool() else {
        eprintln!(
            "skipped: the SARIF Multitool is not installed (npm install @microsoft/sarif-multitool)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let document = shared("plan-texts/fujian.txt").display().to_string();
    let (sets, _) = study(dir.path());
    let readme = "https://example.org/plancheck/blob/v1/README.md";
    let runs: [&[&str]; 4] = [
        &["check", "--format", "sarif", "--readme-url", readme],
        &["check", &document, "--format", "sarif"],
        &["lint", "--format", "sarif", "--readme-url", readme],
        &["check", "--scenarios", &sets, "--format", "sarif"],
    ];
    for (i, args) in runs.iter().enumerate() {
        let input = dir.path().join(format!("run{i}.sarif"));
        let output = dir.path().join(format!("run{i}.out.sarif"));
        std::fs::write(&input, stdout(&plancheck(args))).unwrap();
        let status = std::process::Command::new(&tool)
            .args([
                "validate",
                "--rule-kind",
                "Gh;Sarif",
                "--level",
                "Error;Warning;Note",
                "-o",
            ])
            .arg(&output)
            .arg(&input)
            .output()
            .expect("the Multitool runs");
        assert!(
            status.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&status.stdout)
        );
        let log: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
        let errors: Vec<&Value> = results(&log)
            .iter()
            .filter(|r| r["level"] == "error" || r["level"].is_null() && r["ruleId"] == "SARIF1001")
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert!(
            !results(&log).iter().any(|r| r["ruleId"] == "SARIF1001"),
            "{args:?}: a name equal to an id"
        );
    }
}

/// Every rule has a friendly name and help, every result a fingerprint that does not move
/// with its line; related locations have ids; each command has its own category.
#[test]
fn sarif_has_what_code_scanning_uses() {
    let (_, sarif) = valid_sarif(&["check", "--format", "sarif"]);
    let run = &sarif["runs"][0];
    assert_eq!(run["automationDetails"]["id"], "plancheck/check/");
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        assert_ne!(rule["name"], rule["id"]);
        assert!(
            rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{rule}"
        );
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .is_some_and(|t| t.starts_with("# ")),
            "{rule}"
        );
    }
    let prints: Vec<&Value> = results(&sarif)
        .iter()
        .map(|r| &r["partialFingerprints"]["plancheck/v1"])
        .collect();
    assert!(
        prints
            .iter()
            .all(|p| p.as_str().is_some_and(|p| p.len() == 32))
    );
    let unique: std::collections::BTreeSet<_> = prints.iter().map(|p| p.as_str()).collect();
    assert_eq!(unique.len(), prints.len(), "fingerprints are unique");
    let related = results(&sarif)
        .iter()
        .find_map(|r| r["relatedLocations"].as_array())
        .unwrap();
    assert_eq!(related[0]["id"], 1);
    let (_, lint) = valid_sarif(&["lint", "--format", "sarif"]);
    assert_eq!(
        lint["runs"][0]["automationDetails"]["id"],
        "plancheck/lint/"
    );
}

/// The sections of the README, as GitHub names their anchors (`## Diagnostic codes` is
/// `#diagnostic-codes`).
fn readme_anchors() -> std::collections::BTreeSet<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let slug = |heading: &str| {
        let lower = heading.to_lowercase();
        let kept = lower
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-'));
        format!("#{}", kept.collect::<String>().replace(' ', "-"))
    };
    // Not the `#` comments inside code blocks.
    let mut code = false;
    let prose = readme.lines().filter(|l| {
        code ^= l.starts_with("```");
        !code
    });
    prose
        .filter(|l| l.starts_with('#'))
        .filter_map(|l| l.trim_start_matches('#').strip_prefix(' '))
        .map(slug)
        .collect()
}

/// With `--readme-url`, every rule's help links to its section of that README, which is the
/// tool's `informationUri`; an address that is none, or not a web page's, or names a section,
/// is a usage error.
#[test]
fn the_readme_url_gives_every_rule_a_help_link_to_a_section_that_exists() {
    let readme = "https://example.org/plancheck/blob/v1/README.md";
    let anchors = readme_anchors();
    for command in ["check", "lint"] {
        let (_, sarif) = valid_sarif(&[command, "--format", "sarif", "--readme-url", readme]);
        let driver = &sarif["runs"][0]["tool"]["driver"];
        assert_eq!(driver["informationUri"], readme);
        for rule in driver["rules"].as_array().unwrap() {
            let link = rule["helpUri"].as_str().unwrap_or_default();
            let anchor = link.strip_prefix(readme).unwrap_or_default();
            assert!(anchors.contains(anchor), "{command}: {rule}");
        }
    }
    // A rule of the user's is not described in the README: no link, rather than a wrong one.
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.rules");
    let rule = "rule MY-WS \"wind and solar by 2025\" {\n    kind benchmark\n    scope every province\n    require wind_solar_capacity by 2025 >= 1000 万kW\n    cite seed \"a rule of the test's own\"\n}\n";
    std::fs::write(&mine, rule).unwrap();
    let args = [
        "check",
        "--extra-rules",
        mine.to_str().unwrap(),
        "--format",
        "sarif",
    ];
    let (_, extra) = valid_sarif(&[&args[..], &["--readme-url", readme]].concat());
    let rules = extra["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let link = |id: &str| rules.iter().find(|r| r["id"] == id).unwrap()["helpUri"].clone();
    assert!(link("MY-WS").is_null());
    assert_eq!(
        link("EI-2025"),
        format!("{readme}#the-national-rules").as_str()
    );
    let (_, plain) = valid_sarif(&["check", "--format", "sarif"]);
    assert!(plain["runs"][0]["tool"]["driver"]["informationUri"].is_null());
    for bad in [
        "README.md",
        "ftp://example.org/README.md",
        "https://example.org/README.md#x",
    ] {
        let out = plancheck(&["check", "--format", "sarif", "--readme-url", bad]);
        assert_eq!(code(&out), 2, "{bad}");
        assert!(common::stderr(&out).contains(bad), "{bad}");
    }
}

/// A blank line added at the top of a plan moves every line, not a fingerprint.
#[test]
fn fingerprints_do_not_move_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string(root().join("fixtures/plans/anhui.plan")).unwrap();
    let prints = |text: &str| {
        std::fs::write(dir.path().join("anhui.plan"), text).unwrap();
        let out = common::plancheck_in(dir.path(), &["check", "anhui.plan", "--format", "sarif"]);
        let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let lines: Vec<Value> = results(&sarif)
            .iter()
            .map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].clone())
            .collect();
        let prints: Vec<Value> = results(&sarif)
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect();
        (lines, prints)
    };
    let (lines, before) = prints(&plan);
    let (moved, after) = prints(&format!("\n\n{plan}"));
    assert_ne!(lines, moved);
    assert_eq!(before, after);
}

/// Inside a repository URIs are from its top; `--repo-root` names the top.
#[test]
fn sarif_uris_are_from_the_repository_top() {
    let (_, sarif) = valid_sarif(&[
        "check",
        "fixtures/plans/anhui.plan",
        "--format",
        "sarif",
        "--repo-root",
        "fixtures",
    ]);
    let uris = artifact_uris(&sarif);
    assert!(uris.contains(&"plans/anhui.plan".to_string()), "{uris:?}");
    let (_, sarif) = valid_sarif(&["check", "./fixtures/plans/anhui.plan", "--format", "sarif"]);
    assert!(artifact_uris(&sarif).contains(&"fixtures/plans/anhui.plan".to_string()));
}

/// `--min-level` leaves lower results out of every format; counts and exit codes stay.
#[test]
fn min_level_shows_less_and_counts_all() {
    let all = plancheck(&["check", "--format", "json"]);
    let warn = plancheck(&["check", "--format", "json", "--min-level", "warning"]);
    assert_eq!(code(&all), code(&warn));
    let (all, warn): (Value, Value) = (
        serde_json::from_str(&stdout(&all)).unwrap(),
        serde_json::from_str(&stdout(&warn)).unwrap(),
    );
    // Every count stays but `findings`, the length of the list given.
    let mut counts = warn["summary"].clone();
    assert_eq!(
        counts["findings"],
        warn["findings"].as_array().unwrap().len()
    );
    counts["findings"] = all["summary"]["findings"].clone();
    assert_eq!(all["summary"], counts);
    let severities: Vec<&Value> = warn["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["severity"])
        .collect();
    assert!(!severities.is_empty());
    assert!(
        severities.iter().all(|s| *s == "warning" || *s == "error"),
        "{severities:?}"
    );
    assert!(all["findings"].as_array().unwrap().len() > severities.len());
    for args in [
        ["check", "--format", "github", "--min-level", "error"],
        ["lint", "--format", "github", "--min-level", "error"],
    ] {
        let out = plancheck(&args);
        assert!(!stdout(&out).contains("::notice"), "{args:?}");
        assert!(!stdout(&out).contains("::warning"), "{args:?}");
    }
    let (_, sarif) = valid_sarif(&[
        "lint",
        "fixtures/lint/PC015.rules",
        "--format",
        "sarif",
        "--min-level",
        "error",
    ]);
    assert!(results(&sarif).is_empty());

    // The concise format's last line counts every result, shown or not.
    let concise = stdout(&plancheck(&["check", "--format", "concise"]));
    let warnings_up = stdout(&plancheck(&[
        "check",
        "--format",
        "concise",
        "--min-level",
        "warning",
    ]));
    assert_eq!(concise.lines().last(), warnings_up.lines().last());
    assert!(concise.lines().any(|l| l.contains(": note[")));
    assert!(!warnings_up.lines().any(|l| l.contains(": note[")));
    assert!(warnings_up.lines().count() > 1, "{warnings_up}");
}

/// Errors come first, so that GitHub's ten annotations a level show them.
#[test]
fn github_annotations_come_errors_first() {
    let out = stdout(&plancheck(&["check", "--format", "github"]));
    let ranks: Vec<u8> = out
        .lines()
        .map(|l| match l.split(' ').next().unwrap() {
            "::error" => 0,
            "::warning" => 1,
            _ => 2,
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{out}");
    assert!(ranks.contains(&1) && ranks.contains(&2));
}

/// In a GitHub Actions job a table is added to the job's summary, after what is there.
#[test]
fn the_step_summary_is_appended_to() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "# earlier step\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(["check", "--format", "github"])
        .current_dir(root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("# earlier step\n### plancheck check\n"),
        "{text}"
    );
    assert!(
        text.contains("| PEAK-2030 | CO2 emissions peak by 2030 | 0 |"),
        "{text}"
    );
    // Without the variable nothing is written anywhere but standard output.
    let plain = plancheck(&["check", "--format", "github"]);
    assert_eq!(stdout(&plain), stdout(&out));
}

/// Every JUnit file is valid against Jenkins' `junit-10.xsd` (tests/schemas, from pytest's
/// test suite), checked with xmllint where it is installed (`.ci/run` installs it).
#[test]
fn junit_is_valid_against_the_jenkins_schema() {
    if std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: xmllint is not installed (apt-get install libxml2-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.plan");
    std::fs::write(&bad, "province Atlantis\n").unwrap();
    let chongqing = shared("plan-texts/chongqing.txt").display().to_string();
    let (sets, _) = study(dir.path());
    let runs: [&[&str]; 7] = [
        &["check", "--scenarios", &sets, "--format", "junit"],
        &["check", "--format", "junit"],
        &["check", &chongqing, "--format", "junit"],
        &["check", bad.to_str().unwrap(), "--format", "junit"],
        &["lint", "--format", "junit"],
        &["lint", "fixtures/lint/PC012.rules", "--format", "junit"],
        &["test", "--format", "junit"],
    ];
    let schema = root().join("tests/schemas/junit-10.xsd");
    for (i, args) in runs.iter().enumerate() {
        let file = dir.path().join(format!("run{i}.xml"));
        std::fs::write(&file, stdout(&plancheck(args))).unwrap();
        let out = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Nothing compared is skipped, not passed; input that could not be read is an error, not
/// a failure; every failure says where.
#[test]
fn junit_says_what_was_not_judged_and_where() {
    let report = junit(&["check", "fixtures/plans/anhui.plan", "--format", "junit"]);
    let cases: Vec<&quick_junit::TestCase> = report
        .test_suites
        .iter()
        .flat_map(|s| &s.test_cases)
        .collect();
    let skipped = cases
        .iter()
        .filter(|c| matches!(c.status, quick_junit::TestCaseStatus::Skipped { .. }))
        .count();
    assert!(skipped > 0);
    for case in &cases {
        if let quick_junit::TestCaseStatus::NonSuccess { description, .. } = &case.status {
            let description = description
                .as_ref()
                .map(|d| d.as_str().to_string())
                .unwrap_or_default();
            assert!(
                description.starts_with("fixtures/plans/anhui.plan:"),
                "{description}"
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.plan"), "province Atlantis\n").unwrap();
    let bad = quick_junit::Report::deserialize_from_str(&stdout(&common::plancheck_in(
        dir.path(),
        &["check", "bad.plan", "--format", "junit"],
    )))
    .unwrap();
    let input = bad
        .test_suites
        .iter()
        .find(|s| s.name.as_str() == "input")
        .unwrap();
    assert_eq!((input.errors, input.failures), (1, 0));
}

/// `--format concise`: one line a result, as compilers write a place, and a count.
#[test]
fn concise_is_one_line_a_result() {
    let out = stdout(&plancheck(&[
        "check",
        "fixtures/plans/gansu.plan",
        "--format",
        "concise",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    let (last, results) = lines.split_last().unwrap();
    assert!(!results.is_empty());
    for line in results {
        let (place, rest) = line.split_once(": ").unwrap();
        let parts: Vec<&str> = place.split(':').collect();
        // Aggregates over provinces point at the rule.
        assert!(
            [
                "fixtures/plans/gansu.plan",
                "<bundled>/rules/national.rules"
            ]
            .contains(&parts[0]),
            "{line}"
        );
        assert!(
            parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok(),
            "{line}"
        );
        let level = rest.split('[').next().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{line}");
    }
    let json: Value = serde_json::from_str(&stdout(&plancheck(&[
        "check",
        "fixtures/plans/gansu.plan",
        "--format",
        "json",
    ])))
    .unwrap();
    let s = &json["summary"];
    let counts: Vec<u64> = last
        .split(", ")
        .map(|c| c.split(' ').next().unwrap().parse().unwrap())
        .collect();
    let want: Vec<u64> = ["errors", "warnings", "notes"]
        .iter()
        .map(|k| s[k].as_u64().unwrap())
        .collect();
    assert_eq!(counts, want, "{last}");
    let lint = stdout(&plancheck(&[
        "lint",
        "fixtures/lint/PC012.rules",
        "--format",
        "concise",
    ]));
    assert!(
        lint.starts_with("fixtures/lint/PC012.rules:22:14: warning[PC012] "),
        "{lint}"
    );
}

/// A study of two sets of one Hebei plan each (a test's own figures) in `runs.jsonl`, the
/// second with a record of no scenario (its set's problem); and the Hebei plan of the first
/// set as a JSON plan of its own.
fn study(dir: &std::path::Path) -> (String, String) {
    let target = |cut: &str| {
        json!({"indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020,
            "value": cut.parse::<serde_json::Number>().unwrap(), "unit": "%"})
    };
    let plan = |cut| json!({"province": "Hebei", "targets": [target(cut)]});
    let record = |scenario: &str, cut| {
        let mut plan = plan(cut);
        plan["scenario"] = json!(scenario);
        plan.to_string()
    };
    let lines = [
        record("low", "12"),
        record("a/b", "14.5"),
        plan("13").to_string(),
    ];
    let path = dir.join("runs.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let alone = dir.join("low.json");
    std::fs::write(&alone, plan("12").to_string()).unwrap();
    let shown = |p: std::path::PathBuf| p.to_str().unwrap().to_string();
    (shown(path), shown(alone))
}

/// What a run says, without where: rule, level and message of each result.
fn said(run: &Value) -> Vec<(String, String, String)> {
    let results = run["results"].as_array().unwrap();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    results
        .iter()
        .map(|r| {
            (
                text(&r["ruleId"]),
                text(&r["level"]),
                text(&r["message"]["text"]),
            )
        })
        .collect()
}

/// With --scenarios, SARIF has a run a set, each in its own category, saying what a check
/// of that set alone says; the problems of no set are a last run in check's own category.
#[test]
fn a_study_in_sarif_is_a_run_a_set() {
    let dir = tempfile::tempdir().unwrap();
    let (path, alone) = study(dir.path());
    let missing = "no-such-study.jsonl";
    let args = ["check", "--scenarios", &path, missing, "--format", "sarif"];
    let (exit, sarif) = valid_sarif(&args);
    assert_eq!(exit, 2, "a path that cannot be read");
    let runs = sarif["runs"].as_array().unwrap();
    let ids: Vec<&str> = runs
        .iter()
        .map(|r| r["automationDetails"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "plancheck/check/low/",
            "plancheck/check/a%2Fb/",
            "plancheck/check/"
        ]
    );
    assert_eq!(runs[1]["properties"]["scenario"], "a/b");
    let (_, one) = valid_sarif(&["check", &alone, "--format", "sarif"]);
    assert_eq!(said(&runs[0]), said(&one["runs"][0]));
    assert!(
        said(&runs[0])
            .iter()
            .any(|(_, level, _)| level == "warning")
    );
    assert!(said(&runs[1]).iter().any(|(code, ..)| code == "PC125"));
    // With no problem of no set, check's own category still gets its (empty) analysis.
    let (_, clean) = valid_sarif(&["check", "--scenarios", &path, "--format", "sarif"]);
    let last = clean["runs"].as_array().unwrap().last().unwrap();
    assert_eq!(last["automationDetails"]["id"], "plancheck/check/");
    assert!(said(last).is_empty());
    let last = said(&runs[2]);
    assert!(last.len() == 1 && last[0].0 == "PC100", "{last:?}");
}

/// With --scenarios, JUnit has each set's suites named by their set, in one file valid
/// against junit-10.xsd; GitHub annotations are titled with their set, and the job's
/// summary gets the table across the sets.
#[test]
fn a_study_in_junit_and_github_names_each_set() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = study(dir.path());
    let missing = "no-such-study.jsonl";
    let report = junit(&["check", "--scenarios", &path, missing, "--format", "junit"]);
    let names: Vec<String> = report
        .test_suites
        .iter()
        .map(|s| s.name.to_string())
        .collect();
    let suites = [
        format!("low: {path}"),
        "low: national aggregates".into(),
        "a/b: input".into(),
        format!("a/b: {path}"),
        "a/b: national aggregates".into(),
        "input".into(),
    ];
    assert_eq!(names, suites);
    // Two records of one file in one set: each suite says its line.
    let both = dir.path().join("both.jsonl");
    let record = |province: &str| {
        json!({"scenario": "low", "province": province, "targets": []}).to_string()
    };
    std::fs::write(&both, [record("Gansu"), record("Shandong")].join("\n")).unwrap();
    let both = both.to_str().unwrap();
    let report = junit(&["check", "--scenarios", both, "--format", "junit"]);
    let names: Vec<String> = report
        .test_suites
        .iter()
        .map(|s| s.name.to_string())
        .collect();
    assert_eq!(
        &names[..2],
        [format!("low: {both}:1"), format!("low: {both}:2")]
    );
    let summary = dir.path().join("summary.md");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(["check", "--scenarios", &path, missing, "--format", "github"])
        .current_dir(root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    let titled = |set: &str| {
        lines
            .iter()
            .filter(|l| l.contains(&format!("(scenario {set})")))
            .count()
    };
    assert!(titled("low") > 0 && titled("a/b") > 0, "{lines:#?}");
    let last = lines.last().unwrap();
    assert!(
        last.starts_with("::error") && last.contains("title=PC100"),
        "{last}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("title=PC125 (scenario a/b)"))
    );
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("### plancheck check --scenarios\n\n2 sets (2 plans)\n"),
        "{text}"
    );
    assert!(text.contains("| rule | pass | fail |"), "{text}");
}
