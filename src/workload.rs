//! A seeded, deterministic generator of plans for benchmarks and scenario studies: N plans
//! with the bundled indicators, some targets missing, some below the national figures, some
//! `around`, some `at_least`, some in 万kW or GW, some by reference. The same seed gives the
//! same plans, byte for byte.

use std::fmt::Write;

use crate::model::{Plan, RuleSet, Sources};
use crate::provinces::Province;
use crate::source::SourceFile;
use crate::{bundled, check};

/// One generated target, with its value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenTarget {
    pub indicator: &'static str,
    pub year: Option<u16>,
    pub baseline: Option<u16>,
    /// `None` for a `by_reference` target.
    pub value: Option<String>,
    pub unit: &'static str,
    pub qualifier: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenPlan {
    pub province: Province,
    pub targets: Vec<GenTarget>,
}

/// What can be declared, and the range values are drawn from (in tenths of the unit), which
/// straddles the national figure so that some plans fall short.
struct Spec {
    indicator: &'static str,
    year: Option<u16>,
    baseline: Option<u16>,
    unit: &'static str,
    tenths: (u32, u32),
}

const SPECS: [Spec; 10] = [
    Spec {
        indicator: "energy_intensity_cut",
        year: Some(2025),
        baseline: Some(2020),
        unit: "%",
        tenths: (120, 160),
    },
    Spec {
        indicator: "co2_intensity_cut",
        year: Some(2025),
        baseline: Some(2020),
        unit: "%",
        tenths: (150, 220),
    },
    Spec {
        indicator: "co2_intensity_cut",
        year: Some(2030),
        baseline: Some(2005),
        unit: "%",
        tenths: (600, 720),
    },
    Spec {
        indicator: "non_fossil_share",
        year: Some(2025),
        baseline: None,
        unit: "%",
        tenths: (100, 550),
    },
    Spec {
        indicator: "non_fossil_share",
        year: Some(2030),
        baseline: None,
        unit: "%",
        tenths: (150, 600),
    },
    Spec {
        indicator: "forest_coverage",
        year: Some(2025),
        baseline: None,
        unit: "%",
        tenths: (50, 650),
    },
    Spec {
        indicator: "forest_coverage",
        year: Some(2030),
        baseline: None,
        unit: "%",
        tenths: (50, 660),
    },
    Spec {
        indicator: "forest_stock",
        year: Some(2025),
        baseline: None,
        unit: "亿m3",
        tenths: (1, 200),
    },
    Spec {
        indicator: "wind_solar_capacity",
        year: Some(2030),
        baseline: None,
        unit: "万kW",
        tenths: (1_000, 80_000),
    },
    Spec {
        indicator: "co2_peak_year",
        year: None,
        baseline: None,
        unit: "year",
        tenths: (20_250, 20_320),
    },
];

/// `n` plans from `seed`, province after province.
pub fn generate(n: usize, seed: u64) -> Vec<GenPlan> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let provinces: Vec<Province> = Province::all().collect();
    (0..n)
        .map(|i| {
            let mut targets = Vec::new();
            for spec in &SPECS {
                if rng.u8(..100) < 80 {
                    targets.push(target(&mut rng, spec));
                }
            }
            GenPlan {
                province: provinces[i % provinces.len()],
                targets,
            }
        })
        .collect()
}

fn target(rng: &mut fastrand::Rng, spec: &Spec) -> GenTarget {
    let mut t = GenTarget {
        indicator: spec.indicator,
        year: spec.year,
        baseline: spec.baseline,
        value: None,
        unit: spec.unit,
        qualifier: "by_reference",
    };
    if rng.u8(..100) < 5 {
        return t;
    }
    let tenths = rng.u32(spec.tenths.0..=spec.tenths.1);
    t.qualifier = match rng.u8(..100) {
        0..60 => "exact",
        60..75 => "around",
        75..90 => "at_least",
        _ => "more_than",
    };
    if spec.unit == "year" {
        t.qualifier = "exact";
        t.value = Some((tenths / 10).to_string());
        return t;
    }
    if spec.unit == "万kW" && rng.bool() {
        // The same capacity in GW: 10 万kW is 0.1 GW.
        t.unit = "GW";
        t.value = Some(decimal(tenths, 2));
        return t;
    }
    t.value = Some(decimal(tenths, 1));
    t
}

/// `units / 10^places` written with its decimals, without trailing zeros.
fn decimal(units: u32, places: u32) -> String {
    let scale = 10u32.pow(places);
    let (whole, frac) = (units / scale, units % scale);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:0width$}", width = places as usize);
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

