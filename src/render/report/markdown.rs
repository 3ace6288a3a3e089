//! The report as GitHub-flavoured Markdown.

use std::fmt::Write;

use super::text::{
    commits_to, outcome_words, quantity, rank, total_outcome, verdict, waiver_words, web_link,
};
use crate::render::escape::{markdown, markdown_code as code, markdown_message as message};
use crate::report::{ProvinceSection, Ranking, Report, TargetCheck};

/// How rankings are made, as the report says it.
const RANKING_NOTE: &str = "Provinces that declare each indicator for a year, most ambitious first, by what each \
declaration commits to (`at least 14.4 %` commits to 14.4 %, `more than 65 %` to more than 65 %). \
Equal commitments share a rank. A declaration that commits to no bound (`at least 2025` for a \
peak year, where earlier is more ambitious) is listed last, unranked.";

/// What a target's status reads when the plan states none.
const NOT_STATED: &str = "not stated";

/// Text safe inside a table cell. Every string from the input is escaped before it gets
/// here (`markdown`, `code`, `message`); a cell only needs its pipes escaped, code spans
/// included, as GitHub's tables read them.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub(in crate::render) fn table(
    out: &mut String,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

pub fn render_report_markdown(report: &Report) -> String {
    let mut out = String::new();
    let p = &report.provenance;
    let _ = writeln!(out, "# {}\n", markdown(&report.title));
    let _ = writeln!(
        out,
        "Made by {} on {}, from {} rule file(s) and {} plan(s); see [Provenance](#provenance).\n",
        markdown(&p.tool),
        markdown(&p.generated),
        p.rule_files.len(),
        p.plan_files.len()
    );
    summary(&mut out, report);
    matrix(&mut out, report);
    let _ = writeln!(out, "## Rankings\n");
    let _ = writeln!(out, "{RANKING_NOTE}\n");
    for ranking in &report.rankings {
        self::ranking(&mut out, ranking);
    }
    provinces(&mut out, report);
    notes(&mut out, report);
    provenance(&mut out, report);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn summary(out: &mut String, report: &Report) {
    let _ = writeln!(out, "## National summary\n");
    let rows = report
        .summary
        .iter()
        .filter(|s| s.aggregate.is_none())
        .map(|s| {
            let c = &s.counts;
            vec![
                code(&s.rule),
                code(&s.requirement),
                s.kind.clone(),
                c.pass.to_string(),
                c.fail.to_string(),
                c.undeclared.to_string(),
                c.not_checkable.to_string(),
                c.reaches_benchmark.to_string(),
                c.short_of_benchmark.to_string(),
                c.waived.to_string(),
            ]
        });
    let header = [
        "rule",
        "requirement",
        "kind",
        "pass",
        "fail",
        "undeclared",
        "not checkable",
        "reaches benchmark",
        "short of benchmark",
        "waived",
    ];
    table(out, &header, rows);
    let _ = writeln!(
        out,
        "National totals are compared with the sum of what the provinces declare:\n"
    );
    let rows = report.summary.iter().filter_map(|s| {
        let a = s.aggregate.as_ref()?;
        let outcome = total_outcome(&a.outcome, a.reason.as_deref());
        Some(vec![
            code(&s.rule),
            code(&s.requirement),
            quantity(&a.total, &a.unit),
            format!("{} of {}", a.contributors, a.in_scope),
            outcome,
        ])
    });
    table(
        out,
        &[
            "rule",
            "requirement",
            "declared total",
            "provinces declaring",
            "outcome",
        ],
        rows,
    );
    if !report.waivers.is_empty() {
        let _ = writeln!(
            out,
            "Waivers that are problems: an expired one covers nothing (PC031), an unused one has nothing to cover (PC032):\n"
        );
        let rows = report.waivers.iter().map(|w| {
            vec![
                province(&w.province, &w.province_zh),
                code(&w.rule),
                format!("{} {}", w.code, w.status),
                w.severity.clone(),
                message(&w.message),
            ]
        });
        table(
            out,
            &["province", "rule", "problem", "severity", "message"],
            rows,
        );
    }
}

fn matrix(out: &mut String, report: &Report) {
    let _ = writeln!(out, "## Provinces by rule\n");
    let mut header = vec!["province".to_string()];
    header.extend(report.matrix.rules.iter().map(|r| code(r)));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = report.matrix.rows.iter().map(|row| {
        let mut cells = vec![province(&row.province, &row.province_zh)];
        cells.extend(row.cells.iter().map(|c| {
            let words = match outcome_words(&c.outcome, c.waived) {
                "fail" => "**fail**".to_string(),
                words => words.to_string(),
            };
            match &c.stand_in {
                Some(s) => format!("{words} via {}", code(s)),
                None => words,
            }
        }));
        cells
    });
    table(out, &header, rows);
}

fn ranking(out: &mut String, r: &Ranking) {
    let period = match (r.year, r.baseline) {
        (Some(y), Some(b)) => format!(", {y} (from {b})"),
        (Some(y), None) => format!(", {y}"),
        _ => String::new(),
    };
    let _ = writeln!(out, "### {}{period}\n", markdown(&r.title));
    match (&r.national, &r.national_total) {
        (Some(n), _) => {
            let _ = writeln!(
                out,
                "National figure: {} ({}: {}).\n",
                quantity(&n.value, &r.unit),
                code(&n.rule),
                code(&n.requirement)
            );
        }
        (None, Some(t)) => {
            let _ = writeln!(
                out,
                "National total: {} ({}: {}), a total over provinces, not a figure for each. \
                 The {} of {} provinces that declare it sum to {}: {}.\n",
                quantity(&t.value, &t.unit),
                code(&t.rule),
                code(&t.requirement),
                t.contributors,
                t.in_scope,
                quantity(t.sum.as_deref().unwrap_or("0"), &t.unit),
                total_outcome(&t.outcome, t.reason.as_deref()),
            );
        }
        (None, None) => {
            let _ = writeln!(out, "No national figure for this indicator and year.\n");
        }
    }
    let rows = r.entries.iter().map(|e| {
        let against = e.outcome.as_deref().map_or(String::new(), |o| {
            verdict(o, e.waived, e.margin.as_deref(), r.margin_unit.as_deref())
        });
        vec![
            rank(e.rank),
            province(&e.province, &e.province_zh),
            markdown(&commits_to(e.commits_to.as_deref())).into_owned(),
            match &e.stand_in {
                Some(s) => format!("{} (via {})", markdown(&e.declared), code(s)),
                None => markdown(&e.declared).into_owned(),
            },
            e.commitment.clone(),
            against,
        ]
    });
    table(
        out,
        &[
            "rank",
            "province",
            "commits to",
            "declared",
            "commitment",
            "against the national figure (margin)",
        ],
        rows,
    );
}

fn provinces(out: &mut String, report: &Report) {
    let _ = writeln!(out, "## Provinces\n");
    for p in &report.provinces {
        let _ = writeln!(out, "### {}\n", province(&p.province, &p.province_zh));
        let c = &p.counts;
        let _ = writeln!(
            out,
            "From {}: {} pass, {} fail, {} undeclared, {} not checkable, {} waived; benchmarks: {} reached, {} short.\n",
            code(&p.file),
            c.pass,
            c.fail,
            c.undeclared,
            c.not_checkable,
            c.waived,
            c.reaches_benchmark,
            c.short_of_benchmark
        );
        if p.targets.is_empty() {
            let _ = writeln!(out, "The plan declares no target.\n");
        } else {
            targets(out, p);
        }
        if !p.undeclared.is_empty() {
            let _ = writeln!(out, "Left undeclared or not checkable:\n");
            for row in &p.undeclared {
                let v = verdict(&row.outcome, row.waiver.is_some(), None, None);
                let _ = writeln!(out, "- {} {v}: {}", code(&row.rule), message(&row.message));
            }
            out.push('\n');
        }
        let problems: Vec<_> = report
            .waivers
            .iter()
            .filter(|w| w.province == p.province)
            .collect();
        if !problems.is_empty() {
            let _ = writeln!(out, "Waiver problems:\n");
            for w in problems {
                let _ = writeln!(out, "- {} ({}): {}", w.code, w.status, message(&w.message));
            }
            out.push('\n');
        }
    }
}

/// What the input holds that was not read (documents' sentences, look-alikes).
fn notes(out: &mut String, report: &Report) {
    if report.notes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Notes on the input
"
    );
    for n in &report.notes {
        let place = format!("{}:{}:{}", n.file, n.line, n.column);
        let _ = writeln!(
            out,
            "- {} {}: {}",
            code(&n.code),
            code(&place),
            message(&n.message)
        );
    }
    out.push('\n');
}

