//! Output of `plancheck lint`, for people and for machines.

use serde::Serialize;

use super::human::{handler, render_one, render_problems};
use super::{HumanOptions, plural};
use crate::ast::Level;
use crate::lint::{LintFinding, LintReport, Linted};

/// Counts of active findings by level, and of suppressed ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LintSummary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub suppressed: usize,
    pub input_errors: usize,
}

impl LintSummary {
    pub fn of(linted: &Linted, files: usize) -> LintSummary {
        let mut s = LintSummary {
            files,
            suppressed: linted.suppressed(),
            input_errors: linted.problems.len(),
            ..LintSummary::default()
        };
        let shown = linted.active().map(|f| (f.level, false));
        for (level, suppressed) in shown.chain(linted.hidden.iter().copied()) {
            match (suppressed, level) {
                (true, _) => s.suppressed += 1,
                (false, Level::Error) => s.errors += 1,
                (false, Level::Warning) => s.warnings += 1,
                (false, Level::Note) => s.notes += 1,
            }
        }
        s
    }
}

fn report<'a>(linted: &'a Linted, finding: &'a LintFinding) -> LintReport<'a> {
    LintReport {
        finding,
        file: linted.sources.get(finding.site.file),
    }
}

pub fn render_lint_human(linted: &Linted, files: usize, opts: &HumanOptions) -> String {
    let handler = handler(opts);
    let mut out = render_problems(&linted.problems, opts);
    for finding in linted.active() {
        render_one(&handler, &report(linted, finding), &mut out);
    }
    let s = LintSummary::of(linted, files);
    out.push_str(&format!(
        "linted {}: {}, {}, {}; {} suppressed",
        plural(s.files, "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note"),
        s.suppressed
    ));
    if s.input_errors > 0 {
        out.push_str(&format!(
            "; {} in the input",
            plural(s.input_errors, "problem")
        ));
    }
    out.push('\n');
    out
}

#[derive(Serialize, schemars::JsonSchema)]
struct JsonLint<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    suppressed: Option<&'a str>,
    location: super::json::Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Document<'a> {
    version: u32,
    findings: Vec<JsonLint<'a>>,
    errors: Vec<super::json::JsonProblem>,
    summary: LintSummary,
}

pub fn render_lint_json(linted: &Linted, files: usize) -> String {
    let findings = linted
        .findings
        .iter()
        .map(|f| JsonLint {
            code: f.code,
            severity: f.level.name(),
            message: &f.message,
            help: f.help.as_deref(),
            suppressed: f.suppressed.as_deref(),
            location: super::json::location(linted.sources.get(f.site.file), f.site.span),
        })
        .collect();
    let doc = Document {
        version: 1,
        findings,
        errors: linted
            .problems
            .iter()
            .map(super::json::problem)
            .collect::<Vec<_>>(),
        summary: LintSummary::of(linted, files),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("lint findings serialise");
    out.push('\n');
    out
}

/// The JSON Schema of `lint --format json`.
pub fn lint_schema() -> schemars::Schema {
    schemars::schema_for!(Document<'static>)
}
