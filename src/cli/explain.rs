//! `plancheck explain`: the long explanation of a diagnostic code or of a rule.

use std::path::PathBuf;

use clap::Args;

use plancheck::bundled;
use plancheck::check::load_rules;
use plancheck::codes::{self, CodeKind};
use plancheck::explain::explain_rule;
use plancheck::model::Sources;
use plancheck::suggest::did_you_mean;

use super::{BAD_INPUT, OK, read_all, write_stdout};

#[derive(Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as PC015, or a rule identifier such as EI-2025; with none, the
    /// list of every code
    what: Option<String>,

    /// Rule files or folders to look rules up in instead of the bundled national rules
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
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
    let rules = load_rules(&mut sources, files).ok();
    if let Some(text) = rules
        .as_ref()
        .and_then(|r| explain_rule(r, &sources, &what))
    {
        write_stdout(&text);
        return OK;
    }
    let rule_ids = rules
        .iter()
        .flat_map(|r| r.rules.iter().map(|r| r.id.as_str()));
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
