//! Hostile input that must neither read nor clobber files beyond what was asked: a test's
//! plan paths stay in its folder, links in scanned folders stay in the folders named,
//! `report -o` never replaces an input, `fmt` keeps hard links; output does not depend on
//! the order of the arguments; a reason of invisible characters is blank; and inputs whose
//! cost once grew with the square of their size are refused or reported briefly. Every
//! input is made by the test itself.

#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, symlink};
use std::path::Path;

mod common;
use common::{code, plancheck_in, stderr, stdout};

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

const PLAN: &str = "province Gansu\nperiod 14th\ntarget co2_peak_year {\n    value 2030\n}\n";

fn test_file(plan_path: &str) -> String {
    format!(
        "test \"reads a plan file\" {{\n    plan \"{plan_path}\"\n    expect PEAK-2030 pass\n}}\n"
    )
}

#[test]
fn a_test_reads_plan_files_only_from_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "SECRET_TOKEN=do-not-print";
    write(dir.path(), "secret.plan", secret);
    write(dir.path(), "rules/ok/gansu.plan", PLAN);
    write(dir.path(), "rules/ok/ok.tests", &test_file("gansu.plan"));
    let ok = plancheck_in(dir.path(), &["test", "rules/ok/ok.tests"]);
    assert_eq!(code(&ok), 0, "{}", stdout(&ok));
    let absolute = dir.path().join("secret.plan").display().to_string();
    for path in ["../../secret.plan", absolute.as_str(), "/proc/self/environ"] {
        write(dir.path(), "rules/t/bad.tests", &test_file(path));
        let out = plancheck_in(dir.path(), &["test", "rules/t/bad.tests"]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(code(&out), 2, "{path}: {all}");
        assert!(all.contains("PC118"), "{path}: {all}");
        assert!(!all.contains("SECRET"), "{path}: the file was read: {all}");
    }
    // A link inside the folder that leads out of it is outside too.
    symlink(
        dir.path().join("secret.plan"),
        dir.path().join("rules/t/link.plan"),
    )
    .unwrap();
    write(dir.path(), "rules/t/bad.tests", &test_file("link.plan"));
    let out = plancheck_in(dir.path(), &["test", "rules/t/bad.tests"]);
    assert!(stdout(&out).contains("PC118"), "{}", stdout(&out));
    // `--root` widens the folder to the one given.
    write(
        dir.path(),
        "rules/t/up.tests",
        &test_file("../ok/gansu.plan"),
    );
    let refused = plancheck_in(dir.path(), &["test", "rules/t/up.tests"]);
    assert_eq!(code(&refused), 2);
    let allowed = plancheck_in(dir.path(), &["test", "--root", "rules", "rules/t/up.tests"]);
    assert_eq!(code(&allowed), 0, "{}", stdout(&allowed));
}

#[test]
fn a_link_in_a_scanned_folder_leading_outside_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "secret.txt", "TOKEN=ghp_do_not_print\n");
    write(dir.path(), "plans/gansu.plan", PLAN);
    write(dir.path(), "other/hebei.plan", "province Hebei\n");
    symlink(
        dir.path().join("secret.txt"),
        dir.path().join("plans/evil.plan"),
    )
    .unwrap();
    symlink("../other/hebei.plan", dir.path().join("plans/hebei.plan")).unwrap();
    for format in ["human", "github", "json"] {
        let out = plancheck_in(dir.path(), &["check", "plans", "--format", format]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!all.contains("ghp_"), "{format}: the link was read: {all}");
        assert!(stderr(&out).contains("PC119"), "{format}: {}", stderr(&out));
        assert!(stderr(&out).contains("plans/evil.plan"), "{}", stderr(&out));
        assert_ne!(
            code(&out),
            2,
            "{format}: a skipped link is a warning: {all}"
        );
    }
    let lint = plancheck_in(dir.path(), &["lint", "plans", "--format", "github"]);
    assert!(!stdout(&lint).contains("ghp_"));
    // Within the folders named, a link is followed; named directly, it is the user's choice.
    let both = plancheck_in(dir.path(), &["check", "plans", "other", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&both)).unwrap();
    assert_eq!(
        json["summary"]["plans"], 2,
        "Gansu and Hebei, Hebei read once"
    );
    let named = plancheck_in(dir.path(), &["check", "plans/evil.plan"]);
    assert_eq!(code(&named), 2, "read, and refused as a plan");
}

