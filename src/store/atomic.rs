//! Atomic saving: a temporary file in the same folder, fsync, a backup, rename, folder fsync.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::fingerprint::Fingerprint;
use crate::text::clean;

/// How to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveOptions {
    /// Keep the previous version as `FILE~` (when there is one).
    pub backup: bool,
    /// Permission bits of a file that does not exist yet (the umask applies); an existing
    /// file keeps its own.
    pub new_file_mode: u32,
}

impl Default for SaveOptions {
    fn default() -> Self {
        SaveOptions {
            backup: true,
            new_file_mode: 0o666,
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
        Ok(m) if m.is_dir() => {
            return Err(fail("it is a folder".into())(io::Error::other(
                "is a folder",
            )));
        }
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail("cannot read the existing file's details".into())(e)),
    };
    let mode = if old.is_some() {
        0o600
    } else {
        options.new_file_mode
    };
    let (mut file, temp) = TempFile::create(&dir, &target, mode).map_err(fail(format!(
        "cannot create a temporary file in {}",
        shown(&dir)
    )))?;
    hook(Stage::TempCreated).map_err(fail("cannot write the temporary file".into()))?;
    file.write_all(data)
        .and_then(|()| file.flush())
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
    fs::rename(&temp.path, &target).map_err(fail("cannot replace the file".into()))?;
    temp.keep();
    let mut warning = sync_folder(&dir)
        .err()
        .map(|e| format!("saved, but the folder could not be flushed to disk: {e}"));
    let meta = fs::metadata(&target).ok();
    if meta.is_none() {
        warning.get_or_insert_with(|| "saved, but the file's details cannot be read".into());
    }
    Ok(Saved {
        fingerprint: Fingerprint::of(data, meta.as_ref()),
        path: target,
        backup,
        warning,
    })
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

/// A temporary file that is removed when dropped, unless kept.
struct TempFile {
    path: PathBuf,
    armed: bool,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TempFile {
    /// Finds a fresh name `.NAME.PID.N.tmp` in `dir` and lets `make` create it there
    /// (`make` must fail with `AlreadyExists` when the name is taken).
    fn reserve(
        dir: &Path,
        for_file: &Path,
        mut make: impl FnMut(&Path) -> io::Result<()>,
    ) -> io::Result<TempFile> {
        let name = for_file.file_name().unwrap_or_default().to_string_lossy();
        let short: String = name.chars().take(100).collect();
        for _ in 0..1000 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{short}.{}.{n}.tmp", std::process::id()));
            match make(&path) {
                Ok(()) => return Ok(TempFile { path, armed: true }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free temporary file name",
        ))
    }

    /// Creates a fresh temporary file (never an existing one) with the given mode.
    fn create(dir: &Path, for_file: &Path, mode: u32) -> io::Result<(File, TempFile)> {
        let mut file = None;
        let temp = TempFile::reserve(dir, for_file, |p| {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
            #[cfg(not(unix))]
            let _ = mode;
            file = Some(options.open(p)?);
            Ok(())
        })?;
        let file = file.ok_or_else(|| io::Error::other("temporary file not opened"))?;
        Ok((file, temp))
    }

    /// The file stays (it was renamed into place).
    fn keep(mut self) {
        self.armed = false;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}
