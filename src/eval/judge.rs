//! The comparison itself. A declaration allows a set of values (its qualifier makes it a
//! point or a ray) and commits the province to the least ambitious of them: "at least 14.4"
//! commits to 14.4, "more than 65" to just above 65. A requirement accepts a set of values.
//! A province's target meets a requirement when what it commits to is accepted; more
//! ambition than committed can only help, so it is never held against the plan.
//!
//! Where values are not commitments but partly unknown (a sum with provinces missing, a
//! stand-in that is only a lower bound), the whole set is judged: pass when every value it
//! allows is accepted, fail when none is, and open when some are and some are not.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::model::{CmpOp, Condition, Qualifier};

/// One end of an interval: `None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct End {
    pub value: Decimal,
    pub inclusive: bool,
}

/// A set of values, from `low` to `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<End>,
    pub high: Option<End>,
}

const fn closed(value: Decimal) -> Option<End> {
    Some(End {
        value,
        inclusive: true,
    })
}

const fn open(value: Decimal) -> Option<End> {
    Some(End {
        value,
        inclusive: false,
    })
}

impl Interval {
    #[inline]
    pub const fn point(v: Decimal) -> Interval {
        Interval {
            low: closed(v),
            high: closed(v),
        }
    }

    /// What a declaration with this qualifier commits to. `by_reference` has no value and
    /// never reaches here.
    #[inline]
    pub fn declared(qualifier: Qualifier, v: Decimal) -> Interval {
        match qualifier {
            Qualifier::AtLeast => Interval {
                low: closed(v),
                high: None,
            },
            Qualifier::MoreThan => Interval {
                low: open(v),
                high: None,
            },
            Qualifier::AtMost => Interval {
                low: None,
                high: closed(v),
            },
            Qualifier::LessThan => Interval {
                low: None,
                high: open(v),
            },
            Qualifier::Exact | Qualifier::Around | Qualifier::ByReference => Interval::point(v),
        }
    }

    /// Everything at or above this interval's low end: what a lower bound tells.
    pub fn and_above(self) -> Interval {
        Interval {
            low: self.low,
            high: None,
        }
    }

    /// The interval of `a + b` for any `a` in `self` and `b` in `other`.
    pub fn plus(self, other: Interval) -> Interval {
        // Saturating: a sum past the largest decimal is larger than any requirement.
        let add = |a: Option<End>, b: Option<End>| {
            let (a, b) = (a?, b?);
            Some(End {
                value: a.value.saturating_add(b.value),
                inclusive: a.inclusive && b.inclusive,
            })
        };
        Interval {
            low: add(self.low, other.low),
            high: add(self.high, other.high),
        }
    }

    fn is_within(self, outer: Interval) -> bool {
        low_ok(self.low, outer.low) && high_ok(self.high, outer.high)
    }

    fn is_disjoint_from(self, other: Interval) -> bool {
        below(self.high, other.low) || below(other.high, self.low)
    }
}

/// Two decimals in order, as `Decimal::cmp` orders them. Figures are compared millions of
/// times over a scenario study, and `Decimal::cmp` rescales in 96-bit arithmetic whenever
/// the scales differ; here figures of up to 64 bits and scales at most 19 apart (any figure
/// a plan writes) are brought to one scale with one `u128` multiplication.
#[inline]
pub(super) fn compare(a: Decimal, b: Decimal) -> Ordering {
    let (na, nb) = (
        a.is_sign_negative() && !a.is_zero(),
        b.is_sign_negative() && !b.is_zero(),
    );
    if na != nb {
        return if na {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let (ma, mb) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let (sa, sb) = (a.scale(), b.scale());
    let small = |m: u128, by: u32| m <= u64::MAX as u128 && by <= 19;
    let magnitudes = match sa.cmp(&sb) {
        Ordering::Equal => (ma, mb),
        Ordering::Less if small(ma, sb - sa) => (ma * POW10[(sb - sa) as usize], mb),
        Ordering::Greater if small(mb, sa - sb) => (ma, mb * POW10[(sa - sb) as usize]),
        _ => return a.cmp(&b),
    };
    let order = magnitudes.0.cmp(&magnitudes.1);
    if na { order.reverse() } else { order }
}

/// Powers of ten up to a decimal's largest scale.
const POW10: [u128; 29] = {
    let mut table = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// `inner` starts no lower than `outer` does.
fn low_ok(inner: Option<End>, outer: Option<End>) -> bool {
    match (inner, outer) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(i), Some(o)) => match compare(i.value, o.value) {
            Ordering::Greater => true,
            Ordering::Equal => o.inclusive || !i.inclusive,
            Ordering::Less => false,
        },
    }
}

/// `inner` ends no higher than `outer` does.
fn high_ok(inner: Option<End>, outer: Option<End>) -> bool {
    match (inner, outer) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(i), Some(o)) => match compare(i.value, o.value) {
            Ordering::Less => true,
            Ordering::Equal => o.inclusive || !i.inclusive,
            Ordering::Greater => false,
        },
    }
}

