//! `plancheck lsp`: the time from a changed document to its diagnostics, for the bundled
//! rule file (linted with the rule file beside it) and for a bundled plan (checked against
//! the repository's `rules/`): as the server computes them on each `didChange`
//! (`lsp/change`), and as a client sees them, from writing the `didChange` to the server's
//! standard input to reading its `publishDiagnostics` (`lsp/stdio`).

use std::hint::black_box;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
use plancheck::lsp::position::Encoding;
use plancheck::lsp::{Workspace, diagnose};

fn changes(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = Workspace {
        root: Some(root.to_path_buf()),
        open: Default::default(),
    };
    let mut group = c.benchmark_group("lsp/change");
    for file in ["rules/national.rules", "fixtures/plans/zhejiang.plan"] {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("a bundled file");
        // An edit, as typing makes one: a comment added at the end.
        let edited = format!("{text}# edited\n");
        group.bench_function(file, |b| {
            b.iter(|| {
                diagnose(
                    black_box(&path),
                    black_box(&edited),
                    &workspace,
                    Encoding::Utf16,
                )
            })
        });
    }
    group.finish();
}

/// The server, started and initialised, as a client holds it.
struct Server {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plancheck"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let input = child.stdin.take().expect("piped");
        let output = BufReader::new(child.stdout.take().expect("piped"));
        let mut server = Server {
            child,
            input,
            output,
        };
        let root = format!("file://{}", root.display());
        let init = serde_json::json!({ "processId": null, "rootUri": root, "capabilities": {} });
        server.send(serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init }));
        while server.receive()["id"] != 1 {}
        server.send(serde_json::json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
        server
    }

    fn send(&mut self, message: serde_json::Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("written");
        self.input.flush().expect("flushed");
    }

    fn receive(&mut self) -> serde_json::Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.output.read_line(&mut line).expect("a header");
            match line.trim_end() {
                "" => break,
                header => {
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse().expect("a length");
                    }
                }
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).expect("a body");
        serde_json::from_slice(&body).expect("JSON")
    }

    /// Sends `text` as version `version` of `uri`, and waits for its diagnostics.
    fn change(&mut self, uri: &str, version: i64, text: &str) {
        let method = if version == 1 { "didOpen" } else { "didChange" };
        let params = if version == 1 {
            serde_json::json!({ "textDocument": { "uri": uri, "languageId": "plancheck", "version": 1, "text": text } })
        } else {
            serde_json::json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] })
        };
        let method = format!("textDocument/{method}");
        self.send(serde_json::json!({ "jsonrpc": "2.0", "method": method, "params": params }));
        while self.receive()["params"]["version"] != version {}
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.send(serde_json::json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
        self.send(serde_json::json!({ "jsonrpc": "2.0", "method": "exit" }));
        let _ = self.child.wait();
    }
}

fn over_stdio(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut group = c.benchmark_group("lsp/stdio");
    for file in ["rules/national.rules", "fixtures/plans/zhejiang.plan"] {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("a bundled file");
        let uri = format!("file://{}", path.display());
        let mut server = Server::start(root);
        server.change(&uri, 1, &text);
        let mut version = 1;
        group.bench_function(file, |b| {
            b.iter(|| {
                version += 1;
                // An edit, as typing makes one: a comment added at the end.
                server.change(&uri, version, &format!("{text}# edit {version}\n"));
            })
        });
    }
    group.finish();
}

criterion_group!(benches, changes, over_stdio);
criterion_main!(benches);