/// `n` plans from `seed` against the bundled rules: the rules, and the plans parsed and
/// resolved, ready to evaluate. Unlike `check`, it keeps every plan of a province.
///
/// # Panics
/// If a generated plan does not load, which would be a bug in the generator.
pub fn load_bundled(n: usize, seed: u64) -> (RuleSet, Vec<Plan>) {
    let mut sources = Sources::default();
    let rules = check::load_rules(&mut sources, bundled::rule_files()).expect("bundled rules");
    let plans = generate(n, seed)
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let file = SourceFile::new(format!("plan-{i}.plan"), plan_text(p));
            check::load_plan(&mut sources, file, &rules, &mut Vec::new())
                .expect("a generated plan loads")
        })
        .collect();
    (rules, plans)
}

/// A plan in the plan language.
pub fn plan_text(plan: &GenPlan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "province \"{}\"", plan.province.english());
    for t in &plan.targets {
        let _ = write!(out, "target {}", t.indicator);
        if let Some(y) = t.year {
            let _ = write!(out, " by {y}");
        }
        if let Some(b) = t.baseline {
            let _ = write!(out, " from {b}");
        }
        match &t.value {
            None => out.push_str(" { value by_reference }\n"),
            Some(v) => {
                let q = if t.qualifier == "exact" {
                    String::new()
                } else {
                    format!("{} ", t.qualifier)
                };
                let _ = writeln!(out, " {{ value {q}{v} {} }}", t.unit);
            }
        }
    }
    out
}

/// A plan in the JSON interchange format.
pub fn plan_json(plan: &GenPlan) -> String {
    let targets: Vec<String> = plan
        .targets
        .iter()
        .map(|t| format!("    {}", target_json(t)))
        .collect();
    format!(
        "{{\n  \"province\": \"{}\",\n  \"targets\": [\n{}\n  ]\n}}\n",
        plan.province.english(),
        targets.join(",\n")
    )
}

/// A plan as one record of a JSON Lines file, in the set `scenario`.
pub fn plan_record(plan: &GenPlan, scenario: &str) -> String {
    let targets: Vec<String> = plan.targets.iter().map(target_json).collect();
    format!(
        "{{\"scenario\": \"{scenario}\", \"province\": \"{}\", \"targets\": [{}]}}\n",
        plan.province.english(),
        targets.join(", ")
    )
}

fn target_json(t: &GenTarget) -> String {
    let mut fields = vec![format!("\"indicator\": \"{}\"", t.indicator)];
    if let Some(y) = t.year {
        fields.push(format!("\"year\": {y}"));
    }
    if let Some(b) = t.baseline {
        fields.push(format!("\"baseline\": {b}"));
    }
    match &t.value {
        None => fields.push("\"qualifier\": \"by_reference\"".into()),
        Some(v) => {
            fields.push(format!("\"value\": {v}"));
            fields.push(format!("\"unit\": \"{}\"", t.unit));
            fields.push(format!("\"qualifier\": \"{}\"", t.qualifier));
        }
    }
    format!("{{{}}}", fields.join(", "))
}

/// `sets` scenarios of `per_set` plans each, written as JSON Lines: scenario `s0`, `s1`, ...,
/// each set one plan a province (the first `per_set` provinces) from its own seed, so a
/// study of any size is written without holding it.
pub fn write_scenarios(
    out: &mut impl std::io::Write,
    sets: usize,
    per_set: usize,
    seed: u64,
) -> std::io::Result<()> {
    for set in 0..sets {
        for plan in generate(per_set, seed.wrapping_add(set as u64)) {
            out.write_all(plan_record(&plan, &format!("s{set}")).as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_plans() {
        assert_eq!(generate(100, 7), generate(100, 7));
        assert_ne!(generate(100, 7), generate(100, 8));
    }

    #[test]
    fn plans_cover_every_kind_of_target() {
        let plans = generate(500, 1);
        let all: Vec<&GenTarget> = plans.iter().flat_map(|p| &p.targets).collect();
        for q in ["exact", "around", "at_least", "more_than", "by_reference"] {
            assert!(all.iter().any(|t| t.qualifier == q), "{q}");
        }
        assert!(all.iter().any(|t| t.unit == "GW") && all.iter().any(|t| t.unit == "万kW"));
        assert!(
            plans.iter().any(|p| p.targets.len() < SPECS.len()),
            "some targets missing"
        );
    }

    #[test]
    fn a_record_is_one_line_of_the_same_plan() {
        let plan = &generate(1, 3)[0];
        let record = plan_record(plan, "low");
        assert_eq!(record.lines().count(), 1);
        let mut one: serde_json::Value = serde_json::from_str(&record).unwrap();
        assert_eq!(one["scenario"], "low");
        one.as_object_mut().unwrap().remove("scenario");
        let whole: serde_json::Value = serde_json::from_str(&plan_json(plan)).unwrap();
        assert_eq!(one, whole);
    }

    #[test]
    fn decimals_are_written_exactly() {
        assert_eq!(decimal(135, 1), "13.5");
        assert_eq!(decimal(140, 1), "14");
        assert_eq!(decimal(1005, 2), "10.05");
        assert_eq!(decimal(1010, 2), "10.1");
    }
}
