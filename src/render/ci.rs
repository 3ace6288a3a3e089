//! What CI formats share: the rules a run can report on, and its results, each at a place in
//! a file. `check` and `lint` are put in these terms once; SARIF and GitHub annotations are
//! written from them.

use miette::SourceSpan;

use crate::ast::Level;
use crate::check::Checked;
use crate::codes::{self, CodeKind};
use crate::finding::{Finding, Outcome, Severity};
use crate::lint::Linted;
use crate::model::{Rule, RuleKind, RuleSet, Site, Sources};
use crate::problem::Problem;
use crate::source::{LineCol, SourceFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiLevel {
    Error,
    Warning,
    Note,
}

impl CiLevel {
    pub fn name(self) -> &'static str {
        match self {
            CiLevel::Error => "error",
            CiLevel::Warning => "warning",
            CiLevel::Note => "note",
        }
    }

    fn of(level: Level) -> CiLevel {
        match level {
            Level::Error => CiLevel::Error,
            Level::Warning => CiLevel::Warning,
            Level::Note => CiLevel::Note,
        }
    }
}

/// A rule the tool reports on: a rule of the rule set, or a diagnostic code.
pub struct CiRule {
    pub id: String,
    /// A friendly name, one Pascal-case word (`UnknownIndicator`), never the id itself.
    pub name: String,
    pub short: String,
    pub full: String,
    /// What to do about a result, in a line or two.
    pub help: String,
    /// The whole explanation, as `plancheck explain ID` gives it (Markdown).
    pub explanation: String,
    /// Where the README describes it: `#diagnostic-codes` for a code, `#the-national-rules`
    /// for a national rule; nowhere for a rule of the user's.
    pub anchor: Option<&'static str>,
    pub level: CiLevel,
}

/// `unknown-indicator` as `UnknownIndicator`; `energy_intensity_cut` as `EnergyIntensityCut`.
fn pascal(words: &str) -> String {
    words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

/// A place in a file: 1-based lines and columns (columns count characters; the end is
/// just past the last one), and the bytes.
pub struct CiLocation {
    pub file: String,
    pub start: LineCol,
    pub end: LineCol,
    pub offset: usize,
    pub length: usize,
    /// The text at the place.
    pub snippet: String,
    pub message: Option<String>,
}

impl CiLocation {
    pub(crate) fn new(file: &SourceFile, span: SourceSpan, message: Option<String>) -> CiLocation {
        CiLocation {
            file: file.name().replace('\\', "/"),
            start: file.line_col(span.offset()),
            end: file.line_col(span.offset() + span.len()),
            offset: file.file_offset(span.offset()),
            length: span.len(),
            snippet: file.slice(span).to_string(),
            message,
        }
    }

    fn at(sources: &Sources, site: Site, message: Option<String>) -> CiLocation {
        CiLocation::new(sources.get(site.file), site.span, message)
    }
}

pub struct CiResult {
    pub rule: String,
    pub level: CiLevel,
    pub message: String,
    pub location: Option<CiLocation>,
    pub related: Vec<CiLocation>,
    /// Why the result is suppressed (an `allow` or a waiver), where it is.
    pub suppressed: Option<String>,
    /// A finding's outcome; `None` for input problems, waiver problems and lints.
    pub outcome: Option<Outcome>,
}

pub struct CiReport {
    /// The command that made it: `check` or `lint`.
    pub command: &'static str,
    pub rules: Vec<CiRule>,
    pub results: Vec<CiResult>,
}

fn code_rule(id: &str) -> Option<CiRule> {
    let code = codes::find(id)?;
    Some(CiRule {
        id: code.id.to_string(),
        name: pascal(code.name),
        short: code.summary.to_string(),
        full: code.summary.to_string(),
        help: format!(
            "{}: run `plancheck explain {}` for the whole explanation",
            code.summary, code.id
        ),
        explanation: code.doc.to_string(),
        anchor: Some("#diagnostic-codes"),
        level: CiLevel::of(code.level),
    })
}

/// A rule as CI formats describe it; `national` when it comes from one of the national
/// rule files, which the README describes.
fn rule_of_set(rules: &RuleSet, sources: &Sources, rule: &Rule, national: bool) -> CiRule {
    let cited: Vec<String> = rule
        .cites
        .iter()
        .map(|c| format!("{}, {}", rules.sources[c.source].name, c.locator))
        .collect();
    let indicator = &rules.indicator(rule.requirement.indicator).name;
    let year = rule
        .requirement
        .year
        .map_or(String::new(), |y| y.to_string());
    CiRule {
        id: rule.id.clone(),
        name: format!("{}{}{year}", pascal(rule.kind.name()), pascal(indicator)),
        short: rule.title.clone(),
        full: format!(
            "{} rule: `{indicator}` `{}` ({})",
            rule.kind.name(),
            rule.requirement.wording,
            cited.join("; ")
        ),
        help: rule.help.clone().unwrap_or_else(|| rule.title.clone()),
        explanation: crate::explain::explain_rule(rules, sources, &rule.id)
            .expect("the rule is in the rules"),
        // The README says what the national rules are; of a rule of the user's, nothing.
        anchor: national.then_some("#the-national-rules"),
        level: CiLevel::of(rule.severity),
    }
}

/// An input problem as a result, at its primary label.
pub(crate) fn problem_result(problem: &Problem) -> CiResult {
    let location = problem
        .file()
        .zip(problem.primary_span())
        .map(|(file, span)| CiLocation::new(file, span, None));
    let level = match problem.level() {
        miette::Severity::Error => CiLevel::Error,
        miette::Severity::Warning => CiLevel::Warning,
        miette::Severity::Advice => CiLevel::Note,
    };
    CiResult {
        rule: problem.code_string(),
        level,
        message: problem.to_string(),
        location,
        related: Vec::new(),
        suppressed: None,
        outcome: None,
    }
}

/// Rules for the codes the results use that are not already described.
fn add_code_rules(report: &mut CiReport) {
    let mut ids: Vec<String> = report.results.iter().map(|r| r.rule.clone()).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        if !report.rules.iter().any(|r| r.id == id)
            && let Some(rule) = code_rule(&id)
        {
            report.rules.push(rule);
        }
    }
}

