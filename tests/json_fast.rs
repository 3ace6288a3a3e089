//! The strict JSON reader (the fast path) against jsonc-parser (the slow path, which explains
//! syntax errors): wherever the fast path reads a text, it must give exactly what the slow
//! path gives, spans included; and it must read every well-formed plan, or the speed it
//! brings is an accident.

use std::path::Path;

use plancheck::syntax::paths::{json_fast, json_jsonc};
use plancheck::syntax::{MAX_DEPTH, check_nesting};
use plancheck::workload;
use proptest::prelude::*;

/// `Debug` and not `==`: the tree's equality ignores spans, and spans are what could differ.
fn assert_same(text: &str) -> Option<String> {
    let fast = json_fast(text)?;
    let slow = json_jsonc(text);
    let (fast, slow) = (format!("{fast:?}"), format!("{slow:?}"));
    assert_eq!(fast, slow, "the two paths differ on {text:?}");
    Some(fast)
}

/// Well-formed by a third reader's judgement (serde_json, which knows no BOM), and within
/// the nesting limit that both paths keep.
fn is_json(text: &str) -> bool {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<serde_json::Value>(body).is_ok() && check_nesting(body, false).is_ok()
}

fn json_files(dir: &str, prefix: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(&p).unwrap()).ok()?;
            Some((p.display().to_string(), text))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn fixtures_read_the_same_both_ways() {
    let good = json_files("fixtures/json", "");
    let bad = json_files("fixtures/bad", "json-");
    assert!(!good.is_empty() && bad.len() > 30);
    for (name, text) in good {
        let read = assert_same(&text).unwrap_or_else(|| panic!("{name} took the slow path"));
        assert!(read.starts_with("Ok("), "{name}: {read}");
    }
    let mut fast = 0;
    for (name, text) in &bad {
        let took_fast = assert_same(text).is_some();
        if is_json(text) {
            assert!(took_fast, "{name} is JSON but took the slow path");
        }
        fast += usize::from(took_fast);
    }
    assert!(fast > 20, "only {fast} bad fixtures took the fast path");
}

#[test]
fn generated_plans_take_the_fast_path() {
    for seed in 0..20 {
        for plan in workload::generate(31, seed) {
            let text = workload::plan_json(&plan);
            let read = assert_same(&text).expect("a generated plan takes the fast path");
            assert!(read.starts_with("Ok("), "{read}");
        }
    }
}

/// Texts once found to differ, or close to the edge of what either path accepts.
#[test]
fn edge_cases_read_the_same_both_ways() {
    let plan = |targets: &str| format!("{{\"province\": \"Liaoning\", \"targets\": [{targets}]}}");
    let texts = [
        plan(""),
        format!("\u{feff}{}", plan("")),
        format!("\u{feff}\u{feff}{}", plan("")),
        format!("{}\u{c}", plan("")),
        format!("\u{a0}{}", plan("")),
        plan("{\"indicator\": \"co2_peak_year\", \"value\": 2.03e3, \"qualifier\": \"exact\"}"),
        plan("{\"indicator\": \"x\", \"year\": 1e400, \"value\": -0}"),
        plan("{\"indicator\": \"x\\ud83d\\ude00\\u00e9\\/\", \"value\": 01}"),
        plan("{\"indicator\": \"x\\ud800\", \"value\": 1}"),
        plan("{\"indicator\": \"x\\udc00\", \"value\": 1}"),
        plan("{\"indicator\": \"x\n}"),
        plan("{\"indicator\": \"x\", \"value\": +1}"),
        plan(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH - 2),
            "]".repeat(MAX_DEPTH - 2)
        )),
        plan(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        )),
        plan("{\"indicator\": \"x\\'\", \"value\": 1}"),
        plan("{\"indicator\": \"x\\x41\\v\", \"value\": 1}"),
        plan("{'indicator': 'x', \"value\": 1}"),
        plan("{\"indicator\": \"x\\udc00\\ud800\", \"value\": 1}"),
        plan("{\"indicator\": \"x\", \"value\": 1, \"unit\": null, \"unit\": 2}"),
        plan("null"),
        "{\"province\": null, \"targets\": null}".into(),
        "[]".into(),
        "\"plan\"".into(),
        "{\"a\": 1} x".into(),
    ];
    for text in &texts {
        let fast = assert_same(text);
        assert!(
            !is_json(text) || fast.is_some(),
            "JSON that took the slow path: {text:?}"
        );
    }
}

