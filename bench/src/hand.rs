//! The floor: the bundled national rules written by hand as a loop over typed structs, one
//! field per target a rule looks at, values exact decimals in base units. It knows only the
//! rules and indicators of the bundled set, and only the shapes the workload generates (the
//! rule's own baseline year, no stand-in declared); it is what a compiled rule set could at
//! best come down to.

use std::str::FromStr;

use plancheck::provinces::Province;
use plancheck::workload::{GenPlan, GenTarget};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::Violation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qual {
    Exact,
    Around,
    AtLeast,
    MoreThan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decl {
    ByReference,
    Value(Qual, Decimal),
}

/// One plan: the targets the bundled rules look at.
#[derive(Debug, Clone, Default)]
pub struct HandPlan {
    pub province: usize,
    pub ei_2025: Option<Decl>,
    pub co2_2025: Option<Decl>,
    pub co2_2030: Option<Decl>,
    pub nf_2025: Option<Decl>,
    pub nf_2030: Option<Decl>,
    pub nf_2060: Option<Decl>,
    pub fc_2025: Option<Decl>,
    pub fc_2030: Option<Decl>,
    pub fs_2025: Option<Decl>,
    pub fs_2030: Option<Decl>,
    /// In kW.
    pub ws_2030: Option<Decl>,
    pub peak: Option<Decl>,
    pub neutral: Option<Decl>,
}

/// Rules, in the order of the bundled file, by index into [`RULES`].
pub const RULES: [&str; 16] = [
    "EI-2025",
    "EI-2030",
    "CO2-2025",
    "CO2-2030",
    "NF-2025",
    "NF-2030",
    "NF-2060",
    "FC-2025",
    "FC-2030",
    "FC-HOLD",
    "FS-2025",
    "FS-2030",
    "WS-2030",
    "PEAK-2030",
    "NEUTRAL-2060",
    "EI-2025-ASSIGNED",
];

/// The bundled `assignment ei_2025`: each province's basic figure, whether a declaration by
/// reference stands for it (not where only the province's own plan gives it), and Tibet,
/// which no rule on energy intensity judges.
struct Assignment {
    basic: [Option<Decimal>; 31],
    referenced: [bool; 31],
    unassessable: usize,
}

impl Assignment {
    fn new() -> Assignment {
        let mut basic = [None; 31];
        let mut referenced = [false; 31];
        for province in ["Chongqing", "Guizhou", "Jiangsu"] {
            referenced[index(province)] = true;
        }
        for (province, figure) in [
            ("Chongqing", "14"),
            ("Guizhou", "13"),
            ("Jiangsu", "14"),
            ("Guangxi", "13"),
            ("Gansu", "12.5"),
            ("Inner Mongolia", "15"),
            ("Tianjin", "14.5"),
            ("Shanghai", "14"),
            ("Anhui", "14"),
            ("Hainan", "13"),
            ("Jiangxi", "14"),
        ] {
            basic[index(province)] = Some(d(figure));
        }
        Assignment {
            basic,
            referenced,
            unassessable: index("Tibet"),
        }
    }
}

fn index(province: &str) -> usize {
    Province::lookup(province).expect("a province").index()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    Fail,
    Undeclared,
}

/// A violation: rule index, plan index (`u32::MAX` for a sum), and what it is.
pub type Found = (u8, u32, Miss);

const SUM: u32 = u32::MAX;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

/// The national figures, in base units.
struct Figures {
    ei_2025: Decimal,
    co2_2025: Decimal,
    co2_2030: Decimal,
    nf_2025: Decimal,
    nf_2030: Decimal,
    nf_2060: Decimal,
    fc_2025: Decimal,
    fc_2030: Decimal,
    fs_2025: Decimal,
    fs_2030: Decimal,
    ws_2030: Decimal,
    peak: Decimal,
    neutral: Decimal,
}

impl Figures {
    fn new() -> Figures {
        Figures {
            ei_2025: d("13.5"),
            co2_2025: d("18"),
            co2_2030: d("65"),
            // around X within 1 pp: X - 1 and up.
            nf_2025: d("19"),
            nf_2030: d("24"),
            nf_2060: d("80"),
            fc_2025: d("24.1"),
            fc_2030: d("24"),
            // 亿m3 and 亿kW in m3 and kW.
            fs_2025: d("18000000000"),
            fs_2030: d("19000000000"),
            ws_2030: d("1200000000"),
            peak: d("2030"),
            neutral: d("2060"),
        }
    }
}

/// What a declaration commits to meets `>= figure` (or `> figure` where `strict`).
fn at_least(decl: Decl, figure: Decimal, strict: bool) -> Option<bool> {
    match decl {
        Decl::ByReference => None,
        Decl::Value(q, v) => Some(v > figure || (v == figure && (!strict || q == Qual::MoreThan))),
    }
}

/// A year no later than `figure`; "at least" or "more than" a year commits to none.
fn no_later(decl: Decl, figure: Decimal) -> Option<bool> {
    match decl {
        Decl::ByReference => None,
        Decl::Value(Qual::Exact | Qual::Around, v) => Some(v <= figure),
        Decl::Value(..) => Some(false),
    }
}

/// Every violation of the bundled rules among `plans`.
pub fn violations(plans: &[HandPlan]) -> Vec<Found> {
    let f = Figures::new();
    let assigned = Assignment::new();
    let mut out = Vec::new();
    let mut sums = Sums::default();
    for (i, p) in plans.iter().enumerate() {
        let i = i as u32;
        let mut check =
            |rule: u8, decl: Option<Decl>, meets: &dyn Fn(Decl) -> Option<bool>| match decl {
                None => out.push((rule, i, Miss::Undeclared)),
                Some(decl) if meets(decl) == Some(false) => out.push((rule, i, Miss::Fail)),
                Some(_) => {}
            };
        if p.province != assigned.unassessable {
            // A declaration by reference stands for the assigned figure, where one is known.
            let basic = assigned.basic[p.province];
            let referenced = basic.filter(|_| assigned.referenced[p.province]);
            let ei = p.ei_2025.map(|x| match (x, referenced) {
                (Decl::ByReference, Some(b)) => Decl::Value(Qual::AtLeast, b),
                (x, _) => x,
            });
            check(0, ei, &|x| at_least(x, f.ei_2025, false));
            if let Some(b) = basic {
                check(15, ei, &|x| at_least(x, b, false));
            }
        }
        check(2, p.co2_2025, &|x| at_least(x, f.co2_2025, false));
        check(3, p.co2_2030, &|x| at_least(x, f.co2_2030, false));
        check(4, p.nf_2025, &|x| at_least(x, f.nf_2025, false));
        check(5, p.nf_2030, &|x| at_least(x, f.nf_2030, false));
        check(6, p.nf_2060, &|x| at_least(x, f.nf_2060, false));
        check(7, p.fc_2025, &|x| at_least(x, f.fc_2025, false));
        check(8, p.fc_2030, &|x| at_least(x, f.fc_2030, false));
        check(9, p.fc_2030, &|x| hold(x, p.fc_2025));
        check(13, p.peak, &|x| no_later(x, f.peak));
        check(14, p.neutral, &|x| no_later(x, f.neutral));
        sums.add(p);
    }
    sums.check(&f, &mut out);
    out
}

/// FC-HOLD: the 2030 figure is no lower than the 2025 one.
fn hold(later: Decl, earlier: Option<Decl>) -> Option<bool> {
    match (later, earlier?) {
        (Decl::Value(_, l), Decl::Value(_, e)) => Some(l >= e),
        _ => None,
    }
}

/// The first declared figure of each province, for each sum.
#[derive(Default)]
struct Sums {
    fs_2025: [Option<(Qual, Decimal)>; 31],
    fs_2030: [Option<(Qual, Decimal)>; 31],
    ws_2030: [Option<(Qual, Decimal)>; 31],
}

impl Sums {
    fn add(&mut self, p: &HandPlan) {
        for (slot, decl) in [
            (&mut self.fs_2025, p.fs_2025),
            (&mut self.fs_2030, p.fs_2030),
            (&mut self.ws_2030, p.ws_2030),
        ] {
            if let (None, Some(Decl::Value(q, v))) = (slot[p.province], decl) {
                slot[p.province] = Some((q, v));
            }
        }
    }

    /// A sum misses only when every province declares and the total falls short.
    fn check(&self, f: &Figures, out: &mut Vec<Found>) {
        for (rule, slot, figure, strict) in [
            (10, &self.fs_2025, f.fs_2025, false),
            (11, &self.fs_2030, f.fs_2030, false),
            (12, &self.ws_2030, f.ws_2030, false),
        ] {
            let Some(all) = slot.iter().copied().collect::<Option<Vec<_>>>() else {
                continue;
            };
            let total: Decimal = all.iter().map(|(_, v)| v).sum();
            let beyond = all.iter().any(|(q, _)| *q == Qual::MoreThan);
            let meets = total > figure || (total == figure && (!strict || beyond));
            if !meets {
                out.push((rule, SUM, Miss::Fail));
            }
        }
    }
}

/// Violations by rule name, for comparison with the other engines.
pub fn named(found: &[Found]) -> Vec<Violation> {
    found
        .iter()
        .map(|&(rule, plan, miss)| Violation {
            rule: RULES[rule as usize].to_string(),
            plan: (plan != SUM).then_some(plan as usize),
            outcome: match miss {
                Miss::Fail => "fail",
                Miss::Undeclared => "undeclared",
            },
        })
        .collect()
}

/// Typed plans from generated ones, values converted to base units.
pub fn from_generated(plans: &[GenPlan]) -> Vec<HandPlan> {
    plans
        .iter()
        .map(|p| {
            let mut plan = HandPlan {
                province: p.province.index(),
                ..HandPlan::default()
            };
            for t in &p.targets {
                let value = t.value.as_deref().map(d);
                set(&mut plan, target_of(t, value));
            }
            plan
        })
        .collect()
}

/// A target in the shape both readers produce.
struct Read<'a> {
    indicator: &'a str,
    year: Option<u16>,
    value: Option<Decimal>,
    unit: &'a str,
    qualifier: &'a str,
}

