//! Builds the national rules and the bundled plans into the binary, so that `plancheck`
//! works from any directory, and rebuilds when any of them changes.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let mut out = String::new();
    let bundles = [
        ("RULES", "rules", "rules"),
        ("TESTS", "rules", "tests"),
        ("PLANS", "fixtures/plans", "plan"),
    ];
    for (name, dir, ext) in bundles {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<String> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        files.sort();
        writeln!(out, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for file in files {
            let full = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(&file);
            writeln!(out, "    ({file:?}, include_str!({:?})),", full.display()).unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("bundled.rs");
    fs::write(dest, out).unwrap();
}
