//! The syntax tree of a plan, read from the plan language or from JSON.

use super::{Loc, Period, Quantity, Spanned};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    pub province: Option<Spanned<String>>,
    /// The division below the province the plan is for, when it is not the province's own.
    pub city: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub issued: Option<Spanned<String>>,
    /// The five-year-plan period the plan states it belongs to.
    pub period: Option<Spanned<super::PlanPeriod>>,
    pub targets: Vec<TargetDecl>,
    pub waivers: Vec<WaiverDecl>,
    /// Where plan-wide findings point: the province line, or the start of the file.
    pub header: Loc,
}

impl Default for PlanFile {
    fn default() -> Self {
        PlanFile {
            province: None,
            city: None,
            title: None,
            issued: None,
            period: None,
            targets: Vec::new(),
            waivers: Vec::new(),
            header: Loc((0, 0).into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetDecl {
    pub indicator: Spanned<String>,
    pub period: Period,
    pub value: Option<Spanned<DeclaredValue>>,
    pub commitment: Option<Spanned<Commitment>>,
    pub status: Option<Spanned<Status>>,
    pub document: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The whole declaration's head (`target indicator by year`), for duplicates.
    pub head: Loc,
}

impl TargetDecl {
    /// A target with its head alone (`target INDICATOR by YEAR from YEAR`, starting at byte
    /// `start`), its fields to be read.
    pub(crate) fn headed(start: usize, indicator: Spanned<String>, period: Period) -> Self {
        let last = period
            .baseline
            .as_ref()
            .or(period.year.as_ref())
            .map_or(indicator.span, |y| y.span);
        let end = last.offset() + last.len();
        TargetDecl {
            indicator,
            period,
            value: None,
            commitment: None,
            status: None,
            document: None,
            source: None,
            head: Loc((start, end.saturating_sub(start)).into()),
        }
    }
}

/// A rule waived for this plan, by whom and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaiverDecl {
    pub rule: Spanned<String>,
    pub reason: Option<Spanned<String>>,
    pub approved_by: Option<Spanned<String>>,
    pub expires: Option<Spanned<String>>,
    /// `waive RULE`, where problems with the waiver point.
    pub head: Loc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclaredValue {
    /// "Meet the nationally assigned target": no number is given.
    ByReference,
    Number {
        qualifier: Option<Spanned<Qualifier>>,
        quantity: Quantity,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    Around,
    AtLeast,
    MoreThan,
    /// The figure or less: a cap (以下, 以内, 不高于, 控制在…以内).
    AtMost,
    /// Less than the figure, which is excluded (低于, 不足).
    LessThan,
    ByReference,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Around => "around",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::ByReference => "by_reference",
        }
    }

    pub const ALL: [Qualifier; 7] = [
        Qualifier::Exact,
        Qualifier::Around,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::AtMost,
        Qualifier::LessThan,
        Qualifier::ByReference,
    ];

    /// The qualifier a Chinese comparison word states. In Chinese legal and statistical
    /// drafting 以上, 以下 and 以内 include the figure, while 超过, 突破, 低于, 不足 and 不满
    /// exclude it (domain README, "Reading Chinese comparison words").
    pub fn from_chinese(word: &str) -> Option<Qualifier> {
        CHINESE_QUALIFIERS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, q)| *q)
    }
}

/// Every Chinese comparison word plancheck reads, with its qualifier.
pub const CHINESE_QUALIFIERS: [(&str, Qualifier); 11] = [
    ("左右", Qualifier::Around),
    ("以上", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("超过", Qualifier::MoreThan),
    ("突破", Qualifier::MoreThan),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("低于", Qualifier::LessThan),
    ("不足", Qualifier::LessThan),
    ("不满", Qualifier::LessThan),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Commitment {
    Firm,
    /// 力争: a softer commitment.
    Strive,
}

impl Commitment {
    pub fn name(self) -> &'static str {
        match self {
            Commitment::Firm => "firm",
            Commitment::Strive => "strive",
        }
    }
}

/// How well the figure is sourced, with the CSV's note on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusKind {
    Verified,
    Conflicting,
    Secondary,
    Draft,
}

impl StatusKind {
    pub fn name(self) -> &'static str {
        match self {
            StatusKind::Verified => "verified",
            StatusKind::Conflicting => "conflicting",
            StatusKind::Secondary => "secondary",
            StatusKind::Draft => "draft",
        }
    }
}
