//! The plan-text grammar's pairs to the targets each section of a document states, with
//! spans into the document (not the folded text the grammar read).

use miette::SourceSpan;

use super::fold::Folded;
use super::note::TextNote;
use super::parser::Rule;
use super::reading::{self, Kind, Named, Shape};
use crate::ast::{Commitment, DeclaredValue, Number, Period, Quantity, Spanned, TargetDecl};
use crate::cities::City;
use crate::provinces::Province;

type Pair<'i> = pest::iterators::Pair<'i, Rule>;

/// One document of a file: a file of excerpts holds several, between `===` lines.
#[derive(Debug, Default)]
pub struct Section {
    pub address: Option<Spanned<String>>,
    pub document: Option<Spanned<String>>,
    pub statements: Vec<Statement>,
}

/// A target as one clause of the document states it.
#[derive(Debug)]
pub struct Statement {
    pub target: TargetDecl,
    /// The clause it was read from.
    pub clause: SourceSpan,
}

/// Everything read from a document, before its sections are merged into one plan.
#[derive(Debug)]
pub struct Lowered {
    pub sections: Vec<Section>,
    /// The first province the document names.
    pub place: Option<Spanned<Province>>,
    pub notes: Vec<TextNote>,
    /// The first target taken from an authority below the State (`完成省上下达目标`, which
    /// no province says of its own plan), with the assigner.
    pub assigned_below: Option<(String, SourceSpan)>,
    /// The division below the province a title names (`重庆市万盛经开区碳达峰实施方案`).
    pub division: Option<Spanned<String>>,
}

/// The year the sentences that follow are about.
#[derive(Debug, Clone)]
struct YearScope {
    /// `None` for a past period (十三五), whose figures are outcomes, not targets.
    year: Option<Spanned<u16>>,
    /// `力争到2025年`: strive, for the rest of its sentence (by the sentence's index).
    strive: Option<(SourceSpan, usize)>,
}

/// An indicator named as the subject of a target.
#[derive(Debug, Clone)]
struct Subject {
    kind: Kind,
    span: SourceSpan,
    word: String,
    /// For a look-alike, what it is.
    what: &'static str,
}

/// What a target clause says of its subjects.
#[derive(Debug)]
enum Predicate {
    /// `完成国家下达目标`: the figure assigned by `assigner`.
    ByReference {
        assigner: String,
        baseline: Option<Spanned<u16>>,
        span: SourceSpan,
    },
    /// `比2020年下降14%` (a cut) or `达到20%左右` (a level).
    Figures {
        cut: bool,
        baseline: Option<Spanned<u16>>,
        values: Vec<Spanned<DeclaredValue>>,
    },
}

/// The first year that, named without `到` (`2025年,`, a table's `2025年`), is a target's:
/// a plan issued in 2021 or 2022 tells of those years as what has happened.
const FIRST_UNSCOPED_YEAR: u16 = 2025;

/// The words a development zone's name ends with: zones plan below their province, and have
/// no GB/T 2260 code to look up.
const ZONES: [&str; 4] = ["经开区", "开发区", "高新区", "新区"];

/// Whether a division's name is a development zone's.
pub(super) fn is_zone(name: &str) -> bool {
    ZONES.iter().any(|z| name.ends_with(z))
}

pub fn lower(document: Pair, folded: &Folded, whose: super::Whose) -> Lowered {
    let mut reader = Reader {
        folded,
        whose,
        out: Lowered {
            sections: vec![Section::default()],
            place: None,
            notes: Vec::new(),
            assigned_below: None,
            division: None,
        },
        scope: None,
        clause: 0,
        sentence: 0,
        last_place: None,
        said: false,
        clause_start: 0,
        last_subjects: Vec::new(),
    };
    for pair in document.into_inner() {
        match pair.as_rule() {
            Rule::separator => {
                reader.out.sections.push(Section::default());
                reader.scope = None;
            }
            Rule::header => reader.header(pair),
            Rule::lone_title => reader.division(pair, true),
            Rule::clause => reader.clause(pair),
            Rule::paragraph => {
                reader.scope = None;
                reader.sentence += 1;
            }
            Rule::clause_end if matches!(pair.as_str(), "。" | "!" | "?") => reader.sentence += 1,
            _ => {}
        }
    }
    reader.out
}

