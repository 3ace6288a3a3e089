//! The hand-written fast path against the pest grammar: whatever the fast path reads, pest
//! reads to the same tree with the same spans; and well-formed files, however laid out, do
//! take the fast path. Plans and rule files alike, through one [`Lang`] each.

use std::fmt::Debug;
use std::path::Path;

use plancheck::ast::{PlanFile, RuleFile};
use plancheck::syntax::{MAX_DEPTH, SyntaxError, paths};
use plancheck::{bundled, workload};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// A language's two readers, the files it is tested on and the words its mutations use.
struct Lang<T> {
    fast: fn(&str) -> Option<T>,
    pest: fn(&str) -> Result<T, Vec<SyntaxError>>,
    well_formed: fn() -> Vec<String>,
    words: &'static [&'static str],
}

const PLAN: Lang<PlanFile> = Lang {
    fast: paths::plan_fast,
    pest: paths::plan_pest,
    well_formed: well_formed_plans,
    words: PLAN_WORDS,
};

const RULES: Lang<RuleFile> = Lang {
    fast: paths::rules_fast,
    pest: paths::rules_pest,
    well_formed: well_formed_rules,
    words: RULE_WORDS,
};

impl<T: Debug> Lang<T> {
    /// The fast path's reading of `text`, after checking that pest reads the same. Spans
    /// take no part in the trees' equality, so the trees are compared in full through
    /// `Debug`.
    fn agrees(&self, text: &str) -> Option<String> {
        let fast = format!("{:?}", (self.fast)(text)?);
        let pest = (self.pest)(text).map(|p| format!("{p:?}"));
        assert_eq!(pest.as_ref(), Ok(&fast), "the two readings of:\n{text}");
        Some(fast)
    }

    fn assert_fast(&self, text: &str) {
        for layout in layouts(text) {
            assert!(
                self.agrees(&layout).is_some(),
                "the fast path gave up on:\n{layout}"
            );
        }
    }

    fn assert_left_to_pest(&self, text: &str) {
        assert!(
            (self.fast)(text).is_none(),
            "read by the fast path:\n{text}"
        );
    }

    /// Well-formed files with one to three pieces cut out or written in.
    fn mutated(&self) -> impl Strategy<Value = String> + use<T> {
        let texts = (self.well_formed)();
        let pieces: Vec<&str> = PIECES.iter().chain(self.words).copied().collect();
        let edits = prop::collection::vec(
            (any::<prop::sample::Index>(), 0..pieces.len(), 0usize..4),
            1..4,
        );
        (prop::sample::select(texts), edits).prop_map(move |(mut text, edits)| {
            for (at, piece, cut) in edits {
                let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                let start = starts[at.index(starts.len())];
                let end = starts.get(at.index(starts.len()) + cut).copied();
                text.replace_range(start..end.unwrap_or(text.len()).max(start), pieces[piece]);
            }
            text
        })
    }

    /// The share of `n` mutated files that the fast path reads (each checked against pest).
    fn fast_share(&self, n: usize) -> f64 {
        let mut runner = TestRunner::deterministic();
        let strategy = self.mutated();
        let read = (0..n)
            .filter(|_| {
                let text = strategy.new_tree(&mut runner).expect("a file").current();
                self.agrees(&text).is_some()
            })
            .count();
        read as f64 / n as f64
    }

    /// Every file under `fixtures/` with extension `ext`: those pest reads take the fast
    /// path in every layout; the others do not.
    fn check_fixtures(&self, ext: &str) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let files = files_under(&root, ext);
        assert!(files.len() > 10, "fixtures found: {}", files.len());
        for text in files {
            if (self.pest)(&text).is_ok() {
                self.assert_fast(&text);
            } else {
                self.assert_left_to_pest(&text);
            }
        }
    }
}

