//! The command line as a reviewer and a rule maintainer meet it: rules added to the
//! national ones, a draft checked in place of a bundled plan, what the rules contain, and
//! no target or mistake passed over in silence.

mod common;

use std::fs;

use common::{code, plancheck, plancheck_in, root, stderr, stdout};
use serde_json::Value;

fn json(output: &std::process::Output) -> Value {
    serde_json::from_str(&stdout(output)).expect("JSON")
}

const EXTRA: &str = r#"rule WS-2025-EXTRA "Wind and solar by 2025" {
    kind benchmark
    scope every province
    require wind_solar_capacity by 2025 >= 1000 万kW
    cite seed "a rule of the test's own"
}
"#;

/// `--extra-rules` adds a rule file to the bundled rules, whose sources and indicators it
/// may use; `--rules` alone replaces them.
#[test]
fn extra_rules_add_to_the_national_rules() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("extra.rules"), EXTRA).unwrap();
    let plan = root().join("fixtures/plans/zhejiang.plan");
    let plan = plan.to_str().unwrap();
    let with = plancheck_in(
        dir.path(),
        &[
            "check",
            "--extra-rules",
            "extra.rules",
            plan,
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&with), 0, "{}", stderr(&with));
    let without = plancheck_in(dir.path(), &["check", plan, "--format", "json"]);
    let rules = |o| json(o)["summary"]["rules"].as_u64().unwrap();
    assert_eq!(rules(&with), rules(&without) + 1);
    let ids: Vec<String> = json(&with)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"WS-2025-EXTRA".to_string()), "{ids:?}");
    assert!(ids.contains(&"EI-2025".to_string()), "{ids:?}");
    // Alone, the file refers to a source it does not declare.
    let alone = plancheck_in(dir.path(), &["check", "--rules", "extra.rules", plan]);
    assert_eq!(code(&alone), 2, "{}", stdout(&alone));
}

/// `lint` and `test` take `--extra-rules` too: a file built on the bundled indicators and
/// sources is linted, and tested, with them.
#[test]
fn extra_rules_are_linted_and_tested_with_the_national_rules() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("extra.rules"), EXTRA).unwrap();
    let alone = plancheck_in(dir.path(), &["lint", "extra.rules"]);
    assert_eq!(code(&alone), 2, "{}", stdout(&alone));
    let lint = |args: &[&str]| json(&plancheck_in(dir.path(), args))["summary"].clone();
    let with = lint(&["lint", "--extra-rules", "extra.rules", "--format", "json"]);
    let bundled = lint(&["lint", "--format", "json"]);
    assert_eq!(
        with["files"].as_u64(),
        bundled["files"].as_u64().map(|n| n + 1)
    );
    assert_eq!(with["errors"], 0, "{with}");
    let tested = plancheck_in(
        dir.path(),
        &["test", "--extra-rules", "extra.rules", "--format", "json"],
    );
    assert_eq!(code(&tested), 0, "{}", stdout(&tested));
    let files = json(&tested)["rule_files"].to_string();
    assert!(
        files.contains("extra.rules") && files.contains("national.rules"),
        "{files}"
    );
}

/// A draft named beside the bundled folder is checked in place of its province's bundled
/// plan, with a note; two drafts of one province are still refused.
#[test]
fn a_draft_replaces_the_bundled_plan_of_its_province() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = fs::read_to_string(root().join("fixtures/plans/zhejiang.plan")).unwrap();
    let draft = bundled.replace("value      14.5 %", "value      12 %");
    assert_ne!(draft, bundled, "the draft differs from the bundled plan");
    fs::write(dir.path().join("draft.plan"), &draft).unwrap();
    let folder = root().join("fixtures/plans");
    let args = [
        "check",
        "draft.plan",
        folder.to_str().unwrap(),
        "--format",
        "json",
    ];
    let out = plancheck_in(dir.path(), &args);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let doc = json(&out);
    assert_eq!(doc["summary"]["plans"], 31);
    let notes: Vec<&Value> = doc["errors"].as_array().unwrap().iter().collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["code"], "PC039");
    let zhejiang: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["province"] == "Zhejiang" && f["rule"] == "EI-2025")
        .collect();
    assert_eq!(zhejiang.len(), 1);
    assert_eq!(zhejiang[0]["location"]["file"], "draft.plan");

    fs::write(
        dir.path().join("draft2.plan"),
        format!("{draft}\n# another\n"),
    )
    .unwrap();
    // Beside the bundled folder too, the two drafts are refused against each other.
    let folder = folder.to_str().unwrap();
    let twice = plancheck_in(dir.path(), &["check", "draft.plan", "draft2.plan", folder]);
    assert_eq!(code(&twice), 2);
    let text = stdout(&twice);
    assert_eq!(text.matches("PC022").count(), 1, "{text}");
    // The diagnostic and its related one: two boxes.
    let refused: String = text[text.find("PC022").unwrap()..]
        .split_inclusive("╰────")
        .take(2)
        .collect();
    assert!(
        refused.contains("draft.plan:2:10"),
        "the first draft is named: {text}"
    );
    assert!(
        !refused.contains("fixtures/plans"),
        "not the bundled plan: {text}"
    );
}

