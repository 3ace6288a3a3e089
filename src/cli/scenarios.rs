//! `plancheck check --scenarios` and `report --scenarios`: plan sets checked each on its
//! own, on every core, in input order; `check` writes each set's output as it comes, then the
//! sets added up, and `report` the study's report.

use std::path::PathBuf;

use plancheck::ast::PlanPeriod;
use plancheck::check::{Checked, check_in_period, load_rules, today};
use plancheck::model::{RuleSet, Sources};
use plancheck::problem::Problem;
use plancheck::render::{
    SarifLinks, check_report, render_across_human, render_across_step_summary, render_github,
    render_github_scenario, render_junit_problems, render_junit_scenarios_around, render_problems,
    render_sarif_log_around, render_sarif_run, render_scenario_heading, render_scenario_json,
    render_scenario_junit, render_scenarios_json_end, render_scenarios_json_start,
    render_study_csv, render_study_html, render_study_json, render_study_markdown,
};
use plancheck::report::study::{build_study, set_row};
use plancheck::scenario::{Across, LoadedRules, SetReader, SetSummary, check_sets};
use plancheck::source::SourceFile;

use super::check::{CheckArgs, Format, exit_code, human_options, keep_shown, render};
use super::inputs::RuleArgs;
use super::report::{self, ReportArgs};
use super::{BAD_INPUT, OK, write_stdout};

/// `--scenarios` and `-j`, which `check` and `report` share.
#[derive(clap::Args)]
pub struct SetArgs {
    /// Plan sets, each checked on its own: each sub-folder of a folder given, each scenario
    /// of a JSON Lines file (one plan a line, with a `scenario` field), each plan file given
    #[arg(long)]
    pub scenarios: bool,

    /// Sets checked at once with --scenarios (default: one per core); the output is the
    /// same for any number
    #[arg(
        long,
        short,
        value_name = "N",
        requires = "scenarios",
        value_parser = clap::value_parser!(u16).range(1..)
    )]
    pub jobs: Option<u16>,
}

pub fn run(args: &CheckArgs) -> u8 {
    if let Err(usage) = paths_usable(&args.inputs.paths) {
        eprintln!("error: {usage}");
        return BAD_INPUT;
    }
    let today = args.today.unwrap_or_else(today);
    let Some(rules) = rules(args, today) else {
        return BAD_INPUT;
    };
    let mut reader = SetReader::new(&args.inputs.paths, &super::PLAN_KINDS);
    let jobs = args.sets.jobs.map_or_else(cores, usize::from);
    let links = args.sarif.links();
    let bar = super::progress::for_sets();
    let each = |name: &str, mut checked: Checked| {
        bar.inc(checked.plans.len() as u64);
        let summary = SetSummary::of(&checked);
        let code = exit_code(&checked, args.deny_warnings);
        (set_output(args, name, &mut checked, &links), summary, code)
    };
    let (start, end) = around(args.format);
    write_stdout(&start);
    let (mut across, mut code) = (Across::default(), OK);
    check_sets(&rules, &mut reader, jobs, today, &each, &mut |(
        text,
        summary,
        set_code,
    )| {
        if across.sets > 0 && matches!(args.format, Format::Json | Format::Sarif) {
            write_stdout(",");
        }
        write_stdout(&text);
        across.add(&summary);
        bar.set_message(format!("{} sets", across.sets));
        code = code.max(set_code);
    });
    bar.finish_and_clear();
    let unread = reader
        .problems
        .iter()
        .any(|p| p.level() == miette::Severity::Error);
    let last = (&across, &rules.rules, &links);
    write_stdout(&(after_sets(args, last, std::mem::take(&mut reader.problems)) + &end));
    if unread { BAD_INPUT } else { code }
}

/// One set's output in the format asked for, with `--min-level` applied.
fn set_output(args: &CheckArgs, name: &str, checked: &mut Checked, links: &SarifLinks) -> String {
    keep_shown(args, checked);
    match args.format {
        Format::Json => render_scenario_json(name, checked),
        Format::Sarif => render_sarif_run(&check_report(checked), links, Some(name)),
        Format::Github => render_github_scenario(name, &check_report(checked)),
        Format::Junit => render_scenario_junit(name, checked),
        Format::Human | Format::Concise => {
            render_scenario_heading(name, checked) + &render(args, checked)
        }
    }
}

/// What a format writes before the first set and after everything else.
fn around(format: Format) -> (String, String) {
    match format {
        Format::Json => (render_scenarios_json_start(), String::new()),
        Format::Sarif => render_sarif_log_around(),
        Format::Junit => render_junit_scenarios_around(),
        Format::Github | Format::Human | Format::Concise => (String::new(), String::new()),
    }
}

