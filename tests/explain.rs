//! `plancheck explain`: the explanation of every code and of two rules, kept as snapshots;
//! an unknown name refused with a suggestion; and, most important, the example in every
//! code's explanation run, so that the docs stay true of the implementation.
//!
//! Each explanation holds exactly one example block, tagged with how to run it:
//! ```` ```rules ```` is linted (`plancheck lint FILE`), ```` ```plan ```` and ```` ```json ````
//! are checked against the bundled national rules (`plancheck check FILE`, with `--today` where
//! the text gives one), ```` ```txt ```` is a document checked the same way, and the output
//! must show the code. ```` ```text ```` shows a command,
//! for codes that need something other than a file's content; those are not run.

mod common;

use common::{code, plancheck, stderr, stdout};
use plancheck::codes::{CODES, Code};

/// The tags an example block may have.
const TAGS: [&str; 6] = ["rules", "plan", "json", "jsonl", "txt", "text"];

/// The codes whose example is a command rather than a file: they are about the run, the
/// file's name or size, or bytes a Markdown page cannot hold.
const COMMAND_EXAMPLES: [&str; 9] = [
    "PC022", "PC039", "PC100", "PC101", "PC105", "PC115", "PC116", "PC118", "PC119",
];

/// A fenced block: its tag (the word after the opening fence) and its text.
struct Block {
    tag: String,
    text: String,
}

fn blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for line in doc.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(tag)) => {
                open = Some(Block {
                    tag: tag.trim().to_string(),
                    text: String::new(),
                })
            }
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "an unclosed code block");
    blocks
}

/// The one tagged example of a code's explanation.
fn example(code: &Code) -> Block {
    let mut tagged: Vec<Block> = blocks(code.doc)
        .into_iter()
        .filter(|b| TAGS.contains(&b.tag.as_str()))
        .collect();
    assert_eq!(
        tagged.len(),
        1,
        "{}: exactly one block tagged rules, plan, json, jsonl, txt or text",
        code.id
    );
    tagged.remove(0)
}

/// The date after `--today` in the explanation, for examples about waivers.
fn today(doc: &str) -> Option<&str> {
    let (_, rest) = doc.split_once("--today ")?;
    let date = rest.get(..10)?;
    let shape = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    shape.then_some(date)
}

fn explain(what: &str) -> String {
    let output = plancheck(&["explain", what]);
    assert_eq!(code(&output), 0, "plancheck explain {what}");
    stdout(&output)
}

#[test]
fn the_explanation_of_every_code_is_as_reviewed() {
    for c in CODES {
        let text = explain(c.id);
        assert_eq!(text, c.doc, "{} prints its doc", c.id);
        insta::with_settings!({
            snapshot_suffix => c.id,
            description => format!("plancheck explain {}", c.id),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("code", text);
        });
    }
}

