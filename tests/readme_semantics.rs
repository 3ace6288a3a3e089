//! The README's table of qualifiers against comparisons is checked cell by cell, so the
//! documentation and the engine cannot drift apart.

use plancheck::check::check;
use plancheck::finding::{Outcome, Severity};
use plancheck::source::SourceFile;

/// The rows of the table that follows `heading` in the README, split into cells.
fn table_after(readme: &str, heading: &str) -> Vec<Vec<String>> {
    let start = readme.find(heading).expect("the heading is in the README");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect()
        })
        .collect()
}

/// `>= 20 %` or `against `>= 20 %`` as a column header, to the requirement.
fn requirement(header: &str) -> String {
    header
        .trim_start_matches("e.g. ")
        .trim_start_matches("against ")
        .trim_matches('`')
        .to_string()
}

/// A declared cell such as `at_least 20 %` (exact), to the plan's `value` line.
fn value(declared: &str) -> String {
    declared
        .trim_end_matches(" (exact)")
        .trim_matches('`')
        .to_string()
}

/// The expected outcome, margin and severity of a cell such as `fail by 8 pp`.
fn expected(cell: &str) -> (Outcome, Option<String>, Option<Severity>) {
    let margin = cell
        .split(" by ")
        .nth(1)
        .map(|m| format!("-{}", m.trim_end_matches(" pp")));
    let margin = if cell.contains("at the bound") {
        Some("0".to_string())
    } else {
        margin
    };
    if cell.starts_with("pass") {
        let severity = if cell.contains("(note)") {
            Severity::Note
        } else {
            Severity::None
        };
        (Outcome::Pass, None, Some(severity))
    } else if cell.starts_with("fail") {
        (Outcome::Fail, margin, None)
    } else {
        assert_eq!(cell, "not checkable");
        (Outcome::NotCheckable, None, None)
    }
}

#[test]
fn every_cell_of_the_readme_semantics_table_holds() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = table_after(&readme, "**What a target commits to.**");
    let (header, rows) = (&table[0], &table[2..]);
    assert!(rows.len() >= 7, "the table has its rows");
    let requirements: Vec<String> = header[2..].iter().map(|h| requirement(h)).collect();
    let mut rules = String::from("indicator non_fossil_share { unit % }\n");
    for (i, req) in requirements.iter().enumerate() {
        rules.push_str(&format!(
            "rule R{i} \"{req}\" {{ kind floor require non_fossil_share by 2025 {req} }}\n"
        ));
    }
    let mut cells = 0;
    for row in rows {
        let plan = format!(
            "province Beijing\ntarget non_fossil_share by 2025 {{ value {} }}\n",
            value(&row[0])
        );
        let checked = check(
            vec![SourceFile::new("readme.rules", rules.clone())],
            vec![SourceFile::new("readme.plan", plan)],
            Vec::new(),
            time::macros::date!(2026 - 11 - 29),
        );
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        for (i, cell) in row[2..].iter().enumerate() {
            let f = &checked.findings[i];
            let (outcome, margin, severity) = expected(cell);
            let context = format!("`{}` against `{}`: {}", row[0], requirements[i], f.message);
            assert_eq!(f.outcome, outcome, "{context}");
            if let Some(margin) = margin {
                assert_eq!(
                    f.margin.unwrap().normalize().to_string(),
                    margin,
                    "{context}"
                );
            }
            if let Some(severity) = severity {
                assert_eq!(f.severity, severity, "{context}");
            }
            cells += 1;
        }
    }
    assert_eq!(cells, rows.len() * requirements.len());
}

#[test]
fn the_readme_lists_every_diagnostic_code_with_its_kind_as_the_registry_does() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = table_after(&readme, "## Diagnostic codes");
    let rows = &table[2..];
    assert_eq!(
        rows.len(),
        plancheck::codes::CODES.len(),
        "one row per code"
    );
    for (row, code) in rows.iter().zip(plancheck::codes::CODES) {
        assert_eq!(row[0], code.id);
        assert_eq!(row[1], code.name, "{}", code.id);
        assert_eq!(row[2], code.level.name(), "{}", code.id);
        let kind = match code.kind {
            plancheck::codes::CodeKind::Input => "input",
            plancheck::codes::CodeKind::Resolve => "resolve",
            plancheck::codes::CodeKind::Lint => "lint",
            plancheck::codes::CodeKind::Check => "check",
        };
        assert_eq!(row[3], kind, "{}", code.id);
        assert_eq!(row[4], code.summary.trim_matches('`'), "{}", code.id);
    }
}

/// The first fenced block after `heading`.
fn example_after(readme: &str, heading: &str) -> String {
    let start = readme.find(heading).expect("the heading is in the README");
    let rest = &readme[start..];
    let open = rest.find("```").unwrap();
    let body = &rest[open..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

#[test]
fn the_readme_examples_of_the_languages_are_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("example.rules");
    std::fs::write(&rules, example_after(&readme, "## The rule language")).unwrap();
    let plan = dir.path().join("liaoning.plan");
    std::fs::write(&plan, example_after(&readme, "## The plan language")).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plancheck"))
            .args(args)
            .output()
            .unwrap()
    };
    let lint = run(&["lint", rules.to_str().unwrap()]);
    assert_eq!(
        lint.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&lint.stdout)
    );
    let check = run(&["check", plan.to_str().unwrap(), "--today", "2026-01-01"]);
    assert_ne!(
        check.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
