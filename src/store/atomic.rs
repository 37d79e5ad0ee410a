//! Atomic saving: a temporary file in the same folder, fsync, a backup, rename, folder fsync.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::fingerprint::{Fingerprint, Hashing};
use super::temp::{TempFile, remove_stale_temps};
use crate::text::clean;

/// How to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveOptions {
    /// Keep the previous version as `FILE~` (when there is one).
    pub backup: bool,
    /// Permission bits of a file that does not exist yet (the umask applies); an existing
    /// file keeps its own.
    pub new_file_mode: u32,
    /// Replace an existing file; when false an existing file is an error
    /// ([`SaveError::Exists`]), checked atomically (a hard link, which never replaces).
    pub replace: bool,
}

impl Default for SaveOptions {
    fn default() -> Self {
        SaveOptions {
            backup: true,
            new_file_mode: 0o666,
            replace: true,
        }
    }
}

/// The steps of a save, at which a test can inject a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The temporary file exists, still empty.
    TempCreated,
    /// The content is written to the temporary file, not yet synced.
    TempWritten,
    /// The temporary file has the target's permissions and is synced to disk.
    TempSynced,
    /// The backup is in place; next comes the rename over the target.
    BeforeRename,
}

/// A finished save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file written (a symbolic link is followed, so this is the link's target).
    pub path: PathBuf,
    /// Where the previous version was kept, when there was one and backups are on.
    pub backup: Option<PathBuf>,
    /// Fingerprint of the file as written, for the next on-disk change check.
    pub fingerprint: Fingerprint,
    /// Something that went wrong after the file was in place (it is saved, but e.g. the
    /// folder could not be synced to disk, or the recovery file could not be removed).
    pub warning: Option<String>,
}

/// Why a save failed. The target file is untouched and no temporary file is left behind.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A step failed in the file system.
    #[error("cannot save {}: {what}: {source}", shown(.path))]
    Io {
        /// The file being saved.
        path: PathBuf,
        /// The step that failed, for a person.
        what: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// The file changed on disk since it was loaded; saving would overwrite another's work.
    #[error("not saved: {} changed on disk since it was loaded: {change}", shown(.path))]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// How it changed.
        change: super::fingerprint::Changed,
    },
    /// The file exists and replacing was not asked for.
    #[error("{} exists; gapscope does not replace it (--force does)", shown(.path))]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The path is not a regular file (a folder, a FIFO, a device, a socket): it is never
    /// replaced by one.
    #[error("cannot save {}: it is {kind}, not a regular file", shown(.path))]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is ("a folder", "a FIFO", ...).
        kind: &'static str,
    },
}

/// What a file system entry that is not a regular file is, for a person.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Ignores SIGXFSZ (once per process), so a write beyond the file size limit (`ulimit -f`)
/// fails with EFBIG and takes the usual error path instead of killing the process.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            // SAFETY: setting a signal's disposition to SIG_IGN has no handler to race with.
            unsafe {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
        });
    }
}

/// A path as shown in a message: control characters made visible.
pub fn shown(path: &Path) -> String {
    clean(&path.display().to_string())
}

/// Saves `data` to `path` atomically, keeping the previous version as `FILE~`.
pub fn save_atomic(path: &Path, data: &[u8]) -> Result<Saved, SaveError> {
    save_atomic_with(path, data, &SaveOptions::default(), &mut |_| Ok(()))
}

/// Saves atomically with options; `hook` runs at each [`Stage`] and an error it returns
/// aborts the save there, as a failing disk would (tests use it to inject faults).
pub fn save_atomic_with(
    path: &Path,
    data: &[u8],
    options: &SaveOptions,
    hook: &mut dyn FnMut(Stage) -> io::Result<()>,
) -> Result<Saved, SaveError> {
    save_atomic_stream(path, options, hook, &mut |w| w.write_all(data))
}

