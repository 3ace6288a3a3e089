//! `plancheck extract`: the plan a Chinese document states, as a `.plan` file or as JSON.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use plancheck::plantext::{self, Form, Strict, TextNote};
use plancheck::problem::Problem;
use plancheck::provinces::Province;
use plancheck::render::{render_extracted_json, render_extracted_plan, render_problems};
use plancheck::source::SourceFile;

use super::{BAD_INPUT, Color, OK, write_stdout};

#[derive(Args)]
pub struct ExtractArgs {
    /// The document: a plan's text in Chinese, as text (.txt), a web page (.html) or Word (.docx)
    document: PathBuf,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Plan)]
    format: Format,

    /// The province the plan is of, where the document does not name it first
    #[arg(long, value_parser = parse_province)]
    province: Option<Province>,

    /// Make a sentence that looks like a target but was not read an error (exit 2)
    #[arg(long)]
    strict: bool,

    /// When to use colour in diagnostics
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The plan language, in `fmt`'s layout
    Plan,
    /// The JSON interchange format
    Json,
}

fn parse_province(name: &str) -> Result<Province, String> {
    Province::lookup(name).ok_or_else(|| {
        let hint =
            Province::suggest(name).map_or(String::new(), |s| format!("; did you mean `{s}`?"));
        format!("`{name}` is not a province{hint}")
    })
}

pub fn run(args: ExtractArgs) -> u8 {
    let file = match plancheck::input::read_source(&args.document) {
        Ok(file) => file,
        Err(problem) => return fail(&[problem], &args),
    };
    let Some(form) = Form::of(file.name()) else {
        let name = plancheck::render::escape::line(file.name()).into_owned();
        eprintln!(
            "error: `{name}` is not a document plancheck reads: its name ends in .txt, .html, .htm or .docx"
        );
        return BAD_INPUT;
    };
    match plantext::extract(file.text(), form, args.province) {
        Ok(extracted) => {
            let notes = problems(&file, extracted.notes.clone(), args.strict);
            let errors = notes.iter().any(|p| p.level() == miette::Severity::Error);
            eprint!("{}", render_problems(&notes, &args.color.human(false)));
            if errors {
                eprintln!(
                    "error: no plan is written while a possible target is not read (--strict)"
                );
                return BAD_INPUT;
            }
            write_stdout(&match args.format {
                Format::Plan => render_extracted_plan(&extracted, &file),
                Format::Json => render_extracted_json(&extracted, &file),
            });
            OK
        }
        Err(notes) => fail(&problems(&file, notes, args.strict), &args),
    }
}

/// The notes as problems, not capped: the line counting problems past the cap would be an
/// error, and notes leave the exit code alone.
fn problems(file: &SourceFile, notes: Vec<TextNote>, strict: bool) -> Vec<Problem> {
    let each = notes.into_iter().map(|note| match note {
        TextNote::NotRead { .. } if strict => Problem::new(file, Strict(note)),
        _ => Problem::new(file, note),
    });
    each.collect()
}

fn fail(problems: &[Problem], args: &ExtractArgs) -> u8 {
    eprint!("{}", render_problems(problems, &args.color.human(false)));
    BAD_INPUT
}
