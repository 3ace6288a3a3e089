//! Reading: rule files, plan files and JSON plans in MB/s, on generated multi-megabyte
//! files; and hostile input (long files, deep nesting), whose cost must grow linearly with
//! its size.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plancheck::syntax::{parse_json_plan, parse_plan, parse_rules, paths};
use plancheck::workload::{self, GenPlan};

const MB: usize = 1024 * 1024;

/// One plan holding the targets of many generated plans, about `bytes` long as plan text.
fn big_plan(bytes: usize) -> GenPlan {
    let plans = workload::generate(bytes / 300 + 1, 42);
    let mut plan = GenPlan {
        province: plans[0].province,
        targets: plans.into_iter().flat_map(|p| p.targets).collect(),
    };
    while workload::plan_text(&plan).len() > bytes && plan.targets.len() > 1 {
        plan.targets.truncate(plan.targets.len() * 9 / 10);
    }
    plan
}

/// The bundled rule files, repeated until they are `bytes` long.
fn big_rules(bytes: usize) -> String {
    let one: String = plancheck::bundled::rule_files()
        .iter()
        .map(|f| f.text().to_string())
        .collect();
    one.repeat(bytes / one.len() + 1)
}

fn reading(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    group.sample_size(10);
    let plan = big_plan(4 * MB);
    let (text, json) = (workload::plan_text(&plan), workload::plan_json(&plan));
    let rules = big_rules(4 * MB);
    let inputs = [
        ("plan", &text),
        ("plan_grammar", &text),
        ("json", &json),
        ("rules", &rules),
    ];
    for (name, input) in inputs {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| match name {
                "plan" => parse_plan(black_box(input)).is_ok(),
                "plan_grammar" => paths::plan_grammar(black_box(input)),
                "json" => parse_json_plan(black_box(input)).is_ok(),
                _ => parse_rules(black_box(input)).is_ok(),
            })
        });
    }
    group.finish();
}

/// Every excerpt of a real plan in `../shared/domain/plan-texts/`, as one file of sections,
/// repeated until it is about `bytes` long.
fn documents(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/domain/plan-texts");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the plan texts are beside the checkout")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let one: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect();
    let one = one.join("\n=====\n");
    vec![one.as_str(); bytes / one.len() + 1].join("\n=====\n")
}

/// Reading targets from documents (fold, grammar, lowering, merging), in MB/s of document.
fn extracting(c: &mut Criterion) {
    use plancheck::plantext::{Form, Whose, extract};
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    let text = documents(MB);
    let html = format!(
        "<html><body><p>{}</p></body></html>",
        text.replace('\n', "</p>\n<p>")
    );
    for (name, input, form) in [("txt", &text, Form::Text), ("html", &html, Form::Html)] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| extract(black_box(input), form, Whose::Named).is_ok())
        });
    }
    group.finish();
}

/// Plans of 1 to 16 MB: the time per byte stays the same.
fn long_plans(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile/long_plan");
    group.sample_size(10);
    for mb in [1, 4, 16] {
        let text = workload::plan_text(&big_plan(mb * MB));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(format!("{mb}MB")), |b| {
            b.iter(|| parse_plan(black_box(&text)).is_ok())
        });
    }
    group.finish();
}

/// Brackets nested 10,000 to 1,000,000 deep in a rule file: refused (PC104) in time linear
/// in the depth, without the parser ever recursing on them.
fn deep_nesting(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile/nesting");
    group.sample_size(10);
    for depth in [10_000, 100_000, 1_000_000] {
        let text = format!(
            "indicator x {{ unit % }}\nrule X \"t\" {{\n kind floor\n scope {}every province{}\n require x by 2025 >= 1 %\n}}\n",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(depth), |b| {
            b.iter(|| {
                let refused = parse_rules(black_box(&text)).is_err();
                assert!(refused);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, reading, extracting, long_plans, deep_nesting);
criterion_main!(benches);
