//! Scenario studies (`check --scenarios`): plans in sets, each set checked on its own as if
//! it were the only input (its aggregates over its own plans), and a summary across the
//! sets. Sets stream through: only the sets being checked are in memory, never the whole
//! input. Sets are checked on all cores and handed on in input order, so one core and many
//! give the same output, byte for byte.

mod across;
mod read;

pub use across::{Across, RuleAcross, SetOutcome, SetSummary, Spread};
pub use read::{PlanSet, SetReader, is_json_lines};

use rayon::prelude::*;

use crate::check::{Checked, check_against};
use crate::model::{RuleSet, Sources};

/// The rules every set is checked against, read and resolved once.
pub struct LoadedRules {
    pub sources: Sources,
    pub rules: RuleSet,
}

/// Sets checked at once for each core: enough to keep every core busy while the slowest
/// set of a batch finishes, few enough that memory stays near the size of one set a core.
const SETS_PER_JOB: usize = 2;

/// Checks each set of `sets` on its own, on `jobs` cores. `each` turns a set's result into
/// what is kept of it (its output, its summary) on the core that checked it; `emit` gets
/// those in input order. The next batch of sets is read while one is checked.
pub fn check_sets<T: Send>(
    rules: &LoadedRules,
    sets: &mut (dyn Iterator<Item = PlanSet> + Send),
    jobs: usize,
    today: time::Date,
    each: &(dyn Fn(&str, Checked) -> T + Sync),
    emit: &mut dyn FnMut(T),
) {
    let check = |set: PlanSet| {
        let (sources, set_rules) = (rules.sources.clone(), rules.rules.clone());
        let checked = check_against(
            sources,
            set_rules,
            set.files,
            set.problems,
            today,
            &mut || {},
        );
        each(&set.name, checked)
    };
    let size = jobs.max(1) * SETS_PER_JOB;
    let next = |sets: &mut (dyn Iterator<Item = PlanSet> + Send)| -> Vec<PlanSet> {
        sets.take(size).collect()
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build();
    let mut batch = next(sets);
    while !batch.is_empty() {
        // Without a pool (a system out of threads), sets are checked one by one here.
        let (done, following) = match &pool {
            Ok(pool) => pool.install(|| {
                rayon::join(
                    || batch.into_par_iter().map(check).collect::<Vec<T>>(),
                    || next(&mut *sets),
                )
            }),
            Err(_) => (batch.into_iter().map(check).collect(), next(&mut *sets)),
        };
        done.into_iter().for_each(&mut *emit);
        batch = following;
    }
}
