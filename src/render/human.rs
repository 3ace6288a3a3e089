//! Output for people: miette's graphical diagnostics, then a summary line.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use super::{finding_report, waiver_report};
use crate::check::Checked;
use crate::finding::Severity;
use crate::problem::Problem;

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
    /// Show passing findings too, not only what needs attention.
    pub show_passes: bool,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 100,
            show_passes: false,
        }
    }
}

pub(super) fn handler(opts: &HumanOptions) -> GraphicalReportHandler {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .without_syntax_highlighting()
        .with_links(false)
        .with_width(opts.width)
}

pub(super) fn render_one(
    handler: &GraphicalReportHandler,
    diagnostic: &dyn Diagnostic,
    out: &mut String,
) {
    handler
        .render_report(out, diagnostic)
        .expect("writing to a String cannot fail");
    out.push('\n');
}

pub fn render_problems(problems: &[Problem], opts: &HumanOptions) -> String {
    let handler = handler(opts);
    let mut out = String::new();
    for problem in problems {
        render_one(&handler, problem, &mut out);
    }
    out
}

pub fn render_human(checked: &Checked, opts: &HumanOptions) -> String {
    let handler = handler(opts);
    let mut out = render_problems(&checked.problems, opts);
    for f in &checked.findings {
        if f.severity > Severity::None || opts.show_passes {
            // The related diagnostics (the requirement, an aggregate's contributors) are
            // drawn one by one, each as a note of its own in its own file.
            let (report, related) = finding_report(f, checked).split_related();
            render_one(&handler, &report, &mut out);
            for note in &related {
                render_one(&handler, note, &mut out);
            }
        }
    }
    for issue in &checked.waiver_issues {
        render_one(&handler, &waiver_report(issue, checked), &mut out);
    }
    out.push_str(&summary_line(checked));
    out
}

fn summary_line(checked: &Checked) -> String {
    let s = checked.summary();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "checked {} against {}: {} pass, {} fail, {} undeclared, {} not checkable; {}, {}, {}",
        plural(s.plans, "plan", "plans"),
        plural(s.rules, "rule", "rules"),
        s.pass,
        s.fail,
        s.undeclared,
        s.not_checkable,
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.notes, "note", "notes"),
    );
    if s.waived > 0 {
        line.push_str(&format!("; {} waived", s.waived));
    }
    if !checked.problems.is_empty() {
        line.push_str(&format!(
            "; {} in the input",
            plural(checked.problems.len(), "problem", "problems")
        ));
    }
    line.push('\n');
    line
}
