//! Which plans a run checks: one a province, a plan given by the user in place of the
//! bundled plan of its province.

use std::collections::BTreeMap;

use crate::model::*;
use crate::problem::Problem;

use super::ResolveError;

/// Leaves out a bundled plan when the run holds another plan for its province, and notes
/// it: checking a draft beside the bundled folder (`check draft.plan fixtures/plans/`) is
/// how a reviewer compares one province with the rest. Two plans of the user's own for a
/// province are left for [`unique_provinces`] to refuse, against each other.
pub fn replace_bundled(plans: &mut Vec<Plan>, sources: &Sources) -> Vec<Problem> {
    let bundled = |p: &Plan| crate::bundled::is_bundled_plan(sources.get(p.file).text());
    let mut by_province: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (i, plan) in plans.iter().enumerate() {
        by_province.entry(plan.whose()).or_default().push(i);
    }
    let mut left_out = vec![false; plans.len()];
    let mut notes = Vec::new();
    for indices in by_province.values().filter(|list| list.len() > 1) {
        let (theirs, own): (Vec<usize>, Vec<usize>) =
            indices.iter().partition(|&&i| bundled(&plans[i]));
        // With two plans of the user's own, the bundled one is left out too, and the two
        // are refused against each other (PC022), not against it.
        let Some(&first) = own.first() else { continue };
        for i in theirs {
            left_out[i] = true;
            notes.push(replaced(&plans[first], &plans[i], sources));
        }
    }
    let mut index = 0;
    plans.retain(|_| {
        index += 1;
        !left_out[index - 1]
    });
    notes
}

fn replaced(own: &Plan, bundled: &Plan, sources: &Sources) -> Problem {
    let province = own.province.english().to_string();
    let note = ResolveError::ReplacesBundled {
        province: province.clone(),
        bundled: sources.get(bundled.file).name().to_string(),
        span: own.header.span,
    };
    let there = ResolveError::BundledLeftOut {
        province: province.clone(),
        span: bundled.header.span,
    };
    Problem::new(sources.get(own.file), note)
        .with_related(Problem::new(sources.get(bundled.file), there))
}

/// One plan per province in a run; a second is an error pointing at the first.
pub fn unique_provinces(plans: &[Plan], sources: &Sources) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let Some(first) = plans[..i].iter().find(|p| p.whose() == plan.whose()) else {
            continue;
        };
        let error = ResolveError::DuplicatePlan {
            province: plan.name(),
            span: plan.header.span,
        };
        let note = ResolveError::FirstHere {
            what: format!("the plan for {} is", plan.name()),
            span: first.header.span,
        };
        problems.push(
            Problem::new(sources.get(plan.file), error)
                .with_related(Problem::new(sources.get(first.file), note)),
        );
    }
    problems
}
