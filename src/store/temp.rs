//! Temporary files of an atomic write: fresh names in the target's folder
//! (`.NAME.PID.N.tmp`), removed when dropped unless kept, and the stale ones a killed save left.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::atomic::backup_path;

/// The readable part of a temporary file's name: the first 100 characters of the file's name.
fn temp_stem(for_file: &Path) -> String {
    let name = for_file.file_name().unwrap_or_default().to_string_lossy();
    name.chars().take(100).collect()
}

/// The process id in a temporary file name of ours for `stem` (`.STEM.PID.N.tmp`).
fn temp_owner(name: &str, stem: &str) -> Option<u32> {
    let rest = name
        .strip_prefix('.')?
        .strip_prefix(stem)?
        .strip_prefix('.')?;
    let rest = rest.strip_suffix(".tmp")?;
    let (pid, n) = rest.split_once('.')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process is running (a process we may not signal is running too).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 checks that the process exists; nothing is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

/// Removes temporary files that an earlier, killed save of this file (or of its backup)
/// left in `dir`: our own naming pattern only, written by a process that no longer runs.
pub(super) fn remove_stale_temps(dir: &Path, target: &Path) {
    let stems = [temp_stem(target), temp_stem(&backup_path(target))];
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = stems.iter().find_map(|s| temp_owner(name, s)) else {
            continue;
        };
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && pid != me && !alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A temporary file that is removed when dropped, unless kept.
pub(super) struct TempFile {
    /// Where it is.
    pub(super) path: PathBuf,
    armed: bool,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TempFile {
    /// Finds a fresh name `.NAME.PID.N.tmp` in `dir` and lets `make` create it there
    /// (`make` must fail with `AlreadyExists` when the name is taken).
    pub(super) fn reserve(
        dir: &Path,
        for_file: &Path,
        mut make: impl FnMut(&Path) -> io::Result<()>,
    ) -> io::Result<TempFile> {
        let short = temp_stem(for_file);
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
    pub(super) fn create(dir: &Path, for_file: &Path, mode: u32) -> io::Result<(File, TempFile)> {
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
    pub(super) fn keep(mut self) {
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
