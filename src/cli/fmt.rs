//! `plancheck fmt`: rewrites rule, plan and test files in the canonical layout.

use std::path::{Path, PathBuf};

use clap::Args;

use plancheck::fmt::format;
use plancheck::problem::Problem;
use plancheck::render::{escape, render_problems};
use plancheck::syntax::Language;

use super::{BAD_INPUT, Color, FINDINGS, OK, read_all, write_atomically, write_stdout};
use plancheck::input::has_extension;

#[derive(Args)]
pub struct FmtArgs {
    /// Rule (.rules), plan (.plan) and test (.tests) files or folders; `rules/` when none is
    /// given; `-` for standard input, written formatted to standard output
    paths: Vec<PathBuf>,

    /// Change nothing; list the files that would change and exit 1 if there are any
    #[arg(long)]
    check: bool,

    /// When to use colour in diagnostics
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: FmtArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.paths
    };
    // JSON is machine-made and read strictly; plancheck has no layout of its own for it.
    let (json, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .into_iter()
        .partition(|p| p.is_file() && has_extension(p, &["json"]));
    for path in &json {
        left_as_json(&path.display().to_string());
    }
    let from_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if from_stdin && has_extension(Path::new(super::stdin_name()), &["json"]) {
        left_as_json(super::stdin_name());
        return OK;
    }
    let mut problems = Vec::new();
    let files = read_all(
        &paths,
        &["rules", "plan", "tests"],
        "rule, plan or test files",
        &mut problems,
    );
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for file in files {
        let stdin = from_stdin && file.name() == super::stdin_name();
        let language = Language::of(file.name()).or(stdin.then_some(Language::Plan));
        let language = language.expect("read_all keeps known extensions");
        let formatted = match format(file.text(), language) {
            Ok(text) => text,
            Err(e) => {
                problems.push(Problem::new(&file, e));
                continue;
            }
        };
        if stdin && !args.check {
            // As rustfmt and ruff do: the formatted text is the output.
            write_stdout(&formatted);
            continue;
        }
        if formatted == file.text() {
            unchanged += 1;
            continue;
        }
        if !args.check
            && let Err(e) = write_atomically(Path::new(file.name()), &formatted)
        {
            eprintln!("error: cannot write `{}`: {e}", escape::line(file.name()));
            return BAD_INPUT;
        }
        changed.push(file.name().to_string());
    }
    let mut out = render_problems(&problems, &args.color.human(false));
    let verb = if args.check {
        "would reformat"
    } else {
        "reformatted"
    };
    for name in &changed {
        out.push_str(&format!("{verb} {}\n", escape::line(name)));
    }
    let formatted = changed.len() + unchanged;
    let summary = match formatted {
        0 => String::new(),
        _ => summary(changed.len(), unchanged, args.check),
    };
    if from_stdin && !args.check {
        eprint!("{out}");
    } else {
        out.push_str(&summary);
        write_stdout(&out);
    }
    if !problems.is_empty() {
        BAD_INPUT
    } else if args.check && !changed.is_empty() {
        FINDINGS
    } else {
        OK
    }
}

/// Says plainly that a JSON plan, named or on standard input, is not formatted.
fn left_as_json(name: &str) {
    eprintln!(
        "note: `{}` is a JSON plan: fmt formats rule, plan and test files, not JSON (left as it is)",
        escape::line(name)
    );
}

/// `2 files would be reformatted, 5 files already formatted`, as ruff says it.
fn summary(changed: usize, unchanged: usize, check: bool) -> String {
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if changed > 0 {
        let verb = if check {
            "would be reformatted"
        } else {
            "reformatted"
        };
        parts.push(format!("{} {verb}", files(changed)));
    }
    if unchanged > 0 || changed == 0 {
        let state = if check {
            "already formatted"
        } else {
            "left unchanged"
        };
        parts.push(format!("{} {state}", files(unchanged)));
    }
    format!("{}\n", parts.join(", "))
}
