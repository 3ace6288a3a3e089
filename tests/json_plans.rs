//! A plan in the JSON interchange format is checked exactly as the same plan written in the
//! plan language: the same findings (rule, outcome, severity, value, margin, declared target),
//! with only where they point (file, line, column) differing.

mod common;

use std::path::Path;

use common::{code, plancheck, root, stderr, stdout};
use plancheck::check::{load_plans, load_rules};
use plancheck::model::{Declared, Plan, RuleSet, Sources};
use plancheck::provinces::Province;
use serde_json::Value;
use tempfile::TempDir;

/// `fixtures/json/liaoning.json` in the plan language: the same targets, with the same
/// fields given and the same left to their defaults.
const LIAONING_TWIN: &str = r#"# fixtures/json/liaoning.json, in the plan language
province Liaoning
title    "Liaoning Carbon Peaking Implementation Plan"

target energy_intensity_cut by 2025 from 2020 {
    value      exact 14.5 %
    commitment firm
    status     conflicting "one English translation says 14"
    document   "Liaoning carbon peaking implementation plan"
    source     "http://m.chinacrane.net/news/202210/07/242721.html"
}

target non_fossil_share by 2025 {
    value      around 13.7 %
    source     "http://m.chinacrane.net/news/202210/07/242721.html"
}

target non_fossil_share by 2030 {
    value      around 20
    source     "http://m.chinacrane.net/news/202210/07/242721.html"
}

target co2_intensity_cut by 2030 from 2005 {
    value      by_reference
}
"#;

/// Runs `plancheck check ARGS --format json`, which must succeed without input errors.
fn check_json(args: &[&str]) -> Value {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let output = plancheck(&all);
    let text = stdout(&output);
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "`plancheck {}` did not print JSON ({e}); exit {}, stderr:\n{}\nstdout:\n{text}",
            all.join(" "),
            code(&output),
            stderr(&output)
        )
    });
    assert_eq!(
        doc["errors"],
        Value::Array(Vec::new()),
        "`plancheck {}` reports input errors",
        all.join(" ")
    );
    assert!(
        [0, 1].contains(&code(&output)),
        "`plancheck {}` exits {}; stderr:\n{}",
        all.join(" "),
        code(&output),
        stderr(&output)
    );
    doc
}

fn findings(doc: &Value) -> &Vec<Value> {
    doc["findings"].as_array().expect("`findings` is an array")
}

/// A finding without where it points: `location` and `rule_location` go (in contributors
/// too), and file names in the message become `<file>`.
fn without_locations(finding: &Value, files: &[String]) -> Value {
    match finding {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| *k != "location" && *k != "rule_location")
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("message", Value::String(m)) => Value::String(
                            files
                                .iter()
                                .fold(m.clone(), |m, f| m.replace(f.as_str(), "<file>")),
                        ),
                        _ => without_locations(v, files),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| without_locations(v, files)).collect())
        }
        other => other.clone(),
    }
}

/// Every file a document's locations name, longest first so that no name is replaced
/// inside a longer one.
fn files_named(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if let ("file", Value::String(f)) = (k.as_str(), v) {
                        out.push(f.clone());
                    }
                    walk(v, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, &mut out);
    out.sort_by_key(|f| std::cmp::Reverse(f.len()));
    out.dedup();
    out
}

fn label(f: &Value) -> String {
    format!(
        "{} for {}",
        f["rule"].as_str().unwrap_or("?"),
        f["province"].as_str().unwrap_or("all provinces")
    )
}

