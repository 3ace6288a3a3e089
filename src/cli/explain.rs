//! `plancheck explain`: the long explanation of a diagnostic code or of a rule.

use clap::Args;

use plancheck::check::load_rules;
use plancheck::codes::{self, CodeKind};
use plancheck::explain::explain_rule;
use plancheck::model::Sources;
use plancheck::suggest::did_you_mean;

use plancheck::render::render_problems;

use super::{BAD_INPUT, Color, OK, write_stdout};

#[derive(Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as PC015 or its name (unused-indicator), a rule identifier such
    /// as EI-2025, or an indicator such as energy_intensity_cut; with none, the list of
    /// every code
    what: Option<String>,

    #[command(flatten)]
    rules: super::inputs::RuleArgs,

    /// When to use colour in diagnostics
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: ExplainArgs) -> u8 {
    let Some(what) = args.what else {
        write_stdout(&code_list());
        return OK;
    };
    if let Some(code) = codes::find_word(&what) {
        write_stdout(code.doc);
        return OK;
    }
    let mut problems = Vec::new();
    let files = args.rules.read(&mut problems);
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
    let text = explain_rule(&rules, &sources, &what)
        .or_else(|| plancheck::catalogue::explain_indicator(&rules, &what));
    if let Some(text) = text {
        write_stdout(&text);
        return OK;
    }
    let rule_ids = rules.rules.iter().map(|r| r.id.as_str());
    let indicators = rules.indicators.iter().map(|i| i.name.as_str());
    let code_words = codes::CODES.iter().flat_map(|c| [c.id, c.name]);
    let known = code_words.chain(rule_ids).chain(indicators);
    // A code's number with other zeros (`PC0015`) means that code, not the nearest spelling.
    let hint = match codes::same_number(&what) {
        Some(code) => Some(format!("did you mean `{}`?", code.id)),
        None => did_you_mean(&what, known),
    };
    let hint = hint.map(|h| format!("; {h}")).unwrap_or_default();
    eprintln!("error: `{what}` is neither a diagnostic code, a rule nor an indicator{hint}");
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
