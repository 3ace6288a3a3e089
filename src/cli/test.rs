//! `plancheck test`: runs rule authors' test cases.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use rust_decimal::Decimal;

use plancheck::bundled;
use plancheck::check::today;
use plancheck::input::has_extension;
use plancheck::render::{render_tests_human, render_tests_json, render_tests_junit};
use plancheck::ruletest::run_tests;
use plancheck::syntax::Language;

use super::{BAD_INPUT, Color, FINDINGS, OK, parse_date, read_all, write_stdout};

#[derive(Args)]
pub struct TestArgs {
    /// Test files (.tests), or folders holding them; rule files (.rules) found there, or beside
    /// a test file named, are the rules tested. The bundled national rules and their tests
    /// when none is given.
    paths: Vec<PathBuf>,

    /// Rule files or folders to test instead of the bundled national rules
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,

    /// A rule file or folder added to the rules tested (repeatable): to the bundled national
    /// rules, to those of --rules, or to those beside the tests
    #[arg(long = "extra-rules", value_name = "PATH")]
    extra_rules: Vec<PathBuf>,

    /// List the rules that no test names
    #[arg(long)]
    coverage: bool,

    /// Fail when fewer than this share of the rules (in per cent, 0 to 100) is named by a test
    #[arg(long, value_name = "P", value_parser = parse_percent)]
    min_coverage: Option<Decimal>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// The date waivers are judged on, YYYY-MM-DD (default: today, UTC)
    #[arg(long, value_parser = parse_date)]
    today: Option<time::Date>,

    /// The folder a test's plan files may be read from (default: each test file's own folder)
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,

    /// When to use colour (human format)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Junit,
}

pub fn run(args: TestArgs) -> u8 {
    let mut problems = Vec::new();
    let (mut rules, tests) = if args.paths.is_empty() {
        (bundled::rule_files(), bundled::test_files())
    } else {
        let files = read_all(
            &args.paths,
            &["rules", "tests"],
            "test files",
            &mut problems,
        );
        files
            .into_iter()
            .partition(|f| Language::of(f.name()) == Some(Language::Rules))
    };
    if !args.rules.is_empty() {
        rules = read_all(&args.rules, &["rules"], "rule files", &mut problems);
    } else if rules.is_empty() {
        let beside = rules_beside(&args.paths);
        rules = if beside.is_empty() {
            bundled::rule_files()
        } else {
            read_all(&beside, &["rules"], "rule files", &mut problems)
        };
    }
    super::inputs::with_extra(&mut rules, &args.extra_rules, &mut problems);
    let today = args.today.unwrap_or_else(today);
    let mut run = run_tests(rules, tests, today, args.root.as_deref());
    problems.append(&mut run.problems);
    run.problems = problems;
    let coverage = args.coverage || args.min_coverage.is_some();
    let text = match args.format {
        Format::Human => render_tests_human(&run, coverage, &args.color.human(false)),
        Format::Json => render_tests_json(&run),
        Format::Junit => render_tests_junit(&run),
    };
    write_stdout(&text);
    let short = args.min_coverage.filter(|&min| run.coverage() < min);
    if let Some(min) = short
        && run.problems.is_empty()
    {
        // On standard error, so that JSON and JUnit output stay documents of their own.
        let mut message = format!(
            "error: {} % of the rules are named by a test, below the minimum of {min} % (--min-coverage)",
            run.coverage()
        );
        let uncovered = run.uncovered();
        if !uncovered.is_empty() {
            message.push_str(&format!("; no test names {}", uncovered.join(", ")));
        }
        eprintln!("{message}");
    }
    if !run.problems.is_empty() {
        BAD_INPUT
    } else if run.failed() > 0 || short.is_some() {
        FINDINGS
    } else {
        OK
    }
}

/// The rule files in the folder of each test file named on its own (not found in a folder
/// named), sorted: a `.tests` file is written for the rules beside it, as a folder is.
fn rules_beside(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths.iter().filter(|p| p.is_file()) {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut here: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && has_extension(p, &["rules"]))
            .collect();
        here.sort();
        found.extend(here);
    }
    found
}

/// A share in per cent, from 0 to 100.
fn parse_percent(text: &str) -> Result<Decimal, String> {
    let not = || format!("`{text}` is not a number from 0 to 100");
    let value: Decimal = text.trim().parse().map_err(|_| not())?;
    if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        return Err(not());
    }
    Ok(value)
}