/// The two documents hold the same findings in the same order, and the same summary.
fn assert_same_findings(plan_doc: &Value, json_doc: &Value, what: &str) {
    let (plan_files, json_files) = (files_named(plan_doc), files_named(json_doc));
    let (from_plan, from_json) = (findings(plan_doc), findings(json_doc));
    let rules = |fs: &Vec<Value>| fs.iter().map(label).collect::<Vec<_>>();
    assert_eq!(
        rules(from_plan),
        rules(from_json),
        "{what}: the plan language and JSON give different findings"
    );
    for (p, j) in from_plan.iter().zip(from_json) {
        for key in ["rule", "outcome", "severity", "margin", "value", "declared"] {
            assert_eq!(
                p[key],
                j[key],
                "{what}: {}: `{key}` differs between the plan language and JSON",
                label(p)
            );
        }
        let (p, j) = (
            without_locations(p, &plan_files),
            without_locations(j, &json_files),
        );
        assert_eq!(
            p,
            j,
            "{what}: {}: the finding differs between the plan language (left) and JSON (right)",
            label(&p)
        );
    }
    assert_eq!(
        plan_doc["summary"], json_doc["summary"],
        "{what}: the summaries differ"
    );
}

/// Every location in a document is consistent (line and column are those of the offset)
/// and points where it should: at the declared value, at `by_reference`, or, for a target
/// not declared, at the plan's province.
fn assert_locations_point_at_the_text(doc: &Value, what: &str) {
    let check = |loc: &Value, declared: &Value, province: Option<&str>, who: &str| {
        let file = loc["file"].as_str().expect("a location names its file");
        let path = root().join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{what}: {who}: location file `{file}`: {e}"));
        let offset = loc["offset"].as_u64().unwrap() as usize;
        let length = loc["length"].as_u64().unwrap() as usize;
        let slice = text
            .get(offset..offset + length)
            .unwrap_or_else(|| panic!("{what}: {who}: {loc} is not a span of `{file}`"));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .filter(|&c| c != '\u{FEFF}')
            .count()
            + 1;
        assert_eq!(
            (loc["line"].as_u64(), loc["column"].as_u64()),
            (Some(line as u64), Some(column as u64)),
            "{what}: {who}: line and column are not those of offset {offset} in `{file}`"
        );
        let words: Vec<&str> = slice
            .split_whitespace()
            .map(|w| w.trim_matches('"'))
            .collect();
        let (points_at, expected) = match (&declared["value"], &declared["qualifier"]) {
            // The plan language points at `around 13.7 %`, JSON at `13.7`.
            (Value::String(v), _) => (words.contains(&v.as_str()), v.as_str()),
            (_, Value::String(q)) if q == "by_reference" => {
                (words.contains(&"by_reference"), "by_reference")
            }
            // A target not declared: the plan's province, in either language.
            _ => match province {
                Some(p) => (
                    Province::lookup(slice.trim_matches('"')).map(|p| p.english()) == Some(p),
                    p,
                ),
                None => return,
            },
        };
        assert!(
            points_at,
            "{what}: {who}: the location `{file}` {line}:{column} shows `{slice}`, not `{expected}`"
        );
    };
    for f in findings(doc) {
        let who = label(f);
        if let Some(province) = f["province"].as_str() {
            check(&f["location"], &f["declared"], Some(province), &who);
        }
        for c in f["contributors"].as_array().into_iter().flatten() {
            let who = format!("{who}, contributor {}", c["province"]);
            check(&c["location"], &c["declared"], None, &who);
        }
    }
}

#[test]
fn the_liaoning_json_fixture_gives_the_findings_of_its_plan_language_twin() {
    let dir = TempDir::new().unwrap();
    let twin = dir.path().join("liaoning.plan");
    std::fs::write(&twin, LIAONING_TWIN).unwrap();
    let plan_doc = check_json(&[twin.to_str().unwrap()]);
    let json_doc = check_json(&["fixtures/json/liaoning.json"]);
    assert_eq!(plan_doc["summary"]["plans"], 1);
    assert!(
        !findings(&json_doc).is_empty(),
        "the JSON plan is checked against the national rules"
    );
    assert_same_findings(&plan_doc, &json_doc, "fixtures/json/liaoning.json");
    assert_locations_point_at_the_text(&plan_doc, "the plan-language twin");
    assert_locations_point_at_the_text(&json_doc, "fixtures/json/liaoning.json");
}

