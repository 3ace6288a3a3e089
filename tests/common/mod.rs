//! Running the built binary from tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The repository root, where the bundled fixtures and rules live.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the domain reference, `../shared/domain/...` beside the checkout, which the
/// tests that compare plancheck with the real plans read; its absence is said plainly.
pub fn shared(path: &str) -> std::path::PathBuf {
    let dir = root().join("../shared/domain");
    assert!(
        dir.is_dir(),
        "this test reads the domain reference, `../shared/domain/`, which is not beside the \
         checkout at {}: clone the shared folder there (the README's Quick start says how)",
        dir.display()
    );
    dir.join(path)
}

/// Runs `plancheck` with `args` from the repository root.
pub fn plancheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

pub fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .expect("exited, not killed by a signal")
}

/// Runs `plancheck` with `args` in `dir`, so that files written there for a test are named
/// as written (and snapshots do not hold a temporary path).
pub fn plancheck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}
