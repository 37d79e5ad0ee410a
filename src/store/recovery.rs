//! Recovery files: unsaved edits left behind by a hang-up, a termination or a panic.
//!
//! One recovery file per document and session, in `$XDG_STATE_HOME/gapscope/` (by default
//! `~/.local/state/gapscope/`): two screens on one file each keep their own, and the next
//! start offers each. It is an org file with one more top-level key, `x-gapscope-recovery`,
//! that says which file it belongs to, when it was written and the fingerprint of the file
//! the edits started from. The folder and the files are trusted only when they belong to
//! the user and others cannot write them (as ssh checks `~/.ssh`). docs/editing.md has the
//! details.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};

use super::atomic::{SaveError, SaveOptions, save_atomic_with};
use super::fingerprint::{Changed, Fingerprint, check_unchanged, fnv1a, read_tracked};
use super::private::{check_trusted, create_private_dir, user_id};
use crate::model::{self, DEFAULT_MAX_BYTES, LoadError, Org};

/// The top-level key that marks a recovery file and holds where it comes from.
pub const RECOVERY_KEY: &str = "x-gapscope-recovery";

/// Longest readable part of a recovery file's name, in characters.
const SLUG_LEN: usize = 40;

/// The folder recovery files live in, and the operations on them, for one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recoveries {
    dir: PathBuf,
    /// This session's part of its recovery files' names.
    session: String,
    /// A hash of the content of a document read from standard input: its recovery key.
    stdin_key: Option<u64>,
    /// A recovery file of an earlier session whose edits this session took over (restored
    /// or discarded): removed with this session's own.
    adopted: Option<PathBuf>,
}

/// A recovery file that was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// Where the recovery file is.
    pub path: PathBuf,
    /// The edited document (without the `x-gapscope-recovery` key).
    pub org: Org,
    /// The document's file (canonical path) when it came from one.
    pub file: Option<PathBuf>,
    /// When the recovery file was written, in seconds since the Unix epoch.
    pub written: Option<u64>,
    /// Fingerprint of the file the edits started from, when it came from a file.
    pub source: Option<Fingerprint>,
}

/// Whether a recovery still fits the file on disk.
#[derive(Debug)]
pub enum SourceStatus {
    /// The file is as it was when the edits started: restoring loses nothing.
    Unchanged,
    /// The file changed since (another writer, or a later save): restoring would drop that.
    Changed(Changed),
    /// The document did not come from a file, or no fingerprint was recorded.
    Unknown,
}

impl Recovery {
    /// Compares the file on disk with the fingerprint the edits started from.
    pub fn source_status(&self) -> SourceStatus {
        match (&self.file, &self.source) {
            (Some(file), Some(fp)) => match check_unchanged(file, fp) {
                Ok(()) => SourceStatus::Unchanged,
                Err(change) => SourceStatus::Changed(change),
            },
            _ => SourceStatus::Unknown,
        }
    }
}

/// The state folder: `$XDG_STATE_HOME/gapscope` when that is an absolute path, else
/// `$HOME/.local/state/gapscope`, else `gapscope-state` in the system's temporary folder.
pub fn state_dir(xdg_state_home: Option<OsString>, home: Option<OsString>) -> PathBuf {
    if let Some(xdg) = xdg_state_home.map(PathBuf::from)
        && xdg.is_absolute()
    {
        return xdg.join("gapscope");
    }
    match home.map(PathBuf::from) {
        Some(home) if !home.as_os_str().is_empty() => home.join(".local/state/gapscope"),
        _ => std::env::temp_dir().join(format!("gapscope-state-{}", user_id())),
    }
}

/// A fresh session id: the process id and the start time, unique on this machine.
fn session_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{}-{:x}", std::process::id(), nanos & 0xffff_ffff_ffff)
}

impl Recoveries {
    /// Recovery files in the state folder named by the environment (see [`state_dir`]).
    pub fn from_env() -> Recoveries {
        Recoveries::in_dir(state_dir(
            std::env::var_os("XDG_STATE_HOME"),
            std::env::var_os("HOME"),
        ))
    }

