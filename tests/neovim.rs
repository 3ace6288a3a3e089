//! `plancheck lsp` in a real editor client: Neovim's built-in LSP client, headless, opens a
//! plan with an error, edits it (sent as incremental changes) and writes the diagnostics it
//! received after each step. Runs where `nvim` is
//! installed (`.ci/run` installs Debian's package); elsewhere it says it is skipped.

use std::process::Command;

/// Written for the Neovim of Debian 12 (0.7), whose client has `start_client` and
/// `buf_attach_client` (`vim.lsp.start` came in 0.8).
const SCRIPT: &str = r#"
local bin, root, file, out = unpack(vim.g.plancheck_args)
local id = vim.lsp.start_client({ name = "plancheck", cmd = { bin, "lsp" }, root_dir = root })
vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, id)
local lines = {}
local function shown(want)
  local ok = vim.wait(15000, want, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(lines, string.format("%d:%d:%s:%s", d.lnum, d.col, tostring(d.code), d.message))
  end
  table.insert(lines, ok and "--" or "timeout")
end
local function syntax_error()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == "PC103" then return true end
  end
  return false
end
shown(syntax_error)
-- Edits as a user makes them, which Neovim sends as ranged (incremental) changes: fix the
-- misspelling, then misspell a word after the Chinese name on the line above.
vim.api.nvim_buf_set_text(0, 1, 40, 1, 45, { "around" })
shown(function() return not syntax_error() end)
local name_end = #"province 浙江"
vim.api.nvim_buf_set_text(0, 0, name_end, 0, name_end, { " titel \"x\"" })
shown(syntax_error)
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.client_is_stopped(id) end, 50)
vim.cmd("qa!")
"#;

#[test]
fn neovims_client_shows_the_diagnostics() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!("skipped: Neovim is not installed (apt-get install neovim)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("浙江.plan");
    std::fs::write(
        &plan,
        "province 浙江\ntarget non_fossil_share by 2025 { value aroud 24 % }\n",
    )
    .unwrap();
    let script = dir.path().join("test.lua");
    std::fs::write(&script, SCRIPT).unwrap();
    let out = dir.path().join("diagnostics.txt");
    let args = serde_json::json!([env!("CARGO_BIN_EXE_plancheck"), dir.path(), plan, out]);
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n"])
        .arg("--cmd")
        .arg(format!("let g:plancheck_args = json_decode('{args}')"))
        .arg("-c")
        .arg(format!("luafile {}", script.display()))
        .status()
        .expect("nvim runs");
    assert!(status.success(), "nvim exited with {status}");
    let shown = std::fs::read_to_string(&out).expect("the script wrote the diagnostics");
    let stages: Vec<&str> = shown.split("\n--\n").collect();
    assert_eq!(stages.len(), 4, "three stages, none timed out: {shown}");
    // Neovim's columns are bytes: `target non_fossil_share by 2025 { value ` is 40.
    let first = stages[0].lines().next().unwrap_or_default();
    assert_eq!(
        first.split(':').take(3).collect::<Vec<_>>(),
        ["1", "40", "PC103"],
        "{shown}"
    );
    assert!(first.contains("found `aroud`"), "{shown}");
    // Fixed, the plan is checked against the bundled rules: their notes, no syntax error.
    assert!(
        !stages[1].contains("PC103") && stages[1].contains("EI-2025"),
        "{shown}"
    );
    // `province 浙江 ` is 16 bytes: the server's UTF-16 column 12, as Neovim converts it.
    let last = stages[2].lines().next().unwrap_or_default();
    assert_eq!(
        last.split(':').take(3).collect::<Vec<_>>(),
        ["0", "16", "PC103"],
        "{shown}"
    );
}
