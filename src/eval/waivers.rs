//! Waivers: a plan may waive a rule for itself, with a reason, an approver and an expiry.

use time::Date;

use crate::finding::{Finding, Severity, Waived, WaiverIssue, WaiverProblem};
use crate::model::Plan;

/// Marks the findings each live waiver covers; reports expired waivers, which cover
/// nothing, and waivers that found nothing at warning level or above to cover.
pub fn apply_waivers(findings: &mut [Finding], plans: &[Plan], today: Date) -> Vec<WaiverIssue> {
    let mut issues = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        for (w, waiver) in plan.waivers.iter().enumerate() {
            let issue = |problem| WaiverIssue {
                plan: p,
                waiver: w,
                problem,
            };
            if waiver.expires < today {
                issues.push(issue(WaiverProblem::Expired));
                continue;
            }
            let mut used = false;
            for f in findings.iter_mut() {
                if f.plan == Some(p) && f.rule == waiver.rule && f.severity >= Severity::Warning {
                    f.waived = Some(Waived {
                        waiver: w,
                        severity: f.severity,
                    });
                    f.severity = Severity::Note;
                    f.message = format!(
                        "{} (waived until {}, approved by {}: {})",
                        f.message, waiver.expires, waiver.approved_by, waiver.reason
                    );
                    used = true;
                }
            }
            if !used {
                issues.push(issue(WaiverProblem::Unused));
            }
        }
    }
    issues
}
