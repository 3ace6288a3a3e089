//! Input strings cannot act on whoever reads the output: terminal escape sequences, bidi
//! overrides, Markdown and HTML in a plan, a rule file, a test file or a file name are shown
//! as text, escaped for each format, and never change the output's structure.

mod common;

use std::path::Path;

use common::{plancheck_in, stderr, stdout};

/// Strings that would clear a terminal, retitle it, reverse what follows, run a script,
/// make a link or break out of a table or a list.
const HOSTILE: [&str; 7] = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\u{202E}",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "a|b",
    "line1\n\n# heading",
];

/// Every hostile string, and more controls a JSON string can carry.
fn hostile() -> String {
    HOSTILE.join(" ")
}

fn json_hostile() -> String {
    format!("{} \u{9b}31m \u{85} \r \u{b} \u{2066}", hostile())
}

/// A plan's string literal: the plan language writes a line break as `\n`.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\n', "\\n"))
}

/// A plan that carries `text` in its title, a status note, its document and source, and
/// a live waiver's reason and approver.
fn plan(text: &str) -> String {
    let q = quoted(text);
    format!(
        "province Gansu\ntitle {q}\n\
         target energy_intensity_cut by 2025 from 2020 {{\n    value 12.5 %\n    \
         status conflicting {q}\n    document {q}\n    source {q}\n}}\n\
         target co2_peak_year {{ value 2030 }}\n\
         waive EI-2025 {{\n    reason {q}\n    approved_by {q}\n    expires 2099-12-31\n}}\n"
    )
}

/// A JSON plan with `text` in its title, a status note, its document and source.
fn json_plan(text: &str) -> String {
    serde_json::json!({
        "province": "Hainan",
        "title": text,
        "targets": [{
            "indicator": "non_fossil_share", "year": 2025, "value": 17, "unit": "%",
            "status": format!("conflicting ({text})"), "document": text, "source": text,
        }]
    })
    .to_string()
}

/// A folder with both plans, the JSON one under a file name of its own that holds an
/// escape sequence, a line break and a bidi override.
fn plans(text: &str, json_text: &str, json_name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("plans/gansu.plan"), plan(text)).unwrap();
    std::fs::write(
        dir.path().join("plans").join(json_name),
        json_plan(json_text),
    )
    .unwrap();
    dir
}

const HOSTILE_NAME: &str = "hai\x1b[2J\nnan\u{202E}nosj.json";

fn hostile_plans() -> tempfile::TempDir {
    plans(&hostile(), &json_hostile(), HOSTILE_NAME)
}

/// The same plans with plain text in place of the hostile strings, to compare structure.
fn plain_plans() -> tempfile::TempDir {
    plans("plain words", "plain words", "hainan.json")
}

