//! Bar charts in the style of the seed report's Figures 2 to 4, drawn as SVG with plotters:
//! a bar per province that declares the indicator, coloured by its outcome against the
//! national rule and labelled with its value, and the national figure as a line.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{glue_units, quantity};
use crate::finding::Outcome;
use crate::report::{RankEntry, Ranking};

/// Bar colours by outcome, safe for the common colour-vision deficiencies (Okabe and Ito's
/// blue and vermillion for pass and fail, darkened so that white text on them has a
/// contrast of at least 4.5:1); no other shape in a chart uses them, so bars can be
/// counted. Colour is never the only cue: each bar's label starts with its outcome's
/// symbol, as the heat map's cells do.
pub const PASS: RGBColor = RGBColor(0x00, 0x72, 0xb2);
pub const FAIL: RGBColor = RGBColor(0xb3, 0x47, 0x00);
pub const OPEN: RGBColor = RGBColor(0x6b, 0x6b, 0x6b);
pub const NO_RULE: RGBColor = RGBColor(0x00, 0x7a, 0x5e);
/// A benchmark is a comparison, not a verdict: its bars are slate, dark where the national
/// figure is reached and light, outlined in the dark, where it is not; never the
/// vermillion of a missed floor.
pub const BENCH_REACHED: RGBColor = RGBColor(0x45, 0x5a, 0x64);
pub const BENCH_SHORT: RGBColor = RGBColor(0xb0, 0xbe, 0xc5);
/// Orange, as in the heat map: a waived miss is not shown as a plain one.
pub const WAIVED: RGBColor = RGBColor(0xe6, 0x9f, 0x00);
const NATIONAL: RGBColor = RGBColor(0x88, 0x22, 0x55);

/// The chart's own size. The page shows it no narrower than `min-width` in the template
/// (a phone scrolls it sideways), so the fonts below stay readable: 17 px here is some
/// 11 px on a 400 px screen.
const WIDTH: u32 = 720;
const ROW: u32 = 30;
/// Room for province names (their own SVG, left of the plot), between them and the plot,
/// and for value labels right of the longest bar.
const NAMES: u32 = 190;
const GAP: u32 = 8;
const LABELS: u32 = 150;
const LABEL_FONT: f64 = 17.0;
const AXIS_FONT: f64 = 16.0;

/// The outcome's symbol (a waived miss keeps its own), or none for a target no rule judges.
fn symbol(entry: &RankEntry) -> &'static str {
    let outcome = entry.outcome.as_deref().and_then(Outcome::from_name);
    outcome.map_or("", |o| o.symbol())
}

/// What makes a figure soft, written beside it so that it never looks firm: a strive
/// commitment (力争), a conflicting, secondary or draft status. The charts and the tables
/// both ask here.
pub fn soft_marks(commitment: &str, status: Option<&str>) -> Vec<&'static str> {
    let mut marks = Vec::new();
    if is_soft_commitment(commitment) {
        marks.push("strive");
    }
    marks.extend(status.and_then(soft_status));
    marks
}

pub fn is_soft_commitment(commitment: &str) -> bool {
    commitment == "strive"
}

/// The status's mark, where the status makes a figure soft.
pub fn soft_status(status: &str) -> Option<&'static str> {
    ["conflicting", "secondary", "draft"]
        .into_iter()
        .find(|s| *s == status)
}

fn colour(entry: &RankEntry) -> RGBColor {
    match entry.outcome.as_deref() {
        _ if entry.waived => WAIVED,
        Some("pass") => PASS,
        Some("fail") => FAIL,
        Some("reaches_benchmark") => BENCH_REACHED,
        Some("short_of_benchmark") => BENCH_SHORT,
        Some(_) => OPEN,
        None => NO_RULE,
    }
}

/// A chart as two SVG documents side by side: the province names, which the page keeps in
/// view (`position: sticky`) while a narrow screen scrolls the plot beside them, and the
/// plot, with the chart's `title` and `desc`.
pub struct ChartSvg {
    pub names: String,
    pub plot: String,
}

/// The chart of one ranking.
pub fn bar_chart(ranking: &Ranking) -> ChartSvg {
    chart(&[ranking])
}

/// The charts of two years of one indicator in one, as the seed's Figure 4 draws the 2025
/// and 2030 non-fossil shares: a row per province that declares either, the earlier year's
/// bar above the later's, each label led by its year, and a national line for each.
pub fn paired_chart(earlier: &Ranking, later: &Ranking) -> ChartSvg {
    chart(&[earlier, later])
}

