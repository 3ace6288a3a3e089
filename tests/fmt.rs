//! `plancheck fmt`: formatting is idempotent, keeps every comment in order, and parsing the
//! formatted text gives the same syntax tree as parsing the original. Proved on every bundled
//! file and on generated rule and plan files laid out at random.

mod common;

use std::fs;

use common::{code, plancheck, root, stderr, stdout};
use plancheck::fmt::format;
use plancheck::syntax::{Language, SyntaxError, parse_plan, parse_rules};
use proptest::prelude::*;

/// Every comment in a text, in order.
fn comments(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            l.find(" # ")
                .map(|i| &l[i + 1..])
                .or(l.trim_start().strip_prefix('#').map(|_| l.trim_start()))
        })
        .map(|c| c.trim_end().to_string())
        .collect()
}

/// The three properties, for one text.
fn assert_formats_well(text: &str, language: Language) {
    let formatted = format(text, language).expect("a file that parses formats");
    assert_eq!(
        format(&formatted, language).unwrap(),
        formatted,
        "formatting twice changes nothing"
    );
    assert_eq!(
        comments(&formatted),
        comments(text),
        "comments kept, in order"
    );
    match language {
        Language::Rules => assert_eq!(parse_rules(&formatted).unwrap(), parse_rules(text).unwrap()),
        Language::Plan => assert_eq!(parse_plan(&formatted).unwrap(), parse_plan(text).unwrap()),
        Language::Tests => {}
    }
}

#[test]
fn every_bundled_file_is_formatted_and_keeps_its_meaning() {
    let mut checked = 0;
    for dir in ["rules", "fixtures/plans"] {
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let Some(language) = Language::of(path.to_str().unwrap()) else {
                continue;
            };
            let text = fs::read_to_string(&path).unwrap();
            assert_eq!(
                format(&text, language).unwrap(),
                text,
                "{} is canonical",
                path.display()
            );
            assert_formats_well(&text, language);
            checked += 1;
        }
    }
    assert!(checked >= 32, "the national rules and the 31 plans");
}

#[test]
fn check_lists_what_would_change_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let messy = dir.path().join("messy.plan");
    let tidy = dir.path().join("tidy.plan");
    let text = "province  Beijing\ntarget energy_intensity_cut by 2025 from 2020 { value 14 % }\n";
    fs::write(&messy, text).unwrap();
    fs::write(&tidy, format(text, Language::Plan).unwrap()).unwrap();
    let output = plancheck(&["fmt", "--check", dir.path().to_str().unwrap()]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("would reformat"));
    assert!(stdout(&output).contains("messy.plan") && !stdout(&output).contains("tidy.plan"));
    assert_eq!(
        fs::read_to_string(&messy).unwrap(),
        text,
        "--check writes nothing"
    );

    let output = plancheck(&["fmt", messy.to_str().unwrap()]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        fs::read_to_string(&messy).unwrap(),
        fs::read_to_string(&tidy).unwrap()
    );
    assert_eq!(
        code(&plancheck(&[
            "fmt",
            "--check",
            dir.path().to_str().unwrap()
        ])),
        0
    );
}

#[test]
fn a_file_that_does_not_parse_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.rules");
    let text = "indicator x {   unit %\n";
    fs::write(&broken, text).unwrap();
    let output = plancheck(&["fmt", broken.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).contains("PC103"));
    assert_eq!(fs::read_to_string(&broken).unwrap(), text);
}

/// Found by the `plan` fuzz target: the grammar ended a comment at a lone `\r`, the
/// formatter only at `\n`, and formatting sliced the text backwards. A lone `\r` is now
/// refused before anything reads the text, so no reader can disagree on it.
#[test]
fn a_lone_carriage_return_is_refused_not_formatted() {
    let crash = "province Beijing\ntarget x by 2025 {\n # \"\" after\r\r  value 14.4\nGW}\n";
    let plan = "province A # c\r\rtitle \"t\"\ntarget energy_intensity_cut by 2025 { value 1 % }\n";
    for text in [crash, plan] {
        match format(text, Language::Plan) {
            Err(SyntaxError::Unexpected { span, .. }) => {
                assert_eq!(span.offset(), text.find('\r').unwrap(), "at the first CR")
            }
            other => panic!("a lone CR was formatted: {other:?}"),
        }
    }
}

/// plancheck has no layout of its own for JSON: a JSON plan named is said to be left as it
/// is, not refused as a file of the wrong kind, and not counted as formatted.
#[test]
fn json_plans_are_not_formatted() {
    let output = plancheck(&["fmt", "--check", "fixtures/json/liaoning.json"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    let note = stderr(&output);
    assert!(note.contains("liaoning.json` is a JSON plan"), "{note}");
    assert!(note.contains("not JSON (left as it is)"), "{note}");
}

// Generated files: the same tokens a parser accepts, laid out at random.

/// Whitespace between tokens, sometimes with a comment (which ends its line).
fn gap() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(" ".to_string()),
        1 => Just("  ".to_string()),
        2 => Just("\n".to_string()),
        1 => Just("\n\n    ".to_string()),
        1 => Just("\t".to_string()),
        1 => "[a-z]{1,8}".prop_map(|w| format!(" # {w}\n")),
    ]
}

/// Tokens joined by random gaps; a gap never splits a token.
fn laid_out(tokens: Vec<String>) -> impl Strategy<Value = String> {
    let n = tokens.len();
    prop::collection::vec(gap(), n).prop_map(move |gaps| {
        let mut text = String::new();
        for (token, gap) in tokens.iter().zip(gaps) {
            text.push_str(token);
            text.push_str(&gap);
        }
        text.push('\n');
        text
    })
}

