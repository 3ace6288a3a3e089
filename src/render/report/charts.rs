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
/// Room for province names left of the bars, and for value labels right of the longest.
const NAMES: u32 = 190;
const LABELS: u32 = 150;
const LABEL_FONT: f64 = 17.0;
const AXIS_FONT: f64 = 16.0;

/// The outcome's symbol (a waived miss keeps its own), or none for a target no rule judges.
fn symbol(entry: &RankEntry) -> &'static str {
    let outcome = entry.outcome.as_deref().and_then(Outcome::from_name);
    outcome.map_or("", |o| o.symbol())
}

/// What makes a figure soft, written beside it so that it never looks firm: a strive
/// commitment (力争), a conflicting or secondary status.
pub fn soft_marks(commitment: &str, status: Option<&str>) -> Vec<&'static str> {
    let mut marks = Vec::new();
    if commitment == "strive" {
        marks.push("strive");
    }
    match status {
        Some("conflicting") => marks.push("conflicting"),
        Some("secondary") => marks.push("secondary"),
        _ => {}
    }
    marks
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

/// The chart of one ranking, as an SVG document.
pub fn bar_chart(ranking: &Ranking) -> String {
    let mut svg = String::new();
    let n = ranking.entries.len().max(1);
    let height = 70 + ROW * n as u32 + 50;
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        draw(&root, ranking, n).expect("drawing to a string cannot fail");
    }
    with_text_alternative(&svg, ranking)
}

/// The chart with a `title` and a `desc` (what it shows, in words) for screen readers.
fn with_text_alternative(svg: &str, ranking: &Ranking) -> String {
    let Some(open) = svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|end| at + end))
    else {
        return svg.to_string();
    };
    let year = ranking.year.map_or(String::new(), |y| format!(" by {y}"));
    let title = format!("{}{year}", ranking.title);
    let desc = format!(
        "A bar for each of the {} provinces that declare it, in {}, in rank order.",
        ranking.entries.len(),
        ranking.unit
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

fn draw(root: &Area, ranking: &Ranking, n: usize) -> DrawResult {
    root.fill(&WHITE)?;
    let values: Vec<f64> = ranking
        .entries
        .iter()
        .map(|e| e.value.parse().unwrap_or(0.0))
        .collect();
    let national: Option<f64> = ranking.national.as_ref().and_then(|n| n.value.parse().ok());
    // Zero is always on the axis, so that a negative figure (a cut of -3 %, a rise) gets a
    // bar to the left of it rather than none.
    let (low, high) = values
        .iter()
        .copied()
        .chain(national)
        .fold((0.0_f64, 1.0_f64), |(l, h), v| (l.min(v), h.max(v)));
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .margin_top(34)
        .margin_right(LABELS)
        .x_label_area_size(40)
        .y_label_area_size(NAMES)
        .build_cartesian_2d(low * 1.12..high * 1.05, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(6)
        .x_desc(ranking.unit.as_str())
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
    // The national line first, so that bars lie over it; labels are kept clear of it.
    if let Some(figure) = national {
        national_line(root, &mut chart, ranking, figure, n)?;
    }
    for (i, (entry, &value)) in ranking.entries.iter().zip(&values).enumerate() {
        // Rank 1 at the top.
        bar(
            root,
            &mut chart,
            entry,
            value,
            (n - 1 - i) as f64,
            (low * 1.12, national),
        )?;
    }
    root.present()
}

fn national_line(
    root: &Area,
    chart: &mut Chart,
    ranking: &Ranking,
    figure: f64,
    n: usize,
) -> DrawResult {
    let line = [(figure, 0.0), (figure, n as f64)];
    chart.draw_series(std::iter::once(PathElement::new(
        line,
        NATIONAL.stroke_width(2),
    )))?;
    let at = chart.backend_coord(&(figure, n as f64));
    let value = ranking.national.as_ref().map_or("", |n| n.value.as_str());
    let text = format!("national {}", quantity(value, &ranking.unit));
    let style = TextStyle::from(("sans-serif", AXIS_FONT).into_font()).color(&NATIONAL);
    root.draw(&Text::new(
        text,
        (at.0 + 4, at.1 - 4),
        style.pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))
}

/// One province's bar, its value to the right and its name to the left of the plot. The
/// value label starts right of the bar, of the zero axis and of the national line, whichever
/// is furthest right, so the line never runs through it.
fn bar(
    root: &Area,
    chart: &mut Chart,
    entry: &RankEntry,
    value: f64,
    y: f64,
    (left, national): (f64, Option<f64>),
) -> DrawResult {
    let (from, to) = (value.min(0.0), value.max(0.0));
    let corners = [(from, y + 0.18), (to, y + 0.82)];
    chart.draw_series(std::iter::once(Rectangle::new(
        corners,
        colour(entry).filled(),
    )))?;
    if colour(entry) == BENCH_SHORT {
        let outline = BENCH_REACHED.stroke_width(1);
        chart.draw_series(std::iter::once(Rectangle::new(corners, outline)))?;
    }
    let clear_of = [to, national.unwrap_or(to)]
        .into_iter()
        .map(|x| chart.backend_coord(&(x, y + 0.5)).0)
        .max()
        .unwrap_or_default();
    let middle = chart.backend_coord(&(to, y + 0.5)).1;
    let label = TextStyle::from(("sans-serif", LABEL_FONT).into_font()).color(&BLACK);
    let mut text = glue_units(&entry.declared);
    if !symbol(entry).is_empty() {
        text = format!("{} {text}", symbol(entry));
    }
    if let Some(s) = &entry.stand_in {
        text.push_str(&format!(" (via {s})"));
    }
    if entry.waived {
        text.push_str(" (waived)");
    }
    for mark in soft_marks(&entry.commitment, entry.status.as_deref()) {
        text.push_str(&format!(" · {mark}"));
    }
    root.draw(&Text::new(
        text,
        (clear_of + 5, middle),
        label.pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    let start = chart.backend_coord(&(left, y + 0.5));
    let name = format!("{} {}", entry.province, entry.province_zh);
    root.draw(&Text::new(
        name,
        (start.0 - 6, start.1),
        label.pos(Pos::new(HPos::Right, VPos::Center)),
    ))
}
