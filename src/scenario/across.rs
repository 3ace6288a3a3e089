//! What came of each rule across the sets: how many sets met it, and how the tightest margin
//! of each set is spread. Only a summary of each set is kept, never its findings.

use rust_decimal::Decimal;

use crate::check::Checked;
use crate::finding::{Finding, Outcome};

/// How a rule came out in one set, over every finding of it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SetOutcome {
    /// Every plan in its scope meets it (for an aggregate: the sum does).
    Pass,
    /// A benchmark: every plan stands at or past the national figure.
    ReachesBenchmark,
    /// No plan falls outside it, but some declare nothing, or nothing checkable.
    Undecided,
    /// A benchmark: some plan stands short of the national figure. Never a failure.
    ShortOfBenchmark,
    /// Some plan (or the sum) fails it.
    Fail,
}

impl SetOutcome {
    fn of(outcome: Outcome) -> SetOutcome {
        match outcome {
            Outcome::Pass => SetOutcome::Pass,
            Outcome::ReachesBenchmark => SetOutcome::ReachesBenchmark,
            Outcome::Undeclared | Outcome::NotCheckable => SetOutcome::Undecided,
            Outcome::ShortOfBenchmark => SetOutcome::ShortOfBenchmark,
            Outcome::Fail => SetOutcome::Fail,
        }
    }
}

/// What is kept of one set once its output is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetSummary {
    pub plans: usize,
    pub input_errors: usize,
    /// Per rule of the set's findings (rule index, outcome, tightest margin), in rule order.
    pub rules: Vec<(usize, SetOutcome, Option<Decimal>)>,
}

impl SetSummary {
    pub fn of(checked: &Checked) -> SetSummary {
        let mut rules: Vec<(usize, SetOutcome, Option<Decimal>)> = Vec::new();
        let mut findings: Vec<&Finding> = checked.findings.iter().collect();
        findings.sort_by_key(|f| f.rule);
        for f in findings {
            let outcome = SetOutcome::of(f.outcome);
            // The margin of a finding not decided (a sum short of data) says nothing.
            let decided = f.outcome.is_inside() || f.outcome.is_outside();
            let margin = f.margin.filter(|_| decided);
            match rules.last_mut() {
                Some(last) if last.0 == f.rule => {
                    last.1 = last.1.max(outcome);
                    last.2 = tighter(last.2, margin);
                }
                _ => rules.push((f.rule, outcome, margin)),
            }
        }
        SetSummary {
            plans: checked.plans.len(),
            input_errors: checked.input_errors(),
            rules,
        }
    }
}

fn tighter(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Every set's summary, added up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Across {
    pub sets: usize,
    pub plans: usize,
    /// Sets with input that could not be read.
    pub sets_with_input_errors: usize,
    /// One entry per rule that had a finding in some set, in rule order.
    pub rules: Vec<RuleAcross>,
}

/// One rule across the sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleAcross {
    pub rule: usize,
    /// Sets by outcome, indexed by [`SetOutcome`] in its order of declaration.
    pub sets: [usize; 5],
    /// The tightest margin of each set that had one, in set order.
    pub tightest: Vec<Decimal>,
}

impl RuleAcross {
    pub fn count(&self, outcome: SetOutcome) -> usize {
        self.sets[outcome as usize]
    }

    /// How the sets' tightest margins are spread; `None` when no set had a margin.
    pub fn spread(&self) -> Option<Spread> {
        Spread::of(&self.tightest)
    }
}

impl Across {
    pub fn add(&mut self, set: &SetSummary) {
        self.sets += 1;
        self.plans += set.plans;
        self.sets_with_input_errors += usize::from(set.input_errors > 0);
        for &(rule, outcome, margin) in &set.rules {
            let at = match self.rules.binary_search_by_key(&rule, |r| r.rule) {
                Ok(at) => at,
                Err(at) => {
                    let new = RuleAcross {
                        rule,
                        sets: [0; 5],
                        tightest: Vec::new(),
                    };
                    self.rules.insert(at, new);
                    at
                }
            };
            let entry = &mut self.rules[at];
            entry.sets[outcome as usize] += 1;
            entry.tightest.extend(margin);
        }
    }
}

/// The spread of a list of figures by nearest rank: each is one of the figures, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    pub min: Decimal,
    pub quartile1: Decimal,
    pub median: Decimal,
    pub quartile3: Decimal,
    pub max: Decimal,
}

impl Spread {
    pub fn of(figures: &[Decimal]) -> Option<Spread> {
        let mut sorted = figures.to_vec();
        sorted.sort();
        let n = sorted.len();
        // The nearest rank of the p-th quarter: the smallest figure with at least p/4 of
        // them at or below it.
        let rank = |quarters: usize| sorted[(quarters * n).div_ceil(4).max(1) - 1];
        (n > 0).then(|| Spread {
            min: sorted[0],
            quartile1: rank(1),
            median: rank(2),
            quartile3: rank(3),
            max: sorted[n - 1],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(list: &[i64]) -> Vec<Decimal> {
        list.iter().map(|&n| Decimal::from(n)).collect()
    }

    #[test]
    fn the_spread_is_by_nearest_rank() {
        let s = Spread::of(&figures(&[5, 1, 4, 2, 3])).unwrap();
        let got = [s.min, s.quartile1, s.median, s.quartile3, s.max];
        assert_eq!(got.to_vec(), figures(&[1, 2, 3, 4, 5]));
        let s = Spread::of(&figures(&[4, 1, 3, 2])).unwrap();
        assert_eq!(
            (s.quartile1, s.median, s.quartile3),
            (1.into(), 2.into(), 3.into())
        );
        assert_eq!(Spread::of(&[]), None);
        let one = Spread::of(&figures(&[-7])).unwrap();
        assert_eq!(
            (one.min, one.median, one.max),
            ((-7).into(), (-7).into(), (-7).into())
        );
    }

    #[test]
    fn a_set_takes_the_worst_outcome_and_tightest_margin_of_a_rule() {
        let mut across = Across::default();
        let set = |outcome, margin: i64| SetSummary {
            plans: 2,
            input_errors: 0,
            rules: vec![(3, outcome, Some(margin.into()))],
        };
        across.add(&set(SetOutcome::Pass, 2));
        across.add(&set(SetOutcome::Fail, -1));
        let rule = &across.rules[0];
        assert_eq!(
            (rule.count(SetOutcome::Pass), rule.count(SetOutcome::Fail)),
            (1, 1)
        );
        assert_eq!(rule.tightest, figures(&[2, -1]));
        assert_eq!(across.plans, 4);
    }
}
