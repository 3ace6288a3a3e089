//! The command line: arguments in, exit code out. One module per command.

mod check;
mod explain;
mod fmt;
mod lint;
mod progress;
mod report;
mod test;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use plancheck::input::{InputError, expand, has_extension, read_source};
use plancheck::problem::Problem;
use plancheck::render::HumanOptions;
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
    Check(check::CheckArgs),
    /// Lint rule files: semantic checks beyond parsing (by default, the bundled rules)
    Lint(lint::LintArgs),
    /// Explain a diagnostic code (such as PC015) or a rule (such as EI-2025)
    Explain(explain::ExplainArgs),
    /// Format rule, plan and test files in the canonical layout
    Fmt(fmt::FmtArgs),
    /// Report on the plans against the rules: Markdown, HTML with charts, JSON or CSV
    Report(report::ReportArgs),
    /// Run the rules' test cases (by default, the tests of the national rules)
    Test(test::TestArgs),
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
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Lint(args) => lint::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Test(args) => test::run(args),
        Command::Report(args) => report::run(args),
    };
    ExitCode::from(code)
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

/// Writes the text beside the file and renames it over the old one, so that an interrupted
/// run leaves the old file or the new, never half of one. A link is written through (the
/// link stays a link); only a regular file is replaced, keeping its permissions, and never
/// a read-only one; a new file gets the mode the umask gives, as from any other program.
fn write_atomically(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let real = through_links(path)?;
    let old = match std::fs::metadata(&real) {
        Ok(old) => Some(old),
        // A link into /proc (`/dev/stdout`, to a pipe or a terminal) names a path that is
        // not there, such as `pipe:[123]`; the system still knows what the link is.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match std::fs::metadata(path) {
            Ok(meta) => {
                refuse_to_replace("it", &meta)?;
                Some(meta)
            }
            Err(_) => None,
        },
        Err(e) => return Err(e),
    };
    if let Some(old) = &old {
        let it = if real == path {
            "it".to_string()
        } else {
            format!("it links to `{}`, which", real.display())
        };
        refuse_to_replace(&it, old)?;
    }
    let path = real;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut temp = temp_builder().tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    if let Some(old) = old {
        temp.as_file().set_permissions(old.permissions())?;
    }
    temp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// The path a chain of links ends at (which need not exist yet): renaming over a link
/// would replace the link, not the file it names.
fn through_links(path: &std::path::Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As many links as Linux follows before it gives up (ELOOP).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                let dir = path.parent().unwrap_or(std::path::Path::new(""));
                path = dir.join(target);
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other(format!(
        "too many links to follow from `{}`",
        path.display()
    )))
}

/// A device, a fifo or a folder cannot be replaced by a file without harm, and a read-only
/// file says that it is not to be changed (renaming over it would, since only the folder's
/// permissions are checked).
fn refuse_to_replace(it: &str, old: &std::fs::Metadata) -> std::io::Result<()> {
    if !old.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{it} is not a regular file but {} (only a regular file is written)",
                file_kind(old)
            ),
        ));
    }
    if old.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("{it} is read-only"),
        ));
    }
    Ok(())
}

/// What a file that is not a regular file is, in words.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// A temporary file is private (0600) unless told otherwise; asking for 0666 lets the umask
/// decide, as it does for a file any other program creates.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}