fn name() -> impl Strategy<Value = String> {
    "[a-z]{1,6}(_[a-z]{1,4})?".prop_map(|n| format!("x_{n}"))
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]{1,3}", "[0-9]{1,2}\\.[0-9]{1,3}"]
}

fn string() -> impl Strategy<Value = String> {
    "[a-zA-Z 北京%()0-9]{0,12}".prop_map(|s| format!("\"{s}\""))
}

fn unit() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["%", "pp", "万kW", "亿m3", "GW", "年"]).prop_map(String::from)
}

fn year() -> impl Strategy<Value = String> {
    (2000u16..2070).prop_map(|y| y.to_string())
}

fn province() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["Beijing", "上海", "\"Inner Mongolia\"", "Tianjin"])
        .prop_map(String::from)
}

fn indicator() -> impl Strategy<Value = Vec<String>> {
    (name(), unit(), prop::option::of(string()), prop::bool::ANY).prop_map(
        |(n, u, title, required)| {
            let mut t = vec!["indicator".to_string(), n, "{".into(), "unit".into(), u];
            if let Some(title) = title {
                t.extend(["title".to_string(), title]);
            }
            t.extend([
                "baseline".to_string(),
                if required { "required" } else { "none" }.into(),
                "}".into(),
            ]);
            t
        },
    )
}

fn group() -> impl Strategy<Value = Vec<String>> {
    (
        name(),
        prop::collection::vec(province(), 1..4),
        prop::bool::ANY,
    )
        .prop_map(|(n, ps, paren)| {
            let mut t = vec!["group".to_string(), n, "=".into()];
            if paren {
                t.push("(".into());
            }
            t.push("[".into());
            for (i, p) in ps.iter().enumerate() {
                if i > 0 {
                    t.push(",".into());
                }
                t.push(p.clone());
            }
            t.push("]".into());
            if paren {
                t.extend([
                    "+".to_string(),
                    "every".into(),
                    "province".into(),
                    ")".into(),
                ]);
            }
            t
        })
}

fn condition() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (
            prop::sample::select(vec![">=", ">", "<=", "<", "=="]),
            number(),
            unit()
        )
            .prop_map(|(op, n, u)| vec![op.to_string(), n, u]),
        (number(), unit(), number(), unit()).prop_map(|(a, u, b, v)| vec![
            "between".into(),
            a,
            u,
            "and".into(),
            b,
            v
        ]),
        (number(), unit(), number()).prop_map(|(a, u, t)| vec![
            "around".into(),
            a,
            u,
            "within".into(),
            t,
            "pp".into()
        ]),
        year().prop_map(|y| vec!["no".into(), "later".into(), "than".into(), y]),
        string().prop_map(|s| vec!["qualitative".into(), s]),
    ]
}

fn rule() -> impl Strategy<Value = Vec<String>> {
    (
        "[A-Z]{2,3}-[0-9]{4}",
        string(),
        prop::sample::select(vec!["floor", "benchmark", "aggregate", "no_fallback"]),
        name(),
        year(),
        prop::option::of(year()),
        condition(),
        prop::option::of((name(), string())),
        prop::option::of(string()),
    )
        .prop_map(|(id, title, kind, ind, by, from, cond, cite, help)| {
            let mut t = vec![
                "rule".to_string(),
                id,
                title,
                "{".into(),
                "kind".into(),
                kind.into(),
            ];
            t.extend(["require".to_string(), ind, "by".into(), by]);
            if let Some(from) = from {
                t.extend(["from".to_string(), from]);
            }
            t.extend(cond);
            if let Some((source, locator)) = cite {
                t.extend(["cite".to_string(), source, locator]);
            }
            if let Some(help) = help {
                t.extend(["help".to_string(), help]);
            }
            t.extend([
                "allow".to_string(),
                "PC013".into(),
                "because".into(),
                "\"a reason\"".into(),
            ]);
            t.push("}".into());
            t
        })
}

fn rule_file() -> impl Strategy<Value = String> {
    let item = prop_oneof![indicator(), group(), rule()];
    prop::collection::vec(item, 1..6)
        .prop_map(|items| items.concat())
        .prop_flat_map(laid_out)
}

fn target() -> impl Strategy<Value = Vec<String>> {
    (
        name(),
        year(),
        prop::option::of(year()),
        prop::sample::select(vec!["", "around", "at_least", "more_than", "exact"]),
        number(),
        prop::option::of(unit()),
        prop::option::of(string()),
    )
        .prop_map(|(ind, by, from, q, n, u, doc)| {
            let mut t = vec!["target".to_string(), ind, "by".into(), by];
            if let Some(from) = from {
                t.extend(["from".to_string(), from]);
            }
            t.extend(["{".to_string(), "value".into()]);
            if !q.is_empty() {
                t.push(q.into());
            }
            t.push(n);
            t.extend(u);
            if let Some(doc) = doc {
                t.extend([
                    "document".to_string(),
                    doc,
                    "status".into(),
                    "conflicting".into(),
                    "\"note\"".into(),
                ]);
            }
            t.push("}".into());
            t
        })
}

fn plan_file() -> impl Strategy<Value = String> {
    (
        province(),
        prop::option::of(string()),
        prop::collection::vec(target(), 0..5),
    )
        .prop_map(|(p, title, targets)| {
            let mut t = vec!["province".to_string(), p];
            if let Some(title) = title {
                t.extend(["title".to_string(), title]);
            }
            t.extend(targets.concat());
            t
        })
        .prop_flat_map(laid_out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_rule_files_format_well(text in rule_file()) {
        prop_assume!(parse_rules(&text).is_ok());
        assert_formats_well(&text, Language::Rules);
    }

    #[test]
    fn generated_plan_files_format_well(text in plan_file()) {
        prop_assume!(parse_plan(&text).is_ok());
        assert_formats_well(&text, Language::Plan);
    }
}
