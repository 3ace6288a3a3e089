//! The command line: arguments in, exit code out. One module per command.

mod check;
mod completions;
mod explain;
mod extract;
mod fmt;
mod inputs;
mod lint;
mod progress;
mod report;
mod rules;
mod scenarios;
mod test;
mod write;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use plancheck::input::{InputError, expand, has_extension, read_source, wrong_kind};
use plancheck::problem::Problem;
use plancheck::render::{self as render, HumanOptions};
use plancheck::source::SourceFile;

use write::write_atomically;

#[derive(Parser)]
#[command(
    name = "plancheck",
    version,
    about = "Checks China's provincial carbon-peaking plans against national requirements"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,

    /// The name standard input is read under when a path is `-`: its extension says its
    /// language (`draft.json`, `national.rules`); default `<stdin>`, a plan
    #[arg(long, global = true, value_name = "NAME")]
    stdin_name: Option<String>,
}

/// `--stdin-name`, for every command that reads `-`.
static STDIN_NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn stdin_name() -> &'static str {
    STDIN_NAME.get().map_or("<stdin>", String::as_str)
}

#[derive(Subcommand)]
enum Command {
    /// Check plans against the rules (by default, the bundled plans against the national rules)
    Check(check::CheckArgs),
    /// Lint rule files: semantic checks beyond parsing (by default, the bundled rules)
    Lint(lint::LintArgs),
    /// Explain a diagnostic code (such as PC015) or a rule (such as EI-2025)
    Explain(explain::ExplainArgs),
    /// Read the plan a Chinese document states, as a `.plan` file or JSON
    Extract(extract::ExtractArgs),
    /// Format rule, plan and test files in the canonical layout
    Fmt(fmt::FmtArgs),
    /// Report on the plans against the rules: Markdown, HTML with charts, JSON or CSV
    Report(report::ReportArgs),
    /// List what the rules contain (rules, indicators, units, provinces, groups), or print them
    Rules(rules::RulesArgs),
    /// Run the rules' test cases (by default, the tests of the national rules)
    Test(test::TestArgs),
    /// Print a completion script for a shell (`plancheck completions bash > ...`)
    Completions(completions::CompletionsArgs),
    /// Print the man page, or a command's, in roff (`plancheck man check | man -l -`)
    Man(completions::ManArgs),
    /// Serve the Language Server Protocol over standard input and output, for editors
    Lsp,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    fn human(self, show_passes: bool) -> HumanOptions {
        let color = match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        HumanOptions {
            color,
            show_passes,
            ..HumanOptions::default()
        }
    }
}

/// Exit codes: nothing at error level, findings at error level, input that could not be
/// read or parsed (clap uses 2 for usage errors too).
const OK: u8 = 0;
const FINDINGS: u8 = 1;
const BAD_INPUT: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let Some(name) = cli.stdin_name {
        let _ = STDIN_NAME.set(name);
    }
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Lint(args) => lint::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Test(args) => test::run(args),
        Command::Report(args) => report::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
        Command::Lsp => plancheck::lsp::serve(),
    };
    ExitCode::from(code)
}

/// `--format github`: the annotations, and in a GitHub Actions job (`$GITHUB_STEP_SUMMARY`
/// set) a summary table appended to the job's summary page.
fn github(report: &plancheck::render::CiReport) -> String {
    step_summary(&|| plancheck::render::render_step_summary(report));
    plancheck::render::render_github(report)
}

/// In a GitHub Actions job, appends this Markdown to the job's summary page.
fn step_summary(table: &dyn Fn() -> String) {
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        let table = table();
        let appended = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut f| f.write_all(table.as_bytes()));
        if let Err(e) = appended {
            let shown = path.to_string_lossy();
            eprintln!(
                "warning: cannot write the step summary to `{}`: {e}",
                render::escape::line(&shown)
            );
        }
    }
}

/// `--min-level`: the least level of the findings and problems shown, in every format.
#[derive(Clone, Copy, ValueEnum)]
enum MinLevel {
    Error,
    Warning,
    Note,
}

impl MinLevel {
    fn level(self) -> plancheck::ast::Level {
        match self {
            MinLevel::Error => plancheck::ast::Level::Error,
            MinLevel::Warning => plancheck::ast::Level::Warning,
            MinLevel::Note => plancheck::ast::Level::Note,
        }
    }

    fn ci_level(self) -> plancheck::render::CiLevel {
        use plancheck::render::CiLevel;
        match self {
            MinLevel::Error => CiLevel::Error,
            MinLevel::Warning => CiLevel::Warning,
            MinLevel::Note => CiLevel::Note,
        }
    }
}

/// Where SARIF output points, for `check` and `lint`.
#[derive(clap::Args)]
struct SarifArgs {
    /// The repository's top folder, to which SARIF file URIs are relative (default: the
    /// nearest folder above that holds `.git`)
    #[arg(long, value_name = "PATH")]
    repo_root: Option<PathBuf>,

