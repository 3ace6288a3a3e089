//! A document's diagnostics, from the pipeline `check`, `lint` and `test` run: a rule file is
//! linted with the rule files beside it, a plan checked against the rules of its workspace,
//! a test file's tests run. What the commands report as CI results ([`CiReport`]) becomes
//! LSP diagnostics; no verdict is made here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use super::position::{Encoding, range};
use crate::render::ci::{CiLevel, CiLocation, CiReport, CiResult, problem_result};
use crate::source::SourceFile;
use crate::syntax::Language;

/// The files the server knows: open documents (their text as edited) over the disk.
#[derive(Clone)]
pub struct Workspace {
    pub root: Option<PathBuf>,
    pub open: HashMap<PathBuf, String>,
}

impl Workspace {
    /// A file's text: as open in the editor, else as on the disk.
    fn text(&self, path: &Path) -> Option<String> {
        match self.open.get(path) {
            Some(text) => Some(text.clone()),
            None => std::fs::read_to_string(path).ok(),
        }
    }

    /// The `.rules` files of a folder, sorted, open ones as edited.
    fn rules_in(&self, dir: &Path) -> Vec<SourceFile> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| Language::of(&p.to_string_lossy()) == Some(Language::Rules))
            .collect();
        let open = self.open.keys().filter(|p| p.parent() == Some(dir));
        paths.extend(
            open.filter(|p| p.extension().is_some_and(|e| e == "rules"))
                .cloned(),
        );
        paths.sort();
        paths.dedup();
        let read = |p: &PathBuf| Some(SourceFile::new(name(p), self.text(p)?));
        paths.iter().filter_map(read).collect()
    }

    /// The rules a plan is checked against: those of the nearest `rules/` folder from the
    /// plan's folder up to the workspace's root, else the bundled national rules.
    pub fn rules_for(&self, plan: &Path) -> Vec<SourceFile> {
        for dir in plan.ancestors().skip(1) {
            let found = self.rules_in(&dir.join("rules"));
            if !found.is_empty() {
                return found;
            }
            if self.root.as_deref() == Some(dir) {
                break;
            }
        }
        crate::bundled::rule_files()
    }
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// The diagnostics of the document at `path`, whose text is `text`.
pub fn diagnose(path: &Path, text: &str, ws: &Workspace, encoding: Encoding) -> Vec<Diagnostic> {
    diagnose_unless(path, text, ws, encoding, &|| false).unwrap_or_default()
}

