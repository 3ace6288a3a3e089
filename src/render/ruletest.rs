//! Output of `plancheck test`, like a test runner's.

use miette::Severity as MietteSeverity;
use serde::Serialize;

use super::escape;
use super::human::{handler, render_one, render_problems};
use super::json::{JsonProblem, Location, location, problem};
use super::{HumanOptions, Report};
use crate::ruletest::TestRun;

pub fn render_tests_human(run: &TestRun, coverage: bool, opts: &HumanOptions) -> String {
    let handler = handler(opts);
    let mut out = render_problems(&run.problems, opts);
    for result in &run.results {
        let file = escape::line(run.sources.get(result.site.file).name());
        let verdict = if result.failures.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        let name = escape::line(&result.name);
        out.push_str(&format!("test {file} \"{name}\" ... {verdict}\n"));
    }
    let failed: Vec<_> = run
        .results
        .iter()
        .filter(|r| !r.failures.is_empty())
        .collect();
    if !failed.is_empty() {
        out.push_str("\nfailures:\n\n");
    }
    for result in failed {
        for failure in &result.failures {
            let report = Report::new(
                &run.sources,
                failure.site,
                format!("test \"{}\": {}", result.name, failure.message),
                "this expectation does not hold".into(),
                MietteSeverity::Error,
            );
            render_one(&handler, &report, &mut out);
        }
    }
    out.push_str(&format!(
        "\n{} passed, {} failed, against {}\n",
        run.passed(),
        run.failed(),
        rule_files(run)
    ));
    if coverage {
        out.push_str(&coverage_line(run));
    }
    out
}

/// The rule files the tests ran against, so that a test file beside no rules says which
/// rules it was run against.
fn rule_files(run: &TestRun) -> String {
    if run.rules.is_none() {
        return "no rules (they have problems)".to_string();
    }
    let names: Vec<String> = rule_file_names(run)
        .iter()
        .map(|name| format!("`{}`", escape::line(name)))
        .collect();
    match names.len() {
        0 => "no rule file".to_string(),
        _ => names.join(", "),
    }
}

/// The names of the rule files the tests ran against, in the order read.
fn rule_file_names(run: &TestRun) -> Vec<&str> {
    let files = run.rules.iter().flat_map(|r| r.files.iter());
    files.map(|id| run.sources.get(*id).name()).collect()
}

fn coverage_line(run: &TestRun) -> String {
    let uncovered = run.uncovered();
    let total = run.rules.as_ref().map_or(0, |r| r.rules.len());
    if total == 0 {
        return format!("coverage: {} hold no rules to cover\n", rule_files(run));
    }
    let mut line = format!(
        "coverage: {} of {total} rules ({} %)",
        total - uncovered.len(),
        run.coverage()
    );
    if !uncovered.is_empty() {
        line.push_str(&format!("; no test names {}", uncovered.join(", ")));
    }
    line.push('\n');
    line
}

#[derive(Serialize, schemars::JsonSchema)]
struct JsonFailure<'a> {
    message: &'a str,
    location: Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct JsonTest<'a> {
    name: &'a str,
    passed: bool,
    location: Location,
    failures: Vec<JsonFailure<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Document<'a> {
    version: u32,
    /// The rule files the tests ran against.
    rule_files: Vec<&'a str>,
    tests: Vec<JsonTest<'a>>,
    errors: Vec<JsonProblem>,
    summary: Summary<'a>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Summary<'a> {
    passed: usize,
    failed: usize,
    coverage: String,
    uncovered: Vec<&'a str>,
    input_errors: usize,
}

pub fn render_tests_json(run: &TestRun) -> String {
    let at = |site: crate::model::Site| location(run.sources.get(site.file), site.span);
    let tests = run
        .results
        .iter()
        .map(|r| JsonTest {
            name: &r.name,
            passed: r.failures.is_empty(),
            location: at(r.site),
            failures: r
                .failures
                .iter()
                .map(|f| JsonFailure {
                    message: &f.message,
                    location: at(f.site),
                })
                .collect(),
        })
        .collect();
    let doc = Document {
        version: 1,
        rule_files: rule_file_names(run),
        tests,
        errors: run.problems.iter().map(problem).collect(),
        summary: Summary {
            passed: run.passed(),
            failed: run.failed(),
            coverage: run.coverage().to_string(),
            uncovered: run.uncovered(),
            input_errors: run.problems.len(),
        },
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("test results serialise");
    out.push('\n');
    out
}

/// The JSON Schema of `test --format json`.
pub fn test_schema() -> schemars::Schema {
    schemars::schema_for!(Document<'static>)
}