/// Saves atomically what `write` writes, as it writes it: the content goes through a 64 KiB
/// buffer into the temporary file and is never held whole. Every step and guarantee is
/// [`save_atomic_with`]'s (which is this with one `write_all`); an error `write` returns
/// aborts the save as a failing disk would: the target is untouched, the temporary file
/// removed.
pub fn save_atomic_stream(
    path: &Path,
    options: &SaveOptions,
    hook: &mut dyn FnMut(Stage) -> io::Result<()>,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<Saved, SaveError> {
    ignore_file_size_signal();
    let target = resolve_link(path);
    let fail = |what: String| {
        let path = target.clone();
        move |source| SaveError::Io { path, what, source }
    };
    let dir = folder_of(&target);
    match fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            let e = io::Error::other("not a folder");
            return Err(fail(format!("{} is not a folder", shown(&dir)))(e));
        }
        Err(e) => return Err(fail(format!("cannot use the folder {}", shown(&dir)))(e)),
    }
    let old = match fs::metadata(&target) {
        Ok(m) if !m.is_file() => {
            return Err(SaveError::NotRegular {
                kind: kind_of(&m),
                path: target,
            });
        }
        Ok(_) if !options.replace => return Err(SaveError::Exists { path: target }),
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail("cannot read the existing file's details".into())(e)),
    };
    let mode = if old.is_some() {
        0o600
    } else {
        options.new_file_mode
    };
    remove_stale_temps(&dir, &target);
    let (mut file, temp) = TempFile::create(&dir, &target, mode).map_err(fail(format!(
        "cannot create a temporary file in {}",
        shown(&dir)
    )))?;
    hook(Stage::TempCreated).map_err(fail("cannot write the temporary file".into()))?;
    let mut sink = Hashing::new(io::BufWriter::with_capacity(1 << 16, &mut file));
    let wrote = write(&mut sink).and_then(|()| sink.flush());
    let (len, hash) = (sink.len, sink.hash);
    drop(sink);
    wrote
        .and_then(|()| hook(Stage::TempWritten))
        .map_err(fail("cannot write the temporary file".into()))?;
    if let Some(old) = &old {
        file.set_permissions(old.permissions()).map_err(fail(
            "cannot give the new file the old one's permissions".into(),
        ))?;
        keep_owner(&file, old);
    }
    file.sync_all()
        .and_then(|()| hook(Stage::TempSynced))
        .map_err(fail("cannot flush the temporary file to disk".into()))?;
    let backup = match (&old, options.backup) {
        (Some(_), true) => Some(write_backup(&target, &dir).map_err(fail(format!(
            "cannot keep the previous version as {}",
            shown(&backup_path(&target))
        )))?),
        _ => None,
    };
    hook(Stage::BeforeRename).map_err(fail("cannot replace the file".into()))?;
    if options.replace {
        fs::rename(&temp.path, &target).map_err(fail("cannot replace the file".into()))?;
        temp.keep();
    } else {
        place_new(&temp.path, &target).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                SaveError::Exists {
                    path: target.clone(),
                }
            } else {
                fail("cannot create the file".into())(e)
            }
        })?;
        // The temporary name is a second link to the new file (or gone): dropping removes it.
        drop(temp);
    }
    let mut warning = sync_folder(&dir)
        .err()
        .map(|e| format!("saved, but the folder could not be flushed to disk: {e}"));
    let meta = fs::metadata(&target).ok();
    if meta.is_none() {
        warning.get_or_insert_with(|| "saved, but the file's details cannot be read".into());
    }
    Ok(Saved {
        fingerprint: Fingerprint::with_hash(len, hash, meta.as_ref()),
        path: target,
        backup,
        warning,
    })
}

/// Puts a new file in place without ever replacing one: a hard link fails when the name is
/// taken; where hard links are not possible, a check then a rename.
fn place_new(temp: &Path, target: &Path) -> io::Result<()> {
    match fs::hard_link(temp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if fs::symlink_metadata(target).is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(temp, target)
        }
    }
}

/// The backup of a file: its name with `~` appended, in the same folder.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push("~");
    path.with_file_name(name)
}

/// A symbolic link is saved through: the link stays and its target gets the new content.
fn resolve_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Replaces `FILE~` with the current version of `FILE`, atomically: a hard link (or, where
/// links are not possible, a synced copy) under a temporary name, renamed over `FILE~`.
fn write_backup(target: &Path, dir: &Path) -> io::Result<PathBuf> {
    let backup = backup_path(target);
    let temp = TempFile::reserve(dir, &backup, |p| fs::hard_link(target, p))
        .or_else(|_| copy_to_temp(target, dir, &backup))?;
    fs::rename(&temp.path, &backup)?;
    temp.keep();
    Ok(backup)
}

fn copy_to_temp(target: &Path, dir: &Path, backup: &Path) -> io::Result<TempFile> {
    let (mut file, temp) = TempFile::create(dir, backup, 0o600)?;
    let mut source = File::open(target)?;
    io::copy(&mut source, &mut file)?;
    file.set_permissions(source.metadata()?.permissions())?;
    file.sync_all()?;
    Ok(temp)
}

#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only root can give a file away; anyone else keeps their own ownership, which is fine.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &fs::Metadata) {}

#[cfg(unix)]
fn sync_folder(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> io::Result<()> {
    Ok(())
}
