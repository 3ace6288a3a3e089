//! The meaning of rules, end to end through the library: each kind of requirement, scope,
//! stand-in and aggregate on small plans written for the case.

use plancheck::check::{Checked, check};
use plancheck::finding::{Finding, Outcome, Reason, Severity};
use plancheck::source::SourceFile;

/// Indicators and a source shared by the rule files below.
const PRELUDE: &str = r#"
source seed { title "the seed report" }
indicator non_fossil_share { unit % baseline none ambition higher }
indicator renewable_share { unit % baseline none ambition higher resembles non_fossil_share }
indicator forest_coverage { unit % ambition higher }
indicator tree_cover { unit % resembles forest_coverage }
indicator co2_intensity_cut { unit % baseline required }
indicator wind_solar_capacity { unit 万kW }
indicator forest_stock { unit 亿m3 }
indicator co2_peak_year { unit year ambition earlier }
"#;

fn run(rules: &str, plans: &[(&str, &str)]) -> Checked {
    let rules = vec![SourceFile::new("test.rules", format!("{PRELUDE}{rules}"))];
    let plans = plans
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect();
    let checked = check(
        rules,
        plans,
        Vec::new(),
        time::macros::date!(2026 - 11 - 29),
    );
    assert!(
        checked.problems.is_empty(),
        "unexpected problems: {:?}",
        checked.problems
    );
    checked
}

fn finding<'a>(checked: &'a Checked, rule: &str, province: Option<&str>) -> &'a Finding {
    let rules = checked.rules.as_ref().unwrap();
    checked
        .findings
        .iter()
        .find(|f| rules.rules[f.rule].id == rule && f.province.map(|p| p.english()) == province)
        .unwrap_or_else(|| panic!("no finding for {rule} and {province:?}"))
}

fn plan(province: &str, targets: &str) -> String {
    format!("province {province}\n{targets}\n")
}

#[test]
fn a_floor_missed_is_an_error_with_its_margin_in_the_rules_unit() {
    let rules = r#"rule CO2 "more than 65 % from 2005" {
        kind floor
        require co2_intensity_cut by 2030 from 2005 > 65 %
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan(
                    "Tianjin",
                    "target co2_intensity_cut by 2030 from 2005 { value 60 % }",
                ),
            ),
            (
                "b.plan",
                &plan(
                    "Shanghai",
                    "target co2_intensity_cut by 2030 from 2005 { value 70 % }",
                ),
            ),
            (
                "c.plan",
                &plan(
                    "Jilin",
                    "target co2_intensity_cut by 2030 from 2005 { value 65 % }",
                ),
            ),
            (
                "d.plan",
                &plan(
                    "Fujian",
                    "target co2_intensity_cut by 2030 from 2005 { value more_than 65 % }",
                ),
            ),
        ],
    );
    let tianjin = finding(&checked, "CO2", Some("Tianjin"));
    assert_eq!(
        (tianjin.outcome, tianjin.severity),
        (Outcome::Fail, Severity::Error)
    );
    assert_eq!(tianjin.margin.unwrap().to_string(), "-5");
    assert!(
        tianjin.message.contains("missed by 5 pp"),
        "{}",
        tianjin.message
    );
    let shanghai = finding(&checked, "CO2", Some("Shanghai"));
    assert_eq!(
        (shanghai.outcome, shanghai.severity),
        (Outcome::Pass, Severity::None)
    );
    let jilin = finding(&checked, "CO2", Some("Jilin"));
    assert_eq!(jilin.outcome, Outcome::Fail, "65 is not more than 65");
    assert!(
        jilin.message.contains("the bound itself is excluded"),
        "{}",
        jilin.message
    );
    assert_eq!(
        finding(&checked, "CO2", Some("Fujian")).outcome,
        Outcome::Pass
    );
}