struct Reader<'f, 'd> {
    folded: &'f Folded<'d>,
    whose: super::Whose,
    out: Lowered,
    scope: Option<YearScope>,
    /// The index of the clause being read.
    clause: usize,
    /// The index of the sentence being read (sentences end at 。, ! and ?).
    sentence: usize,
    /// The province named last: a title's division (`重庆市万盛经开区…`) follows it.
    last_place: Option<Province>,
    /// Whether the clause being read has stated a target or a note.
    said: bool,
    /// Where the clause being read starts, in the folded text.
    clause_start: usize,
    /// The subjects of the last target, which `到2030年达到564万千瓦以上` speaks of again.
    last_subjects: Vec<Subject>,
}

impl Reader<'_, '_> {
    fn span(&self, pair: &Pair) -> SourceSpan {
        let s = pair.as_span();
        self.folded.span(s.start(), s.end()).into()
    }

    fn spanned<T>(&self, node: T, pair: &Pair) -> Spanned<T> {
        Spanned::new(node, self.span(pair))
    }

    /// The document's own text of a pair, as written.
    fn written(&self, pair: &Pair) -> String {
        let span = self.span(pair);
        self.folded.document()[span.offset()..span.offset() + span.len()].to_string()
    }

    fn section(&mut self) -> &mut Section {
        self.out
            .sections
            .last_mut()
            .expect("there is always a section")
    }

    fn note(&mut self, note: TextNote) {
        self.said = true;
        self.out.notes.push(note);
    }

    fn not_read(&mut self, why: impl Into<String>, span: SourceSpan) {
        self.note(TextNote::NotRead {
            why: why.into(),
            span,
        });
    }

