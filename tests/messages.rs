//! Messages that point at the right place and name what is there: characters that cannot be
//! seen, lone carriage returns, unknown escapes, numbers in forms plancheck does not read,
//! JSON years and whitespace, requirements written over several lines, `report -o` to
//! something that is not a file, and dates that do not exist. Each input is made here.

mod common;

use std::fs;
use std::path::Path;

use common::{code, plancheck_in, stderr, stdout};
use serde_json::Value;

/// A folder holding one file, `name`, with `text` in it.
fn folder_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    dir
}

fn check_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut args = [&["check"], args].concat();
    args.extend(["--format", "json"]);
    let output = plancheck_in(dir, &args);
    let doc = serde_json::from_str(&stdout(&output)).expect("JSON output");
    (code(&output), doc)
}

/// The exit code and the first input error of checking `name` (holding `text`), in JSON.
fn first_error(name: &str, text: &str) -> (i32, Value) {
    let dir = folder_with(name, text);
    let (code, doc) = check_json(dir.path(), &[name]);
    (code, doc["errors"][0].clone())
}

/// `line:column` of an error's location.
fn at(error: &Value) -> String {
    let location = &error["location"];
    format!("{}:{}", location["line"], location["column"])
}

fn message(error: &Value) -> &str {
    error["message"].as_str().unwrap_or_default()
}

/// A Gansu plan whose target's value line is `value{rest}`.
fn plan_with_value(rest: &str) -> String {
    format!(
        "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 {{\n    value{rest}\n}}\n"
    )
}

#[test]
fn a_space_that_is_not_a_space_is_named_where_it_stands() {
    for (gap, name) in [
        ("\u{A0}", "the no-break space U+00A0"),
        ("\u{0B}", "the vertical tab U+000B"),
        ("\u{0C}", "the form feed U+000C"),
        ("\u{2028}", "the line separator U+2028"),
    ] {
        let (code, error) = first_error("gansu.plan", &plan_with_value(&format!("{gap}12.5 %")));
        assert_eq!(code, 2, "{name}");
        assert_eq!(error["code"], "PC103", "{name}");
        assert!(
            message(&error).contains(&format!("found {name}")),
            "{error}"
        );
        assert!(!message(&error).contains("end of the file"), "{error}");
        assert_eq!(
            at(&error),
            "3:10",
            "{name}: at the character, after `value`"
        );
        assert_eq!(error["location"]["length"], gap.len(), "{name}");
        assert!(
            error["help"].as_str().unwrap().contains("plain space"),
            "{error}"
        );
    }
}

#[test]
fn invisible_format_characters_are_named_wherever_a_token_is_shown() {
    let feff = "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 {\n    value \u{FEFF}12.5 %\n}\n";
    let zwj = "province Gansu\ntarget energy_intensity_cut\u{200D} by 2025 from 2020 {\n    value 12.5 %\n}\n";
    let rlo = "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 {\n    value 12.5 %\u{202E}\n}\n";
    for (text, name, place) in [
        (feff, "the byte order mark U+FEFF", "3:11"),
        (zwj, "the zero-width joiner U+200D", "2:28"),
        (rlo, "the right-to-left override U+202E", "3:17"),
    ] {
        let (code, error) = first_error("gansu.plan", text);
        assert_eq!(code, 2, "{name}");
        assert!(
            message(&error).ends_with(&format!("found {name}")),
            "{error}"
        );
        assert_eq!(at(&error), place, "{name}");
    }
}

#[test]
fn a_province_with_an_invisible_character_is_named_without_it() {
    let bare = "province Gan\u{200B}su\ntarget energy_intensity_cut by 2025 from 2020 {\n    value 12.5 %\n}\n";
    let (code, error) = first_error("gansu.plan", bare);
    assert_eq!(code, 2);
    assert!(
        message(&error).ends_with("found the zero-width space U+200B"),
        "{error}"
    );
    assert_eq!(at(&error), "1:13");
    assert!(
        error["help"].as_str().unwrap().contains("`Gansu`"),
        "{error}"
    );

    let quoted = bare.replace("Gan\u{200B}su", "\"Gan\u{200B}su\"");
    let json = "{\"province\": \"Gan\u{200B}su\", \"targets\": []}";
    for (name, text, place) in [
        ("gansu.plan", quoted.as_str(), "1:10"),
        ("gansu.json", json, "1:14"),
    ] {
        let (code, error) = first_error(name, text);
        assert_eq!(code, 2, "{name}");
        assert_eq!(error["code"], "PC004", "{name}");
        assert_eq!(
            message(&error),
            "unknown province `Gan\\u{200B}su` (with the zero-width space U+200B in it)"
        );
        assert_eq!(at(&error), place, "{name}");
        assert!(
            error["help"].as_str().unwrap().ends_with("it is `Gansu`"),
            "{error}"
        );
    }
}

