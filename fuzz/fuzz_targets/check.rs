//! `check` end to end: a rule file and a plan (split at the first NUL byte) through parsing,
//! resolving, evaluation, waivers and every renderer. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::check::check;
use plancheck::render::{
    HumanOptions, check_report, render_check_junit, render_human, render_json, render_problems,
    render_sarif,
};
use plancheck::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (rules, plan) = text.split_once('\0').unwrap_or((text, ""));
    let today = time::macros::date!(2026 - 01 - 01);
    let checked = check(
        vec![SourceFile::new("fuzz.rules", rules)],
        vec![SourceFile::new("fuzz.plan", plan)],
        Vec::new(),
        today,
    );
    let _ = render_human(&checked, &HumanOptions::default());
    let _ = render_problems(&checked.problems, &HumanOptions::default());
    let _ = render_json(&checked);
    let _ = render_check_junit(&checked);
    let _ = render_sarif(&check_report(&checked), None);
});