    /// The address of plancheck's README.md, to whose sections SARIF links each rule's help
    /// (`https://github.com/OWNER/plancheck/blob/v1/README.md`); without it no link is
    /// written, plancheck having no public address of its own
    #[arg(long, value_name = "URL", value_parser = parse_readme_url)]
    readme_url: Option<url::Url>,
}

impl SarifArgs {
    fn links(&self) -> plancheck::render::SarifLinks {
        plancheck::render::SarifLinks {
            root: repo_root(self.repo_root.as_deref()),
            readme: self.readme_url.as_ref().map(url::Url::to_string),
        }
    }
}

/// `--readme-url`: a web page's address, without a `#section` (each rule adds its own).
fn parse_readme_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text).map_err(|e| format!("`{text}` is not an address: {e}"))?;
    if !matches!(url.scheme(), "https" | "http") {
        return Err(format!("`{text}` is not a web address (https or http)"));
    }
    if url.fragment().is_some() {
        return Err(format!(
            "`{text}` names a section: give the README's own address, each rule links to its section"
        ));
    }
    Ok(url)
}

/// The top of the repository SARIF URIs are relative to: `--repo-root`, else the nearest
/// folder above the current one that holds `.git`; `None` outside any repository.
fn repo_root(given: Option<&std::path::Path>) -> Option<PathBuf> {
    if let Some(root) = given {
        return std::path::absolute(root).ok();
    }
    let here = std::env::current_dir().ok()?;
    here.ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(std::path::Path::to_path_buf)
}

/// `--period 14th`: a five-year-plan period plancheck knows.
fn parse_period(text: &str) -> Result<plancheck::ast::PlanPeriod, String> {
    plancheck::ast::PlanPeriod::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a period plancheck knows: `14th` (2021-2025) or `15th` (2026-2030)"
        )
    })
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    use plancheck::syntax::{calendar_date, no_such_day};
    calendar_date(text).ok_or_else(|| match no_such_day(text) {
        Some(why) => format!("no such date: `{text}` ({why})"),
        None => format!("`{text}` is not a date (YYYY-MM-DD)"),
    })
}

/// The files `check` and `report` read as plans: the plan language, JSON, and documents.
const PLAN_KINDS: [&str; 6] = ["plan", "json", "txt", "html", "htm", "docx"];

/// Reads every file named or found in the folders named, and standard input for `-`; what
/// cannot be read becomes a problem, and a file with the wrong extension is refused rather
/// than guessed at.
fn read_all(
    paths: &[PathBuf],
    exts: &[&str],
    what: &str,
    problems: &mut Vec<Problem>,
) -> Vec<SourceFile> {
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    let expanded = expand(&paths, exts, what);
    problems.extend(expanded.problems);
    warn(&expanded.skipped);
    let files = expanded.files;
    let mut sources = Vec::new();
    if !stdin.is_empty() && stdin_fits(exts, what, problems) {
        match read_stdin_once() {
            Ok(file) => sources.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    for path in files {
        if path.exists() && !has_extension(&path, exts) {
            problems.push(refused(&path, exts, what));
            continue;
        }
        match read_source(&path) {
            Ok(file) => sources.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    sources
}

/// A file of the wrong kind; a JSON Lines file of plan sets is told about `--scenarios`.
fn refused(path: &std::path::Path, exts: &[&str], what: &str) -> Problem {
    let shown = path.display().to_string();
    if !(exts.contains(&"json") && plancheck::scenario::is_json_lines(path)) {
        return wrong_kind(&shown, exts, what);
    }
    Problem::without_file(InputError::WrongKind {
        path: shown,
        what: "plan".into(),
        help: "a .jsonl file holds plan sets, one plan a line: check it with `--scenarios`".into(),
    })
}

/// Whether `--stdin-name` names a file of a kind the command reads (a name with no
/// extension is a plan, as `<stdin>` is); else a problem, as for a file named.
fn stdin_fits(exts: &[&str], what: &str, problems: &mut Vec<Problem>) -> bool {
    let name = std::path::Path::new(stdin_name());
    if name.extension().is_none() || has_extension(name, exts) {
        return true;
    }
    problems.push(wrong_kind(stdin_name(), exts, what));
    false
}

/// Standard input, the first time `-` is read; a second `-` (`check - --extra-rules -`)
/// would find it empty, so it is refused.
fn read_stdin_once() -> Result<SourceFile, Problem> {
    static TAKEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if TAKEN.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return Err(Problem::without_file(InputError::Unreadable {
            path: "-".into(),
            reason: "standard input is read once, and `-` is given twice".into(),
        }));
    }
    plancheck::input::read_stdin(stdin_name())
}

/// Warnings about the input, on standard error so that a JSON or SARIF document on standard
/// output stays whole.
fn warn(problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let opts = HumanOptions::default();
    eprint!("{}", plancheck::render::render_problems(problems, &opts));
}

/// Writes the output. A reader that stops early (`| head`) is no error; output that cannot
/// be written (a full disk) is, since the result would be lost: exit 2.
fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the output: {e}");
            std::process::exit(BAD_INPUT.into());
        }
        _ => {}
    }
}
