//! Every diagnostic code plancheck reports, with its default level and its long explanation
//! (`plancheck explain CODE`). The explanations live in `src/codes/PCxxx.md`.

use crate::ast::Level;

/// What kind of problem a code names, which decides whether `allow` may suppress it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// A file that could not be read or parsed.
    Input,
    /// A name, unit or year that does not resolve: the rules or plan cannot be used.
    Resolve,
    /// A semantic check beyond parsing, which `allow CODE because "..."` may suppress.
    Lint,
    /// A problem found while checking plans (waivers).
    Check,
}

pub struct Code {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub kind: CodeKind,
    pub summary: &'static str,
    /// Markdown: what it does, why, and an example.
    pub doc: &'static str,
}

macro_rules! code {
    ($id:literal, $name:literal, $level:ident, $kind:ident, $summary:literal) => {
        Code {
            id: $id,
            name: $name,
            level: Level::$level,
            kind: CodeKind::$kind,
            summary: $summary,
            doc: include_str!(concat!("codes/", $id, ".md")),
        }
    };
}

pub static CODES: &[Code] = &[
    code!(
        "PC001",
        "unknown-indicator",
        Error,
        Resolve,
        "an indicator no rule file declares"
    ),
    code!(
        "PC002",
        "unknown-unit",
        Error,
        Resolve,
        "a unit plancheck does not know"
    ),
    code!(
        "PC003",
        "unknown-group",
        Error,
        Resolve,
        "a group of provinces not declared before its use"
    ),
    code!(
        "PC004",
        "unknown-province",
        Error,
        Resolve,
        "a name that is not one of the 31 provincial-level divisions"
    ),
    code!(
        "PC005",
        "unit-mismatch",
        Error,
        Resolve,
        "a unit of the wrong dimension for what it measures"
    ),
    code!(
        "PC006",
        "missing-baseline",
        Error,
        Resolve,
        "no baseline year where the indicator is measured from one"
    ),
    code!(
        "PC007",
        "unexpected-baseline",
        Error,
        Resolve,
        "a baseline year where the indicator has none"
    ),
    code!(
        "PC008",
        "baseline-not-before-year",
        Error,
        Resolve,
        "a baseline year not before the target year"
    ),
    code!(
        "PC009",
        "year-out-of-range",
        Warning,
        Lint,
        "a year outside 1950 to 2100"
    ),
    code!(
        "PC010",
        "duplicate-rule",
        Error,
        Resolve,
        "two rules with one identifier"
    ),
    code!(
        "PC011",
        "contradictory-rules",
        Error,
        Lint,
        "two rules on the same target that no value can both meet"
    ),
    code!(
        "PC012",
        "redundant-rule",
        Warning,
        Lint,
        "a rule that another rule on the same target implies"
    ),
    code!(
        "PC013",
        "missing-citation",
        Warning,
        Lint,
        "a rule that cites no source"
    ),
    code!(
        "PC014",
        "unknown-source",
        Error,
        Resolve,
        "a citation of a source that is not declared"
    ),
    code!(
        "PC015",
        "unused-indicator",
        Warning,
        Lint,
        "an indicator that no rule requires or accepts"
    ),
    code!(
        "PC016",
        "unused-source",
        Warning,
        Lint,
        "a source that no rule cites"
    ),
    code!(
        "PC017",
        "empty-scope",
        Warning,
        Lint,
        "a group or a rule's scope with no province in it"
    ),
    code!(
        "PC018",
        "empty-aggregate",
        Warning,
        Lint,
        "an aggregate over a scope that cannot declare its indicator"
    ),
    code!(
        "PC019",
        "unused-suppression",
        Warning,
        Lint,
        "an `allow` that suppresses nothing"
    ),
    code!(
        "PC020",
        "duplicate-declaration",
        Error,
        Resolve,
        "an indicator, source, group or waiver declared twice"
    ),
    code!(
        "PC021",
        "duplicate-target",
        Error,
        Resolve,
        "a target declared twice in one plan"
    ),
    code!(
        "PC022",
        "duplicate-plan",
        Error,
        Resolve,
        "two plans for one province in one run"
    ),
    code!(
        "PC023",
        "missing-year",
        Error,
        Resolve,
        "a target or requirement without the year it is for"
    ),
    code!(
        "PC024",
        "unexpected-year",
        Error,
        Resolve,
        "a target year given to an indicator that is itself a year"
    ),
    code!(
        "PC025",
        "reversed-bounds",
        Error,
        Resolve,
        "`between` with its bounds the wrong way round"
    ),
    code!(
        "PC026",
        "conversion-overflow",
        Error,
        Resolve,
        "a value too large to hold once converted"
    ),
    code!(
        "PC027",
        "bad-stand-in",
        Error,
        Resolve,
        "an `accept` of an indicator that cannot stand in"
    ),
    code!(
        "PC028",
        "kind-mismatch",
        Error,
        Resolve,
        "a rule kind that does not fit its scope or condition"
    ),
    code!(
        "PC029",
        "negative-tolerance",
        Error,
        Resolve,
        "an `around` tolerance below zero"
    ),
    code!(
        "PC030",
        "unknown-rule",
        Error,
        Resolve,
        "a waiver of a rule that does not exist"
    ),
    code!(
        "PC031",
        "expired-waiver",
        Error,
        Check,
        "a waiver past its expiry date"
    ),
    code!(
        "PC032",
        "unused-waiver",
        Warning,
        Check,
        "a waiver with nothing to cover"
    ),
    code!(
        "PC033",
        "bad-suppression",
        Error,
        Resolve,
        "an `allow` of a code that does not exist or cannot be allowed"
    ),
    code!(
        "PC034",
        "negative-amount",
        Error,
        Resolve,
        "a capacity or stock below zero"
    ),
    code!(
        "PC035",
        "duplicate-assignment",
        Error,
        Resolve,
        "a province given two rows, or a target given two assignments"
    ),
    code!(
        "PC036",
        "unknown-assignment",
        Error,
        Resolve,
        "`as assigned` where no assignment gives figures for the target"
    ),
    code!(
        "PC037",
        "bad-assigned-row",
        Error,
        Resolve,
        "a row of an assignment whose figures do not fit its status"
    ),
    code!(
        "PC038",
        "incentive-below-basic",
        Error,
        Lint,
        "an incentive figure less ambitious than the basic figure of its row"
    ),
    code!(
        "PC039",
        "replaces-bundled-plan",
        Note,
        Resolve,
        "a plan checked in place of the bundled plan of its province"
    ),
    code!(
        "PC040",
        "unknown-city",
        Error,
        Resolve,
        "a plan's city that is no division of its province"
    ),
    code!(
        "PC100",
        "unreadable-file",
        Error,
        Input,
        "a file that cannot be read"
    ),
    code!(
        "PC101",
        "not-utf8",
        Error,
        Input,
        "a file that is not UTF-8"
    ),
    code!(
        "PC102",
        "empty-file",
        Error,
        Input,
        "a file with nothing but whitespace and comments"
    ),
    code!(
        "PC103",
        "syntax-error",
        Error,
        Input,
        "text that does not parse"
    ),
    code!(
        "PC104",
        "too-deep",
        Error,
        Input,
        "brackets nested deeper than 64 levels"
    ),
    code!(
        "PC105",
        "too-large",
        Error,
        Input,
        "a file larger than 32 MiB, or a plan with more than 100,000 targets"
    ),
    code!(
        "PC106",
        "number-out-of-range",
        Error,
        Input,
        "a number that cannot be held exactly"
    ),
    code!(
        "PC107",
        "bad-year",
        Error,
        Input,
        "a year that is not a whole four-digit year"
    ),
    code!(
        "PC108",
        "bad-date",
        Error,
        Input,
        "a date that does not exist or is not YYYY-MM-DD"
    ),
    code!(
        "PC109",
        "duplicate-field",
        Error,
        Input,
        "a field given twice in one block"
    ),
    code!(
        "PC110",
        "missing-field",
        Error,
        Input,
        "a required field left out"
    ),
    code!(
        "PC111",
        "json-wrong-type",
        Error,
        Input,
        "a JSON value of the wrong type"
    ),
    code!(
        "PC112",
        "json-unknown-field",
        Error,
        Input,
        "a JSON field the plan format does not have"
    ),
    code!(
        "PC113",
        "value-with-reference",
        Error,
        Input,
        "a `by_reference` target that gives a value or unit"
    ),
    code!(
        "PC114",
        "unknown-word",
        Error,
        Input,
        "a qualifier, commitment or status word that does not exist"
    ),
    code!(
        "PC115",
        "wrong-kind-of-file",
        Error,
        Input,
        "a file that is not a plan, a rule file or a test file"
    ),
    code!(
        "PC116",
        "nothing-found",
        Error,
        Input,
        "a folder with no files of the kind wanted"
    ),
    code!(
        "PC117",
        "empty-text",
        Error,
        Input,
        "a reason or an approver that is empty, or only whitespace and invisible characters"
    ),
    code!(
        "PC118",
        "outside-root",
        Error,
        Input,
        "a plan file named by a test that lies outside the test's folder"
    ),
    code!(
        "PC119",
        "link-outside",
        Warning,
        Input,
        "a link in a scanned folder that leads outside the folders given"
    ),
    code!(
        "PC120",
        "possible-target-not-read",
        Note,
        Input,
        "a sentence of a document that looks like a target but was not read"
    ),
    code!(
        "PC121",
        "look-alike-in-text",
        Note,
        Input,
        "a target in a document about something that resembles a national indicator"
    ),
    code!(
        "PC122",
        "stated-twice",
        Note,
        Input,
        "a target a document states twice; one is checked"
    ),
    code!(
        "PC123",
        "no-province",
        Error,
        Input,
        "a document that names no province"
    ),
    code!(
        "PC124",
        "no-target-read",
        Error,
        Input,
        "a document from which no target could be read"
    ),
    code!(
        "PC125",
        "no-scenario",
        Error,
        Input,
        "a record of a JSON Lines file that names no scenario"
    ),
    code!(
        "PC126",
        "scenario-split",
        Error,
        Input,
        "a scenario whose records are not one run of lines"
    ),
    code!(
        "PC127",
        "plan-below-province",
        Error,
        Input,
        "a document that takes its targets from its province, read as the province's plan"
    ),
];

