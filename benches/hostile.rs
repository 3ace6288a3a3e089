//! Hostile input whose cost once grew with the square of its size, each at three sizes so
//! that the time per item can be read off: a minified (one-line) JSON plan whose every
//! target is a diagnostic with a line and column; a plan of targets that all fail to
//! resolve; and a rule file of many rules on one target, linted.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plancheck::bundled;
use plancheck::check::check;
use plancheck::lint::lint;
use plancheck::render::render_json;
use plancheck::source::SourceFile;

/// A JSON plan on one line: `targets` targets, all for one indicator and a few years, so
/// that all but the first hundred are duplicates (PC021), each located on the one line.
fn minified_plan(targets: usize, indicator: &str) -> String {
    let target = |i: usize| {
        format!(
            r#"{{"indicator":"{indicator}","year":{},"value":1,"unit":"亿m3"}}"#,
            2000 + i % 100
        )
    };
    let all: Vec<String> = (0..targets).map(target).collect();
    format!(r#"{{"province":"Beijing","targets":[{}]}}"#, all.join(","))
}

/// `rules` rules on one target, half floors `>=` and half `<=`, contradicting each other.
fn many_rules(rules: usize) -> String {
    let mut text = String::from("source s { title \"t\" }\nindicator x { unit % }\n");
    for i in 0..rules {
        let op = if i % 2 == 0 { ">=" } else { "<=" };
        text.push_str(&format!(
            "rule R{i} \"r\" {{ kind floor require x by 2025 {op} {} % cite s \"c\" }}\n",
            i % 50
        ));
    }
    text
}

fn run_check(plan: &str) -> usize {
    let plans = vec![SourceFile::new("p.json", plan)];
    let day = time::macros::date!(2026 - 12 - 02);
    let checked = check(bundled::rule_files(), plans, Vec::new(), day);
    render_json(&checked).len()
}

fn one_line_json(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile/one_line_json");
    group.sample_size(10);
    for targets in [10_000, 20_000, 40_000] {
        let plan = minified_plan(targets, "forest_stock");
        group.throughput(Throughput::Elements(targets as u64));
        group.bench_function(BenchmarkId::from_parameter(targets), |b| {
            b.iter(|| run_check(black_box(&plan)))
        });
    }
    group.finish();
}

fn unresolved_targets(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile/unresolved_targets");
    group.sample_size(10);
    for targets in [25_000, 50_000, 100_000] {
        let plan = minified_plan(targets, "forest_stok");
        group.throughput(Throughput::Elements(targets as u64));
        group.bench_function(BenchmarkId::from_parameter(targets), |b| {
            b.iter(|| run_check(black_box(&plan)))
        });
    }
    group.finish();
}

fn lint_many_rules(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile/lint_rules");
    group.sample_size(10);
    for rules in [8_000, 16_000, 32_000] {
        let text = many_rules(rules);
        group.throughput(Throughput::Elements(rules as u64));
        group.bench_function(BenchmarkId::from_parameter(rules), |b| {
            b.iter(|| {
                lint(vec![SourceFile::new("r.rules", black_box(text.as_str()))])
                    .findings
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, one_line_json, unresolved_targets, lint_many_rules);
criterion_main!(benches);