fn targets(out: &mut String, p: &ProvinceSection) {
    let rows = p.targets.iter().map(|t| {
        let period = [
            t.year.map(|y| format!("by {y}")),
            t.baseline.map(|b| format!("from {b}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let status = markdown(t.status.as_deref().unwrap_or(NOT_STATED));
        let status = match &t.status_note {
            Some(note) => format!("{status}: {}", markdown(note)),
            None => status.into_owned(),
        };
        vec![
            code(&t.indicator),
            period,
            markdown(&t.declared).into_owned(),
            t.commitment.clone(),
            status,
            t.checks.iter().map(check).collect::<Vec<_>>().join("; "),
            t.source.as_deref().map_or(String::new(), source),
        ]
    });
    let header = [
        "indicator",
        "year",
        "declared",
        "commitment",
        "status",
        "rules (margin)",
        "source",
    ];
    table(out, &header, rows);
}

/// A rule's verdict on a target, and the waiver that covers it: `` `EI-2025` waived (fail,
/// -1 pp): reason (approved by …, expires …) ``.
fn check(c: &TargetCheck) -> String {
    let v = verdict(
        &c.outcome,
        c.waiver.is_some(),
        c.margin.as_deref(),
        c.margin_unit.as_deref(),
    );
    match &c.waiver {
        Some(w) => {
            let why = waiver_words(
                &markdown(&w.reason),
                &markdown(&w.approved_by),
                &markdown(&w.expires),
            );
            format!("{} {v}: {why}", code(&c.rule))
        }
        None => format!("{} {v}", code(&c.rule)),
    }
}

/// A source as a link where it is a web address, else as literal text.
fn source(text: &str) -> String {
    match web_link(text) {
        Some(url) => format!("<{url}>"),
        None => code(text),
    }
}

/// A province's names, `Gansu 甘肃`.
fn province(english: &str, chinese: &str) -> String {
    format!("{} {}", markdown(english), markdown(chinese))
}

fn provenance(out: &mut String, report: &Report) {
    let p = &report.provenance;
    let _ = writeln!(out, "## Provenance\n");
    let _ = writeln!(
        out,
        "Made by {} on {}.\n",
        markdown(&p.tool),
        markdown(&p.generated)
    );
    let rows = p
        .rule_files
        .iter()
        .map(|f| ("rules", f))
        .chain(p.plan_files.iter().map(|f| ("plan", f)))
        .map(|(kind, f)| vec![kind.to_string(), code(&f.name), code(&f.sha256)]);
    table(out, &["kind", "file", "SHA-256"], rows);
}
