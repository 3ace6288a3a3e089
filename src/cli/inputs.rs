//! The inputs `check` and `report` share: plans, and the rules they are checked against.

use std::path::PathBuf;

use clap::Args;

use plancheck::bundled;
use plancheck::problem::Problem;
use plancheck::source::SourceFile;

use super::read_all;

#[derive(Args)]
pub struct Inputs {
    /// Plan files (.plan, .json) or documents (.txt, .html, .docx), or folders of them; the 31 bundled plans when none is given
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,
}

impl Inputs {
    /// The rule files and the plans, each file once; what cannot be read goes to `problems`.
    /// Plans are not read when the rules could not all be, as they would not be checked.
    pub fn read(&self, problems: &mut Vec<Problem>) -> (Vec<SourceFile>, Vec<SourceFile>) {
        let rules = self.rules.read(problems);
        let plans = if !problems.is_empty() {
            Vec::new()
        } else if self.paths.is_empty() {
            bundled::plan_files()
        } else {
            read_all(&self.paths, &super::PLAN_KINDS, "plans", problems)
        };
        (rules, plans)
    }
}

/// Which rules a command uses: the bundled national rules, or others, and more besides.
#[derive(Args)]
pub struct RuleArgs {
    /// A rule file or folder to use instead of the bundled national rules (repeatable)
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,

    /// A rule file or folder to add to the rules: to the bundled national rules, or to
    /// those of --rules (repeatable)
    #[arg(long = "extra-rules", value_name = "PATH")]
    extra_rules: Vec<PathBuf>,
}

impl RuleArgs {
    pub fn read(&self, problems: &mut Vec<Problem>) -> Vec<SourceFile> {
        let mut rules = if self.rules.is_empty() {
            bundled::rule_files()
        } else {
            read_all(&self.rules, &["rules"], "rule files", problems)
        };
        with_extra(&mut rules, &self.extra_rules, problems);
        rules
    }
}

/// Adds the rule files of `extra` (`--extra-rules`) to `rules`; a file already there is one
/// file, read once.
pub fn with_extra(rules: &mut Vec<SourceFile>, extra: &[PathBuf], problems: &mut Vec<Problem>) {
    for file in read_all(extra, &["rules"], "rule files", problems) {
        if !rules.iter().any(|r| r.name() == file.name()) {
            rules.push(file);
        }
    }
}