fn chart(rankings: &[&Ranking]) -> ChartSvg {
    let (rows, bars) = layout(rankings);
    let n = rows.len().max(1);
    let top = 34 + 20 * (rankings.len() as u32 - 1);
    let height = top + 36 + ROW * rankings.len() as u32 * n as u32 + 50;
    let mut plot = String::new();
    let middles = {
        let root = SVGBackend::with_string(&mut plot, (WIDTH - NAMES, height)).into_drawing_area();
        let plan = Layout {
            rankings,
            rows: &rows,
            bars: &bars,
            top,
        };
        draw(&root, &plan).expect("drawing to a string cannot fail")
    };
    let mut names = String::new();
    {
        let root = SVGBackend::with_string(&mut names, (NAMES, height)).into_drawing_area();
        province_names(&root, &rows, &middles).expect("drawing to a string cannot fail");
    }
    ChartSvg {
        names,
        plot: with_text_alternative(&plot, rankings),
    }
}

/// What a chart draws: its rankings, a row per province (the entry that names it), and the
/// bars.
struct Layout<'a> {
    rankings: &'a [&'a Ranking],
    rows: &'a [&'a RankEntry],
    bars: &'a [Bar<'a>],
    /// The margin above the plot, room for a national line's label per ranking.
    top: u32,
}

/// A bar: its entry, its row from the top, its band within the row (0 to 1, bottom up),
/// and the ranking it belongs to.
struct Bar<'a> {
    entry: &'a RankEntry,
    row: usize,
    band: (f64, f64),
    ranking: usize,
}

/// Rows in the last ranking's order (the later year, as the seed ranks Figure 4), then the
/// provinces only an earlier one has, in its order; with one ranking, a row per entry.
fn layout<'a>(rankings: &[&'a Ranking]) -> (Vec<&'a RankEntry>, Vec<Bar<'a>>) {
    let mut rows: Vec<&RankEntry> = Vec::new();
    let mut bars = Vec::new();
    let paired = rankings.len() > 1;
    for (k, ranking) in rankings.iter().enumerate().rev() {
        for entry in &ranking.entries {
            let existing = rows.iter().position(|r| r.province == entry.province);
            let row = match existing.filter(|_| paired) {
                Some(row) => row,
                None => {
                    rows.push(entry);
                    rows.len() - 1
                }
            };
            let band = match (paired, k) {
                (false, _) => (0.18, 0.82),
                (true, 0) => (0.52, 0.9),
                (true, _) => (0.1, 0.48),
            };
            bars.push(Bar {
                entry,
                row,
                band,
                ranking: k,
            });
        }
    }
    (rows, bars)
}
/// The chart with a `title` and a `desc` (what it shows, in words) for screen readers.
fn with_text_alternative(svg: &str, rankings: &[&Ranking]) -> String {
    let Some(open) = svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|end| at + end))
    else {
        return svg.to_string();
    };
    let first = rankings[0];
    let years: Vec<String> = rankings
        .iter()
        .filter_map(|r| r.year)
        .map(|y| y.to_string())
        .collect();
    let year = match years.len() {
        0 => String::new(),
        _ => format!(" by {}", years.join(" and ")),
    };
    let title = format!("{}{year}", first.title);
    let counts: Vec<String> = rankings
        .iter()
        .map(|r| match r.year {
            Some(y) if rankings.len() > 1 => format!("{} for {y}", r.entries.len()),
            _ => r.entries.len().to_string(),
        })
        .collect();
    let desc = format!(
        "A bar, in {}, for each province that declares it, in rank order: {} provinces.",
        first.unit,
        counts.join(" and "),
    );
    let xml = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "{} role=\"img\"><title>{}</title><desc>{}</desc>{}",
        &svg[..open],
        xml(&title),
        xml(&desc),
        &svg[open + 1..]
    )
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
type DrawResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Draws the plot; the vertical middle of each row, for the names beside it.
fn draw(root: &Area, plan: &Layout) -> Result<Vec<i32>, DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let n = plan.rows.len().max(1);
    let value = |e: &RankEntry| e.value.parse::<f64>().unwrap_or(0.0);
    let national = |r: &Ranking| {
        r.national
            .as_ref()
            .and_then(|n| n.value.parse::<f64>().ok())
    };
    // Zero is always on the axis, so that a negative figure (a cut of -3 %, a rise) gets a
    // bar to the left of it rather than none.
    let (low, high) = plan
        .bars
        .iter()
        .map(|b| value(b.entry))
        .chain(plan.rankings.iter().filter_map(|r| national(r)))
        .fold((0.0_f64, 1.0_f64), |(l, h), v| (l.min(v), h.max(v)));
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .margin_top(plan.top)
        .margin_right(LABELS)
        .x_label_area_size(40)
        .y_label_area_size(GAP)
        .build_cartesian_2d(low * 1.12..high * 1.05, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(6)
        .x_desc(plan.rankings[0].unit.as_str())
        .label_style(("sans-serif", AXIS_FONT))
        .axis_desc_style(("sans-serif", AXIS_FONT))
        .draw()?;
    if low < 0.0 {
        let zero = [(0.0, 0.0), (0.0, n as f64)];
        chart.draw_series(std::iter::once(PathElement::new(
            zero,
            BLACK.stroke_width(1),
        )))?;
    }
    // The national lines first, so that bars lie over them; labels are kept clear of them.
    let paired = plan.rankings.len() > 1;
    for (k, ranking) in plan.rankings.iter().enumerate() {
        if let Some(figure) = national(ranking) {
            let year = ranking.year.filter(|_| paired);
            national_line(root, &mut chart, ranking, (figure, year), (n, k))?;
        }
    }
    // Labels clear every national line, so that no line runs through one.
    let furthest = plan
        .rankings
        .iter()
        .filter_map(|r| national(r))
        .reduce(f64::max);
    for b in plan.bars {
        // Rank 1 at the top.
        let y = (n - 1 - b.row) as f64;
        let ranking = plan.rankings[b.ranking];
        let year = ranking.year.filter(|_| paired);
        let place = Place {
            y,
            band: b.band,
            national: furthest,
            year,
        };
        bar(&mut chart, root, b.entry, value(b.entry), &place)?;
    }
    root.present()?;
    let middle = |row: usize| chart.backend_coord(&(low, (n - 1 - row) as f64 + 0.5)).1;
    Ok((0..plan.rows.len()).map(middle).collect())
}