/// The code with this identifier (case does not matter).
pub fn find(id: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.id.eq_ignore_ascii_case(id))
}

/// The code with this identifier or name (`unused-indicator`), for `explain`.
pub fn find_word(word: &str) -> Option<&'static Code> {
    find(word).or_else(|| CODES.iter().find(|c| c.name == word))
}

/// The code with the number `word` writes, whatever its zeros: `PC0015` and `pc15` are
/// PC015. For a suggestion: a code is written with three digits.
pub fn same_number(word: &str) -> Option<&'static Code> {
    let digits = word
        .get(..2)?
        .eq_ignore_ascii_case("PC")
        .then(|| &word[2..])?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    find(&format!("PC{number:03}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_found_by_its_number_whatever_its_zeros() {
        assert_eq!(same_number("PC0015").map(|c| c.id), Some("PC015"));
        assert_eq!(same_number("pc15").map(|c| c.id), Some("PC015"));
        assert!(same_number("PC9999").is_none());
        assert!(same_number("PCx15").is_none());
        assert!(same_number("P").is_none());
    }

    #[test]
    fn codes_are_unique_and_in_order() {
        for pair in CODES.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
    }

    #[test]
    fn every_doc_is_titled_with_its_code_and_name() {
        for code in CODES {
            let title = format!("# {}: {}", code.id, code.name);
            assert!(
                code.doc.starts_with(&title),
                "{} starts with `{title}`",
                code.id
            );
        }
    }
}