#[test]
fn the_explanation_of_a_rule_is_as_reviewed() {
    for rule in ["EI-2025", "WS-2030"] {
        let text = explain(rule);
        insta::with_settings!({
            snapshot_suffix => rule,
            description => format!("plancheck explain {rule}"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("rule", text);
        });
    }
}

#[test]
fn codes_and_rules_are_found_whatever_their_case() {
    assert_eq!(explain("pc013"), explain("PC013"));
    assert_eq!(explain("ei-2025"), explain("EI-2025"));
}

#[test]
fn an_unknown_code_exits_with_2_and_suggests_a_near_miss() {
    let output = plancheck(&["explain", "PC01"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("`PC01` is neither a diagnostic code, a rule nor an indicator"),
        "{err}"
    );
    assert!(err.contains("did you mean `PC001`?"), "{err}");

    let output = plancheck(&["explain", "EI-2052"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("did you mean `EI-2025`?"));

    // One zero too many is the code of that number, not the nearest spelling (PC001).
    let output = plancheck(&["explain", "PC0015"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("did you mean `PC015`?"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_name_like_nothing_known_exits_with_2_without_a_suggestion() {
    let output = plancheck(&["explain", "carbon"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("is neither a diagnostic code, a rule nor an indicator"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn every_explanation_has_its_sections() {
    for c in CODES {
        for section in ["## What it does", "## Why", "## Example"] {
            assert!(c.doc.contains(section), "{} has `{section}`", c.id);
        }
        let lines = c.doc.lines().count();
        assert!(
            (15..=50).contains(&lines),
            "{} is {lines} lines: keep it concise",
            c.id
        );
    }
}

#[test]
fn only_codes_about_more_than_a_file_s_content_show_a_command() {
    for c in CODES {
        let is_command = example(c).tag == "text";
        let expected = COMMAND_EXAMPLES.contains(&c.id);
        assert_eq!(
            is_command, expected,
            "{}: a ```text example is for {COMMAND_EXAMPLES:?} only",
            c.id
        );
    }
}

#[test]
fn a_command_example_shows_its_code() {
    for c in CODES.iter().filter(|c| example(c).tag == "text") {
        let text = example(c).text;
        assert!(text.starts_with("$ plancheck "), "{}: {text}", c.id);
        assert!(text.contains(c.id), "{}: the output shows {}", c.id, c.id);
    }
}

/// Runs the example of `code`; `None` for a command example, else the output and exit code.
fn run_example(code: &Code, dir: &std::path::Path) -> Option<(String, i32)> {
    let block = example(code);
    if block.tag == "text" {
        return None;
    }
    let path = dir.join(format!("{}.{}", code.id, block.tag));
    std::fs::write(&path, &block.text).unwrap();
    let path = path.to_str().unwrap();
    let mut args = match block.tag.as_str() {
        "rules" => vec!["lint", path],
        "jsonl" => vec!["check", "--scenarios", path],
        _ => vec!["check", path],
    };
    if let Some(date) = today(code.doc) {
        args.extend(["--today", date]);
    }
    let output = plancheck(&args);
    assert!(
        !stderr(&output).contains("panicked"),
        "{}: {}",
        code.id,
        stderr(&output)
    );
    Some((stdout(&output), common::code(&output)))
}

#[test]
fn the_example_of_every_code_produces_that_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut faults = Vec::new();
    for c in CODES {
        let Some((out, _)) = run_example(c, dir.path()) else {
            continue;
        };
        let shown = out.lines().any(|line| line == c.id);
        if !shown {
            faults.push(format!(
                "{}: the example does not report {}:\n{out}",
                c.id, c.id
            ));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n\n"));
}

#[test]
fn examples_of_lints_report_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    for c in CODES.iter().filter(|c| example(c).tag == "rules") {
        let (out, _) = run_example(c, dir.path()).unwrap();
        let others: Vec<&str> = out
            .lines()
            .filter(|line| plancheck::codes::find(line).is_some() && *line != c.id)
            .collect();
        assert!(
            others.is_empty(),
            "{} also reports {others:?}:\n{out}",
            c.id
        );
    }
}

#[test]
fn waiver_examples_are_judged_on_the_date_they_name() {
    for id in ["PC031", "PC032"] {
        let c = plancheck::codes::find(id).unwrap();
        assert!(
            today(c.doc).is_some(),
            "{id} says which `--today` it is checked with"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let expired = plancheck::codes::find("PC031").unwrap();
    let (_, exit) = run_example(expired, dir.path()).unwrap();
    assert_eq!(exit, 1, "an expired waiver is an error");
}

#[test]
fn explaining_from_rules_with_problems_shows_the_problems() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("broken.rules");
    std::fs::write(
        &rules,
        "rule A \"x\" {\n    kind    floor\n    require nothing >= 1 %\n}\n",
    )
    .unwrap();
    let output = plancheck(&["explain", "A", "--rules", rules.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    assert!(
        text.contains("PC001") && text.contains("unknown indicator `nothing`"),
        "{text}"
    );
    assert!(text.contains("broken.rules:3:13]"), "{text}");
    assert!(!stderr(&output).contains("neither a diagnostic code nor a rule"));
}

#[test]
fn a_rule_over_no_province_says_so() {
    let output = plancheck(&[
        "explain",
        "NF-2025-COAL",
        "--rules",
        "fixtures/lint/PC017.rules",
    ]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(
        text.contains("Scope: no province, so the rule checks nothing"),
        "{text}"
    );
    assert!(!text.contains("0 provinces"), "{text}");
}
