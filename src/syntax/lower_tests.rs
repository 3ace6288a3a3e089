//! Lowering a rule-test file's pairs to [`TestFile`].

use super::SyntaxError;
use super::expected::is_keyword;
use super::lower::*;
use super::lower_plan::lower_plan_items;
use super::parser::Rule;
use crate::ast::*;

/// Parses a whole rule-test file, returning every error found in it.
pub fn parse_tests(text: &str) -> Result<TestFile, Vec<SyntaxError>> {
    let top = parse_top(Rule::tests_file, text).map_err(|e| vec![e])?;
    let mut file = TestFile::default();
    let mut errors = Vec::new();
    for item in top.into_inner() {
        if item.as_rule() == Rule::test_decl {
            file.tests.push(lower_test(item, &mut errors));
        }
    }
    if file.tests.is_empty() && errors.is_empty() {
        errors.push(empty_file(
            text,
            "a test file holds `test \"name\" { plan { ... } expect RULE OUTCOME }`",
        ));
    }
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

fn parts(pair: Pair) -> impl Iterator<Item = Pair> {
    pair.into_inner().filter(|p| !is_keyword(p.as_rule()))
}

fn lower_test(pair: Pair, errors: &mut Vec<SyntaxError>) -> TestDecl {
    let mut children = parts(pair);
    let name = lower_string(children.next().expect("grammar: a test has a name"));
    let mut test = TestDecl {
        head: Loc(name.span),
        name,
        plans: Vec::new(),
        expects: Vec::new(),
    };
    for field in children {
        let at = span(&field);
        match field.as_rule() {
            Rule::plan_block => match lower_plan_items(parts(field), errors) {
                Some(plan) => test.plans.push(TestPlan::Inline(Box::new(plan))),
                None => errors.push(missing(
                    &test,
                    "province",
                    at,
                    "an inline plan names its province",
                )),
            },
            Rule::plan_path => {
                let path = lower_string(parts(field).next().expect("grammar: a plan path"));
                test.plans.push(TestPlan::File(path));
            }
            _ => match lower_expect(field) {
                Ok(expect) => test.expects.push(expect),
                Err(e) => errors.push(e),
            },
        }
    }
    let head = test.head.span();
    if test.plans.is_empty() {
        errors.push(missing(
            &test,
            "plan",
            head,
            "give the plan to check: `plan { province X ... }` or `plan \"file.plan\"`",
        ));
    }
    if test.expects.is_empty() {
        errors.push(missing(
            &test,
            "expect",
            head,
            "say what must come out: `expect EI-2025 pass`",
        ));
    }
    test
}

fn missing(test: &TestDecl, field: &str, span: miette::SourceSpan, help: &str) -> SyntaxError {
    SyntaxError::MissingField {
        field: field.to_string(),
        context: format!("test \"{}\"", test.name.node),
        span,
        help: Some(help.to_string()),
    }
}

fn lower_expect(pair: Pair) -> Result<Expectation, SyntaxError> {
    let at = Loc(span(&pair));
    let mut children = parts(pair).peekable();
    let rule = text(&children.next().expect("grammar: expect has a rule"));
    let province = children
        .next_if(|p| p.as_rule() == Rule::province_name)
        .map(lower_name);
    let outcome = children.next().expect("grammar: expect has an outcome");
    let outcome = Spanned::new(lower_outcome(&outcome), span(&outcome));
    let margin = match children.next() {
        Some(clause) => Some(lower_quantity(parts(clause))?),
        None => None,
    };
    Ok(Expectation {
        rule,
        province,
        outcome,
        margin,
        at,
    })
}

fn lower_outcome(pair: &Pair) -> ExpectedOutcome {
    let keyword = pair
        .clone()
        .into_inner()
        .next()
        .expect("grammar: an outcome word");
    match keyword.as_rule() {
        Rule::kw_pass => ExpectedOutcome::Pass,
        Rule::kw_fail => ExpectedOutcome::Fail,
        Rule::kw_undeclared => ExpectedOutcome::Undeclared,
        Rule::kw_waived => ExpectedOutcome::Waived,
        Rule::kw_reaches_benchmark => ExpectedOutcome::ReachesBenchmark,
        Rule::kw_short_of_benchmark => ExpectedOutcome::ShortOfBenchmark,
        _ => ExpectedOutcome::NotCheckable,
    }
}
