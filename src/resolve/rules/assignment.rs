//! Resolving assignments: a national total split into a row for each province, and the
//! `as assigned` condition that holds each province to its row.

use super::*;
use crate::resolve::period_words;

impl Resolver<'_> {
    pub(super) fn assignment(&mut self, decl: &ast::AssignmentDecl) {
        if let Some(first) = self
            .set
            .assignments
            .iter()
            .find(|a| a.name == decl.name.node)
        {
            let site = first.site;
            return self.declared_twice("assignment", &decl.name, site);
        }
        let Some(target) = &decl.target else {
            return; // reported by the parser
        };
        let Some(id) = self.lookup_indicator(&target.node.indicator) else {
            return;
        };
        let indicator = self.set.indicator(id).clone();
        if !self.period(&indicator, &target.node.indicator, &target.node.period) {
            return;
        }
        let year = target.node.period.year.as_ref().map(|y| y.node);
        let baseline = target.node.period.baseline.as_ref().map(|y| y.node);
        if let Some(first) = self.set.assignment_for(id, year, baseline) {
            let first = self.set.assignments[first].site;
            let message = format!(
                "a second assignment for `{}` {}",
                indicator.name,
                period_words(year, baseline)
            );
            let error = ResolveError::DuplicateAssignment {
                message,
                span: target.span,
                help: Some("give each province's figure in one assignment".to_string()),
            };
            return self.duplicate(error, "the assignment for this target is", first);
        }
        let mut rows: Vec<AssignedRow> = Vec::new();
        for row in &decl.rows {
            if let Some(row) = self.assigned_row(decl, &indicator, row, &rows) {
                rows.push(row);
            }
        }
        self.check_assessable(id, &rows);
        // Kept even where a row failed, so that `as assigned` finds it and reports nothing
        // more: a rule set with problems is never evaluated.
        self.set.assignments.push(Assignment {
            name: decl.name.node.clone(),
            title: decl.title.as_ref().map(|t| t.node.clone()),
            indicator: id,
            year,
            baseline,
            rows,
            site: self.site(decl.name.span),
        });
    }

    fn assigned_row(
        &mut self,
        decl: &ast::AssignmentDecl,
        indicator: &Indicator,
        row: &ast::AssignedRowDecl,
        earlier: &[AssignedRow],
    ) -> Option<AssignedRow> {
        let (Some(status), Some(cite)) = (&row.status, &row.cite) else {
            return None; // reported by the parser
        };
        let province = self.province(&row.province);
        let who = || format!("assignment `{}`", decl.name.node);
        let cite = self.citation(&cite.node, who);
        let expect = Expect {
            dimension: indicator.dimension(),
            indicator: &indicator.name,
            default: None,
            difference: false,
        };
        let mut amount = |q: &Option<Spanned<ast::Quantity>>| match q {
            None => Some(None),
            Some(q) => match resolve_quantity(&q.node, &expect) {
                Ok(a) => Some(Some(a)),
                Err(e) => {
                    self.error(e);
                    None
                }
            },
        };
        let (basic, incentive) = (amount(&row.basic)?, amount(&row.incentive)?);
        let (province, cite) = (province?, cite?);
        if let Some(first) = earlier.iter().find(|r| r.province == province) {
            let error = ResolveError::DuplicateAssignment {
                message: format!("{province} has two rows in assignment `{}`", decl.name.node),
                span: row.province.span,
                help: Some("a province has one row: its basic figure, and its incentive figure if it has one".to_string()),
            };
            self.duplicate(error, &format!("the row of {province} is"), first.site);
            return None;
        }
        self.check_row_figures(row, status, basic.is_some())?;
        Some(AssignedRow {
            province,
            basic,
            incentive,
            status: status.node,
            cite,
            site: self.site(row.at.span()),
        })
    }

    /// A row gives a basic figure unless the province is not assessable, and then gives
    /// none.
    fn check_row_figures(
        &mut self,
        row: &ast::AssignedRowDecl,
        status: &Spanned<AssignedStatus>,
        has_basic: bool,
    ) -> Option<()> {
        let unassessable = status.node == AssignedStatus::NotAssessable;
        let figure = row.basic.as_ref().or(row.incentive.as_ref());
        let problem = match (unassessable, figure, has_basic) {
            (true, Some(f), _) => Some((
                "a `not_assessable` row cannot give a figure",
                f.span,
                "a figure here",
                "remove the figure, or give the row the status the figure has",
            )),
            (false, _, false) => Some((
                "a row of assigned figures needs its `basic` figure",
                status.span,
                "no `basic` figure in this row",
                "add `basic VALUE UNIT`, or write `status not_assessable` where the province cannot be judged",
            )),
            _ => None,
        };
        let Some((message, span, label, help)) = problem else {
            return Some(());
        };
        self.error(ResolveError::BadAssignedRow {
            message: message.to_string(),
            label: label.to_string(),
            span,
            help: Some(help.to_string()),
        });
        None
    }

    /// A province without statistics for an indicator has none for any year: a row of
    /// figures for it in one assignment and `not_assessable` in another contradict.
    fn check_assessable(&mut self, id: IndicatorId, rows: &[AssignedRow]) {
        let unassessable = |r: &AssignedRow| r.status == AssignedStatus::NotAssessable;
        for row in rows {
            let other = self
                .set
                .assignments
                .iter()
                .filter(|a| a.indicator == id)
                .find_map(|a| {
                    let found = a.rows.iter().find(|r| r.province == row.province)?;
                    (unassessable(found) != unassessable(row)).then_some((&a.name, found.site))
                });
            let Some((name, site)) = other else { continue };
            let error = ResolveError::BadAssignedRow {
                message: format!(
                    "{} is `not_assessable` in one assignment of `{}` and given figures in another (`{name}`)",
                    row.province,
                    self.set.indicator(id).name
                ),
                label: "contradicts the other row".to_string(),
                span: row.site.span,
                help: Some("a province without statistics for an indicator has none for any year: make both rows `not_assessable`, or neither".to_string()),
            };
            self.duplicate(error, "the other row is", site);
        }
    }

    /// `as assigned`: the assignment for the requirement's own target.
    pub(super) fn assigned(
        &mut self,
        id: IndicatorId,
        period: &ast::Period,
        span: miette::SourceSpan,
    ) -> Option<Condition> {
        let year = period.year.as_ref().map(|y| y.node);
        let baseline = period.baseline.as_ref().map(|y| y.node);
        let found = self.set.assignment_for(id, year, baseline);
        if found.is_none() {
            let words = period_words(year, baseline);
            self.error(ResolveError::UnknownAssignment {
                indicator: self.set.indicator(id).name.clone(),
                period: if words.is_empty() {
                    words
                } else {
                    format!(" {words}")
                },
                span,
            });
        }
        found.map(|table| Condition::Assigned { table })
    }
}
