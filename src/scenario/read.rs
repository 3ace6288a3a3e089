//! Plan sets, read one at a time from the paths given: a folder's sub-folders (each a set,
//! and the plans loose in the folder one more), the scenarios of a JSON Lines file (one
//! plan a line, a `scenario` field naming its set), or a plan file on its own.

use std::collections::{HashMap, VecDeque};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::input::{self, InputError};
use crate::problem::Problem;
use crate::source::SourceFile;
use crate::syntax::{self, RecordScenario};

/// Plans checked together, as if they were the only ones given.
pub struct PlanSet {
    pub name: String,
    pub files: Vec<SourceFile>,
    /// What could not be read of the set: reported with its findings.
    pub problems: Vec<Problem>,
}

/// The sets of the paths given, read as they are asked for.
pub struct SetReader {
    pending: VecDeque<Pending>,
    exts: &'static [&'static str],
    /// Problems that belong to no set: a path that cannot be read, a record that names no
    /// scenario, a scenario whose records are not together.
    pub problems: Vec<Problem>,
    /// Where each scenario of a JSON Lines file began, to refuse one that begins again.
    begun: HashMap<String, (String, usize)>,
}

enum Pending {
    /// A folder whose plans (in it and below) are one set.
    Folder(PathBuf),
    /// Plan files that are one set, under this name.
    Files(String, Vec<PathBuf>),
    /// A JSON Lines file not yet opened.
    LinesAt(PathBuf),
    Lines(Lines),
}

struct Lines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    /// The number of the last line read, and the bytes read before the next.
    line: usize,
    bytes: usize,
    records: usize,
    /// The first record of the next set, read past the end of the last.
    ahead: Option<Record>,
}

struct Record {
    scenario: String,
    /// Where the record names its scenario.
    named_at: (usize, usize),
    file: SourceFile,
}

/// Whether a path is a JSON Lines file.
pub fn is_json_lines(path: &Path) -> bool {
    input::has_extension(path, &["jsonl"])
}

