//! `plancheck extract`: the plan a document states, as a `.plan` file or as JSON, each target
//! with where in the document it was read.

use std::fmt::Write;

use crate::ast::{DeclaredValue, Qualifier, Spanned, TargetDecl};
use crate::plantext::{Clause, Extracted};
use crate::render::escape;
use crate::source::SourceFile;
use crate::syntax::Language;

/// Where a target was read: `file:line:column` and the clause, on one line.
struct ReadFrom {
    line: usize,
    column: usize,
    sentence: String,
}

fn read_from(file: &SourceFile, clause: &Clause) -> ReadFrom {
    let at = file.line_col(clause.span.offset());
    let sentence = clause.quote.replace(['\r', '\n'], " ");
    ReadFrom {
        line: at.line,
        column: at.column,
        sentence: escape::line(&sentence).into_owned(),
    }
}

/// The plan in the plan language, in `fmt`'s layout.
pub fn render_extracted_plan(extracted: &Extracted, file: &SourceFile) -> String {
    let plan = &extracted.plan;
    let mut out = format!(
        "# Read by plancheck extract from {}\n",
        escape::line(file.name())
    );
    let province = plan.province.as_ref().map_or("", |p| p.node.as_str());
    // `Inner Mongolia` is two words: quoted, as the plan language wants.
    match province.contains(' ') {
        true => field(&mut out, "province", plan.province.as_ref()),
        false => {
            let _ = writeln!(out, "province {province}");
        }
    }
    // `Guang'an` is no word of the plan language: quoted.
    field(&mut out, "city", plan.city.as_ref());
    field(&mut out, "title", plan.title.as_ref());
    if let Some(period) = &plan.period {
        let _ = writeln!(out, "period {}", period.node.name());
    }
    for (target, clause) in plan.targets.iter().zip(&extracted.clauses) {
        let from = read_from(file, clause);
        let _ = writeln!(
            out,
            "\n# read from {}:{}:{}: \"{}\"",
            escape::line(file.name()),
            from.line,
            from.column,
            from.sentence
        );
        write_target(&mut out, target);
    }
    crate::fmt::format(&out, Language::Plan).expect("an extracted plan is a valid plan")
}

fn field(out: &mut String, name: &str, value: Option<&Spanned<String>>) {
    if let Some(value) = value {
        let quoted = value.node.replace('\\', "\\\\").replace('"', "\\\"");
        let _ = writeln!(out, "{name} \"{quoted}\"");
    }
}

fn write_target(out: &mut String, target: &TargetDecl) {
    let _ = write!(out, "target {}", target.indicator.node);
    if let Some(year) = &target.period.year {
        let _ = write!(out, " by {}", year.node);
    }
    if let Some(baseline) = &target.period.baseline {
        let _ = write!(out, " from {}", baseline.node);
    }
    out.push_str(" {\n");
    let _ = writeln!(out, "value {}", value_words(target));
    if let Some(c) = &target.commitment {
        let _ = writeln!(out, "commitment {}", c.node.name());
    }
    field(out, "document", target.document.as_ref());
    field(out, "source", target.source.as_ref());
    out.push_str("}\n");
}

/// `at_least 15.5 %`, `by_reference`, `2030`.
fn value_words(target: &TargetDecl) -> String {
    let (qualifier, number, unit) = parts(target);
    let mut words = Vec::new();
    if qualifier != Qualifier::Exact {
        words.push(qualifier.name().to_string());
    }
    words.extend(number);
    words.extend(unit);
    words.join(" ")
}

/// A target's qualifier, number and unit as written.
fn parts(target: &TargetDecl) -> (Qualifier, Option<String>, Option<String>) {
    match target.value.as_ref().map(|v| &v.node) {
        Some(DeclaredValue::Number {
            qualifier,
            quantity,
        }) => (
            qualifier.as_ref().map_or(Qualifier::Exact, |q| q.node),
            Some(quantity.number.node.text.clone()),
            quantity.unit.as_ref().map(|u| u.node.clone()),
        ),
        _ => (Qualifier::ByReference, None, None),
    }
}

/// The plan in the JSON interchange format, each target with a `read_from` object. Written
/// field by field so that numbers keep their written digits (`27.40`), which a JSON value
/// of serde_json would not.
pub fn render_extracted_json(extracted: &Extracted, file: &SourceFile) -> String {
    let plan = &extracted.plan;
    let province = plan.province.as_ref().map_or("", |p| p.node.as_str());
    let mut fields = vec![("province", string(province))];
    if let Some(city) = &plan.city {
        fields.push(("city", string(&city.node)));
    }
    if let Some(title) = &plan.title {
        fields.push(("title", string(&title.node)));
    }
    if let Some(period) = &plan.period {
        fields.push(("period", string(period.node.name())));
    }
    let targets: Vec<String> = plan
        .targets
        .iter()
        .zip(&extracted.clauses)
        .map(|(t, c)| json_target(t, read_from(file, c), file.name()))
        .collect();
    let list = format!("[\n{}\n  ]", targets.join(",\n"));
    fields.push(("targets", list));
    let mut out = object(&fields, "");
    out.push('\n');
    out
}

fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string prints as JSON")
}

/// `{"key": value, ...}` of rendered values, one field a line at `indent` plus two spaces.
fn object(fields: &[(&str, String)], indent: &str) -> String {
    let lines: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{indent}  {}: {v}", string(k)))
        .collect();
    format!("{{\n{}\n{indent}}}", lines.join(",\n"))
}

fn json_target(target: &TargetDecl, from: ReadFrom, name: &str) -> String {
    let mut fields = vec![("indicator", string(&target.indicator.node))];
    if let Some(year) = &target.period.year {
        fields.push(("year", year.node.to_string()));
    }
    if let Some(baseline) = &target.period.baseline {
        fields.push(("baseline", baseline.node.to_string()));
    }
    let (qualifier, number, unit) = parts(target);
    if let Some(number) = number {
        fields.push(("value", number));
    }
    if let Some(unit) = unit {
        fields.push(("unit", string(&unit)));
    }
    fields.push(("qualifier", string(qualifier.name())));
    if let Some(c) = &target.commitment {
        fields.push(("commitment", string(c.node.name())));
    }
    for (key, value) in [("document", &target.document), ("source", &target.source)] {
        if let Some(v) = value {
            fields.push((key, string(&v.node)));
        }
    }
    let read_from = format!(
        "{{\"file\": {}, \"line\": {}, \"column\": {}, \"sentence\": {}}}",
        string(name),
        from.line,
        from.column,
        string(&from.sentence)
    );
    fields.push(("read_from", read_from));
    format!("    {}", object(&fields, "    "))
}
