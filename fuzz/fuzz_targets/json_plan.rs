//! The JSON plan reader and resolver on any text, against the bundled rules: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    plancheck_fuzz::check_plan("fuzz.json", text);
});
