//! `plancheck test`: rule authors' test cases. Each test gives one or more plans, inline or
//! as files, and the outcomes they must produce for named rules; the runner checks them
//! through the same pipeline as `plancheck check`.

use std::path::{Path, PathBuf};

use miette::{Diagnostic, LabeledSpan, SourceSpan};
use rust_decimal::Decimal;

use crate::ast::{Expectation, ExpectedOutcome, TestDecl, TestFile, TestPlan};
use crate::check::{load_plans, load_rules};
use crate::eval::{apply_waivers, evaluate};
use crate::finding::{Finding, Outcome};
use crate::input::{InputError, lies_inside, read_source};
use crate::model::{FileId, Plan, RuleSet, Scope, Site, Sources};
use crate::problem::Problem;
use crate::provinces::Province;
use crate::resolve::{resolve_plan, unique_provinces};
use crate::source::SourceFile;
use crate::suggest::did_you_mean;
use crate::syntax::parse_tests;
use crate::units::Unit;

/// One test and what went wrong in it; no failures is a pass.
#[derive(Debug)]
pub struct TestResult {
    pub name: String,
    /// The test's name in its file.
    pub site: Site,
    pub failures: Vec<Failure>,
}

/// An expectation that did not hold, where it is written, and what came out instead.
#[derive(Debug)]
pub struct Failure {
    pub site: Site,
    pub message: String,
}

pub struct TestRun {
    pub sources: Sources,
    pub rules: Option<RuleSet>,
    pub results: Vec<TestResult>,
    pub problems: Vec<Problem>,
    /// The rule identifiers the tests name.
    covered: Vec<String>,
}

impl TestRun {
    pub fn passed(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.failures.is_empty())
            .count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    /// The rules no test names in an `expect`.
    pub fn uncovered(&self) -> Vec<&str> {
        let Some(rules) = &self.rules else {
            return Vec::new();
        };
        rules
            .rules
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| !self.covered.iter().any(|c| c == id))
            .collect()
    }

    /// The share of rules some test names, in per cent.
    pub fn coverage(&self) -> Decimal {
        let total = self.rules.as_ref().map_or(0, |r| r.rules.len());
        if total == 0 {
            return Decimal::ONE_HUNDRED;
        }
        let covered = total - self.uncovered().len();
        (Decimal::from(covered * 100) / Decimal::from(total)).round_dp(1)
    }
}

/// Runs the tests in `test_files` against the rules in `rule_files`, judging waivers as of
/// `today`. A plan file a test names is read only from inside `root`, or where none is
/// given, from the test file's own folder.
pub fn run_tests(
    rule_files: Vec<SourceFile>,
    test_files: Vec<SourceFile>,
    today: time::Date,
    root: Option<&Path>,
) -> TestRun {
    let mut run = TestRun {
        sources: Sources::default(),
        rules: None,
        results: Vec::new(),
        problems: Vec::new(),
        covered: Vec::new(),
    };
    let rules = match load_rules(&mut run.sources, rule_files) {
        Ok(rules) => rules,
        Err(problems) => {
            run.problems = problems;
            return run;
        }
    };
    for file in test_files {
        match parse_tests(file.text()) {
            Ok(tests) => {
                let id = run.sources.add(file);
                run_file(&mut run, &rules, id, &tests, (today, root));
            }
            Err(errors) => run
                .problems
                .extend(errors.into_iter().map(|e| Problem::new(&file, e))),
        }
    }
    run.rules = Some(rules);
    run
}

fn run_file(
    run: &mut TestRun,
    rules: &RuleSet,
    file: FileId,
    tests: &TestFile,
    (today, root): (time::Date, Option<&Path>),
) {
    for test in &tests.tests {
        run.covered
            .extend(test.expects.iter().map(|e| e.rule.node.clone()));
        let Some(plans) = plans_of(run, rules, (file, root), test) else {
            continue;
        };
        let mut findings = evaluate(rules, &plans);
        apply_waivers(&mut findings, &plans, today);
        let failures = test
            .expects
            .iter()
            .filter_map(|e| judge_expectation(e, rules, &plans, &findings).err())
            .map(|message| Failure {
                site: Site {
                    file,
                    span: message.0,
                },
                message: message.1,
            })
            .collect();
        run.results.push(TestResult {
            name: test.name.node.clone(),
            site: Site {
                file,
                span: test.name.span,
            },
            failures,
        });
    }
}

/// The test's plans, resolved; `None` (with the problems recorded) when one is broken.
fn plans_of(
    run: &mut TestRun,
    rules: &RuleSet,
    (file, root): (FileId, Option<&Path>),
    test: &TestDecl,
) -> Option<Vec<Plan>> {
    let before = run.problems.len();
    let mut plans = Vec::new();
    for plan in &test.plans {
        match plan {
            TestPlan::Inline(ast) => match resolve_plan(ast, file, &run.sources, rules) {
                Ok(plan) => plans.push(plan),
                Err(problems) => run.problems.extend(problems),
            },
            TestPlan::File(path) => {
                match plan_file(run.sources.get(file).name(), &path.node, root) {
                    Ok(source) => {
                        let (mut loaded, problems) =
                            load_plans(&mut run.sources, vec![source], rules, &mut || {});
                        plans.append(&mut loaded);
                        run.problems.extend(problems);
                    }
                    Err(problem) => {
                        let test_file = run.sources.get(file);
                        run.problems.push(named_here(problem, test_file, path.span));
                    }
                }
            }
        }
    }
    run.problems.extend(unique_provinces(&plans, &run.sources));
    (run.problems.len() == before).then_some(plans)
}

