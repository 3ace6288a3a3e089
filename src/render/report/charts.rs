//! Bar charts in the style of the seed report's Figures 2 to 4, drawn as SVG with plotters:
//! a bar per province that declares the indicator, coloured by its outcome against the
//! national rule and labelled with its value, and the national figure as a line.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{glue_units, quantity};
use crate::report::{RankEntry, Ranking};

/// Bar colours by outcome; no other shape in a chart uses them, so bars can be counted.
pub const PASS: RGBColor = RGBColor(0x2e, 0x7d, 0x32);
pub const FAIL: RGBColor = RGBColor(0xc6, 0x28, 0x28);
pub const OPEN: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);
pub const NO_RULE: RGBColor = RGBColor(0x15, 0x65, 0xc0);
/// Amber, as in the heat map: a waived miss is not shown as a plain one.
pub const WAIVED: RGBColor = RGBColor(0xf9, 0xa8, 0x25);
const NATIONAL: RGBColor = RGBColor(0x6a, 0x1b, 0x9a);

const WIDTH: u32 = 760;
const BAR: u32 = 24;
const LABELS: u32 = 170;

fn colour(entry: &RankEntry) -> RGBColor {
    match entry.outcome.as_deref() {
        _ if entry.waived => WAIVED,
        Some("pass") => PASS,
        Some("fail") => FAIL,
        Some(_) => OPEN,
        None => NO_RULE,
    }
}

/// The chart of one ranking, as an SVG document.
pub fn bar_chart(ranking: &Ranking) -> String {
    let mut svg = String::new();
    let n = ranking.entries.len().max(1);
    let height = 60 + BAR * n as u32 + 40;
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        draw(&root, ranking, n).expect("drawing to a string cannot fail");
    }
    svg
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn draw(
    root: &Area,
    ranking: &Ranking,
    n: usize,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let values: Vec<f64> = ranking
        .entries
        .iter()
        .map(|e| e.value.parse().unwrap_or(0.0))
        .collect();
    let national: Option<f64> = ranking.national.as_ref().and_then(|n| n.value.parse().ok());
    let top = values
        .iter()
        .copied()
        .chain(national)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .margin_top(28)
        .margin_right(90)
        .x_label_area_size(30)
        .y_label_area_size(LABELS)
        .build_cartesian_2d(0.0..top * 1.12, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(6)
        .x_desc(ranking.unit.as_str())
        .label_style(("sans-serif", 12))
        .draw()?;
    let label = TextStyle::from(("sans-serif", 13).into_font()).color(&BLACK);
    for (i, (entry, value)) in ranking.entries.iter().zip(&values).enumerate() {
        // Rank 1 at the top.
        let y = (n - 1 - i) as f64;
        let fill = colour(entry);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y + 0.18), (*value, y + 0.82)],
            fill.filled(),
        )))?;
        let end = chart.backend_coord(&(*value, y + 0.5));
        let text = match &entry.stand_in {
            Some(s) => format!("{} (via {s})", glue_units(&entry.declared)),
            None => glue_units(&entry.declared),
        };
        root.draw(&Text::new(
            text,
            (end.0 + 4, end.1),
            label.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let start = chart.backend_coord(&(0.0, y + 0.5));
        let name = format!("{} {}", entry.province, entry.province_zh);
        root.draw(&Text::new(
            name,
            (start.0 - 6, start.1),
            label.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    if let Some(figure) = national {
        let line = [(figure, 0.0), (figure, n as f64)];
        chart.draw_series(std::iter::once(PathElement::new(
            line,
            NATIONAL.stroke_width(2),
        )))?;
        let at = chart.backend_coord(&(figure, n as f64));
        let value = ranking.national.as_ref().map_or("", |n| n.value.as_str());
        let text = format!("national {}", quantity(value, &ranking.unit));
        let style = TextStyle::from(("sans-serif", 12).into_font()).color(&NATIONAL);
        root.draw(&Text::new(
            text,
            (at.0 + 4, at.1 - 4),
            style.pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))?;
    }
    root.present()
}
