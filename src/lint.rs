//! `plancheck lint`: semantic checks of rule files beyond parsing, each with a stable code,
//! a default level, a span and a help text. One check per module; suppressions last.

mod assignments;
mod citation;
mod conflicts;
mod empty_aggregate;
mod empty_scope;
mod min_tree;
mod redundant;
mod suppression;
mod unused;
mod years;

use std::fmt;

use miette::{Diagnostic, LabeledSpan, SourceCode, SourceSpan};

use crate::ast::{Level, RuleDecl, RuleFile};
use crate::check::parse_rule_files;
use crate::codes;
use crate::model::{FileId, Rule, RuleSet, Site, Sources};
use crate::problem::Problem;
use crate::resolve::resolve_rules;
use crate::source::SourceFile;

/// One finding of a lint.
#[derive(Debug, Clone)]
pub struct LintFinding {
    pub code: &'static str,
    pub level: Level,
    pub site: Site,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    /// The reason given by the `allow` that suppresses it.
    pub suppressed: Option<String>,
}

impl LintFinding {
    /// A finding at the code's default level.
    pub fn new(code: &'static str, site: Site, message: String, label: impl Into<String>) -> Self {
        let level = codes::find(code).expect("lints use registered codes").level;
        LintFinding {
            code,
            level,
            site,
            message,
            label: label.into(),
            help: None,
            suppressed: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// What the lints look at: the rule files as written, and as resolved.
pub struct Context<'a> {
    pub files: &'a [(FileId, RuleFile)],
    pub rules: &'a RuleSet,
}

impl Context<'_> {
    pub fn site(file: FileId, span: SourceSpan) -> Site {
        Site { file, span }
    }

    /// Each rule as written, with the rule it resolved to: one pass over both, found by
    /// name, however many rules there are.
    pub fn declared_rules(&self) -> Vec<(FileId, &RuleDecl, &Rule)> {
        let by_id: std::collections::HashMap<&str, &Rule> = self
            .rules
            .rules
            .iter()
            .map(|r| (r.id.as_str(), r))
            .collect();
        let written = self
            .files
            .iter()
            .flat_map(|(file, ast)| ast.rules.iter().map(move |decl| (*file, decl)));
        written
            .filter_map(|(file, decl)| Some((file, decl, *by_id.get(decl.id.node.as_str())?)))
            .collect()
    }
}

/// Everything `lint` found: the files, the lint findings (suppressed ones included), and
/// the problems that stopped a file from being linted at all.
pub struct Linted {
    pub sources: Sources,
    /// The rules, where they resolved.
    pub rules: Option<RuleSet>,
    pub findings: Vec<LintFinding>,
    pub problems: Vec<Problem>,
    /// The findings `--min-level` left out, by level and whether suppressed: still counted.
    pub hidden: Vec<(Level, bool)>,
}

impl Linted {
    /// Findings that are not suppressed.
    pub fn active(&self) -> impl Iterator<Item = &LintFinding> {
        self.findings.iter().filter(|f| f.suppressed.is_none())
    }

    pub fn suppressed(&self) -> usize {
        self.findings.len() - self.active().count()
    }

    /// Leaves the findings below `level` out of the output (suppressed ones too); the
    /// summary still counts the active ones.
    pub fn keep_at_least(&mut self, level: Level) {
        let (kept, left): (Vec<_>, Vec<_>) = std::mem::take(&mut self.findings)
            .into_iter()
            .partition(|f| f.level >= level);
        self.findings = kept;
        let left = left.iter().map(|f| (f.level, f.suppressed.is_some()));
        self.hidden.extend(left);
        let floor = crate::finding::Severity::from(level);
        self.problems
            .retain(|p| crate::check::problem_severity(p) >= floor);
    }
}

/// Lints rule files together (a rule may use an indicator declared in another file).
pub fn lint(files: Vec<SourceFile>) -> Linted {
    let mut sources = Sources::default();
    let (parsed, mut problems) = parse_rule_files(&mut sources, files);
    let mut findings = Vec::new();
    // Without resolved rules no lint runs, so no `allow` can be judged unused.
    let rules = match resolve_rules(&parsed, &sources) {
        Ok(rules) => {
            let cx = Context {
                files: &parsed,
                rules: &rules,
            };
            years::check(&cx, &mut findings);
            conflicts::check(&cx, &mut findings);
            redundant::check(&cx, &mut findings);
            citation::check(&cx, &mut findings);
            unused::check(&cx, &mut findings);
            empty_scope::check(&cx, &mut findings);
            empty_aggregate::check(&cx, &mut findings);
            assignments::check(&cx, &mut findings);
            Some(rules)
        }
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    let linted = rules.is_some();
    suppression::apply(&parsed, &mut findings, linted);
    findings.sort_by_key(|f| (f.site.file, f.site.span.offset(), f.code));
    Linted {
        sources,
        rules,
        findings,
        problems,
        hidden: Vec::new(),
    }
}

/// A lint finding as a miette diagnostic, in its file.
pub struct LintReport<'a> {
    pub finding: &'a LintFinding,
    pub file: &'a SourceFile,
}

impl fmt::Debug for LintReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for LintReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for LintReport<'_> {}

impl Diagnostic for LintReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(
            match (self.finding.suppressed.is_some(), self.finding.level) {
                (true, _) | (false, Level::Note) => miette::Severity::Advice,
                (false, Level::Warning) => miette::Severity::Warning,
                (false, Level::Error) => miette::Severity::Error,
            },
        )
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        match (&self.finding.suppressed, &self.finding.help) {
            (Some(reason), _) => Some(Box::new(format!("suppressed: {reason}"))),
            (None, Some(help)) => Some(Box::new(help)),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.file)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = LabeledSpan::new_primary_with_span(
            Some(self.finding.label.clone()),
            self.finding.site.span,
        );
        Some(Box::new(std::iter::once(self.file.shown_label(label))))
    }
}
