//! `--format json`: one document, `{"version": 1, "findings": [...], "errors": [...],
//! "summary": {...}}`. Field names are stable; values are exact decimal strings.

use miette::Diagnostic;
use serde::Serialize;

use crate::check::Checked;
use crate::finding::{Finding, Severity, WaiverIssue, exact, show_interval};
use crate::model::*;
use crate::problem::Problem;
use crate::source::SourceFile;

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct Document<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    waivers: Vec<JsonWaiverIssue<'a>>,
    errors: Vec<JsonProblem>,
    /// Targets the plans declare that no rule checked.
    unchecked: Vec<UncheckedTarget<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ProvinceTarget<'a> {
    declared: Declared<'a>,
    location: Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct UncheckedTarget<'a> {
    province: &'static str,
    province_zh: &'static str,
    /// The city, prefecture or county whose plan it is; absent for a province's own plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'static str>,
    location: Location,
    declared: Declared<'a>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct Location {
    file: String,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
}

#[derive(Serialize, schemars::JsonSchema)]
struct JsonFinding<'a> {
    rule: &'a str,
    title: &'a str,
    kind: &'static str,
    severity: &'static str,
    outcome: &'static str,
    reason: Option<&'static str>,
    province: Option<&'static str>,
    province_zh: Option<&'static str>,
    /// The city, prefecture or county whose plan it is; absent for a province's own plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'static str>,
    indicator: &'a str,
    year: Option<u16>,
    baseline: Option<u16>,
    declared: Option<Declared<'a>>,
    /// For `as province`: the province's target the city's was compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    province_target: Option<ProvinceTarget<'a>>,
    required: Required<'a>,
    value: Option<String>,
    margin: Option<String>,
    margin_unit: Option<&'static str>,
    within_tolerance: bool,
    stand_in: Option<StandInJson<'a>>,
    assigned: Option<AssignedJson<'a>>,
    contributors: Option<Vec<ContributorJson<'a>>>,
    missing: Option<Vec<&'static str>>,
    without_plan: Option<Vec<&'static str>>,
    explanation: Explanation<'a>,
    waived: Option<JsonWaiver<'a>>,
    message: &'a str,
    location: Location,
    rule_location: Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Declared<'a> {
    indicator: &'a str,
    year: Option<u16>,
    baseline: Option<u16>,
    value: Option<&'a str>,
    unit: Option<&'static str>,
    qualifier: &'static str,
    commitment: &'static str,
    status: Option<&'static str>,
    status_note: Option<&'a str>,
    document: Option<&'a str>,
    source: Option<&'a str>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Required<'a> {
    operator: &'static str,
    value: Option<String>,
    high: Option<String>,
    tolerance: Option<String>,
    tolerance_unit: Option<&'static str>,
    earlier_year: Option<u16>,
    unit: &'static str,
    text: &'a str,
}

/// The row of an assignment a finding used: as what the rule requires, as what a
/// declaration by reference stands for, or both.
#[derive(Serialize, schemars::JsonSchema)]
struct AssignedJson<'a> {
    assignment: &'a str,
    basic: Option<String>,
    incentive: Option<String>,
    unit: Option<&'static str>,
    status: &'static str,
    source: &'a str,
    locator: &'a str,
    required: bool,
    by_reference: bool,
    short_of_incentive: bool,
    location: Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct StandInJson<'a> {
    indicator: &'a str,
    accepted: Option<&'static str>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ContributorJson<'a> {
    province: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'static str>,
    value: String,
    unit: &'static str,
    declared: Declared<'a>,
    location: Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Explanation<'a> {
    declared_set: Option<String>,
    accepted_set: Option<String>,
    comparison: Option<&'a str>,
}

/// A waiver as the plan gives it, and the severity it took off a finding.
#[derive(Serialize, schemars::JsonSchema)]
struct JsonWaiver<'a> {
    reason: &'a str,
    approved_by: &'a str,
    expires: String,
    severity: Option<&'static str>,
    location: Location,
}

