//! `plancheck lsp` driven as an editor drives it: over its standard input and output, with
//! JSON-RPC messages framed by `Content-Length` headers.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// The answer to `initialize`.
    last_init: Option<Value>,
}

/// Reads framed messages until the server closes its output.
fn read_messages(out: impl Read + Send + 'static) -> Receiver<Value> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(out);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            reader.read_exact(&mut body).unwrap();
            if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        }
    });
    receive
}

impl Client {
    fn start(root: &Path, capabilities: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plancheck"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let messages = read_messages(child.stdout.take().unwrap());
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
            last_init: None,
        };
        let init = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri(root), "capabilities": capabilities }),
        );
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        client.notify("initialized", json!({}));
        client.last_init = Some(init);
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response, keeping nothing else.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.until(|m| m["id"] == id)
    }

    /// The next message that `wanted` accepts, within ten seconds.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            match self.messages.recv_timeout(Duration::from_secs(10)) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("no message came"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            }
        }
    }

    /// The diagnostics published next for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        self.published(uri)["diagnostics"]
            .as_array()
            .unwrap()
            .clone()
    }

    /// The next `publishDiagnostics` for `uri`: its parameters, with the version.
    fn published(&mut self, uri: &str) -> Value {
        let note = self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        note["params"].clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        let doc = json!({ "uri": uri, "languageId": "plancheck", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    /// A change to one range, given as line and UTF-16 column pairs.
    fn edit(
        &mut self,
        uri: &str,
        version: i64,
        from: (usize, usize),
        to: (usize, usize),
        text: &str,
    ) {
        let at = |(line, character)| json!({ "line": line, "character": character });
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": { "start": at(from), "end": at(to) }, "text": text }],
            }),
        );
    }

    /// The code actions for one diagnostic, as a client asks when the cursor is on it.
    fn code_actions(&mut self, uri: &str, diagnostic: &Value) -> Value {
        let params = json!({
            "textDocument": { "uri": uri },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        });
        self.request("textDocument/codeAction", params)
    }

    /// `shutdown`, then `exit`: the exit code.
    fn stop(mut self) -> i32 {
        let done = self.request("shutdown", Value::Null);
        assert!(done["error"].is_null(), "{done}");
        self.notify("exit", Value::Null);
        self.child.wait().unwrap().code().unwrap()
    }
}

/// A `file:` URI as editors write it: every byte outside the unreserved characters and `/`
/// percent-encoded (so a Chinese name or a space is).
fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

const RULES: &str = r#"source s {
    title "a test's own source"
}

indicator share {
    unit %
}

rule SHARE-2025 "a share of 20 % or more by 2025" {
    kind    floor
    require share by 2025 >= 20 %
    cite    s "a test"
}
"#;

/// A workspace with a `rules/` folder of its own, so that a plan meeting its one rule has
/// no diagnostics at all.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/own.rules"), RULES).unwrap();
    dir
}

/// The UTF-16 column of byte `offset` in its line, as LSP counts by default.
fn utf16_column(text: &str, offset: usize) -> usize {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].encode_utf16().count()
}