/// The line and column each format gives for the first problem of `file` in `dir`.
fn places_in_every_format(dir: &Path, args: &[&str]) -> Vec<String> {
    let run = |format: &str| {
        let args = [&["check"], args, &["--format", format]].concat();
        let output = plancheck_in(dir, &args);
        assert_eq!(code(&output), 2, "{format}: {}", stdout(&output));
        stdout(&output)
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    let github = run("github");
    let github = github.lines().next().unwrap();
    let field = |name: &str| {
        let start = github.find(&format!("{name}=")).unwrap() + name.len() + 1;
        github[start..]
            .split([',', ':'])
            .next()
            .unwrap()
            .to_string()
    };
    let human = run("human");
    let header = human.split("╭─[").nth(1).unwrap();
    let (_file, header) = header[..header.find(']').unwrap()].split_once(':').unwrap();
    vec![
        at(&json["errors"][0]),
        format!("{}:{}", region["startLine"], region["startColumn"]),
        format!("{}:{}", field("line"), field("col")),
        header.to_string(),
    ]
}

#[test]
fn a_lone_carriage_return_is_refused_at_one_place_in_every_format() {
    let plan = "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 { # a\rnote\n    value 12.5 %\n    bogus 1\n}\n";
    let json = "{\"province\": \"Gansu\",\r\n\"targets\": []\r}\n";
    let rules = "indicator energy_intensity_cut {\n    unit % baseline required\r}\n";
    for (name, text, args, place) in [
        ("cr.plan", plan, vec!["cr.plan"], "2:52"),
        ("cr.json", json, vec!["cr.json"], "2:14"),
        ("cr.rules", rules, vec!["--rules", "cr.rules"], "2:29"),
    ] {
        let dir = folder_with(name, text);
        let places = places_in_every_format(dir.path(), &args);
        assert_eq!(places, vec![place; 4], "{name}: json, sarif, github, human");
        let (_, doc) = check_json(dir.path(), &args);
        assert!(
            message(&doc["errors"][0]).contains("carriage return"),
            "{doc}"
        );
    }
}

#[test]
fn an_unknown_escape_is_named_at_the_escape() {
    let plan = "province Gansu\ntitle \"a\\x41\"\ntarget energy_intensity_cut by 2025 from 2020 {\n    value 12.5 %\n}\n";
    let (code, error) = first_error("gansu.plan", plan);
    assert_eq!(code, 2);
    assert_eq!(message(&error), "unknown escape `\\x` in a string");
    assert_eq!(at(&error), "2:9");
    assert_eq!(error["location"]["length"], 2);

    let unclosed = plan.replace("\"a\\x41\"", "\"a\\n");
    let (_, error) = first_error("gansu.plan", &unclosed);
    assert_eq!(message(&error), "this string is not closed");
    assert_eq!(at(&error), "2:7");
}

#[test]
fn exponents_and_hexadecimal_are_not_numbers_here() {
    for (value, words) in [
        (
            "1e400 %",
            "`1e400` is not a number here: exponents are not read",
        ),
        (
            "2.5E3",
            "`2.5E3` is not a number here: exponents are not read",
        ),
        (
            "0x10",
            "`0x10` is not a number here: hexadecimal numbers are not read",
        ),
    ] {
        let (code, error) = first_error("gansu.plan", &plan_with_value(&format!(" {value}")));
        assert_eq!(code, 2, "{value}");
        assert_eq!(message(&error), words);
        assert_eq!(
            at(&error),
            "3:11",
            "{value}: at the number, not what follows it"
        );
    }
    let rules = "indicator x {\n    unit %\n}\n\nrule X \"x\" {\n    kind    floor\n    require x by 2025 >= 1e2 %\n}\n";
    let dir = folder_with("x.rules", rules);
    let (code, doc) = check_json(dir.path(), &["--rules", "x.rules"]);
    assert_eq!(code, 2);
    let error = &doc["errors"][0];
    assert_eq!(
        message(error),
        "`1e2` is not a number here: exponents are not read"
    );
    assert_eq!(at(error), "7:26");
}

/// A JSON plan with one target whose year is written `year`.
fn json_with_year(year: &str) -> String {
    format!(
        "{{\"province\": \"Gansu\", \"targets\": [\n  {{\"indicator\": \"energy_intensity_cut\", \"year\": {year}, \"baseline\": 2020, \"value\": 12.5}}\n]}}\n"
    )
}

#[test]
fn a_json_year_is_four_digits_however_else_it_could_be_written() {
    for year in ["2.025e3", "2025.0", "2025e0", "20250e-1"] {
        let (code, error) = first_error("gansu.json", &json_with_year(year));
        assert_eq!(code, 2, "{year}");
        assert_eq!(error["code"], "PC107", "{year}");
        assert_eq!(
            message(&error),
            format!("year `{year}` is not a four-digit year")
        );
        assert_eq!(at(&error), "2:49", "{year}");
    }
    let (code, doc) = {
        let dir = folder_with("gansu.json", &json_with_year("2025"));
        check_json(dir.path(), &["gansu.json"])
    };
    assert_eq!(doc["errors"], Value::Array(vec![]), "2025 is a year");
    assert_ne!(code, 2);
}

#[test]
fn only_rfc_8259_whitespace_stands_between_json_values() {
    for (space, name) in [
        ("\u{3000}", "the ideographic space U+3000"),
        ("\u{A0}", "the no-break space U+00A0"),
        ("\u{FEFF}", "the byte order mark U+FEFF"),
    ] {
        let text = format!("{{\"province\": \"Gansu\",\n {space}\"targets\": []}}\n");
        let (code, error) = first_error("gansu.json", &text);
        assert_eq!(code, 2, "{name}");
        assert_eq!(message(&error), format!("{name} is not whitespace in JSON"));
        assert_eq!(at(&error), "2:2", "{name}");
    }
    let (_, error) = first_error(
        "gansu.json",
        "{\"province\": \"Gansu\u{3000}\", \"targets\": []}",
    );
    assert_eq!(
        error["code"], "PC004",
        "inside a string it is text: {error}"
    );
}

const RULES_OVER_LINES: &str = "indicator energy_intensity_cut {
    unit     %
    baseline required
}

