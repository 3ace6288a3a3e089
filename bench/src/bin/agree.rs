//! Checks that plancheck, regorus and the hand-written loop find the same violations on
//! generated workloads, and prints how many: `agree [N...]`.

use plancheck::workload;
use plancheck_bench::{engine, hand, rego, sorted};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of plans"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![31, 3000]
    } else {
        sizes
    };
    for n in sizes {
        let plans = workload::generate(n, 42);
        let (texts, _) = engine::texts(&plans);
        let mut ours = engine::Engine::bundled();
        let loaded = ours.load(&texts, false);
        let a = sorted(ours.named(&ours.violations(&loaded)));
        let b = sorted(hand::named(&hand::violations(&hand::from_generated(
            &plans,
        ))));
        let mut regorus = rego::engine();
        let c = sorted(rego::named(&rego::violations_from_json(
            &mut regorus,
            &rego::input_json(&plans),
        )));
        println!(
            "N = {n}: plancheck {}, hand {}, regorus {}",
            a.len(),
            b.len(),
            c.len()
        );
        report("hand", &a, &b);
        report("regorus", &a, &c);
    }
}

fn report(name: &str, ours: &[plancheck_bench::Violation], theirs: &[plancheck_bench::Violation]) {
    let only_ours: Vec<_> = ours
        .iter()
        .filter(|v| !theirs.contains(v))
        .take(5)
        .collect();
    let only_theirs: Vec<_> = theirs
        .iter()
        .filter(|v| !ours.contains(v))
        .take(5)
        .collect();
    if !only_ours.is_empty() || !only_theirs.is_empty() {
        println!("  {name} differs: only plancheck {only_ours:?}; only {name} {only_theirs:?}");
    }
}
