//! `--format sarif`: SARIF 2.1.0, through the typed model of the `serde-sarif` crate.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Location, Message, MultiformatMessageString,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultKind, ResultLevel, Run, RunAutomationDetails, Sarif, Suppression,
    Tool, ToolComponent,
};

use super::ci::{CiLevel, CiLocation, CiReport, CiResult, CiRule};
use crate::finding::Outcome;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn message(s: &str) -> Message {
    Message::builder().text(s).build()
}

/// The repository's address, from `Cargo.toml`; empty until it has one, and then no link
/// is written rather than one to a page that does not exist.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where SARIF output points: file URIs are relative to the repository at `root`; each
/// rule's help links to its section of the README at `readme` (`--readme-url`, else the
/// repository's, when `Cargo.toml` has one; else no link at all).
#[derive(Debug, Default, Clone)]
pub struct SarifLinks {
    pub root: Option<PathBuf>,
    pub readme: Option<String>,
}

impl SarifLinks {
    fn readme(&self) -> Option<String> {
        let repository = || format!("{REPOSITORY}/blob/main/README.md");
        let known = (!REPOSITORY.is_empty()).then(repository);
        self.readme.clone().or(known)
    }
}

fn descriptor(rule: &CiRule, readme: Option<&str>) -> ReportingDescriptor {
    let level = ReportingConfiguration::builder()
        .level(json!(rule.level.name()))
        .build();
    let help = MultiformatMessageString::builder()
        .text(&rule.help)
        .markdown(&rule.explanation)
        .build();
    let mut descriptor = ReportingDescriptor::builder()
        .id(&rule.id)
        .name(&rule.name)
        .short_description(text(&rule.short))
        .full_description(text(&rule.full))
        .help(help)
        .default_configuration(level)
        .build();
    descriptor.help_uri = readme
        .zip(rule.anchor)
        .map(|(readme, anchor)| format!("{readme}{anchor}"));
    descriptor
}

/// What a path segment of a URI cannot hold as it is (RFC 3986): besides controls, spaces
/// and non-ASCII (always encoded), the delimiters, `%` itself, and `:`, which in the first
/// segment of a relative reference would read as a scheme.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A file's name as a SARIF artifact URI. Inside the repository (`root`), the path from its
/// top, as GitHub code scanning wants; elsewhere, or with no repository, a relative path
/// stays a relative reference (to the folder plancheck ran in, without `./`) and an absolute
/// one becomes a `file:` URL. Each segment is percent-encoded, so that spaces, `#`, `%` and
/// Chinese names survive.
pub(crate) fn file_uri(name: &str, root: Option<&Path>) -> String {
    let slashed = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_string()
    };
    let file = Path::new(&slashed);
    let inside = root.and_then(|r| in_repository(file, r));
    let path = inside.unwrap_or_else(|| outside(&slashed));
    let encoded = path
        .split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    match (Path::new(&path).is_absolute(), encoded.starts_with('/')) {
        (false, _) => encoded,
        (true, true) => format!("file://{encoded}"),
        // A Windows path, `C:/...`: its drive letter keeps its colon.
        (true, false) => format!("file:///{}", encoded.replacen("%3A", ":", 1)),
    }
}

/// The path of `file` from the top of the repository at `root`, if it lies inside.
fn in_repository(file: &Path, root: &Path) -> Option<String> {
    let relative = normal(file)?.strip_prefix(root).ok()?.to_path_buf();
    let words: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!words.is_empty()).then(|| words.join("/"))
}

/// A path outside the repository: relative as given (without `./`), unless it climbs out
/// with `..` or is absolute; then absolute, without `.` and `..` (a `file:` URL may not
/// hold them).
fn outside(slashed: &str) -> String {
    let file = Path::new(slashed);
    let climbs = file
        .components()
        .any(|c| c == std::path::Component::ParentDir);
    if (file.is_absolute() || climbs)
        && let Some(path) = normal(file)
    {
        return path.to_string_lossy().replace('\\', "/");
    }
    let mut rest = slashed;
    while let Some(after) = rest.strip_prefix("./") {
        rest = after.trim_start_matches('/');
    }
    rest.to_string()
}

/// `file` as an absolute path with `.` and `..` taken out, as written (links are not
/// followed); a relative path is taken from the folder plancheck runs in.
fn normal(file: &Path) -> Option<std::path::PathBuf> {
    let absolute = match file.is_absolute() {
        true => file.to_path_buf(),
        false => std::env::current_dir().ok()?.join(file),
    };
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for part in absolute.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other.as_os_str()),
        }
    }
    Some(parts.iter().collect())
}

fn location(at: &CiLocation, root: Option<&Path>) -> Location {
    let region = Region::builder()
        .start_line(at.start.line as i64)
        .start_column(at.start.column as i64)
        .end_line(at.end.line as i64)
        .end_column(at.end.column as i64)
        .byte_offset(at.offset as i64)
        .byte_length(at.length as i64)
        .snippet(ArtifactContent::builder().text(&at.snippet).build())
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(
            ArtifactLocation::builder()
                .uri(file_uri(&at.file, root))
                .build(),
        )
        .region(region)
        .build();
    let location = Location::builder().physical_location(physical);
    match &at.message {
        Some(m) => location.message(message(m)).build(),
        None => location.build(),
    }
}

