//! Reading a plan straight from its own Chinese text. The pipeline of the plan language,
//! for documents: the document is folded ([`fold`]) into the text the plan-text grammar
//! (`grammar/plantext.pest`) reads, its pairs lowered ([`lower`]) to the targets each
//! section states, and the sections merged ([`merge`]) into the same syntax tree a `.plan`
//! file gives, with every span pointing into the document.

pub mod docx;
pub mod fold;
mod lower;
mod merge;
mod note;
pub mod parser;
mod reading;

pub use lower::{Lowered, Section, Statement};
pub use merge::{Clause, Extracted};
pub use note::{Strict, TextNote};

use pest::Parser;

use crate::provinces::Province;

/// The forms of document plancheck reads targets from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Plain text, as copied from a page or a PDF.
    Text,
    /// A web page, read as a browser shows it; spans point into the HTML.
    Html,
    /// A Word document, read as the text of its paragraphs, one a line.
    Docx,
}

impl Form {
    /// The extensions of documents, in the order `check` lists them.
    pub const EXTENSIONS: [&str; 4] = ["txt", "html", "htm", "docx"];

    /// The form of a document, by its file name.
    pub fn of(name: &str) -> Option<Form> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Form::Text),
            "html" | "htm" => Some(Form::Html),
            "docx" => Some(Form::Docx),
            _ => None,
        }
    }
}

/// Every target a document states, section by section, with notes on what was not read.
pub fn statements(document: &str, form: Form, whose: Whose) -> Lowered {
    let folded = match form {
        Form::Text | Form::Docx => fold::fold(document),
        Form::Html => fold::fold_html(document),
    };
    let mut pairs = parser::PlanTextParser::parse(parser::Rule::document, &folded.text)
        .expect("grammar: every text is a document, read a character at a time where need be");
    lower::lower(pairs.next().expect("grammar: one document"), &folded, whose)
}

/// Whose plan a document is, where the caller knows: a province's (else the province the
/// document names first), or a city's. A city's plan takes its targets from its province
/// (`完成省上下达目标`), so such a target is read by reference, not noted as another
/// authority's.
#[derive(Debug, Clone, Copy, Default)]
pub enum Whose {
    #[default]
    Named,
    Province(Province),
    City(crate::cities::City),
}

impl Whose {
    fn province(self) -> Option<Province> {
        match self {
            Whose::Named => None,
            Whose::Province(p) => Some(p),
            Whose::City(c) => Some(c.province()),
        }
    }

    /// Whether an assignment by `assigner` is one this plan is bound to.
    fn bound_by(self, assigner: &str) -> bool {
        assigner == "国家" || matches!(self, Whose::City(_))
    }
}

/// The plan a document states, for whom `whose` says.
pub fn extract(document: &str, form: Form, whose: Whose) -> Result<Extracted, Vec<TextNote>> {
    if document
        .trim_start_matches(crate::source::BOM)
        .trim()
        .is_empty()
    {
        let span = (0, document.len()).into();
        return Err(vec![TextNote::Empty { span }]);
    }
    let quote = |clause: miette::SourceSpan| {
        let text = &document[clause.offset()..clause.offset() + clause.len()];
        match form {
            Form::Html => fold::visible_text(text),
            Form::Text | Form::Docx => text.to_string(),
        }
    };
    let lowered = statements(document, form, whose);
    merge::merge(lowered, whose, document.len(), &quote)
}
