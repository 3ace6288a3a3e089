//! The hand-written fast path against the pest grammar: whatever the fast path reads, pest
//! reads to the same tree with the same spans; and well-formed files, however laid out, do
//! take the fast path.

use plancheck::syntax::paths;
use plancheck::{bundled, workload};
use proptest::prelude::*;

/// The fast path's reading of a plan, after checking that pest reads the same. Spans take
/// no part in the trees' equality, so the trees are compared in full through `Debug`.
fn fast_plan_agrees(text: &str) -> Option<String> {
    let fast = format!("{:?}", paths::plan_fast(text)?);
    let pest = paths::plan_pest(text).map(|p| format!("{p:?}"));
    assert_eq!(pest.as_ref(), Ok(&fast), "the two readings of:\n{text}");
    Some(fast)
}

fn well_formed_plans() -> Vec<String> {
    let mut texts: Vec<String> = bundled::plan_files()
        .iter()
        .map(|f| f.text().to_string())
        .collect();
    texts.extend(workload::generate(200, 7).iter().map(workload::plan_text));
    texts
}

/// The same plan laid out as people and editors do.
fn layouts(text: &str) -> Vec<String> {
    vec![
        text.to_string(),
        text.replace('\n', "\r\n"),
        format!("\u{FEFF}{text}"),
        text.replace("    ", "\u{3000}\t"),
        text.replace(" {", " { # a comment\n")
            .replace('}', "}# done\n"),
        text.replace(" {\n", "\n  {\n").replace('\n', "\n\n"),
        text.replace(" %", "%").replace("value      ", "value "),
    ]
}

#[test]
fn well_formed_plans_take_the_fast_path_and_read_as_pest_reads_them() {
    for text in well_formed_plans() {
        for layout in layouts(&text) {
            assert!(
                fast_plan_agrees(&layout).is_some(),
                "the fast path gave up on:\n{layout}"
            );
        }
    }
}

#[test]
fn plans_with_errors_are_left_to_pest() {
    let plans = [
        "",
        "# only a comment\n",
        "target x by 2025 { value 1 % }",
        "province A\nprovince B\n",
        "province A\ntarget x by 2025 { }\n",
        "province A\ntarget x by 2025 { value 1 % value 2 % }\n",
        "province A\ntarget x by 25 { value 1 % }\n",
        "province A\ntarget x by 2025.5 { value 1 % }\n",
        "province A\nissued 2023-02-29\n",
        "province A\ntarget x { value 1.2.3 }\n",
        "province A\ntarget x { value 99999999999999999999999999999999 }\n",
        "province A\ntarget x { document \"unclosed }\n",
        "province A\ntarget x { value 1 % document \"a \\q b\" }\n",
        "province A\nwaive R1 { reason \" \" approved_by \"x\" expires 2030-01-01 }\n",
        "province A\nwaive R1 { reason \"r\" approved_by \"x\" }\n",
        "province 'A'\n",
    ];
    for text in plans {
        assert_eq!(
            paths::plan_fast(text),
            None,
            "read by the fast path:\n{text}"
        );
    }
}

/// Pieces that unsettle a reader: brackets, quotes, escapes, keywords, unusual spaces and
/// characters outside the fast path's alphabet.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{3000}",
    "\u{FEFF}",
    "# c\n",
    "#",
    "{",
    "}",
    "\"",
    "\\",
    "\\n",
    "\\\"",
    "-",
    ".",
    "%",
    "/",
    "³",
    "万",
    "é",
    "𝔸",
    "_",
    "0",
    "9",
    "2025",
    "1000",
    "by",
    "from",
    "value",
    "by_reference",
    "around",
    "at_least",
    "commitment",
    "firm",
    "status",
    "draft",
    "document",
    "source",
    "target x",
    "waive",
    "reason",
    "expires",
    "province",
    "title",
    "issued",
    "within",
    "and",
];

fn mutated_plan() -> impl Strategy<Value = String> {
    let texts = well_formed_plans();
    let edits = prop::collection::vec(
        (any::<prop::sample::Index>(), 0..PIECES.len(), 0usize..4),
        1..4,
    );
    (prop::sample::select(texts), edits).prop_map(|(mut text, edits)| {
        for (at, piece, cut) in edits {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let start = starts[at.index(starts.len())];
            let end = starts.get(at.index(starts.len()) + cut).copied();
            text.replace_range(start..end.unwrap_or(text.len()).max(start), PIECES[piece]);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn whatever_the_fast_path_reads_pest_reads_the_same(text in mutated_plan()) {
        fast_plan_agrees(&text);
    }
}
