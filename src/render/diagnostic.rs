//! A finding as a miette diagnostic: the main label in the plan, a related diagnostic on the
//! requirement in the rule file, and the rule's help.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, Severity as MietteSeverity, SourceCode};

use crate::check::Checked;
use crate::finding::{
    Finding, Outcome, Reason, Severity, WaiverIssue, WaiverProblem, declared_words,
};
use crate::model::{Plan, Site, Sources};
use crate::source::SourceFile;

/// One labelled place in one file, with a message: the pieces a finding is drawn from.
pub struct Report {
    message: String,
    code: Option<String>,
    severity: MietteSeverity,
    src: SourceFile,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
    related: Vec<Report>,
}

impl Report {
    /// A diagnostic with one label, at `site` in one of `sources`.
    pub fn new(
        sources: &Sources,
        site: Site,
        message: String,
        label: String,
        severity: MietteSeverity,
    ) -> Report {
        Report {
            message,
            code: None,
            severity,
            src: sources.get(site.file).clone(),
            labels: vec![LabeledSpan::new_primary_with_span(Some(label), site.span)],
            help: None,
            related: Vec::new(),
        }
    }

    fn at(
        checked: &Checked,
        site: Site,
        message: String,
        label: String,
        severity: MietteSeverity,
    ) -> Report {
        Report::new(&checked.sources, site, message, label, severity)
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Report {
        self.code = Some(code.into());
        self
    }

    fn label(&mut self, site: Site, text: String) {
        self.labels
            .push(LabeledSpan::new_with_span(Some(text), site.span));
    }
}

fn miette_severity(severity: Severity) -> MietteSeverity {
    match severity {
        Severity::Error => MietteSeverity::Error,
        Severity::Warning => MietteSeverity::Warning,
        Severity::Note | Severity::None => MietteSeverity::Advice,
    }
}

/// Builds the diagnostic for a waiver that is a problem itself.
pub fn waiver_report(issue: &WaiverIssue, checked: &Checked) -> Report {
    let rules = checked
        .rules
        .as_ref()
        .expect("waivers come from resolved plans");
    let waiver = &checked.plans[issue.plan].waivers[issue.waiver];
    let (label, help) = match issue.problem {
        WaiverProblem::Expired => (
            format!("expired on {}", waiver.expires),
            "renew the waiver with a new approval and date, or remove it",
        ),
        WaiverProblem::Unused => (
            "nothing to waive".to_string(),
            "remove the waiver; the plan no longer needs it",
        ),
    };
    let mut report = Report::at(
        checked,
        waiver.site,
        issue.message(rules, &checked.plans),
        label,
        miette_severity(issue.problem.severity()),
    );
    report.code = Some(issue.problem.code().to_string());
    report.help = Some(help.to_string());
    report
}

/// Builds the diagnostic for a finding.
pub fn finding_report(f: &Finding, checked: &Checked) -> Report {
    let rules = checked
        .rules
        .as_ref()
        .expect("findings come from resolved rules");
    let rule = &rules.rules[f.rule];
    let severity = miette_severity(f.severity);
    let mut report = match f.plan {
        Some(p) => plan_report(f, checked, &checked.plans[p], severity),
        None => Report::at(
            checked,
            rule.requirement.site,
            f.message.clone(),
            format!(
                "{} of {} provinces declare it",
                f.contributors.len(),
                f.contributors.len() + f.missing.len()
            ),
            severity,
        ),
    };
    report.code = Some(rule.id.clone());
    report.help = rule.help.clone();
    let cited = rule
        .cites
        .iter()
        .map(|c| format!("{}, {}", rules.sources[c.source].name, c.locator))
        .collect::<Vec<_>>()
        .join("; ");
    let cited = if cited.is_empty() {
        String::new()
    } else {
        format!(" ({cited})")
    };
    let requirement = Report::at(
        checked,
        rule.requirement.site,
        format!("rule `{}`: {}{cited}", rule.id, rule.title),
        format!("{}: `{}`", rule.figure_role(), rule.requirement.wording),
        MietteSeverity::Advice,
    );
    if f.plan.is_some() {
        report.related.push(requirement);
    }
    // `as province`: the province's target the city's was held to, in its own plan.
    if let Some((q, u)) = f.counterpart {
        let theirs = &checked.plans[q];
        report.related.push(Report::at(
            checked,
            theirs.targets[u].detail.site,
            format!(
                "{}'s plan declares {}",
                theirs.province,
                declared_words(&theirs.targets[u])
            ),
            "the province's figure".into(),
            MietteSeverity::Advice,
        ));
    }
    for c in &f.contributors {
        let plan = &checked.plans[c.plan];
        let target = &plan.targets[c.target];
        report.related.push(Report::at(
            checked,
            target.detail.site,
            format!("{} contributes {}", plan.name(), declared_words(target)),
            "counted in the sum".into(),
            MietteSeverity::Advice,
        ));
    }
    report
}

fn plan_report(f: &Finding, checked: &Checked, plan: &Plan, severity: MietteSeverity) -> Report {
    let rules = checked.rules.as_ref().expect("resolved");
    let indicator = &rules
        .indicator(rules.rules[f.rule].requirement.indicator)
        .name;
    let Some(t) = f.target else {
        let label = format!(
            "{}'s plan declares no `{indicator}` for this requirement",
            plan.name()
        );
        let mut report = Report::at(checked, plan.header, f.message.clone(), label, severity);
        if let Some(s) = f.stand_in {
            let other = &rules.indicator(s.indicator).name;
            report.label(
                plan.targets[s.target].detail.site,
                format!("`{other}` is a different indicator"),
            );
        }
        return report;
    };
    let label = match (&f.reason, f.outcome) {
        (Some(Reason::BaselineMismatch { .. }), _) => {
            "declared from another baseline year".to_string()
        }
        (Some(Reason::ByReference), _) => "no number to compare".to_string(),
        (_, Outcome::Pass) => "meets the requirement".to_string(),
        (_, Outcome::Fail) => "does not meet the requirement".to_string(),
        (_, Outcome::ReachesBenchmark) => "reaches the national figure".to_string(),
        (_, Outcome::ShortOfBenchmark) => "short of the national figure".to_string(),
        _ => "declared here".to_string(),
    };
    let label = match f.stand_in {
        Some(s) => format!(
            "`{}` in place of `{indicator}`: {label}",
            rules.indicator(s.indicator).name
        ),
        None => label,
    };
    let mut report = Report::at(
        checked,
        plan.targets[t].detail.site,
        f.message.clone(),
        label,
        severity,
    );
    if let Some(e) = f.earlier {
        report.label(plan.targets[e].detail.site, "the earlier target".into());
    }
    report
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<MietteSeverity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(
            self.labels.iter().map(|l| self.src.shown_label(l.clone())),
        ))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}
