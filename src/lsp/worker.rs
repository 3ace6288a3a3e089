//! The diagnostics worker: documents are checked on a thread of their own, so that the
//! main loop reads every message as it comes and answers requests while a check runs.
//! Each change is numbered; a check whose document has changed since it was asked for is
//! dropped before it starts or at its next stage, and diagnostics are published only while
//! their change is still the newest, under the lock a new change takes: stale diagnostics
//! are never sent.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{Diagnostic, PublishDiagnosticsParams, Uri};

use super::diagnose::{Workspace, diagnose_unless};
use super::position::Encoding;

/// Sends a message to the client.
pub type Outbox = Arc<dyn Fn(Message) + Send + Sync>;

/// A document to check, as the newest workspace holds it when the check starts.
pub struct Job {
    pub uri: Uri,
    pub path: PathBuf,
    pub version: i32,
    pub encoding: Encoding,
}

pub struct Worker {
    jobs: Option<Sender<(Job, u64)>>,
    latest: Arc<Mutex<Latest>>,
    send: Outbox,
    thread: Option<JoinHandle<()>>,
}

/// The newest change of each document (numbered across all), the texts as of it, and
/// whether the server has stopped publishing. One lock holds them, so that a check reads
/// the texts of the change it was asked for or of a later one, never of an earlier one.
struct Latest {
    changes: HashMap<PathBuf, u64>,
    count: u64,
    stopped: bool,
    /// A queued check holds no texts of its own, so that a burst of changes to a large
    /// document keeps one copy of it, not one a change.
    texts: Arc<Workspace>,
}

impl Latest {
    fn current(&self, path: &Path, change: u64) -> bool {
        !self.stopped && self.changes.get(path) == Some(&change)
    }

    fn change(&mut self, path: PathBuf) -> u64 {
        self.count += 1;
        self.changes.insert(path, self.count);
        self.count
    }
}

fn locked(latest: &Mutex<Latest>) -> MutexGuard<'_, Latest> {
    // A panic elsewhere leaves the numbers as they were, which are still right.
    latest.lock().unwrap_or_else(|e| e.into_inner())
}

impl Worker {
    pub fn start(send: Outbox, workspace: Arc<Workspace>) -> Worker {
        let (jobs, queue) = channel::<(Job, u64)>();
        let latest = Arc::new(Mutex::new(Latest {
            changes: HashMap::new(),
            count: 0,
            stopped: false,
            texts: workspace,
        }));
        let thread = {
            let (latest, send) = (latest.clone(), send.clone());
            std::thread::spawn(move || {
                for (job, change) in queue {
                    let texts = locked(&latest).texts.clone();
                    // A check that panics loses its own diagnostics, not the server's
                    // later ones (the panic is reported on standard error).
                    let checked = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        check(&job, &texts, change, &latest, &send)
                    }));
                    if checked.is_err() {
                        eprintln!("plancheck lsp: the check of {} failed", job.path.display());
                    }
                }
            })
        };
        Worker {
            jobs: Some(jobs),
            latest,
            send,
            thread: Some(thread),
        }
    }

    /// Checks the document as `workspace` (the newest texts) holds it, superseding any
    /// check of it asked for before.
    pub fn check(&self, job: Job, workspace: &Arc<Workspace>) {
        let change = {
            let mut latest = locked(&self.latest);
            latest.texts = workspace.clone();
            latest.change(job.path.clone())
        };
        if let Some(jobs) = &self.jobs {
            // The worker ends only when this sender is dropped, so the send succeeds.
            let _ = jobs.send((job, change));
        }
    }

    /// A closed document has no diagnostics, and no check of it still running publishes.
    pub fn closed(&self, uri: Uri, path: &Path) {
        let mut latest = locked(&self.latest);
        if latest.changes.remove(path).is_some() && !latest.stopped {
            publish(&self.send, uri, None, Vec::new());
        }
    }
}

impl Drop for Worker {
    /// Stops publishing, and waits for a check already running to see so.
    fn drop(&mut self) {
        locked(&self.latest).stopped = true;
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn check(job: &Job, texts: &Workspace, change: u64, latest: &Mutex<Latest>, send: &Outbox) {
    let stale = || !locked(latest).current(&job.path, change);
    let Some(text) = texts.open.get(&job.path) else {
        return;
    };
    if stale() {
        return;
    }
    let found = diagnose_unless(&job.path, text, texts, job.encoding, &stale);
    if let Some(diagnostics) = found {
        // Tested and sent under one lock, so that no newer change comes between.
        let latest = locked(latest);
        if latest.current(&job.path, change) {
            publish(send, job.uri.clone(), Some(job.version), diagnostics);
        }
    }
}

fn publish(send: &Outbox, uri: Uri, version: Option<i32>, diagnostics: Vec<Diagnostic>) {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    let note = Notification::new(PublishDiagnostics::METHOD.to_string(), params);
    send(note.into());
}
