//! Every Chinese comparison word plancheck reads, at the bound itself, against every
//! comparison: 以上, 以下 and 以内 include the figure; 超过, 突破, 低于, 不足 and 不满
//! exclude it (domain README, "Reading Chinese comparison words"). Each word is read to its
//! qualifier, written into a plan, and judged end to end, both for an indicator where higher
//! is more ambitious (a share) and for a cap, where lower is (energy use in 万tce).

use plancheck::ast::{CHINESE_QUALIFIERS, Qualifier};
use plancheck::check::check;
use plancheck::finding::Outcome;
use plancheck::source::SourceFile;

const COMPARISONS: [&str; 5] = [">=", ">", "<=", "<", "=="];

/// What a word reads as, written by hand from the domain reference.
const READINGS: [(&str, &str); 11] = [
    ("左右", "around"),
    ("以上", "at_least"),
    ("不低于", "at_least"),
    ("超过", "more_than"),
    ("突破", "more_than"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("不高于", "at_most"),
    ("低于", "less_than"),
    ("不足", "less_than"),
    ("不满", "less_than"),
];

/// The verdicts of a declaration at the figure 65 against `>= 65`, `> 65`, `<= 65`, `< 65`
/// and `== 65`, by qualifier. A province commits to the least ambitious value it allows:
/// where higher is more ambitious, `at_least 65` commits to 65 and `more_than 65` to just
/// above it, while `at_most 65` and `less_than 65` commit to no lower bound at all.
fn expected(qualifier: &str, higher_is_better: bool) -> [bool; 5] {
    match (qualifier, higher_is_better) {
        ("around" | "exact", _) => [true, false, true, false, true],
        ("at_least", true) | ("at_most", false) => [true, false, true, false, true],
        ("more_than", true) => [true, true, false, false, false],
        ("less_than", false) => [false, false, true, true, false],
        ("at_most" | "less_than", true) => [false, false, true, true, false],
        ("at_least" | "more_than", false) => [true, true, false, false, false],
        _ => unreachable!("{qualifier}"),
    }
}

fn rules() -> String {
    let mut text = String::from(
        "indicator share { unit % ambition higher }\nindicator energy_use { unit 万tce ambition lower }\n",
    );
    for (i, op) in COMPARISONS.iter().enumerate() {
        text.push_str(&format!(
            "rule S{i} \"share {op} 65\" {{ kind floor require share by 2025 {op} 65 % }}\n\
             rule E{i} \"cap {op} 65\" {{ kind floor require energy_use by 2025 {op} 65 万tce }}\n"
        ));
    }
    text
}

/// The outcomes of the share rules and the cap rules on a plan declaring both at 65.
fn verdicts(qualifier: Qualifier) -> (Vec<bool>, Vec<bool>) {
    let q = qualifier.name();
    verdicts_of(&format!("{q} 65 %"), &format!("{q} 650000 吨标准煤"))
}

/// The outcomes of the share rules and the cap rules on a plan whose two values are
/// written as given.
fn verdicts_of(share: &str, cap: &str) -> (Vec<bool>, Vec<bool>) {
    let plan = format!(
        "province Beijing\ntarget share by 2025 {{ value {share} }}\n\
         target energy_use by 2025 {{ value {cap} }}\n"
    );
    let checked = check(
        vec![SourceFile::new("words.rules", rules())],
        vec![SourceFile::new("words.plan", plan)],
        Vec::new(),
        time::macros::date!(2026 - 12 - 02),
    );
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let rules = checked.rules.as_ref().unwrap();
    let outcomes = |prefix: char| {
        checked
            .findings
            .iter()
            .filter(|f| rules.rules[f.rule].id.starts_with(prefix))
            .map(|f| {
                assert!(
                    matches!(f.outcome, Outcome::Pass | Outcome::Fail),
                    "{}",
                    f.message
                );
                f.outcome == Outcome::Pass
            })
            .collect()
    };
    (outcomes('S'), outcomes('E'))
}

#[test]
fn every_word_reads_as_the_domain_reference_says() {
    assert_eq!(CHINESE_QUALIFIERS.len(), READINGS.len());
    for (word, reading) in READINGS {
        let q = Qualifier::from_chinese(word).unwrap_or_else(|| panic!("{word} is read"));
        assert_eq!(q.name(), reading, "{word}");
    }
    assert_eq!(Qualifier::from_chinese("大幅"), None);
}

/// The words a comparison follows its figure with; the others come before it.
const AFTER: [&str; 4] = ["左右", "以上", "以下", "以内"];

/// A plan file may say `value 65 % 以上` or `value 超过 65 %`, as the Chinese text does, and
/// it is judged as the English qualifier is; with no space after the unit too.
#[test]
fn the_plan_language_reads_each_word_where_chinese_puts_it() {
    for (word, reading) in READINGS {
        let q = Qualifier::from_chinese(word).unwrap();
        let english = verdicts(q);
        let written = match AFTER.contains(&word) {
            true => [format!("65 % {word}"), format!("650000 吨标准煤{word}")],
            false => [format!("{word} 65 %"), format!("{word}650000 吨标准煤")],
        };
        assert_eq!(
            verdicts_of(&written[0], &written[1]),
            english,
            "{word} ({reading})"
        );
        if AFTER.contains(&word) {
            let unspaced = verdicts_of(&format!("65%{word}"), &written[1]);
            assert_eq!(unspaced, english, "65%{word}");
        }
    }
}

/// 力争 before a value is `commitment strive`; with a comparison word after it too.
#[test]
fn strive_before_a_value_is_a_softer_commitment() {
    let plan = "province Beijing\ntarget share by 2025 { value 力争 65 % 以上 }\n";
    let ast = plancheck::syntax::parse_plan(plan).expect("parses");
    let target = &ast.targets[0];
    assert_eq!(
        target.commitment.as_ref().map(|c| c.node),
        Some(plancheck::ast::Commitment::Strive)
    );
    let written = format!("{:?}", target.value.as_ref().unwrap().node);
    assert!(written.contains("AtLeast"), "{written}");
    // Two words for one comparison are refused, not one of them silently kept.
    let twice = "province Beijing\ntarget share by 2025 { value 超过 65 % 以上 }\n";
    let errors = plancheck::syntax::parse_plan(twice).unwrap_err();
    assert!(
        errors[0].to_string().contains("two qualifiers"),
        "{}",
        errors[0]
    );
}

#[test]
fn every_word_at_the_bound_against_every_comparison() {
    for (word, reading) in READINGS {
        let qualifier = Qualifier::from_chinese(word).unwrap();
        let (share, cap) = verdicts(qualifier);
        for (higher, got) in [(true, share), (false, cap)] {
            let want = expected(reading, higher);
            for (i, op) in COMPARISONS.iter().enumerate() {
                assert_eq!(
                    got[i], want[i],
                    "{word} ({reading}) 65 against `{op} 65`, higher is better: {higher}"
                );
            }
        }
    }
}

#[test]
fn the_bound_itself_decides_inclusive_from_exclusive() {
    // (qualifier, judged as a share (else a cap), the first of the two comparisons looked
    // at: `>= 65` and `> 65`, or `<= 65` and `< 65`; what each gives, and why)
    let cases = [
        (
            Qualifier::AtLeast,
            true,
            0,
            [true, false],
            "65%以上 meets >= 65 but not > 65",
        ),
        (
            Qualifier::MoreThan,
            true,
            0,
            [true, true],
            "超过65% meets both",
        ),
        (
            Qualifier::AtMost,
            false,
            2,
            [true, false],
            "a cap 以内 65 meets <= 65 but not < 65",
        ),
        (
            Qualifier::LessThan,
            false,
            2,
            [true, true],
            "低于 65 meets both",
        ),
    ];
    for (qualifier, share, first, want, why) in cases {
        let (shares, caps) = verdicts(qualifier);
        let got = if share { shares } else { caps };
        assert_eq!([got[first], got[first + 1]], want, "{why}");
    }
}

#[test]
fn a_cap_committed_just_below_its_figure_is_not_at_the_figure() {
    let plan = "province Beijing\ntarget energy_use by 2025 { value less_than 65 万tce }\n";
    let checked = check(
        vec![SourceFile::new("words.rules", rules())],
        vec![SourceFile::new("words.plan", plan)],
        Vec::new(),
        time::macros::date!(2026 - 12 - 02),
    );
    let rules = checked.rules.as_ref().unwrap();
    let at_most = checked
        .findings
        .iter()
        .find(|f| rules.rules[f.rule].title == "cap <= 65")
        .unwrap();
    assert_eq!(at_most.outcome, Outcome::Pass);
    assert!(
        at_most
            .message
            .ends_with("met: less than the figure itself"),
        "{}",
        at_most.message
    );
}