impl SetReader {
    /// The sets of `paths`, whose plan files end in one of `exts`.
    pub fn new(paths: &[PathBuf], exts: &'static [&'static str]) -> SetReader {
        let mut reader = SetReader {
            pending: VecDeque::new(),
            exts,
            problems: Vec::new(),
            begun: HashMap::new(),
        };
        // In the order of their paths, whatever the order they are named in, so that a
        // scenario named in two files is refused in the same one.
        let mut paths = paths.to_vec();
        paths.sort();
        paths.dedup();
        for path in &paths {
            if !path.exists() {
                let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
                reader.problems.push(unreadable(path, &missing));
            } else if path.is_dir() {
                reader.add_folder(path);
            } else if is_json_lines(path) {
                reader.pending.push_back(Pending::LinesAt(path.clone()));
            } else {
                let name = path.display().to_string();
                reader
                    .pending
                    .push_back(Pending::Files(name, vec![path.clone()]));
            }
        }
        reader
    }

    /// A folder's sets: the plans loose in it, then each sub-folder and JSON Lines file in
    /// the order of their names.
    fn add_folder(&mut self, dir: &Path) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(e) => return self.problems.push(unreadable(dir, &e)),
        };
        entries.sort();
        let loose: Vec<PathBuf> = entries
            .iter()
            .filter(|p| !p.is_dir() && input::has_extension(p, self.exts))
            .cloned()
            .collect();
        if !loose.is_empty() {
            let name = dir.display().to_string();
            self.pending.push_back(Pending::Files(name, loose));
        }
        let before = self.pending.len();
        for path in entries {
            if path.is_dir() {
                self.pending.push_back(Pending::Folder(path));
            } else if is_json_lines(&path) {
                self.pending.push_back(Pending::LinesAt(path));
            }
        }
        if self.pending.len() == before && before == 0 {
            self.problems
                .push(Problem::without_file(InputError::NothingFound {
                    path: dir.display().to_string(),
                    what: "plan sets (sub-folders, plans or .jsonl files)".into(),
                }));
        }
    }

    fn read_files(&self, name: String, paths: Vec<PathBuf>) -> PlanSet {
        let mut set = PlanSet {
            name,
            files: Vec::new(),
            problems: Vec::new(),
        };
        for path in paths {
            if !input::has_extension(&path, self.exts) {
                set.problems.push(input::wrong_kind(
                    &path.display().to_string(),
                    self.exts,
                    "plans",
                ));
                continue;
            }
            match input::read_source(&path) {
                Ok(file) => set.files.push(file),
                Err(problem) => set.problems.push(problem),
            }
        }
        set
    }

    fn read_folder(&self, dir: PathBuf) -> PlanSet {
        let mut exts = self.exts.to_vec();
        exts.push("jsonl");
        let expanded = input::expand(std::slice::from_ref(&dir), &exts, "plans");
        // A JSON Lines file holds sets of its own; inside a set's folder it is refused, not
        // passed over.
        let (lines, files): (Vec<PathBuf>, Vec<PathBuf>) =
            expanded.files.into_iter().partition(|p| is_json_lines(p));
        let mut set = self.read_files(dir.display().to_string(), files);
        set.problems
            .extend(lines.iter().map(|p| nested_lines(p, &dir)));
        set.problems.extend(expanded.problems);
        set.problems.extend(expanded.skipped);
        set
    }

    /// The next set of a JSON Lines file, or `None` at its end. A scenario named again
    /// after another began is refused: its plans cannot be judged together without holding
    /// the whole file.
    fn next_scenario(&mut self, mut lines: Lines) -> Option<PlanSet> {
        // What cannot be read after a set's first record, up to the next set's, is the
        // set's, so that the set is reported as not wholly read; what comes before the first
        // record of a file is the first set's.
        let mut problems = Vec::new();
        let first = match lines.ahead.take() {
            Some(record) => record,
            None => match lines.read(&mut problems) {
                Some(record) => record,
                None => {
                    self.problems.append(&mut problems);
                    return None;
                }
            },
        };
        let named_at = first.named_at;
        let mut files = vec![first.file];
        let mut ended = true;
        while let Some(record) = lines.read(&mut problems) {
            if record.scenario != first.scenario {
                lines.ahead = Some(record);
                ended = false;
                break;
            }
            files.push(record.file);
        }
        let name = first.scenario;
        let line = files[0].line_col(0).line;
        if !ended {
            self.pending.push_front(Pending::Lines(lines));
        }
        if let Some((file, first_line)) = self.begun.get(&name) {
            let again = (&files[0], named_at);
            self.problems.push(split(&name, again, (file, *first_line)));
            self.problems.append(&mut problems);
            return Some(PlanSet {
                name,
                files: Vec::new(),
                problems: Vec::new(),
            });
        }
        let begun = (files[0].name().to_string(), line);
        self.begun.insert(name.clone(), begun);
        Some(PlanSet {
            name,
            files,
            problems,
        })
    }

    fn open(&mut self, path: PathBuf) {
        let name = path.display().to_string();
        match std::fs::File::open(&path) {
            Ok(file) => self.pending.push_front(Pending::Lines(Lines {
                name,
                reader: Box::new(std::io::BufReader::new(file)),
                line: 0,
                bytes: 0,
                records: 0,
                ahead: None,
            })),
            Err(e) => self.problems.push(unreadable(&path, &e)),
        }
    }
}

impl Iterator for SetReader {
    type Item = PlanSet;

    fn next(&mut self) -> Option<PlanSet> {
        loop {
            match self.pending.pop_front()? {
                Pending::Folder(dir) => return Some(self.read_folder(dir)),
                Pending::Files(name, paths) => return Some(self.read_files(name, paths)),
                Pending::LinesAt(path) => self.open(path),
                // A scenario refused comes back without plans, and is not checked.
                Pending::Lines(lines) => match self.next_scenario(lines) {
                    Some(set) if set.files.is_empty() => {}
                    Some(set) => return Some(set),
                    None => {}
                },
            }
        }
    }
}

