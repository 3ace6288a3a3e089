//! `plancheck explain`: the long explanation of a diagnostic code or of a rule.

use std::path::PathBuf;

use clap::Args;

use plancheck::bundled;
use plancheck::check::load_rules;
use plancheck::codes::{self, CodeKind};
use plancheck::explain::explain_rule;
use plancheck::model::Sources;
use plancheck::suggest::did_you_mean;

use plancheck::render::render_problems;

use super::{BAD_INPUT, Color, OK, read_all, write_stdout};

#[derive(Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as PC015, or a rule identifier such as EI-2025; with none, the
    /// list of every code
    what: Option<String>,

    /// Rule files or folders to look rules up in instead of the bundled national rules
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,

    /// When to use colour in diagnostics
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: ExplainArgs) -> u8 {
    let Some(what) = args.what else {
        write_stdout(&code_list());
        return OK;
    };
    if let Some(code) = codes::find(&what) {
        write_stdout(code.doc);
        return OK;
    }
    let mut problems = Vec::new();
    let files = if args.rules.is_empty() {
        bundled::rule_files()
    } else {
        read_all(&args.rules, &["rules"], "rule files", &mut problems)
    };
    let mut sources = Sources::default();
    let rules = match load_rules(&mut sources, files) {
        Ok(rules) if problems.is_empty() => rules,
        // The rules' problems are the answer: `what` may be a rule that did not parse, and
        // "neither a code nor a rule" would mislead.
        result => {
            problems.extend(result.err().into_iter().flatten());
            write_stdout(&render_problems(&problems, &args.color.human(false)));
            eprintln!("error: cannot look `{what}` up: the rules have problems");
            return BAD_INPUT;
        }
    };
    if let Some(text) = explain_rule(&rules, &sources, &what) {
        write_stdout(&text);
        return OK;
    }
    let rule_ids = rules.rules.iter().map(|r| r.id.as_str());
    let known = codes::CODES.iter().map(|c| c.id).chain(rule_ids);
    let hint = did_you_mean(&what, known)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    eprintln!("error: `{what}` is neither a diagnostic code nor a rule{hint}");
    BAD_INPUT
}

/// Every code, its name, default level, kind and what it reports, a line each.
fn code_list() -> String {
    let mut out = String::new();
    for code in codes::CODES {
        let kind = match code.kind {
            CodeKind::Input => "input",
            CodeKind::Resolve => "resolve",
            CodeKind::Lint => "lint",
            CodeKind::Check => "check",
        };
        out.push_str(&format!(
            "{}  {:<24} {:<7} {:<7} {}\n",
            code.id,
            code.name,
            code.level.name(),
            kind,
            code.summary
        ));
    }
    out
}