#[derive(Serialize, schemars::JsonSchema)]
struct JsonWaiverIssue<'a> {
    code: &'static str,
    severity: &'static str,
    status: &'static str,
    rule: &'a str,
    province: &'static str,
    waiver: JsonWaiver<'a>,
    message: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct JsonProblem {
    code: String,
    severity: &'static str,
    message: String,
    help: Option<String>,
    location: Option<Location>,
    file: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct JsonSummary {
    plans: usize,
    rules: usize,
    findings: usize,
    pass: usize,
    fail: usize,
    undeclared: usize,
    not_checkable: usize,
    reaches_benchmark: usize,
    short_of_benchmark: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
    waived: usize,
    input_errors: usize,
    unchecked: usize,
}

pub(super) fn location(file: &SourceFile, span: miette::SourceSpan) -> Location {
    let at = file.line_col(span.offset());
    Location {
        file: file.name().to_string(),
        line: at.line,
        column: at.column,
        offset: file.file_offset(span.offset()),
        length: span.len(),
    }
}

fn site_location(checked: &Checked, site: Site) -> Location {
    location(checked.sources.get(site.file), site.span)
}

fn declared<'a>(rules: &'a RuleSet, target: &'a Target) -> Declared<'a> {
    let (value, unit) = match &target.value {
        crate::model::Declared::Value { amount, .. } => (
            Some(target.detail.written.as_str()),
            Some(amount.unit.name()),
        ),
        crate::model::Declared::ByReference => (None, None),
    };
    Declared {
        indicator: &rules.indicator(target.indicator).name,
        year: target.year,
        baseline: target.baseline,
        value,
        unit,
        qualifier: target.value.qualifier().name(),
        commitment: target.detail.commitment.name(),
        status: target.detail.status.as_ref().map(|s| s.kind.name()),
        status_note: target
            .detail
            .status
            .as_ref()
            .and_then(|s| s.note.as_deref()),
        document: target.detail.document.as_deref(),
        source: target.detail.source.as_deref(),
    }
}

fn required<'a>(rules: &RuleSet, rule: &'a Rule) -> Required<'a> {
    let unit = rules.requirement_unit(rule);
    let shown = |a: &Amount| Some(exact(a.in_own_unit()));
    let mut r = Required {
        operator: "",
        value: None,
        high: None,
        tolerance: None,
        tolerance_unit: None,
        earlier_year: None,
        unit: unit.name(),
        text: &rule.requirement.wording,
    };
    match &rule.requirement.condition {
        Condition::Compare { op, value } => (r.operator, r.value) = (op.symbol(), shown(value)),
        Condition::Between { low, high } => {
            (r.operator, r.value, r.high) = ("between", shown(low), shown(high))
        }
        Condition::Around { value, tolerance } => {
            (r.operator, r.value, r.tolerance) = ("around", shown(value), shown(tolerance));
            r.tolerance_unit = Some(tolerance.unit.name());
        }
        Condition::OwnEarlier { op, year } => {
            (r.operator, r.earlier_year) = (op.symbol(), Some(*year))
        }
        Condition::Qualitative(_) => r.operator = "qualitative",
        Condition::Assigned { .. } => r.operator = "as_assigned",
        Condition::Province => r.operator = "as_province",
    }
    r
}

fn finding<'a>(f: &'a Finding, checked: &'a Checked) -> JsonFinding<'a> {
    let rules = checked
        .rules
        .as_ref()
        .expect("findings come from resolved rules");
    let rule = &rules.rules[f.rule];
    let req = &rule.requirement;
    let unit = rules.requirement_unit(rule);
    let plan = f.plan.map(|p| &checked.plans[p]);
    let target = plan.zip(f.target).map(|(p, t)| &p.targets[t]);
    let location = match (plan, target) {
        (Some(_), Some(t)) => site_location(checked, t.detail.site),
        (Some(p), None) => site_location(checked, p.header),
        (None, _) => site_location(checked, req.site),
    };
    // A national sum lists its provinces; a sum of a province's cities, its cities.
    let contributors = (f.plan.is_none() || !f.contributors.is_empty()).then(|| {
        f.contributors
            .iter()
            .map(|c| {
                let t = &checked.plans[c.plan].targets[c.target];
                ContributorJson {
                    province: c.province.english(),
                    city: checked.plans[c.plan].city.map(|c| c.english()),
                    value: exact(c.value),
                    unit: unit.name(),
                    declared: declared(rules, t),
                    location: site_location(checked, t.detail.site),
                }
            })
            .collect()
    });
    JsonFinding {
        rule: &rule.id,
        title: &rule.title,
        kind: rule.kind.name(),
        severity: f.severity.name(),
        outcome: f.outcome.name(),
        reason: f.reason.as_ref().map(|r| r.name()),
        province: f.province.map(|p| p.english()),
        province_zh: f.province.map(|p| p.chinese()),
        city: plan.and_then(|p| p.city).map(|c| c.english()),
        indicator: &rules.indicator(req.indicator).name,
        year: req.year,
        baseline: req.baseline,
        province_target: f.counterpart.map(|(q, u)| {
            let theirs = &checked.plans[q].targets[u];
            ProvinceTarget {
                declared: declared(rules, theirs),
                location: site_location(checked, theirs.detail.site),
            }
        }),
        declared: target.map(|t| declared(rules, t)),
        required: required(rules, rule),
        value: f.value.map(exact),
        margin: f.margin.map(exact),
        margin_unit: f.margin.map(|_| unit.difference().name()),
        within_tolerance: f.within_tolerance,
        assigned: f.assigned.map(|a| {
            let table = &rules.assignments[a.table];
            let row = &table.rows[a.row];
            AssignedJson {
                assignment: &table.name,
                basic: row.basic.map(|b| exact(b.in_own_unit())),
                // In the basic figure's unit, so that the two compare at a glance.
                incentive: row
                    .basic
                    .zip(row.incentive)
                    .map(|(b, i)| exact(b.unit.from_base(i.base))),
                unit: row.basic.map(|b| b.unit.name()),
                status: row.status.name(),
                source: &rules.sources[row.cite.source].name,
                locator: &row.cite.locator,
                required: a.required,
                by_reference: a.by_reference,
                short_of_incentive: a.short_of_incentive,
                location: site_location(checked, row.site),
            }
        }),
        stand_in: f.stand_in.map(|s| StandInJson {
            indicator: &rules.indicator(s.indicator).name,
            accepted: s.accepted.map(|a| match a {
                StandIn::Equivalent => "equivalent",
                StandIn::LowerBound => "lower_bound",
            }),
        }),
        missing: f
            .plan
            .is_none()
            .then(|| f.missing.iter().map(|p| p.english()).collect()),
        without_plan: f
            .plan
            .is_none()
            .then(|| f.without_plan.iter().map(|p| p.english()).collect()),
        contributors,
        explanation: Explanation {
            declared_set: f.declared_set.map(|s| show_interval(s, unit)),
            accepted_set: f.accepted_set.map(|s| show_interval(s, unit)),
            comparison: f.comparison.as_deref(),
        },
        waived: f
            .plan
            .zip(f.waived)
            .map(|(p, w)| waiver(checked, p, w.waiver, Some(w.severity))),
        message: &f.message,
        location,
        rule_location: site_location(checked, req.site),
    }
}