/// The reader takes a plan's fields by name, but reports them in the order written.
#[test]
fn errors_come_in_the_order_written() {
    let text = r#"{"issued": 1, "targets": [], "title": 2, "province": 3}"#;
    let errors = json_fast(text).expect("the fast path").unwrap_err();
    let fields: Vec<String> = errors
        .iter()
        .map(|e| match e {
            plancheck::syntax::SyntaxError::WrongType { field, .. } => field.clone(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(fields, ["`issued`", "`title`", "`province`"]);
}

/// A plan with what the generated ones lack: a BOM, CRLF line ends, Chinese text, escapes
/// of every kind, exponents, nulls and errors for the reader to find.
const VARIED: &str = "\u{feff}{\r\n  \"province\": \"Liaoning\",\r\n  \"title\": \"辽宁省碳达峰实施方案 \\\"2022\\\" \\u00e9\\ud83d\\ude00\\b\\f\\n\\r\\t\\/\\\\\",\r\n  \"issued\": \"2022-09-30\",\r\n  \"targets\": [\r\n    {\"indicator\": \"energy_intensity_cut\", \"year\": 2025, \"baseline\": 2020, \"value\": 1.45E+1, \"unit\": \"%\", \"qualifier\": \"exact\", \"status\": \"verified (checked \\/ twice)\", \"document\": null},\r\n    {\"indicator\": \"非化石\", \"yaer\": 2030, \"value\": \"20\", \"qualifier\": \"by_reference\", \"commitment\": \"firmly\"}\r\n  ]\r\n}\r\n";

/// What the edits insert: JSON's structure, and what trips readers up.
const SNIPPETS: [&str; 30] = [
    ",",
    "}",
    "]",
    "{",
    "[",
    ":",
    "\"",
    "\\",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\u{feff}",
    "碳达峰",
    "\\u00e9",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\u",
    "null",
    "-1e5",
    "\u{c}",
    "//",
    "'",
    "\\'",
    "\\x41",
    "\\v",
    "\\udc00",
    "+",
    ".",
    "0",
];

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, usize),
    Replace(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..4).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0u8..0x80).prop_map(|(at, b)| Edit::Replace(at, b)),
    ]
}

/// The char boundary at or before `at` (taken modulo the length, plus one for the end).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Delete(at, n) => {
            let start = boundary(text, at);
            let end = text[start..]
                .char_indices()
                .nth(n)
                .map_or(text.len(), |(i, _)| start + i);
            text.replace_range(start..end, "");
        }
        Edit::Insert(at, s) => text.insert_str(boundary(text, at), SNIPPETS[s]),
        Edit::Replace(at, byte) => {
            let start = boundary(text, at);
            let end = text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            text.replace_range(start..end, &char::from(byte).to_string());
        }
    }
}

fn seed_text(which: u8, seed: u64) -> String {
    match which {
        0 => VARIED.to_string(),
        1 => workload::plan_json(&workload::generate(1, seed)[0]),
        _ => std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/json/liaoning.json"),
        )
        .unwrap(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn edited_plans_read_the_same_both_ways(
        which in 0u8..3,
        seed in any::<u64>(),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let mut text = seed_text(which, seed);
        for e in &edits {
            apply(&mut text, e);
        }
        let fast = assert_same(&text);
        if is_json(&text) {
            prop_assert!(fast.is_some(), "JSON that took the slow path: {:?}", text);
        }
    }
}
