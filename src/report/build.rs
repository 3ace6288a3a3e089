//! Gathering the findings of a check into the report model.

use sha2::{Digest, Sha256};

use super::*;
use crate::check::Checked;
use crate::finding::{Finding, Outcome, WaiverIssue, declared_words, exact};
use crate::model::{FileId, Rule, RuleSet, Scope};
use crate::resolve::period_words;

/// The report on a check; `generated` is when it was made, as the reader should see it.
pub fn build_report(checked: &Checked, generated: &str) -> Report {
    let rules = checked
        .rules
        .as_ref()
        .expect("a report needs resolved rules");
    let by_rule = by_rule(checked, rules);
    Report {
        version: 1,
        title: "Carbon-peaking plans against the national requirements".to_string(),
        provenance: provenance(checked, rules, generated),
        summary: rules
            .in_force_rules()
            .map(|(r, rule)| rule_summary(&by_rule[r], rules, r, rule))
            .collect(),
        matrix: matrix(checked, rules, &by_rule),
        rankings: super::rankings::rankings(checked, rules),
        provinces: (0..checked.plans.len())
            .map(|p| province(checked, rules, p))
            .collect(),
        waivers: checked
            .waiver_issues
            .iter()
            .map(|issue| waiver_problem(checked, rules, issue))
            .collect(),
        notes: checked.problems.iter().filter_map(input_note).collect(),
    }
}

fn input_note(problem: &crate::problem::Problem) -> Option<super::InputNote> {
    let file = problem.file()?;
    let at = file.line_col(problem.primary_span()?.offset());
    Some(super::InputNote {
        code: problem.code_string(),
        file: file.name().to_string(),
        line: at.line,
        column: at.column,
        message: problem.to_string(),
    })
}

fn file_ref(checked: &Checked, id: FileId) -> FileRef {
    hashed(checked.sources.get(id))
}