impl Lines {
    fn too_large(&self, size: usize) -> Problem {
        Problem::without_file(InputError::TooLarge {
            path: format!("{}:{}", self.name, self.line),
            size: size as u64,
            limit: input::MAX_FILE_SIZE,
        })
    }

    /// The next record that names its scenario; records that do not, and lines that cannot
    /// be read, go to `problems`.
    fn read(&mut self, problems: &mut Vec<Problem>) -> Option<Record> {
        loop {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => {
                    if self.records == 0 {
                        problems.push(Problem::without_file(InputError::NothingFound {
                            path: self.name.clone(),
                            what: "plans (one JSON plan a line)".into(),
                        }));
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    problems.push(unreadable(Path::new(&self.name), &e));
                    return None;
                }
            }
            self.line += 1;
            let start = self.bytes;
            self.bytes += bytes.len();
            while matches!(bytes.last(), Some(b'\n' | b'\r')) {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.records = self.records.saturating_add(1);
            if bytes.len() as u64 > input::MAX_FILE_SIZE {
                problems.push(self.too_large(bytes.len()));
                continue;
            }
            let file = match input::decode_on_line(self.name.clone(), bytes, self.line) {
                Ok(file) => file.starting_at_byte(start),
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            match syntax::record_scenario(file.text()) {
                RecordScenario::Named(scenario, named_at) if scenario.trim().is_empty() => {
                    problems.push(unnamed(&file, named_at, "an empty `scenario`"));
                }
                RecordScenario::Named(scenario, named_at) => {
                    return Some(Record {
                        scenario,
                        named_at,
                        file,
                    });
                }
                RecordScenario::Unnamed => {
                    let whole = (0, file.text().len());
                    problems.push(unnamed(&file, whole, "no `scenario` string in this record"));
                }
                RecordScenario::NotString(at) => {
                    problems.push(unnamed(&file, at, "`scenario` is not a string"));
                }
                RecordScenario::NotObject => {
                    let whole = (0, file.text().len());
                    problems.push(unnamed(&file, whole, "a record is a JSON object, a plan"));
                }
                RecordScenario::NotJson => problems.extend(not_json(file)),
            }
        }
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> Problem {
    Problem::without_file(InputError::Unreadable {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

fn unnamed(file: &SourceFile, (start, len): (usize, usize), label: &str) -> Problem {
    let span = (start, len).into();
    let label = label.to_string();
    Problem::new(file, InputError::NoScenario { span, label })
}

/// A JSON Lines file inside the folder of a set, which is not read as part of it.
fn nested_lines(path: &Path, set: &Path) -> Problem {
    Problem::without_file(InputError::WrongKind {
        path: path.display().to_string(),
        what: format!("plan of the set `{}`", set.display()),
        help: "a .jsonl file holds sets of its own: put it beside the sets' folders, or name it on the command line".into(),
    })
}

/// Why a line is not a JSON plan, as reading it as one says.
fn not_json(file: SourceFile) -> Vec<Problem> {
    match syntax::parse_json_plan(file.text()) {
        Err(errors) => errors.into_iter().map(|e| Problem::new(&file, e)).collect(),
        Ok(_) => {
            let whole = (0, file.text().len());
            vec![unnamed(&file, whole, "no `scenario` string in this record")]
        }
    }
}

fn split(
    name: &str,
    (file, span): (&SourceFile, (usize, usize)),
    (first_file, first_line): (&String, usize),
) -> Problem {
    let span = span.into();
    Problem::new(
        file,
        InputError::ScenarioSplit {
            scenario: name.to_string(),
            first: format!("{first_file}:{first_line}"),
            span,
        },
    )
}