#[test]
fn undeclared_by_reference_and_other_baselines_are_never_passes() {
    let rules = r#"rule CO2 "cut from 2005" {
        kind floor
        undeclared warning
        require co2_intensity_cut by 2030 from 2005 > 65 %
    }"#;
    let checked = run(
        rules,
        &[
            ("a.plan", &plan("Hebei", "")),
            (
                "b.plan",
                &plan(
                    "Liaoning",
                    "target co2_intensity_cut by 2030 from 2005 { value by_reference }",
                ),
            ),
            (
                "c.plan",
                &plan(
                    "Gansu",
                    "target co2_intensity_cut by 2030 from 2020 { value 70 % }",
                ),
            ),
        ],
    );
    let hebei = finding(&checked, "CO2", Some("Hebei"));
    assert_eq!(
        (hebei.outcome, hebei.severity),
        (Outcome::Undeclared, Severity::Warning)
    );
    let liaoning = finding(&checked, "CO2", Some("Liaoning"));
    assert_eq!(liaoning.outcome, Outcome::NotCheckable);
    assert_eq!(liaoning.reason, Some(Reason::ByReference));
    assert!(
        liaoning.message.contains("by reference"),
        "{}",
        liaoning.message
    );
    let gansu = finding(&checked, "CO2", Some("Gansu"));
    assert_eq!(gansu.outcome, Outcome::NotCheckable);
    assert_eq!(
        gansu.reason,
        Some(Reason::BaselineMismatch {
            declared: Some(2020)
        })
    );
    assert!(gansu.message.contains("from 2020"), "{}", gansu.message);
    assert_eq!(
        gansu.margin, None,
        "a cut from 2020 is not compared with one from 2005"
    );
}

#[test]
fn around_is_one_sided_with_a_note_inside_the_tolerance() {
    let rules = r#"rule NF "around 20" {
        kind benchmark
        severity warning
        require non_fossil_share by 2025 around 20 % within 1 pp
    }"#;
    let cases = [
        ("Qinghai", "52.2", Outcome::ReachesBenchmark, Severity::None),
        ("Shanghai", "20", Outcome::ReachesBenchmark, Severity::None),
        ("Guizhou", "19.5", Outcome::ReachesBenchmark, Severity::Note),
        ("Jiangsu", "19", Outcome::ReachesBenchmark, Severity::Note),
        ("Shanxi", "12", Outcome::ShortOfBenchmark, Severity::Warning),
    ];
    let plans: Vec<(String, String)> = cases
        .iter()
        .map(|(p, v, ..)| {
            let text = plan(
                p,
                &format!("target non_fossil_share by 2025 {{ value around {v} % }}"),
            );
            (format!("{p}.plan"), text)
        })
        .collect();
    let plans: Vec<(&str, &str)> = plans
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let checked = run(rules, &plans);
    for (province, _, outcome, severity) in cases {
        let f = finding(&checked, "NF", Some(province));
        assert_eq!(
            (f.outcome, f.severity),
            (outcome, severity),
            "{province}: {}",
            f.message
        );
    }
    let guizhou = finding(&checked, "NF", Some("Guizhou"));
    assert!(guizhou.within_tolerance);
    assert_eq!(guizhou.margin.unwrap().to_string(), "-0.5");
    assert!(
        guizhou.message.contains("within the tolerance"),
        "{}",
        guizhou.message
    );
}

#[test]
fn an_at_least_target_is_judged_by_what_it_commits_to() {
    let rules = r#"rule NF "around 20" {
        kind benchmark
        require non_fossil_share by 2025 around 20 % within 1 pp
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan(
                    "Tianjin",
                    "target non_fossil_share by 2025 { value at_least 11.7 % }",
                ),
            ),
            (
                "b.plan",
                &plan(
                    "Hainan",
                    "target non_fossil_share by 2025 { value at_least 22 % }",
                ),
            ),
        ],
    );
    let tianjin = finding(&checked, "NF", Some("Tianjin"));
    assert_eq!(tianjin.outcome, Outcome::ShortOfBenchmark);
    assert_eq!(tianjin.margin.unwrap().to_string(), "-8.3");
    assert_eq!(
        finding(&checked, "NF", Some("Hainan")).outcome,
        Outcome::ReachesBenchmark
    );
}

