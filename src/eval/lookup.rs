//! Finding the targets the rules are about in a plan: one pass over its targets fills every
//! slot of the program.

use super::program::Program;
use crate::model::Plan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lookup {
    Found(usize),
    /// Declared for the year, but measured from another baseline year.
    OtherBaseline(usize),
    Missing,
}

/// What a plan holds for one slot: the first target from the slot's baseline year, and the
/// first from any other.
#[derive(Debug, Clone, Copy, Default)]
struct Hit {
    found: Option<u32>,
    other: Option<u32>,
}

/// A plan's targets sorted into the program's slots. Kept between plans so that its memory
/// is reused.
#[derive(Debug, Default)]
pub(super) struct Hits {
    hits: Vec<Hit>,
}

impl Hits {
    pub fn fill(&mut self, program: &Program, plan: &Plan) {
        self.hits.clear();
        self.hits.resize(program.slot_count(), Hit::default());
        for (i, target) in plan.targets.iter().enumerate() {
            for &(s, key) in program.slots_of(target.indicator) {
                if key.year.is_some() && key.year != target.year {
                    continue;
                }
                let hit = &mut self.hits[s];
                let place = if target.baseline == key.baseline {
                    &mut hit.found
                } else {
                    &mut hit.other
                };
                place.get_or_insert(i as u32);
            }
        }
    }

    /// The target for `slot`, preferring one from the slot's own baseline year.
    #[inline]
    pub fn lookup(&self, slot: usize) -> Lookup {
        match self.hits[slot] {
            Hit { found: Some(t), .. } => Lookup::Found(t as usize),
            Hit { other: Some(t), .. } => Lookup::OtherBaseline(t as usize),
            _ => Lookup::Missing,
        }
    }

    /// The target for `slot` from its own baseline year, if any.
    #[inline]
    pub fn found(&self, slot: usize) -> Option<usize> {
        self.hits[slot].found.map(|t| t as usize)
    }

    /// Any target for `slot`, whatever its baseline.
    #[inline]
    pub fn any(&self, slot: usize) -> Option<usize> {
        match self.lookup(slot) {
            Lookup::Found(t) | Lookup::OtherBaseline(t) => Some(t),
            Lookup::Missing => None,
        }
    }
}
