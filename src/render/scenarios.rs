//! The output of `check --scenarios`: each set's own output under its name, then what came
//! of each rule across the sets. Written a set at a time, as the sets are checked, so that
//! the output of a study never has to be held whole.

use serde::Serialize;

use super::json::{Document, JsonProblem, document, problem};
use super::{HumanOptions, escape, render_problems};
use crate::catalogue::{header, table};
use crate::check::Checked;
use crate::finding::exact;
use crate::model::RuleSet;
use crate::problem::Problem;
use crate::scenario::{Across, RuleAcross, SetOutcome, Spread};

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
    let mut rows = vec![header(&[
        "rule",
        "pass",
        "fail",
        "undecided",
        "benchmark reached",
        "short of benchmark",
        "tightest margin of a set: min, q1, median, q3, max",
    ])];
    rows.extend(across.rules.iter().map(|r| row(r, rules)));
    out.push_str(&table(&rows));
    out.push_str(
        "\nA set's outcome of a rule is its plans' worst; `undecided`: none outside, some undeclared or not checkable.\n",
    );
    out
}

fn row(entry: &RuleAcross, rules: &RuleSet) -> Vec<String> {
    let count = |o: SetOutcome| entry.count(o).to_string();
    let unit = margin_unit(entry, rules);
    let spread = entry.spread().map_or("-".into(), |s| {
        let figures = spread_figures(&s).map(|(_, d)| exact(d));
        format!("{} {unit}", figures.join(", "))
    });
    vec![
        Across::rule_id(rules, entry).to_string(),
        count(SetOutcome::Pass),
        count(SetOutcome::Fail),
        count(SetOutcome::Undecided),
        count(SetOutcome::ReachesBenchmark),
        count(SetOutcome::ShortOfBenchmark),
        spread,
    ]
}

fn margin_unit(entry: &RuleAcross, rules: &RuleSet) -> &'static str {
    let rule = &rules.rules[entry.rule];
    rules.requirement_unit(rule).difference().name()
}

fn spread_figures(s: &Spread) -> [(&'static str, rust_decimal::Decimal); 5] {
    [
        ("min", s.min),
        ("quartile1", s.quartile1),
        ("median", s.median),
        ("quartile3", s.quartile3),
        ("max", s.max),
    ]
}

fn plural(n: usize, word: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {word}{s}")
}

/// `check --scenarios --format json`: written in pieces, in the order of these fields.
#[derive(Serialize, schemars::JsonSchema)]
struct ScenariosDocument<'a> {
    version: u32,
    scenarios: Vec<ScenarioJson<'a>>,
    /// Input problems of no set: a path that could not be read, a record of no scenario.
    errors: Vec<JsonProblem>,
    across: AcrossJson<'a>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ScenarioJson<'a> {
    scenario: &'a str,
    /// The set's own `check --format json` document.
    check: Document<'a>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct AcrossJson<'a> {
    sets: usize,
    plans: usize,
    sets_with_input_errors: usize,
    rules: Vec<RuleAcrossJson<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct RuleAcrossJson<'a> {
    rule: &'a str,
    /// Sets by their outcome of the rule (the worst of their plans').
    sets: SetCounts,
    margin_unit: &'static str,
    /// How the sets' tightest margins are spread, by nearest rank; `null` when no set had
    /// a margin.
    tightest_margin: Option<SpreadJson>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct SetCounts {
    pass: usize,
    reaches_benchmark: usize,
    undecided: usize,
    short_of_benchmark: usize,
    fail: usize,
}

#[derive(Serialize, schemars::JsonSchema)]
struct SpreadJson {
    min: String,
    quartile1: String,
    median: String,
    quartile3: String,
    max: String,
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

fn across_json<'a>(across: &Across, rules: &'a RuleSet) -> AcrossJson<'a> {
    let entry = |r: &RuleAcross| RuleAcrossJson {
        rule: Across::rule_id(rules, r),
        sets: SetCounts {
            pass: r.count(SetOutcome::Pass),
            reaches_benchmark: r.count(SetOutcome::ReachesBenchmark),
            undecided: r.count(SetOutcome::Undecided),
            short_of_benchmark: r.count(SetOutcome::ShortOfBenchmark),
            fail: r.count(SetOutcome::Fail),
        },
        margin_unit: margin_unit(r, rules),
        tightest_margin: r.spread().map(|s| {
            let [min, quartile1, median, quartile3, max] =
                spread_figures(&s).map(|(_, d)| exact(d));
            SpreadJson {
                min,
                quartile1,
                median,
                quartile3,
                max,
            }
        }),
    };
    AcrossJson {
        sets: across.sets,
        plans: across.plans,
        sets_with_input_errors: across.sets_with_input_errors,
        rules: across.rules.iter().map(entry).collect(),
    }
}

/// `text` with every line but the first indented by `by` spaces, to sit inside a document.
fn indented(text: &str, by: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}