fn waiver(checked: &Checked, plan: usize, w: usize, severity: Option<Severity>) -> JsonWaiver<'_> {
    let waiver = &checked.plans[plan].waivers[w];
    JsonWaiver {
        reason: &waiver.reason,
        approved_by: &waiver.approved_by,
        expires: waiver.expires.to_string(),
        severity: severity.map(Severity::name),
        location: site_location(checked, waiver.site),
    }
}

fn waiver_issue<'a>(issue: &WaiverIssue, checked: &'a Checked) -> JsonWaiverIssue<'a> {
    let rules = checked
        .rules
        .as_ref()
        .expect("waivers come from resolved plans");
    let plan = &checked.plans[issue.plan];
    JsonWaiverIssue {
        code: issue.problem.code(),
        severity: issue.problem.severity().name(),
        status: issue.problem.name(),
        rule: &rules.rules[plan.waivers[issue.waiver].rule].id,
        province: plan.province.english(),
        waiver: waiver(checked, issue.plan, issue.waiver, None),
        message: issue.message(rules, &checked.plans),
    }
}

pub(super) fn problem(p: &Problem) -> JsonProblem {
    let location = p.file().zip(p.primary_span()).map(|(f, s)| location(f, s));
    JsonProblem {
        code: p.code_string(),
        severity: match p.level() {
            miette::Severity::Advice => "note",
            miette::Severity::Warning => "warning",
            miette::Severity::Error => "error",
        },
        message: p.to_string(),
        help: p.help().map(|h| h.to_string()),
        file: p.file().map(|f| f.name().to_string()),
        location,
    }
}

pub fn render_json(checked: &Checked) -> String {
    let mut out = serde_json::to_string_pretty(&document(checked)).expect("findings serialise");
    out.push('\n');
    out
}

/// The document `check --format json` writes.
pub(super) fn document(checked: &Checked) -> Document<'_> {
    let s = checked.summary();
    Document {
        version: 1,
        findings: checked
            .findings
            .iter()
            .map(|f| finding(f, checked))
            .collect(),
        waivers: checked
            .waiver_issues
            .iter()
            .map(|i| waiver_issue(i, checked))
            .collect(),
        errors: checked.problems.iter().map(problem).collect(),
        unchecked: unchecked(checked),
        summary: JsonSummary {
            plans: s.plans,
            rules: s.rules,
            findings: checked.findings.len(),
            pass: s.pass,
            fail: s.fail,
            undeclared: s.undeclared,
            not_checkable: s.not_checkable,
            reaches_benchmark: s.reaches_benchmark,
            short_of_benchmark: s.short_of_benchmark,
            errors: s.errors,
            warnings: s.warnings,
            notes: s.notes,
            waived: s.waived,
            input_errors: checked.input_errors(),
            unchecked: checked.unchecked.len(),
        },
    }
}

fn unchecked(checked: &Checked) -> Vec<UncheckedTarget<'_>> {
    let Some(rules) = &checked.rules else {
        return Vec::new();
    };
    let each = checked.unchecked.iter().map(|&(p, t)| {
        let target = &checked.plans[p].targets[t];
        let province = checked.plans[p].province;
        UncheckedTarget {
            province: province.english(),
            province_zh: province.chinese(),
            city: checked.plans[p].city.map(|c| c.english()),
            location: site_location(checked, target.detail.site),
            declared: declared(rules, target),
        }
    });
    each.collect()
}

/// The JSON Schema of `check --format json`.
pub fn check_schema() -> schemars::Schema {
    schemars::schema_for!(Document<'static>)
}
