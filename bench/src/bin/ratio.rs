//! A quick side-by-side timing of plancheck and the hand-written loop on loaded plans,
//! without criterion's statistics: `ratio [N...]`. For a first look while optimising; the
//! figures to report come from `cargo bench`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use plancheck::workload;
use plancheck_bench::{engine, hand};

/// The best of `rounds` timings of `f`.
fn best(rounds: usize, mut f: impl FnMut()) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of plans"))
        .collect();
    for n in if sizes.is_empty() {
        vec![31, 3000, 300_000]
    } else {
        sizes
    } {
        let plans = workload::generate(n, 42);
        let (texts, _) = engine::texts(&plans);
        let mut ours = engine::Engine::bundled();
        let loaded = ours.load(&texts, false);
        let typed = hand::from_generated(&plans);
        let rounds = (3_000_000 / n).clamp(5, 2000);
        let a = best(rounds, || {
            black_box(ours.violations(black_box(&loaded)));
        });
        let b = best(rounds, || {
            black_box(hand::violations(black_box(&typed)));
        });
        println!(
            "N = {n}: plancheck {a:?}, hand {b:?}, ratio {:.2}",
            a.as_secs_f64() / b.as_secs_f64()
        );
    }
}
