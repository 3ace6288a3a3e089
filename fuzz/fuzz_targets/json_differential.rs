//! The strict JSON reader (the fast path) against jsonc-parser (the slow path): wherever the
//! fast path reads a text, it gives exactly what the slow path gives, spans included. A text
//! that jsonc-parser refuses gives an "invalid JSON" error that the fast path never gives, so
//! the fast path accepting it fails here too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::syntax::paths::{json_fast, json_jsonc};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(fast) = json_fast(text) {
        let slow = json_jsonc(text);
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "on {text:?}");
    }
});
