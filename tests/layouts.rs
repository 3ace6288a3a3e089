//! Layout is free: a well-formed file reads to the same tree (spans aside) however it is laid
//! out, with CRLF line ends, a byte order mark, full-width spaces, comments and blank lines;
//! and files with errors are refused. Plans, rule files and rule tests alike.

use std::fmt::Debug;
use std::path::Path;

use plancheck::syntax::{MAX_DEPTH, SyntaxError, parse_plan, parse_rules, parse_tests};
use plancheck::{bundled, workload};

/// Reads `text` in every layout and checks each reading against the plain one. Spans take
/// no part in the trees' equality.
fn reads_alike<T: Debug + PartialEq>(parse: fn(&str) -> Result<T, Vec<SyntaxError>>, text: &str) {
    let plain = parse(text).unwrap_or_else(|e| panic!("{e:?} in:\n{text}"));
    for layout in layouts(text) {
        match parse(&layout) {
            Ok(tree) => assert_eq!(tree, plain, "read otherwise when laid out as:\n{layout}"),
            Err(e) => panic!("{e:?} when laid out as:\n{layout}"),
        }
    }
}

/// The same file laid out as people and editors do: the code changed, strings and comments
/// kept as written.
fn layouts(text: &str) -> Vec<String> {
    let squeeze = |code: &str| {
        let mut squeezed = code.replace(" %", "%").replace(" {", "{");
        while squeezed.contains("  ") {
            squeezed = squeezed.replace("  ", " ");
        }
        squeezed
    };
    vec![
        in_code(text, |c| c.replace('\n', "\r\n")),
        format!("\u{FEFF}{text}"),
        in_code(text, |c| c.replace("    ", "\u{3000}\t")),
        in_code(text, |c| {
            c.replace(" {", " { # a comment\n")
                .replace('}', "}# done\n")
        }),
        in_code(text, |c| c.replace('\n', " # to the end of the line\n")),
        in_code(text, |c| c.replace(" {\n", "\n  {\n").replace('\n', "\n\n")),
        in_code(text, squeeze),
    ]
}

/// `text` with `change` applied to its code, outside strings and comments.
fn in_code(text: &str, change: impl Fn(&str) -> String) -> String {
    let bytes = text.as_bytes();
    let (mut out, mut start, mut i) = (String::new(), 0, 0);
    while i < bytes.len() {
        let end = match bytes[i] {
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && !matches!(bytes[j], b'"' | b'\n') {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                (j + usize::from(bytes.get(j) == Some(&b'"'))).min(bytes.len())
            }
            b'#' => text[i..].find('\n').map_or(text.len(), |n| i + n),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&change(&text[start..i]));
        out.push_str(&text[i..end]);
        (start, i) = (end, end);
    }
    out.push_str(&change(&text[start..]));
    out
}

/// The UTF-8 files under `dir` whose names end with `.ext`.
fn files_under(dir: &Path, ext: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("a file").path();
        if path.is_dir() {
            texts.extend(files_under(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            // One fixture is not UTF-8 on purpose: it never reaches a parser.
            texts.extend(std::fs::read_to_string(&path).ok());
        }
    }
    texts
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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

#[test]
fn well_formed_plans_read_alike_in_every_layout() {
    let bundled = bundled::plan_files();
    let generated = workload::generate(200, 7);
    let texts = bundled
        .iter()
        .map(|f| f.text().to_string())
        .chain(generated.iter().map(workload::plan_text));
    for text in texts {
        reads_alike(parse_plan, &text);
    }
}

#[test]
fn well_formed_rules_and_tests_read_alike_in_every_layout() {
    for file in bundled::rule_files() {
        reads_alike(parse_rules, file.text());
    }
    reads_alike(parse_rules, EVERY_RULE_FORM);
    reads_alike(parse_rules, &deepest_rules());
    let tests = files_under(&root().join("rules"), "tests");
    assert!(!tests.is_empty(), "rule tests found");
    for text in tests {
        reads_alike(parse_tests, &text);
    }
}

/// Every fixture that reads reads alike in every layout.
#[test]
fn fixtures_that_read_read_alike_in_every_layout() {
    let fixtures = root().join("fixtures");
    let rules = files_under(&fixtures, "rules");
    let plans = files_under(&fixtures, "plan");
    assert!(rules.len() > 10, "rule fixtures found: {}", rules.len());
    assert!(plans.len() > 10, "plan fixtures found: {}", plans.len());
    for text in rules.iter().filter(|t| parse_rules(t).is_ok()) {
        reads_alike(parse_rules, text);
    }
    for text in plans.iter().filter(|t| parse_plan(t).is_ok()) {
        reads_alike(parse_plan, text);
    }
}

#[test]
fn plans_with_errors_are_refused() {
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
        assert!(parse_plan(text).is_err(), "read:\n{text}");
    }
}

#[test]
fn rule_files_with_errors_are_refused() {
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
        assert!(parse_rules(text).is_err(), "read:\n{text}");
    }
}

/// A lone `\r` is refused, in code or in a comment, in every language, at the first one:
/// readers that count it as a line end and readers that do not would give one error
/// several line numbers.
#[test]
fn a_lone_carriage_return_is_refused_at_the_first_one() {
    let plan = "province A\r\ntarget x { value 1 # c\r}\n";
    let rule = "rule R \"t\" { kind floor\rrequire x >= 1 # c\r % }\n";
    let tests = "test \"t\" {\r    expect R pass\n}\n";
    let lone = |text: &str| {
        let mut at = text.match_indices('\r').map(|(i, _)| i);
        at.find(|&i| !text[i..].starts_with("\r\n"))
    };
    let offsets = [
        parse_plan(plan).map(drop),
        parse_rules(rule).map(drop),
        parse_tests(tests).map(drop),
    ]
    .map(|result| match result.as_ref().map_err(Vec::as_slice) {
        Err([SyntaxError::Unexpected { span, message, .. }]) => {
            assert!(message.contains("carriage return"), "{message}");
            span.offset()
        }
        other => panic!("a lone CR was read: {other:?}"),
    });
    let expected = [plan, rule, tests].map(|t| lone(t).unwrap());
    assert_eq!(offsets, expected);
}
