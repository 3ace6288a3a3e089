//! `plancheck lsp`: the time from a changed document to its diagnostics, for the bundled
//! rule file (linted with the rule file beside it) and for a bundled plan (checked against
//! the repository's `rules/`), as the server computes them on each `didChange`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use plancheck::lsp::position::Encoding;
use plancheck::lsp::{Workspace, diagnose};

fn changes(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = Workspace {
        root: Some(root.to_path_buf()),
        open: Default::default(),
    };
    let mut group = c.benchmark_group("lsp/change");
    for file in ["rules/national.rules", "fixtures/plans/zhejiang.plan"] {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("a bundled file");
        // An edit, as typing makes one: a comment added at the end.
        let edited = format!("{text}# edited\n");
        group.bench_function(file, |b| {
            b.iter(|| {
                diagnose(
                    black_box(&path),
                    black_box(&edited),
                    &workspace,
                    Encoding::Utf16,
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, changes);
criterion_main!(benches);