#[test]
fn report_refuses_to_write_over_one_of_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plans/gansu.plan", PLAN);
    symlink("plans/gansu.plan", dir.path().join("link.md")).unwrap();
    std::fs::hard_link(
        dir.path().join("plans/gansu.plan"),
        dir.path().join("hard.md"),
    )
    .unwrap();
    for output in [
        "plans/gansu.plan",
        "./plans/../plans/gansu.plan",
        "link.md",
        "hard.md",
    ] {
        for inputs in [&["plans/gansu.plan"][..], &["plans"][..]] {
            let mut args = vec!["report", "--format", "md", "-o", output];
            args.extend(inputs);
            let out = plancheck_in(dir.path(), &args);
            assert_eq!(code(&out), 2, "{output} {inputs:?}: {}", stderr(&out));
            assert!(stderr(&out).contains("one of the files this report is made from"));
            let plan = std::fs::read_to_string(dir.path().join("plans/gansu.plan")).unwrap();
            assert_eq!(plan, PLAN, "{output}: the input is untouched");
        }
    }
    let out = plancheck_in(
        dir.path(),
        &["report", "--format", "md", "-o", "report.md", "plans"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("plancheck-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fmt_keeps_a_file_with_several_hard_links_one_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.plan",
        "province Gansu\ntarget co2_peak_year { value 2030 }\n",
    );
    std::fs::hard_link(dir.path().join("a.plan"), dir.path().join("b.plan")).unwrap();
    let out = plancheck_in(dir.path(), &["fmt", "a.plan"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let (a, b) = (dir.path().join("a.plan"), dir.path().join("b.plan"));
    assert_eq!(
        std::fs::metadata(&a).unwrap().ino(),
        std::fs::metadata(&b).unwrap().ino()
    );
    let formatted = std::fs::read_to_string(&b).unwrap();
    assert!(
        formatted.contains("target co2_peak_year {\n    value 2030\n}"),
        "{formatted}"
    );
}

#[test]
fn the_same_inputs_in_any_order_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/gansu.plan", PLAN);
    write(dir.path(), "b/hebei.plan", "province Hebei\n");
    write(
        dir.path(),
        "c/tianjin.json",
        r#"{"province": "Tianjin", "targets": []}"#,
    );
    let orders = [
        ["a/gansu.plan", "b/hebei.plan", "c/tianjin.json"],
        ["c/tianjin.json", "a/gansu.plan", "b/hebei.plan"],
        ["b/hebei.plan", "c/tianjin.json", "a/gansu.plan"],
    ];
    for format in ["human", "json", "sarif", "junit"] {
        let outputs: Vec<String> = orders
            .iter()
            .map(|order| {
                let mut args = vec!["check", "--format", format];
                args.extend(order);
                stdout(&plancheck_in(dir.path(), &args))
            })
            .collect();
        assert_eq!(outputs[0], outputs[1], "{format}");
        assert_eq!(outputs[0], outputs[2], "{format}");
    }
}

#[test]
fn a_waiver_reason_of_invisible_characters_is_blank() {
    let dir = tempfile::tempdir().unwrap();
    for blank in ["\u{200B}", "\u{200B}\u{2060}\u{FEFF}", " \u{202E} \u{200D}"] {
        let plan = format!(
            "province Gansu\nwaive EI-2025 {{\n    reason      \"{blank}\"\n    approved_by \"someone\"\n    expires     2099-12-31\n}}\n"
        );
        write(dir.path(), "p.plan", &plan);
        let out = plancheck_in(dir.path(), &["check", "p.plan"]);
        assert!(
            stdout(&out).contains("PC117"),
            "{blank:?}: {}",
            stdout(&out)
        );
        assert_eq!(code(&out), 2);
    }
}

/// A one-line JSON plan of `n` targets of one indicator.
fn minified(n: usize, indicator: &str) -> String {
    let targets: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"indicator":"{indicator}","year":{},"value":1}}"#,
                2000 + i % 100
            )
        })
        .collect();
    format!(
        r#"{{"province":"Beijing","targets":[{}]}}"#,
        targets.join(",")
    )
}

#[test]
fn a_plan_past_the_target_limit_is_refused_whether_its_targets_resolve_or_not() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "p.json",
        &minified(100_001, "no_such_indicator"),
    );
    let out = plancheck_in(dir.path(), &["check", "p.json"]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("more than 100000 targets"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).len() < 10_000, "one problem, not 100,001");
    let mut text = String::from("province Beijing\n");
    text.push_str(&"target no_such_indicator by 2025 { value 1 % }\n".repeat(100_001));
    write(dir.path(), "p.plan", &text);
    let out = plancheck_in(dir.path(), &["check", "p.plan"]);
    assert!(
        stdout(&out).contains("more than 100000 targets"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).lines().count() < 2_000,
        "the first 100 problems, and a count"
    );
}

#[test]
fn a_file_s_problems_are_shown_up_to_a_hundred_then_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.json", &minified(5_000, "no_such_indicator"));
    let out = plancheck_in(dir.path(), &["check", "p.json", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let problems = json["errors"].as_array().unwrap();
    assert_eq!(
        problems.len(),
        101,
        "100 shown and one that counts the rest"
    );
    let last = problems.last().unwrap()["message"].as_str().unwrap();
    assert!(last.contains("4900 more problems"), "{last}");
}

#[test]
fn fmt_keeps_the_owner_of_the_file_it_replaces_where_it_may() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.plan");
    write(
        dir.path(),
        "a.plan",
        "province Gansu\ntarget co2_peak_year { value 2030 }\n",
    );
    // Only root may give a file to another user; elsewhere there is nothing to keep.
    if std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_err() {
        return;
    }
    let out = plancheck_in(dir.path(), &["fmt", "a.plan"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("    value 2030\n"), "{text}");
}
