//! `fmt` and `report -o` replace files atomically (a temporary file renamed into place), and
//! that must not harm what the path names: a link is written through to its file, a device
//! or a fifo is refused, the file keeps its permissions, a read-only file is refused, and a
//! new file gets the mode the umask gives, like any other new file.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use common::{code, plancheck, root, stderr};

const MESSY: &str =
    "province  Beijing\ntarget energy_intensity_cut by 2025 from 2020 { value 14 % }\n";

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).unwrap().file_type().is_symlink()
}

fn fmt(path: &Path) -> std::process::Output {
    plancheck(&["fmt", path.to_str().unwrap()])
}

/// A Markdown report with a fixed date, so that two runs give the same bytes.
const REPORT: [&str; 5] = ["report", "--format", "md", "--date", "2025-01-01"];

fn report_to(path: &Path) -> std::process::Output {
    plancheck(&[&REPORT[..], &["-o", path.to_str().unwrap()]].concat())
}

#[test]
fn fmt_writes_through_a_link_to_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let file = dir.path().join("real/beijing.plan");
    fs::write(&file, MESSY).unwrap();
    let link = dir.path().join("beijing.plan");
    std::os::unix::fs::symlink("real/beijing.plan", &link).unwrap();

    let output = fmt(&link);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(is_link(&link), "the link is still a link");
    assert_ne!(
        fs::read_to_string(&file).unwrap(),
        MESSY,
        "the file is formatted"
    );
    let names: Vec<_> = fs::read_dir(dir.path().join("real")).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file is left beside the file");
}

#[test]
fn a_report_is_written_through_a_link_even_to_a_file_not_yet_there() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("report.md");
    std::os::unix::fs::symlink("made.md", &link).unwrap();
    let output = report_to(&link);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(is_link(&link));
    assert!(
        fs::read_to_string(dir.path().join("made.md"))
            .unwrap()
            .contains("EI-2025")
    );
}

#[test]
fn a_fifo_is_refused_and_left_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let output = report_to(&fifo);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("not a regular file"),
        "{}",
        stderr(&output)
    );
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());

    let plan = dir.path().join("fifo.plan");
    assert!(
        Command::new("mkfifo")
            .arg(&plan)
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(code(&fmt(&plan)), 2, "fmt reads only regular files");
    assert!(fs::metadata(&plan).unwrap().file_type().is_fifo());
}

#[test]
fn a_link_to_a_device_is_refused_and_the_device_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("report.md");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let output = report_to(&link);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("links to `/dev/null`, which is not a regular file"),
        "{}",
        stderr(&output)
    );
    assert!(is_link(&link));
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_formatted_file_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("beijing.plan");
    fs::write(&file, MESSY).unwrap();
    set_mode(&file, 0o751);
    assert_eq!(code(&fmt(&file)), 0);
    assert_ne!(fs::read_to_string(&file).unwrap(), MESSY);
    assert_eq!(mode(&file), 0o751);
}

#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("beijing.plan");
    fs::write(&file, MESSY).unwrap();
    set_mode(&file, 0o444);
    let output = fmt(&file);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&file).unwrap(), MESSY);

    let report = dir.path().join("report.md");
    fs::write(&report, "old").unwrap();
    set_mode(&report, 0o444);
    assert_eq!(code(&report_to(&report)), 2);
    assert_eq!(fs::read_to_string(&report).unwrap(), "old");
}

#[test]
fn a_new_report_gets_the_mode_the_umask_gives() {
    let dir = tempfile::tempdir().unwrap();
    for (umask, expected) in [("027", 0o640), ("002", 0o664)] {
        let report = dir.path().join(format!("report-{umask}.md"));
        let status = Command::new("sh")
            .args(["-c", &format!("umask {umask} && exec \"$@\""), "sh"])
            .arg(env!("CARGO_BIN_EXE_plancheck"))
            .args(REPORT)
            .arg("-o")
            .arg(&report)
            .current_dir(root())
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&report), expected, "umask {umask}");
    }
}