source seed { title \"t\" address \"a\" }

rule EI \"cut\" {
    kind    floor
    require energy_intensity_cut   # the indicator
            by 2025 from 2020
            between 13.5%          # the floor
            and     20 %           # the ceiling
    cite    seed \"x\"
}
";

const GANSU: &str =
    "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 {\n    value 12.5 %\n}\n";

#[test]
fn a_requirement_over_several_lines_is_shown_as_the_formatter_writes_it() {
    let dir = folder_with("r.rules", RULES_OVER_LINES);
    fs::write(dir.path().join("gansu.plan"), GANSU).unwrap();
    let (code, doc) = check_json(dir.path(), &["--rules", "r.rules", "gansu.plan"]);
    assert_eq!(code, 1, "a missed floor");
    let finding = &doc["findings"][0];
    assert_eq!(finding["required"]["text"], "between 13.5 % and 20 %");
    assert!(
        message(finding).contains("required `between 13.5 % and 20 %`"),
        "{finding}"
    );
    let rule_location = &finding["rule_location"];
    assert_eq!(
        (&rule_location["line"], &rule_location["column"]),
        (&Value::from(10), &Value::from(13)),
        "the label stays on the text as written"
    );
    let human = stdout(&plancheck_in(
        dir.path(),
        &["check", "--rules", "r.rules", "gansu.plan"],
    ));
    assert!(
        human.contains("required: `between 13.5 % and 20 %`"),
        "{human}"
    );
    let explained = stdout(&plancheck_in(
        dir.path(),
        &["explain", "--rules", "r.rules", "EI"],
    ));
    assert!(
        explained
            .contains("Requires: `energy_intensity_cut by 2025 from 2020 between 13.5 % and 20 %`"),
        "{explained}"
    );
    let csv = stdout(&plancheck_in(
        dir.path(),
        &[
            "report",
            "--rules",
            "r.rules",
            "gansu.plan",
            "--format",
            "csv",
            "--date",
            "2026-01-01",
        ],
    ));
    assert!(
        !csv.contains("the floor"),
        "no comment in the report: {csv}"
    );
}

#[test]
fn report_to_standard_output_through_o_asks_for_a_regular_file() {
    let dir = folder_with("gansu.plan", GANSU);
    // Standard output is a pipe here, as it is in `plancheck report -o /dev/stdout | less`.
    let output = plancheck_in(
        dir.path(),
        &[
            "report",
            "gansu.plan",
            "--format",
            "md",
            "-o",
            "/dev/stdout",
        ],
    );
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("-o needs a regular file"), "{err}");
    assert!(err.contains("is not a regular file but a pipe"), "{err}");
    assert!(!err.contains("/proc"), "no temporary path: {err}");
}

#[test]
fn a_date_that_does_not_exist_is_no_such_date() {
    let dir = folder_with("gansu.plan", GANSU);
    for args in [
        vec!["check", "gansu.plan", "--today", "2026-02-30"],
        vec![
            "report",
            "gansu.plan",
            "--format",
            "md",
            "--date",
            "2026-02-30",
        ],
        vec![
            "report",
            "gansu.plan",
            "--format",
            "md",
            "--date",
            "2026-02-30T10:00Z",
        ],
    ] {
        let output = plancheck_in(dir.path(), &args);
        assert_eq!(code(&output), 2, "{args:?}");
        let err = stderr(&output);
        assert!(
            err.contains("no such date: `2026-02-30` (February 2026 has 28 days)"),
            "{args:?}: {err}"
        );
    }
    let output = plancheck_in(dir.path(), &["check", "gansu.plan", "--today", "2026-2-3"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("is not a date (YYYY-MM-DD)"));

    let issued = GANSU.replace("province Gansu\n", "province Gansu\nissued 2022-02-29\n");
    let (code, error) = first_error("gansu.plan", &issued);
    assert_eq!(code, 2);
    assert_eq!(message(&error), "no such date: `2022-02-29`");
    assert_eq!(at(&error), "2:8");
}
