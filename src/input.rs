//! Reading input files: size limits, UTF-8, and folders walked in a stable order.

use std::path::{Path, PathBuf};

use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

use crate::problem::Problem;
use crate::source::SourceFile;

/// Far beyond any real plan or rule file, and small enough to read into memory.
pub const MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(code(PC100))]
    Unreadable { path: String, reason: String },

    #[error("`{path}` is not valid UTF-8")]
    #[diagnostic(
        code(PC101),
        help("save the file as UTF-8; plancheck reads Chinese text only in UTF-8")
    )]
    NotUtf8 {
        path: String,
        #[label("this byte does not begin a UTF-8 character")]
        span: SourceSpan,
    },

    #[error("`{path}` is neither UTF-8 nor GB18030 (GBK) nor Big5 text")]
    #[diagnostic(
        code(PC101),
        help(
            "a document is read as UTF-8, or as GB18030 or Big5 where its bytes are that; this file looks like neither, perhaps not text at all"
        )
    )]
    NotText {
        path: String,
        #[label("this byte is not text")]
        span: SourceSpan,
    },

    #[error("`{path}` holds a control byte, which no text has")]
    #[diagnostic(
        code(PC101),
        help(
            "a document's text has no control characters but tabs, line ends and page breaks; this may be a binary file, or text that a tool corrupted"
        )
    )]
    ControlByte {
        path: String,
        #[label("this byte is a control character")]
        span: SourceSpan,
    },

    #[error("`{path}` cannot be read as a Word document: {reason}")]
    #[diagnostic(
        code(PC101),
        help("save the document as .docx (Word 2007 or later), or copy its text into a .txt file")
    )]
    NotDocx { path: String, reason: String },

    #[error("`{path}` is {size} bytes, more than the limit of {limit} bytes")]
    #[diagnostic(code(PC105), help("split the input into smaller files"))]
    TooLarge { path: String, size: u64, limit: u64 },

    #[error("`{path}` is not a {what}")]
    #[diagnostic(code(PC115), help("{help}"))]
    WrongKind {
        path: String,
        what: String,
        help: String,
    },

    #[error("`{path}` holds no {what}")]
    #[diagnostic(code(PC116))]
    NothingFound { path: String, what: String },

    #[error("`{path}` has {more} more problems, not shown")]
    #[diagnostic(
        code(PC105),
        help("only the first {shown} problems of a file are shown; fix those and run again")
    )]
    MoreProblems {
        path: String,
        more: usize,
        shown: usize,
    },

    #[error("this record names no scenario")]
    #[diagnostic(
        code(PC125),
        help(
            "with --scenarios, each line of a .jsonl file is a plan with a `scenario` field (a string) naming its set"
        )
    )]
    NoScenario {
        #[label("{label}")]
        span: SourceSpan,
        label: String,
    },

    #[error("the records of scenario `{scenario}` are not together: it began at {first}")]
    #[diagnostic(
        code(PC126),
        help(
            "a scenario's records are one run of lines, so that each set is checked as it is read; sort the file by scenario (the order within a scenario is kept)"
        )
    )]
    ScenarioSplit {
        scenario: String,
        first: String,
        #[label("scenario `{scenario}` again, after another")]
        span: SourceSpan,
    },

    #[error("`{path}` is outside `{root}`, so it is not read")]
    #[diagnostic(
        code(PC118),
        help(
            "a test reads plan files from its own folder or below (or from the folder given with `--root`)"
        )
    )]
    OutsideRoot { path: String, root: String },

    #[error("skipped `{path}`: it links to `{target}`, outside the folders given")]
    #[diagnostic(
        code(PC119),
        severity(Warning),
        help(
            "a link in a scanned folder is followed only within the folders named; name the file itself to read it"
        )
    )]
    LinkOutside { path: String, target: String },
}

/// Whether `path` lies inside the folder `root`, once every link is followed; a path that
/// does not exist is judged by its components (no `..` past the root).
pub fn lies_inside(root: &Path, path: &Path) -> bool {
    let (Ok(root), Ok(absolute)) = (absolute(root), absolute(path)) else {
        return false;
    };
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    match std::fs::canonicalize(&absolute) {
        Ok(real) => real.starts_with(&root),
        Err(_) => absolute.starts_with(&root),
    }
}

/// `path` from the root of the file system, with `.` and `..` taken out as written.
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let mut out = PathBuf::new();
    for part in std::path::absolute(path)?.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// Reads a file whole; the name shown in diagnostics is the path as given.
pub fn read_source(path: &Path) -> Result<SourceFile, Problem> {
    let name = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        Problem::without_file(InputError::Unreadable {
            path: name.clone(),
            reason: e.to_string(),
        })
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(Problem::without_file(InputError::Unreadable {
            path: name,
            reason: "not a regular file".into(),
        }));
    }
    let size = metadata.len();
    if size > MAX_FILE_SIZE {
        return Err(Problem::without_file(InputError::TooLarge {
            path: name,
            size,
            limit: MAX_FILE_SIZE,
        }));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    from_bytes(name, bytes)
}

/// Standard input, read whole and named `name` in diagnostics: its extension says what it
/// is, as a file's does.
pub fn read_stdin(name: &str) -> Result<SourceFile, Problem> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return Err(Problem::without_file(InputError::Unreadable {
            path: name.to_string(),
            reason: e.to_string(),
        }));
    }
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Problem::without_file(InputError::TooLarge {
            path: name.to_string(),
            size: bytes.len() as u64,
            limit: MAX_FILE_SIZE,
        }));
    }
    from_bytes(name.to_string(), bytes)
}