fn finding_result(f: &Finding, checked: &Checked) -> CiResult {
    let rules = checked
        .rules
        .as_ref()
        .expect("findings come from resolved rules");
    let rule = &rules.rules[f.rule];
    let sources = &checked.sources;
    let location = match f.plan {
        Some(p) => {
            let plan = &checked.plans[p];
            let site = f
                .target
                .map_or(plan.header, |t| plan.targets[t].detail.site);
            CiLocation::at(sources, site, None)
        }
        None => CiLocation::at(sources, rule.requirement.site, None),
    };
    let mut related = vec![CiLocation::at(
        sources,
        rule.requirement.site,
        Some(format!(
            "{} `{}`: `{}`",
            match rule.kind {
                RuleKind::Benchmark => "national benchmark",
                _ => "required by",
            },
            rule.id,
            rule.requirement.wording
        )),
    )];
    for c in &f.contributors {
        let target = &checked.plans[c.plan].targets[c.target];
        let message = Some(format!("{} counted in the sum", c.province));
        related.push(CiLocation::at(sources, target.detail.site, message));
    }
    let severity = f.waived.map_or(f.severity, |w| w.severity);
    let level = match severity {
        Severity::Error => CiLevel::Error,
        Severity::Warning => CiLevel::Warning,
        Severity::Note | Severity::None => CiLevel::Note,
    };
    let suppressed = f.plan.zip(f.waived).map(|(p, w)| {
        let waiver = &checked.plans[p].waivers[w.waiver];
        format!(
            "{} (approved by {}, until {})",
            waiver.reason, waiver.approved_by, waiver.expires
        )
    });
    CiResult {
        rule: rule.id.clone(),
        level,
        message: f.message.clone(),
        location: Some(location),
        related,
        suppressed,
        outcome: Some(f.outcome),
    }
}

/// A `check` run: every finding that needs attention (passes are not results), the waivers
/// that are problems, and the input problems.
pub fn check_report(checked: &Checked) -> CiReport {
    let mut report = CiReport {
        command: "check",
        rules: checked
            .rules
            .iter()
            .flat_map(|set| {
                let sources = &checked.sources;
                // Each file's text compared once, not once a rule.
                let national: Vec<_> = set
                    .files
                    .iter()
                    .filter(|f| crate::bundled::is_bundled_rules(sources.get(**f).text()))
                    .collect();
                set.rules.iter().map(move |r| {
                    let national = national.contains(&&r.site.file);
                    rule_of_set(set, sources, r, national)
                })
            })
            .collect(),
        results: Vec::new(),
    };
    report
        .results
        .extend(checked.problems.iter().map(problem_result));
    for f in checked
        .findings
        .iter()
        .filter(|f| f.severity > Severity::None)
    {
        report.results.push(finding_result(f, checked));
    }
    for issue in &checked.waiver_issues {
        let rules = checked
            .rules
            .as_ref()
            .expect("waivers come from resolved plans");
        let waiver = &checked.plans[issue.plan].waivers[issue.waiver];
        report.results.push(CiResult {
            rule: issue.problem.code().to_string(),
            level: match issue.problem.severity() {
                Severity::Error => CiLevel::Error,
                _ => CiLevel::Warning,
            },
            message: issue.message(rules, &checked.plans),
            location: Some(CiLocation::at(&checked.sources, waiver.site, None)),
            related: Vec::new(),
            suppressed: None,
            outcome: None,
        });
    }
    add_code_rules(&mut report);
    report
}

/// A `lint` run: every lint code is a rule; suppressed findings are results with their
/// reason.
pub fn lint_report(linted: &Linted) -> CiReport {
    let mut report = CiReport {
        command: "lint",
        rules: codes::CODES
            .iter()
            .filter(|c| c.kind == CodeKind::Lint)
            .filter_map(|c| code_rule(c.id))
            .collect(),
        results: linted.problems.iter().map(problem_result).collect(),
    };
    for f in &linted.findings {
        // A lint's help belongs to the finding, so it goes with the message.
        let message = match &f.help {
            Some(help) => format!("{} (help: {help})", f.message),
            None => f.message.clone(),
        };
        report.results.push(CiResult {
            rule: f.code.to_string(),
            level: CiLevel::of(f.level),
            message,
            location: Some(CiLocation::at(&linted.sources, f.site, None)),
            related: Vec::new(),
            suppressed: f.suppressed.clone(),
            outcome: None,
        });
    }
    add_code_rules(&mut report);
    report
}