/// The UTF-8 files under `dir` whose names end with `.ext`.
fn files_under(dir: &Path, ext: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a fixture folder") {
        let path = entry.expect("a fixture").path();
        if path.is_dir() {
            texts.extend(files_under(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            // One fixture is not UTF-8 on purpose: it never reaches a parser.
            texts.extend(std::fs::read_to_string(&path).ok());
        }
    }
    texts
}

/// The same file laid out as people and editors do.
fn layouts(text: &str) -> Vec<String> {
    let mut squeezed = text.replace(" %", "%").replace(" {", "{");
    while squeezed.contains("  ") {
        squeezed = squeezed.replace("  ", " ");
    }
    vec![
        text.to_string(),
        text.replace('\n', "\r\n"),
        format!("\u{FEFF}{text}"),
        text.replace("    ", "\u{3000}\t"),
        text.replace(" {", " { # a comment\n")
            .replace('}', "}# done\n"),
        text.replace('\n', " # to the end of the line\n"),
        text.replace(" {\n", "\n  {\n").replace('\n', "\n\n"),
        squeezed,
    ]
}

fn well_formed_plans() -> Vec<String> {
    let mut texts: Vec<String> = bundled::plan_files()
        .iter()
        .map(|f| f.text().to_string())
        .collect();
    texts.extend(workload::generate(200, 7).iter().map(workload::plan_text));
    texts
}

/// Every form of the rule language, in one file.
const EVERY_RULE_FORM: &str = r#"allow PC013 because "drafts"
source s {
    title "a \"quoted\" title\twith escapes \\ and # and ("
    address "x"
    allow PC014 because "kept"
}
indicator i_1 {
    title "i"
    unit tce/万元
    baseline required
    ambition lower
    resembles j
    resembles k
    allow PC015 because "it is"
}
indicator j { unit 亿m3 baseline none ambition earlier }
indicator k { }
group g = [A, "B c", 陕西, D_1,]
group h = []
group u = every province + group g & group h except [x] & (group g + [y]) & group h
group p = ((group g) + group h) + (group g & group h) & ((every province))
group q = group g except group h + group g & group h & group g
rule R-1.x "everything" {
    kind no_fallback
    severity note
    undeclared error
    scope sum of (group g + group h) & group u, missing counts as zero
    require i_1 by 2030 from 2020 >= its 2025 value
    cite s "Table 1"
    cite s ""
    help "h"
    accept j as equivalent
    accept k as lower_bound
    allow PC016 because "r"
}
rule A "" { kind floor require i_1 by 2025 between 1 % and 2.50 % }
rule B "" { require i_1 around -1.5 t within 0.5 t kind aggregate scope sum of every province }
rule C "" { kind benchmark require i_1 no earlier than 2030 scope group g }
rule D "" { kind floor require i_1 from 2020 qualitative "better" scope [A] + [B] }
rule E "" { kind floor require i_1 == 1 %/a severity warning }
rule F "" { kind floor require i_1 < 1 % }
rule G "" { kind floor require i_1 > 1 % }
rule H "" { kind floor require i_1 <= 1 % }
rule I "" { kind floor scope sum of group g, missing counts as unknown require i no later than 2030 }
"#;

/// Brackets nested as deep as the nesting check allows: in a rule's scope (inside its
/// braces) and in a group.
fn deepest_rules() -> String {
    let nest =
        |depth: usize, inner: &str| format!("{}{inner}{}", "(".repeat(depth), ")".repeat(depth));
    format!(
        "group g = {}\nrule R \"t\" {{ kind floor require x >= 1 % scope {} }}\n",
        nest(MAX_DEPTH - 1, "[A]"),
        nest(MAX_DEPTH - 2, "[A] + (every province)"),
    )
}

fn well_formed_rules() -> Vec<String> {
    let mut texts: Vec<String> = bundled::rule_files()
        .iter()
        .map(|f| f.text().to_string())
        .collect();
    texts.push(EVERY_RULE_FORM.to_string());
    texts.push(deepest_rules());
    texts
}

#[test]
fn well_formed_files_take_the_fast_path_and_read_as_pest_reads_them() {
    for text in well_formed_plans() {
        PLAN.assert_fast(&text);
    }
    for text in well_formed_rules() {
        RULES.assert_fast(&text);
    }
}

#[test]
fn fixtures_take_the_fast_path_unless_pest_finds_an_error() {
    RULES.check_fixtures("rules");
    PLAN.check_fixtures("plan");
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
        PLAN.assert_left_to_pest(text);
    }
}