#[test]
fn stand_ins_are_named_and_a_lower_bound_never_fails() {
    let rules = r#"
    rule NF25 "around 20" {
        kind benchmark
        require non_fossil_share by 2025 around 20 % within 1 pp
        accept renewable_share as lower_bound
    }
    rule NF30 "around 25" {
        kind benchmark
        require non_fossil_share by 2030 around 25 % within 1 pp
        accept renewable_share as lower_bound
    }
    rule FC "forest coverage" {
        kind benchmark
        require forest_coverage by 2025 >= 24.1 %
    }"#;
    let beijing = plan(
        "Beijing",
        "target renewable_share by 2025 { value at_least 14.4 % }
         target renewable_share by 2030 { value around 25 % }",
    );
    let jiangsu = plan("Jiangsu", "target tree_cover by 2025 { value 24.1 % }");
    let checked = run(
        rules,
        &[("beijing.plan", &beijing), ("jiangsu.plan", &jiangsu)],
    );

    let short = finding(&checked, "NF25", Some("Beijing"));
    assert_eq!(short.outcome, Outcome::NotCheckable, "{}", short.message);
    assert_eq!(short.reason, Some(Reason::StandInShort));
    assert!(
        short.message.contains("renewable_share"),
        "{}",
        short.message
    );

    let enough = finding(&checked, "NF30", Some("Beijing"));
    assert_eq!(
        enough.outcome,
        Outcome::ReachesBenchmark,
        "{}",
        enough.message
    );
    assert!(enough.stand_in.is_some());
    assert!(
        enough.message.contains("by `renewable_share`"),
        "{}",
        enough.message
    );

    let tree = finding(&checked, "FC", Some("Jiangsu"));
    assert_eq!(
        tree.outcome,
        Outcome::Undeclared,
        "tree cover is not forest coverage"
    );
    assert!(tree.message.contains("`tree_cover`"), "{}", tree.message);
    assert!(tree.message.contains("does not accept"), "{}", tree.message);
}

#[test]
fn an_equivalent_stand_in_is_judged_like_the_indicator_itself() {
    let rules = r#"rule FC "forest coverage" {
        kind benchmark
        require forest_coverage by 2025 >= 24.1 %
        accept tree_cover as equivalent
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan("Jiangsu", "target tree_cover by 2025 { value 24.1 % }"),
            ),
            (
                "b.plan",
                &plan("Hebei", "target tree_cover by 2025 { value 20 % }"),
            ),
        ],
    );
    assert_eq!(
        finding(&checked, "FC", Some("Jiangsu")).outcome,
        Outcome::ReachesBenchmark
    );
    let hebei = finding(&checked, "FC", Some("Hebei"));
    assert_eq!(
        hebei.outcome,
        Outcome::ShortOfBenchmark,
        "an equivalent can fail, unlike a lower bound"
    );
    assert!(hebei.message.contains("an equivalent"), "{}", hebei.message);
}

const WIND_SOLAR: &str = r#"rule WS "1.2 billion kW" {
    kind aggregate
    scope sum of every province, missing counts as unknown
    require wind_solar_capacity by 2030 > 12 亿kW
}
rule WS-ZERO "1.2 billion kW, nothing counts as zero" {
    kind aggregate
    scope sum of [Zhejiang, Fujian], missing counts as zero
    require wind_solar_capacity by 2030 > 12 亿kW
}"#;

#[test]
fn an_aggregate_short_with_provinces_missing_is_not_enough_data() {
    let checked = run(
        WIND_SOLAR,
        &[
            (
                "zj.plan",
                &plan(
                    "Zhejiang",
                    "target wind_solar_capacity by 2030 { value 5400 万kW }",
                ),
            ),
            (
                "fj.plan",
                &plan(
                    "Fujian",
                    "target wind_solar_capacity by 2030 { value at_least 2000 万kW }",
                ),
            ),
        ],
    );
    let sum = finding(&checked, "WS", None);
    assert_eq!(sum.outcome, Outcome::NotCheckable);
    assert_eq!(sum.reason, Some(Reason::NotEnoughData));
    assert_eq!(sum.contributors.len(), 2);
    assert_eq!(sum.missing.len(), 29);
    assert_eq!(sum.value.unwrap().to_string(), "0.74", "7400 万kW in 亿kW");
    assert_eq!(sum.margin.unwrap().to_string(), "-11.26");
    let closed = finding(&checked, "WS-ZERO", None);
    assert_eq!(closed.outcome, Outcome::Fail, "{}", closed.message);
    assert!(
        closed.message.contains("missed by 11.26 亿kW"),
        "{}",
        closed.message
    );
}

