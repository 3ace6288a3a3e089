//! Writing a user's file (`fmt`, `report -o`): whole or not at all, durable once written,
//! never over one of the run's own inputs, and no temporary file left behind when the run
//! is interrupted.

use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use tempfile::NamedTempFile;

/// Temporary files being written, removed if the run is interrupted.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Writes the text beside the file and renames it over the old one, so that an interrupted
/// run leaves the old file or the new, never half of one; both are flushed to the disk
/// before and after the rename. A link is written through (the link stays a link); only a
/// regular file is replaced, keeping its permissions and, where allowed, its owner, and
/// never a read-only one; a file with several hard links is written in place, so that the
/// links stay one file. A new file gets the mode the umask gives, as from any other program.
pub(super) fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let real = through_links(path)?;
    let old = match std::fs::metadata(&real) {
        Ok(old) => Some(old),
        // A link into /proc (`/dev/stdout`, to a pipe or a terminal) names a path that is
        // not there, such as `pipe:[123]`; the system still knows what the link is.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match std::fs::metadata(path) {
            Ok(meta) => {
                refuse_to_replace("it", &meta)?;
                Some(meta)
            }
            Err(_) => None,
        },
        Err(e) => return Err(e),
    };
    if let Some(old) = &old {
        let it = if real == path {
            "it".to_string()
        } else {
            format!("it links to `{}`, which", real.display())
        };
        refuse_to_replace(&it, old)?;
        if hard_links(old) > 1 {
            return write_in_place(&real, text);
        }
    }
    let dir = real
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned());
    let prefix = format!(".{}.plancheck-", name.as_deref().unwrap_or("output"));
    let (mut temp, registered) = Registered::create(&prefix, dir)?;
    temp.write_all(text.as_bytes())?;
    if let Some(old) = &old {
        temp.as_file().set_permissions(old.permissions())?;
        keep_owner(temp.as_file(), old);
    }
    temp.as_file().sync_all()?;
    temp.persist(&real).map_err(|e| e.error)?;
    drop(registered);
    sync_folder(dir)
}

/// Refuses to write `output` where it is one of the files the run reads: a report written
/// over its own plan would destroy the input it was made from. Files are the same when
/// their real paths are, or their device and inode.
pub(super) fn refuse_an_input(output: &Path, inputs: &[&str]) -> Result<(), String> {
    let real = through_links(output).unwrap_or_else(|_| output.to_path_buf());
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    let out = canonical(&real).or_else(|| {
        let dir = real.parent().filter(|d| !d.as_os_str().is_empty())?;
        Some(canonical(dir)?.join(real.file_name()?))
    });
    let out_id = std::fs::metadata(&real).ok().and_then(|m| file_id(&m));
    for input in inputs {
        let path = Path::new(input);
        let same_path = out.is_some() && out == canonical(path);
        let same_file =
            out_id.is_some() && out_id == std::fs::metadata(path).ok().and_then(|m| file_id(&m));
        if same_path || same_file {
            return Err(format!(
                "`{}` is one of the files this report is made from (`{input}`); write the report to another file",
                output.display()
            ));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn file_id(meta: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(unix)]
fn hard_links(meta: &Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_: &Metadata) -> u64 {
    1
}

/// The owner of the file replaced, where the user may give it (root, or the same owner);
/// otherwise the new file is the user's, as with any editor.
#[cfg(unix)]
fn keep_owner(file: &File, old: &Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) {}

/// A file with several hard links is rewritten in place: renaming over one name would split
/// it from the others.
fn write_in_place(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.set_len(0)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// The folder's entry for the renamed file reaches the disk too.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// The path a chain of links ends at (which need not exist yet): renaming over a link
/// would replace the link, not the file it names.
fn through_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As many links as Linux follows before it gives up (ELOOP).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                let dir = path.parent().unwrap_or(Path::new(""));
                path = dir.join(target);
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other(format!(
        "too many links to follow from `{}`",
        path.display()
    )))
}

/// A device, a fifo or a folder cannot be replaced by a file without harm, and a read-only
/// file says that it is not to be changed (renaming over it would, since only the folder's
/// permissions are checked).
fn refuse_to_replace(it: &str, old: &Metadata) -> std::io::Result<()> {
    if !old.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{it} is not a regular file but {} (only a regular file is written)",
                file_kind(old)
            ),
        ));
    }
    if old.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("{it} is read-only"),
        ));
    }
    Ok(())
}

/// What a file that is not a regular file is, in words.
fn file_kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// A temporary file named for what it will become (`.report.md.plancheck-XXXXXX.tmp`), so
/// that one left by a crash is recognised. It is private (0600) unless told otherwise;
/// asking for 0666 lets the umask decide, as it does for a file any other program creates.
fn temp_builder(prefix: &str) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// A temporary file listed for removal on SIGINT or SIGTERM while it exists.
struct Registered(PathBuf);

impl Registered {
    /// Creates the file with the list locked, so that an interrupt that comes between its
    /// creation and its listing waits for the listing and still removes it.
    fn create(prefix: &str, dir: &Path) -> std::io::Result<(NamedTempFile, Registered)> {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(|| {
            // Without a handler an interrupt ends the run at once, and the file stays.
            let _ = ctrlc::set_handler(remove_temps_and_exit);
        });
        let mut temps = lock();
        let temp = temp_builder(prefix).tempfile_in(dir)?;
        let path = temp.path().to_path_buf();
        temps.push(path.clone());
        Ok((temp, Registered(path)))
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        lock().retain(|p| p != &self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

fn remove_temps_and_exit() {
    for path in lock().iter() {
        let _ = std::fs::remove_file(path);
    }
    // 128 + SIGINT, as a shell reports an interrupted command.
    std::process::exit(130);
}