/// `plancheck rules` lists every rule, indicator, unit and province the rules know.
#[test]
fn rules_lists_what_the_rules_contain() {
    let out = plancheck(&["rules"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let national = fs::read_to_string(root().join("rules/national.rules")).unwrap();
    let declared = national.lines().filter_map(|l| l.strip_prefix("rule "));
    for id in declared.map(|rest| rest.split_whitespace().next().unwrap()) {
        let line = text.lines().find(|l| l.starts_with(&format!("{id} ")));
        assert!(line.is_some(), "{id} is listed:\n{text}");
    }
    let co2 = text.lines().find(|l| l.starts_with("CO2-2030 ")).unwrap();
    assert!(
        co2.contains("floor") && co2.contains(">= 65 %") && co2.contains("Table 1"),
        "{co2}"
    );

    let indicators = stdout(&plancheck(&["rules", "indicators"]));
    let nf = indicators
        .lines()
        .find(|l| l.starts_with("non_fossil_share "))
        .unwrap();
    assert!(
        nf.contains("renewable_share"),
        "its look-alike is named: {nf}"
    );
    let units = stdout(&plancheck(&["rules", "units"]));
    let wan = units.lines().find(|l| l.starts_with("万kW ")).unwrap();
    assert!(
        wan.contains("1 万kW = 10000 kW") && wan.contains("万千瓦"),
        "{wan}"
    );
    let provinces = stdout(&plancheck(&["rules", "provinces"]));
    assert_eq!(provinces.lines().count(), 32, "a header and 31 provinces");
    assert!(provinces.contains("Inner Mongolia") && provinces.contains("内蒙古"));
    let xinjiang = provinces
        .lines()
        .find(|l| l.starts_with("Xinjiang"))
        .unwrap();
    assert!(
        xinjiang.contains("新疆维吾尔自治区, Xinjiang Uygur Autonomous Region"),
        "{xinjiang}"
    );
}

/// Columns line up on screen, where a Chinese character takes two columns.
#[test]
fn rules_tables_line_up_with_chinese_text() {
    for what in ["units", "provinces"] {
        let table = stdout(&plancheck(&["rules", what]));
        let second_column = |line: &str| {
            let (first, rest) = line.split_once("  ").expect("two columns");
            let gap = rest.len() - rest.trim_start().len();
            screen_width(first) + 2 + gap
        };
        let starts: Vec<usize> = table.lines().map(second_column).collect();
        assert!(starts.iter().all(|&s| s == starts[0]), "{what}:\n{table}");
    }
}

fn screen_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// `rules --print FILE` prints a bundled rule file as it is, and each file printed lints
/// clean on its own: a user can start from it.
#[test]
fn printed_rules_are_the_files_themselves() {
    let out = plancheck(&["rules", "--print", "national.rules"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let national = fs::read_to_string(root().join("rules/national.rules")).unwrap();
    assert_eq!(stdout(&out), national);
    let all = stdout(&plancheck(&["rules", "--print"]));
    let dir = tempfile::tempdir().unwrap();
    let parts: Vec<&str> = all.split("# ==> ").skip(1).collect();
    assert_eq!(parts.len(), 2, "two bundled rule files");
    // The 15th-period file uses the national file's indicators: they lint together.
    for (i, part) in parts.iter().enumerate() {
        let path = dir.path().join(format!("part{i}.rules"));
        fs::write(&path, part.split_once('\n').unwrap().1).unwrap();
    }
    let lint = plancheck(&["lint", dir.path().to_str().unwrap()]);
    assert_eq!(code(&lint), 0, "{}", stdout(&lint));
    let missing = plancheck(&["rules", "--print", "nope.rules"]);
    assert_eq!(code(&missing), 2);
    assert!(
        stderr(&missing).contains("rules/national.rules"),
        "{}",
        stderr(&missing)
    );
}

/// `explain` takes an indicator, and a code by its name, as well as a code or a rule.
#[test]
fn explain_takes_indicators_and_code_names() {
    let ind = plancheck(&["explain", "non_fossil_share"]);
    assert_eq!(code(&ind), 0, "{}", stderr(&ind));
    let text = stdout(&ind);
    assert!(
        text.contains("renewable_share") && text.contains("NF-2025"),
        "{text}"
    );
    let lint = plancheck(&["explain", "unused-indicator"]);
    assert_eq!(stdout(&lint), stdout(&plancheck(&["explain", "PC015"])));
    let typo = plancheck(&["explain", "non_fosil_share"]);
    assert_eq!(code(&typo), 2);
    assert!(
        stderr(&typo).contains("did you mean `non_fossil_share`"),
        "{}",
        stderr(&typo)
    );
}

/// A target no rule checks is listed, in the human summary and in JSON.
#[test]
fn a_target_no_rule_checks_is_listed() {
    let out = plancheck(&["check", "fixtures/plans/jiangsu.plan", "--format", "json"]);
    let doc = json(&out);
    let unchecked = doc["unchecked"].as_array().unwrap();
    let names: Vec<&str> = unchecked
        .iter()
        .map(|u| u["declared"]["indicator"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"tree_cover"), "{names:?}");
    assert!(
        unchecked
            .iter()
            .all(|u| u["province"] == "Jiangsu" && u["province_zh"] == "江苏")
    );
    assert_eq!(doc["summary"]["unchecked"], unchecked.len());
    let human = stdout(&plancheck(&["check", "fixtures/plans/jiangsu.plan"]));
    assert!(human.contains("targets no rule checks:"), "{human}");
    assert!(human.contains("fixtures/plans/jiangsu.plan:"), "{human}");
    assert!(human.contains("checked by no rule"), "{human}");
}

/// Passes have a mark of their own, never the notes' pointing hand.
#[test]
fn passes_have_their_own_mark() {
    let out = plancheck(&["check", "--show-passes", "fixtures/plans/zhejiang.plan"]);
    let text = stdout(&out);
    let passes = text
        .lines()
        .filter(|l| l.starts_with("  ✓ Zhejiang"))
        .count();
    assert!(passes > 0, "{text}");
    let notes = stdout(&plancheck(&[
        "check",
        "--verbose",
        "fixtures/plans/zhejiang.plan",
    ]));
    assert!(
        notes.lines().any(|l| l.starts_with("  ☞ Zhejiang")),
        "{notes}"
    );
    assert!(!notes.lines().any(|l| l.starts_with("  ✓")), "{notes}");
}

/// An indicator with an unknown unit is reported once, not again as unknown wherever a
/// rule uses it.
#[test]
fn an_unknown_unit_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "source s { title \"s\" }\nindicator foo { unit kwh }\n\
        rule A \"a\" { kind floor require foo by 2025 >= 1 % cite s \"x\" }\n\
        rule B \"b\" { kind floor require foo by 2030 >= 2 % cite s \"x\" }\n";
    fs::write(dir.path().join("u.rules"), rules).unwrap();
    let out = plancheck_in(dir.path(), &["lint", "u.rules"]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert_eq!(text.matches("PC002").count(), 1, "{text}");
    assert!(!text.contains("unknown indicator"), "{text}");
}

/// Contradictions and redundancy are found where scopes overlap, naming the provinces.
#[test]
fn overlapping_scopes_contradict_on_their_provinces() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "source s { title \"s\" }\nindicator cut { unit % baseline required }\n\
        group tier1 = [河北, 山西]\n\
        rule A \"a\" { kind floor scope group tier1 require cut by 2025 from 2020 >= 14.5 % cite s \"x\" }\n\
        rule B \"b\" { kind floor scope [河北] require cut by 2025 from 2020 < 12 % cite s \"x\" }\n\
        rule C \"c\" { kind floor scope [河北, 北京] require cut by 2025 from 2020 >= 13 % cite s \"x\" }\n";
    fs::write(dir.path().join("c.rules"), rules).unwrap();
    let out = plancheck_in(dir.path(), &["lint", "c.rules", "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let doc = json(&out);
    let messages: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    let b = messages
        .iter()
        .find(|m| m.contains("rule `B` contradicts rule `A`"));
    assert!(
        b.is_some_and(|m| m.starts_with("PC011") && m.contains("for Hebei")),
        "{messages:?}"
    );
    // C is implied by A on Hebei only; on Beijing it asks what no other rule does.
    assert!(
        !messages.iter().any(|m| m.contains("rule `C` is implied")),
        "{messages:?}"
    );
}

/// `report -o FILE` takes its format from the file's extension; with neither, it says so.
#[test]
fn report_takes_its_format_from_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = root().join("fixtures/plans/zhejiang.plan");
    let plan = plan.to_str().unwrap();
    for (file, start) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.JSON", "{"),
        ("r.md", "# "),
    ] {
        let out = plancheck_in(
            dir.path(),
            &["report", plan, "-o", file, "--date", "2026-12-02"],
        );
        assert_eq!(code(&out), 0, "{file}: {}", stderr(&out));
        let written = fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(written.starts_with(start), "{file}: {}", &written[..40]);
    }
    let none = plancheck_in(dir.path(), &["report", plan, "-o", "r.txt"]);
    assert_eq!(code(&none), 2);
    assert!(stderr(&none).contains("--format"), "{}", stderr(&none));
    assert!(
        stderr(&none).contains("`r.txt` does not say which format"),
        "{}",
        stderr(&none)
    );
    // A listing and --print are two different answers: asking both is a usage error.
    assert_eq!(code(&plancheck(&["rules", "units", "--print"])), 2);
}

/// Mistakes in a value get a hint at what was meant.
#[test]
fn misspelt_words_and_spaced_units_get_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("value aroud 24 %", "did you mean `around`?"),
        (
            "value 10600 万 kW",
            "a unit is written without a space: `万kW`",
        ),
    ];
    for (value, hint) in cases {
        let plan = format!("province Zhejiang\ntarget wind_solar_capacity by 2025 {{ {value} }}\n");
        fs::write(dir.path().join("p.plan"), plan).unwrap();
        let out = plancheck_in(dir.path(), &["check", "p.plan"]);
        assert_eq!(code(&out), 2);
        assert!(stdout(&out).contains(hint), "{value}: {}", stdout(&out));
    }
}

/// Runs `plancheck` from the repository root with `input` on standard input.
fn with_stdin(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let written = child.stdin.take().unwrap().write_all(input.as_bytes());
    // A command refused before it reads its input may close it first: its output and exit
    // code are what the tests judge, not the pipe.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

/// `-` reads a plan from standard input, in the language `--stdin-name` names.
#[test]
fn a_plan_is_read_from_standard_input() {
    let plan = fs::read_to_string(root().join("fixtures/plans/zhejiang.plan")).unwrap();
    let from_file = plancheck(&["check", "fixtures/plans/zhejiang.plan", "--format", "json"]);
    let from_stdin = with_stdin(&["check", "-", "--format", "json"], &plan);
    assert_eq!(code(&from_stdin), 0, "{}", stdout(&from_stdin));
    assert_eq!(json(&from_stdin)["summary"], json(&from_file)["summary"]);
    let file = &json(&from_stdin)["findings"][0]["location"]["file"];
    assert_eq!(file, "<stdin>");

    let plan_json = fs::read_to_string(root().join("fixtures/json/liaoning.json")).unwrap();
    let named = with_stdin(&["check", "-", "--stdin-name", "liaoning.json"], &plan_json);
    assert_eq!(code(&named), 0, "{}", stdout(&named));
    let unnamed = with_stdin(&["check", "-"], &plan_json);
    assert_eq!(
        code(&unnamed),
        2,
        "JSON read as the plan language does not parse"
    );
}

/// `fmt -` writes the formatted text; `fmt --check` counts the files as ruff does; a JSON
/// plan is said plainly not to be formatted.
#[test]
fn fmt_reads_standard_input_and_counts_its_files() {
    let messy = "province Zhejiang\ntarget non_fossil_share by 2025 { value 24 %   以上 }\n";
    let out = with_stdin(&["fmt", "-"], messy);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "province Zhejiang\n\ntarget non_fossil_share by 2025 {\n    value 24 % 以上\n}\n"
    );
    let check = with_stdin(&["fmt", "--check", "-"], messy);
    assert_eq!(code(&check), 1);
    assert!(
        stdout(&check).contains("1 file would be reformatted"),
        "{}",
        stdout(&check)
    );

    let rules = plancheck(&["fmt", "--check", "rules"]);
    assert_eq!(code(&rules), 0, "{}", stdout(&rules));
    let count = fs::read_dir(root().join("rules")).unwrap().count();
    assert_eq!(stdout(&rules), format!("{count} files already formatted\n"));

    let json_plan = plancheck(&["fmt", "--check", "fixtures/json/liaoning.json"]);
    assert_eq!(code(&json_plan), 0);
    assert!(
        stderr(&json_plan).contains("is a JSON plan"),
        "{}",
        stderr(&json_plan)
    );
}

/// Completion scripts and the man page come from the same definition the parser uses.
#[test]
fn completions_and_the_man_page_describe_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let out = plancheck(&["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}");
        for command in ["check", "lint", "rules", "report", "extract"] {
            assert!(
                stdout(&out).contains(command),
                "{shell} completes {command}"
            );
        }
    }
    let man = plancheck(&["man"]);
    assert_eq!(code(&man), 0);
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH plancheck 1"),
        "{page}"
    );
    assert!(
        page.contains("plancheck\\-check"),
        "subcommands are listed: {page}"
    );
    // Each command has the page the main one names, with its options.
    let check = stdout(&plancheck(&["man", "check"]));
    assert!(check.contains(".TH plancheck-check 1"), "{check}");
    assert!(
        check.contains("extra\\-rules"),
        "its options are there: {check}"
    );
    assert_eq!(code(&plancheck(&["man", "nope"])), 2);
}