#[test]
fn an_aggregate_passes_once_the_declared_sum_exceeds_whatever_is_missing() {
    let checked = run(
        WIND_SOLAR,
        &[
            (
                "zj.plan",
                &plan(
                    "Zhejiang",
                    "target wind_solar_capacity by 2030 { value 800 GW }",
                ),
            ),
            (
                "fj.plan",
                &plan(
                    "Fujian",
                    "target wind_solar_capacity by 2030 { value 400000 MW }",
                ),
            ),
        ],
    );
    // 800 GW + 400000 MW is exactly 1200 GW, which is not more than 12 亿kW; the missing
    // provinces could still lift it over.
    let open = finding(&checked, "WS", None);
    assert_eq!(open.outcome, Outcome::NotCheckable);
    assert_eq!(open.value.unwrap().to_string(), "12");
    assert_eq!(open.reason, Some(Reason::NotEnoughData));
    let closed = finding(&checked, "WS-ZERO", None);
    assert_eq!(closed.outcome, Outcome::Fail, "{}", closed.message);
    assert!(
        closed.message.contains("the bound itself is excluded"),
        "{}",
        closed.message
    );

    let more = run(
        WIND_SOLAR,
        &[(
            "zj.plan",
            &plan(
                "Zhejiang",
                "target wind_solar_capacity by 2030 { value 120001 万kW }",
            ),
        )],
    );
    assert_eq!(finding(&more, "WS", None).outcome, Outcome::Pass);
}

#[test]
fn a_peak_in_2030_is_a_peak_by_2030() {
    let rules = r#"rule PEAK "peak by 2030" {
        kind floor
        require co2_peak_year no later than 2030
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan("Beijing", "target co2_peak_year { value 2030 }"),
            ),
            (
                "b.plan",
                &plan("Tianjin", "target co2_peak_year { value around 2028 year }"),
            ),
            (
                "c.plan",
                &plan("Hebei", "target co2_peak_year { value 2031 年 }"),
            ),
        ],
    );
    assert_eq!(
        finding(&checked, "PEAK", Some("Beijing")).outcome,
        Outcome::Pass
    );
    let tianjin = finding(&checked, "PEAK", Some("Tianjin"));
    assert_eq!(tianjin.outcome, Outcome::Pass);
    assert!(
        tianjin.message.contains("2 years to spare"),
        "{}",
        tianjin.message
    );
    let hebei = finding(&checked, "PEAK", Some("Hebei"));
    assert_eq!(
        (hebei.outcome, hebei.severity),
        (Outcome::Fail, Severity::Error)
    );
    assert!(
        hebei.message.contains("missed by 1 year"),
        "{}",
        hebei.message
    );
}

#[test]
fn between_and_equality() {
    let rules = r#"
    rule RANGE "between" {
        kind benchmark
        require forest_coverage by 2030 between 20 % and 30 %
    }
    rule EQ "exactly" {
        kind benchmark
        require forest_coverage by 2030 == 25 %
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan("Beijing", "target forest_coverage by 2030 { value 25 % }"),
            ),
            (
                "b.plan",
                &plan("Tianjin", "target forest_coverage by 2030 { value 31 % }"),
            ),
        ],
    );
    assert_eq!(
        finding(&checked, "RANGE", Some("Beijing"))
            .margin
            .unwrap()
            .to_string(),
        "5"
    );
    assert_eq!(
        finding(&checked, "EQ", Some("Beijing")).outcome,
        Outcome::ReachesBenchmark
    );
    let over = finding(&checked, "RANGE", Some("Tianjin"));
    assert_eq!(
        (over.outcome, over.margin.unwrap().to_string().as_str()),
        (Outcome::ShortOfBenchmark, "-1")
    );
    assert_eq!(
        finding(&checked, "EQ", Some("Tianjin")).outcome,
        Outcome::ShortOfBenchmark
    );
}

#[test]
fn qualitative_requirements_are_reported_not_dropped() {
    let rules = r#"rule Q "decrease dramatically" {
        kind benchmark
        require non_fossil_share by 2030 qualitative "rise a lot"
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan("Beijing", "target non_fossil_share by 2030 { value 30 % }"),
            ),
            ("b.plan", &plan("Tianjin", "")),
        ],
    );
    for province in ["Beijing", "Tianjin"] {
        let f = finding(&checked, "Q", Some(province));
        assert_eq!(
            (f.outcome, f.reason),
            (Outcome::NotCheckable, Some(Reason::Qualitative))
        );
        assert!(f.message.contains("rise a lot"), "{}", f.message);
    }
}

