//! Checks that plancheck, regorus and the hand-written loop find the same violations on
//! generated workloads, and prints how many, with the time of one pass of each on loaded
//! data and from JSON text: `agree [N...]`. One pass is a rough figure; criterion's are in
//! `cargo bench -p plancheck-bench`, where regorus is too slow to time ten times at 300,000.

use std::time::{Duration, Instant};

use plancheck::workload;
use plancheck_bench::{engine, hand, rego, sorted};

/// `f`'s result and how long it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

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
        let (texts, jsons) = engine::texts(&plans);
        let mut ours = engine::Engine::bundled();
        let loaded = ours.load(&texts, false);
        let (a, ours_eval) = timed(|| ours.violations(&loaded));
        let a = sorted(ours.named(&a));
        let typed = hand::from_generated(&plans);
        let (b, hand_eval) = timed(|| hand::violations(&typed));
        let b = sorted(hand::named(&b));
        let input = rego::input_json(&plans);
        let value = regorus::Value::from_json_str(&input).expect("JSON");
        let (c, rego_eval) = timed(|| rego::violations(&mut rego::engine(), value));
        let c = sorted(rego::named(&c));
        println!(
            "N = {n}: violations: plancheck {}, hand {}, regorus {}",
            a.len(),
            b.len(),
            c.len()
        );
        println!("  loaded: plancheck {ours_eval:?}, hand {hand_eval:?}, regorus {rego_eval:?}");
        let mut fresh = engine::Engine::bundled();
        let (_, ours_json) = timed(|| {
            let loaded = fresh.load(&jsons, true);
            fresh.violations(&loaded)
        });
        let (_, hand_json) = timed(|| hand::violations(&hand::from_json(&jsons)));
        let (_, rego_json) = timed(|| rego::violations_from_json(&mut rego::engine(), &input));
        println!("  from JSON: plancheck {ours_json:?}, hand {hand_json:?}, regorus {rego_json:?}");
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
