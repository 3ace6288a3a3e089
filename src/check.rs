//! The whole pipeline for `plancheck check`: read, parse, resolve, evaluate.

use crate::ast::RuleFile;
use crate::finding::{Finding, Summary, WaiverIssue};
use crate::model::{FileId, Plan, PlanPeriod, RuleSet, Sources};
use crate::problem::{Problem, capped};
use crate::source::SourceFile;
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
}

impl Checked {
    pub fn summary(&self) -> Summary {
        let rules = self
            .rules
            .as_ref()
            .map_or(0, |r| r.in_force_rules().count());
        Summary::of(&self.findings, &self.waiver_issues, self.plans.len(), rules)
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

/// Whether a plan is in the JSON interchange format rather than the plan language.
pub fn is_json(file: &SourceFile) -> bool {
    file.name().to_ascii_lowercase().ends_with(".json")
}

/// Parses one plan file (JSON or the plan language, by its name) and resolves it; a file
/// that parses is added to `sources`.
pub fn load_plan(
    sources: &mut Sources,
    file: SourceFile,
    rules: &RuleSet,
) -> Result<Plan, Vec<Problem>> {
    let parsed = if is_json(&file) {
        syntax::parse_json_plan(file.text())
    } else {
        syntax::parse_plan(file.text())
    };
    let ast = parsed.map_err(|errors| {
        let problems = errors.into_iter().map(|e| Problem::new(&file, e));
        capped(problems.collect(), &file)
    })?;
    let id: FileId = sources.add(file);
    resolve::resolve_plan(&ast, id, sources, rules)
        .map_err(|problems| capped(problems, sources.get(id)))
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
        match load_plan(sources, file, rules) {
            Ok(plan) => plans.push(plan),
            Err(more) => problems.extend(more),
        }
    }
    // A second plan for a province is reported and left out, so nothing is checked twice.
    let duplicates = resolve::unique_provinces(&plans, sources);
    problems.extend(duplicates);
    let mut seen = crate::provinces::ProvinceSet::EMPTY;
    plans.retain(|p| {
        let first = !seen.contains(p.province);
        seen = seen.union(crate::provinces::ProvinceSet::single(p.province));
        first
    });
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
            return Checked {
                sources,
                rules: None,
                plans: Vec::new(),
                findings: Vec::new(),
                waiver_issues: Vec::new(),
                problems,
            };
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
    Checked {
        sources,
        rules: Some(rules),
        plans,
        findings,
        waiver_issues,
        problems,
    }
}

/// Today's date in UTC, for judging waivers.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