/// A plan file named by a test, read only from inside the root (the test file's folder
/// unless one is given): a test file from a pull request must not read the machine's files.
fn plan_file(test_file: &str, written: &str, root: Option<&Path>) -> Result<SourceFile, Problem> {
    let dir = Path::new(test_file)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let path = dir.join(written);
    let root: PathBuf = root.unwrap_or(dir).to_path_buf();
    if !lies_inside(&root, &path) {
        return Err(Problem::without_file(InputError::OutsideRoot {
            path: written.to_string(),
            root: root.display().to_string(),
        }));
    }
    read_source(&path)
}

/// Whether an expectation holds; if not, where it is written and what came out instead.
fn judge_expectation(
    expect: &Expectation,
    rules: &RuleSet,
    plans: &[Plan],
    findings: &[Finding],
) -> Result<(), (SourceSpan, String)> {
    let at = expect.at.span();
    let Some(r) = rules.rules.iter().position(|r| r.id == expect.rule.node) else {
        let ids = rules.rules.iter().map(|r| r.id.as_str());
        let hint = did_you_mean(&expect.rule.node, ids)
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        return Err((
            expect.rule.span,
            format!("no rule `{}` in the rules{hint}", expect.rule.node),
        ));
    };
    let province = match &expect.province {
        Some(name) => Some(
            Province::lookup(&name.node)
                .ok_or_else(|| (name.span, format!("unknown province `{}`", name.node)))?,
        ),
        None if matches!(rules.rules[r].scope, Scope::Sum { .. }) => None,
        None if plans.len() == 1 => Some(plans[0].province),
        None => {
            return Err((
                at,
                "the test has several plans: say which with `for PROVINCE`".to_string(),
            ));
        }
    };
    let Some(f) = findings
        .iter()
        .find(|f| f.rule == r && f.province == province)
    else {
        return Err((at, no_finding(expect, province, plans)));
    };
    let got = if f.waived.is_some() {
        ExpectedOutcome::Waived
    } else {
        outcome(f.outcome)
    };
    if got != expect.outcome.node {
        return Err((
            at,
            format!(
                "expected `{}` {}, got {}: {}",
                expect.rule.node,
                expect.outcome.node.name(),
                got.name(),
                f.message
            ),
        ));
    }
    match &expect.margin {
        Some(q) => check_margin(q, rules.requirement_unit(&rules.rules[r]), f).map_err(|m| (at, m)),
        None => Ok(()),
    }
}

/// Why an expectation has no finding to judge: the test gives no plan for the province,
/// or the province is not in the rule's scope.
fn no_finding(expect: &Expectation, province: Option<Province>, plans: &[Plan]) -> String {
    let rule = &expect.rule.node;
    match province {
        Some(p) if !plans.iter().any(|plan| plan.province == p) => {
            format!("the test has no plan for {p}, so `{rule}` gives no finding for it")
        }
        Some(p) => format!(
            "`{rule}` gives no finding for {p}: it is not in the rule's scope, or the plan is of another five-year-plan period"
        ),
        None => format!("`{rule}` gives no finding for the aggregate"),
    }
}

fn outcome(outcome: Outcome) -> ExpectedOutcome {
    match outcome {
        Outcome::Pass => ExpectedOutcome::Pass,
        Outcome::Fail => ExpectedOutcome::Fail,
        Outcome::Undeclared => ExpectedOutcome::Undeclared,
        Outcome::NotCheckable => ExpectedOutcome::NotCheckable,
        Outcome::ReachesBenchmark => ExpectedOutcome::ReachesBenchmark,
        Outcome::ShortOfBenchmark => ExpectedOutcome::ShortOfBenchmark,
    }
}

/// The margin, in the requirement's difference unit (pp for %), compared exactly.
fn check_margin(q: &crate::ast::Quantity, unit: Unit, f: &Finding) -> Result<(), String> {
    let wanted = unit.difference();
    let written = q.unit.as_ref().map(|u| u.node.as_str()).unwrap_or_default();
    if Unit::parse(written) != Some(wanted) {
        return Err(format!("a margin here is in `{wanted}`, not `{written}`"));
    }
    let expected = q.number.node.value;
    match f.margin {
        Some(m) if m == expected => Ok(()),
        Some(m) => Err(format!(
            "expected a margin of {} {wanted}, got {} {wanted}: {}",
            q.number.node.text,
            m.normalize(),
            f.message
        )),
        None => Err(format!(
            "expected a margin of {} {wanted}, but there is none: {}",
            q.number.node.text, f.message
        )),
    }
}

/// A plan file a test names that could not be read: the reading problem, shown at the
/// `plan` line that names it (a problem with no text of its own points nowhere otherwise).
#[derive(Debug)]
struct NamedPlan {
    problem: Problem,
    span: SourceSpan,
}

impl std::fmt::Display for NamedPlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.problem, f)
    }
}

impl std::error::Error for NamedPlan {}

impl Diagnostic for NamedPlan {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.problem.code()
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.problem.help()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = LabeledSpan::new_primary_with_span(
            Some("the test reads this plan".to_string()),
            self.span,
        );
        Some(Box::new(std::iter::once(label)))
    }
}

/// The problem at the `plan` line that names the file, where it has no text to point into
/// (unreadable, too large); a problem in the plan's own text stays there.
fn named_here(problem: Problem, test_file: &SourceFile, span: SourceSpan) -> Problem {
    if problem.file().is_some() {
        return problem;
    }
    Problem::new(test_file, NamedPlan { problem, span })
}