/// As [`diagnose`], but `None` as soon as `stale` says the document has changed: it is
/// asked between the stages (reading the workspace's files, running the pipeline, making
/// the diagnostics), so that work for an old text stops at the next one.
pub(super) fn diagnose_unless(
    path: &Path,
    text: &str,
    ws: &Workspace,
    encoding: Encoding,
    stale: &dyn Fn() -> bool,
) -> Option<Vec<Diagnostic>> {
    let me = SourceFile::new(name(path), text.to_string());
    let language = Language::of(me.name());
    // A rule file is linted, and a test file's tests run, with the rule files beside it;
    // a plan is checked against the rules of its workspace.
    let others = match language {
        Some(Language::Rules | Language::Tests) => ws.rules_in(parent(path)),
        _ => ws.rules_for(path),
    };
    if stale() {
        return None;
    }
    let (report, files, fixes) = match language {
        Some(Language::Rules) => lint_with_neighbours(others, &me),
        Some(Language::Tests) => run_tests(others, &me),
        _ => check_plan(others, &me),
    };
    if stale() {
        return None;
    }
    let texts: HashMap<&str, &str> = files.iter().map(|f| (f.name(), f.text())).collect();
    let mine = report.results.iter().filter(|r| {
        r.suppressed.is_none() && r.location.as_ref().is_some_and(|l| l.file == me.name())
    });
    let each = mine.map(|r| {
        let mut d = diagnostic(r, text, &texts, encoding);
        let at = r.location.as_ref().map(|l| (l.offset, l.length));
        if let Some(word) = at.and_then(|at| fixes.get(&at)) {
            d.data = Some(serde_json::json!({ "replace": word }));
        }
        d
    });
    Some(each.collect())
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

/// The words problems suggest in place of what is written ("did you mean `around`?"),
/// by where they point: each becomes a quick fix.
type Fixes = HashMap<(usize, usize), String>;

fn fixes(problems: &[crate::problem::Problem]) -> Fixes {
    let mut fixes = Fixes::new();
    for p in problems {
        let help = miette::Diagnostic::help(p).map(|h| h.to_string());
        let word = help.as_deref().and_then(|h| {
            let rest = h.split_once("did you mean `")?.1;
            Some(rest.split_once('`')?.0.to_string())
        });
        if let (Some(span), Some(word)) = (p.primary_span(), word) {
            fixes.insert((span.offset(), span.len()), word);
        }
    }
    fixes
}

/// The results of a run, the files it read, and the quick fixes its problems suggest.
type Diagnosed = (CiReport, Vec<SourceFile>, Fixes);

fn check_plan(rules: Vec<SourceFile>, me: &SourceFile) -> Diagnosed {
    let mut files = rules.clone();
    files.push(me.clone());
    let today = crate::check::today();
    let checked = crate::check::check(rules, vec![me.clone()], Vec::new(), today);
    let fixes = fixes(&checked.problems);
    (crate::render::check_report(&checked), files, fixes)
}

fn lint_with_neighbours(mut files: Vec<SourceFile>, me: &SourceFile) -> Diagnosed {
    files.retain(|f| f.name() != me.name());
    files.push(me.clone());
    let linted = crate::lint::lint(files.clone());
    let fixes = fixes(&linted.problems);
    (crate::render::lint_report(&linted), files, fixes)
}

fn run_tests(mut rules: Vec<SourceFile>, me: &SourceFile) -> Diagnosed {
    if rules.is_empty() {
        rules = crate::bundled::rule_files();
    }
    let mut files = rules.clone();
    files.push(me.clone());
    let run = crate::ruletest::run_tests(rules, vec![me.clone()], crate::check::today(), None);
    let fixes = fixes(&run.problems);
    let mut report = CiReport {
        command: "test",
        rules: Vec::new(),
        results: run.problems.iter().map(problem_result).collect(),
    };
    for test in &run.results {
        for failure in &test.failures {
            let file = run.sources.get(failure.site.file);
            report.results.push(CiResult {
                rule: "test".into(),
                level: CiLevel::Error,
                message: format!("test \"{}\": {}", test.name, failure.message),
                location: Some(CiLocation::new(file, failure.site.span, None)),
                related: Vec::new(),
                suppressed: None,
                outcome: None,
            });
        }
    }
    (report, files, fixes)
}

fn diagnostic(
    r: &CiResult,
    text: &str,
    texts: &HashMap<&str, &str>,
    encoding: Encoding,
) -> Diagnostic {
    let at = r.location.as_ref().expect("only located results are shown");
    let related = r.related.iter().filter_map(|l| {
        let other = texts.get(l.file.as_str())?;
        Some(DiagnosticRelatedInformation {
            location: Location {
                uri: file_uri(Path::new(&l.file))?,
                range: range(other, l.offset, l.length, encoding),
            },
            message: l.message.clone().unwrap_or_else(|| "related".into()),
        })
    });
    let related: Vec<_> = related.collect();
    Diagnostic {
        range: range(text, at.offset, at.length, encoding),
        severity: Some(match r.level {
            CiLevel::Error => DiagnosticSeverity::ERROR,
            CiLevel::Warning => DiagnosticSeverity::WARNING,
            CiLevel::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(r.rule.clone())),
        source: Some("plancheck".into()),
        message: r.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// A `file:` URI for an absolute path, encoded as SARIF's are; `None` for a bundled file,
/// which has no place on the disk to point at.
pub fn file_uri(path: &Path) -> Option<Uri> {
    if !path.is_absolute() {
        return None;
    }
    let uri = crate::render::sarif::file_uri(&path.to_string_lossy(), None);
    uri.parse().ok()
}

/// The path a `file:` URI names, decoded.
pub fn uri_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}
