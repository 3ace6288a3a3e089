//! Peak memory of checking N generated plans as a stream: each plan text is parsed,
//! resolved and evaluated, and only its violations kept.
//!
//! `memory write N plan|json FILE` writes the workload, plans separated by NUL bytes;
//! `memory check FILE` reads it whole and checks it, then prints the input size and the
//! process's peak resident memory (VmHWM, Linux). Two processes, so that generating the
//! workload does not count. `memory scenarios SETS PER_SET FILE` writes a scenario study as
//! JSON Lines for `plancheck check --scenarios`.

use plancheck::eval::Brief;
use plancheck::finding::Outcome;
use plancheck::model::Sources;
use plancheck::source::SourceFile;
use plancheck::{check, workload};
use plancheck_bench::engine::{self, Engine};

/// The process's peak resident memory in KiB, from /proc.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn write(n: usize, json: bool, path: &str) {
    let (texts, jsons) = engine::texts(&workload::generate(n, 42));
    let texts = if json { jsons } else { texts };
    std::fs::write(path, texts.join("\0")).expect("the workload is written");
}

fn measure(path: &str) {
    let input = std::fs::read_to_string(path).expect("a workload file");
    let json = input.starts_with('{');
    let ours = Engine::bundled();
    let mut run = ours.program.start();
    let mut violations: Vec<Brief> = Vec::new();
    let keep = |b: Brief| b.outcome.is_outside() || b.outcome == Outcome::Undeclared;
    let name = if json { "plan.json" } else { "plan.plan" };
    for text in input.split('\0') {
        // The plan's own source file, dropped with it.
        let file = SourceFile::new(name, text);
        let plan = check::load_plan(&mut Sources::default(), file, &ours.rules, &mut Vec::new())
            .expect("a generated plan loads");
        run.add(&plan, |b| {
            if keep(b) {
                violations.push(b)
            }
        });
    }
    run.finish(|b| {
        if keep(b) {
            violations.push(b)
        }
    });
    let peak = peak_kib();
    println!(
        "{} ({}): input {:.1} MiB, {} violations, peak resident {:.1} MiB ({:.2} x input)",
        path,
        if json { "JSON" } else { "plan language" },
        input.len() as f64 / 1048576.0,
        violations.len(),
        peak as f64 / 1024.0,
        peak as f64 * 1024.0 / input.len() as f64,
    );
}

/// A scenario study as JSON Lines, for `plancheck check --scenarios FILE` (whose peak memory
/// is measured from outside, as a process's).
fn scenarios(sets: &str, per_set: &str, path: &str) {
    let file = std::fs::File::create(path).expect("the workload file is created");
    let mut out = std::io::BufWriter::new(file);
    let (sets, per_set) = (
        sets.parse().expect("SETS"),
        per_set.parse().expect("PER_SET"),
    );
    workload::write_scenarios(&mut out, sets, per_set, 42).expect("the workload is written");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["write", n, kind, path] => write(n.parse().expect("N"), kind == "json", path),
        ["check", path] => measure(path),
        ["scenarios", sets, per_set, path] => scenarios(sets, per_set, path),
        _ => eprintln!(
            "usage: memory write N plan|json FILE | memory check FILE | memory scenarios SETS PER_SET FILE.jsonl"
        ),
    }
}