/// A file's name and the SHA-256 of its text.
pub(super) fn hashed(file: &crate::source::SourceFile) -> FileRef {
    let hash = Sha256::digest(file.text().as_bytes());
    FileRef {
        name: file.name().to_string(),
        sha256: hash.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

fn provenance(checked: &Checked, rules: &RuleSet, generated: &str) -> Provenance {
    let mut plan_files: Vec<FileId> = checked.plans.iter().map(|p| p.file).collect();
    plan_files.dedup();
    Provenance {
        tool: format!("plancheck {}", env!("CARGO_PKG_VERSION")),
        generated: generated.to_string(),
        rule_files: rules.files.iter().map(|&f| file_ref(checked, f)).collect(),
        plan_files: plan_files
            .into_iter()
            .map(|f| file_ref(checked, f))
            .collect(),
    }
}

pub(super) fn counts<'a>(findings: impl Iterator<Item = &'a Finding>) -> Counts {
    let mut c = Counts::default();
    for f in findings {
        *match (f.waived, f.outcome) {
            (Some(_), _) => &mut c.waived,
            (None, Outcome::Pass) => &mut c.pass,
            (None, Outcome::Fail) => &mut c.fail,
            (None, Outcome::Undeclared) => &mut c.undeclared,
            (None, Outcome::NotCheckable) => &mut c.not_checkable,
            (None, Outcome::ReachesBenchmark) => &mut c.reaches_benchmark,
            (None, Outcome::ShortOfBenchmark) => &mut c.short_of_benchmark,
        } += 1;
    }
    c
}

/// The waiver covering a finding, if one does.
pub(super) fn waiver_note(checked: &Checked, f: &Finding) -> Option<WaiverNote> {
    let waived = f.waived?;
    let waiver = &checked.plans[f.plan?].waivers[waived.waiver];
    Some(WaiverNote {
        reason: waiver.reason.clone(),
        approved_by: waiver.approved_by.clone(),
        expires: waiver.expires.to_string(),
        severity: waived.severity.name().to_string(),
    })
}

fn waiver_problem(checked: &Checked, rules: &RuleSet, issue: &WaiverIssue) -> WaiverProblem {
    let plan = &checked.plans[issue.plan];
    let waiver = &plan.waivers[issue.waiver];
    WaiverProblem {
        code: issue.problem.code().to_string(),
        severity: issue.problem.severity().name().to_string(),
        status: issue.problem.name().to_string(),
        province: plan.name(),
        province_zh: plan_zh(plan),
        rule: rules.rules[waiver.rule].id.clone(),
        reason: waiver.reason.clone(),
        approved_by: waiver.approved_by.clone(),
        expires: waiver.expires.to_string(),
        message: issue.message(rules, &checked.plans),
    }
}

/// The requirement on one line, as the formatter writes it (comments left out):
/// `energy_intensity_cut by 2025 from 2020 >= 13.5 %`.
pub fn requirement_text(rules: &RuleSet, rule: &Rule) -> String {
    let req = &rule.requirement;
    let period = period_words(req.year, req.baseline);
    let indicator = &rules.indicator(req.indicator).name;
    [indicator.as_str(), period.as_str(), req.wording.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The findings of each rule, gathered once: filtering every finding for every rule made a
/// report quadratic in the number of rules.
fn by_rule<'a>(checked: &'a Checked, rules: &RuleSet) -> Vec<Vec<&'a Finding>> {
    let mut by_rule = vec![Vec::new(); rules.rules.len()];
    for f in &checked.findings {
        by_rule[f.rule].push(f);
    }
    by_rule
}

fn rule_summary(findings: &[&Finding], rules: &RuleSet, r: usize, rule: &Rule) -> RuleSummary {
    let findings = || findings.iter().copied();
    let aggregate = match rule.scope {
        Scope::Sum { .. } => findings().next().map(|f| AggregateSummary {
            total: f.value.map(exact).unwrap_or_default(),
            unit: rules.requirement_unit(rule).name().to_string(),
            contributors: f.contributors.len(),
            in_scope: f.contributors.len() + f.missing.len(),
            outcome: f.outcome.name().to_string(),
            reason: f.reason.as_ref().map(|r| r.name().to_string()),
            severity: f.severity.name().to_string(),
            margin: shown_margin(f),
            margin_unit: shown_margin(f).map(|_| margin_unit(rules, r)),
            message: f.message.clone(),
        }),
        Scope::Each(_) => None,
    };
    let citation = rule
        .cites
        .iter()
        .map(|c| format!("{}, {}", rules.sources[c.source].name, c.locator))
        .collect::<Vec<_>>()
        .join("; ");
    RuleSummary {
        rule: rule.id.clone(),
        title: rule.title.clone(),
        kind: rule.kind.name().to_string(),
        severity: rule.severity.name().to_string(),
        requirement: requirement_text(rules, rule),
        citation,
        counts: counts(findings()),
        aggregate,
    }
}

fn cell(rules: &RuleSet, f: &Finding) -> Cell {
    Cell {
        rule: rules.rules[f.rule].id.clone(),
        outcome: f.outcome.name().to_string(),
        severity: f.severity.name().to_string(),
        waived: f.waived.is_some(),
        stand_in: f
            .stand_in
            .filter(|s| s.accepted.is_some())
            .map(|s| rules.indicator(s.indicator).name.clone()),
        value: f.value.map(exact),
        value_unit: f.value.map(|_| {
            rules
                .requirement_unit(&rules.rules[f.rule])
                .name()
                .to_string()
        }),
        margin: shown_margin(f),
        margin_unit: shown_margin(f).map(|_| margin_unit(rules, f.rule)),
    }
}

/// The margin a report shows. None for a finding that is not checkable: its figure does not
/// settle the requirement (a lower-bound stand-in that falls short, say), so a distance from
/// it would read as a verdict that was not made.
pub(super) fn shown_margin(f: &Finding) -> Option<String> {
    match f.outcome {
        Outcome::NotCheckable => None,
        _ => f.margin.map(exact),
    }
}

/// The unit a rule's margins are in: pp for a requirement in %.
pub(super) fn margin_unit(rules: &RuleSet, rule: usize) -> String {
    rules
        .requirement_unit(&rules.rules[rule])
        .difference()
        .name()
        .to_string()
}

fn matrix(checked: &Checked, rules: &RuleSet, by_rule: &[Vec<&Finding>]) -> Matrix {
    let each: Vec<usize> = rules
        .in_force_rules()
        .filter(|(_, rule)| matches!(rule.scope, Scope::Each(_)))
        .map(|(r, _)| r)
        .collect();
    // Each rule's first finding on each plan, found once rather than by a scan per cell.
    let first: Vec<Vec<Option<&Finding>>> = each
        .iter()
        .map(|&r| {
            let mut by_plan = vec![None; checked.plans.len()];
            for f in by_rule[r].iter().rev() {
                if let Some(p) = f.plan {
                    by_plan[p] = Some(*f);
                }
            }
            by_plan
        })
        .collect();
    let rows = checked
        .plans
        .iter()
        .enumerate()
        .map(|(p, plan)| MatrixRow {
            province: plan.name(),
            province_zh: plan_zh(plan),
            city: plan.city.map(|c| c.english().to_string()),
            cells: each
                .iter()
                .zip(&first)
                .map(|(&r, by_plan)| {
                    by_plan[p].map_or_else(
                        || Cell {
                            rule: rules.rules[r].id.clone(),
                            outcome: "not_in_scope".into(),
                            severity: "none".into(),
                            waived: false,
                            stand_in: None,
                            value: None,
                            value_unit: None,
                            margin: None,
                            margin_unit: None,
                        },
                        |f| cell(rules, f),
                    )
                })
                .collect(),
        })
        .collect();
    Matrix {
        rules: each.iter().map(|&r| rules.rules[r].id.clone()).collect(),
        rows,
    }
}

fn province(checked: &Checked, rules: &RuleSet, p: usize) -> ProvinceSection {
    let plan = &checked.plans[p];
    let findings: Vec<&Finding> = checked
        .findings
        .iter()
        .filter(|f| f.plan == Some(p))
        .collect();
    let targets = plan
        .targets
        .iter()
        .enumerate()
        .map(|(t, target)| {
            let checks = findings
                .iter()
                .filter(|f| f.target == Some(t))
                .map(|f| TargetCheck {
                    rule: rules.rules[f.rule].id.clone(),
                    requirement: requirement_text(rules, &rules.rules[f.rule]),
                    outcome: f.outcome.name().to_string(),
                    severity: f.severity.name().to_string(),
                    margin: shown_margin(f),
                    margin_unit: shown_margin(f).map(|_| margin_unit(rules, f.rule)),
                    waiver: waiver_note(checked, f),
                    message: f.message.clone(),
                })
                .collect();
            TargetRow {
                indicator: rules.indicator(target.indicator).name.clone(),
                year: target.year,
                baseline: target.baseline,
                declared: declared_words(target),
                commitment: target.detail.commitment.name().to_string(),
                // A plan that states no status has not said its figure was verified.
                status: target
                    .detail
                    .status
                    .as_ref()
                    .map(|s| s.kind.name().to_string()),
                status_note: target.detail.status.as_ref().and_then(|s| s.note.clone()),
                document: target.detail.document.clone(),
                source: target.detail.source.clone(),
                checks,
            }
        })
        .collect();
    let undeclared = findings
        .iter()
        .filter(|f| f.target.is_none())
        .map(|f| OpenRow {
            rule: rules.rules[f.rule].id.clone(),
            outcome: f.outcome.name().to_string(),
            waiver: waiver_note(checked, f),
            message: f.message.clone(),
        })
        .collect();
    ProvinceSection {
        province: plan.name(),
        province_zh: plan_zh(plan),
        city: plan.city.map(|c| c.english().to_string()),
        file: checked.sources.get(plan.file).name().to_string(),
        title: plan.title.clone(),
        counts: counts(findings.iter().copied()),
        targets,
        undeclared,
    }
}

/// Whom a plan is for in Chinese: its province's name, or its city's (广安市).
fn plan_zh(plan: &crate::model::Plan) -> String {
    match plan.city {
        Some(city) => city.chinese().to_string(),
        None => plan.province.chinese().to_string(),
    }
}