/// Everything up to `high` lies below everything from `low`.
fn below(high: Option<End>, low: Option<End>) -> bool {
    match (high, low) {
        (Some(h), Some(l)) => match compare(h.value, l.value) {
            Ordering::Less => true,
            Ordering::Equal => !(h.inclusive && l.inclusive),
            Ordering::Greater => false,
        },
        _ => false,
    }
}

/// The values a condition accepts; `higher_is_better` orients `around`.
pub fn accepted(condition: &Condition, higher_is_better: bool) -> Option<Interval> {
    let all = Interval {
        low: None,
        high: None,
    };
    Some(match condition {
        Condition::Compare { op, value } => {
            let r = value.base;
            match op {
                CmpOp::Ge => Interval {
                    low: closed(r),
                    ..all
                },
                CmpOp::Gt => Interval {
                    low: open(r),
                    ..all
                },
                CmpOp::Le => Interval {
                    high: closed(r),
                    ..all
                },
                CmpOp::Lt => Interval {
                    high: open(r),
                    ..all
                },
                CmpOp::Eq => Interval::point(r),
            }
        }
        Condition::Between { low, high } => Interval {
            low: closed(low.base),
            high: closed(high.base),
        },
        Condition::Around { value, tolerance } if higher_is_better => Interval {
            low: closed(value.base - tolerance.base),
            ..all
        },
        Condition::Around { value, tolerance } => Interval {
            high: closed(value.base + tolerance.base),
            ..all
        },
        Condition::OwnEarlier { .. }
        | Condition::Qualitative(_)
        | Condition::Assigned { .. }
        | Condition::Province => {
            return None;
        }
    })
}

/// The least ambitious value a declaration commits to: its figure, or just beyond it in the
/// direction of ambition (`more than 65` commits to every value above 65, not to 65).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub value: Decimal,
    pub strictly_beyond: bool,
}

/// The commitment of a declared set. `None` when the set is unbounded on its least
/// ambitious side, as "at least 2030" is for a peak year, where later is less ambitious.
#[inline]
pub fn committed(declared: Interval, higher_is_better: bool) -> Option<Figure> {
    let end = if higher_is_better {
        declared.low
    } else {
        declared.high
    }?;
    Some(Figure {
        value: end.value,
        strictly_beyond: !end.inclusive,
    })
}

/// Whether a commitment lies in the accepted set. `nudge` is which way "strictly beyond"
/// moves the figure: up when higher is better, down when lower is.
#[inline]
pub fn meets(figure: Option<Figure>, accepted: Interval, higher_is_better: bool) -> bool {
    let Some(f) = figure else {
        // Unbounded towards less ambition: only a requirement open on that side accepts it.
        return if higher_is_better {
            accepted.low.is_none()
        } else {
            accepted.high.is_none()
        };
    };
    let nudge = match (f.strictly_beyond, higher_is_better) {
        (false, _) => 0,
        (true, true) => 1,
        (true, false) => -1,
    };
    let above_low = accepted
        .low
        .is_none_or(|l| match compare(f.value, l.value) {
            Ordering::Greater => true,
            Ordering::Equal => nudge > 0 || (nudge == 0 && l.inclusive),
            Ordering::Less => false,
        });
    let below_high = accepted
        .high
        .is_none_or(|h| match compare(f.value, h.value) {
            Ordering::Less => true,
            Ordering::Equal => nudge < 0 || (nudge == 0 && h.inclusive),
            Ordering::Greater => false,
        });
    above_low && below_high
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    /// Some of the declared values meet the requirement and some do not.
    Open,
}

/// Judges a declared set of values against the accepted one.
pub fn judge(declared: Interval, accepted: Interval) -> Verdict {
    if declared.is_within(accepted) {
        Verdict::Pass
    } else if declared.is_disjoint_from(accepted) {
        Verdict::Fail
    } else {
        Verdict::Open
    }
}

