//! The report as one self-contained HTML file: inline CSS and SVG, nothing fetched. The page
//! comes from a minijinja template (`templates/report.html`), the charts from plotters.

use minijinja::{Environment, Value, context, escape_formatter};
use serde::Serialize;

use super::charts::{bar_chart, paired_chart};
use super::text::{
    code_spans_html, commits_to, glue_units, quantity, rank, total_outcome, verdict, waiver_words,
    web_link,
};
use crate::render::escape;
use crate::report::{LeftOut, Ranking, Report};

/// A ranking a chart draws: indicator, year and baseline.
type Key = (&'static str, u16, Option<u16>);

/// The charts of the seed's Figures 2 to 4: the rankings each draws (two years in one, as
/// Figure 4 has them), and a caption.
const FIGURES: [(&[Key], &str); 3] = [
    (
        &[("energy_intensity_cut", 2025, Some(2020))],
        "Cut in energy consumption per unit of GDP by 2025, from 2020 (as the seed's Figure 2)",
    ),
    (
        &[("co2_intensity_cut", 2030, Some(2005))],
        "Cut in CO2 emissions per unit of GDP by 2030, from 2005 (as the seed's Figure 3)",
    ),
    (
        &[
            ("non_fossil_share", 2025, None),
            ("non_fossil_share", 2030, None),
        ],
        "Share of non-fossil energy (as the seed's Figure 4)",
    ),
];

#[derive(Serialize)]
struct Chart {
    id: String,
    caption: &'static str,
    /// The province names, kept in view beside the plot.
    names: Value,
    svg: Value,
    /// What the caption says of each ranking the chart draws.
    parts: Vec<Part>,
    years_named: bool,
}

/// A ranking in a chart: its year, how many provinces declare it, and the provinces of the
/// run with no bar for it, each with why.
#[derive(Serialize)]
struct Part {
    year: Option<u16>,
    provinces: usize,
    left_out: Vec<LeftOutShown>,
}

#[derive(Serialize)]
struct LeftOutShown {
    province: String,
    province_zh: String,
    why: String,
}

fn part(ranking: &Ranking) -> Part {
    let year = ranking.year.map_or(String::new(), |y| format!(" for {y}"));
    let shown = |l: &LeftOut| LeftOutShown {
        province: l.province.clone(),
        province_zh: l.province_zh.clone(),
        why: match (l.reason.as_str(), l.baseline) {
            ("by_reference", _) => "by reference, with no figure".to_string(),
            ("other_baseline", b) => match b {
                Some(b) => format!("measured from {b}"),
                None => "measured from another year".to_string(),
            },
            _ => format!("no target{year}"),
        },
    };
    Part {
        year: ranking.year,
        provinces: ranking.entries.len(),
        left_out: ranking.left_out.iter().map(shown).collect(),
    }
}

fn charts(report: &Report) -> Vec<Chart> {
    FIGURES
        .iter()
        .filter_map(|&(keys, caption)| {
            let found: Vec<&Ranking> = keys
                .iter()
                .filter_map(|&(indicator, year, baseline)| {
                    report.rankings.iter().find(|r| {
                        r.indicator == indicator && r.year == Some(year) && r.baseline == baseline
                    })
                })
                .collect();
            let svg = match found.as_slice() {
                [one] => bar_chart(one),
                [earlier, later] => paired_chart(earlier, later),
                _ => return None,
            };
            // The id of the figure, whichever of its years the run declares.
            let years: Vec<String> = keys.iter().map(|k| k.1.to_string()).collect();
            Some(Chart {
                id: format!("chart-{}-{}", keys[0].0, years.join("-")),
                caption,
                names: Value::from_safe_string(svg.names),
                svg: Value::from_safe_string(svg.plot),
                parts: found.iter().map(|r| part(r)).collect(),
                // A figure of several years says which each part is of.
                years_named: keys.len() > 1,
            })
        })
        .collect()
}

/// The template's environment, with the words it shares with the Markdown report.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.add_template(
        "report.html",
        include_str!("../../../templates/report.html"),
    )
    .expect("the report template parses");
    env.add_filter("web_link", |s: String| web_link(&s).map(str::to_string));
    env.add_filter("quantity", |v: String, unit: String| quantity(&v, &unit));
    env.add_filter("rank", |r: Option<usize>| rank(r));
    env.add_filter("commits_to", |w: Option<String>| commits_to(w.as_deref()));
    env.add_filter("code_spans", |s: String| {
        Value::from_safe_string(code_spans_html(&s))
    });
    env.add_function("waiver_words", |r: String, by: String, expires: String| {
        waiver_words(&r, &by, &expires)
    });
    env.add_function("soft_commitment", |c: String| {
        super::charts::is_soft_commitment(&c)
    });
    env.add_function("soft_status", |s: Option<String>| {
        s.as_deref().and_then(super::charts::soft_status).is_some()
    });
    env.add_function("symbol", |o: String| {
        crate::finding::Outcome::from_name(&o).map_or("", |o| o.symbol())
    });
    env.add_function("total_outcome", |o: String, reason: Option<String>| {
        total_outcome(&o, reason.as_deref())
    });
    env.add_function(
        "verdict",
        |o: String, waived: bool, m: Option<String>, unit: Option<String>| {
            verdict(&o, waived, m.as_deref(), unit.as_deref())
        },
    );
    // Every number written with its unit stays on one line with it, wherever it is shown;
    // control and bidi characters from the input show as visible escapes, and the
    // template's auto-escaping writes `<`, `&` and quotes as entities.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if !value.is_safe() => {
            let shown = glue_units(&escape::text(text));
            escape_formatter(out, state, &Value::from(shown))
        }
        _ => escape_formatter(out, state, value),
    });
    env
}

pub fn render_report_html(report: &Report) -> String {
    let env = environment();
    let template = env
        .get_template("report.html")
        .expect("the template was just added");
    let mut out = template
        .render(context! {
            report => Value::from_serialize(report),
            charts => charts(report),
        })
        .expect("the report template renders");
    out.push('\n');
    out
}
