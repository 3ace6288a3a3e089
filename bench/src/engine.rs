//! plancheck itself: rules compiled once, plans loaded, violations from the briefs.

use plancheck::eval::{Brief, Program};
use plancheck::finding::Outcome;
use plancheck::model::{Plan, PlanPeriod, RuleSet, Sources};
use plancheck::source::SourceFile;
use plancheck::workload::{self, GenPlan};
use plancheck::{bundled, check};

use crate::Violation;

/// The bundled rules, resolved and compiled.
pub struct Engine {
    pub rules: RuleSet,
    pub program: Program,
    pub sources: Sources,
}

impl Engine {
    /// The bundled rules of the 14th period, which the Rego policy and the hand loop encode.
    pub fn bundled() -> Engine {
        let mut sources = Sources::default();
        let rules = check::load_rules(&mut sources, bundled::rule_files())
            .expect("the bundled rules resolve");
        let rules = RuleSet {
            period: Some(PlanPeriod::Fourteenth),
            ..rules
        };
        let program = Program::compile(&rules);
        Engine {
            rules,
            program,
            sources,
        }
    }

    /// Plans from their texts, each parsed (plan language or JSON) and resolved.
    pub fn load(&mut self, texts: &[String], json: bool) -> Vec<Plan> {
        let kind = if json { "json" } else { "plan" };
        let files = texts
            .iter()
            .enumerate()
            .map(|(i, text)| SourceFile::new(format!("plan-{i}.{kind}"), text.as_str()));
        files
            .map(|file| {
                check::load_plan(&mut self.sources, file, &self.rules, &mut Vec::new())
                    .expect("a generated plan loads")
            })
            .collect()
    }

    /// The violations among the findings, in brief.
    pub fn violations(&self, plans: &[Plan]) -> Vec<Brief> {
        let mut out = Vec::new();
        self.program.run(plans, |b| {
            if b.outcome.is_outside() || b.outcome == Outcome::Undeclared {
                out.push(b);
            }
        });
        out
    }

    pub fn named(&self, briefs: &[Brief]) -> Vec<Violation> {
        briefs
            .iter()
            .map(|b| Violation {
                rule: self.rules.rules[b.rule as usize].id.clone(),
                plan: b.plan.map(|p| p as usize),
                // The peers know no benchmarks: a benchmark not reached is their `fail`.
                outcome: if b.outcome.is_outside() {
                    Outcome::Fail.name()
                } else {
                    b.outcome.name()
                },
            })
            .collect()
    }
}

/// The generated plans as plan-language texts and as JSON texts.
pub fn texts(plans: &[GenPlan]) -> (Vec<String>, Vec<String>) {
    (
        plans.iter().map(workload::plan_text).collect(),
        plans.iter().map(workload::plan_json).collect(),
    )
}
