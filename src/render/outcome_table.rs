//! The end of the human output: a table with a row per province and a column per rule,
//! each cell the outcome's mark (the marks of the HTML report's heat map), so a reviewer
//! sees the whole run at a glance.

use std::collections::HashMap;
use std::fmt::Write;

use crate::check::Checked;
use crate::finding::Outcome;
use crate::model::Scope;

/// The table, or nothing when there is no plan or no rule over single provinces.
pub fn render_outcome_table(checked: &Checked) -> String {
    let Some(rules) = &checked.rules else {
        return String::new();
    };
    let columns: Vec<usize> = rules
        .in_force_rules()
        .filter(|(_, r)| matches!(r.scope, Scope::Each(_)))
        .map(|(i, _)| i)
        .collect();
    if columns.is_empty() || checked.plans.is_empty() {
        return String::new();
    }
    let mut first: HashMap<(usize, usize), Outcome> = HashMap::new();
    for (rule, plan, outcome) in checked.plan_outcomes() {
        first.entry((rule, plan)).or_insert(outcome);
    }
    let names: Vec<String> = checked.plans.iter().map(|p| p.name()).collect();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
    let legend: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| format!("{} {}", o.symbol(), o.name().replace('_', " ")))
        .collect();
    let mut out = format!(
        "\noutcomes by province and rule ({}; blank: not in scope)\n",
        legend.join(", ")
    );
    let _ = write!(out, "{:width$}", "");
    for n in 1..=columns.len() {
        let _ = write!(out, " {n:>2}");
    }
    out.push('\n');
    for (p, name) in names.iter().enumerate() {
        let mut row = format!("{name:width$}");
        for &r in &columns {
            let mark = first.get(&(r, p)).map_or(" ", |o| o.symbol());
            let _ = write!(row, "  {mark}");
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    let keys: Vec<String> = columns
        .iter()
        .zip(1..)
        .map(|(&r, n)| format!("{n} {}", rules.rules[r].id))
        .collect();
    for line in keys.chunks(6) {
        let _ = writeln!(out, "  {}", line.join("  "));
    }
    out.push('\n');
    out
}
