//! PC038: an incentive figure less ambitious than the basic figure of its row.

use super::{Context, LintFinding};
use crate::finding::show_value;
use crate::model::Amount;

pub const CODE: &str = "PC038";

pub fn check(cx: &Context, out: &mut Vec<LintFinding>) {
    for table in &cx.rules.assignments {
        let indicator = cx.rules.indicator(table.indicator);
        let higher = indicator.higher_is_better();
        for row in &table.rows {
            let (Some(basic), Some(incentive)) = (row.basic, row.incentive) else {
                continue;
            };
            let below = if higher {
                incentive.base < basic.base
            } else {
                incentive.base > basic.base
            };
            if below {
                let show = |a: Amount| show_value(a.in_own_unit(), a.unit);
                out.push(
                    LintFinding::new(
                        CODE,
                        row.site,
                        format!(
                            "{}: the incentive {} is less ambitious than the basic {} in assignment `{}`",
                            row.province,
                            show(incentive),
                            show(basic),
                            table.name
                        ),
                        "incentive less ambitious than basic",
                    )
                    .with_help("an incentive target goes beyond the basic one; the two may be the wrong way round"),
                );
            }
        }
    }
}