#[test]
fn diagnostics_come_on_open_and_clear_when_the_error_is_fixed() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let init = client.last_init.take().unwrap();
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    let plan = uri(&dir.path().join("浙江 draft.plan"));
    // A Chinese string and a character outside the BMP before the error, on its line.
    let broken =
        "province 浙江\r\ntarget share by 2025 { document \"浙江𝕏\" value aroud 24 % }\r\n";
    client.open(&plan, broken);
    let found = client.diagnostics(&plan);
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d["code"], "PC103");
    assert_eq!(d["severity"], 1);
    let at = broken.find("aroud").unwrap();
    let start = &d["range"]["start"];
    assert_eq!(
        (start["line"].as_u64(), start["character"].as_u64()),
        (Some(1), Some(utf16_column(broken, at) as u64))
    );
    assert_eq!(
        d["range"]["end"]["character"].as_u64(),
        Some((utf16_column(broken, at) + 5) as u64)
    );
    assert!(
        d["message"].as_str().unwrap().contains("found `aroud`"),
        "{d}"
    );

    let fixed = broken.replace("aroud", "around");
    client.change(&plan, 2, &fixed);
    assert_eq!(client.diagnostics(&plan), Vec::<Value>::new());

    // A miss points at the value, with the requirement in the rule file beside it.
    client.change(&plan, 3, &fixed.replace("around 24 %", "15 %"));
    let miss = client.diagnostics(&plan);
    assert_eq!(miss.len(), 1, "{miss:?}");
    assert_eq!(miss[0]["code"], "SHARE-2025");
    let related = &miss[0]["relatedInformation"][0]["location"];
    assert!(
        related["uri"]
            .as_str()
            .unwrap()
            .ends_with("/rules/own.rules"),
        "{related}"
    );
    assert_eq!(related["range"]["start"]["line"], 10);
    assert_eq!(client.stop(), 0);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = workspace();
    let caps = json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } });
    let mut client = Client::start(dir.path(), caps);
    let init = client.last_init.take().unwrap();
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    let plan = uri(&dir.path().join("p.plan"));
    let text = "province 浙江 titel \"x\"\n";
    client.open(&plan, text);
    let found = client.diagnostics(&plan);
    let column = text.find("titel").unwrap() as u64;
    assert_eq!(
        found[0]["range"]["start"]["character"].as_u64(),
        Some(column),
        "{found:?}"
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn hover_formatting_and_a_stale_change() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let plan = uri(&dir.path().join("p.plan"));
    let messy = "province 浙江\ntarget share by 2025 {   value 24 %   以上 }\n";
    client.open(&plan, messy);
    client.diagnostics(&plan);

    let line = messy.lines().nth(1).unwrap();
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": plan }, "position": { "line": 1, "character": line.find("share").unwrap() + 2 } }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("indicator share") && shown.contains("SHARE-2025"),
        "{shown}"
    );
    let province = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": plan }, "position": { "line": 0, "character": 10 } }),
    );
    assert!(
        province["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Zhejiang"),
        "{province}"
    );

    let edits = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": plan }, "options": { "tabSize": 4, "insertSpaces": true } }),
    );
    let edit = &edits["result"][0];
    assert_eq!(
        edit["newText"],
        "province 浙江\n\ntarget share by 2025 {\n    value 24 % 以上\n}\n"
    );
    assert_eq!(edit["range"]["end"]["line"], 2);

    // Two changes sent at once: the first may be reported on (or skipped, if the second is
    // already waiting), but the last word is the last text's, and nothing follows it.
    client.change(
        &plan,
        2,
        "province 浙江\ntarget share by 2025 { value aroud 1 % }\n",
    );
    client.change(&plan, 3, messy);
    let first = client.diagnostics(&plan);
    if !first.is_empty() {
        assert_eq!(client.diagnostics(&plan), Vec::<Value>::new());
    }
    let later = client.messages.recv_timeout(Duration::from_millis(300));
    assert!(
        later.is_err(),
        "nothing after the last text's diagnostics: {later:?}"
    );
    assert_eq!(client.stop(), 0);
}

/// Ranged changes, as editors send them, each published with its version; a burst of
/// changes gives diagnostics only of the text each names, in order, ending with the last.
#[test]
fn incremental_changes_are_published_with_their_versions_never_stale() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let init = client.last_init.take().unwrap();
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"], 2);
    let plan = uri(&dir.path().join("p.plan"));
    let text = "province 浙江\ntarget share by 2025 { document \"浙江𝕏\" value aroud 24 % }\n";
    client.open(&plan, text);
    let first = client.published(&plan);
    assert_eq!(first["version"], 1);
    assert_eq!(first["diagnostics"][0]["code"], "PC103", "{first}");

    let line = text.lines().nth(1).unwrap();
    let column = line[..line.find("aroud").unwrap()].encode_utf16().count();
    // Versions 2 to 42 fix and break the word in turn: even versions are fixed.
    let mut word = "aroud";
    for version in 2..=42 {
        let next = if word == "aroud" { "around" } else { "aroud" };
        let end = column + word.len();
        client.edit(&plan, version, (1, column), (1, end), next);
        word = next;
    }
    // The last change: the figure, which then misses the rule.
    let figure = column + word.len() + 1;
    client.edit(&plan, 43, (1, figure), (1, figure + 2), "15");
    let mut seen = Vec::new();
    loop {
        let published = client.published(&plan);
        let version = published["version"].as_i64().expect("a version");
        let codes: Vec<&str> = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        let expected = match version {
            43 => vec!["SHARE-2025"],
            v if v % 2 == 0 => vec![],
            _ => vec!["PC103"],
        };
        assert_eq!(codes, expected, "version {version}: {published}");
        seen.push(version);
        if version == 43 {
            break;
        }
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    let later = client.messages.recv_timeout(Duration::from_millis(300));
    assert!(later.is_err(), "nothing after the last: {later:?}");
    assert_eq!(client.stop(), 0);
}