/// `test` says which rule files it ran against, and coverage of no rules is not 100 %.
#[test]
fn test_names_the_rules_it_ran_against() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("empty.rules"),
        "# no rules yet\nsource s { title \"s\" }\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("x.tests"),
        "test \"a plan\" {\n    plan { province Beijing }\n}\n",
    )
    .unwrap();
    let out = plancheck_in(dir.path(), &["test", "x.tests", "--coverage"]);
    let text = stdout(&out);
    assert!(
        text.contains("against `./empty.rules`") || text.contains("against `empty.rules`"),
        "{text}"
    );
    assert!(text.contains("hold no rules to cover"), "{text}");
    assert!(!text.contains("100 %"), "{text}");
    let doc = json(&plancheck_in(
        dir.path(),
        &["test", "x.tests", "--format", "json"],
    ));
    let files = doc["rule_files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{doc}");
    assert!(files[0].as_str().unwrap().ends_with("empty.rules"), "{doc}");
}

/// Standard input is read once: a second `-` is refused, not read as empty. A file named
/// by both `--rules` and `--extra-rules` is read once.
#[test]
fn inputs_named_twice_are_read_once() {
    let plan = fs::read_to_string(root().join("fixtures/plans/zhejiang.plan")).unwrap();
    let out = with_stdin(&["check", "-", "--extra-rules", "-"], &plan);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("standard input is read once"),
        "{}",
        stdout(&out)
    );
    let twice = plancheck(&[
        "check",
        "fixtures/plans/zhejiang.plan",
        "--rules",
        "rules",
        "--extra-rules",
        "rules/national.rules",
    ]);
    assert_eq!(code(&twice), 0, "{}", stdout(&twice));
}

