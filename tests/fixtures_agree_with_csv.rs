//! The 31 plan files in fixtures/plans encode `../shared/domain/provincial-targets.csv`
//! exactly: every CSV row is one target in its province's plan, field for field, and no plan
//! declares a target that the CSV does not hold.

mod common;

use common::shared;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use plancheck::check::{load_plans, load_rules};
use plancheck::input::read_source;
use plancheck::model::{Declared, Plan, RuleSet, Sources, Target};
use plancheck::provinces::Province;

/// The provinces for which no target was found (README, "provincial-targets.csv").
const WITHOUT_TARGETS: [&str; 5] = ["Hebei", "Henan", "Yunnan", "Tibet", "Xinjiang"];

const COLUMNS: [&str; 12] = [
    "province",
    "province_zh",
    "indicator",
    "year",
    "baseline",
    "value",
    "unit",
    "qualifier",
    "commitment",
    "status",
    "document",
    "source",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn csv_path() -> PathBuf {
    shared("provincial-targets.csv")
}

/// One CSV row, by column name, with the line it is on (the header is line 1).
struct Row {
    line: u64,
    fields: BTreeMap<&'static str, String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        &self.fields[column]
    }

    /// `Beijing CSV row 1 (line 2: energy_intensity_cut by 2025 from 2020)`
    fn describe(&self, index: usize) -> String {
        let period = [("by", self.get("year")), ("from", self.get("baseline"))]
            .iter()
            .filter(|(_, y)| !y.is_empty())
            .map(|(w, y)| format!(" {w} {y}"))
            .collect::<String>();
        format!(
            "{} CSV row {} (line {}: {}{period})",
            self.get("province"),
            index + 1,
            self.line,
            self.get("indicator"),
        )
    }
}

fn read_csv() -> Vec<Row> {
    let path = csv_path();
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let headers = reader.headers().expect("the CSV has a header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        COLUMNS,
        "the CSV's columns are those the domain README lists"
    );
    reader
        .records()
        .map(|record| {
            let record = record.expect("every CSV row parses");
            let line = record.position().map_or(0, |p| p.line());
            assert_eq!(record.len(), COLUMNS.len(), "CSV line {line}: column count");
            Row {
                line,
                fields: COLUMNS
                    .iter()
                    .zip(record.iter())
                    .map(|(c, v)| (*c, v.to_string()))
                    .collect(),
            }
        })
        .collect()
}

/// The bundled national rules, which supply the indicators plans may declare.
fn rules(sources: &mut Sources) -> RuleSet {
    load_rules(sources, plancheck::bundled::rule_files())
        .unwrap_or_else(|problems| panic!("the bundled rules do not load: {problems:?}"))
}

/// Every `.plan` file in fixtures/plans, sorted, each read and resolved on its own so that a
/// plan's problems name its file.
fn fixture_plans(sources: &mut Sources, rules: &RuleSet) -> Vec<(String, Plan)> {
    let dir = root().join("fixtures/plans");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let file = read_source(&path)
                .unwrap_or_else(|p| panic!("{}: cannot be read: {p:?}", path.display()));
            let (mut plans, problems) = load_plans(sources, vec![file], rules, &mut || {});
            assert!(
                problems.is_empty(),
                "{}: does not load: {problems:?}",
                path.display()
            );
            assert_eq!(plans.len(), 1, "{}: one plan a file", path.display());
            (stem, plans.remove(0))
        })
        .collect()
}

/// The file name a province's plan has: its English name, lower case, spaces as hyphens.
fn file_stem(province: Province) -> String {
    province.english().to_ascii_lowercase().replace(' ', "-")
}

/// The CSV's `status` column: `kind` or `kind (note)`.
fn parse_status(text: &str) -> (&str, Option<&str>) {
    match text.split_once(" (") {
        Some((kind, rest)) => {
            let note = rest
                .strip_suffix(')')
                .unwrap_or_else(|| panic!("status `{text}`: a note ends in `)`"));
            (kind, Some(note))
        }
        None => (text, None),
    }
}

fn show_year(year: Option<u16>) -> String {
    year.map_or_else(String::new, |y| y.to_string())
}

