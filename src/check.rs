//! The whole pipeline for `plancheck check`: read, parse, resolve, evaluate.

use crate::ast::PlanFile;
use crate::ast::RuleFile;
use crate::finding::{Finding, Severity, Summary, WaiverIssue};
use crate::model::{FileId, Plan, PlanPeriod, RuleSet, Sources};
use crate::plantext::{self, Form, TextNote};
use crate::problem::{Problem, capped};
use crate::source::SourceFile;
use crate::syntax::SyntaxError;
use crate::{eval, resolve, syntax};

/// Everything one run produced: the files, what resolved, the findings and the problems.
pub struct Checked {
    pub sources: Sources,
    pub rules: Option<RuleSet>,
    pub plans: Vec<Plan>,
    pub findings: Vec<Finding>,
    /// Waivers that are problems themselves: expired, or unused.
    pub waiver_issues: Vec<WaiverIssue>,
    pub problems: Vec<Problem>,
    /// The counts of every finding, kept when `--min-level` leaves some out of the output.
    pub counted: Option<Summary>,
    /// Every plan's outcome of every rule (rule, plan, outcome), kept likewise for the
    /// table of outcomes.
    pub outcomes: Option<Vec<(usize, usize, crate::finding::Outcome)>>,
    /// The targets no finding is about, as (plan, target): declared, but checked by no rule.
    pub unchecked: Vec<(usize, usize)>,
}

impl Checked {
    /// A run that checked nothing, for its problems alone.
    pub fn of_problems(sources: Sources, problems: Vec<Problem>) -> Checked {
        Checked {
            sources,
            rules: None,
            plans: Vec::new(),
            findings: Vec::new(),
            waiver_issues: Vec::new(),
            problems,
            counted: None,
            outcomes: None,
            unchecked: Vec::new(),
        }
    }

    pub fn summary(&self) -> Summary {
        if let Some(counted) = &self.counted {
            return counted.clone();
        }
        let rules = self
            .rules
            .as_ref()
            .map_or(0, |r| r.in_force_rules().count());
        Summary::of(&self.findings, &self.waiver_issues, self.plans.len(), rules)
    }

    /// Leaves out of the output every finding and problem below `level` (passes among
    /// them); the summary still counts them all. Verdicts and the exit code do not change.
    pub fn keep_at_least(&mut self, level: Severity) {
        self.counted = Some(self.summary());
        self.outcomes = Some(self.plan_outcomes());
        self.findings.retain(|f| f.severity >= level);
        self.waiver_issues.retain(|w| w.problem.severity() >= level);
        self.problems.retain(|p| problem_severity(p) >= level);
    }

    /// Each plan's outcome of each rule, as (rule, plan, outcome), in finding order.
    pub fn plan_outcomes(&self) -> Vec<(usize, usize, crate::finding::Outcome)> {
        if let Some(outcomes) = &self.outcomes {
            return outcomes.clone();
        }
        let each = self.findings.iter();
        each.filter_map(|f| Some((f.rule, f.plan?, f.outcome)))
            .collect()
    }

