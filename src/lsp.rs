//! `plancheck lsp`: a language server over standard input and output, for rule, plan and
//! test files, built on `lsp-server` (rust-analyzer's transport: a plain loop over a
//! channel of messages, no async runtime to carry) and `lsp-types`.
//!
//! Documents are synchronised by changes to ranges ([`sync`]). Each change is checked by
//! the pipeline the commands use ([`diagnose`]) on the diagnostics [`worker`]'s thread, and
//! a newer change cancels the check of an older one, so stale diagnostics are never sent.

mod diagnose;
mod hover;
mod index;
mod navigate;
pub mod position;
mod sync;
mod worker;

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;
use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    References, Request as _,
};
use lsp_types::{
    DocumentFormattingParams, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, MarkupContent, MarkupKind, OneOf, PositionEncodingKind, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri,
};

pub use diagnose::{Workspace, diagnose, file_uri, uri_path};
use position::Encoding;
use worker::{Job, Worker};

type Failure = Box<dyn Error + Send + Sync>;

/// Serves until the client says `exit`: 0 after a `shutdown`, 1 without one, as LSP asks.
pub fn serve() -> u8 {
    let (connection, io_threads) = Connection::stdio();
    let code = match run(&connection) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("plancheck lsp: {e}");
            1
        }
    };
    drop(connection);
    let _ = io_threads.join();
    code
}

struct Server<'a> {
    connection: &'a Connection,
    /// Shared with the checks under way, each of which keeps the texts it was asked for.
    workspace: Arc<Workspace>,
    encoding: Encoding,
    worker: Worker,
    /// Each open document's URI and version, to check again when a rule file it may be
    /// read with changes.
    versions: HashMap<PathBuf, (Uri, i32)>,
}

fn run(connection: &Connection) -> Result<u8, Failure> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = negotiate(&params);
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(lsp_types::CompletionOptions::default()),
        code_action_provider: Some(lsp_types::CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "plancheck", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    let sender = connection.sender.clone();
    let workspace = Arc::new(Workspace {
        root: root(&params),
        open: Default::default(),
    });
    // A message is sent only while the connection is open, so a failure cannot happen.
    let outbox = Arc::new(move |m| drop(sender.send(m)));
    let mut server = Server {
        connection,
        worker: Worker::start(outbox, workspace.clone()),
        workspace,
        encoding,
        versions: HashMap::new(),
    };
    server.main_loop()
}

