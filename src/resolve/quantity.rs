//! Units on numbers: known, of the right dimension, and converted exactly.

use crate::ast::{Quantity, Spanned};
use crate::model::Amount;
use crate::suggest::did_you_mean;
use crate::units::{Dimension, Unit};

use super::ResolveError;

/// What a quantity must measure, and the indicator it is a value of, to name in a message.
pub(super) struct Expect<'a> {
    pub dimension: Dimension,
    pub indicator: &'a str,
    /// The unit to assume where none is written.
    pub default: Option<Unit>,
    /// A difference of values (a tolerance): a number of years, not a year.
    pub difference: bool,
}

impl Expect<'_> {
    /// The thing whose unit is wrong, as a message names it; built only for the message.
    fn what(&self) -> String {
        if self.difference {
            format!("the tolerance of `{}`", self.indicator)
        } else {
            format!("`{}`", self.indicator)
        }
    }
}

pub(super) fn resolve_unit(written: &Spanned<String>) -> Result<Unit, ResolveError> {
    resolve_unit_in(written, None)
}

/// A unit where one of `dimension` is expected: a unit it begins (`万` for `万kW`, where
/// power is expected) is the likelier meaning than the nearest spelling (`%`).
fn resolve_unit_in(
    written: &Spanned<String>,
    dimension: Option<crate::units::Dimension>,
) -> Result<Unit, ResolveError> {
    let begun = || {
        let fits = |s: &&str| Unit::parse(s).is_some_and(|u| Some(u.dimension()) == dimension);
        let name = Unit::spellings()
            .filter(fits)
            .find(|s| s.starts_with(&written.node))?;
        Some(format!("did you mean `{name}`?"))
    };
    Unit::parse(&written.node).ok_or_else(|| ResolveError::UnknownUnit {
        name: written.node.clone(),
        span: written.span,
        help: begun()
            .or_else(|| did_you_mean(&written.node, Unit::spellings()))
            .or_else(|| Some(crate::units::UNITS_KNOWN.into())),
    })
}

pub(super) fn resolve_quantity(q: &Quantity, expect: &Expect) -> Result<Amount, ResolveError> {
    let (unit, span) = match (&q.unit, expect.default) {
        (Some(written), _) => (
            resolve_unit_in(written, Some(expect.dimension))?,
            written.span,
        ),
        (None, Some(default)) => (default, q.number.span),
        (None, None) => unreachable!("the grammar requires a unit where there is no default"),
    };
    if unit.dimension() != expect.dimension {
        return Err(mismatch(unit, span, expect));
    }
    let value = q.number.node.value;
    if unit.dimension().is_amount() && value.is_sign_negative() && !value.is_zero() {
        return Err(ResolveError::NegativeTotal {
            text: q.number.node.text.clone(),
            unit: unit.name(),
            span: q.number.span,
        });
    }
    let whole_year = value.scale() == 0 && (1000..=9999).contains(&value.mantissa());
    if unit == Unit::Year && !expect.difference && !whole_year {
        return Err(ResolveError::NotAYear {
            text: q.number.node.text.clone(),
            span: q.number.span,
        });
    }
    let base =
        unit.to_base(q.number.node.value)
            .ok_or_else(|| ResolveError::ConversionOverflow {
                text: q.number.node.text.clone(),
                unit: unit.name(),
                base: unit.base().name(),
                span: q.number.span,
            })?;
    Ok(Amount { base, unit })
}

pub(super) fn mismatch(unit: Unit, span: miette::SourceSpan, expect: &Expect) -> ResolveError {
    let help = match (unit.dimension(), expect.dimension) {
        (Dimension::Percent, Dimension::PercentagePoints) => {
            Some("a difference of two percentages is written in `pp`".to_string())
        }
        _ => Some(format!(
            "use a unit of {}, such as `{}`",
            expect.dimension.name(),
            example_unit(expect.dimension)
        )),
    };
    ResolveError::UnitMismatch {
        unit: unit.name(),
        found: unit.dimension().name(),
        what: expect.what(),
        expected: expect.dimension.name(),
        span,
        help,
    }
}

fn example_unit(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Percent => "%",
        Dimension::PercentagePoints => "pp",
        Dimension::Year => "year",
        Dimension::Power => "万kW",
        Dimension::Volume => "亿m3",
        Dimension::Energy => "万tce",
        Dimension::Mass => "万t",
    }
}