/// `--stdin-name` is held to the kinds a command reads, as a file's name is; a JSON plan
/// on standard input is left alone by fmt, as a named one is.
#[test]
fn the_stdin_name_says_what_standard_input_is() {
    let wrong = with_stdin(
        &["check", "-", "--stdin-name", "x.rules"],
        "province Beijing\n",
    );
    assert_eq!(code(&wrong), 2);
    assert!(
        stdout(&wrong).contains("`x.rules` is not a plan"),
        "{}",
        stdout(&wrong)
    );
    let json_plan = with_stdin(&["fmt", "-", "--stdin-name", "x.json"], "{}");
    assert_eq!(code(&json_plan), 0);
    assert!(
        stderr(&json_plan).contains("is a JSON plan"),
        "{}",
        stderr(&json_plan)
    );
}

/// A unit left unfinished is completed in the dimension the indicator expects: `万` on a
/// capacity is `万kW`, not the nearest spelling, `%`.
#[test]
fn an_unfinished_unit_is_completed_in_its_dimension() {
    let plan = "province Zhejiang\ntarget wind_solar_capacity by 2030 { value 10600 万 }\n";
    let out = with_stdin(&["check", "-"], plan);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("did you mean `万kW`?"),
        "{}",
        stdout(&out)
    );
}

/// A Chinese comparison word on the wrong side of its figure says where it goes.
#[test]
fn a_misplaced_comparison_word_says_where_it_goes() {
    for (value, hint) in [
        ("20 % 不低于", "`不低于` is written before the figure"),
        ("以上 20 %", "`以上` is written after the figure"),
    ] {
        let plan =
            format!("province Zhejiang\ntarget non_fossil_share by 2025 {{ value {value} }}\n");
        let out = with_stdin(&["check", "-"], &plan);
        assert_eq!(code(&out), 2);
        assert!(stdout(&out).contains(hint), "{value}: {}", stdout(&out));
    }
}
