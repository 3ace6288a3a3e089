//! `--format sarif`: SARIF 2.1.0, through the typed model of the `serde-sarif` crate.

use std::collections::BTreeMap;
use std::path::Path;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultKind,
    ResultLevel, Run, Sarif, Suppression, Tool, ToolComponent,
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

fn descriptor(rule: &CiRule) -> ReportingDescriptor {
    let level = ReportingConfiguration::builder()
        .level(json!(rule.level.name()))
        .build();
    let descriptor = ReportingDescriptor::builder()
        .id(&rule.id)
        .name(&rule.name)
        .short_description(text(&rule.short))
        .full_description(text(&rule.full))
        .default_configuration(level);
    match &rule.help {
        Some(help) => descriptor.help(text(help)).build(),
        None => descriptor.build(),
    }
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

/// A file's name as a SARIF artifact URI: a relative path stays a relative reference (to
/// the folder plancheck ran in), an absolute one becomes a `file:` URL; each segment is
/// percent-encoded, so that spaces, `#`, `%` and Chinese names survive.
fn file_uri(name: &str) -> String {
    let slashed = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_string()
    };
    let encoded = slashed
        .split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    match (Path::new(name).is_absolute(), encoded.starts_with('/')) {
        (false, _) => encoded,
        (true, true) => format!("file://{encoded}"),
        // A Windows path, `C:/...`: its drive letter keeps its colon.
        (true, false) => format!("file:///{}", encoded.replacen("%3A", ":", 1)),
    }
}

fn location(at: &CiLocation) -> Location {
    let region = Region::builder()
        .start_line(at.start.line as i64)
        .start_column(at.start.column as i64)
        .end_line(at.end.line as i64)
        .end_column(at.end.column as i64)
        .byte_offset(at.offset as i64)
        .byte_length(at.length as i64)
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(file_uri(&at.file)).build())
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

fn result(r: &CiResult, rules: &[CiRule]) -> SarifResult {
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
    out.locations = r.location.as_ref().map(|l| vec![location(l)]);
    if !r.related.is_empty() {
        out.related_locations = Some(r.related.iter().map(location).collect());
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

pub fn render_sarif(report: &CiReport) -> String {
    let driver = ToolComponent::builder()
        .name("plancheck")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(report.rules.iter().map(descriptor).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(
            report
                .results
                .iter()
                .map(|r| result(r, &report.rules))
                .collect::<Vec<_>>(),
        )
        .column_kind(json!("unicodeCodePoints"))
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&sarif).expect("SARIF serialises");
    out.push('\n');
    out
}
