//! The command line: arguments in, exit code out.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use plancheck::bundled;
use plancheck::check::{Checked, check};
use plancheck::finding::Severity;
use plancheck::input::{InputError, expand, has_extension, read_source};
use plancheck::problem::Problem;
use plancheck::render::{HumanOptions, render_human, render_json};
use plancheck::source::SourceFile;

#[derive(Parser)]
#[command(
    name = "plancheck",
    version,
    about = "Checks China's provincial carbon-peaking plans against national requirements"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plans against the rules (by default, the bundled plans against the national rules)
    Check(CheckArgs),
}

#[derive(Args)]
struct CheckArgs {
    /// Plan files (.plan or .json) or folders of them; the 31 bundled plans when none is given
    paths: Vec<PathBuf>,

    /// A rule file or folder to use instead of the bundled national rules (repeatable)
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Exit with 1 when there are warnings, not only errors
    #[arg(long)]
    deny_warnings: bool,

    /// Show passing checks too (human format)
    #[arg(long)]
    show_passes: bool,

    /// When to use colour (human format)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,

    /// The date waivers are judged on, YYYY-MM-DD (default: today, UTC)
    #[arg(long, value_parser = parse_date)]
    today: Option<time::Date>,
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    plancheck::syntax::calendar_date(text)
        .ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Exit codes: nothing at error level, findings at error level, input that could not be
/// read or parsed (clap uses 2 for usage errors too).
const OK: u8 = 0;
const FINDINGS: u8 = 1;
const BAD_INPUT: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let mut problems = Vec::new();
    let rule_files = if args.rules.is_empty() {
        bundled::rule_files()
    } else {
        read_all(&args.rules, &["rules"], "rule files", &mut problems)
    };
    // Plans are not checked against rules that could not all be read.
    let plan_files = if !problems.is_empty() {
        Vec::new()
    } else if args.paths.is_empty() {
        bundled::plan_files()
    } else {
        read_all(&args.paths, &["plan", "json"], "plans", &mut problems)
    };
    let today = args.today.unwrap_or_else(plancheck::check::today);
    let checked = check(rule_files, plan_files, problems, today);
    let text = match args.format {
        Format::Json => render_json(&checked),
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let opts = HumanOptions {
                color,
                show_passes: args.show_passes,
                ..HumanOptions::default()
            };
            render_human(&checked, &opts)
        }
    };
    write_stdout(&text);
    ExitCode::from(exit_code(&checked, args.deny_warnings))
}

fn exit_code(checked: &Checked, deny_warnings: bool) -> u8 {
    let findings = checked.findings.iter().map(|f| f.severity);
    let waivers = checked.waiver_issues.iter().map(|w| w.problem.severity());
    let worst = findings.chain(waivers).max();
    if !checked.problems.is_empty() {
        BAD_INPUT
    } else if worst == Some(Severity::Error) || (deny_warnings && worst == Some(Severity::Warning))
    {
        FINDINGS
    } else {
        OK
    }
}

/// Reads every file named or found in the folders named; what cannot be read becomes a
/// problem, and a file with the wrong extension is refused rather than guessed at.
fn read_all(
    paths: &[PathBuf],
    exts: &[&str],
    what: &str,
    problems: &mut Vec<Problem>,
) -> Vec<SourceFile> {
    let (files, more) = expand(paths, exts, what);
    problems.extend(more);
    let mut sources = Vec::new();
    for path in files {
        if path.exists() && !has_extension(&path, exts) {
            let listed = exts
                .iter()
                .map(|e| format!("`.{e}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            problems.push(Problem::without_file(InputError::WrongKind {
                path: path.display().to_string(),
                what: what.trim_end_matches('s').to_string(),
                help: format!("{what} end in {listed}"),
            }));
            continue;
        }
        match read_source(&path) {
            Ok(file) => sources.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    sources
}

/// Writes the output; a closed pipe (as from `| head`) is not an error worth a panic.
fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
