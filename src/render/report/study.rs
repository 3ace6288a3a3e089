//! The report of a scenario study in the report's four formats: the rules across the sets,
//! then a row a set.

use std::fmt::Write;

use minijinja::{Environment, context};

use super::csv::{BOM, write};
use super::markdown::table;
use crate::render::escape::{self, markdown};
use crate::report::study::{RuleRow, SetRow, StudyReport};

pub(in crate::render) const RULE_HEADER: [&str; 7] = [
    "rule",
    "pass",
    "fail",
    "undecided",
    "benchmark reached",
    "short of benchmark",
    "tightest margin of a set: min, q1, median, q3, max",
];

const SET_HEADER: [&str; 9] = [
    "scenario",
    "plans",
    "pass",
    "fail",
    "undeclared",
    "not checkable",
    "benchmark reached",
    "short of benchmark",
    "waived",
];

/// What the outcomes of the sets mean, as each format says it.
pub(in crate::render) const NOTE: &str = "A set's outcome of a rule is the worst of its plans'; undecided: no plan outside the rule, some undeclared or not checkable. A set's tightest margin is its smallest; the spread is by nearest rank, so each figure is some set's, exactly.";

pub(in crate::render) fn rule_cells(r: &RuleRow) -> Vec<String> {
    let c = &r.sets;
    let counts = [
        c.pass,
        c.fail,
        c.undecided,
        c.reaches_benchmark,
        c.short_of_benchmark,
    ];
    let spread = r.tightest_margin.as_ref().map_or("-".into(), |s| {
        format!("{} {}", s.figures().join(", "), r.margin_unit)
    });
    let mut cells = vec![r.rule.clone()];
    cells.extend(counts.iter().map(usize::to_string));
    cells.push(spread);
    cells
}

fn set_cells(s: &SetRow) -> Vec<String> {
    let c = &s.counts;
    let counts = [
        s.plans,
        c.pass,
        c.fail,
        c.undeclared,
        c.not_checkable,
        c.reaches_benchmark,
        c.short_of_benchmark,
        c.waived,
    ];
    let mut cells = vec![s.scenario.clone()];
    cells.extend(counts.iter().map(usize::to_string));
    cells
}

pub fn render_study_markdown(report: &StudyReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", markdown(&report.title));
    let files: Vec<String> = report
        .rule_files
        .iter()
        .map(|f| format!("`{}` (sha256 {})", markdown(&f.name), &f.sha256[..12]))
        .collect();
    let _ = writeln!(
        out,
        "Made by {} on {}: {} plans in {} sets, against {}.\n",
        markdown(&report.tool),
        markdown(&report.generated),
        report.plans,
        report.sets.len(),
        files.join(", ")
    );
    let _ = writeln!(out, "## Rules across the sets\n\n{NOTE}\n");
    table(&mut out, &RULE_HEADER, report.rules.iter().map(rule_cells));
    let _ = writeln!(out, "## Sets\n");
    let sets = report.sets.iter().map(|s| {
        let mut cells = set_cells(s);
        cells[0] = markdown(&cells[0]).into_owned();
        cells
    });
    table(&mut out, &SET_HEADER, sets);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

pub fn render_study_json(report: &StudyReport) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("the report serialises");
    out.push('\n');
    out
}

/// One row a set (the rules across the sets are in the other formats); `bom` puts a UTF-8
/// byte order mark first, as the report's CSV does.
pub fn render_study_csv(report: &StudyReport, bom: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    write(&mut writer, SET_HEADER.map(|h| h.replace(' ', "_")));
    for set in &report.sets {
        // A name is one cell of one line: a newline in it is shown as `\n`, so that a row
        // is a line to the tools that read CSV line by line.
        let mut cells = set_cells(set);
        cells[0] = escape::line(&cells[0]).into_owned();
        write(&mut writer, cells);
    }
    let text = String::from_utf8(writer.into_inner().expect("flushing to memory"))
        .expect("CSV of UTF-8 text");
    if bom { format!("{BOM}{text}") } else { text }
}

pub fn render_study_html(report: &StudyReport) -> String {
    let mut env = Environment::new();
    env.add_template("study.html", include_str!("../../../templates/study.html"))
        .expect("the study template parses");
    let template = env.get_template("study.html").expect("just added");
    let rules: Vec<Vec<String>> = report.rules.iter().map(rule_cells).collect();
    // Names from the input show control and bidi characters as visible escapes; the
    // template escapes the rest for HTML.
    let sets: Vec<Vec<String>> = report
        .sets
        .iter()
        .map(|s| {
            let mut cells = set_cells(s);
            cells[0] = escape::text(&cells[0]).into_owned();
            cells
        })
        .collect();
    let mut out = template
        .render(context! {
            report => report,
            note => NOTE,
            rule_header => RULE_HEADER,
            set_header => SET_HEADER,
            rules => rules,
            sets => sets,
        })
        .expect("the study report renders");
    out.push('\n');
    out
}
