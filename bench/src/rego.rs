//! The same rules in Rego (`policy/plancheck.rego`), evaluated by regorus's interpreter.
//! Its bytecode VM is not used: it mis-sums comprehensions over missing fields.

use plancheck::workload::{self, GenPlan};
use regorus::{Engine, Value};

use crate::Violation;

pub const POLICY: &str = include_str!("../policy/plancheck.rego");
const RULE: &str = "data.plancheck.violations";

/// An engine with the policy loaded, ready for an input.
pub fn engine() -> Engine {
    let mut engine = Engine::new();
    engine
        .add_policy("plancheck.rego".to_string(), POLICY.to_string())
        .expect("the policy parses");
    engine
}

/// The input document: `{"plans": [...]}`, each plan in plancheck's JSON format.
pub fn input_json(plans: &[GenPlan]) -> String {
    let plans: Vec<String> = plans.iter().map(workload::plan_json).collect();
    format!("{{\"plans\": [\n{}]}}", plans.join(",\n"))
}

/// The violations for an input already read.
pub fn violations(engine: &mut Engine, input: Value) -> Value {
    engine.set_input(input);
    engine
        .eval_rule(RULE.to_string())
        .expect("the policy evaluates")
}

/// From JSON text to violations.
pub fn violations_from_json(engine: &mut Engine, json: &str) -> Value {
    let input = Value::from_json_str(json).expect("the input is JSON");
    violations(engine, input)
}

pub fn named(set: &Value) -> Vec<Violation> {
    let Ok(set) = set.as_set() else {
        // A policy that finds nothing leaves the rule undefined.
        return Vec::new();
    };
    set.iter()
        .map(|v| {
            let field = |name: &str| &v[name];
            let outcome = match field("outcome").as_string().expect("an outcome").as_ref() {
                "fail" => "fail",
                _ => "undeclared",
            };
            Violation {
                rule: field("rule").as_string().expect("a rule").to_string(),
                plan: field("plan").as_u64().ok().map(|p| p as usize),
                outcome,
            }
        })
        .collect()
}
