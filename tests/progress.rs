//! The progress bar: on stderr while many plans are checked from a terminal, and nothing
//! extra when stderr is a pipe.

mod common;

use std::path::Path;
use std::process::Command;

use common::{plancheck_in, stderr};
use plancheck::workload;

/// `n` generated plans, one file each, in `dir/plans`.
fn write_plans(dir: &Path, n: usize) {
    let plans = dir.join("plans");
    std::fs::create_dir(&plans).unwrap();
    for (i, p) in workload::generate(n, 7).iter().enumerate() {
        std::fs::write(plans.join(format!("p{i:04}.plan")), workload::plan_text(p)).unwrap();
    }
}

#[test]
fn a_pipe_gets_no_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    write_plans(dir.path(), 600);
    let output = plancheck_in(dir.path(), &["check", "plans", "--format", "json"]);
    assert!(!stderr(&output).contains("checking"), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

/// Under a pseudo-terminal (util-linux `script`), the bar is drawn on stderr.
#[test]
#[cfg(target_os = "linux")]
fn a_terminal_gets_a_progress_bar() {
    let Ok(found) = Command::new("script").arg("--version").output() else {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    };
    assert!(found.status.success());
    let dir = tempfile::tempdir().unwrap();
    write_plans(dir.path(), 600);
    // stdout goes to a file, so what the terminal shows is stderr alone.
    let command = format!(
        "{} check plans --format json > out.json",
        env!("CARGO_BIN_EXE_plancheck")
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("/600 plans"), "{shown:?}");
    let json = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    assert!(!json.contains("/600 plans"), "the bar stays off stdout");
}