/// After the sets: the problems of no set (a path that could not be read, a record of no
/// scenario), and the sets added up where the format has room for them.
fn after_sets(
    args: &CheckArgs,
    (across, rules, links): (&Across, &RuleSet, &SarifLinks),
    problems: Vec<Problem>,
) -> String {
    let human = human_options(args);
    let mut alone = Checked::of_problems(Sources::default(), problems);
    keep_shown(args, &mut alone);
    match args.format {
        Format::Json => render_scenarios_json_end(across, rules, &alone.problems),
        // Written even with no results: code scanning closes a category's alerts only when
        // a new analysis of that category comes.
        Format::Sarif => {
            let comma = if across.sets > 0 { "," } else { "" };
            comma.to_string() + &render_sarif_run(&check_report(&alone), links, None)
        }
        Format::Junit => render_junit_problems(&alone.problems),
        Format::Github => {
            super::step_summary(&|| render_across_step_summary(across, rules));
            render_github(&check_report(&alone))
        }
        Format::Concise => {
            render(args, &mut alone) + &render_across_human(across, rules, &[], &human)
        }
        Format::Human => render_across_human(across, rules, &alone.problems, &human),
    }
}

/// The rules, read and resolved once for every set. Rules with problems are reported as
/// `check` reports them, in the format asked for.
fn rules(args: &CheckArgs, today: time::Date) -> Option<LoadedRules> {
    match load(&args.inputs.rules, args.period) {
        Ok(rules) => Some(rules),
        Err((files, problems)) => {
            let mut checked = check_in_period(files, Vec::new(), problems, today, None, &mut || {});
            write_stdout(&render(args, &mut checked));
            None
        }
    }
}

/// The rules read and resolved, or the files and the problems in reading them.
fn load(
    args: &RuleArgs,
    period: Option<PlanPeriod>,
) -> Result<LoadedRules, (Vec<SourceFile>, Vec<Problem>)> {
    let mut problems = Vec::new();
    let files = args.read(&mut problems);
    let mut sources = Sources::default();
    match load_rules(&mut sources, files.clone()) {
        Ok(rules) if problems.is_empty() => {
            let rules = RuleSet { period, ..rules };
            Ok(LoadedRules { sources, rules })
        }
        Ok(_) => Err((files, problems)),
        Err(more) => {
            problems.extend(more);
            Err((files, problems))
        }
    }
}

/// `report --scenarios`: the study's report, made only when every set could be read.
pub fn report(args: &ReportArgs, format: report::Format) -> u8 {
    if let Err(usage) = paths_usable(&args.inputs.paths) {
        eprintln!("error: {usage}");
        return BAD_INPUT;
    }
    if let Some(output) = &args.output
        && let Err(message) = not_an_input(output, &args.inputs.paths)
    {
        eprintln!("error: {message}");
        return BAD_INPUT;
    }
    let colour = args.color.human(false);
    let rules = match load(&args.inputs.rules, args.period) {
        Ok(rules) => rules,
        Err((_, problems)) => return refused(&problems, &colour),
    };
    let (generated, day) = report::when(args);
    let mut reader = SetReader::new(&args.inputs.paths, &super::PLAN_KINDS);
    let jobs = args.sets.jobs.map_or_else(cores, usize::from);
    let bar = super::progress::for_sets();
    let each = |name: &str, checked: Checked| {
        bar.inc(checked.plans.len() as u64);
        let problems = render_problems(&checked.problems, &colour);
        (set_row(name, &checked), SetSummary::of(&checked), problems)
    };
    let (mut rows, mut across) = (Vec::new(), Across::default());
    check_sets(&rules, &mut reader, jobs, day, &each, &mut |(
        row,
        summary,
        problems,
    )| {
        bar.suspend(|| eprint!("{problems}"));
        rows.push(row);
        across.add(&summary);
        bar.set_message(format!("{} sets", across.sets));
    });
    bar.finish_and_clear();
    let unread = reader
        .problems
        .iter()
        .any(|p| p.level() == miette::Severity::Error);
    if unread || across.sets_with_input_errors > 0 {
        return refused(&reader.problems, &colour);
    }
    let study = build_study((&rules.sources, &rules.rules), rows, &across, &generated);
    let text = match format {
        report::Format::Md => render_study_markdown(&study),
        report::Format::Html => render_study_html(&study),
        report::Format::Json => render_study_json(&study),
        report::Format::Csv => render_study_csv(&study, !args.no_bom),
    };
    report::deliver(args, &text)
}

/// No report, for input with problems: a report on part of a study would mislead.
fn refused(problems: &[Problem], colour: &plancheck::render::HumanOptions) -> u8 {
    eprint!("{}", render_problems(problems, colour));
    eprintln!("error: no report is made while the input has problems");
    BAD_INPUT
}

/// The report is written to no file of the study: not a file named, nor one inside a
/// folder named (where a set is read from, or could be).
fn not_an_input(output: &std::path::Path, paths: &[PathBuf]) -> Result<(), String> {
    let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    super::write::refuse_an_input(output, &named)?;
    let inside = paths
        .iter()
        .find(|p| p.is_dir() && plancheck::input::lies_inside(p, output));
    match inside {
        Some(dir) => Err(format!(
            "`{}` is inside `{}`, which the study is read from; write the report outside it",
            output.display(),
            dir.display()
        )),
        None => Ok(()),
    }
}

fn paths_usable(paths: &[PathBuf]) -> Result<(), String> {
    if paths.is_empty() {
        return Err("--scenarios needs folders of plan sets, .jsonl files or plan files".into());
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(
            "--scenarios reads sets from files and folders, not from standard input".into(),
        );
    }
    Ok(())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
