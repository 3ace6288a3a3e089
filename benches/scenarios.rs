//! `plancheck check --scenarios` as a process, start to exit: 20,000 generated JSON plan
//! files in sets of 31 (one a province), beside Python merely loading the same files
//! (`json.load` of each); and a study of 30,000 plans in 1,000 sets of 30 as JSON Lines, on
//! one core and on two. The workloads are written once to `target/scenario-bench/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plancheck::workload;

const FILES: usize = 20_000;
const SETS: usize = 1_000;
const PER_SET: usize = 30;

fn workdir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scenario-bench");
    std::fs::create_dir_all(&dir).expect("the workload folder");
    dir
}

/// 20,000 JSON plans, 31 a sub-folder: each sub-folder is a set with one plan a province.
fn json_files() -> PathBuf {
    let dir = workdir().join(format!("files-{FILES}"));
    if !dir.exists() {
        let plans = workload::generate(FILES, 42);
        for (i, plan) in plans.iter().enumerate() {
            let set = dir.join(format!("set-{:04}", i / 31));
            std::fs::create_dir_all(&set).unwrap();
            std::fs::write(
                set.join(format!("plan-{i}.json")),
                workload::plan_json(plan),
            )
            .unwrap();
        }
    }
    dir
}

fn study() -> PathBuf {
    let path = workdir().join(format!("study-{SETS}x{PER_SET}.jsonl"));
    if !path.exists() {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        workload::write_scenarios(&mut out, SETS, PER_SET, 42).unwrap();
    }
    path
}

fn run(program: &str, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program runs");
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "{program} {args:?}: {status}"
    );
}

fn files_against_python(c: &mut Criterion) {
    let dir = json_files();
    let dir = dir.to_str().unwrap();
    let mut group = c.benchmark_group("scenarios");
    group.sample_size(10);
    group.throughput(Throughput::Elements(FILES as u64));
    let plancheck = env!("CARGO_BIN_EXE_plancheck");
    let args = ["check", "--scenarios", dir, "--format", "json"];
    group.bench_function("check_20000_json_files", |b| {
        b.iter(|| run(plancheck, &args))
    });
    let load = "import glob, json, sys\nfor f in sorted(glob.glob(sys.argv[1] + '/*/*.json')):\n    with open(f) as h: json.load(h)";
    if Command::new("python3").arg("--version").output().is_ok() {
        group.bench_function("python_json_load_20000", |b| {
            b.iter(|| run("python3", &["-c", load, dir]))
        });
    }
    group.finish();
}

fn study_on_cores(c: &mut Criterion) {
    let path = study();
    let path = path.to_str().unwrap();
    let mut group = c.benchmark_group("scenarios");
    group.sample_size(10);
    group.throughput(Throughput::Elements((SETS * PER_SET) as u64));
    let plancheck = env!("CARGO_BIN_EXE_plancheck");
    for jobs in ["1", "2"] {
        let args = ["check", "--scenarios", path, "--format", "json", "-j", jobs];
        group.bench_function(BenchmarkId::new("study_30000_jsonl_jobs", jobs), |b| {
            b.iter(|| run(plancheck, &args))
        });
    }
    group.finish();
}

criterion_group!(benches, files_against_python, study_on_cores);
criterion_main!(benches);