    fn header(&mut self, pair: Pair) {
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::header_field => self.header_field(part),
                Rule::place => self.place(&part),
                Rule::division => self.division(part, true),
                _ => {}
            }
        }
    }

    fn header_field(&mut self, pair: Pair) {
        let mut parts = pair.into_inner();
        let (Some(key), Some(value)) = (parts.next(), parts.next()) else {
            return;
        };
        let text = value.as_str().trim();
        // `(the pages corpus returned this chunk without an address)`: no address at all.
        if text.is_empty() || text.starts_with('(') {
            return;
        }
        let field = Some(self.spanned(text.to_string(), &value));
        match key.as_str() {
            "address" => self.section().address = field,
            _ => self.section().document = field,
        }
    }

    fn place(&mut self, pair: &Pair) {
        self.last_place = Province::lookup(pair.as_str());
        if self.out.place.is_none()
            && let Some(p) = self.last_place
        {
            self.out.place = Some(self.spanned(p, pair));
        }
    }

    /// A title's division (`重庆市万盛经开区碳达峰实施方案`), when `titled` (a header line or
    /// the first sentence) and the name is a division of the province or a development zone
    /// (which has no GB/T 2260 code): not a province's own sector (`工业园区`, `农村地区`), nor
    /// a city its plan mentions further on.
    fn division(&mut self, pair: Pair, titled: bool) {
        if !titled || self.out.division.is_some() {
            return;
        }
        let province = self.last_place;
        for part in pair.into_inner() {
            if matches!(part.as_rule(), Rule::division_name | Rule::lone_name) {
                let name = part.as_str();
                let zone = is_zone(name);
                // A lone title names no province: a division of any.
                let known = match province {
                    Some(p) => City::lookup(p, name).is_some(),
                    None => !City::named(name).is_empty(),
                };
                if zone || known {
                    self.out.division = Some(self.spanned(name.to_string(), &part));
                }
            }
        }
    }

    fn clause(&mut self, pair: Pair) {
        self.clause += 1;
        self.said = false;
        let clause = self.span(&pair);
        self.clause_start = pair.as_span().start();
        let (mut figure, mut cue, mut striven, mut columns) = (false, false, false, false);
        for piece in pair.into_inner() {
            match piece.as_rule() {
                Rule::scope => self.scope(piece, clause),
                Rule::year_mention => columns |= self.ahead(piece),
                Rule::target => self.target(piece, clause),
                Rule::subjects => cue = true,
                Rule::commitment => striven = true,
                Rule::peak => self.peak(piece, clause, "co2_peak_year"),
                Rule::neutrality => self.peak(piece, clause, "carbon_neutrality_year"),
                Rule::place => self.place(&piece),
                Rule::division => self.division(piece, self.sentence == 0),
                Rule::figure => figure = true,
                Rule::cue => cue = true,
                _ => {}
            }
        }
        let scoped = self.scope.as_ref().is_some_and(|s| s.year.is_some());
        if figure && cue && columns && !scoped && !self.said {
            let why = "an indicator-like word and figures under years ahead, with no verb (a table?): plancheck reads sentences, not tables";
            self.not_read(why, clause);
        } else if figure && scoped && !self.said {
            if cue {
                let why =
                    "a figure and an indicator-like word, in no sentence pattern plancheck reads";
                self.not_read(why, clause);
            } else if striven {
                let why = "a figure under 力争 with no indicator of its own (an incentive target?)";
                self.not_read(why, clause);
            }
        }
    }

    /// Whether a year named outside a scope is one a plan's targets are for, as a bare
    /// `2025年,` scopes: earlier years are what a plan reports has happened.
    fn ahead(&self, pair: Pair) -> bool {
        let year = pair.into_inner().next().expect("grammar: a year");
        self.year(&year)
            .is_some_and(|y| y.node >= FIRST_UNSCOPED_YEAR)
    }

    fn scope(&mut self, pair: Pair, clause: SourceSpan) {
        let mut strive = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::strive => strive = Some((self.span(&part), self.sentence)),
                Rule::period => self.set_scope(self.period_year(part), strive),
                Rule::by_year | Rule::year_end | Rule::bare_year => {
                    // `到2023年` is ahead of a plan; a bare `2022年,` tells what happened.
                    let first = if part.as_rule() == Rule::bare_year {
                        FIRST_UNSCOPED_YEAR
                    } else {
                        2021
                    };
                    let year = part.into_inner().next().expect("grammar: a year");
                    let year = self.year(&year).filter(|y| y.node >= first);
                    self.set_scope(year, strive);
                }
                Rule::ellipsis => self.ellipsis(part, clause),
                _ => {}
            }
        }
    }

    fn set_scope(&mut self, year: Option<Spanned<u16>>, strive: Option<(SourceSpan, usize)>) {
        self.scope = Some(YearScope { year, strive });
    }

    /// The year a five-year-plan period ends in; `None` for the 13th, which is past.
    fn period_year(&self, pair: Pair) -> Option<Spanned<u16>> {
        let name = pair.into_inner().next().expect("grammar: a period name");
        let year = match name.as_str() {
            "十四五" => 2025,
            "十五五" => 2030,
            _ => return None,
        };
        Some(self.spanned(year, &name))
    }

    fn year(&self, pair: &Pair) -> Option<Spanned<u16>> {
        pair.as_str().parse().ok().map(|y| self.spanned(y, pair))
    }

    /// `到2030年达到564万千瓦以上`: the indicator of the last target, for a new year.
    fn ellipsis(&mut self, pair: Pair, clause: SourceSpan) {
        let subjects = self.last_subjects.clone();
        let mut commitment = None;
        let mut predicate = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::commitment => commitment = Some(self.commitment(&part)),
                Rule::level => predicate = Some(self.figures(part, false)),
                _ => {}
            }
        }
        match (subjects.is_empty(), predicate) {
            (false, Some(predicate)) => {
                let said = Said {
                    subjects,
                    predicate: Some(predicate),
                    all: false,
                    commitment,
                };
                self.state(said.complete(), clause);
            }
            _ => self.not_read("a figure for no indicator named before it", clause),
        }
    }

    fn target(&mut self, pair: Pair, clause: SourceSpan) {
        let start = pair.as_span().start();
        let mut said = Said {
            subjects: Vec::new(),
            predicate: None,
            all: false,
            commitment: None,
        };
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::by_ref_first => return self.by_ref_first(part, clause),
                Rule::subjects => self.subjects(part, &mut said),
                Rule::all => said.all = true,
                Rule::commitment => said.commitment = Some(self.commitment(&part)),
                Rule::by_reference => said.predicate = Some(self.by_reference(part, &mut said)),
                Rule::cut => said.predicate = Some(self.figures(part, true)),
                Rule::level => said.predicate = Some(self.figures(part, false)),
                _ => {}
            }
        }
        self.last_subjects = said.subjects.clone();
        if let Some(whose) = self.whose(start) {
            let why = format!("a target of {whose}, not of the province as a whole");
            return self.not_read(why, clause);
        }
        self.state(said.complete(), clause);
    }

    /// Who a target belongs to when its clause names someone before the indicator: the
    /// nation (国家, 全国), a city, a sector (交通领域, 工业); `None` for the province.
    fn whose(&self, subject_start: usize) -> Option<&'static str> {
        const WHOSE: [(&str, &str); 14] = [
            ("全国", "the nation"),
            ("国家", "the nation"),
            ("我国", "the nation"),
            ("领域", "a sector"),
            ("行业", "a sector"),
            ("工业", "industry"),
            ("交通", "transport"),
            ("建筑", "buildings"),
            ("农村", "rural areas"),
            ("城镇", "towns"),
            ("园区", "a park"),
            ("企业", "enterprises"),
            ("市", "a city"),
            ("县", "a county"),
        ];
        let before = self.folded.text.get(self.clause_start..subject_start)?;
        WHOSE
            .iter()
            .find(|(word, _)| before.contains(word))
            .map(|(_, whose)| *whose)
    }

    /// `完成国家下达的A下降、B下降目标任务`.
    fn by_ref_first(&mut self, pair: Pair, clause: SourceSpan) {
        let span = self.span(&pair);
        let mut said = Said {
            subjects: Vec::new(),
            predicate: None,
            all: true,
            commitment: None,
        };
        let mut assigner = String::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::commitment => said.commitment = Some(self.commitment(&part)),
                Rule::assigner => assigner = part.as_str().to_string(),
                rule => {
                    if let Some(subject) = self.subject(&part, rule) {
                        said.subjects.push(subject);
                    }
                }
            }
        }
        said.predicate = Some(Predicate::ByReference {
            assigner,
            baseline: None,
            span,
        });
        self.last_subjects = said.subjects.clone();
        self.state(said.complete(), clause);
    }

    fn subjects(&mut self, pair: Pair, said: &mut Said) {
        for part in pair.into_inner() {
            let rule = part.as_rule();
            if rule == Rule::commitment {
                said.commitment = Some(self.commitment(&part));
            } else if let Some(subject) = self.subject(&part, rule) {
                said.subjects.push(subject);
            }
        }
    }

    fn subject(&self, pair: &Pair, rule: Rule) -> Option<Subject> {
        Some(Subject {
            kind: Kind::of(rule)?,
            span: self.span(pair),
            word: self.written(pair),
            what: reading::look_alike_what(pair.as_str()),
        })
    }

    fn commitment(&self, pair: &Pair) -> Spanned<Commitment> {
        let inner = pair
            .clone()
            .into_inner()
            .next()
            .expect("grammar: a commitment word");
        let commitment = match inner.as_rule() {
            Rule::firm => Commitment::Firm,
            _ => Commitment::Strive,
        };
        self.spanned(commitment, pair)
    }

    fn by_reference(&mut self, pair: Pair, said: &mut Said) -> Predicate {
        let span = self.span(&pair);
        let mut assigner = String::new();
        let mut baseline = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::baseline => baseline = self.baseline(part),
                Rule::all => said.all = true,
                Rule::commitment => said.commitment = Some(self.commitment(&part)),
                Rule::assigner => assigner = part.as_str().to_string(),
                _ => {}
            }
        }
        Predicate::ByReference {
            assigner,
            baseline,
            span,
        }
    }

    fn baseline(&self, pair: Pair) -> Option<Spanned<u16>> {
        let year = pair.into_inner().find(|p| p.as_rule() == Rule::year)?;
        self.year(&year)
    }

    /// A cut or a level: its baseline and its figures.
    fn figures(&mut self, pair: Pair, cut: bool) -> Predicate {
        let mut baseline = None;
        let mut more_than = None;
        let mut values = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::baseline => baseline = self.baseline(part),
                Rule::level_verb => more_than = part.into_inner().next().map(|v| self.span(&v)),
                Rule::values => {
                    values = part
                        .into_inner()
                        .map(|v| self.value(v, more_than))
                        .collect()
                }
                _ => {}
            }
        }
        Predicate::Figures {
            cut,
            baseline,
            values,
        }
    }

    /// One figure with its qualifier; `超过`/`突破` as the verb is the qualifier of a
    /// figure that has none of its own.
    fn value(&mut self, pair: Pair, more_than: Option<SourceSpan>) -> Spanned<DeclaredValue> {
        let span = self.span(&pair);
        let mut qualifier = more_than.map(|s| Spanned::new(crate::ast::Qualifier::MoreThan, s));
        let mut number = None;
        let mut unit = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::qualifier_before | Rule::qualifier_after => {
                    qualifier = crate::ast::Qualifier::from_chinese(part.as_str())
                        .map(|q| self.spanned(q, &part));
                }
                Rule::number => number = Some(self.number(&part)),
                Rule::unit => unit = Some(self.spanned(reading::unit_name(&part), &part)),
                _ => {}
            }
        }
        let number = number.expect("grammar: a value has a number");
        let quantity = Quantity { number, unit };
        Spanned::new(
            DeclaredValue::Number {
                qualifier,
                quantity,
            },
            span,
        )
    }

    /// A figure as an exact decimal; one too long to hold is an error (PC106), as in a plan
    /// file, never a zero.
    fn number(&mut self, pair: &Pair) -> Spanned<Number> {
        let text = pair.as_str().to_string();
        let span = self.span(pair);
        let value = crate::syntax::parse_decimal(&text, span).unwrap_or_else(|error| {
            self.note(TextNote::Syntax(error));
            Default::default()
        });
        Spanned::new(Number { text, value }, span)
    }

    /// A peak (`co2_peak_year`) or neutrality year: its own year, or the scope's.
    fn peak(&mut self, pair: Pair, clause: SourceSpan, indicator: &'static str) {
        let span = self.span(&pair);
        let mut commitment = None;
        let mut year = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::commitment => commitment = Some(self.commitment(&part)),
                Rule::peak_year => {
                    let y = part.into_inner().next().expect("grammar: a year");
                    year = self.year(&y);
                }
                _ => {}
            }
        }
        let Some(year) = year.or_else(|| self.scope.as_ref()?.year.clone()) else {
            return self.not_read("a peak or neutrality with no year", clause);
        };
        let number = Number {
            text: year.node.to_string(),
            value: year.node.into(),
        };
        let value = DeclaredValue::Number {
            qualifier: None,
            quantity: Quantity {
                number: Spanned::new(number, year.span),
                unit: None,
            },
        };
        let subject = Subject {
            kind: Kind::Peak,
            span,
            word: String::new(),
            what: "",
        };
        let commitment = commitment.or_else(|| self.striving());
        let named = Named {
            indicator: indicator.to_string(),
            baseline: None,
        };
        let target = self.declaration(
            &subject,
            named,
            None,
            Spanned::new(value, year.span),
            commitment,
        );
        self.push(target, clause);
    }

    /// The strive of `力争到2025年`, while its sentence lasts ("the whole year clause",
    /// source-notes.md).
    fn striving(&self) -> Option<Spanned<Commitment>> {
        let (span, at) = self.scope.as_ref()?.strive?;
        (self.sentence == at).then(|| Spanned::new(Commitment::Strive, span))
    }

    fn push(&mut self, target: TargetDecl, clause: SourceSpan) {
        self.said = true;
        self.section().statements.push(Statement { target, clause });
    }

    /// The targets a clause states, or the note saying why it states none.
    fn state(&mut self, said: Option<Said>, clause: SourceSpan) {
        let Some(said) = said else { return };
        let Some(year) = self.scope.as_ref().map(|s| s.year.clone()) else {
            return self.not_read("a target with no year: no 到YYYY年 before it", clause);
        };
        // A past period's figures are outcomes, not targets.
        let Some(year) = year else { return };
        let values = match said.values() {
            Ok(values) => values,
            Err(why) => return self.not_read(why, clause),
        };
        let commitment = said.commitment.clone().or_else(|| self.striving());
        for (subject, value) in said.subjects.iter().zip(values) {
            if subject.kind == Kind::LookAlike {
                self.note(TextNote::LookAlike {
                    word: subject.word.clone(),
                    what: subject.what,
                    span: subject.span,
                });
                continue;
            }
            let shape = said.shape();
            let bound = |assigner: &str| self.whose.bound_by(assigner);
            if let Shape::ByReference { assigner, .. } = shape
                && !bound(assigner)
            {
                let first = &mut self.out.assigned_below;
                first.get_or_insert_with(|| (assigner.to_string(), clause));
            }
            match reading::name(
                subject.kind,
                &shape,
                (year.node, year.span),
                &value.node,
                &bound,
            ) {
                Ok(named) => {
                    let target = self.declaration(
                        subject,
                        named,
                        Some(year.clone()),
                        value,
                        commitment.clone(),
                    );
                    self.push(target, clause);
                }
                Err(why) => self.not_read(format!("{}: {why}", subject.word), clause),
            }
        }
    }

    fn declaration(
        &self,
        subject: &Subject,
        named: Named,
        year: Option<Spanned<u16>>,
        value: Spanned<DeclaredValue>,
        commitment: Option<Spanned<Commitment>>,
    ) -> TargetDecl {
        let commitment = commitment.unwrap_or_else(|| Spanned::new(Commitment::Firm, value.span));
        let start = subject.span.offset();
        let period = Period {
            year,
            baseline: named.baseline,
        };
        let mut target =
            TargetDecl::headed(start, Spanned::new(named.indicator, subject.span), period);
        target.value = Some(value);
        target.commitment = Some(commitment);
        target
    }
}

