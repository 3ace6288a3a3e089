//! Waivers: a plan may waive a rule for itself, with a reason, an approver and an expiry.

use std::collections::HashSet;

use time::Date;

use crate::finding::{Finding, Severity, Waived, WaiverIssue, WaiverProblem};
use crate::model::Plan;

/// Marks the findings each live waiver covers; reports expired waivers, which cover
/// nothing, and waivers that found nothing at warning level or above to cover.
pub fn apply_waivers(findings: &mut [Finding], plans: &[Plan], today: Date) -> Vec<WaiverIssue> {
    let mut used = HashSet::new();
    for f in findings.iter_mut() {
        let Some(p) = f.plan else { continue };
        if f.severity < Severity::Warning {
            continue;
        }
        let live = plans[p].waivers.iter().enumerate();
        let mut covering = live.filter(|(_, w)| w.expires >= today && w.rule == f.rule);
        if let Some((w, waiver)) = covering.next() {
            f.waived = Some(Waived {
                waiver: w,
                severity: f.severity,
            });
            f.severity = Severity::Note;
            f.message = format!(
                "{} (waived until {}, approved by {}: {})",
                f.message, waiver.expires, waiver.approved_by, waiver.reason
            );
            used.insert((p, w));
        }
    }
    let mut issues = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        for (w, waiver) in plan.waivers.iter().enumerate() {
            let problem = if waiver.expires < today {
                WaiverProblem::Expired
            } else if !used.contains(&(p, w)) {
                WaiverProblem::Unused
            } else {
                continue;
            };
            issues.push(WaiverIssue {
                plan: p,
                waiver: w,
                problem,
            });
        }
    }
    issues
}