fn run(dir: &Path, args: &[&str]) -> String {
    let output = plancheck_in(dir, args);
    assert!(
        output.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// A character that must never reach the reader raw.
fn is_raw_control(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        )
        || matches!(c, '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

fn assert_no_raw_control(out: &str, what: &str) {
    let raw: Vec<String> = out
        .chars()
        .filter(|&c| is_raw_control(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in\n{out}");
}

/// The hostile strings are shown, escaped, rather than dropped.
fn assert_shown(out: &str, what: &str) {
    for escaped in ["\\u{1B}[2J", "\\u{1B}]0;pwned\\u{7}", "\\u{202E}"] {
        assert!(out.contains(escaped), "{what}: no `{escaped}` in\n{out}");
    }
}

#[test]
fn check_writes_no_control_character_in_any_text_format() {
    let dir = hostile_plans();
    for format in ["human", "github", "junit"] {
        let out = check(dir.path(), format);
        assert_no_raw_control(&out, format);
        assert_shown(&out, format);
    }
}

#[test]
fn json_carries_the_strings_exactly_as_written() {
    let dir = hostile_plans();
    let doc: serde_json::Value = serde_json::from_str(&check(dir.path(), "json")).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let waived = findings.iter().find(|f| f["waived"].is_object()).unwrap();
    assert_eq!(waived["waived"]["reason"], hostile());
    let hainan = findings
        .iter()
        .find(|f| f["province"] == "Hainan" && f["rule"] == "NF-2025")
        .unwrap();
    assert_eq!(hainan["declared"]["document"], json_hostile());
    let report = report(dir.path(), "json");
    assert!(report.contains(r"\u001b[2J"), "JSON escapes ESC once");
    assert!(!report.contains(r"\u{1B}"), "and nothing escapes it again");
}

#[test]
fn github_annotations_stay_one_command_a_line() {
    let dir = hostile_plans();
    let out = check(dir.path(), "github");
    for line in out.lines() {
        assert!(
            line.starts_with("::"),
            "a line that is not a command: {line:?}"
        );
    }
    assert!(
        out.contains("file=plans/hai\\u{1B}[2J\\nnan\\u{202E}nosj.json"),
        "{out}"
    );
}

/// The text inside each XML tag, where attributes are: quick-junit writes a tag on one line,
/// and text content has its `<` and `>` escaped.
fn tags(xml: &str) -> impl Iterator<Item = &str> {
    xml.split('<').skip(1).map(|t| t.split('>').next().unwrap())
}

#[test]
fn junit_attributes_hold_no_raw_line_break() {
    let dir = hostile_plans();
    let xml = check(dir.path(), "junit");
    for tag in tags(&xml) {
        assert!(!tag.contains('\n'), "a raw line break in <{tag}>");
    }
    assert!(
        xml.contains("<testsuite name=\"plans/hai\\u{1B}[2J\\nnan\\u{202E}nosj.json\""),
        "{xml}"
    );
}

/// `check` of the hostile plans in `format`.
fn check(dir: &Path, format: &str) -> String {
    let args = [
        "check",
        "plans",
        "--today",
        "2026-01-01",
        "--format",
        format,
    ];
    run(dir, &args)
}

fn report(dir: &Path, format: &str) -> String {
    let args = [
        "report",
        "plans",
        "--format",
        format,
        "--date",
        "2026-01-01",
    ];
    run(dir, &args)
}

/// Pipes that separate table cells: not escaped by a backslash.
fn cell_separators(row: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in row.chars() {
        match (escaped, c) {
            (false, '\\') => escaped = true,
            (false, '|') => count += 1,
            _ => escaped = false,
        }
    }
    count
}

/// The Markdown's shape: each table row's cell count, and each heading, in order.
fn markdown_shape(md: &str) -> Vec<String> {
    md.lines()
        .filter_map(|line| match line.chars().next() {
            Some('|') => Some(format!("row of {}", cell_separators(line))),
            Some('#') => Some(line.split(' ').next().unwrap().to_string()),
            Some('-') => Some("list item".to_string()),
            _ => None,
        })
        .collect()
}

/// The Markdown without its code spans.
fn outside_code_spans(md: &str) -> String {
    let lines = md
        .lines()
        .map(|line| line.split('`').step_by(2).collect::<String>());
    lines.collect::<Vec<_>>().join("\n")
}

#[test]
fn the_markdown_report_keeps_its_tables_lists_and_headings() {
    let (hostile, plain) = (hostile_plans(), plain_plans());
    let md = report(hostile.path(), "md");
    assert_no_raw_control(&md, "md");
    assert_shown(&md, "md");
    assert_eq!(
        markdown_shape(&md),
        markdown_shape(&report(plain.path(), "md")),
        "{md}"
    );
    assert!(!md.lines().any(|l| l.starts_with("# heading")), "{md}");
    // Code spans show anything literally (the source column is one); outside them, nothing
    // reads as HTML or a link.
    let text = outside_code_spans(&md);
    assert!(!text.contains("<script>"), "{md}");
    assert!(!text.contains("[x]("), "{md}");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(md.contains("\\[x\\](javascript:alert(1))"), "{md}");
    assert!(md.contains("a\\|b"), "{md}");
    assert!(md.contains("line1<br><br>\\# heading"), "{md}");
}

#[test]
fn the_html_report_shows_the_strings_as_text() {
    let dir = hostile_plans();
    let html = report(dir.path(), "html");
    assert_no_raw_control(&html, "html");
    assert_shown(&html, "html");
    let page = scraper::Html::parse_document(&html);
    let count = |css: &str| page.select(&scraper::Selector::parse(css).unwrap()).count();
    assert_eq!(count("script"), 0);
    assert_eq!(count("a[href*=javascript]"), 0);
    let text: String = page.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>"), "{html}");
}

#[test]
fn the_csv_report_has_the_same_records_and_no_control_character() {
    let (hostile, plain) = (hostile_plans(), plain_plans());
    let records = |csv: &str| -> Vec<csv::StringRecord> {
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        reader.records().map(Result::unwrap).collect()
    };
    let csv = report(hostile.path(), "csv");
    // The byte order mark is the format's own, not the input's.
    let body = csv.strip_prefix('\u{feff}').unwrap();
    assert_no_raw_control(body, "csv");
    assert_shown(body, "csv");
    let (got, plain) = (records(body), records(&report(plain.path(), "csv")));
    assert_eq!(got.len(), plain.len());
    assert!(got.iter().zip(&plain).all(|(a, b)| a.len() == b.len()));
}

const RULES: &str = "source seed {\n    title \"S \x1b]0;pwned\x07\"\n}\n\n\
indicator energy_intensity_cut {\n    title \"cut \u{202E}\"\n    unit %\n    baseline required\n}\n\n\
rule EI-X \"title \x1b[2J <script>\" {\n    kind floor\n    \
require energy_intensity_cut by 2025 from 2020 >= 13.5 %\n    \
cite seed \"Table \u{202E}1 \x1b[2J\"\n    help \"help line1\\n\\n# heading \x1b[2J\"\n}\n";

const TESTS: &str = "test \"name \x1b[2J \u{202E} line1\\n# x\" {\n    \
plan {\n        province Gansu\n        \
target energy_intensity_cut by 2025 from 2020 { value 12.5 % }\n    }\n    \
expect EI-X pass\n}\n";

/// A rule file and a test file with hostile titles, help, citations and test names.
fn rules_and_tests() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.rules"), RULES).unwrap();
    std::fs::write(dir.path().join("hostile.tests"), TESTS).unwrap();
    let gansu = "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 { value 12.5 % }\n";
    std::fs::write(dir.path().join("gansu.plan"), gansu).unwrap();
    dir
}

/// A plan with a hostile status note before the value on the same line, so that the label
/// on the value comes after the escapes.
const ONE_LINE_PLAN: &str = "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 { \
status conflicting \"\x1b[2J \u{202E}\" value 12.5 % }\n";

#[test]
fn source_lines_are_escaped_and_labels_still_point_at_their_text() {
    let dir = rules_and_tests();
    std::fs::write(dir.path().join("one-line.plan"), ONE_LINE_PLAN).unwrap();
    let args = ["check", "one-line.plan", "--rules", "hostile.rules"];
    let out = run(dir.path(), &args);
    assert_no_raw_control(&out, "human");
    // The header counts the characters of the line as written: `12.5` is its 86th.
    let column = ONE_LINE_PLAN.lines().nth(1).unwrap().find("12.5").unwrap();
    let column = ONE_LINE_PLAN.lines().nth(1).unwrap()[..column]
        .chars()
        .count()
        + 1;
    assert!(
        out.contains(&format!("[one-line.plan:2:{column}]")),
        "{out}"
    );
    insta::assert_snapshot!("hostile_human", out);
}

#[test]
fn strings_from_rule_and_test_files_are_escaped_too() {
    let dir = rules_and_tests();
    let check = [
        "check",
        "gansu.plan",
        "--rules",
        "hostile.rules",
        "--format",
    ];
    for format in ["human", "github", "junit"] {
        let out = run(dir.path(), &[&check[..], &[format]].concat());
        assert_no_raw_control(&out, format);
        let lint = run(dir.path(), &["lint", "hostile.rules", "--format", format]);
        assert_no_raw_control(&lint, format);
    }
    let human = run(dir.path(), &check[..4]);
    assert!(human.contains("title \\u{1B}[2J <script>"), "{human}");
    assert!(
        human.contains("help line1\\n\\n# heading \\u{1B}[2J"),
        "{human}"
    );
    assert!(human.contains("Table \\u{202E}1 \\u{1B}[2J"), "{human}");
    let explain = run(dir.path(), &["explain", "EI-X", "--rules", "hostile.rules"]);
    assert_no_raw_control(&explain, "explain");
    assert!(explain.contains("S \\u{1B}]0;pwned\\u{7}"), "{explain}");
    for format in ["human", "junit"] {
        let out = run(dir.path(), &["test", "hostile.tests", "--format", format]);
        assert_no_raw_control(&out, format);
        assert!(
            out.contains("name \\u{1B}[2J \\u{202E} line1\\n# x"),
            "{out}"
        );
    }
}

#[test]
fn a_province_name_in_an_error_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "province \"Gan\x1b[2Jsu\u{202E}\"\ntarget co2_peak_year { value 2030 }\n";
    std::fs::write(dir.path().join("bad.plan"), plan).unwrap();
    for format in ["human", "github", "junit"] {
        let output = plancheck_in(dir.path(), &["check", "bad.plan", "--format", format]);
        let out = stdout(&output);
        assert_no_raw_control(&out, format);
        assert!(out.contains("Gan\\u{1B}[2Jsu\\u{202E}"), "{format}: {out}");
    }
}
