//! `plancheck fmt`: rewrites rule, plan and test files in the canonical layout.

use std::path::{Path, PathBuf};

use clap::Args;

use plancheck::fmt::format;
use plancheck::problem::Problem;
use plancheck::render::{escape, render_problems};
use plancheck::syntax::Language;

use super::{BAD_INPUT, Color, FINDINGS, OK, read_all, write_atomically, write_stdout};

#[derive(Args)]
pub struct FmtArgs {
    /// Rule (.rules), plan (.plan) and test (.tests) files or folders; `rules/` when none is given
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
    let mut problems = Vec::new();
    let files = read_all(
        &paths,
        &["rules", "plan", "tests"],
        "rule, plan or test files",
        &mut problems,
    );
    let mut changed = Vec::new();
    for file in files {
        let language = Language::of(file.name()).expect("read_all keeps known extensions");
        let formatted = match format(file.text(), language) {
            Ok(text) => text,
            Err(e) => {
                problems.push(Problem::new(&file, e));
                continue;
            }
        };
        if formatted == file.text() {
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
    write_stdout(&out);
    if !problems.is_empty() {
        BAD_INPUT
    } else if args.check && !changed.is_empty() {
        FINDINGS
    } else {
        OK
    }
}