/// A JSON string literal.
fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A plan in the JSON interchange format, written field by field from the resolved model;
/// values are the numbers exactly as the plan wrote them, never through a float.
fn json_twin(plan: &Plan, rules: &RuleSet, province: &str) -> String {
    let mut out = format!("{{\n  \"province\": {}", string(province));
    if let Some(title) = &plan.title {
        out += &format!(",\n  \"title\": {}", string(title));
    }
    if let Some(issued) = &plan.issued {
        out += &format!(",\n  \"issued\": {}", string(issued));
    }
    if let Some(period) = plan.period {
        out += &format!(",\n  \"period\": {}", string(period.name()));
    }
    let targets: Vec<String> = plan
        .targets
        .iter()
        .map(|t| {
            let mut fields = vec![format!(
                "\"indicator\": {}",
                string(&rules.indicator(t.indicator).name)
            )];
            if let Some(year) = t.year {
                fields.push(format!("\"year\": {year}"));
            }
            if let Some(baseline) = t.baseline {
                fields.push(format!("\"baseline\": {baseline}"));
            }
            if let Declared::Value { amount, .. } = &t.value {
                fields.push(format!("\"value\": {}", t.detail.written));
                fields.push(format!("\"unit\": {}", string(amount.unit.name())));
            }
            fields.push(format!(
                "\"qualifier\": {}",
                string(t.value.qualifier().name())
            ));
            fields.push(format!(
                "\"commitment\": {}",
                string(t.detail.commitment.name())
            ));
            if let Some(status) = &t.detail.status {
                let text = match &status.note {
                    Some(note) => format!("{} ({note})", status.kind.name()),
                    None => status.kind.name().to_string(),
                };
                fields.push(format!("\"status\": {}", string(&text)));
            }
            if let Some(document) = &t.detail.document {
                fields.push(format!("\"document\": {}", string(document)));
            }
            if let Some(source) = &t.detail.source {
                fields.push(format!("\"source\": {}", string(source)));
            }
            format!("    {{{}}}", fields.join(", "))
        })
        .collect();
    if targets.is_empty() {
        out += ",\n  \"targets\": []\n}\n";
    } else {
        out += &format!(",\n  \"targets\": [\n{}\n  ]\n}}\n", targets.join(",\n"));
    }
    out
}

/// The bundled plans, resolved, with the names of the files they came from.
fn bundled_plans() -> (RuleSet, Vec<(String, Plan)>) {
    let mut sources = Sources::default();
    let rules = load_rules(&mut sources, plancheck::bundled::rule_files())
        .unwrap_or_else(|p| panic!("the bundled rules do not load: {p:?}"));
    let files = plancheck::bundled::plan_files();
    let names: Vec<String> = files.iter().map(|f| f.name().to_string()).collect();
    let (plans, problems) = load_plans(&mut sources, files, &rules, &mut || {});
    assert!(problems.is_empty(), "the bundled plans load: {problems:?}");
    assert_eq!(plans.len(), names.len(), "every bundled plan loads");
    let named = plans
        .into_iter()
        .map(|p| (sources.get(p.file).name().to_string(), p))
        .collect();
    (rules, named)
}

#[test]
fn json_twins_of_every_bundled_plan_give_the_same_findings() {
    let (rules, plans) = bundled_plans();
    assert_eq!(plans.len(), 31);
    let dir = TempDir::new().unwrap();
    for (i, (name, plan)) in plans.iter().enumerate() {
        let stem = Path::new(name).file_stem().unwrap().to_str().unwrap();
        // Both spellings of the province the format allows, alternately.
        let province = if i % 2 == 0 {
            plan.province.english()
        } else {
            plan.province.chinese()
        };
        let text = json_twin(plan, &rules, province);
        let parsed: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("the twin of {name} is not JSON ({e}):\n{text}"));
        assert_eq!(
            parsed["targets"].as_array().map(Vec::len),
            Some(plan.targets.len()),
            "the twin of {name} holds its targets"
        );
        std::fs::write(dir.path().join(format!("{stem}.json")), text).unwrap();
    }
    let plan_doc = check_json(&[]);
    let json_doc = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(json_doc["summary"]["plans"], 31);
    assert_same_findings(&plan_doc, &json_doc, "the JSON twins of the bundled plans");
    assert_locations_point_at_the_text(&json_doc, "the JSON twins of the bundled plans");
}