/// The fields of a target, written as the CSV writes them.
fn target_fields(target: &Target, rules: &RuleSet) -> Vec<(&'static str, String)> {
    let indicator = rules.indicator(target.indicator);
    let (value, unit) = match &target.value {
        Declared::ByReference => (String::new(), None),
        Declared::Value { amount, .. } => (
            target.detail.written.clone(),
            Some(amount.unit.name().to_string()),
        ),
    };
    let (status, note) = match &target.detail.status {
        Some(s) => (
            s.kind.name().to_string(),
            s.note.clone().unwrap_or_default(),
        ),
        None => ("(none)".to_string(), String::new()),
    };
    vec![
        ("indicator", indicator.name.clone()),
        ("year", show_year(target.year)),
        ("baseline", show_year(target.baseline)),
        ("value", value),
        // A target by reference has no amount; the CSV gives the indicator's own unit.
        (
            "unit",
            unit.unwrap_or_else(|| indicator.unit.name().to_string()),
        ),
        ("qualifier", target.value.qualifier().name().to_string()),
        ("commitment", target.detail.commitment.name().to_string()),
        ("status kind", status),
        ("status note", note),
        (
            "document",
            target.detail.document.clone().unwrap_or_default(),
        ),
        ("source", target.detail.source.clone().unwrap_or_default()),
    ]
}

fn row_fields(row: &Row) -> Vec<(&'static str, String)> {
    let (kind, note) = parse_status(row.get("status"));
    let mut fields: Vec<(&'static str, String)> = [
        "indicator",
        "year",
        "baseline",
        "value",
        "unit",
        "qualifier",
        "commitment",
    ]
    .iter()
    .map(|c| (*c, row.get(c).to_string()))
    .collect();
    fields.push(("status kind", kind.to_string()));
    fields.push(("status note", note.unwrap_or_default().to_string()));
    fields.push(("document", row.get("document").to_string()));
    fields.push(("source", row.get("source").to_string()));
    fields
}

fn same_key(target: &Target, row: &Row, rules: &RuleSet) -> bool {
    rules.indicator(target.indicator).name == row.get("indicator")
        && show_year(target.year) == row.get("year")
        && show_year(target.baseline) == row.get("baseline")
}

/// Every difference between the CSV and the plans, each naming province, row and field.
fn disagreements(rows: &[Row], plans: &[(String, Plan)], rules: &RuleSet) -> Vec<String> {
    let mut out = Vec::new();
    // How many CSV rows each target of each plan answers to.
    let mut used: Vec<Vec<usize>> = plans
        .iter()
        .map(|(_, p)| vec![0; p.targets.len()])
        .collect();
    for (index, row) in rows.iter().enumerate() {
        let what = row.describe(index);
        let name = row.get("province");
        let Some(province) = Province::all().find(|p| p.english() == name) else {
            out.push(format!("{what}: `{name}` is not a province's English name"));
            continue;
        };
        if province.chinese() != row.get("province_zh") {
            out.push(format!(
                "{what}: province_zh is `{}`, but {name} is `{}`",
                row.get("province_zh"),
                province.chinese()
            ));
        }
        let Some(p) = plans.iter().position(|(_, plan)| plan.province == province) else {
            out.push(format!("{what}: there is no plan for {name}"));
            continue;
        };
        let (stem, plan) = &plans[p];
        let matching: Vec<usize> = (0..plan.targets.len())
            .filter(|&t| same_key(&plan.targets[t], row, rules))
            .collect();
        let &[t] = matching.as_slice() else {
            out.push(format!(
                "{what}: {stem}.plan has {} targets with this indicator, year and baseline, not one",
                matching.len()
            ));
            continue;
        };
        used[p][t] += 1;
        let target = &plan.targets[t];
        for ((field, expected), (_, found)) in row_fields(row)
            .into_iter()
            .zip(target_fields(target, rules))
        {
            if expected != found {
                out.push(format!(
                    "{what}: {field} differs: CSV `{expected}`, {stem}.plan `{found}`"
                ));
            }
        }
    }
    for ((stem, plan), counts) in plans.iter().zip(&used) {
        for (target, &count) in plan.targets.iter().zip(counts) {
            if count == 0 {
                let subject = format!(
                    "`{}` {}",
                    rules.indicator(target.indicator).name,
                    plancheck::resolve::period_words(target.year, target.baseline)
                );
                out.push(format!(
                    "{}: {stem}.plan declares {} ({}), which no CSV row holds",
                    plan.province,
                    subject.trim_end(),
                    plancheck::finding::declared_words(target),
                ));
            }
        }
    }
    out
}

fn load() -> (Vec<Row>, RuleSet, Vec<(String, Plan)>) {
    let mut sources = Sources::default();
    let rules = rules(&mut sources);
    let plans = fixture_plans(&mut sources, &rules);
    (read_csv(), rules, plans)
}