/// UTF-8 when the client offers it (fewer conversions), else UTF-16, which every client
/// speaks.
fn negotiate(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

#[allow(deprecated)]
fn root(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params.workspace_folders.as_ref().and_then(|f| f.first());
    let uri = folder.map(|f| &f.uri).or(params.root_uri.as_ref())?;
    uri_path(uri)
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<u8, Failure> {
        for message in &self.connection.receiver {
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(0);
                    }
                    self.answer(request)?;
                }
                Message::Notification(n) if n.method == "exit" => return Ok(1),
                // A notification that cannot be read (a malformed URI) is no reason to stop
                // serving the other documents; nothing answers a notification, so it is
                // logged.
                Message::Notification(n) => {
                    if let Err(e) = self.notified(n) {
                        eprintln!("plancheck lsp: {e}");
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(1)
    }

    fn answer(&self, request: Request) -> Result<(), Failure> {
        let id = request.id.clone();
        let response = match request.method.as_str() {
            HoverRequest::METHOD => match serde_json::from_value::<HoverParams>(request.params) {
                Ok(params) => Response::new_ok(id, self.hover(&params)),
                Err(e) => invalid(id, e),
            },
            Formatting::METHOD => {
                match serde_json::from_value::<DocumentFormattingParams>(request.params) {
                    Ok(params) => Response::new_ok(id, self.format(&params.text_document.uri)),
                    Err(e) => invalid(id, e),
                }
            }
            GotoDefinition::METHOD | References::METHOD => {
                let declarations = request.method == GotoDefinition::METHOD;
                match serde_json::from_value::<lsp_types::ReferenceParams>(with_context(
                    request.params,
                )) {
                    Ok(params) => Response::new_ok(id, self.locations(&params, declarations)),
                    Err(e) => invalid(id, e),
                }
            }
            DocumentSymbolRequest::METHOD => {
                match serde_json::from_value::<lsp_types::DocumentSymbolParams>(request.params) {
                    Ok(params) => Response::new_ok(id, self.outline(&params.text_document.uri)),
                    Err(e) => invalid(id, e),
                }
            }
            CodeActionRequest::METHOD => {
                match serde_json::from_value::<lsp_types::CodeActionParams>(request.params) {
                    Ok(params) => Response::new_ok(id, self.code_actions(&params)),
                    Err(e) => invalid(id, e),
                }
            }
            Completion::METHOD => {
                match serde_json::from_value::<lsp_types::CompletionParams>(request.params) {
                    Ok(params) => Response::new_ok(id, self.complete(&params)),
                    Err(e) => invalid(id, e),
                }
            }
            other => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("plancheck lsp does not answer `{other}`"),
            ),
        };
        self.connection.sender.send(response.into())?;
        Ok(())
    }

    fn notified(&mut self, n: Notification) -> Result<(), Failure> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let doc = p.text_document;
                let path = uri_path(&doc.uri).ok_or("a document that is no file")?;
                let workspace = Arc::make_mut(&mut self.workspace);
                workspace.open.insert(path.clone(), doc.text);
                self.versions.insert(path.clone(), (doc.uri, doc.version));
                self.check_from(path);
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let doc = p.text_document;
                let path = uri_path(&doc.uri).ok_or("a document that is no file")?;
                // A change is to the text the editor opened: to no other, not even an empty
                // one, which would stand in for the file on the disk.
                let workspace = Arc::make_mut(&mut self.workspace);
                let text = workspace
                    .open
                    .get_mut(&path)
                    .ok_or_else(|| format!("a change to {}, which is not open", path.display()))?;
                sync::apply(text, p.content_changes, self.encoding);
                self.versions.insert(path.clone(), (doc.uri, doc.version));
                self.check_from(path);
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                let uri = p.text_document.uri;
                let path = uri_path(&uri).ok_or("a document that is no file")?;
                Arc::make_mut(&mut self.workspace).open.remove(&path);
                self.versions.remove(&path);
                self.worker.closed(uri, &path);
                // A closed rule file is read from the disk again, unsaved edits gone.
                if is_rules(&path) {
                    self.check_all();
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks the document at `path`, and after it, if it is a rule file, every other open
    /// document: a plan is checked against the rule files, and a rule file linted with the
    /// ones beside it, so their diagnostics change with it.
    fn check_from(&mut self, path: PathBuf) {
        if is_rules(&path) {
            self.check(&path);
            let mut others: Vec<PathBuf> = self.versions.keys().cloned().collect();
            others.retain(|p| *p != path);
            others.sort();
            others.iter().for_each(|p| self.check(p));
        } else {
            self.check(&path);
        }
    }

    fn check_all(&mut self) {
        let mut all: Vec<PathBuf> = self.versions.keys().cloned().collect();
        all.sort();
        all.iter().for_each(|p| self.check(p));
    }

    fn check(&self, path: &std::path::Path) {
        let (uri, version) = self.versions[path].clone();
        let job = Job {
            uri,
            path: path.to_path_buf(),
            version,
            encoding: self.encoding,
        };
        self.worker.check(job, &self.workspace);
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let path = uri_path(&at.text_document.uri)?;
        let text = self.workspace.open.get(&path)?;
        let offset = position::offset(text, at.position, self.encoding);
        let (start, word) = hover::word_at(text, offset)?;
        let mut sources = crate::model::Sources::default();
        let files = self.workspace.rules_for(&path);
        let rules = crate::check::load_rules(&mut sources, files)
            .or_else(|_| crate::check::load_rules(&mut sources, crate::bundled::rule_files()))
            .ok()?;
        let value = hover::hover_text(word, &rules, &sources)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(position::range(text, start, word.len(), self.encoding)),
        })
    }

    /// One edit replacing the whole document, or none when it is formatted or does not
    /// parse (its diagnostics say why).
    fn format(&self, uri: &Uri) -> Option<Vec<TextEdit>> {
        let path = uri_path(uri)?;
        let text = self.workspace.open.get(&path)?;
        let language = crate::syntax::Language::of(&path.to_string_lossy())?;
        let formatted = crate::fmt::format(text, language).ok()?;
        let edits = (formatted != *text).then(|| TextEdit {
            range: position::whole(text, self.encoding),
            new_text: formatted,
        });
        Some(edits.into_iter().collect())
    }
}

/// A definition request is a reference request without its `context`; one reader serves
/// both.
fn with_context(mut params: serde_json::Value) -> serde_json::Value {
    if params.get("context").is_none() && params.is_object() {
        params["context"] = serde_json::json!({ "includeDeclaration": true });
    }
    params
}

fn is_rules(path: &std::path::Path) -> bool {
    crate::syntax::Language::of(&path.to_string_lossy()) == Some(crate::syntax::Language::Rules)
}

fn invalid(id: lsp_server::RequestId, e: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}
