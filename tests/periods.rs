//! Five-year-plan periods: a rule file states its period, a plan states its own (or its
//! issue date tells), and a plan is judged by the rules of its period only.

use plancheck::check::{Checked, check, check_in_period};
use plancheck::finding::Outcome;
use plancheck::source::SourceFile;

mod common;
use common::{code, plancheck, stdout};

const FOURTEENTH: &str = r#"
period 14th
indicator co2_intensity_cut { unit % baseline required }
indicator energy_intensity_cut { unit % baseline required }
rule OLD "by 2030 from 2005" { kind floor require co2_intensity_cut by 2030 from 2005 >= 65 % }
rule EI "decrease dramatically" { kind benchmark require energy_intensity_cut by 2030 qualitative "decrease dramatically" }
"#;

const FIFTEENTH: &str = r#"
period 15th
rule NEW "by 2030 from 2025" { kind floor require co2_intensity_cut by 2030 from 2025 >= 17 % }
"#;

fn run(plan: &str, period: Option<plancheck::ast::PlanPeriod>) -> Checked {
    run_file("p.plan", plan, period)
}

fn run_file(name: &str, plan: &str, period: Option<plancheck::ast::PlanPeriod>) -> Checked {
    let rules = vec![
        SourceFile::new("a.rules", FOURTEENTH),
        SourceFile::new("b.rules", FIFTEENTH),
    ];
    let plans = vec![SourceFile::new(name, plan)];
    let day = time::macros::date!(2026 - 12 - 02);
    let checked = check_in_period(rules, plans, Vec::new(), day, period, &mut || {});
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    checked
}

/// The rules that gave a finding, in rule order.
fn judged_by(checked: &Checked) -> Vec<&str> {
    let rules = checked.rules.as_ref().unwrap();
    checked
        .findings
        .iter()
        .map(|f| rules.rules[f.rule].id.as_str())
        .collect()
}

#[test]
fn a_plan_is_judged_by_the_rules_of_its_own_period() {
    let old = run("province Shandong\nperiod 14th\n", None);
    assert_eq!(judged_by(&old), ["OLD", "EI"]);
    let new = run(
        "province Shandong\nperiod 15th\ntarget co2_intensity_cut by 2030 from 2025 { value 17 % }\n",
        None,
    );
    assert_eq!(judged_by(&new), ["NEW"], "a 2030 target of the 15th plan");
    assert_eq!(new.findings[0].outcome, Outcome::Pass);
}

#[test]
fn the_issue_date_tells_the_period_and_nothing_else_guesses() {
    let issued = run("province Shandong\nissued 2022-09-30\n", None);
    assert_eq!(
        judged_by(&issued),
        ["OLD", "EI"],
        "a plan issued in 2022 is a 14th-period plan, 2030 targets and all"
    );
    let only_2030 = run(
        "province Shandong\ntarget co2_intensity_cut by 2030 from 2005 { value 65 % }\n",
        None,
    );
    assert_eq!(
        judged_by(&only_2030),
        ["OLD", "EI", "NEW"],
        "with no period stated and no date, no rule is skipped"
    );
}

#[test]
fn a_period_can_be_chosen_for_a_run() {
    let plan = "province Shandong\n";
    let p15 = Some(plancheck::ast::PlanPeriod::Fifteenth);
    assert_eq!(judged_by(&run(plan, p15)), ["NEW"]);
    assert_eq!(run(plan, p15).summary().rules, 1);
    let output = plancheck(&["check", "--period", "15th", "--format", "json"]);
    assert_eq!(code(&output), 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["summary"]["rules"], 1, "only the 15th-period rule file");
    let bad = plancheck(&["check", "--period", "13th"]);
    assert_eq!(code(&bad), 2, "an unknown period is a usage error");
}

#[test]
fn a_qualitative_requirement_needs_no_invented_baseline() {
    let checked = run(
        "province Shandong\nperiod 14th\ntarget energy_intensity_cut by 2030 from 2025 { value 20 % }\n",
        None,
    );
    let rules = checked.rules.as_ref().unwrap();
    let ei = checked
        .findings
        .iter()
        .find(|f| rules.rules[f.rule].id == "EI")
        .unwrap();
    assert_eq!(rules.rules[ei.rule].requirement.baseline, None);
    assert_eq!(ei.outcome, Outcome::NotCheckable);
    assert!(ei.message.contains("20 %"), "{}", ei.message);
}

#[test]
fn an_unknown_period_points_at_its_word() {
    for (name, text) in [
        ("p.plan", "province Shandong\nperiod 13th\n"),
        (
            "p.json",
            r#"{"province": "Shandong", "period": "13th", "targets": []}"#,
        ),
    ] {
        let checked = check(
            vec![SourceFile::new("a.rules", FOURTEENTH)],
            vec![SourceFile::new(name, text)],
            Vec::new(),
            time::macros::date!(2026 - 12 - 02),
        );
        let problem = checked.problems.first().expect("a problem");
        let text = format!("{problem:?}");
        assert!(text.contains("PC114") && text.contains("13th"), "{text}");
    }
    let checked = check(
        vec![SourceFile::new("a.rules", "period 14th\nperiod 15th\n")],
        Vec::new(),
        Vec::new(),
        time::macros::date!(2026 - 12 - 02),
    );
    assert!(
        format!("{:?}", checked.problems).contains("PC109"),
        "a period given twice: {:?}",
        checked.problems
    );
}

#[test]
fn a_json_plan_states_its_period() {
    let json = r#"{"province": "Shandong", "period": "15th", "targets": []}"#;
    let checked = run_file("p.json", json, None);
    assert_eq!(judged_by(&checked), ["NEW"]);
}

/// A sum of one period counts only the plans of that period: a province whose plan is of
/// the other period has no plan for it, not a plan that declares nothing.
#[test]
fn a_plan_of_another_period_is_no_plan_for_a_sum() {
    let plan = |period: &str| {
        format!(
            "province \"Hebei\"\nperiod {period}\ntarget wind_solar_capacity by 2030 {{\n    value 10000 万kW\n}}\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hebei.plan");
    let sum = |text: String| {
        std::fs::write(&path, text).unwrap();
        let output = plancheck(&["check", path.to_str().unwrap(), "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let findings = doc["findings"].as_array().unwrap().clone();
        findings
            .into_iter()
            .find(|f| f["rule"] == "WS-2030")
            .unwrap()
    };
    let other = sum(plan("15th"));
    assert_eq!(other["contributors"].as_array().unwrap().len(), 0);
    assert_eq!(other["without_plan"].as_array().unwrap().len(), 31);
    let message = other["message"].as_str().unwrap();
    assert!(
        message.ends_with("31 provinces have no plan of the 14th period in this run"),
        "{message}"
    );
    let own = sum(plan("14th"));
    assert_eq!(own["contributors"].as_array().unwrap().len(), 1);
    assert_eq!(own["without_plan"].as_array().unwrap().len(), 30);
}