fn target_of(t: &GenTarget, value: Option<Decimal>) -> Read<'_> {
    Read {
        indicator: t.indicator,
        year: t.year,
        value,
        unit: t.unit,
        qualifier: t.qualifier,
    }
}

fn set(plan: &mut HandPlan, t: Read) {
    let decl = match (t.qualifier, t.value) {
        ("by_reference", _) | (_, None) => Decl::ByReference,
        (q, Some(v)) => Decl::Value(qual(q), v * factor(t.unit)),
    };
    let field = match (t.indicator, t.year) {
        ("energy_intensity_cut", Some(2025)) => &mut plan.ei_2025,
        ("co2_intensity_cut", Some(2025)) => &mut plan.co2_2025,
        ("co2_intensity_cut", Some(2030)) => &mut plan.co2_2030,
        ("non_fossil_share", Some(2025)) => &mut plan.nf_2025,
        ("non_fossil_share", Some(2030)) => &mut plan.nf_2030,
        ("non_fossil_share", Some(2060)) => &mut plan.nf_2060,
        ("forest_coverage", Some(2025)) => &mut plan.fc_2025,
        ("forest_coverage", Some(2030)) => &mut plan.fc_2030,
        ("forest_stock", Some(2025)) => &mut plan.fs_2025,
        ("forest_stock", Some(2030)) => &mut plan.fs_2030,
        ("wind_solar_capacity", Some(2030)) => &mut plan.ws_2030,
        ("co2_peak_year", _) => &mut plan.peak,
        ("carbon_neutrality_year", _) => &mut plan.neutral,
        _ => return,
    };
    *field = Some(decl);
}