/// Signals sent to a run of `report -o` (Linux: the test reads `/proc` to see the run stop).
#[cfg(target_os = "linux")]
mod interrupted {
    use super::*;

    /// The national rules and 300 more, so that the report is most of a megabyte and its
    /// temporary file is there long enough to be seen.
    fn many_rules(dir: &Path) -> std::path::PathBuf {
        let mut text = fs::read_to_string(root().join("rules/national.rules")).unwrap();
        for i in 0..300 {
            text.push_str(&format!(
                "rule R{i} \"x\" {{ kind floor require energy_intensity_cut by 2025 from 2020 >= 1 % }}\n"
            ));
        }
        let path = dir.join("many.rules");
        fs::write(&path, text).unwrap();
        path
    }

    fn temporary_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.starts_with(".report.md.plancheck-") && name.ends_with(".tmp"))
            .collect()
    }

    fn send(pid: u32, signal: libc::c_int) {
        // SAFETY: kill(2) on a child this test started and has not yet reaped.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, signal) }, 0);
    }

    /// Starts `report -o`, stops the run while its temporary file is there, and sends `signal`.
    /// Returns the exit status, or `None` when the run wrote its report before it was caught
    /// (the file is there only for the time of a write).
    fn interrupt_report(dir: &Path, rules: &Path, signal: libc::c_int) -> Option<i32> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plancheck"))
            .args(REPORT)
            .arg("--rules")
            .arg(rules)
            .arg("-o")
            .arg(dir.join("report.md"))
            .current_dir(root())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let caught = loop {
            if !temporary_files(dir).is_empty() {
                send(child.id(), libc::SIGSTOP);
                wait_until_stopped(child.id());
                // Stopped: the file cannot go now unless it went before the stop.
                break !temporary_files(dir).is_empty();
            }
            if child.try_wait().unwrap().is_some() {
                break false;
            }
        };
        if !caught {
            send_if_running(&mut child, libc::SIGCONT);
            child.wait().unwrap();
            let _ = fs::remove_file(dir.join("report.md"));
            return None;
        }
        send(child.id(), signal);
        send(child.id(), libc::SIGCONT);
        let status = child.wait().unwrap();
        Some(status.code().expect("exits, not killed by the signal"))
    }

    /// kill(2) only queues the signal: the run may go on for a moment on another core.
    fn wait_until_stopped(pid: u32) {
        loop {
            let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
            let state = stat.rsplit(')').next().unwrap().trim_start().chars().next();
            if matches!(state, Some('T' | 't' | 'Z')) {
                return;
            }
        }
    }

    fn send_if_running(child: &mut std::process::Child, signal: libc::c_int) {
        if child.try_wait().unwrap().is_none() {
            send(child.id(), signal);
        }
    }

    /// An interrupted `report -o` removes its temporary file and leaves no half report: the
    /// output is either not there or whole (when the rename came first).
    #[test]
    fn an_interrupted_report_leaves_no_temporary_file() {
        // On the disk, where the temporary file lives longer than in memory.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let rules = many_rules(dir.path());
        let whole = {
            let output = plancheck(&[&REPORT[..], &["--rules", rules.to_str().unwrap()]].concat());
            assert!(output.stdout.len() > 500_000, "{}", output.stdout.len());
            output.stdout
        };
        for signal in [libc::SIGINT, libc::SIGTERM] {
            let out = dir.path().join(format!("{signal}"));
            fs::create_dir(&out).unwrap();
            let code = (0..30)
                .find_map(|_| interrupt_report(&out, &rules, signal))
                .expect("one of 30 runs is caught while it writes its report");
            assert_eq!(code, 130, "signal {signal}");
            assert_eq!(temporary_files(&out), Vec::<String>::new());
            if let Ok(report) = fs::read(out.join("report.md")) {
                assert!(report == whole, "a report left behind is whole");
            }
        }
    }
}
