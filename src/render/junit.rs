//! `--format junit`: JUnit XML for CI dashboards, through the `quick-junit` crate. A check
//! is one test case per rule and plan (and per waiver that is a problem), a lint one per
//! rule, a rule test one per test. Every string from the input goes through
//! `escape::xml_line`: quick-junit drops ANSI sequences and some controls silently, and
//! writes a line break into an attribute raw, which XML readers turn into a space.

use std::collections::BTreeMap;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::escape::xml_line;
use crate::check::Checked;
use crate::finding::{Finding, Outcome, Severity, WaiverIssue};
use crate::lint::Linted;
use crate::model::{Site, Sources};
use crate::problem::Problem;
use crate::ruletest::TestRun;

fn failure(kind: &str, message: &str) -> TestCaseStatus {
    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
    status.set_type(kind).set_message(xml_line(message));
    status
}

/// A failure with several details: a count in the `message` attribute, and the details in
/// the element's text, one a line, each with its place. An attribute cannot hold them:
/// XML turns its line breaks into spaces.
fn failures(kind: &str, (one, many): (&str, &str), details: &[String]) -> TestCaseStatus {
    let count = match details.len() {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut status = failure(kind, &count);
    let lines: Vec<_> = details.iter().map(|d| xml_line(d)).collect();
    status.set_description(lines.join("\n"));
    status
}

/// `file:line:column: message`, as compilers write a place.
fn placed(sources: &Sources, site: Site, message: &str) -> String {
    let file = sources.get(site.file);
    let at = file.line_col(site.span.offset());
    format!("{}:{}:{}: {message}", file.name(), at.line, at.column)
}

fn skipped(message: &str) -> TestCaseStatus {
    let mut status = TestCaseStatus::skipped();
    status.set_message(xml_line(message));
    status
}

/// A suite for the input problems, one case each: failing at error level, passing with the
/// message for a note (a sentence of a document not read); none when there are none.
fn problems_suite(problems: &[Problem]) -> Option<TestSuite> {
    if problems.is_empty() {
        return None;
    }
    let mut suite = TestSuite::new("input");
    for p in problems {
        let name = p.file().map_or(p.code_string(), |f| {
            format!("{} {}", p.code_string(), f.name())
        });
        let name = xml_line(&name);
        let case = if p.level() == miette::Severity::Error {
            // Input that could not be read: the test could not run, an error, not a failure.
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status
                .set_type("error")
                .set_message(xml_line(&p.to_string()));
            let at = p.file().zip(p.primary_span()).map(|(file, span)| {
                let at = file.line_col(span.offset());
                format!("{}:{}:{}: {p}", file.name(), at.line, at.column)
            });
            status.set_description(xml_line(&at.unwrap_or_else(|| p.to_string())));
            TestCase::new(name, status)
        } else {
            let mut case = TestCase::new(name, TestCaseStatus::success());
            case.set_system_out(xml_line(&p.to_string()));
            case
        };
        suite.add_test_case(case);
    }
    Some(suite)
}

fn finish(mut report: Report, suites: Vec<TestSuite>) -> String {
    report.add_test_suites(suites);
    let written = report.to_string().expect("JUnit serialises");
    // Jenkins' junit-10.xsd has no `skipped` on <testsuites> (only on each <testsuite>),
    // and quick-junit always writes it.
    let mut out = without_suites_skipped(&written);
    out.push('\n');
    out
}

/// The XML with the `skipped` attribute taken off the <testsuites> element.
fn without_suites_skipped(xml: &str) -> String {
    let Some(start) = xml.find("<testsuites ") else {
        return xml.to_string();
    };
    let end = start + xml[start..].find('>').unwrap_or(0);
    let head = &xml[start..end];
    let Some(at) = head.find(" skipped=\"") else {
        return xml.to_string();
    };
    let value_end = head[at + 10..]
        .find('"')
        .map_or(head.len(), |i| at + 10 + i + 1);
    format!(
        "{}{}{}",
        &xml[..start + at],
        &head[value_end..],
        &xml[end..]
    )
}

fn finding_case(f: &Finding, checked: &Checked) -> TestCase {
    let rules = checked
        .rules
        .as_ref()
        .expect("findings come from resolved rules");
    let unjudged = matches!(f.outcome, Outcome::Undeclared | Outcome::NotCheckable);
    let mut status = match (f.waived, f.severity) {
        (Some(_), _) => skipped(&f.message),
        // A benchmark compares; it is never a failed test.
        (None, _) if f.outcome.is_benchmark() => TestCaseStatus::success(),
        (None, Severity::Error) => failure("error", &f.message),
        (None, Severity::Warning) => failure("warning", &f.message),
        // Nothing was compared: the test did not run.
        (None, Severity::Note) if unjudged => skipped(&f.message),
        (None, _) => TestCaseStatus::success(),
    };
    if matches!(status, TestCaseStatus::NonSuccess { .. }) {
        status.set_description(xml_line(&placed(
            &checked.sources,
            finding_site(f, checked),
            &f.message,
        )));
    }
    let mut case = TestCase::new(xml_line(&rules.rules[f.rule].id), status);
    case.set_classname(f.province.map_or("national".to_string(), |p| p.to_string()));
    case.set_system_out(xml_line(&f.message));
    case
}

/// Where a finding points: the declared value, or the plan's header, or the rule.
fn finding_site(f: &Finding, checked: &Checked) -> Site {
    let rules = checked
        .rules
        .as_ref()
        .expect("findings come from resolved rules");
    match f.plan {
        Some(p) => {
            let plan = &checked.plans[p];
            f.target
                .map_or(plan.header, |t| plan.targets[t].detail.site)
        }
        None => rules.rules[f.rule].requirement.site,
    }
}

/// A waiver that is a problem (expired, PC031; unused, PC032) fails a case of its own, named
/// by the code and the rule waived, so that a CI dashboard shows it beside the findings.
fn waiver_case(issue: &WaiverIssue, checked: &Checked) -> TestCase {
    let rules = checked
        .rules
        .as_ref()
        .expect("waivers come from resolved plans");
    let plan = &checked.plans[issue.plan];
    let waiver = &plan.waivers[issue.waiver];
    let message = issue.message(rules, &checked.plans);
    let kind = match issue.problem.severity() {
        Severity::Error => "error",
        _ => "warning",
    };
    let mut status = failure(kind, &message);
    status.set_description(xml_line(&placed(&checked.sources, waiver.site, &message)));
    let name = format!("{} {}", issue.problem.code(), rules.rules[waiver.rule].id);
    let mut case = TestCase::new(xml_line(&name), status);
    case.set_classname(plan.province.to_string());
    case
}

pub fn render_check_junit(checked: &Checked) -> String {
    finish(Report::new("plancheck check"), check_suites(checked))
}

/// The JUnit file of `check --scenarios`, written a set at a time: this is the file before
/// the first set's suites and after the last's. The root gives no totals (junit-10.xsd
/// makes them optional): they would need the whole study at hand before its first set.
pub fn render_junit_scenarios_around() -> (String, String) {
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck check --scenarios\">\n";
    (head.to_string(), "</testsuites>\n".to_string())
}

/// One set's suites, each named with the set first (`NAME: anhui.plan`).
pub fn render_scenario_junit(name: &str, checked: &Checked) -> String {
    let mut suites = check_suites(checked);
    for suite in &mut suites {
        suite.name = xml_line(&format!("{name}: {}", suite.name.as_str())).into();
    }
    inner_suites(suites)
}

/// The suites for the input problems of no set (`check --scenarios`); none when none.
pub fn render_junit_problems(problems: &[Problem]) -> String {
    inner_suites(problems_suite(problems).into_iter().collect())
}

/// Suites as the elements inside a report's <testsuites>, to go into another.
fn inner_suites(suites: Vec<TestSuite>) -> String {
    if suites.is_empty() {
        return String::new();
    }
    let mut report = Report::new("set");
    report.add_test_suites(suites);
    let written = report.to_string().expect("JUnit serialises");
    let start = written.find("<testsuites ").expect("a report has its root");
    let open_end = start + written[start..].find('>').expect("the root tag ends") + 1;
    let close = written.rfind("</testsuites>").expect("the root is closed");
    written[open_end..close]
        .trim_start_matches('\n')
        .to_string()
}

/// A plan's suite is named by its file, and where the file holds other plans of the run
/// too (the records of a JSON Lines file), by the line its plan starts on.
fn plan_suite_name(
    checked: &Checked,
    plan: &crate::model::Plan,
    plans_in: &BTreeMap<&str, usize>,
) -> String {
    let file = checked.sources.get(plan.file);
    match plans_in.get(file.name()) {
        Some(n) if *n > 1 => {
            let line = file.line_col(plan.header.span.offset()).line;
            format!("{}:{line}", file.name())
        }
        _ => file.name().to_string(),
    }
}

fn check_suites(checked: &Checked) -> Vec<TestSuite> {
    let mut suites: Vec<TestSuite> = problems_suite(&checked.problems).into_iter().collect();
    let mut plans_in = BTreeMap::new();
    for plan in &checked.plans {
        *plans_in
            .entry(checked.sources.get(plan.file).name())
            .or_insert(0) += 1;
    }
    for (p, plan) in checked.plans.iter().enumerate() {
        let name = plan_suite_name(checked, plan, &plans_in);
        let mut suite = TestSuite::new(xml_line(&name));
        let findings = checked.findings.iter().filter(|f| f.plan == Some(p));
        suite.add_test_cases(findings.map(|f| finding_case(f, checked)));
        let issues = checked.waiver_issues.iter().filter(|i| i.plan == p);
        suite.add_test_cases(issues.map(|i| waiver_case(i, checked)));
        suites.push(suite);
    }
    let aggregates: Vec<TestCase> = checked
        .findings
        .iter()
        .filter(|f| f.plan.is_none())
        .map(|f| finding_case(f, checked))
        .collect();
    if !aggregates.is_empty() {
        let mut suite = TestSuite::new("national aggregates");
        suite.add_test_cases(aggregates);
        suites.push(suite);
    }
    suites
}

pub fn render_lint_junit(linted: &Linted) -> String {
    let mut suites: Vec<TestSuite> = problems_suite(&linted.problems).into_iter().collect();
    let Some(rules) = &linted.rules else {
        return finish(Report::new("plancheck lint"), suites);
    };
    for &file in &rules.files {
        let mut suite = TestSuite::new(xml_line(linted.sources.get(file).name()));
        let in_file = |f: &&crate::lint::LintFinding| f.site.file == file;
        let mut placed = vec![false; linted.findings.len()];
        for rule in rules.rules.iter().filter(|r| r.site.file == file) {
            let (start, end) = (rule.at.offset(), rule.at.offset() + rule.at.len());
            let inside: Vec<&crate::lint::LintFinding> = linted
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    in_file(f) && f.site.span.offset() >= start && f.site.span.offset() < end
                })
                .map(|(i, f)| {
                    placed[i] = true;
                    f
                })
                .collect();
            let status = lint_status(&linted.sources, &inside);
            suite.add_test_case(TestCase::new(xml_line(&rule.id), status));
        }
        let rest: Vec<&crate::lint::LintFinding> = linted
            .findings
            .iter()
            .enumerate()
            .filter(|(i, f)| !placed[*i] && in_file(f))
            .map(|(_, f)| f)
            .collect();
        let status = lint_status(&linted.sources, &rest);
        suite.add_test_case(TestCase::new("declarations", status));
        suites.push(suite);
    }
    finish(Report::new("plancheck lint"), suites)
}