fn national_line(
    root: &Area,
    chart: &mut Chart,
    ranking: &Ranking,
    (figure, year): (f64, Option<u16>),
    (n, k): (usize, usize),
) -> DrawResult {
    let line = [(figure, 0.0), (figure, n as f64)];
    chart.draw_series(std::iter::once(PathElement::new(
        line,
        NATIONAL.stroke_width(2),
    )))?;
    let at = chart.backend_coord(&(figure, n as f64));
    let value = ranking.national.as_ref().map_or("", |n| n.value.as_str());
    let mut text = format!("national {}", quantity(value, &ranking.unit));
    if let Some(year) = year {
        text.push_str(&format!(" by {year}"));
    }
    let style = TextStyle::from(("sans-serif", AXIS_FONT).into_font()).color(&NATIONAL);
    // Each ranking's label a line above the one after it, so that two never overlap.
    let raise = 4 + 20 * k as i32;
    root.draw(&Text::new(
        text,
        (at.0 + 4, at.1 - raise),
        style.pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))
}

/// Where a bar goes: its row's bottom, its band within the row, the national figure its
/// label keeps clear of, and the year its label names (paired charts).
struct Place {
    y: f64,
    band: (f64, f64),
    national: Option<f64>,
    year: Option<u16>,
}

/// One bar, its value to the right. The value label starts right of the bar, of the zero
/// axis and of the national line, whichever is furthest right, so the line never runs
/// through it.
fn bar(chart: &mut Chart, root: &Area, entry: &RankEntry, value: f64, at: &Place) -> DrawResult {
    let (from, to) = (value.min(0.0), value.max(0.0));
    let corners = [(from, at.y + at.band.0), (to, at.y + at.band.1)];
    chart.draw_series(std::iter::once(Rectangle::new(
        corners,
        colour(entry).filled(),
    )))?;
    if colour(entry) == BENCH_SHORT {
        let outline = BENCH_REACHED.stroke_width(1);
        chart.draw_series(std::iter::once(Rectangle::new(corners, outline)))?;
    }
    let middle_y = at.y + (at.band.0 + at.band.1) / 2.0;
    let clear_of = [to, at.national.unwrap_or(to)]
        .into_iter()
        .map(|x| chart.backend_coord(&(x, middle_y)).0)
        .max()
        .unwrap_or_default();
    let middle = chart.backend_coord(&(to, middle_y)).1;
    let label = TextStyle::from(("sans-serif", LABEL_FONT).into_font()).color(&BLACK);
    root.draw(&Text::new(
        label_text(entry, at.year),
        (clear_of + 5, middle),
        label.pos(Pos::new(HPos::Left, VPos::Center)),
    ))
}

/// A bar's label: its year (in a paired chart), its outcome's symbol, the value as declared,
/// and what qualifies it.
fn label_text(entry: &RankEntry, year: Option<u16>) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(year.map(|y| format!("{y}:")));
    parts.extend(
        Some(symbol(entry))
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    );
    parts.push(glue_units(&entry.declared));
    let mut text = parts.join(" ");
    if let Some(s) = &entry.stand_in {
        text.push_str(&format!(" (via {s})"));
    }
    if entry.waived {
        text.push_str(" (waived)");
    }
    for mark in soft_marks(&entry.commitment, entry.status.as_deref()) {
        text.push_str(&format!(" · {mark}"));
    }
    text
}

/// Each row's province, right-aligned, at the middle of its row.
fn province_names(root: &Area, rows: &[&RankEntry], middles: &[i32]) -> DrawResult {
    root.fill(&WHITE)?;
    let label = TextStyle::from(("sans-serif", LABEL_FONT).into_font()).color(&BLACK);
    for (entry, &y) in rows.iter().zip(middles) {
        let name = format!("{} {}", entry.province, entry.province_zh);
        root.draw(&Text::new(
            name,
            (NAMES as i32 - 6, y),
            label.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    root.present()
}
