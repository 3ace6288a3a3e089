//! `plancheck check --scenarios`: plan sets checked each on its own, on every core, the
//! output written a set at a time in input order, then the sets added up.

use plancheck::check::{Checked, check_in_period, load_rules, today};
use plancheck::model::{RuleSet, Sources};
use plancheck::render::{
    render_across_human, render_scenario_heading, render_scenario_json, render_scenarios_json_end,
    render_scenarios_json_start,
};
use plancheck::scenario::{Across, LoadedRules, SetReader, SetSummary, check_sets};

use super::check::{CheckArgs, Format, exit_code, human_options, render};
use super::{BAD_INPUT, OK, write_stdout};

pub fn run(args: &CheckArgs) -> u8 {
    if let Err(usage) = usable(args) {
        eprintln!("error: {usage}");
        return BAD_INPUT;
    }
    let today = args.today.unwrap_or_else(today);
    let Some(rules) = rules(args, today) else {
        return BAD_INPUT;
    };
    let mut reader = SetReader::new(&args.inputs.paths, &super::PLAN_KINDS);
    let jobs = args.jobs.map_or_else(cores, usize::from);
    let bar = super::progress::for_sets();
    let each = |name: &str, mut checked: Checked| {
        bar.inc(checked.plans.len() as u64);
        let summary = SetSummary::of(&checked);
        let code = exit_code(&checked, args.deny_warnings);
        let text = match args.format {
            Format::Json => render_scenario_json(name, &checked),
            _ => render_scenario_heading(name, &checked) + &render(args, &mut checked),
        };
        (text, summary, code)
    };
    let json = args.format == Format::Json;
    if json {
        write_stdout(&render_scenarios_json_start());
    }
    let (mut across, mut code) = (Across::default(), OK);
    check_sets(&rules, &mut reader, jobs, today, &each, &mut |(
        text,
        summary,
        set_code,
    )| {
        if json && across.sets > 0 {
            write_stdout(",");
        }
        write_stdout(&text);
        across.add(&summary);
        bar.set_message(format!("{} sets", across.sets));
        code = code.max(set_code);
    });
    bar.finish_and_clear();
    let end = match json {
        true => render_scenarios_json_end(&across, &rules.rules, &reader.problems),
        false => render_across_human(
            &across,
            &rules.rules,
            &reader.problems,
            &human_options(args),
        ),
    };
    write_stdout(&end);
    let unread = reader
        .problems
        .iter()
        .any(|p| p.level() == miette::Severity::Error);
    if unread { BAD_INPUT } else { code }
}

/// Whether the arguments make sense with --scenarios.
fn usable(args: &CheckArgs) -> Result<(), String> {
    if args.inputs.paths.is_empty() {
        return Err("--scenarios needs folders of plan sets, .jsonl files or plan files".into());
    }
    if args.inputs.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(
            "--scenarios reads sets from files and folders, not from standard input".into(),
        );
    }
    match args.format {
        Format::Human | Format::Json | Format::Concise => Ok(()),
        _ => Err(
            "--scenarios writes human, json or concise output; SARIF, GitHub and JUnit output describe one run of one set (check a set on its own for those)".into(),
        ),
    }
}

/// The rules, read and resolved once for every set. Rules with problems are reported as
/// `check` reports them, in the format asked for.
fn rules(args: &CheckArgs, today: time::Date) -> Option<LoadedRules> {
    let mut problems = Vec::new();
    let files = args.inputs.rules.read(&mut problems);
    let mut sources = Sources::default();
    match load_rules(&mut sources, files.clone()) {
        Ok(rules) if problems.is_empty() => {
            let rules = RuleSet {
                period: args.period,
                ..rules
            };
            Some(LoadedRules { sources, rules })
        }
        _ => {
            let mut checked = check_in_period(files, Vec::new(), problems, today, None, &mut || {});
            write_stdout(&render(args, &mut checked));
            None
        }
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
