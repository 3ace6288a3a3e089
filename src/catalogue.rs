//! What the rules contain, for `plancheck rules`: their rules, indicators, units and
//! provinces, a line each, and an indicator explained at length for `plancheck explain`.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::ast::{Ambition, BaselineNeed};
use crate::model::{Indicator, RuleSet};
use crate::provinces::Province;
use crate::render::escape;
use crate::units::Unit;

/// Lines of columns, each padded to the widest cell above or below it, in terminal columns
/// (a Chinese character takes two); the last column is not padded.
pub(crate) fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        let cells = rows.iter().filter_map(|r| r.get(c));
        cells.map(|s| s.width()).max().unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // Names, titles and citations come from the rule files, for a terminal.
    escape::text(&out).into_owned()
}

pub(crate) fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Every rule: its id, kind, period, requirement and citations.
pub fn rules_table(rules: &RuleSet) -> String {
    let mut rows = vec![header(&["RULE", "KIND", "PERIOD", "REQUIRES", "CITES"])];
    for rule in &rules.rules {
        let cites: Vec<String> = rule
            .cites
            .iter()
            .map(|c| format!("{} {}", rules.sources[c.source].name, c.locator))
            .collect();
        rows.push(vec![
            rule.id.clone(),
            rule.kind.name().to_string(),
            rule.period.map_or("any".into(), |p| p.name().to_string()),
            crate::report::requirement_text(rules, rule),
            cites.join("; "),
        ]);
    }
    table(&rows)
}

fn ambition_words(ambition: Ambition) -> &'static str {
    match ambition {
        Ambition::Higher => "higher",
        Ambition::Lower => "lower",
        Ambition::Earlier => "earlier",
    }
}

fn baseline_words(need: BaselineNeed) -> &'static str {
    match need {
        BaselineNeed::Required => "required",
        BaselineNeed::None => "none",
    }
}

fn look_alikes(rules: &RuleSet, indicator: &Indicator) -> String {
    let names: Vec<&str> = indicator
        .resembles
        .iter()
        .map(|id| rules.indicator(*id).name.as_str())
        .collect();
    names.join(", ")
}

/// Every indicator: its unit, whether it needs a baseline, which way is more ambitious,
/// and the indicators it is easily mistaken for.
pub fn indicators_table(rules: &RuleSet) -> String {
    let mut rows = vec![header(&[
        "INDICATOR",
        "UNIT",
        "BASELINE",
        "AMBITION",
        "RESEMBLES",
        "TITLE",
    ])];
    for ind in &rules.indicators {
        rows.push(vec![
            ind.name.clone(),
            ind.unit.name().to_string(),
            baseline_words(ind.baseline).to_string(),
            ambition_words(ind.ambition).to_string(),
            look_alikes(rules, ind),
            ind.title.clone().unwrap_or_default(),
        ]);
    }
    table(&rows)
}

/// Every unit plancheck knows: its dimension, its factor to the unit values of that
/// dimension are compared in, and its other spellings.
pub fn units_table() -> String {
    let mut rows = vec![header(&["UNIT", "DIMENSION", "FACTOR", "ALSO WRITTEN"])];
    for unit in Unit::ALL {
        let base = unit.base();
        let factor = unit.to_base(1.into()).expect("a factor fits");
        let others = other_spellings(unit);
        rows.push(vec![
            unit.name().to_string(),
            unit.dimension().name().to_string(),
            match base == unit {
                true => "-".to_string(),
                false => format!("1 {} = {factor} {}", unit.name(), base.name()),
            },
            others.join(", "),
        ]);
    }
    table(&rows)
}

/// One unit in words: `万kW`: power; 1 万kW = 10000 kW; also written 万千瓦.
pub fn unit_words(unit: Unit) -> String {
    let base = unit.base();
    let mut text = format!("`{}`: {}", unit.name(), unit.dimension().name());
    if base != unit {
        let factor = unit.to_base(1.into()).expect("a factor fits");
        text.push_str(&format!("; 1 {} = {factor} {}", unit.name(), base.name()));
    }
    let others = other_spellings(unit);
    if !others.is_empty() {
        text.push_str(&format!("; also written {}", others.join(", ")));
    }
    text
}

fn other_spellings(unit: Unit) -> Vec<&'static str> {
    let same = |s: &&str| Unit::parse(s) == Some(unit) && *s != unit.name();
    Unit::spellings().filter(same).collect()
}

/// The 31 provinces: English and Chinese names, and the other names a plan may use.
pub fn provinces_table() -> String {
    let mut rows = vec![header(&["PROVINCE", "CHINESE", "OFFICIAL NAMES", "ALSO"])];
    for p in Province::all() {
        let info = p.info();
        let (zh, en) = p.official();
        rows.push(vec![
            info.english.to_string(),
            info.chinese.to_string(),
            format!("{zh}, {en}"),
            info.aliases.join(", "),
        ]);
    }
    table(&rows)
}

/// The groups of provinces the rules declare, with their members.
pub fn groups_table(rules: &RuleSet) -> String {
    let mut rows = vec![header(&["GROUP", "MEMBERS"])];
    for group in &rules.groups {
        let names: Vec<&str> = group.members.iter().map(Province::english).collect();
        rows.push(vec![group.name.clone(), names.join(", ")]);
    }
    table(&rows)
}

/// The explanation of the indicator `name`, or `None` when the rules declare none such.
pub fn explain_indicator(rules: &RuleSet, name: &str) -> Option<String> {
    let ind = rules.indicators.iter().find(|i| i.name == name)?;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# indicator {}\n", ind.name);
    if let Some(title) = &ind.title {
        let _ = writeln!(w, "{title}\n");
    }
    let _ = writeln!(w, "Unit: {} ({}).", ind.unit.name(), ind.dimension().name());
    let _ = writeln!(w, "Baseline: {}.", baseline_words(ind.baseline));
    let _ = writeln!(w, "More ambitious: {}.", ambition_words(ind.ambition));
    if !ind.resembles.is_empty() {
        let _ = writeln!(
            w,
            "Resembles (never used in its place unasked): {}.",
            look_alikes(rules, ind)
        );
    }
    let id = rules.indicator_names.get(&ind.name)?;
    let checked: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.requirement.indicator == *id)
        .map(|r| r.id.as_str())
        .collect();
    match checked.is_empty() {
        true => out.push_str("No rule checks it.\n"),
        false => {
            let _ = writeln!(out, "Checked by: {}.", checked.join(", "));
        }
    }
    Some(escape::text(&out).into_owned())
}