/// A file's text from its bytes, decoded as its name's extension says.
fn from_bytes(name: String, bytes: Vec<u8>) -> Result<SourceFile, Problem> {
    let path = Path::new(&name);
    if has_extension(path, &["docx"]) {
        return crate::plantext::docx::text_of(&bytes)
            .map(|text| SourceFile::new(name.clone(), text))
            .map_err(|reason| Problem::without_file(InputError::NotDocx { path: name, reason }));
    }
    if has_extension(path, &crate::plantext::Form::EXTENSIONS) {
        return decode_document(name, bytes);
    }
    decode(name, bytes)
}

/// A document's text: UTF-8, or GB18030 (of which GBK is part) or Big5, which Chinese
/// government files often are, as chardetng guesses from the bytes. Spans then point into
/// the decoded text, whose lines and columns are the file's.
pub fn decode_document(name: String, bytes: Vec<u8>) -> Result<SourceFile, Problem> {
    let not_text = |at: usize, control: bool| {
        let shown = SourceFile::new(name.clone(), String::from_utf8_lossy(&bytes).into_owned());
        let (path, span) = (name.clone(), (at, 1).into());
        let error = match control {
            true => InputError::ControlByte { path, span },
            false => InputError::NotText { path, span },
        };
        Err(Problem::new(&shown, error))
    };
    // A NUL or another C0 control but tab, line ends and the form feed (a page break, as
    // pdftotext writes one) is no text in any encoding, UTF-8 among them.
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c');
    if let Some(at) = bytes.iter().position(control) {
        return not_text(at, true);
    }
    if std::str::from_utf8(&bytes).is_ok() {
        return decode(name, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes, true);
    // No top-level domain as a hint: `cn` would pull Big5 (traditional) text to GBK, which
    // decodes it without an error into other characters.
    let encoding = detector.guess(None, true);
    let chinese = [encoding_rs::GBK, encoding_rs::GB18030, encoding_rs::BIG5];
    let decoded = chinese
        .contains(&encoding)
        .then(|| encoding.decode_without_bom_handling_and_without_replacement(&bytes))
        .flatten();
    match decoded {
        Some(text) => Ok(SourceFile::new(name, text.into_owned())),
        None => not_text(
            std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| 0),
            false,
        ),
    }
}

/// UTF-8 text, or a diagnostic at the first byte that is not.
pub fn decode(name: String, bytes: Vec<u8>) -> Result<SourceFile, Problem> {
    decode_on_line(name, bytes, 1)
}

/// [`decode`] for text that starts on line `line` of the file `name`: a record of a JSON
/// Lines file.
pub fn decode_on_line(name: String, bytes: Vec<u8>, line: usize) -> Result<SourceFile, Problem> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::on_line(name, text, line)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let shown = SourceFile::on_line(name.clone(), text, line);
            Err(Problem::new(
                &shown,
                InputError::NotUtf8 {
                    path: name,
                    span: (at, 1).into(),
                },
            ))
        }
    }
}

/// The files to read for the paths named on the command line.
#[derive(Debug, Default)]
pub struct Expanded {
    pub files: Vec<PathBuf>,
    /// What could not be read: the run stops.
    pub problems: Vec<Problem>,
    /// Links skipped because they lead outside the folders named (PC119): warnings.
    pub skipped: Vec<Problem>,
}

/// The files named, with folders replaced by the files in them (recursively) whose
/// extension is one of `exts`, all sorted by path. A link found in a folder is read only
/// where it leads inside one of the folders named.
pub fn expand(paths: &[PathBuf], exts: &[&str], what: &str) -> Expanded {
    let mut out = Expanded::default();
    let roots: Vec<&Path> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| p.as_path())
        .collect();
    let (files, problems) = (&mut out.files, &mut out.problems);
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            walk(path, (exts, &roots), files, (problems, &mut out.skipped));
            if files.len() == before {
                problems.push(Problem::without_file(InputError::NothingFound {
                    path: path.display().to_string(),
                    what: format!(
                        "{what} (files ending in {})",
                        exts.iter()
                            .map(|e| format!(".{e}"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                }));
            }
        } else {
            files.push(path.clone());
        }
    }
    // Sorted, so that the same inputs named in any order give the same output, byte for
    // byte; then a file named twice (or reached twice) is read once, under its first name.
    files.sort();
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    out
}

fn walk(
    dir: &Path,
    (exts, roots): (&[&str], &[&Path]),
    files: &mut Vec<PathBuf>,
    (problems, skipped): (&mut Vec<Problem>, &mut Vec<Problem>),
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return problems.push(Problem::without_file(InputError::Unreadable {
                path: dir.display().to_string(),
                reason: e.to_string(),
            }));
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Folders reached through links are not followed: a link loop would never end.
        let real_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if real_dir {
            walk(&path, (exts, roots), files, (problems, &mut *skipped));
        } else if has_extension(&path, exts) && !path.is_dir() {
            if link && !roots.iter().any(|root| lies_inside(root, &path)) {
                skipped.push(Problem::without_file(InputError::LinkOutside {
                    path: path.display().to_string(),
                    target: std::fs::read_link(&path)
                        .map(|t| t.display().to_string())
                        .unwrap_or_default(),
                }));
                continue;
            }
            files.push(path);
        }
    }
}

pub fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// A file whose extension is none of `exts`: refused rather than guessed at.
pub fn wrong_kind(path: &str, exts: &[&str], what: &str) -> Problem {
    let listed: Vec<String> = exts.iter().map(|e| format!("`.{e}`")).collect();
    Problem::without_file(InputError::WrongKind {
        path: path.to_string(),
        what: what.trim_end_matches('s').to_string(),
        help: format!("{what} end in {}", listed.join(" or ")),
    })
}