/// A benchmark's finding compares a province with a figure it was never required to meet:
/// SARIF's `fail` would call it a failure, so it is a result for `review` (short of the
/// figure) or `informational` (reached). SARIF allows no level but `none` beside those
/// kinds, so the level the rule gives is kept as a property.
fn as_benchmark(out: &mut SarifResult, outcome: Outcome) {
    out.kind = Some(match outcome {
        Outcome::ShortOfBenchmark => ResultKind::Review,
        _ => ResultKind::Informational,
    });
    out.level = Some(ResultLevel::None);
}

fn level(level: CiLevel) -> ResultLevel {
    match level {
        CiLevel::Error => ResultLevel::Error,
        CiLevel::Warning => ResultLevel::Warning,
        CiLevel::Note => ResultLevel::Note,
    }
}

/// A result's fingerprint: its rule, file and message, and how many results before it had
/// the same three, hashed; stable across runs and when lines move, as code scanning needs to
/// follow a result from one commit to the next.
fn fingerprint(r: &CiResult, uri: &str, seen: &mut BTreeMap<String, usize>) -> String {
    use sha2::{Digest, Sha256};
    let key = format!("{}\0{uri}\0{}", r.rule, r.message);
    let n = seen.entry(key.clone()).or_insert(0);
    *n += 1;
    let digest = Sha256::digest(format!("{key}\0{n}").as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn result(r: &CiResult, rules: &[CiRule], root: Option<&Path>) -> SarifResult {
    let mut out = SarifResult::builder()
        .rule_id(&r.rule)
        .message(message(&r.message))
        .level(level(r.level))
        .build();
    if let Some(outcome) = r.outcome {
        let mut properties = BTreeMap::from([("outcome".to_string(), json!(outcome.name()))]);
        if outcome.is_benchmark() {
            as_benchmark(&mut out, outcome);
            properties.insert("severity".to_string(), json!(level(r.level)));
        }
        out.properties = Some(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        );
    }
    out.rule_index = rules
        .iter()
        .position(|rule| rule.id == r.rule)
        .map(|i| i as i64);
    out.locations = r.location.as_ref().map(|l| vec![location(l, root)]);
    if !r.related.is_empty() {
        // Ids, so that a viewer can link them (GitHub shows related locations by id).
        let related = r.related.iter().zip(1..).map(|(l, id)| {
            let mut at = location(l, root);
            at.id = Some(id);
            at
        });
        out.related_locations = Some(related.collect());
    }
    out.suppressions = r.suppressed.as_ref().map(|why| {
        vec![
            Suppression::builder()
                .kind(json!("inSource"))
                .justification(why)
                .build(),
        ]
    });
    out
}

/// The run as SARIF.
pub fn render_sarif(report: &CiReport, links: &SarifLinks) -> String {
    let mut out = log(vec![run(report, links, None)]);
    out.push('\n');
    out
}

/// A SARIF log holding these runs, as pretty JSON.
fn log(runs: Vec<Run>) -> String {
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(runs)
        .build();
    serde_json::to_string_pretty(&sarif).expect("SARIF serialises")
}

/// The log of `check --scenarios`, a run a set, is written a run at a time: this is the
/// log before its first run and after its last.
pub fn render_sarif_log_around() -> (String, String) {
    let empty = log(Vec::new());
    let (head, tail) = empty
        .split_once("\"runs\": []")
        .expect("a log lists its runs");
    (format!("{head}\"runs\": ["), format!("\n  ]{tail}\n"))
}

/// One run, to sit in the log's `runs`; a run after the first needs a comma before. A
/// set's run has its scenario's category, so that code scanning keeps the sets apart.
pub fn render_sarif_run(report: &CiReport, links: &SarifLinks, scenario: Option<&str>) -> String {
    let run = run(report, links, scenario);
    let text = serde_json::to_string_pretty(&run).expect("SARIF serialises");
    format!("\n    {}", super::scenarios::indented(&text, 4))
}

/// What `/` and `%` would do to a category (`/` ends it) are escaped in a scenario's name.
const CATEGORY: &AsciiSet = &CONTROLS.add(b'%').add(b'/');

fn run(report: &CiReport, links: &SarifLinks, scenario: Option<&str>) -> Run {
    let readme = links.readme();
    let rules = report
        .rules
        .iter()
        .map(|r| descriptor(r, readme.as_deref()));
    let mut driver = ToolComponent::builder()
        .name("plancheck")
        .full_name(env!("CARGO_PKG_DESCRIPTION"))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules.collect::<Vec<_>>())
        .build();
    driver.information_uri = readme;
    let root = links.root.as_deref();
    let mut seen = BTreeMap::new();
    let results: Vec<SarifResult> = report
        .results
        .iter()
        .map(|r| {
            let mut out = result(r, &report.rules, root);
            let uri = r
                .location
                .as_ref()
                .map_or(String::new(), |l| file_uri(&l.file, root));
            let print =
                BTreeMap::from([("plancheck/v1".to_string(), fingerprint(r, &uri, &mut seen))]);
            out.partial_fingerprints = Some(print);
            out
        })
        .collect();
    // `plancheck/check/` and `plancheck/lint/`: two categories, so both runs can be uploaded
    // from one job; a scenario's set adds its name.
    let category = match scenario {
        Some(name) => format!(
            "plancheck/{}/{}/",
            report.command,
            utf8_percent_encode(name, CATEGORY)
        ),
        None => format!("plancheck/{}/", report.command),
    };
    let automation = RunAutomationDetails::builder().id(category).build();
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .automation_details(automation)
        .column_kind(json!("unicodeCodePoints"))
        .build();
    run.properties = scenario.map(|name| {
        let name = BTreeMap::from([("scenario".to_string(), json!(name))]);
        PropertyBag::builder().additional_properties(name).build()
    });
    run
}
