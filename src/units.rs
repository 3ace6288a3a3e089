//! Units and their exact conversions. Every comparison happens in a dimension's base unit
//! (kW for power, m3 for volume), reached by multiplying by a power of ten, so nothing rounds.

use rust_decimal::Decimal;

/// The units plancheck knows, as a help text says them.
pub const UNITS_KNOWN: &str = "units are %, pp, year, kW, 万kW, MW, GW, 亿kW, m3, 万m3, 亿m3, tce, 万tce, 亿tce, t, 万t and 亿t";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// A level or a cut, in per cent.
    Percent,
    /// A difference of two percentages.
    PercentagePoints,
    Year,
    Power,
    Volume,
    /// Energy consumed, in tonnes of standard coal equivalent (tce, 吨标准煤).
    Energy,
    /// A mass, in tonnes: coal burnt, CO2 emitted.
    Mass,
}

impl Dimension {
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Percent => "a percentage",
            Dimension::PercentagePoints => "percentage points",
            Dimension::Year => "a year",
            Dimension::Power => "power",
            Dimension::Volume => "a volume",
            Dimension::Energy => "energy (tonnes of standard coal equivalent)",
            Dimension::Mass => "a mass",
        }
    }

    /// An amount of something (capacity, stock, energy, mass), as opposed to a share, a
    /// difference or a year: never below zero, and a sum over provinces means something.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            Dimension::Power | Dimension::Volume | Dimension::Energy | Dimension::Mass
        )
    }

    /// The dimension of a difference of two such values, e.g. a tolerance or a margin.
    pub fn difference(self) -> Dimension {
        match self {
            Dimension::Percent => Dimension::PercentagePoints,
            other => other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Percent,
    Pp,
    Year,
    KW,
    WanKW,
    MW,
    GW,
    YiKW,
    M3,
    WanM3,
    YiM3,
    Tce,
    WanTce,
    YiTce,
    T,
    WanT,
    YiT,
}

/// Every spelling accepted, with the unit it means; the first spelling of each is canonical.
const SPELLINGS: &[(&str, Unit)] = &[
    ("%", Unit::Percent),
    ("pp", Unit::Pp),
    ("百分点", Unit::Pp),
    ("year", Unit::Year),
    ("年", Unit::Year),
    ("kW", Unit::KW),
    ("千瓦", Unit::KW),
    ("万kW", Unit::WanKW),
    ("万千瓦", Unit::WanKW),
    ("MW", Unit::MW),
    ("GW", Unit::GW),
    ("亿kW", Unit::YiKW),
    ("亿千瓦", Unit::YiKW),
    ("m3", Unit::M3),
    ("m³", Unit::M3),
    ("立方米", Unit::M3),
    ("万m3", Unit::WanM3),
    ("万m³", Unit::WanM3),
    ("万立方米", Unit::WanM3),
    ("亿m3", Unit::YiM3),
    ("亿m³", Unit::YiM3),
    ("亿立方米", Unit::YiM3),
    ("tce", Unit::Tce),
    ("吨标准煤", Unit::Tce),
    ("万tce", Unit::WanTce),
    ("万吨标准煤", Unit::WanTce),
    ("亿tce", Unit::YiTce),
    ("亿吨标准煤", Unit::YiTce),
    ("t", Unit::T),
    ("吨", Unit::T),
    ("万t", Unit::WanT),
    ("万吨", Unit::WanT),
    ("亿t", Unit::YiT),
    ("亿吨", Unit::YiT),
];

impl Unit {
    pub const ALL: [Unit; 17] = [
        Unit::Percent,
        Unit::Pp,
        Unit::Year,
        Unit::KW,
        Unit::WanKW,
        Unit::MW,
        Unit::GW,
        Unit::YiKW,
        Unit::M3,
        Unit::WanM3,
        Unit::YiM3,
        Unit::Tce,
        Unit::WanTce,
        Unit::YiTce,
        Unit::T,
        Unit::WanT,
        Unit::YiT,
    ];

    pub fn parse(written: &str) -> Option<Unit> {
        SPELLINGS
            .iter()
            .find(|(s, _)| *s == written)
            .map(|(_, u)| *u)
    }

    /// Every accepted spelling, for "did you mean" suggestions.
    pub fn spellings() -> impl Iterator<Item = &'static str> + Clone {
        SPELLINGS.iter().map(|(s, _)| *s)
    }

    pub fn name(self) -> &'static str {
        SPELLINGS
            .iter()
            .find(|(_, u)| *u == self)
            .map(|(s, _)| *s)
            .expect("every unit has a spelling")
    }

    pub fn dimension(self) -> Dimension {
        match self {
            Unit::Percent => Dimension::Percent,
            Unit::Pp => Dimension::PercentagePoints,
            Unit::Year => Dimension::Year,
            Unit::KW | Unit::WanKW | Unit::MW | Unit::GW | Unit::YiKW => Dimension::Power,
            Unit::M3 | Unit::WanM3 | Unit::YiM3 => Dimension::Volume,
            Unit::Tce | Unit::WanTce | Unit::YiTce => Dimension::Energy,
            Unit::T | Unit::WanT | Unit::YiT => Dimension::Mass,
        }
    }

    /// The unit every value of this dimension is compared in.
    pub fn base(self) -> Unit {
        match self.dimension() {
            Dimension::Power => Unit::KW,
            Dimension::Volume => Unit::M3,
            Dimension::Energy => Unit::Tce,
            Dimension::Mass => Unit::T,
            _ => self,
        }
    }

    /// The power of ten that takes a value in this unit to the base unit.
    fn exponent(self) -> u32 {
        match self {
            Unit::Percent | Unit::Pp | Unit::Year | Unit::KW | Unit::M3 | Unit::Tce | Unit::T => 0,
            Unit::MW => 3,
            Unit::WanKW | Unit::WanM3 | Unit::WanTce | Unit::WanT => 4,
            Unit::GW => 6,
            Unit::YiKW | Unit::YiM3 | Unit::YiTce | Unit::YiT => 8,
        }
    }

    /// The unit a difference of two values in this unit is written in (% becomes pp).
    pub fn difference(self) -> Unit {
        match self {
            Unit::Percent => Unit::Pp,
            other => other,
        }
    }

    /// `value` in this unit, in the base unit; `None` if it would not fit exactly.
    pub fn to_base(self, value: Decimal) -> Option<Decimal> {
        value.checked_mul(Decimal::from(10u64.pow(self.exponent())))
    }

    /// A base-unit value expressed in this unit; exact, as the factor is a power of ten.
    pub fn from_base(self, base: Decimal) -> Decimal {
        let mut value = base;
        value
            .set_scale(base.scale() + self.exponent())
            .map_or_else(
                |_| base / Decimal::from(10u64.pow(self.exponent())),
                |_| value,
            )
            .normalize()
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn billion_kw_and_wan_kw_meet_in_kw() {
        let national = Unit::YiKW.to_base(d("12")).unwrap();
        let zhejiang = Unit::WanKW.to_base(d("5400")).unwrap();
        assert_eq!(national, d("1200000000"));
        assert_eq!(zhejiang, d("54000000"));
        assert_eq!(Unit::GW.to_base(d("1200")).unwrap(), national);
        assert_eq!(Unit::MW.to_base(d("54000")).unwrap(), zhejiang);
    }

    #[test]
    fn volumes_convert_exactly() {
        let qinghai = Unit::WanM3.to_base(d("5300")).unwrap();
        assert_eq!(Unit::YiM3.from_base(qinghai), d("0.53"));
        assert_eq!(Unit::YiM3.to_base(d("180")).unwrap(), d("18000000000"));
    }

    #[test]
    fn every_unit_round_trips() {
        for unit in Unit::ALL {
            for value in ["0", "13.5", "0.0001", "5400", "123456789.123"] {
                let base = unit.to_base(d(value)).unwrap();
                assert_eq!(unit.from_base(base), d(value).normalize(), "{unit} {value}");
            }
        }
    }

    #[test]
    fn chinese_spellings_mean_the_same_units() {
        assert_eq!(Unit::parse("万千瓦"), Some(Unit::WanKW));
        assert_eq!(Unit::parse("亿立方米"), Some(Unit::YiM3));
        assert_eq!(Unit::parse("kw"), None);
        assert_eq!(Unit::WanKW.name(), "万kW");
    }

    #[test]
    fn energy_and_mass_are_their_own_dimensions() {
        assert_eq!(Unit::parse("万吨标准煤"), Some(Unit::WanTce));
        assert_eq!(Unit::parse("亿吨"), Some(Unit::YiT));
        let cap = Unit::YiTce.to_base(d("1.4")).unwrap();
        assert_eq!(Unit::WanTce.from_base(cap), d("14000"));
        assert_eq!(Unit::Tce.dimension(), Dimension::Energy);
        assert_eq!(Unit::WanT.dimension(), Dimension::Mass);
        assert_ne!(
            Unit::Tce.dimension(),
            Unit::T.dimension(),
            "a tonne of coal equivalent is not a tonne of anything"
        );
    }

    #[test]
    fn overflow_is_reported_not_wrapped() {
        assert_eq!(Unit::YiKW.to_base(Decimal::MAX), None);
    }

    #[test]
    fn a_difference_of_percentages_is_in_points() {
        assert_eq!(Unit::Percent.difference(), Unit::Pp);
        assert_eq!(Dimension::Percent.difference(), Dimension::PercentagePoints);
        assert_eq!(Unit::GW.difference(), Unit::GW);
    }
}
