//! `plancheck report`: a compliance report across provinces.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use plancheck::check::{check_in_period, today};
use plancheck::render::{
    render_problems, render_report_csv, render_report_html, render_report_json,
    render_report_markdown,
};
use plancheck::report::build_report;

use super::{BAD_INPUT, Color, OK, parse_date, parse_period, write_atomically, write_stdout};

#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub(super) inputs: super::inputs::Inputs,

    /// Report format (default: from the extension of -o: .md, .html, .json or .csv)
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Write the report to this file (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(super) output: Option<PathBuf>,

    /// The time the report says it was made: YYYY-MM-DD, optionally with `HH:MM[:SS] UTC`
    /// (or RFC 3339's `THH:MM[:SS]Z`); default: now, UTC. So reruns can be identical
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    date: Option<String>,

    /// The date waivers are judged on, YYYY-MM-DD (default: the day of --date, or today)
    #[arg(long, value_parser = parse_date)]
    today: Option<time::Date>,

    /// Only the rules of this five-year-plan period, `14th` or `15th` (and rules of none)
    #[arg(long, value_parser = parse_period)]
    pub(super) period: Option<plancheck::ast::PlanPeriod>,

    /// Leave out the UTF-8 byte order mark that CSV output starts with (Excel needs it to
    /// read Chinese text; most other readers skip it)
    #[arg(long)]
    pub(super) no_bom: bool,

    /// When to use colour in diagnostics
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(super) color: Color,

    #[command(flatten)]
    pub(super) sets: super::scenarios::SetArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum Format {
    Md,
    Html,
    Json,
    Csv,
}

impl Format {
    /// The format an output file's extension names, in any case.
    fn of(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

pub fn run(args: ReportArgs) -> u8 {
    let Some(format) = args.format.or_else(|| Format::of(args.output.as_deref()?)) else {
        match &args.output {
            Some(path) => eprintln!(
                "error: `{}` does not say which format the report is in (.md, .html, .json or .csv): give --format md, html, json or csv",
                path.display()
            ),
            None => eprintln!(
                "error: say which format the report is in: --format md, html, json or csv"
            ),
        }
        eprintln!(
            "help: or name an output file whose extension says it: -o report.html, .md, .json, .csv"
        );
        return BAD_INPUT;
    };
    if args.sets.scenarios {
        return super::scenarios::report(&args, format);
    }
    let mut problems = Vec::new();
    let (rule_files, plan_files) = args.inputs.read(&mut problems);
    if let Some(output) = &args.output {
        let inputs: Vec<&str> = rule_files
            .iter()
            .chain(&plan_files)
            .map(|f| f.name())
            .collect();
        if let Err(message) = super::write::refuse_an_input(output, &inputs) {
            eprintln!("error: {message}");
            return BAD_INPUT;
        }
    }
    let (generated, day) = when(&args);
    let bar = super::progress::for_plans(plan_files.len());
    let tick = &mut || bar.inc(1);
    let checked = check_in_period(rule_files, plan_files, problems, day, args.period, tick);
    bar.finish_and_clear();
    // A report on plans that could not all be read would be silently incomplete.
    if !checked.problems.is_empty() {
        eprint!(
            "{}",
            render_problems(&checked.problems, &args.color.human(false))
        );
    }
    if checked.input_errors() > 0 || checked.rules.is_none() {
        eprintln!("error: no report is made while the input has problems");
        return BAD_INPUT;
    }
    let report = build_report(&checked, &generated);
    let text = match format {
        Format::Md => render_report_markdown(&report),
        Format::Html => render_report_html(&report),
        Format::Json => render_report_json(&report),
        Format::Csv => render_report_csv(&report, !args.no_bom),
    };
    deliver(&args, &text)
}

/// When the report says it was made, and the day its waivers are judged on.
pub(super) fn when(args: &ReportArgs) -> (String, time::Date) {
    let generated = args.date.clone().unwrap_or_else(now);
    let day = args
        .today
        .or_else(|| parse_date(generated.get(..10)?).ok())
        .unwrap_or_else(today);
    (generated, day)
}

/// Writes the report to `-o` (atomically) or to standard output.
pub(super) fn deliver(args: &ReportArgs, text: &str) -> u8 {
    match &args.output {
        Some(path) => {
            if let Err(e) = write_atomically(path, text) {
                eprintln!("error: cannot write `{}`: {e}", path.display());
                if e.kind() == std::io::ErrorKind::InvalidInput {
                    eprintln!(
                        "help: -o needs a regular file; without -o the report goes to standard output"
                    );
                }
                return BAD_INPUT;
            }
        }
        None => write_stdout(text),
    }
    OK
}

/// A real calendar date, optionally with a time of day in UTC, as `now` writes it: the
/// report prints it as given, and its date is the day waivers are judged on.
fn parse_when(text: &str) -> Result<String, String> {
    let wrong = || {
        format!("`{text}` is not YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] UTC or YYYY-MM-DDTHH:MM[:SS]Z")
    };
    let (date, time) = (text.get(..10).ok_or_else(wrong)?, &text[10..]);
    if let Some(why) = plancheck::syntax::no_such_day(date) {
        return Err(format!("no such date: `{date}` ({why})"));
    }
    parse_date(date).map_err(|_| wrong())?;
    if !time.is_empty() {
        let spaced = time.strip_prefix(' ').and_then(|t| t.strip_suffix(" UTC"));
        let rfc3339 = time.strip_prefix('T').and_then(|t| t.strip_suffix('Z'));
        let clock = spaced.or(rfc3339).ok_or_else(wrong)?;
        let minutes = time::macros::format_description!("[hour]:[minute]");
        let seconds = time::macros::format_description!("[hour]:[minute]:[second]");
        time::Time::parse(clock, &minutes)
            .or_else(|_| time::Time::parse(clock, &seconds))
            .map_err(|_| wrong())?;
    }
    Ok(text.to_string())
}

/// Now, in UTC, to the second.
fn now() -> String {
    let format =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
    time::OffsetDateTime::now_utc()
        .format(&format)
        .expect("a date formats")
}
