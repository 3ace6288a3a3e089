//! The sections of a document merged into one plan: a target stated in two sections (two
//! copies of a plan, or a plan and its summary) is checked once, and the other noted.

use miette::SourceSpan;

use super::lower::{Lowered, Statement};
use super::note::TextNote;
use crate::ast::{DeclaredValue, Loc, PlanFile, PlanPeriod, Spanned, TargetDecl};

/// The plan a document states, with the clause each target was read from.
#[derive(Debug)]
pub struct Extracted {
    pub plan: PlanFile,
    /// The clause of each target of `plan`, in the same order.
    pub clauses: Vec<Clause>,
    /// What was seen and not read, and targets stated twice.
    pub notes: Vec<TextNote>,
}

/// Where a target was read: its clause, and the clause as a reader sees it (a web page's
/// text without its markup).
#[derive(Debug, Clone)]
pub struct Clause {
    pub span: SourceSpan,
    pub quote: String,
}

/// One plan from the statements of every section, for whom `whose` says, else for the
/// province the document names first. Fails with the notes and the reason when there is
/// no province or no target.
pub fn merge(
    lowered: Lowered,
    whose: super::Whose,
    len: usize,
    quote: &dyn Fn(SourceSpan) -> String,
) -> Result<Extracted, Vec<TextNote>> {
    let Lowered {
        sections,
        place,
        mut notes,
        assigned_below,
        division,
    } = lowered;
    if notes.iter().any(|n| matches!(n, TextNote::Syntax(_))) {
        return Err(notes);
    }
    let mut kept: Vec<Statement> = Vec::new();
    let mut title = None;
    for section in sections {
        title = title.or(section.document.clone());
        for mut statement in section.statements {
            statement.target.document = section.document.clone();
            statement.target.source = section.address.clone();
            keep(&mut kept, statement, &mut notes);
        }
    }
    let whole: SourceSpan = (0, len).into();
    if kept.is_empty() {
        notes.push(TextNote::NoTarget { span: whole });
        return Err(notes);
    }
    let place = whose.province().map(|p| Spanned::new(p, (0, 0))).or(place);
    let Some(place) = place else {
        // A plan that takes a target from its province is a city's or a county's: read as
        // the province's own, its figures would be judged as the province's.
        let advice = match &assigned_below {
            Some((assigner, _)) => format!(
                "it takes targets assigned by {assigner}, as a city's or a county's plan does: give its city with `--city NAME`, such as `--city 广安市`"
            ),
            None => "give the province with `--province NAME`, such as `--province Shandong`"
                .to_string(),
        };
        notes.push(TextNote::NoProvince {
            span: whole,
            advice,
        });
        return Err(notes);
    };
    // A document titled for a division, or taking its targets from its province, is a plan
    // below the province: read as the province's own, a district's figures would be judged
    // as the province's. Only the reader can say otherwise, with `--province` or `--city`.
    let province = place.node.english();
    let below = match (division, assigned_below) {
        (Some(name), _) => {
            let advice = below_advice(province, super::lower::is_zone(&name.node));
            Some((format!("its title names {}", name.node), name.span, advice))
        }
        (None, Some((assigner, span))) => Some((
            format!("a target assigned by {assigner}, not by the State"),
            span,
            below_advice(province, false),
        )),
        (None, None) => None,
    };
    if let (super::Whose::Named, Some((what, span, advice))) = (whose, below) {
        // The clause's own note would say the same of the same words.
        notes.retain(|n| !matches!(n, TextNote::NotRead { span: s, .. } if *s == span));
        notes.push(TextNote::BelowProvince {
            province: province.to_string(),
            what,
            span,
            advice,
        });
        return Err(notes);
    }
    let read = |s: Statement| {
        let clause = Clause {
            span: s.clause,
            quote: quote(s.clause),
        };
        (s.target, clause)
    };
    let (targets, clauses): (Vec<_>, Vec<_>) = kept.into_iter().map(read).unzip();
    let plan = PlanFile {
        province: Some(Spanned::new(place.node.english().to_string(), place.span)),
        title,
        period: period_of(&targets),
        header: Loc(place.span),
        city: match whose {
            super::Whose::City(c) => Some(Spanned::new(c.english().to_string(), (0, 0))),
            _ => None,
        },
        targets,
        ..PlanFile::default()
    };
    Ok(Extracted {
        plan,
        clauses,
        notes,
    })
}

/// What to do with a plan below `province`: say whose it is; a development zone has no
/// code to name it by.
fn below_advice(province: &str, zone: bool) -> String {
    match zone {
        true => format!(
            "a development zone has no GB/T 2260 code, so `--city` cannot name it yet; `plancheck extract FILE --province {province}` reads it as {province}'s own plan, which it is not: take its findings as the zone's"
        ),
        false => format!(
            "say whose plan it is: `plancheck extract FILE --city NAME` reads it as a city's or county's of {province}, `--province {province}` as {province}'s own; then check the plan it writes"
        ),
    }
}

/// Adds a statement, unless its target is stated already: then the one with a figure is
/// kept over one by reference, else the first, and the other noted.
fn keep(kept: &mut Vec<Statement>, statement: Statement, notes: &mut Vec<TextNote>) {
    let same = |s: &&mut Statement| {
        let (a, b) = (&s.target, &statement.target);
        a.indicator == b.indicator && a.period == b.period
    };
    let Some(first) = kept.iter_mut().find(same) else {
        kept.push(statement);
        return;
    };
    let (old, new) = (&first.target, &statement.target);
    let outcome = if old.value == new.value && old.commitment == new.commitment {
        "in the same words both times"
    } else if by_reference(old) != by_reference(new) {
        "the figure is checked, not the reference"
    } else if old.value == new.value {
        let word = |t: &TargetDecl| t.commitment.as_ref().map_or("firm", |c| c.node.name());
        &format!(
            "{} the first time, {} the second; the first is checked",
            word(old),
            word(new)
        )
    } else {
        "with another figure; the first is checked"
    };
    notes.push(TextNote::StatedTwice {
        target: head(new),
        outcome: outcome.to_string(),
        span: statement.clause,
        first: first.clause,
    });
    if by_reference(old) && !by_reference(new) {
        *first = statement;
    }
}

fn by_reference(target: &TargetDecl) -> bool {
    matches!(
        target.value.as_ref().map(|v| &v.node),
        Some(DeclaredValue::ByReference)
    )
}

/// `co2_intensity_cut by 2025 from 2020`, as a `.plan` file would name the target.
fn head(target: &TargetDecl) -> String {
    let mut head = target.indicator.node.clone();
    if let Some(year) = &target.period.year {
        head += &format!(" by {}", year.node);
    }
    if let Some(baseline) = &target.period.baseline {
        head += &format!(" from {}", baseline.node);
    }
    head
}

/// The five-year-plan period of the earliest target year: a plan issued in 2022 states
/// targets for 2025 and 2030, and belongs to the 14th.
fn period_of(targets: &[TargetDecl]) -> Option<Spanned<PlanPeriod>> {
    let earliest = targets
        .iter()
        .filter_map(|t| t.period.year.as_ref())
        .min_by_key(|y| y.node)?;
    PlanPeriod::of_year(earliest.node).map(|p| Spanned::new(p, earliest.span))
}