/// How far `v` lies inside what the condition accepts (negative: outside), measured from
/// the condition's own figure, in base units. For `around`, from the central figure, so
/// that a shortfall within the tolerance shows as a negative margin on a pass.
pub fn margin(condition: &Condition, v: Decimal, higher_is_better: bool) -> Option<Decimal> {
    Some(match condition {
        Condition::Compare { op, value } => match op {
            CmpOp::Ge | CmpOp::Gt => v - value.base,
            CmpOp::Le | CmpOp::Lt => value.base - v,
            CmpOp::Eq => -(v - value.base).abs(),
        },
        Condition::Between { low, high } => (v - low.base).min(high.base - v),
        Condition::Around { value, .. } if higher_is_better => v - value.base,
        Condition::Around { value, .. } => value.base - v,
        Condition::OwnEarlier { .. }
        | Condition::Qualitative(_)
        | Condition::Assigned { .. }
        | Condition::Province => {
            return None;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Amount;
    use crate::units::Unit;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn pct(s: &str) -> Amount {
        Amount {
            base: d(s),
            unit: Unit::Percent,
        }
    }

    fn compare(op: CmpOp, r: &str) -> Condition {
        Condition::Compare { op, value: pct(r) }
    }

    fn around(x: &str, t: &str) -> Condition {
        Condition::Around {
            value: pct(x),
            tolerance: Amount {
                base: d(t),
                unit: Unit::Pp,
            },
        }
    }

    /// A province's declared target against a requirement, where higher is better.
    fn verdict(q: Qualifier, v: &str, c: &Condition) -> Verdict {
        let figure = committed(Interval::declared(q, d(v)), true);
        if meets(figure, accepted(c, true).unwrap(), true) {
            Pass
        } else {
            Fail
        }
    }

    use Qualifier::*;
    use Verdict::*;

    proptest::proptest! {
        #[test]
        fn compare_orders_as_decimal_does(
            a in proptest::num::i128::ANY, sa in 0u32..=28,
            b in proptest::num::i128::ANY, sb in 0u32..=28,
            same in proptest::bool::ANY,
        ) {
            // Decimal mantissas have 96 bits.
            let x = Decimal::from_i128_with_scale(a >> 32, sa);
            let y = Decimal::from_i128_with_scale(b >> 32, if same { sa } else { sb });
            proptest::prop_assert_eq!(super::compare(x, y), x.cmp(&y));
        }
    }

    #[test]
    fn at_least_against_each_comparison() {
        let ge = compare(CmpOp::Ge, "13.5");
        assert_eq!(verdict(Exact, "13.5", &ge), Pass, "13.5 is 13.5");
        assert_eq!(verdict(Exact, "13.4999", &ge), Fail);
        assert_eq!(verdict(AtLeast, "13.5", &ge), Pass);
        assert_eq!(verdict(MoreThan, "13.5", &ge), Pass);
        assert_eq!(
            verdict(AtLeast, "12", &ge),
            Fail,
            "at least 12 commits only to 12"
        );
        assert_eq!(
            verdict(MoreThan, "13.4", &ge),
            Fail,
            "more than 13.4 includes 13.45"
        );
    }

    #[test]
    fn strict_comparisons() {
        let gt = compare(CmpOp::Gt, "65");
        assert_eq!(verdict(Exact, "65", &gt), Fail, "65 is not more than 65");
        assert_eq!(
            verdict(MoreThan, "65", &gt),
            Pass,
            "more than 65 is more than 65"
        );
        assert_eq!(
            verdict(AtLeast, "65", &gt),
            Fail,
            "at least 65 includes 65 itself"
        );
        assert_eq!(verdict(Exact, "70", &gt), Pass);
        let lt = compare(CmpOp::Lt, "20");
        assert_eq!(verdict(Exact, "19.9", &lt), Pass);
        assert_eq!(verdict(Exact, "20", &lt), Fail);
        assert_eq!(
            verdict(AtLeast, "10", &lt),
            Pass,
            "more than committed is more ambition"
        );
        assert_eq!(verdict(MoreThan, "20", &lt), Fail);
    }

    #[test]
    fn upper_bounds_and_equality() {
        let le = compare(CmpOp::Le, "2030");
        assert_eq!(
            verdict(Exact, "2030", &le),
            Pass,
            "a peak in 2030 is by 2030"
        );
        assert_eq!(verdict(Exact, "2031", &le), Fail);
        let eq = compare(CmpOp::Eq, "20");
        assert_eq!(verdict(Exact, "20", &eq), Pass);
        assert_eq!(verdict(Around, "20", &eq), Pass);
        assert_eq!(verdict(Exact, "20.1", &eq), Fail);
        assert_eq!(verdict(AtLeast, "20", &eq), Pass, "commits to 20");
        assert_eq!(verdict(MoreThan, "20", &eq), Fail);
    }

    #[test]
    fn between_is_inclusive() {
        let c = Condition::Between {
            low: pct("15"),
            high: pct("25"),
        };
        assert_eq!(verdict(Exact, "15", &c), Pass);
        assert_eq!(verdict(Exact, "25", &c), Pass);
        assert_eq!(verdict(Exact, "25.01", &c), Fail);
        assert_eq!(
            verdict(AtLeast, "20", &c),
            Pass,
            "commits to 20, inside the range"
        );
        assert_eq!(
            verdict(AtLeast, "26", &c),
            Fail,
            "commits to 26, above the range"
        );
        assert_eq!(margin(&c, d("16"), true), Some(d("1")));
        assert_eq!(margin(&c, d("26"), true), Some(d("-1")));
    }

    #[test]
    fn around_is_one_sided_towards_ambition() {
        let c = around("20", "1");
        assert_eq!(verdict(Around, "20", &c), Pass);
        assert_eq!(
            verdict(Exact, "35", &c),
            Pass,
            "above is more ambitious, never a miss"
        );
        assert_eq!(verdict(Exact, "19", &c), Pass, "short within the tolerance");
        assert_eq!(verdict(Exact, "18.9", &c), Fail);
        assert_eq!(
            verdict(AtLeast, "15", &c),
            Fail,
            "commits to 15, short by more than 1"
        );
        assert_eq!(
            verdict(Around, "19.2", &c),
            Pass,
            "a plan's around is taken at its figure"
        );
        assert_eq!(margin(&c, d("19.5"), true), Some(d("-0.5")));
    }

    #[test]
    fn around_for_earlier_is_better_looks_the_other_way() {
        let c = Condition::Around {
            value: Amount {
                base: d("2030"),
                unit: Unit::Year,
            },
            tolerance: Amount {
                base: d("1"),
                unit: Unit::Year,
            },
        };
        let acc = accepted(&c, false).unwrap();
        assert_eq!(judge(Interval::point(d("2025")), acc), Pass);
        assert_eq!(judge(Interval::point(d("2031")), acc), Pass);
        assert_eq!(judge(Interval::point(d("2032")), acc), Fail);
        assert_eq!(margin(&c, d("2031"), false), Some(d("-1")));
    }

    #[test]
    fn commitments_where_earlier_is_better() {
        let by_2030 = Condition::Compare {
            op: CmpOp::Le,
            value: Amount {
                base: d("2030"),
                unit: Unit::Year,
            },
        };
        let acc = accepted(&by_2030, false).unwrap();
        let peak = |q, y| meets(committed(Interval::declared(q, d(y)), false), acc, false);
        assert!(
            peak(Exact, "2030"),
            "a peak in 2030 meets `no later than 2030`"
        );
        assert!(peak(Around, "2028"));
        assert!(!peak(Exact, "2031"));
        assert!(
            !peak(AtLeast, "2025"),
            "2025 or later commits to no year at all"
        );
        let open = Interval {
            low: None,
            high: None,
        };
        assert!(meets(None, open, false));
    }

    #[test]
    fn margins_are_exact() {
        let ge = compare(CmpOp::Ge, "13.5");
        assert_eq!(margin(&ge, d("12.5"), true), Some(d("-1.0")));
        assert_eq!(margin(&ge, d("14.5"), true), Some(d("1.0")));
        let le = compare(CmpOp::Le, "2030");
        assert_eq!(margin(&le, d("2025"), false), Some(d("5")));
        let eq = compare(CmpOp::Eq, "20");
        assert_eq!(margin(&eq, d("21"), true), Some(d("-1")));
    }

    #[test]
    fn sums_of_intervals() {
        let a = Interval::declared(Exact, d("5400"));
        let b = Interval::declared(AtLeast, d("2000"));
        let sum = a.plus(b);
        assert_eq!(sum.low.unwrap().value, d("7400"));
        assert_eq!(sum.high, None);
        let c = Interval::declared(MoreThan, d("1")).plus(Interval::point(d("1")));
        assert!(!c.low.unwrap().inclusive);
    }

    #[test]
    fn a_lower_bound_stand_in_can_pass_but_not_fail() {
        let c = around("20", "1");
        let acc = accepted(&c, true).unwrap();
        let short = Interval::declared(AtLeast, d("14.4")).and_above();
        assert_eq!(judge(short, acc), Open);
        let enough = Interval::declared(Around, d("25")).and_above();
        assert_eq!(judge(enough, acc), Pass);
    }
}
