//! The output of `check --scenarios`: each set's own output under its name, then what came
//! of each rule across the sets. Written a set at a time, as the sets are checked, so that
//! the output of a study never has to be held whole.

use serde::Serialize;

use super::json::{Document, JsonProblem, document, problem};
use super::report::study::{NOTE, RULE_HEADER, rule_cells};
use super::{HumanOptions, escape, plural, render_problems};
use crate::catalogue::{header, table};
use crate::check::Checked;
use crate::model::RuleSet;
use crate::problem::Problem;
use crate::report::study::{RuleRow, rule_rows};
use crate::scenario::Across;

/// The line a set's human output starts with.
pub fn render_scenario_heading(name: &str, checked: &Checked) -> String {
    let plans = checked.plans.len();
    let s = if plans == 1 { "" } else { "s" };
    format!("══ scenario {}: {plans} plan{s} ══\n\n", escape::line(name))
}

/// What came of each rule across the sets, as a table, after the problems of no set.
pub fn render_across_human(
    across: &Across,
    rules: &RuleSet,
    problems: &[Problem],
    opts: &HumanOptions,
) -> String {
    let mut out = render_problems(problems, opts);
    let sets = plural(across.sets, "set");
    out.push_str(&format!(
        "══ across {sets} ({}) ══\n\n",
        plural(across.plans, "plan")
    ));
    if across.sets_with_input_errors > 0 {
        let bad = plural(across.sets_with_input_errors, "set");
        out.push_str(&format!("{bad} with input that could not be read\n\n"));
    }
    let mut rows = vec![header(&RULE_HEADER)];
    rows.extend(rule_rows(across, rules).iter().map(rule_cells));
    match rows.len() {
        1 => out.push_str("no rule judged a plan in any set\n"),
        _ => out.push_str(&table(&rows)),
    }
    out.push_str(&format!("\n{NOTE}\n"));
    out
}

/// The Markdown a job's summary page shows for `check --scenarios --format github`: what
/// came of each rule across the sets (each set's own table would bury it).
pub fn render_across_step_summary(across: &Across, rules: &RuleSet) -> String {
    let mut out = format!(
        "### plancheck check --scenarios\n\n{} ({})\n\n",
        plural(across.sets, "set"),
        plural(across.plans, "plan")
    );
    if across.sets_with_input_errors > 0 {
        let bad = plural(across.sets_with_input_errors, "set");
        out.push_str(&format!("{bad} with input that could not be read\n\n"));
    }
    super::report::markdown_table(
        &mut out,
        &RULE_HEADER,
        rule_rows(across, rules).iter().map(rule_cells),
    );
    out.push_str(&format!("{NOTE}\n"));
    out
}

/// `check --scenarios --format json`: written in pieces, in the order of these fields.
#[derive(Serialize, schemars::JsonSchema)]
struct ScenariosDocument<'a> {
    version: u32,
    scenarios: Vec<ScenarioJson<'a>>,
    /// Input problems of no set: a path that could not be read, a record of no scenario.
    errors: Vec<JsonProblem>,
    across: AcrossJson,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ScenarioJson<'a> {
    scenario: &'a str,
    /// The set's own `check --format json` document.
    check: Document<'a>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct AcrossJson {
    sets: usize,
    plans: usize,
    sets_with_input_errors: usize,
    rules: Vec<RuleRow>,
}

pub(super) fn scenarios_schema() -> schemars::Schema {
    schemars::schema_for!(ScenariosDocument<'static>)
}

/// The start of the JSON document, before the first set.
pub fn render_scenarios_json_start() -> String {
    "{\n  \"version\": 1,\n  \"scenarios\": [".into()
}

/// One set's entry in the list of scenarios; entries after the first need a comma before.
pub fn render_scenario_json(name: &str, checked: &Checked) -> String {
    let entry = ScenarioJson {
        scenario: name,
        check: document(checked),
    };
    let text = serde_json::to_string_pretty(&entry).expect("findings serialise");
    format!("\n    {}", indented(&text, 4))
}

/// The end of the JSON document: the problems of no set, and the sets added up.
pub fn render_scenarios_json_end(across: &Across, rules: &RuleSet, problems: &[Problem]) -> String {
    let errors: Vec<JsonProblem> = problems.iter().map(problem).collect();
    let errors = serde_json::to_string_pretty(&errors).expect("problems serialise");
    let across = serde_json::to_string_pretty(&across_json(across, rules)).expect("serialises");
    format!(
        "\n  ],\n  \"errors\": {},\n  \"across\": {}\n}}\n",
        indented(&errors, 2),
        indented(&across, 2)
    )
}

fn across_json(across: &Across, rules: &RuleSet) -> AcrossJson {
    AcrossJson {
        sets: across.sets,
        plans: across.plans,
        sets_with_input_errors: across.sets_with_input_errors,
        rules: rule_rows(across, rules),
    }
}

/// `text` with every line but the first indented by `by` spaces, to sit inside a document.
pub(super) fn indented(text: &str, by: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}