    /// A plan's target as the plan names it: `wind_solar_capacity by 2025`.
    pub fn target_words(&self, plan: usize, target: usize) -> String {
        let t = &self.plans[plan].targets[target];
        let name = self
            .rules
            .as_ref()
            .map_or("", |r| &r.indicator(t.indicator).name);
        let period = resolve::period_words(t.year, t.baseline);
        [name, &period]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The problems at error level: input that could not be read. Notes on documents (a
    /// sentence not read) are problems below it.
    pub fn input_errors(&self) -> usize {
        let errors = self
            .problems
            .iter()
            .filter(|p| p.level() == miette::Severity::Error);
        errors.count()
    }
}

/// Parses rule files; those that parse are added to `sources`.
pub fn parse_rule_files(
    sources: &mut Sources,
    files: Vec<SourceFile>,
) -> (Vec<(FileId, RuleFile)>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match syntax::parse_rules(file.text()) {
            Ok(ast) => parsed.push((sources.add(file), ast)),
            Err(errors) => {
                let each = errors.into_iter().map(|e| Problem::new(&file, e)).collect();
                problems.extend(capped(each, &file));
            }
        }
    }
    (parsed, problems)
}

/// Parses and resolves rule files together.
pub fn load_rules(sources: &mut Sources, files: Vec<SourceFile>) -> Result<RuleSet, Vec<Problem>> {
    let (parsed, mut problems) = parse_rule_files(sources, files);
    match resolve::resolve_rules(&parsed, sources) {
        Ok(set) if problems.is_empty() => Ok(set),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// Whether a plan is in the JSON interchange format rather than the plan language: a JSON
/// file, or a record of a JSON Lines file.
pub fn is_json(file: &SourceFile) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".json") || name.ends_with(".jsonl")
}

/// Parses one plan file (JSON, the plan language or a document, by its name) and resolves
/// it; a file that parses is added to `sources`. What a document states but plancheck did
/// not read is added to `notes`.
pub fn load_plan(
    sources: &mut Sources,
    file: SourceFile,
    rules: &RuleSet,
    notes: &mut Vec<Problem>,
) -> Result<Plan, Vec<Problem>> {
    let ast = parse_plan_file(&file, notes)?;
    let id: FileId = sources.add(file);
    resolve::resolve_plan(&ast, id, sources, rules)
        .map_err(|problems| capped(problems, sources.get(id)))
}

fn parse_plan_file(file: &SourceFile, notes: &mut Vec<Problem>) -> Result<PlanFile, Vec<Problem>> {
    let errors = |errors: Vec<SyntaxError>| {
        let problems = errors.into_iter().map(|e| Problem::new(file, e));
        capped(problems.collect(), file)
    };
    if is_json(file) {
        return syntax::parse_json_plan(file.text()).map_err(errors);
    }
    let Some(form) = Form::of(file.name()) else {
        return syntax::parse_plan(file.text()).map_err(errors);
    };
    let noted = |list: Vec<TextNote>| list.into_iter().map(|n| Problem::new(file, n));
    match plantext::extract(file.text(), form, plantext::Whose::Named) {
        Ok(extracted) => {
            // Notes are not capped: the count of problems past the cap is an error.
            notes.extend(noted(extracted.notes));
            Ok(extracted.plan)
        }
        Err(list) => Err(capped(noted(list).collect(), file)),
    }
}

/// Parses and resolves plan files; those with problems are left out and their problems
/// returned. `tick` is called once a file, for a progress bar.
pub fn load_plans(
    sources: &mut Sources,
    files: Vec<SourceFile>,
    rules: &RuleSet,
    tick: &mut dyn FnMut(),
) -> (Vec<Plan>, Vec<Problem>) {
    let mut plans = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        tick();
        match load_plan(sources, file, rules, &mut problems) {
            Ok(plan) => plans.push(plan),
            Err(more) => problems.extend(more),
        }
    }
    problems.extend(resolve::replace_bundled(&mut plans, sources));
    // A second plan for a province is reported and left out, so nothing is checked twice.
    let duplicates = resolve::unique_provinces(&plans, sources);
    problems.extend(duplicates);
    let mut seen = std::collections::HashSet::new();
    plans.retain(|p| seen.insert(p.whose()));
    (plans, problems)
}

/// Checks plans against rules, judging waivers as of `today`. Problems in some plans do not
/// stop the others from being checked; problems in the rules stop everything.
pub fn check(
    rule_files: Vec<SourceFile>,
    plan_files: Vec<SourceFile>,
    problems: Vec<Problem>,
    today: time::Date,
) -> Checked {
    check_with_progress(rule_files, plan_files, problems, today, &mut || {})
}

/// [`check`], calling `tick` as each plan file is read into the model.
pub fn check_with_progress(
    rule_files: Vec<SourceFile>,
    plan_files: Vec<SourceFile>,
    problems: Vec<Problem>,
    today: time::Date,
    tick: &mut dyn FnMut(),
) -> Checked {
    check_in_period(rule_files, plan_files, problems, today, None, tick)
}

/// [`check_with_progress`] with only the rules of `period` (and those of no period) in force.
pub fn check_in_period(
    rule_files: Vec<SourceFile>,
    plan_files: Vec<SourceFile>,
    mut problems: Vec<Problem>,
    today: time::Date,
    period: Option<PlanPeriod>,
    tick: &mut dyn FnMut(),
) -> Checked {
    let mut sources = Sources::default();
    let rules = match load_rules(&mut sources, rule_files) {
        Ok(rules) => RuleSet { period, ..rules },
        Err(more) => {
            problems.extend(more);
            return Checked::of_problems(sources, problems);
        }
    };
    check_against(sources, rules, plan_files, problems, today, tick)
}

/// [`check_with_progress`] with the rules already loaded into `sources`.
pub fn check_against(
    mut sources: Sources,
    rules: RuleSet,
    plan_files: Vec<SourceFile>,
    mut problems: Vec<Problem>,
    today: time::Date,
    tick: &mut dyn FnMut(),
) -> Checked {
    let (plans, more) = load_plans(&mut sources, plan_files, &rules, tick);
    problems.extend(more);
    let mut findings = eval::evaluate(&rules, &plans);
    let waiver_issues = eval::apply_waivers(&mut findings, &plans, today);
    let unchecked = eval::unchecked_targets(&findings, &plans);
    Checked {
        sources,
        rules: Some(rules),
        plans,
        findings,
        waiver_issues,
        problems,
        counted: None,
        outcomes: None,
        unchecked,
    }
}

/// A problem's level as a finding's severity: advice is a note.
pub fn problem_severity(problem: &Problem) -> Severity {
    match problem.level() {
        miette::Severity::Error => Severity::Error,
        miette::Severity::Warning => Severity::Warning,
        miette::Severity::Advice => Severity::Note,
    }
}

/// Today's date in UTC, for judging waivers.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