fn qual(q: &str) -> Qual {
    match q {
        "around" => Qual::Around,
        "at_least" => Qual::AtLeast,
        "more_than" => Qual::MoreThan,
        _ => Qual::Exact,
    }
}

fn factor(unit: &str) -> Decimal {
    Decimal::from(match unit {
        "万kW" | "万m3" => 10_000u64,
        "MW" => 1_000,
        "GW" => 1_000_000,
        "亿kW" | "亿m3" => 100_000_000,
        _ => 1,
    })
}

#[derive(Deserialize)]
struct JsonPlan<'a> {
    #[serde(borrow)]
    province: &'a str,
    #[serde(borrow)]
    targets: Vec<JsonTarget<'a>>,
}

#[derive(Deserialize)]
struct JsonTarget<'a> {
    indicator: &'a str,
    year: Option<u16>,
    #[allow(dead_code)]
    baseline: Option<u16>,
    #[serde(borrow)]
    value: Option<&'a serde_json::value::RawValue>,
    #[serde(default)]
    unit: &'a str,
    #[serde(default)]
    qualifier: &'a str,
}

/// Typed plans from JSON texts with serde_json, numbers read exactly from their digits.
pub fn from_json(texts: &[String]) -> Vec<HandPlan> {
    texts
        .iter()
        .map(|text| {
            let p: JsonPlan = serde_json::from_str(text).expect("a generated JSON plan");
            let province = Province::lookup(p.province).expect("a province");
            let mut plan = HandPlan {
                province: province.index(),
                ..HandPlan::default()
            };
            for t in p.targets {
                let value = t.value.map(|raw| d(raw.get()));
                set(
                    &mut plan,
                    Read {
                        indicator: t.indicator,
                        year: t.year,
                        value,
                        unit: t.unit,
                        qualifier: t.qualifier,
                    },
                );
            }
            plan
        })
        .collect()
}