    /// Recovery files in a given folder.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Recoveries {
        Recoveries {
            dir: dir.into(),
            session: session_id(),
            stdin_key: None,
            adopted: None,
        }
    }

    /// Keys the recovery of a document read from standard input by its content (the bytes
    /// of its saved form), so another document piped in later is not offered these edits.
    pub fn for_stdin_content(mut self, content: &[u8]) -> Recoveries {
        self.stdin_key = Some(fnv1a(content));
        self
    }

    /// Takes over an earlier session's recovery file (restored, or to be discarded): it is
    /// removed with this session's own, by a save or a discard, and replaced by this
    /// session's when the edits are kept again.
    pub fn adopt(&mut self, path: PathBuf) {
        self.adopted = Some(path);
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The document's part of its recovery files' names: `builtin-example`, `stdin` (with a
    /// hash of the content when keyed), or a readable slug and a hash of the canonical path.
    fn stem(&self, for_file: Option<&Path>) -> String {
        match origin(for_file) {
            Origin::Builtin => "builtin-example".to_string(),
            Origin::Stdin => match self.stdin_key {
                Some(key) => format!("stdin-{key:016x}"),
                None => "stdin".to_string(),
            },
            Origin::File(path) => {
                let canonical = canonical(path);
                let slug = slug(&canonical);
                let hash = fnv1a(canonical.as_os_str().as_encoded_bytes());
                format!("{slug}-{hash:016x}")
            }
        }
    }

    /// This session's recovery file of a document (`None` is the built-in example, `-`
    /// standard input, anything else a file): `STEM.SESSION.recovery.json`.
    pub fn path_for(&self, for_file: Option<&Path>) -> PathBuf {
        let stem = self.stem(for_file);
        self.dir
            .join(format!("{stem}.{}.recovery.json", self.session))
    }

    /// The recovery files of a document left by any session (this one included), by name.
    fn paths_of(&self, for_file: Option<&Path>) -> io::Result<Vec<PathBuf>> {
        let stem = self.stem(for_file);
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut found = Vec::new();
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some(rest) = name.strip_prefix(stem.as_str()) else {
                continue;
            };
            // `STEM.recovery.json` (one file per document, before sessions) or
            // `STEM.SESSION.recovery.json`, SESSION made of digits, letters and `-`.
            let ours = rest == ".recovery.json"
                || rest
                    .strip_prefix('.')
                    .and_then(|r| r.strip_suffix(".recovery.json"))
                    .is_some_and(|s| {
                        !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    });
            if ours {
                found.push(entry.path());
            }
        }
        found.sort();
        Ok(found)
    }

    /// Writes the edited document as the recovery file of `for_file`, atomically, readable
    /// by the owner only. Takes no locks, so a panic hook can call it.
    pub fn write(
        &self,
        for_file: Option<&Path>,
        org: &Org,
        source: Option<&Fingerprint>,
    ) -> Result<PathBuf, SaveError> {
        let path = self.path_for(for_file);
        create_private_dir(&self.dir)
            .and_then(|()| check_trusted(&self.dir, true))
            .map_err(|e| SaveError::Io {
                path: path.clone(),
                what: format!("cannot use the folder {}", super::atomic::shown(&self.dir)),
                source: e,
            })?;
        let meta = serde_json::value::to_raw_value(&meta(for_file, source)).map_err(|e| {
            SaveError::Io {
                path: path.clone(),
                what: "cannot write the document as JSON".into(),
                source: io::Error::other(e),
            }
        })?;
        let text = model::save::to_string_with(org, Some((RECOVERY_KEY, &meta)));
        let options = SaveOptions {
            backup: false,
            new_file_mode: 0o600,
            replace: true,
        };
        save_atomic_with(&path, text.as_bytes(), &options, &mut |_| Ok(()))?;
        // This session's file now holds the adopted edits and more.
        if let Some(adopted) = &self.adopted
            && adopted != &path
        {
            let _ = std::fs::remove_file(adopted);
        }
        Ok(path)
    }

    /// The newest recovery file of a document, when there is one (see [`Recoveries::find_all`]).
    pub fn find(&self, for_file: Option<&Path>) -> Result<Option<Recovery>, LoadError> {
        Ok(self.find_all(for_file)?.into_iter().next())
    }

    /// Every recovery file of a document, newest first, one per session that left edits.
    /// A recovery file that cannot be read or is not a valid org file is an error, so that
    /// it is never silently ignored; so is a folder or file that another user owns or can
    /// write (it could hold planted edits).
    pub fn find_all(&self, for_file: Option<&Path>) -> Result<Vec<Recovery>, LoadError> {
        let io_error = |path: &Path, source: io::Error| LoadError::Io {
            file: super::atomic::shown(path),
            source,
        };
        if !self.dir.exists() {
            return Ok(Vec::new());
        }
        check_trusted(&self.dir, true).map_err(|e| io_error(&self.dir, e))?;
        let paths = self
            .paths_of(for_file)
            .map_err(|e| io_error(&self.dir, e))?;
        let mut found = Vec::new();
        for path in paths {
            check_trusted(&path, false).map_err(|e| io_error(&path, e))?;
            found.push(read_recovery(path)?);
        }
        found.sort_by(|a, b| b.written.cmp(&a.written).then_with(|| a.path.cmp(&b.path)));
        Ok(found)
    }

    /// Removes this session's recovery file of a document (and the one it adopted);
    /// `Ok(false)` when there was none.
    pub fn discard(&self, for_file: Option<&Path>) -> io::Result<bool> {
        let mut gone = remove(&self.path_for(for_file))?;
        if let Some(adopted) = &self.adopted {
            gone |= remove(adopted)?;
        }
        Ok(gone)
    }
}

