//! Step six: rendering. Findings and problems become text for people or for machines;
//! nothing here judges anything again.

pub(crate) mod ci;
mod concise;
mod diagnostic;
pub mod escape;
mod extract;
mod github;
mod human;
mod json;
mod junit;
mod lint;
mod outcome_table;
mod report;
mod ruletest;
pub(crate) mod sarif;
mod scenarios;

pub use ci::{CiLevel, CiReport, check_report, lint_report};
pub use concise::render_concise;
pub use diagnostic::{Report, finding_report, waiver_report};
pub use extract::{render_extracted_json, render_extracted_plan};
pub use github::{render_github, render_github_scenario, render_step_summary};
pub use human::{HumanOptions, render_human, render_problems};
pub use json::render_json;
pub use junit::{
    render_check_junit, render_junit_problems, render_junit_scenarios_around, render_lint_junit,
    render_scenario_junit, render_tests_junit,
};
pub use lint::{LintSummary, render_lint_human, render_lint_json};
pub use report::{
    render_report_csv, render_report_html, render_report_json, render_report_markdown,
    render_study_csv, render_study_html, render_study_json, render_study_markdown,
};
pub use ruletest::{render_tests_human, render_tests_json};
pub use sarif::{SarifLinks, render_sarif, render_sarif_log_around, render_sarif_run};
pub use scenarios::{
    render_across_human, render_across_step_summary, render_scenario_heading, render_scenario_json,
    render_scenarios_json_end, render_scenarios_json_start,
};

/// The JSON Schema of each JSON output, by the file it is kept in under `schemas/`: made from
/// the types the output is written from, so the two cannot drift apart.
pub fn json_schemas() -> Vec<(&'static str, String)> {
    let report = schemars::schema_for!(crate::report::Report);
    let schemas = [
        ("check.schema.json", json::check_schema()),
        ("lint.schema.json", lint::lint_schema()),
        ("test.schema.json", ruletest::test_schema()),
        ("report.schema.json", report),
        ("scenarios.schema.json", scenarios::scenarios_schema()),
        (
            "study.schema.json",
            schemars::schema_for!(crate::report::study::StudyReport),
        ),
    ];
    schemas
        .into_iter()
        .map(|(name, mut schema)| {
            let command = match name.trim_end_matches(".schema.json") {
                "scenarios" => "check --scenarios",
                "study" => "report --scenarios",
                command => command,
            };
            let title = format!("plancheck {command} --format json, version 1");
            schema.insert("title".into(), title.into());
            let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
            text.push('\n');
            (name, text)
        })
        .collect()
}

/// `1 set`, `2 sets`: a count and a regular English noun.
fn plural(n: usize, word: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {word}{s}")
}
