//! Values as messages show them: in a unit, with no trailing zeros, exactly.

use rust_decimal::Decimal;

use crate::eval::judge::{End, Interval};
use crate::units::Unit;

/// A base-unit value in `unit`, with no trailing zeros and never `-0`.
fn plain(base: Decimal, unit: Unit) -> Decimal {
    let v = unit.from_base(base);
    if v.is_zero() { Decimal::ZERO } else { v }
}

/// A decimal with its exact digits and no trailing zeros, never `-0`.
pub fn exact(d: Decimal) -> String {
    if d.is_zero() {
        "0".into()
    } else {
        d.normalize().to_string()
    }
}

/// A base-unit value in its unit: `14.5 %`, `5400 万kW`, and a year as just the year.
pub fn show_amount(base: Decimal, unit: Unit) -> String {
    show_value(unit.from_base(base), unit)
}

/// A value already in `unit`, shown the same way.
pub fn show_value(value: Decimal, unit: Unit) -> String {
    let v = if value.is_zero() {
        Decimal::ZERO
    } else {
        value.normalize()
    };
    match unit {
        Unit::Year => v.to_string(),
        _ => format!("{v} {unit}"),
    }
}

/// A difference of two values in `unit`, given in that unit's difference unit: `1 pp` for
/// percentages, `2 years` for years.
pub fn show_difference(value: Decimal, unit: Unit) -> String {
    let unit = unit.difference();
    let v = if value.is_zero() {
        Decimal::ZERO
    } else {
        value.normalize()
    };
    match unit {
        Unit::Year if v.abs() == Decimal::ONE => format!("{v} year"),
        Unit::Year => format!("{v} years"),
        _ => format!("{v} {unit}"),
    }
}

/// A set of values in interval notation, `[13.5, ∞) %`; a single value as itself.
pub fn show_interval(set: Interval, unit: Unit) -> String {
    if let (Some(l), Some(h)) = (set.low, set.high)
        && l.value == h.value
        && l.inclusive
        && h.inclusive
    {
        return show_amount(l.value, unit);
    }
    let end = |e: Option<End>, infinity: &str| {
        e.map_or(infinity.to_string(), |e| plain(e.value, unit).to_string())
    };
    let open = if set.low.is_some_and(|e| e.inclusive) {
        "["
    } else {
        "("
    };
    let close = if set.high.is_some_and(|e| e.inclusive) {
        "]"
    } else {
        ")"
    };
    let suffix = match unit {
        Unit::Year => String::new(),
        _ => format!(" {unit}"),
    };
    format!(
        "{open}{}, {}{close}{suffix}",
        end(set.low, "-∞"),
        end(set.high, "∞")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Qualifier;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_in_their_units() {
        assert_eq!(show_amount(d("14.50"), Unit::Percent), "14.5 %");
        assert_eq!(show_amount(d("54000000"), Unit::WanKW), "5400 万kW");
        assert_eq!(show_amount(d("54000000"), Unit::YiKW), "0.54 亿kW");
        assert_eq!(show_amount(d("2030"), Unit::Year), "2030");
    }

    #[test]
    fn differences() {
        assert_eq!(show_difference(d("1.0"), Unit::Percent), "1 pp");
        assert_eq!(show_difference(d("2"), Unit::Year), "2 years");
        assert_eq!(show_difference(d("1"), Unit::Year), "1 year");
        assert_eq!(show_difference(-d("0"), Unit::Percent), "0 pp");
        assert_eq!(
            show_difference(d("11.26"), Unit::YiKW),
            "11.26 亿kW",
            "no second conversion"
        );
    }

    #[test]
    fn intervals() {
        let at_least = Interval::declared(Qualifier::AtLeast, d("14.4"));
        assert_eq!(show_interval(at_least, Unit::Percent), "[14.4, ∞) %");
        let more = Interval::declared(Qualifier::MoreThan, d("65"));
        assert_eq!(show_interval(more, Unit::Percent), "(65, ∞) %");
        assert_eq!(
            show_interval(Interval::point(d("2030")), Unit::Year),
            "2030"
        );
    }
}