#[test]
fn there_is_one_plan_file_per_province() {
    let (_, _, plans) = load();
    assert_eq!(plans.len(), 31, "fixtures/plans holds 31 plan files");
    for (stem, plan) in &plans {
        assert_eq!(
            stem,
            &file_stem(plan.province),
            "{stem}.plan declares province {}, whose file would be {}.plan",
            plan.province,
            file_stem(plan.province)
        );
    }
    for province in Province::all() {
        let files: Vec<&str> = plans
            .iter()
            .filter(|(_, p)| p.province == province)
            .map(|(stem, _)| stem.as_str())
            .collect();
        assert_eq!(
            files,
            [file_stem(province)],
            "{province}: exactly one plan file, {}.plan",
            file_stem(province)
        );
    }
}

#[test]
fn every_csv_row_is_one_target_and_every_target_a_csv_row() {
    let (rows, rules, plans) = load();
    assert!(!rows.is_empty(), "the CSV holds targets");
    let found = disagreements(&rows, &plans, &rules);
    assert!(
        found.is_empty(),
        "fixtures/plans and provincial-targets.csv disagree in {} places:\n{}",
        found.len(),
        found.join("\n")
    );
    let targets: usize = plans.iter().map(|(_, p)| p.targets.len()).sum();
    assert_eq!(targets, rows.len(), "as many targets as CSV rows");
}

#[test]
fn provinces_without_csv_rows_declare_nothing() {
    let (rows, _, plans) = load();
    for (_, plan) in &plans {
        let in_csv = rows
            .iter()
            .any(|r| r.get("province") == plan.province.english());
        let expected_empty = WITHOUT_TARGETS.contains(&plan.province.english());
        assert_eq!(
            !in_csv,
            expected_empty,
            "{}: the CSV {} rows for it",
            plan.province,
            if in_csv { "has" } else { "has no" }
        );
        if expected_empty {
            assert!(
                plan.targets.is_empty(),
                "{}: no target was found in the sources, but the plan declares {}",
                plan.province,
                plan.targets.len()
            );
        }
    }
}

/// The comparison itself can fail: a plan that differs from the CSV in one field, or has a
/// target too many or too few, is reported by province, row and field.
#[test]
fn the_comparison_notices_differences() {
    let (rows, rules, plans) = load();
    let mut sources = Sources::default();
    let rules_again = self::rules(&mut sources);
    let reload = |text: &str, sources: &mut Sources| {
        let file = plancheck::source::SourceFile::new("fixtures/plans/liaoning.plan", text);
        let (mut plans, problems) = load_plans(sources, vec![file], &rules_again, &mut || {});
        assert!(problems.is_empty(), "{problems:?}");
        plans.remove(0)
    };
    let original = std::fs::read_to_string(root().join("fixtures/plans/liaoning.plan")).unwrap();
    let liaoning = plans
        .iter()
        .position(|(stem, _)| stem == "liaoning")
        .expect("a Liaoning plan");
    // Liaoning's rows and plan alone, so that only the change made here is reported.
    let rows: Vec<Row> = rows
        .into_iter()
        .filter(|r| r.get("province") == "Liaoning")
        .collect();
    let with = |text: &str, sources: &mut Sources| {
        let changed = vec![(plans[liaoning].0.clone(), reload(text, sources))];
        disagreements(&rows, &changed, &rules)
    };
    assert!(with(&original, &mut sources).is_empty());

    let cases = [
        (
            "value      14.5 %",
            "value      14.50 %",
            "value differs: CSV `14.5`, liaoning.plan `14.50`",
        ),
        (
            "value      around 13.7 %",
            "value      13.7 %",
            "qualifier differs: CSV `around`, liaoning.plan `exact`",
        ),
        (
            "status     conflicting \"one English translation says 14\"",
            "status     conflicting",
            "status note differs: CSV `one English translation says 14`, liaoning.plan ``",
        ),
        (
            "co2_intensity_cut by 2030 from 2005",
            "co2_intensity_cut by 2030 from 2010",
            "liaoning.plan has 0 targets with this indicator, year and baseline",
        ),
        (
            "    source     \"http://m.chinacrane.net/news/202210/07/242721.html\"\n}\n\ntarget non_fossil_share by 2025",
            "}\n\ntarget non_fossil_share by 2025",
            "source differs: CSV `http://m.chinacrane.net/news/202210/07/242721.html`, liaoning.plan ``",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(original.contains(from), "the fixture still holds `{from}`");
        let found = with(&original.replacen(from, to, 1), &mut sources);
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("Liaoning CSV row") && f.contains(expected)),
            "changing `{from}` to `{to}` is reported as `{expected}`; reported: {found:#?}"
        );
    }
    let extra = format!("{original}\ntarget forest_coverage by 2025 {{ value 40 % }}\n");
    let found = with(&extra, &mut sources);
    assert_eq!(
        found,
        [
            "Liaoning: liaoning.plan declares `forest_coverage` by 2025 (40 %), which no CSV row holds"
        ]
    );
}
