//! The user's private state folder: created readable by the user alone, and trusted only
//! when it (and each file read from it) belongs to the user and cannot be written by others,
//! as ssh checks `~/.ssh`. Recovery files and the rating form's kept answers live there.

use std::io;
use std::path::Path;

/// The effective user id.
#[cfg(unix)]
pub fn user_id() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
pub fn user_id() -> u32 {
    0
}

/// Checks, as ssh does with `~/.ssh`, that a state folder (`folder`) or file is what it
/// should be, belongs to the user and cannot be written by others; else an error that says
/// what is wrong (the caller names the path).
#[cfg(unix)]
pub fn check_trusted(path: &Path, folder: bool) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // A folder may be a symbolic link (its target is checked); a file may not.
    let meta = if folder {
        std::fs::metadata(path)?
    } else {
        std::fs::symlink_metadata(path)?
    };
    let refuse = |why: String| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{why}; gapscope does not trust its state files there (fix it, or remove it)"),
        ))
    };
    let t = meta.file_type();
    if folder && !t.is_dir() {
        return refuse(format!("it is {}, not a folder", super::kind_of(&meta)));
    }
    if !folder && !t.is_file() {
        return refuse("it is not a regular file".to_string());
    }
    let me = user_id();
    if meta.uid() != me {
        return refuse(format!(
            "it belongs to user id {}, not to you ({me})",
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return refuse(format!(
            "others can write it (mode {:o})",
            meta.mode() & 0o7777
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn check_trusted(_path: &Path, _folder: bool) -> io::Result<()> {
    Ok(())
}

/// Creates a folder (and its parents) readable by the user alone (mode 0700).
#[cfg(unix)]
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}