impl Recoveries {
    /// Removes every recovery file of a document, of any session (`--discard-recovery`);
    /// how many there were.
    pub fn discard_all(&self, for_file: Option<&Path>) -> io::Result<usize> {
        let mut n = 0;
        for path in self.paths_of(for_file)? {
            n += usize::from(remove(&path)?);
        }
        Ok(n)
    }
}

fn remove(path: &Path) -> io::Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Reads one recovery file.
fn read_recovery(path: PathBuf) -> Result<Recovery, LoadError> {
    let (bytes, _) = read_tracked(&path, DEFAULT_MAX_BYTES)?;
    let mut org = model::from_bytes(&path.display().to_string(), &bytes)?;
    let meta = org.extra.remove(RECOVERY_KEY);
    let meta: Option<Value> = meta.and_then(|raw| serde_json::from_str(raw.get()).ok());
    let meta = meta.as_ref().and_then(Value::as_object);
    let get = |key: &str| meta.and_then(|m| m.get(key));
    Ok(Recovery {
        file: get("file").and_then(Value::as_str).map(PathBuf::from),
        written: get("written").and_then(Value::as_u64),
        source: get("source").and_then(Fingerprint::from_json),
        path,
        org,
    })
}

/// The recovery file of a document in the state folder (see [`Recoveries::path_for`]).
pub fn recovery_path(for_file: Option<&Path>) -> PathBuf {
    Recoveries::from_env().path_for(for_file)
}

/// Writes a recovery file in the state folder (see [`Recoveries::write`]).
pub fn write_recovery(
    for_file: Option<&Path>,
    org: &Org,
    source: Option<&Fingerprint>,
) -> Result<PathBuf, SaveError> {
    Recoveries::from_env().write(for_file, org, source)
}

/// Finds a recovery file in the state folder (see [`Recoveries::find`]).
pub fn find_recovery(for_file: Option<&Path>) -> Result<Option<Recovery>, LoadError> {
    Recoveries::from_env().find(for_file)
}

/// Removes a recovery file from the state folder (see [`Recoveries::discard`]).
pub fn discard_recovery(for_file: Option<&Path>) -> io::Result<bool> {
    Recoveries::from_env().discard(for_file)
}

enum Origin<'a> {
    Builtin,
    Stdin,
    File(&'a Path),
}

fn origin(for_file: Option<&Path>) -> Origin<'_> {
    match for_file {
        None => Origin::Builtin,
        Some(p) if p.as_os_str() == "-" => Origin::Stdin,
        Some(p) => Origin::File(p),
    }
}

/// The file's canonical path, or its absolute path when it does not exist (yet).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The file name reduced to letters, digits, `.`, `-` and `_`, cut to [`SLUG_LEN`].
fn slug(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(SLUG_LEN)
        .collect();
    if slug.is_empty() { "file".into() } else { slug }
}

fn meta(for_file: Option<&Path>, source: Option<&Fingerprint>) -> Value {
    let mut m = Map::new();
    let (kind, file) = match origin(for_file) {
        Origin::Builtin => ("builtin-example", Value::Null),
        Origin::Stdin => ("stdin", Value::Null),
        Origin::File(p) => ("file", Value::String(canonical(p).display().to_string())),
    };
    m.insert("origin".into(), Value::from(kind));
    m.insert("file".into(), file);
    let written = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    m.insert("written".into(), Value::from(written));
    m.insert("source".into(), source.map_or(Value::Null, |f| f.to_json()));
    m.insert("version".into(), Value::from(env!("CARGO_PKG_VERSION")));
    Value::Object(m)
}
