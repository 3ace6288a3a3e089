//! `plancheck extract`: the plan a Chinese document states, as a `.plan` file or as JSON.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use plancheck::cities::City;
use plancheck::plantext::{self, Form, Strict, TextNote, Whose};
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

    /// The city (or prefecture, or district of a municipality) the plan is of, in Chinese or
    /// English: its targets `完成省上下达目标` are read by reference to its province's
    #[arg(long)]
    city: Option<String>,

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

/// Whose plan the options say the document is: `--city` among the divisions of
/// `--province` if given, else of every province, where the name must be one division's.
fn whose(args: &ExtractArgs) -> Result<Whose, String> {
    let Some(name) = &args.city else {
        return Ok(args.province.map_or(Whose::Named, Whose::Province));
    };
    let mut found = City::named(name);
    if let Some(p) = args.province {
        found.retain(|c| c.province() == p);
    }
    let place = |c: &City| format!("{} ({})", c.english(), c.province().english());
    match found.as_slice() {
        [city] => Ok(Whose::City(*city)),
        [] => {
            let of = args
                .province
                .map_or(String::new(), |p| format!(" of {}", p.english()));
            let within = |c: &City| args.province.is_none_or(|p| c.province() == p);
            let names = City::all()
                .filter(within)
                .flat_map(|c| [c.english(), c.chinese()]);
            let hint = plancheck::suggest::did_you_mean(name, names)
                .map_or(String::new(), |d| format!(": {d}"));
            Err(format!(
                "`{name}` is not a division{of} plancheck knows (a prefecture-level division, or a district or county of a municipality; a development zone has no GB/T 2260 code){hint}"
            ))
        }
        many => {
            let all: Vec<String> = many.iter().map(place).collect();
            Err(format!(
                "`{name}` names {}: say which with `--province`",
                all.join(" and ")
            ))
        }
    }
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
    let whose = match whose(&args) {
        Ok(whose) => whose,
        Err(message) => {
            eprintln!("error: {message}");
            return BAD_INPUT;
        }
    };
    match plantext::extract(file.text(), form, whose) {
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
