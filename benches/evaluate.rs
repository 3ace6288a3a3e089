//! Evaluation on loaded plans (plan-rule checks per second), in brief
//! ([`Program::run`]) and with every finding written out ([`evaluate`]); and the whole
//! `plancheck check` of the bundled data, as a process. The comparison with regorus and a
//! hand-written loop is in the `plancheck-bench` crate (`bench/`).

use std::hint::black_box;
use std::process::Command;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plancheck::eval::{Program, evaluate};
use plancheck::finding::Severity;
use plancheck::workload;

fn evaluation(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10);
    for n in [31, 3_000, 300_000] {
        let (rules, plans) = workload::load_bundled(n, 42);
        let program = Program::compile(&rules);
        let mut checks = 0u64;
        program.run(&plans, |_| checks += 1);
        group.throughput(Throughput::Elements(checks));
        group.bench_function(BenchmarkId::new("brief", n), |b| {
            b.iter(|| {
                let mut failing = 0usize;
                program.run(black_box(&plans), |f| {
                    failing += usize::from(f.severity == Severity::Error)
                });
                failing
            })
        });
        if n <= 3_000 {
            group.bench_function(BenchmarkId::new("findings", n), |b| {
                b.iter(|| evaluate(black_box(&rules), black_box(&plans)).len())
            });
        }
    }
    group.finish();
}

/// `plancheck check` on the bundled rules and plans, start to exit, human and JSON output.
fn whole_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("process");
    group.sample_size(20);
    for format in ["human", "json"] {
        group.bench_function(BenchmarkId::new("check", format), |b| {
            b.iter(|| {
                let output = Command::new(env!("CARGO_BIN_EXE_plancheck"))
                    .args(["check", "--format", format])
                    .current_dir(env!("CARGO_MANIFEST_DIR"))
                    .output()
                    .expect("plancheck runs");
                assert!(output.status.code().is_some_and(|c| c <= 1));
                output.stdout.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, evaluation, whole_check);
criterion_main!(benches);