/// A plan's diagnostics follow the rule file it is checked against, as it is edited.
#[test]
fn an_edited_rule_file_checks_the_open_plans_again() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let plan = uri(&dir.path().join("p.plan"));
    client.open(
        &plan,
        "province 浙江\ntarget share by 2025 { value 24 % }\n",
    );
    assert_eq!(client.diagnostics(&plan), Vec::<Value>::new());
    let rules = uri(&dir.path().join("rules/own.rules"));
    client.open(&rules, RULES);
    // Opening the rule file as it is checks the plan again, to the same result.
    assert_eq!(client.diagnostics(&plan), Vec::<Value>::new());
    client.change(&rules, 2, &RULES.replace(">= 20 %", ">= 30 %"));
    let found = client.diagnostics(&plan);
    let codes: Vec<&Value> = found.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, [&json!("SHARE-2025")], "{found:?}");
    // Closed unsaved, the rule file is the disk's again, and so is the plan's verdict.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": rules } }),
    );
    assert_eq!(client.diagnostics(&plan), Vec::<Value>::new());
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_rule_file_is_linted_with_the_rules_beside_it() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let extra = dir.path().join("rules/extra.rules");
    let rule = "rule SHARE-LOW \"a share of less than 10 %\" {\n    kind    floor\n    require share by 2025 < 10 %\n    cite    s \"a test\"\n}\n";
    client.open(&uri(&extra), rule);
    let found = client.diagnostics(&uri(&extra));
    assert!(
        found.iter().any(|d| d["code"] == "PC011"),
        "contradicts own.rules: {found:?}"
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_an_error() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(1));
}

/// A malformed message is answered with an error, and the server goes on serving.
#[test]
fn bad_messages_do_not_stop_the_server() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    client.open("file:///a b/not a uri.plan", "province 浙江\n");
    let answer = client.request("textDocument/hover", json!({ "textDocument": 7 }));
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    let unknown = client.request("textDocument/noSuchThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // A change to a document never opened is refused (logged): nothing is published for it.
    let ghost = uri(&dir.path().join("ghost.plan"));
    client.change(&ghost, 2, "province Jilin\n");
    let plan = uri(&dir.path().join("p.plan"));
    client.open(
        &plan,
        "province 浙江\ntarget share by 2025 { value 24 % }\n",
    );
    // Every message up to the plan's diagnostics: none is about the ghost.
    loop {
        let m = client
            .messages
            .recv_timeout(Duration::from_secs(10))
            .unwrap();
        assert_ne!(m["params"]["uri"], ghost, "{m}");
        if m["params"]["uri"] == plan {
            assert_eq!(m["params"]["diagnostics"], json!([]), "{m}");
            break;
        }
    }
    assert_eq!(client.stop(), 0);
}

