//! What the words of a target sentence mean: which national indicator a subject and its
//! predicate name, from which baseline, in which unit.

use super::parser::Rule;
use crate::ast::{DeclaredValue, Spanned};
use crate::units::Unit;

type Pair<'i> = pest::iterators::Pair<'i, Rule>;

/// The thing a target sentence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    EnergyIntensity,
    Co2Intensity,
    NonFossil,
    Renewable,
    Forest,
    TreeCover,
    ForestStock,
    WindSolar,
    /// A peak or neutrality year.
    Peak,
    LookAlike,
}

impl Kind {
    pub(super) fn of(rule: Rule) -> Option<Kind> {
        Some(match rule {
            Rule::energy_intensity | Rule::bare_energy => Kind::EnergyIntensity,
            Rule::co2_intensity | Rule::bare_co2 => Kind::Co2Intensity,
            Rule::non_fossil_share => Kind::NonFossil,
            Rule::renewable_share => Kind::Renewable,
            Rule::forest_coverage => Kind::Forest,
            Rule::tree_cover => Kind::TreeCover,
            Rule::forest_stock => Kind::ForestStock,
            Rule::wind_solar_capacity => Kind::WindSolar,
            Rule::look_alike => Kind::LookAlike,
            _ => return None,
        })
    }

    fn intensity(self) -> bool {
        matches!(self, Kind::EnergyIntensity | Kind::Co2Intensity)
    }

    /// The indicator of a level (`达到20%`); intensities are read only as cuts.
    fn level_indicator(self) -> Option<&'static str> {
        Some(match self {
            Kind::NonFossil => "non_fossil_share",
            Kind::Renewable => "renewable_share",
            Kind::Forest => "forest_coverage",
            Kind::TreeCover => "tree_cover",
            Kind::ForestStock => "forest_stock",
            Kind::WindSolar => "wind_solar_capacity",
            _ => return None,
        })
    }

    fn cut_indicator(self) -> Option<&'static str> {
        match self {
            Kind::EnergyIntensity => Some("energy_intensity_cut"),
            Kind::Co2Intensity => Some("co2_intensity_cut"),
            _ => None,
        }
    }
}

/// The form of a target's predicate.
#[derive(Debug)]
pub(super) enum Shape<'a> {
    ByReference {
        assigner: &'a str,
        baseline: Option<&'a Spanned<u16>>,
    },
    Cut {
        baseline: Option<&'a Spanned<u16>>,
    },
    Level {
        baseline: Option<&'a Spanned<u16>>,
    },
}

/// The indicator a target names, and the baseline it is measured from.
#[derive(Debug)]
pub(super) struct Named {
    pub indicator: String,
    pub baseline: Option<Spanned<u16>>,
}

fn named(indicator: &str, baseline: Option<Spanned<u16>>) -> Result<Named, String> {
    Ok(Named {
        indicator: indicator.to_string(),
        baseline,
    })
}

/// Reads `kind` with its predicate for `year`, or says why it cannot be read.
/// `bound` says whether the plan is bound by an assignment of the one named (a province's
/// plan by the State's, a city's also by its province's).
pub(super) fn name(
    kind: Kind,
    shape: &Shape,
    (year, scope_span): (u16, miette::SourceSpan),
    value: &DeclaredValue,
    bound: &dyn Fn(&str) -> bool,
) -> Result<Named, String> {
    match *shape {
        Shape::ByReference { assigner, .. } if !bound(assigner) => Err(format!(
            "a target assigned by {assigner}, not by the State: plancheck checks national assignments only (a city's plan, read with `--city`, is bound by its province's)"
        )),
        Shape::ByReference { baseline, .. } | Shape::Cut { baseline } if kind.intensity() => {
            let by_reference = matches!(shape, Shape::ByReference { .. });
            let baseline = baseline
                .cloned()
                .or_else(|| implied_baseline(kind, year, by_reference, scope_span));
            match baseline {
                Some(b) => named(kind.cut_indicator().expect("an intensity"), Some(b)),
                None => Err(format!(
                    "a cut by {year} from a year the sentence does not give"
                )),
            }
        }
        Shape::ByReference { baseline: None, .. } | Shape::Level { baseline: None } => {
            match kind.level_indicator() {
                Some(_) if over_whole(kind, value) => {
                    Err("a share of more than 100 %, which no share can be".into())
                }
                Some(indicator) => named(indicator, None),
                None => Err("a level of intensity, not a cut from a baseline year".into()),
            }
        }
        Shape::Level { baseline: Some(b) } if kind == Kind::Forest && is_points(value) => {
            named("forest_coverage_gain", Some(b.clone()))
        }
        Shape::Cut { .. } => Err("a cut of an indicator plancheck reads as a level".into()),
        _ => {
            Err("a change from a baseline year, which plancheck reads for no such indicator".into())
        }
    }
}

/// The baseline a cut states by not stating it: 2025 targets are the 14th five-year plan's,
/// measured from 2020; `2030年…二氧化碳排放…完成国家下达目标` is the national 2030 target,
/// measured from 2005. An energy-intensity cut for 2030 has no national figure to point at.
fn implied_baseline(
    kind: Kind,
    year: u16,
    by_reference: bool,
    at: miette::SourceSpan,
) -> Option<Spanned<u16>> {
    let from = match (kind, year, by_reference) {
        (_, 2025, _) => 2020,
        (Kind::Co2Intensity, 2030, true) => 2005,
        _ => return None,
    };
    Some(Spanned::new(from, at))
}

/// A share or a rate (non-fossil, renewable, forest or tree cover) over 100 %: a misread or
/// damaged figure, never a target.
fn over_whole(kind: Kind, value: &DeclaredValue) -> bool {
    let share = matches!(
        kind,
        Kind::NonFossil | Kind::Renewable | Kind::Forest | Kind::TreeCover
    );
    let DeclaredValue::Number { quantity, .. } = value else {
        return false;
    };
    let percent = quantity.unit.as_ref().is_some_and(|u| u.node == "%");
    share && percent && quantity.number.node.value > rust_decimal::Decimal::ONE_HUNDRED
}

fn is_points(value: &DeclaredValue) -> bool {
    match value {
        DeclaredValue::Number { quantity, .. } => {
            quantity.unit.as_ref().is_some_and(|u| u.node == "pp")
        }
        DeclaredValue::ByReference => false,
    }
}

/// The plan language's name of a unit as the text writes it (`万千瓦` is `万kW`).
pub(super) fn unit_name(pair: &Pair) -> String {
    let written = pair.as_str().trim_start_matches('个');
    match Unit::parse(written) {
        Some(unit) => unit.name().to_string(),
        None => written.to_string(),
    }
}

/// What a look-alike is, for the note that says it was not read.
pub(super) fn look_alike_what(word: &str) -> &'static str {
    const WHAT: [(&str, &str); 7] = [
        ("水电", "it counts hydropower with wind and solar"),
        (
            "新能源和可再生能源",
            "it counts every new and renewable source, not wind and solar alone",
        ),
        (
            "可再生能源发电",
            "it counts every renewable source, not wind and solar alone",
        ),
        ("新能源", "new-energy capacity is more than wind and solar"),
        (
            "清洁能源",
            "it is a share of generation, not of energy consumption",
        ),
        ("煤炭", "it is coal's share, not the non-fossil share"),
        (
            "单位工业增加值",
            "it is per unit of industrial value added, not of GDP",
        ),
    ];
    WHAT.iter()
        .find(|(start, _)| word.starts_with(start))
        .map_or(
            "it is total energy consumption, not energy per unit of GDP",
            |(_, what)| what,
        )
}
