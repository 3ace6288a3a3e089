//! The rule parser, resolver, formatter and linter on any text: none may panic; and a file
//! that parses formats to text that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::model::Sources;
use plancheck::source::SourceFile;
use plancheck::syntax::{self, Language};
use plancheck::{check, fmt, lint};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if syntax::parse_rules(text).is_ok() {
        let formatted = fmt::format(text, Language::Rules).expect("a parsed file formats");
        assert!(
            syntax::parse_rules(&formatted).is_ok(),
            "formatted rules do not parse:\n{formatted}"
        );
    }
    let file = SourceFile::new("fuzz.rules", text);
    let _ = check::load_rules(&mut Sources::default(), vec![file.clone()]);
    let _ = lint::lint(vec![file]);
});
