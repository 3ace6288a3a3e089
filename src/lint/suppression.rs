//! Suppressions: `allow CODE because "reason"` in a block suppresses that lint inside the
//! block, and at the top of a file, in the whole file. A suppressed finding is kept and
//! counted, with its reason; an `allow` that suppresses nothing is itself reported (PC019),
//! and one naming a code that does not exist or is not a lint is an error (PC033).

use miette::SourceSpan;

use super::{Context, LintFinding};
use crate::ast::{Allow, Loc, RuleFile};
use crate::codes::{self, CodeKind};
use crate::model::FileId;
use crate::suggest::did_you_mean;

pub const UNUSED: &str = "PC019";
pub const BAD: &str = "PC033";

/// An `allow` and the span of text it covers.
struct Scope<'a> {
    file: FileId,
    allow: &'a Allow,
    covers: Option<SourceSpan>,
}

fn scopes(files: &[(FileId, RuleFile)]) -> Vec<Scope<'_>> {
    let mut scopes = Vec::new();
    for (file, ast) in files {
        let blocks = ast.sources.iter().map(|s| (&s.allows, Some(s.at)));
        let blocks = blocks.chain(ast.indicators.iter().map(|i| (&i.allows, Some(i.at))));
        let blocks = blocks.chain(ast.rules.iter().map(|r| (&r.allows, Some(r.at))));
        let blocks = blocks.chain(ast.assignments.iter().map(|a| (&a.allows, Some(a.at))));
        for (allows, covers) in std::iter::once((&ast.allows, None)).chain(blocks) {
            scopes.extend(allows.iter().map(|allow| Scope {
                file: *file,
                allow,
                covers: covers.map(Loc::span),
            }));
        }
    }
    scopes
}

fn within(inner: SourceSpan, outer: SourceSpan) -> bool {
    inner.offset() >= outer.offset() && inner.offset() + inner.len() <= outer.offset() + outer.len()
}

/// Marks the suppressed findings, then reports the `allow`s that are wrong, and (when the
/// lints ran) those that suppress nothing.
pub fn apply(files: &[(FileId, RuleFile)], findings: &mut Vec<LintFinding>, linted: bool) {
    let mut reports = Vec::new();
    for scope in scopes(files) {
        if let Some(bad) = bad_code(&scope) {
            reports.push(bad);
            continue;
        }
        let code = &scope.allow.code.node;
        let mut used = false;
        for f in findings.iter_mut() {
            let covered =
                f.site.file == scope.file && scope.covers.is_none_or(|c| within(f.site.span, c));
            if covered && f.code.eq_ignore_ascii_case(code) {
                f.suppressed = Some(scope.allow.reason.node.clone());
                used = true;
            }
        }
        if !used && linted {
            reports.push(
                LintFinding::new(
                    UNUSED,
                    Context::site(scope.file, scope.allow.at.span()),
                    format!("`allow {code}` suppresses nothing"),
                    "nothing to suppress here",
                )
                .with_help("remove it: the lint it names no longer fires here"),
            );
        }
    }
    findings.extend(reports);
}

/// PC033 for an `allow` of a code that is not a lint. An unused `allow` is found after the
/// others are judged, so it cannot be allowed either.
fn bad_code(scope: &Scope) -> Option<LintFinding> {
    let code = &scope.allow.code;
    let (message, help) = match codes::find(&code.node) {
        Some(c) if c.kind == CodeKind::Lint && c.id != UNUSED => return None,
        Some(c) if c.kind == CodeKind::Lint => (
            format!(
                "`{}` ({}) cannot be allowed: an unused `allow` is found only once the others are judged",
                c.id, c.name
            ),
            "remove the `allow` it reports instead".to_string(),
        ),
        Some(c) => (
            format!(
                "`{}` ({}) cannot be allowed: it is {}, not a lint",
                c.id,
                c.name,
                kind_words(c.kind)
            ),
            format!(
                "fix what it reports ({}); only lints can be allowed",
                c.summary
            ),
        ),
        None => {
            let lints = codes::CODES
                .iter()
                .filter(|c| c.kind == CodeKind::Lint)
                .map(|c| c.id);
            let help = did_you_mean(&code.node, lints)
                .unwrap_or_else(|| "`plancheck explain` lists every code".into());
            (format!("unknown lint code `{}`", code.node), help)
        }
    };
    let at = Context::site(scope.file, code.span);
    Some(LintFinding::new(BAD, at, message, "cannot be allowed").with_help(help))
}

/// What a code that is not a lint is, in words.
fn kind_words(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::Input => "an input error",
        CodeKind::Resolve => "a resolution error",
        CodeKind::Check => "a problem found while checking plans",
        CodeKind::Lint => "a lint",
    }
}