/// Go to definition, find references and the outline come from the parsed files, across
/// the workspace; completion offers keywords and names.
#[test]
fn navigation_across_the_workspace() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let rules_path = dir.path().join("rules/own.rules");
    let rules = uri(&rules_path);
    let plan = uri(&dir.path().join("p.plan"));
    // `share` in a string is no use of the indicator.
    let text =
        "province 浙江\ntarget share by 2025 {\n    value    24 %\n    document \"a share\"\n}\n";
    client.open(&plan, text);
    client.diagnostics(&plan);
    client.open(&rules, RULES);
    client.diagnostics(&rules);

    let at = |line: u32, character: u32, uri: &str| json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });
    let definition = client.request("textDocument/definition", at(1, 9, &plan));
    let target = &definition["result"][0];
    assert_eq!(target["uri"], rules.as_str(), "{definition}");
    assert_eq!(
        target["range"]["start"],
        json!({ "line": 4, "character": 10 })
    );

    let mut params = at(4, 11, &rules);
    params["context"] = json!({ "includeDeclaration": true });
    let refs = client.request("textDocument/references", params);
    let places: Vec<(String, u64)> = refs["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["uri"].as_str().unwrap().to_string(),
                l["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places.len(),
        3,
        "the declaration, the rule's requirement, the plan's target: {places:?}"
    );
    assert!(places.contains(&(plan.clone(), 1)), "{places:?}");
    assert!(places.contains(&(rules.clone(), 10)), "{places:?}");

    let outline = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": rules } }),
    );
    let names: Vec<&str> = outline["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["s", "share", "SHARE-2025"]);

    let completion = client.request("textDocument/completion", at(2, 4, &plan));
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    for wanted in [
        "share",
        "at_least",
        "commitment",
        "万kW",
        "Zhejiang",
        "浙江",
    ] {
        assert!(labels.contains(&wanted), "{wanted} is offered");
    }
    assert_eq!(client.stop(), 0);
}

/// A "did you mean" becomes a quick fix that puts the word in place.
#[test]
fn a_misspelling_has_a_quick_fix() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let plan = uri(&dir.path().join("p.plan"));
    let text = "province 浙江\ntarget shar by 2025 { value aroud 24 % }\n";
    client.open(&plan, text);
    let found = client.diagnostics(&plan);
    assert_eq!(found.len(), 1, "{found:?}");
    let actions = client.code_actions(&plan, &found[0]);
    let action = &actions["result"][0];
    assert_eq!(action["title"], "replace with `around`", "{actions}");
    let edit = &action["edit"]["changes"][plan.as_str()][0];
    assert_eq!(edit["newText"], "around");
    assert_eq!(edit["range"], found[0]["range"]);

    // Applied, the unknown indicator comes next, with its own fix.
    client.change(&plan, 2, &text.replace("aroud", "around"));
    let next = client.diagnostics(&plan);
    assert_eq!(next[0]["code"], "PC001", "{next:?}");
    assert_eq!(next[0]["data"]["replace"], "share", "{next:?}");
    assert_eq!(client.stop(), 0);
}

/// A lint in a rule file has a code action that allows it in its block, with a reason to
/// fill in; applied, the lint is no longer shown.
#[test]
fn a_lint_can_be_allowed_where_it_is() {
    let dir = workspace();
    let mut client = Client::start(dir.path(), json!({}));
    let extra = uri(&dir.path().join("rules/extra.rules"));
    let text = "indicator spare {\n    unit %\n}\n";
    client.open(&extra, text);
    let found = client.diagnostics(&extra);
    let unused: Vec<&Value> = found.iter().filter(|d| d["code"] == "PC015").collect();
    assert_eq!(unused.len(), 1, "{found:?}");
    let actions = client.code_actions(&extra, unused[0]);
    let allow = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "allow PC015 here, with a reason")
        .unwrap_or_else(|| panic!("{actions}"));
    let edit = &allow["edit"]["changes"][extra.as_str()][0];
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 0, "character": 17 })
    );
    let applied = text.replacen('{', &format!("{{{}", edit["newText"].as_str().unwrap()), 1);
    assert_eq!(
        applied,
        "indicator spare {\n    allow PC015 because \"...\"\n    unit %\n}\n"
    );
    client.change(&extra, 2, &applied);
    let after = client.diagnostics(&extra);
    assert!(!after.iter().any(|d| d["code"] == "PC015"), "{after:?}");
    assert_eq!(client.stop(), 0);
}
