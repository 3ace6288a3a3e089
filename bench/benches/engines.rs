//! plancheck against the regorus interpreter and a hand-written loop, on the same generated
//! workload (N = 31, 3 000, 300 000 plans) and the bundled national rules. Before timing,
//! each size asserts that the three find the same violations.
//!
//! `evaluate`: plans already loaded, rules compiled; plan-rule checks per second.
//! `json_to_violations`: from JSON text to the violations, reading included.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plancheck::workload::{self, GenPlan};
use plancheck_bench::{Violation, engine, hand, rego, sorted};

const SIZES: [usize; 3] = [31, 3_000, 300_000];

/// regorus takes over two minutes a pass at 300,000 plans, and criterion wants ten passes: it
/// is timed there only when `REGORUS_AT_ALL_SIZES` is set. `cargo run --release -p
/// plancheck-bench --bin agree 300000` times one pass of each engine instead.
fn time_regorus(n: usize) -> bool {
    n <= 3_000 || std::env::var_os("REGORUS_AT_ALL_SIZES").is_some()
}

fn agree(plans: &[GenPlan]) {
    let (texts, _) = engine::texts(plans);
    let mut ours = engine::Engine::bundled();
    let loaded = ours.load(&texts, false);
    let a = sorted(ours.named(&ours.violations(&loaded)));
    let b = sorted(hand::named(&hand::violations(&hand::from_generated(plans))));
    let mut regorus = rego::engine();
    let input = rego::input_json(plans);
    let c: Vec<Violation> = sorted(rego::named(&rego::violations_from_json(
        &mut regorus,
        &input,
    )));
    assert_eq!(a, b, "plancheck and the hand-written loop disagree");
    assert_eq!(a, c, "plancheck and regorus disagree");
}

fn evaluate(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10);
    for n in SIZES {
        let plans = workload::generate(n, 42);
        agree(&plans);
        // Plan-rule checks: every plan meets the 12 rules over each province, and the 3
        // sums meet every plan once.
        group.throughput(Throughput::Elements((n * 15) as u64));
        let (texts, _) = engine::texts(&plans);
        let mut ours = engine::Engine::bundled();
        let loaded = ours.load(&texts, false);
        group.bench_function(BenchmarkId::new("plancheck", n), |b| {
            b.iter(|| ours.violations(&loaded))
        });
        let typed = hand::from_generated(&plans);
        group.bench_function(BenchmarkId::new("hand", n), |b| {
            b.iter(|| hand::violations(&typed))
        });
        if !time_regorus(n) {
            continue;
        }
        let prepared = rego::engine();
        let input = regorus::Value::from_json_str(&rego::input_json(&plans)).expect("JSON");
        group.bench_function(BenchmarkId::new("regorus", n), |b| {
            b.iter_batched(
                || (prepared.clone(), input.clone()),
                |(mut engine, input)| rego::violations(&mut engine, input),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn json_to_violations(c: &mut Criterion) {
    let mut group = c.benchmark_group("json_to_violations");
    group.sample_size(10);
    for n in SIZES {
        let plans = workload::generate(n, 42);
        group.throughput(Throughput::Elements(n as u64));
        let (_, jsons) = engine::texts(&plans);
        group.bench_function(BenchmarkId::new("plancheck", n), |b| {
            b.iter_batched(
                engine::Engine::bundled,
                |mut ours| {
                    let loaded = ours.load(&jsons, true);
                    ours.violations(&loaded)
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function(BenchmarkId::new("serde_json+hand", n), |b| {
            b.iter(|| hand::violations(&hand::from_json(&jsons)))
        });
        if !time_regorus(n) {
            continue;
        }
        let prepared = rego::engine();
        let input = rego::input_json(&plans);
        group.bench_function(BenchmarkId::new("regorus", n), |b| {
            b.iter_batched(
                || prepared.clone(),
                |mut engine| rego::violations_from_json(&mut engine, &input),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, evaluate, json_to_violations);
criterion_main!(benches);