/// A target clause as read, before it is checked that its parts fit together.
#[derive(Debug)]
pub(super) struct Said {
    subjects: Vec<Subject>,
    predicate: Option<Predicate>,
    /// `均`: one figure for every subject.
    all: bool,
    commitment: Option<Spanned<Commitment>>,
}

impl Said {
    fn shape(&self) -> Shape<'_> {
        match self.predicate.as_ref().expect("complete") {
            Predicate::ByReference {
                assigner, baseline, ..
            } => Shape::ByReference {
                assigner,
                baseline: baseline.as_ref(),
            },
            Predicate::Figures {
                cut: true,
                baseline,
                ..
            } => Shape::Cut {
                baseline: baseline.as_ref(),
            },
            Predicate::Figures { baseline, .. } => Shape::Level {
                baseline: baseline.as_ref(),
            },
        }
    }

    fn complete(self) -> Option<Said> {
        (self.predicate.is_some() && !self.subjects.is_empty()).then_some(self)
    }

    /// A value for each subject: figures paired in order (`分别…14.5%、20.5%`), or one for
    /// all (`均`, or a single subject), or the reference for all.
    fn values(&self) -> Result<Vec<Spanned<DeclaredValue>>, String> {
        let n = self.subjects.len();
        match self.predicate.as_ref().expect("complete") {
            Predicate::ByReference { span, .. } => {
                Ok(vec![Spanned::new(DeclaredValue::ByReference, *span); n])
            }
            Predicate::Figures { values, .. } if values.len() == n => Ok(values.clone()),
            Predicate::Figures { values, .. } if values.len() == 1 && self.all => {
                Ok(vec![values[0].clone(); n])
            }
            Predicate::Figures { values, .. } => Err(format!(
                "{} and {}, which do not pair one for one",
                count(n, "indicator"),
                count(values.len(), "figure")
            )),
        }
    }
}

/// `1 indicator`, `2 figures`.
fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        _ => format!("{n} {what}s"),
    }
}
