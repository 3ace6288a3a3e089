//! Finding the target a requirement is about in a plan.

use crate::model::{IndicatorId, Plan};

pub(super) enum Lookup {
    Found(usize),
    /// Declared for the year, but measured from another baseline year.
    OtherBaseline(usize),
    Missing,
}

/// The plan's target for `indicator` in `year` (any year where the requirement names none,
/// as for a peak year) from `baseline`.
pub(super) fn lookup(
    plan: &Plan,
    indicator: IndicatorId,
    year: Option<u16>,
    baseline: Option<u16>,
) -> Lookup {
    let mut other = None;
    for (i, t) in plan.targets.iter().enumerate() {
        if t.indicator != indicator || (year.is_some() && t.year != year) {
            continue;
        }
        if t.baseline == baseline {
            return Lookup::Found(i);
        }
        other.get_or_insert(i);
    }
    other.map_or(Lookup::Missing, Lookup::OtherBaseline)
}
