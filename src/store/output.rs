//! Output files of the commands (`-o FILE`): a new or replaced regular file is written
//! atomically, a FIFO or character device is written through, anything else is refused.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::atomic::{SaveError, SaveOptions, ignore_file_size_signal, save_atomic_stream, shown};

/// How an output file was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A regular file, written atomically (a temporary file renamed into place).
    File(PathBuf),
    /// A FIFO or a character device (`/dev/stdout`, a terminal, a pipe), written through.
    Through(PathBuf),
}

/// Writes a command's output to `path`.
///
/// - a FIFO or character device (or anything under `/dev/` or `/proc/`, such as
///   `/dev/stdout`) is opened and written through: no temporary file, no rename, so it
///   stays what it is (writing to a FIFO waits for a reader, as the shell's `>` does);
/// - an existing regular file (or a symbolic link to one) is replaced only when `force` is
///   given, else the error is [`SaveError::Exists`]; no backup is kept;
/// - a new file is created atomically, and never over a file that appeared meanwhile;
/// - a folder, socket or block device is refused ([`SaveError::NotRegular`]).
pub fn write_output_file(path: &Path, bytes: &[u8], force: bool) -> Result<Written, SaveError> {
    write_output_with(path, force, &mut |w| w.write_all(bytes))
}

/// Writes a command's output to `path` as [`write_output_file`] does, from what `write`
/// writes, as it writes it (through a 64 KiB buffer): a huge table or report is never held
/// whole. An error `write` returns fails the write: a new or replaced file is left as it
/// was (the temporary file removed); a FIFO or device has what was written so far.
pub fn write_output_with(
    path: &Path,
    force: bool,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<Written, SaveError> {
    // `/dev/stdout` and the like point at whatever the shell opened (a pipe, a terminal, a
    // file it redirected to): written through, never replaced, whatever they lead to.
    let special = path.starts_with("/dev/") || path.starts_with("/proc/");
    if let Ok(meta) = fs::metadata(path)
        && (through(&meta) || (special && !meta.is_dir()))
    {
        ignore_file_size_signal();
        let io_err = |what: &str| {
            let what = what.to_string();
            move |source: io::Error| SaveError::Io {
                path: path.to_path_buf(),
                what,
                source,
            }
        };
        // Appending: behind `/dev/stdout` may be a file the shell opened with `>>`.
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(io_err("cannot open it for writing"))?;
        let mut sink = io::BufWriter::with_capacity(1 << 16, file);
        write(&mut sink)
            .and_then(|()| sink.flush())
            .map_err(io_err("cannot write to it"))?;
        return Ok(Written::Through(path.to_path_buf()));
    }
    let options = SaveOptions {
        backup: false,
        replace: force,
        ..SaveOptions::default()
    };
    let saved = save_atomic_stream(path, &options, &mut |_| Ok(()), write)?;
    Ok(Written::File(saved.path))
}

/// A FIFO or character device: written through, never replaced.
fn through(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        t.is_fifo() || t.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The line a command prints on standard error after writing an org to a file:
/// `wrote FILE (N units, M ties)`, the name escaped.
pub fn wrote_line(path: &Path, units: usize, ties: usize) -> String {
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    format!(
        "wrote {} ({}, {})",
        shown(path),
        plural(units, "unit"),
        plural(ties, "tie")
    )
}
