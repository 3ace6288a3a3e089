//! `plancheck rules`: what the rules contain, or the rule files themselves.

use clap::{Args, ValueEnum};

use plancheck::catalogue;
use plancheck::check::load_rules;
use plancheck::model::Sources;
use plancheck::render::render_problems;
use plancheck::source::SourceFile;

use super::{BAD_INPUT, Color, OK, write_stdout};

#[derive(Args)]
pub struct RulesArgs {
    /// What to list
    #[arg(value_enum, default_value_t = Listing::Rules)]
    what: Listing,

    /// Print the rule files as they are written, to start a rule file of your own from
    /// them: the one named (`--print national.rules`), or each headed by a comment naming it
    #[arg(
        long,
        value_name = "FILE",
        num_args = 0..=1,
        default_missing_value = "",
        conflicts_with = "what"
    )]
    print: Option<String>,

    #[command(flatten)]
    rules: super::inputs::RuleArgs,

    /// When to use colour in diagnostics
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Listing {
    /// Each rule: its kind, period, requirement and citations
    Rules,
    /// Each indicator: unit, baseline, ambition and look-alikes
    Indicators,
    /// Each unit: dimension, factor and other spellings
    Units,
    /// The 31 provinces, in English and Chinese
    Provinces,
    /// The groups of provinces the rules declare
    Groups,
}

pub fn run(args: RulesArgs) -> u8 {
    let mut problems = Vec::new();
    let files = args.rules.read(&mut problems);
    if let Some(name) = &args.print {
        if !problems.is_empty() {
            eprint!("{}", render_problems(&problems, &args.color.human(false)));
            return BAD_INPUT;
        }
        return print(&files, name);
    }
    if args.what == Listing::Units {
        write_stdout(&catalogue::units_table());
        return OK;
    }
    if args.what == Listing::Provinces {
        write_stdout(&catalogue::provinces_table());
        return OK;
    }
    let mut sources = Sources::default();
    let rules = match load_rules(&mut sources, files) {
        Ok(rules) if problems.is_empty() => rules,
        result => {
            problems.extend(result.err().into_iter().flatten());
            eprint!("{}", render_problems(&problems, &args.color.human(false)));
            return BAD_INPUT;
        }
    };
    let text = match args.what {
        Listing::Indicators => catalogue::indicators_table(&rules),
        Listing::Groups => catalogue::groups_table(&rules),
        _ => catalogue::rules_table(&rules),
    };
    write_stdout(&text);
    OK
}

/// The rule file named (by its name or the end of its path), or with no name every file,
/// each headed `# ==> NAME <==` as `head` heads files: each file is a rule file of its own
/// (a period is stated once a file), so the whole is not one.
fn print(files: &[SourceFile], name: &str) -> u8 {
    if name.is_empty() {
        let each: Vec<String> = files
            .iter()
            .map(|f| format!("# ==> {} <==\n{}", f.name(), f.text()))
            .collect();
        write_stdout(&each.join("\n"));
        return OK;
    }
    let named = |f: &&SourceFile| f.name() == name || f.name().ends_with(&format!("/{name}"));
    match files.iter().find(named) {
        Some(file) => {
            write_stdout(file.text());
            OK
        }
        None => {
            let names: Vec<&str> = files.iter().map(SourceFile::name).collect();
            eprintln!(
                "error: no rule file is named `{name}`: the rules are {}",
                names.join(", ")
            );
            BAD_INPUT
        }
    }
}
