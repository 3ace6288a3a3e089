//! Output for people: miette's graphical diagnostics, then a summary line.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan};

use super::escape;
use super::{finding_report, waiver_report};
use crate::check::Checked;
use crate::finding::{Outcome, Severity};
use crate::problem::Problem;

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
    /// Show passing findings too, not only what needs attention.
    pub show_passes: bool,
    /// Show findings at note level one by one; else they are counted, and in the table.
    pub show_notes: bool,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 100,
            show_passes: false,
            show_notes: true,
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

/// The handler for passes (`--show-passes`): a check mark, in green, where notes have
/// miette's pointing hand, so that a pass is never read as a note.
fn pass_handler(opts: &HumanOptions) -> GraphicalReportHandler {
    let mut theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    theme.characters.advice = "✓".into();
    if opts.color {
        theme.styles.advice = owo_colors::Style::new().green();
    }
    GraphicalReportHandler::new_themed(theme)
        .without_syntax_highlighting()
        .with_links(false)
        .with_width(opts.width)
}

/// Draws a diagnostic, then each of its related diagnostics (the requirement in the rule
/// file, the first of two duplicates) as a diagnostic of its own, each in its own file.
pub(super) fn render_one(
    handler: &GraphicalReportHandler,
    diagnostic: &dyn Diagnostic,
    out: &mut String,
) {
    let mut draw = |d: &dyn Diagnostic| {
        handler
            .render_report(out, &Alone(d))
            .expect("writing to a String cannot fail");
        out.push('\n');
    };
    draw(diagnostic);
    for related in diagnostic.related().into_iter().flatten() {
        draw(related);
    }
}

pub fn render_problems(problems: &[Problem], opts: &HumanOptions) -> String {
    let handler = handler(opts);
    let mut out = String::new();
    for problem in problems {
        render_one(&handler, problem, &mut out);
    }
    out
}

/// A diagnostic drawn without its related ones (miette would head each with a bare
/// "Advice:"), and with its message, code, help and labels on one line each, hostile
/// characters escaped: they hold names and text from the input. (The source text it shows
/// is escaped by `SourceFile`.)
struct Alone<'a>(&'a dyn Diagnostic);

impl std::fmt::Debug for Alone<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::fmt::Display for Alone<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&escape::line(&self.0.to_string()))
    }
}

impl std::error::Error for Alone<'_> {}

/// Displayed text, escaped for one line of a terminal.
fn escaped<'b>(text: Box<dyn std::fmt::Display + 'b>) -> Box<dyn std::fmt::Display + 'b> {
    Box::new(escape::line(&text.to_string()).into_owned())
}

impl Diagnostic for Alone<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.code().map(escaped)
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.0.severity()
    }

    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.help().map(escaped)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let labels = self.0.labels()?.map(|l| {
            let text = l.label().map(|t| escape::line(t).into_owned());
            match l.primary() {
                true => LabeledSpan::new_primary_with_span(text, *l.inner()),
                false => LabeledSpan::new_with_span(text, *l.inner()),
            }
        });
        Some(Box::new(labels))
    }
}

pub fn render_human(checked: &Checked, opts: &HumanOptions) -> String {
    let mut out = render_problems(&checked.problems, opts);
    let shown: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| match f.severity {
            Severity::None => opts.show_passes,
            Severity::Note => opts.show_notes,
            _ => true,
        })
        .collect();
    out.push_str(&in_parallel(&shown, opts, |[handler, passes], f, out| {
        let handler = if f.outcome == Outcome::Pass {
            passes
        } else {
            handler
        };
        render_one(handler, &finding_report(f, checked), out)
    }));
    let handler = handler(opts);
    for issue in &checked.waiver_issues {
        render_one(&handler, &waiver_report(issue, checked), &mut out);
    }
    out.push_str(&super::outcome_table::render_outcome_table(checked));
    let folded = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Note)
        .count();
    if !opts.show_notes && folded > 0 {
        out.push_str(&format!(
            "{folded} findings at note level not shown (`--verbose` or `--min-level note` shows them)\n"
        ));
    }
    out.push_str(&unchecked_list(checked));
    out.push_str(&summary_line(checked));
    out
}

/// Renders `items` in order, in chunks on as many threads as there are cores: drawing
/// diagnostics is most of what a check of the bundled plans spends.
fn in_parallel<T: Sync>(
    items: &[T],
    opts: &HumanOptions,
    render: impl Fn(&[GraphicalReportHandler; 2], &T, &mut String) + Sync,
) -> String {
    let render_chunk = |chunk: &[T]| {
        let handlers = [handler(opts), pass_handler(opts)];
        let mut out = String::new();
        for item in chunk {
            render(&handlers, item, &mut out);
        }
        out
    };
    // On rayon's pool: all cores for one check, and no more than `--jobs` where sets are
    // checked at once (`check --scenarios`), each rendering on its own core.
    use rayon::prelude::*;
    let threads = rayon::current_num_threads();
    if threads == 1 || items.len() < 64 {
        return render_chunk(items);
    }
    let chunk = items.len().div_ceil(threads);
    let parts: Vec<String> = items.par_chunks(chunk).map(render_chunk).collect();
    parts.concat()
}

/// The targets no rule checked, a line each, so that none is dropped in silence.
fn unchecked_list(checked: &Checked) -> String {
    let mut out = String::new();
    if checked.unchecked.is_empty() {
        return out;
    }
    out.push_str("targets no rule checks:\n");
    for &(p, t) in &checked.unchecked {
        let plan = &checked.plans[p];
        let file = checked.sources.get(plan.file);
        let at = file.line_col(plan.targets[t].detail.site.span.offset());
        let mut what = checked.target_words(p, t);
        if plan.city.is_some() {
            what.push_str(&format!(
                " (the plan of {}: rules judge provinces' plans)",
                plan.name()
            ));
        }
        out.push_str(&format!(
            "  {}:{}:{}: {what}\n",
            escape::line(file.name()),
            at.line,
            at.column
        ));
    }
    out
}

fn summary_line(checked: &Checked) -> String {
    let s = checked.summary();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "checked {} against {}: {} pass, {} fail, {} undeclared, {} not checkable; benchmarks: {} reached, {} short; {}, {}, {}",
        plural(s.plans, "plan", "plans"),
        plural(s.rules, "rule", "rules"),
        s.pass,
        s.fail,
        s.undeclared,
        s.not_checkable,
        s.reaches_benchmark,
        s.short_of_benchmark,
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.notes, "note", "notes"),
    );
    if s.waived > 0 {
        line.push_str(&format!("; {} waived", s.waived));
    }
    let errors = checked.input_errors();
    if errors > 0 {
        line.push_str(&format!(
            "; {} in the input",
            plural(errors, "problem", "problems")
        ));
    }
    let unchecked = checked.unchecked.len();
    if unchecked > 0 {
        line.push_str(&format!(
            "; {} checked by no rule",
            plural(unchecked, "target", "targets")
        ));
    }
    let notes = checked.problems.len() - errors;
    if notes > 0 {
        line.push_str(&format!(
            "; {} on the input",
            plural(notes, "note", "notes")
        ));
    }
    line.push('\n');
    line
}