#[test]
fn rule_files_with_errors_are_left_to_pest() {
    let rule = |fields: &str| format!("rule R \"t\" {{ {fields} }}\n");
    let deep = |depth: usize| {
        format!(
            "kind floor require x >= 1 % scope {}[A]{}",
            "(".repeat(depth),
            ")".repeat(depth)
        )
    };
    let texts = [
        String::new(),
        "# only a comment\n".into(),
        "\u{FEFF}  \n".into(),
        rule("require x >= 1 %"),
        rule("kind floor"),
        rule("kind floor kind floor require x >= 1 %"),
        rule("kind floor require x >= 1 % require x >= 2 %"),
        rule("kind floor require x by 25 >= 1 %"),
        rule("kind floor require x by 2025.5 >= 1 %"),
        rule("kind floor require x by 0999 >= 1 %"),
        rule("kind floor require x >= its 25 value"),
        rule("kind floor require x >= 1"),
        rule("kind floor require x >= 1 cite s \"t\""),
        rule("kind floor require x between 1 % 2 %"),
        rule("kind floor require x >= 99999999999999999999999999999999 %"),
        rule("kind floor require x >= 1 % allow PC015 because \" \""),
        rule("kind floor require x >= 1 % allow PC because \"r\""),
        rule("kind floor require x >= 1 % severity fatal"),
        rule("kind floor require x >= 1 % scope every province +"),
        rule("kind floor require x >= 1 % scope sum of every province, missing"),
        rule("kind floor require x >= 1 % help \"unclosed }"),
        rule("kind floor require x >= 1 % kinds floor"),
        rule(&deep(MAX_DEPTH)),
        "source s { title \"a\" title \"b\" }\n".into(),
        "indicator i { unit % unit t }\n".into(),
        "indicator i { unit within }\n".into(),
        "indicator i { baseline maybe }\n".into(),
        "group g = [A,,B]\n".into(),
        "group g = [A B]\n".into(),
        format!(
            "group g = {}[A]{}",
            "(".repeat(MAX_DEPTH),
            ")".repeat(MAX_DEPTH)
        ),
        "rule R \"t\" { kind floor require x >= 1 % }\nrules\n".into(),
    ];
    for text in &texts {
        assert!((RULES.pest)(text).is_err(), "pest reads:\n{text}");
        RULES.assert_left_to_pest(text);
    }
}

/// A lone `\r` does not end a comment, for the grammar as for the nesting check, the
/// formatter and line numbers: what follows it on the line is comment, in both readers.
#[test]
fn a_lone_carriage_return_does_not_end_a_comment() {
    let plan = "province A\ntarget x { value 1 # c\r}\n";
    assert!((PLAN.pest)(plan).is_err(), "the brace is in the comment");
    PLAN.assert_left_to_pest(plan);
    let rule = "rule R \"t\" { kind floor require x >= 1 # c\r % }\n";
    assert!((RULES.pest)(rule).is_err(), "the brace is in the comment");
    RULES.assert_left_to_pest(rule);
    let plan = "province A # c\r\rtitle \"t\"\ntarget x { value 1 }\n";
    assert_eq!(
        PLAN.agrees(plan).map(|p| p.contains("title: None")),
        Some(true)
    );
}

/// Pieces that unsettle a reader: brackets, quotes, escapes, unusual spaces and characters
/// outside the fast path's alphabet.
const PIECES: &[&str] = &[
    " ", "\n", "\r\n", "\r", "\t", "\u{3000}", "\u{FEFF}", "# c\n", "#", "{", "}", "(", ")", "[",
    "]", ",", "\"", "\\", "\\n", "\\\"", "-", ".", "%", "/", "³", "万", "é", "𝔸", "_", "0", "9",
    "2025", "1000",
];

const PLAN_WORDS: &[&str] = &[
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

const RULE_WORDS: &[&str] = &[
    "by",
    "from",
    "+",
    "&",
    "=",
    ">=",
    ">",
    "==",
    "except",
    "every province",
    "group g",
    "sum of",
    ", missing counts as zero",
    "its",
    "value",
    "between",
    "and",
    "around",
    "within",
    "no later than",
    "qualitative",
    "rule",
    "kind",
    "floor",
    "severity",
    "undeclared",
    "scope",
    "require",
    "cite",
    "help",
    "accept",
    "as",
    "allow",
    "PC015",
    "because",
    "source",
    "indicator",
    "unit",
    "baseline",
    "ambition",
    "resembles",
    "title",
];

/// So that the property tests test something: a fair share of mutated files must still be
/// read by the fast path (and so compared with pest).
#[test]
fn mutated_files_often_take_the_fast_path() {
    for (language, share) in [
        ("plan", PLAN.fast_share(500)),
        ("rules", RULES.fast_share(500)),
    ] {
        eprintln!(
            "{language}: {:.1} % of mutated files read by the fast path",
            share * 100.0
        );
        assert!(
            share > 0.05,
            "{language}: only {share} read by the fast path"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn whatever_the_fast_path_reads_pest_reads_the_same_in_plans(text in PLAN.mutated()) {
        PLAN.agrees(&text);
    }

    #[test]
    fn whatever_the_fast_path_reads_pest_reads_the_same_in_rules(text in RULES.mutated()) {
        RULES.agrees(&text);
    }
}