/// Failing on any active error or warning; the findings are listed either way.
fn lint_status(sources: &Sources, findings: &[&crate::lint::LintFinding]) -> TestCaseStatus {
    let active: Vec<String> = findings
        .iter()
        .filter(|f| f.suppressed.is_none() && f.level >= crate::ast::Level::Warning)
        .map(|f| placed(sources, f.site, &format!("{}: {}", f.code, f.message)))
        .collect();
    if active.is_empty() {
        TestCaseStatus::success()
    } else {
        failures("lint", ("lint finding", "lint findings"), &active)
    }
}

pub fn render_tests_junit(run: &TestRun) -> String {
    let mut suites: Vec<TestSuite> = problems_suite(&run.problems).into_iter().collect();
    let mut files: Vec<_> = run.results.iter().map(|r| r.site.file).collect();
    files.dedup();
    for file in files {
        let mut suite = TestSuite::new(xml_line(run.sources.get(file).name()));
        for result in run.results.iter().filter(|r| r.site.file == file) {
            let status = if result.failures.is_empty() {
                TestCaseStatus::success()
            } else {
                let details: Vec<String> = result
                    .failures
                    .iter()
                    .map(|f| placed(&run.sources, f.site, &f.message))
                    .collect();
                let words = ("expectation does not hold", "expectations do not hold");
                failures("expectation", words, &details)
            };
            suite.add_test_case(TestCase::new(xml_line(&result.name), status));
        }
        suites.push(suite);
    }
    finish(Report::new("plancheck test"), suites)
}