/// Values reach the findings exactly as written in the JSON text, including forms a float
/// would lose (trailing zeros) or change (many digits).
#[test]
fn json_values_are_read_exactly_as_written() {
    let dir = TempDir::new().unwrap();
    let json = dir.path().join("zhejiang.json");
    std::fs::write(
        &json,
        r#"{"province": "浙江", "targets": [
  {"indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020, "value": 14.50, "unit": "%"},
  {"indicator": "non_fossil_share", "year": 2025, "value": 19.99999999999999999, "unit": "%", "qualifier": "around"}
]}
"#,
    )
    .unwrap();
    let plan = dir.path().join("zhejiang.plan");
    std::fs::write(
        &plan,
        "province Zhejiang\n\
         target energy_intensity_cut by 2025 from 2020 { value 14.50 % }\n\
         target non_fossil_share by 2025 { value around 19.99999999999999999 % }\n",
    )
    .unwrap();
    let json_doc = check_json(&[json.to_str().unwrap()]);
    let plan_doc = check_json(&[plan.to_str().unwrap()]);
    assert_same_findings(&plan_doc, &json_doc, "exact values");
    let by_rule = |rule: &str| {
        findings(&json_doc)
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap_or_else(|| panic!("a finding for {rule}"))
            .clone()
    };
    let ei = by_rule("EI-2025");
    assert_eq!(ei["declared"]["value"], "14.50");
    assert_eq!(ei["margin"], "1");
    let nf = by_rule("NF-2025");
    assert_eq!(nf["declared"]["value"], "19.99999999999999999");
    assert_eq!(nf["margin"], "-0.00000000000000001");
    assert_locations_point_at_the_text(&json_doc, "exact values");
    assert_locations_point_at_the_text(&plan_doc, "exact values");
}

/// A status note that itself ends in a parenthesis, as `draft (see Table 2 (b))`, keeps it:
/// the plan language reads the note `see Table 2 (b)`, and so must JSON.
#[test]
fn a_status_note_ending_in_a_parenthesis_is_kept_whole() {
    let dir = TempDir::new().unwrap();
    let json = dir.path().join("hebei.json");
    std::fs::write(
        &json,
        r#"{"province": "Hebei", "targets": [
  {"indicator": "non_fossil_share", "year": 2025, "value": 18, "unit": "%",
   "status": "draft (see Table 2 (b))"}
]}
"#,
    )
    .unwrap();
    let plan = dir.path().join("hebei.plan");
    std::fs::write(
        &plan,
        "province Hebei\n\
         target non_fossil_share by 2025 { value 18 % status draft \"see Table 2 (b)\" }\n",
    )
    .unwrap();
    let json_doc = check_json(&[json.to_str().unwrap()]);
    let plan_doc = check_json(&[plan.to_str().unwrap()]);
    assert_same_findings(&plan_doc, &json_doc, "a status note ending in `)`");
}

/// JSON mistakes the plan language cannot make are refused with a diagnostic each.
#[test]
fn json_only_mistakes_are_refused_once_each() {
    let dir = TempDir::new().unwrap();
    let cases = [
        (
            r#"{"province": "Hebei", "targets": [{"indicator": "co2_intensity_cut", "year": 2025, "baseline": 2020, "qualifier": "by_reference", "unit": "%"}]}"#,
            vec!["PC113"],
        ),
        (
            r#"{"province": "Hebei", "targets": [{"indicator": "non_fossil_share", "year": 2025, "value": 18, "status": "verified (note"}]}"#,
            vec!["PC103"],
        ),
        (r#"{"province": 5, "targets": []}"#, vec!["PC111"]),
    ];
    for (i, (text, codes)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case{i}.json"));
        std::fs::write(&path, text).unwrap();
        let output = common::plancheck(&["check", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(common::code(&output), 2, "{text}");
        let doc: Value = serde_json::from_str(&common::stdout(&output)).unwrap();
        let found: Vec<&str> = doc["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap())
            .collect();
        assert_eq!(&found, codes, "{text}");
    }
}
