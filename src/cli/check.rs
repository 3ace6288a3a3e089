//! `plancheck check`: plans against rules.

use clap::{Args, ValueEnum};

use plancheck::check::{Checked, check_in_period, today};
use plancheck::finding::Severity;
use plancheck::render::{
    check_report, render_check_junit, render_human, render_json, render_sarif,
};

use super::{BAD_INPUT, Color, FINDINGS, OK, parse_date, parse_period, write_stdout};

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub(super) inputs: super::inputs::Inputs,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) format: Format,

    #[command(flatten)]
    pub(super) sets: super::scenarios::SetArgs,

    #[command(flatten)]
    pub(super) sarif: super::SarifArgs,

    /// Exit with 1 when there are warnings, not only errors
    #[arg(long)]
    pub(super) deny_warnings: bool,

    /// Show passing checks too (human format)
    #[arg(long)]
    pub(super) show_passes: bool,

    /// Show findings at note level one by one (human format; else they are counted)
    #[arg(long, short)]
    pub(super) verbose: bool,

    /// Show only findings and problems at this level or above (the summary counts all;
    /// the exit code does not change)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(super) min_level: Option<super::MinLevel>,

    /// When to use colour (human format)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(super) color: Color,

    /// The date waivers are judged on, YYYY-MM-DD (default: today, UTC)
    #[arg(long, value_parser = parse_date)]
    pub(super) today: Option<time::Date>,

    /// Only the rules of this five-year-plan period, `14th` or `15th` (and rules of none)
    #[arg(long, value_parser = parse_period)]
    pub(super) period: Option<plancheck::ast::PlanPeriod>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    /// One line a finding: `file:line:column: level[RULE] message`
    Concise,
}

pub fn run(args: CheckArgs) -> u8 {
    if args.sets.scenarios {
        return super::scenarios::run(&args);
    }
    let mut problems = Vec::new();
    let (rule_files, plan_files) = args.inputs.read(&mut problems);
    let today = args.today.unwrap_or_else(today);
    let bar = super::progress::for_plans(plan_files.len());
    let tick = &mut || bar.inc(1);
    let mut checked = check_in_period(rule_files, plan_files, problems, today, args.period, tick);
    bar.finish_and_clear();
    let code = exit_code(&checked, args.deny_warnings);
    write_stdout(&render(&args, &mut checked));
    code
}

/// The output of one check in the format asked for, with `--min-level` applied.
pub(super) fn render(args: &CheckArgs, checked: &mut Checked) -> String {
    keep_shown(args, checked);
    match args.format {
        Format::Json => render_json(checked),
        Format::Sarif => render_sarif(&check_report(checked), &args.sarif.links()),
        Format::Github => super::github(&check_report(checked)),
        Format::Concise => plancheck::render::render_concise(
            &check_report(checked),
            args.min_level.map(super::MinLevel::ci_level),
        ),
        Format::Junit => render_check_junit(checked),
        Format::Human => render_human(checked, &human_options(args)),
    }
}

/// Only what `--min-level` shows is kept; the concise format counts everything, so it
/// keeps all and leaves the rest out as it writes.
pub(super) fn keep_shown(args: &CheckArgs, checked: &mut Checked) {
    let concise = matches!(args.format, Format::Concise);
    if let Some(min) = args.min_level.filter(|_| !concise) {
        checked.keep_at_least(min.level().into());
    }
}

pub(super) fn human_options(args: &CheckArgs) -> plancheck::render::HumanOptions {
    let mut opts = args.color.human(args.show_passes);
    opts.show_notes = args.verbose || matches!(args.min_level, Some(super::MinLevel::Note));
    opts
}

pub(super) fn exit_code(checked: &Checked, deny_warnings: bool) -> u8 {
    let findings = checked.findings.iter().map(|f| f.severity);
    let waivers = checked.waiver_issues.iter().map(|w| w.problem.severity());
    let worst = findings.chain(waivers).max();
    if checked.input_errors() > 0 {
        BAD_INPUT
    } else if worst == Some(Severity::Error) || (deny_warnings && worst == Some(Severity::Warning))
    {
        FINDINGS
    } else {
        OK
    }
}
