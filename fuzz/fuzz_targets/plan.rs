//! The plan parser and resolver on any text, against the bundled rules: no panic; and a plan
//! that parses formats to text that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::fmt;
use plancheck::syntax::{self, Language};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if syntax::parse_plan(text).is_ok() {
        let formatted = fmt::format(text, Language::Plan).expect("a parsed file formats");
        assert!(
            syntax::parse_plan(&formatted).is_ok(),
            "a formatted plan does not parse:\n{formatted}"
        );
    }
    plancheck_fuzz::check_plan("fuzz.plan", text);
});
