//! `plancheck lint`: semantic checks of rule files.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use plancheck::ast::Level;
use plancheck::bundled;
use plancheck::lint::lint;
use plancheck::render::{
    LintSummary, lint_report, render_lint_human, render_lint_json, render_lint_junit, render_sarif,
};

use super::{BAD_INPUT, Color, FINDINGS, OK, read_all, write_stdout};

#[derive(Args)]
pub struct LintArgs {
    /// Rule files (.rules) or folders of them; the bundled national rules when none is given
    paths: Vec<PathBuf>,

    /// A rule file or folder linted together with those (repeatable): `lint --extra-rules
    /// my.rules` lints a file built on the bundled indicators and sources with them
    #[arg(long = "extra-rules", value_name = "PATH")]
    extra_rules: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    #[command(flatten)]
    sarif: super::SarifArgs,

    /// Exit with 1 when there are warnings, not only errors
    #[arg(long)]
    deny_warnings: bool,

    /// Show only findings and problems at this level or above (the summary counts all;
    /// the exit code does not change)
    #[arg(long, value_enum, value_name = "LEVEL")]
    min_level: Option<super::MinLevel>,

    /// When to use colour (human format)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    /// One line a finding: `file:line:column: level[RULE] message`
    Concise,
}

pub fn run(args: LintArgs) -> u8 {
    let mut problems = Vec::new();
    let mut files = if args.paths.is_empty() {
        bundled::rule_files()
    } else {
        read_all(&args.paths, &["rules"], "rule files", &mut problems)
    };
    super::inputs::with_extra(&mut files, &args.extra_rules, &mut problems);
    let count = files.len();
    let mut linted = lint(files);
    problems.append(&mut linted.problems);
    linted.problems = problems;
    let code = exit_code(&linted, count, args.deny_warnings);
    // The concise format shows from `--min-level` on but counts everything.
    let concise = matches!(args.format, Format::Concise);
    if let Some(min) = args.min_level.filter(|_| !concise) {
        linted.keep_at_least(min.level());
    }
    let text = match args.format {
        Format::Human => render_lint_human(&linted, count, &args.color.human(false)),
        Format::Json => render_lint_json(&linted, count),
        Format::Sarif => render_sarif(&lint_report(&linted), &args.sarif.links()),
        Format::Github => super::github(&lint_report(&linted)),
        Format::Concise => plancheck::render::render_concise(
            &lint_report(&linted),
            args.min_level.map(super::MinLevel::ci_level),
        ),
        Format::Junit => render_lint_junit(&linted),
    };
    write_stdout(&text);
    code
}

fn exit_code(linted: &plancheck::lint::Linted, count: usize, deny_warnings: bool) -> u8 {
    let summary = LintSummary::of(linted, count);
    let worst = linted.active().map(|f| f.level).max();
    if summary.input_errors > 0 {
        BAD_INPUT
    } else if worst == Some(Level::Error) || (deny_warnings && worst == Some(Level::Warning)) {
        FINDINGS
    } else {
        OK
    }
}