#[test]
fn a_target_must_not_fall_back_from_the_same_plans_earlier_one() {
    let rules = r#"rule HOLD "no fallback" {
        kind no_fallback
        require forest_coverage by 2030 >= its 2025 value
    }"#;
    let checked = run(
        rules,
        &[
            (
                "a.plan",
                &plan(
                    "Shanghai",
                    "target forest_coverage by 2025 { value at_least 19.5 % } target forest_coverage by 2030 { value 21 % }",
                ),
            ),
            (
                "b.plan",
                &plan(
                    "Tianjin",
                    "target forest_coverage by 2025 { value 20 % } target forest_coverage by 2030 { value 19 % }",
                ),
            ),
            (
                "c.plan",
                &plan("Hebei", "target forest_coverage by 2030 { value 19 % }"),
            ),
        ],
    );
    let shanghai = finding(&checked, "HOLD", Some("Shanghai"));
    assert_eq!(shanghai.outcome, Outcome::Pass);
    assert_eq!(shanghai.margin.unwrap().to_string(), "1.5");
    let tianjin = finding(&checked, "HOLD", Some("Tianjin"));
    assert_eq!(
        (tianjin.outcome, tianjin.severity),
        (Outcome::Fail, Severity::Warning)
    );
    let hebei = finding(&checked, "HOLD", Some("Hebei"));
    assert_eq!(hebei.reason, Some(Reason::NoEarlierTarget { year: 2025 }));
}

#[test]
fn scopes_name_groups_lists_and_set_operations() {
    let rules = r#"
    group coal_heavy = [Shanxi, Shandong, 天津]
    group east = [Shanghai, Jiangsu, Zhejiang, Shandong]
    rule GROUP "coal-heavy only" {
        kind benchmark
        scope group coal_heavy except [Shandong]
        require non_fossil_share by 2025 >= 10 %
    }
    rule INTERSECT "both" {
        kind benchmark
        scope (group coal_heavy + [Beijing]) & group east
        require non_fossil_share by 2025 >= 10 %
    }"#;
    let plans: Vec<(String, String)> = ["Shanxi", "Shandong", "Tianjin", "Beijing", "Shanghai"]
        .iter()
        .map(|p| (format!("{p}.plan"), plan(p, "")))
        .collect();
    let plans: Vec<(&str, &str)> = plans
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let checked = run(rules, &plans);
    let rules = checked.rules.as_ref().unwrap();
    let provinces_of = |id: &str| -> Vec<&str> {
        checked
            .findings
            .iter()
            .filter(|f| rules.rules[f.rule].id == id)
            .map(|f| f.province.unwrap().english())
            .collect()
    };
    assert_eq!(provinces_of("GROUP"), ["Shanxi", "Tianjin"]);
    assert_eq!(provinces_of("INTERSECT"), ["Shandong"]);
}

#[test]
fn units_convert_exactly_between_plan_and_rule() {
    let rules = r#"rule FS "forest stock" {
        kind aggregate
        scope sum of [Qinghai, Zhejiang], missing counts as zero
        require forest_stock by 2025 >= 4.98 亿m3
    }"#;
    let checked = run(
        rules,
        &[
            (
                "qh.plan",
                &plan("Qinghai", "target forest_stock by 2025 { value 5300 万m3 }"),
            ),
            (
                "zj.plan",
                &plan(
                    "Zhejiang",
                    "target forest_stock by 2025 { value 4.45 亿立方米 }",
                ),
            ),
        ],
    );
    let f = finding(&checked, "FS", None);
    assert_eq!(
        f.outcome,
        Outcome::Pass,
        "0.53 + 4.45 is exactly 4.98: {}",
        f.message
    );
    assert_eq!(f.value.unwrap().to_string(), "4.98");
    assert_eq!(f.margin.unwrap().to_string(), "0");
}

#[test]
fn findings_come_in_plan_order_then_rule_order_with_aggregates_last() {
    let rules = format!(
        "{WIND_SOLAR}\nrule NF \"x\" {{ kind benchmark require non_fossil_share by 2025 >= 1 % }}"
    );
    let checked = run(
        &rules,
        &[
            ("b.plan", &plan("Zhejiang", "")),
            ("a.plan", &plan("Fujian", "")),
        ],
    );
    let order: Vec<(String, Option<&str>)> = checked
        .findings
        .iter()
        .map(|f| {
            let rules = checked.rules.as_ref().unwrap();
            (
                rules.rules[f.rule].id.clone(),
                f.province.map(|p| p.english()),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("NF".to_string(), Some("Zhejiang")),
            ("NF".to_string(), Some("Fujian")),
            ("WS".to_string(), None),
            ("WS-ZERO".to_string(), None),
        ]
    );
}
