//! A problem with the input, as reported: a stage's error attached to the file it is in.
//! Stages return errors that know only byte spans; this is where they meet their text.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode, SourceSpan};

use crate::source::SourceFile;

pub struct Problem {
    file: Option<SourceFile>,
    error: Box<dyn Diagnostic + Send + Sync>,
    related: Vec<Problem>,
}

impl Problem {
    pub fn new(file: &SourceFile, error: impl Diagnostic + Send + Sync + 'static) -> Problem {
        Problem {
            file: Some(file.clone()),
            error: Box::new(error),
            related: Vec::new(),
        }
    }

    /// A problem with no text to show, such as a file that could not be opened.
    pub fn without_file(error: impl Diagnostic + Send + Sync + 'static) -> Problem {
        Problem {
            file: None,
            error: Box::new(error),
            related: Vec::new(),
        }
    }

    /// Adds a diagnostic in another file, such as the first of two duplicates.
    pub fn with_related(mut self, related: Problem) -> Problem {
        self.related.push(related);
        self
    }

    pub fn file(&self) -> Option<&SourceFile> {
        self.file.as_ref()
    }

    pub fn code_string(&self) -> String {
        self.error.code().map(|c| c.to_string()).unwrap_or_default()
    }

    /// The span the problem is about: the primary label, else the first one.
    pub fn primary_span(&self) -> Option<SourceSpan> {
        let labels: Vec<LabeledSpan> = self.error.labels()?.collect();
        labels
            .iter()
            .find(|l| l.primary())
            .or(labels.first())
            .map(|l| *l.inner())
    }

    pub fn level(&self) -> Severity {
        self.error.severity().unwrap_or(Severity::Error)
    }
}

/// The first [`MAX_PROBLEMS`](crate::syntax::MAX_PROBLEMS) problems of one file, and one
/// more saying how many were left out.
pub fn capped(mut problems: Vec<Problem>, file: &SourceFile) -> Vec<Problem> {
    let shown = crate::syntax::MAX_PROBLEMS;
    if problems.len() > shown {
        let more = problems.len() - shown;
        problems.truncate(shown);
        problems.push(Problem::without_file(
            crate::input::InputError::MoreProblems {
                path: file.name().to_string(),
                more,
                shown,
            },
        ));
    }
    problems
}

impl fmt::Debug for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("file", &self.file.as_ref().map(SourceFile::name))
            .field("code", &self.code_string())
            .field("message", &self.error.to_string())
            .finish()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl std::error::Error for Problem {}

impl Diagnostic for Problem {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.error.code()
    }

    fn severity(&self) -> Option<Severity> {
        self.error.severity()
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.error.help()
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.error.url()
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.file.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let labels = self.error.labels()?;
        match &self.file {
            Some(file) => Some(Box::new(labels.map(|l| file.shown_label(l)))),
            None => Some(labels),
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return self.error.related();
        }
        Some(Box::new(self.related.iter().map(|p| p as &dyn Diagnostic)))
    }
}
