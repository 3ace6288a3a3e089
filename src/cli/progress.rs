//! A progress bar on stderr while many plans are checked, only when stderr is a terminal:
//! piped or redirected output gets nothing extra.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Fewer files than this are checked before a bar would be seen.
const AT_LEAST: usize = 500;

/// A bar over `files` plan files, hidden unless stderr is a terminal and there are many.
pub fn for_plans(files: usize) -> ProgressBar {
    if files < AT_LEAST || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("checking {bar:40} {pos}/{len} plans ({eta} left)")
        .expect("a valid template");
    bar.set_style(style);
    bar
}

/// A count of the plans checked in sets (`check --scenarios`), whose number is not known
/// until the last set is read; hidden unless stderr is a terminal.
pub fn for_sets() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("checking {spinner} {pos} plans in {msg} ({per_sec})")
        .expect("a valid template");
    bar.set_style(style);
    bar
}
