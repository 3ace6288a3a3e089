//! Properties of evaluation at scale: the compiled program agrees with the full evaluator,
//! the order of plans and files does not change any verdict, and unit conversion is exact.

use std::collections::BTreeMap;
use std::str::FromStr;

use plancheck::check::check;
use plancheck::eval::{Brief, evaluate};
use plancheck::model::{Plan, RuleSet};
use plancheck::source::SourceFile;
use plancheck::units::Unit;
use plancheck::{bundled, workload};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Every finding of the full evaluator, in brief.
fn briefs_of_evaluate(rules: &RuleSet, plans: &[Plan]) -> Vec<Brief> {
    evaluate(rules, plans)
        .iter()
        .map(|f| Brief {
            rule: f.rule as u32,
            plan: f.plan.map(|p| p as u32),
            outcome: f.outcome,
            severity: f.severity,
        })
        .collect()
}

fn briefs_of_run(rules: &RuleSet, plans: &[Plan]) -> Vec<Brief> {
    let mut briefs = Vec::new();
    plancheck::eval::Program::compile(rules).run(plans, |b| briefs.push(b));
    briefs
}

#[test]
fn the_program_agrees_with_the_evaluator_on_the_bundled_plans() {
    let plans = bundled::plan_files();
    assert!(plans.len() >= 31, "a plan for every province");
    let checked = check(
        bundled::rule_files(),
        plans,
        Vec::new(),
        time::macros::date!(2026 - 01 - 01),
    );
    let rules = checked.rules.as_ref().unwrap();
    let briefs = briefs_of_run(rules, &checked.plans);
    assert_eq!(briefs.len(), checked.findings.len());
    assert_eq!(briefs, briefs_of_evaluate(rules, &checked.plans));
}

/// What each plan-rule pair came to, keyed by province and rule: the same whatever the
/// order the plans came in.
fn verdicts(checked: &plancheck::check::Checked) -> BTreeMap<(Option<String>, String), String> {
    let rules = checked.rules.as_ref().unwrap();
    checked
        .findings
        .iter()
        .map(|f| {
            let province = f
                .plan
                .map(|p| checked.plans[p].province.english().to_string());
            let rule = rules.rules[f.rule].id.clone();
            let what = format!("{:?} {:?} {}", f.outcome, f.severity, f.message);
            ((province, rule), what)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_program_agrees_with_the_evaluator(n in 1usize..120, seed in any::<u64>()) {
        let (rules, plans) = workload::load_bundled(n, seed);
        prop_assert_eq!(briefs_of_run(&rules, &plans), briefs_of_evaluate(&rules, &plans));
    }

    #[test]
    fn verdicts_do_not_depend_on_file_order(seed in any::<u64>(), shuffle in any::<u64>()) {
        let files = bundled::plan_files();
        let mut shuffled = files.clone();
        fastrand::Rng::with_seed(shuffle).shuffle(&mut shuffled);
        let today = time::macros::date!(2026 - 01 - 01);
        let a = check(bundled::rule_files(), files, Vec::new(), today);
        let b = check(bundled::rule_files(), shuffled, Vec::new(), today);
        prop_assert_eq!(verdicts(&a), verdicts(&b));
        // Generated plans too, one per province so that no plan is a duplicate.
        let generated: Vec<SourceFile> = workload::generate(31, seed)
            .iter()
            .enumerate()
            .map(|(i, p)| SourceFile::new(format!("g{i}.plan"), workload::plan_text(p)))
            .collect();
        let mut shuffled = generated.clone();
        fastrand::Rng::with_seed(shuffle).shuffle(&mut shuffled);
        let a = check(bundled::rule_files(), generated, Vec::new(), today);
        let b = check(bundled::rule_files(), shuffled, Vec::new(), today);
        prop_assert!(a.problems.is_empty());
        prop_assert_eq!(verdicts(&a), verdicts(&b));
    }

    #[test]
    fn converting_to_base_units_and_back_is_exact(
        mantissa in -10_000_000_000i64..10_000_000_000,
        scale in 0u32..8,
    ) {
        let value = Decimal::new(mantissa, scale);
        for unit in Unit::ALL {
            let base = unit.to_base(value).expect("in range");
            prop_assert_eq!(unit.from_base(base), value, "{} {}", value, unit.name());
            prop_assert_eq!(Unit::parse(unit.name()), Some(unit));
        }
    }
}

#[test]
fn conversions_compare_as_the_domain_says() {
    let d = |s| Decimal::from_str(s).unwrap();
    let kw = |v, unit: Unit| unit.to_base(d(v)).unwrap();
    assert_eq!(
        kw("1.2", Unit::parse("亿kW").unwrap()),
        kw("12000", Unit::parse("万kW").unwrap())
    );
    assert_eq!(
        kw("5400", Unit::parse("万kW").unwrap()),
        kw("54", Unit::parse("GW").unwrap())
    );
    assert_eq!(
        kw("1", Unit::parse("GW").unwrap()),
        kw("1000", Unit::parse("MW").unwrap())
    );
}
