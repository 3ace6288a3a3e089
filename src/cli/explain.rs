//! `plancheck explain`: the long explanation of a diagnostic code or of a rule.

use std::path::PathBuf;

use clap::Args;

use plancheck::bundled;
use plancheck::check::load_rules;
use plancheck::codes;
use plancheck::explain::explain_rule;
use plancheck::model::Sources;
use plancheck::suggest::did_you_mean;

use super::{BAD_INPUT, OK, read_all, write_stdout};

#[derive(Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as PC015, or a rule identifier such as EI-2025
    what: String,

    /// Rule files or folders to look rules up in instead of the bundled national rules
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
}

pub fn run(args: ExplainArgs) -> u8 {
    if let Some(code) = codes::find(&args.what) {
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
        .and_then(|r| explain_rule(r, &sources, &args.what))
    {
        write_stdout(&text);
        return OK;
    }
    let rule_ids = rules
        .iter()
        .flat_map(|r| r.rules.iter().map(|r| r.id.as_str()));
    let known = codes::CODES.iter().map(|c| c.id).chain(rule_ids);
    let hint = did_you_mean(&args.what, known)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    eprintln!(
        "error: `{}` is neither a diagnostic code nor a rule{hint}",
        args.what
    );
    BAD_INPUT
}
